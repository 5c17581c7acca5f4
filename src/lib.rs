//! karmadash: mandatory iGOT Karmayogi training, from the orders to an
//! officer's progress. The domain core (`catalogue`, `rules`, `search`) has
//! no terminal or database code; `store`, `cli` and `tui` are thin layers.

pub mod catalogue;
pub mod cli;
pub mod igot;
pub mod planning;
pub mod profile_edit;
pub mod progress;
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
