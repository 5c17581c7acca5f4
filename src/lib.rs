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
pub mod synthetic;
pub mod tui;
pub mod units;
