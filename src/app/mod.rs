//! The application's services: what the CLI and the dashboard both do
//! with the core and the store, written once so both change the store one
//! way and refuse the same typos. Below the shells, above the store and
//! the core (tests/it/architecture.rs): `progress` records and checks,
//! `profile_edit` builds on it to change the profile, `planning` gathers
//! what the plan needs.

pub mod appearance;
pub mod cell;
pub mod planning;
pub mod profile_edit;
pub mod progress;
pub mod roster_listing;
