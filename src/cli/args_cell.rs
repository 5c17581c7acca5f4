//! The command line of the training cell's own work on its roster: its
//! list of officers, exemptions, the audit log, history and notices.

use clap::Args;
use std::path::PathBuf;

pub const AUDIT_HELP: &str = "Print JSON, one object per change, oldest first (keys: at, user, change, officer, text, detail)";
pub const HISTORY_HELP: &str = "Print JSON, one object per report time, department and tier (keys: at, department, tier, officers, on_pace, behind, seconds_done, hours_target)";

#[derive(Debug, Args)]
pub struct RosterExpectArgs {
    /// The cell's list of its officers (CSV; columns by name: Name, Email or HRMS_Id, Designation, Service, Department)
    #[arg(value_name = "FILE.csv")]
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct RosterExemptArgs {
    /// The officer, as in `roster show`
    pub officer: String,
    /// Why (long leave, deputation, training abroad...): it goes to the audit log
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
    /// Only this requirement (e.g. hours, all-mandatory); default: every one
    #[arg(long, value_name = "ID")]
    pub requirement: Option<String>,
    /// The last day the exemption holds (e.g. 31.12.2026); default: until `roster unexempt`
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

#[derive(Debug, Args)]
pub struct RosterUnexemptArgs {
    /// The officer, as in `roster show`
    pub officer: String,
    /// Only the exemption from this requirement; default: all of the officer's
    #[arg(long, value_name = "ID")]
    pub requirement: Option<String>,
}

#[derive(Debug, Args)]
pub struct RosterAuditArgs {
    #[arg(long, help = AUDIT_HELP)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RosterHistoryArgs {
    #[arg(long, conflicts_with = "csv", help = HISTORY_HELP)]
    pub json: bool,
    /// Print CSV, one row per report time, department and tier
    #[arg(long)]
    pub csv: bool,
}

#[derive(Debug, Args)]
pub struct RosterNoticesArgs {
    /// Directory to write the letters and the mail-merge CSV into (made if absent)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Only this department (as the reports name it, MDO_Name)
    #[arg(long, value_name = "NAME")]
    pub mdo: Option<String>,
}
