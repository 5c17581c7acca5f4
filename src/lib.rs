//! karmadash: mandatory iGOT Karmayogi training, from the orders to an
//! officer's progress. The shells (`cli`, `tui`) use the application's
//! services (`app`), which use the store and the domain core (`units`,
//! `catalogue`, `rules`, `search`, `igot`, `roster`); the core has no
//! terminal or database code (tests/it/architecture.rs).

pub mod app;
pub mod catalogue;
pub mod cli;
pub mod i18n;
pub mod igot;
pub mod portal;
pub mod roster;
pub mod rules;
pub mod search;
pub mod store;
pub mod tui;
pub mod units;

// Benchmark data, not shipped: the unit tests of search and catalogue use
// it, and it names the crate as the benches do (`karmadash::`).
#[cfg(test)]
extern crate self as karmadash;
#[cfg(test)]
#[path = "../benches/tools/synthetic.rs"]
mod synthetic;
