//! The command line of a training cell's roster: listing it, importing
//! the portal's reports, one officer, a tier set by hand and the
//! meeting's report (the cell's own work is in `args_cell`).

use clap::{Args, Subcommand};
use std::path::PathBuf;

use super::args::ReportFormat;
use super::json;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct RosterArgs {
    #[command(subcommand)]
    pub action: Option<RosterAction>,
    /// Only officers of this tier (see `karmadash tiers`)
    #[arg(long, value_name = "ID")]
    pub tier: Option<String>,
    /// Only officers who are behind or overdue (or cannot be placed)
    #[arg(long)]
    pub behind: bool,
    /// Only officers of this department (MDO_Name as the reports write it, its start, or its mdoid)
    #[arg(long, value_name = "NAME", global = true)]
    pub mdo: Option<String>,
    /// Financial year (e.g. 2026-27); default: the one containing today
    #[arg(long, value_name = "FY")]
    pub fy: Option<String>,
    #[arg(long, conflicts_with = "csv", help = json::roster::ROSTER_HELP)]
    pub json: bool,
    /// Print CSV, one row per officer
    #[arg(long)]
    pub csv: bool,
    /// Service of the officers when the reports don't say (one report, one service): ias, bas, bss, bscs, danics or central
    #[arg(long, value_name = "SERVICE", global = true)]
    pub service: Option<String>,
    /// State whose orders apply to the officers (bihar, delhi...); the Bihar services imply Bihar
    #[arg(long, value_name = "STATE", global = true)]
    pub state: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum RosterAction {
    /// Read the portal's reports (reports.zip, or ConsumptionReport.csv, UserReport.csv, CBPEnrollmentReport.csv, UserAssessmentReport.csv) into the roster
    Import(RosterImportArgs),
    /// One officer's full status, as `karmadash status` prints it
    Show(RosterShowArgs),
    /// Set the tier of one officer by hand (over the designations table), or --clear it
    Tier(RosterTierArgs),
    /// The table for a review meeting: every officer by tier, with totals per tier
    Report(RosterReportArgs),
    /// Read the cell's own list of its officers: listed but in no report is `unregistered`
    Expect(super::args_cell::RosterExpectArgs),
    /// Exempt one officer (from all requirements, or one), with a reason, for the audit log
    Exempt(super::args_cell::RosterExemptArgs),
    /// Lift an officer's exemption
    Unexempt(super::args_cell::RosterUnexemptArgs),
    /// Every change the cell made (imports, tiers, exemptions, lists), with when and who
    Audit(super::args_cell::RosterAuditArgs),
    /// The roster at each report's time, per department and tier
    History(super::args_cell::RosterHistoryArgs),
    /// Letters per department and a mail-merge CSV for the officers behind
    Notices(super::args_cell::RosterNoticesArgs),
}

#[derive(Debug, Args)]
pub struct RosterReportArgs {
    /// Financial year; default: the one containing today
    #[arg(long, value_name = "FY")]
    pub fy: Option<String>,
    #[arg(long, value_enum, default_value = "md", help = json::roster::REPORT_HELP)]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct RosterImportArgs {
    /// Report files, as the portal's admin pages download them (any order, any generation), or the password-protected reports.zip
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The zip's password: the first line of FILE (else KARMADASH_ZIP_PASSWORD, else asked on the terminal)
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Say what would change, and write nothing
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, help = json::roster::IMPORT_HELP)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RosterShowArgs {
    /// The officer: e-mail (or hrms:ID / employee:ID), or the start of the e-mail or of the name, in any case
    pub officer: String,
    /// Financial year; default: the one containing today
    #[arg(long, value_name = "FY")]
    pub fy: Option<String>,
    #[arg(long, help = json::roster::OFFICER_HELP)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RosterTierArgs {
    /// The officer, as in `roster show`
    pub officer: String,
    /// The tier id (see `karmadash tiers`)
    #[arg(required_unless_present = "clear", conflicts_with = "clear")]
    pub tier: Option<String>,
    /// Go back to the designations table
    #[arg(long)]
    pub clear: bool,
}

#[derive(Debug, Args)]
pub struct ImportIgotArgs {
    /// A ConsumptionReport.csv, e.g. one your nodal officer sent
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Your e-mail (or hrms:ID) as the report names you; other officers' rows are not read
    #[arg(long, value_name = "EMAIL")]
    pub officer: String,
    /// Say what would be recorded, and write nothing
    #[arg(long)]
    pub dry_run: bool,
}
