//! The cell's audit log: every change a training cell makes to its roster
//! (an import, a tier set by hand, an exemption, its list of officers),
//! with when and by whom. Entries are only ever added, never rewritten.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// One change, as the log keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Local time of the change.
    pub at: NaiveDateTime,
    /// Who made it (the login name, `$USER`).
    pub user: String,
    #[serde(flatten)]
    pub change: Change,
}

/// What changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Change {
    /// Reports read into the roster.
    Import { files: Vec<String>, officers: usize },
    /// A tier set by hand (none: back to the designations table).
    Tier {
        officer: String,
        tier: Option<String>,
    },
    Exempt {
        officer: String,
        reason: String,
        requirement: Option<String>,
        until: Option<NaiveDate>,
    },
    /// Exemptions lifted (one requirement's, or all of the officer's).
    Unexempt {
        officer: String,
        requirement: Option<String>,
        lifted: usize,
    },
    /// The cell's list of its officers replaced.
    Expect { file: String, officers: usize },
}

impl Change {
    /// The change's kind, as `--json` names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Change::Import { .. } => "import",
            Change::Tier { .. } => "tier",
            Change::Exempt { .. } => "exempt",
            Change::Unexempt { .. } => "unexempt",
            Change::Expect { .. } => "expect",
        }
    }
}
