//! The compliance rules: financial years, tiers, and the engine that turns
//! a profile, the catalogue and completions into requirement statuses. Pure
//! functions over plain data: no clock, no disk, no terminal.

pub mod engine;
pub mod fy;
pub mod pace;
pub mod plan;
pub mod record;
pub mod status_text;
pub mod tier;
