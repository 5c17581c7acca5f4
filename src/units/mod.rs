//! Concepts every layer needs, at the bottom of the house: the financial
//! year, hours as the portal counts them, dates and large counts as
//! Indians write them, India's states, the interface's language, and the
//! nearest names to a mistyped one. Pure parsing and formatting; no
//! catalogue, store or terminal code.

pub mod amount;
pub mod cause;
pub mod checked;
pub mod dates;
pub mod duration;
pub mod fy;
pub mod grouping;
pub mod hours;
pub mod lang;
pub mod nearest;
pub mod states;
pub mod text;
pub mod words;
pub mod wrap;
