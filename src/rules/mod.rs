//! The compliance rules: financial years, tiers, and the engine that turns
//! a profile, the catalogue and completions into requirement statuses. Pure
//! functions over plain data: no clock, no disk, no terminal.

pub mod engine;
/// The financial year lives at the bottom of the house, with hours and
/// dates; it is re-exported here where the engine's users look for it.
pub use crate::units::fy;
pub mod durations;
pub mod pace;
pub mod plan;
pub mod portal_fill;
pub mod proposal;
pub mod record;
pub mod schedule;
pub mod status_text;
pub mod step_action;
pub mod steps;
pub mod tier;
pub mod to_record;
