//! Concepts every layer needs, at the bottom of the house: hours as the
//! portal counts them and dates as Indians write them. Pure parsing and
//! formatting; no catalogue, store or terminal code.

pub mod dates;
pub mod hours;
pub mod text;
