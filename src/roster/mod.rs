//! Many officers: the training cell's roster, gathered from the portal's
//! reports, each officer mapped to a tier and evaluated by the same engine
//! as one officer's `status`. Pure: no store, no terminal.

pub mod audit;
pub mod cell;
pub mod cell_table;
pub mod departments;
pub mod designations;
pub mod evaluate;
pub mod expect;
pub mod filter;
pub mod gather;
pub mod history;
pub mod lookup;
pub mod mdo;
pub mod merge;
pub mod officer;
pub mod personal;
pub mod portal;
pub mod urgency;

pub use departments::Departments;
pub use evaluate::{evaluate_officer, Defaults, OfficerStatus, PlacementError, Verdict};
pub use filter::VerdictFilter;
pub use gather::{DurationSeen, Gathered, Gathering};
pub use lookup::{find_officer, LookupError};
pub use officer::{
    Flag, FlagKind, Officer, OfficerId, PortalHours, ReportAssessment, ReportAssignment,
    ReportCompletion, RowRef, Snapshot, Snapshots,
};
