//! The command line, as clap sees it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

use crate::catalogue::Competency;

#[derive(Debug, Parser)]
#[command(
    name = "karmadash",
    version,
    about = "Mandatory iGOT Karmayogi training: browse the prescribed courses, track your progress for the financial year",
    long_about = "Mandatory iGOT Karmayogi training: browse the course lists that DoPT, Delhi and Bihar orders prescribe, \
record what you completed, and see every requirement of the financial year traced to the order behind it.\n\n\
Run without a command to open the dashboard.",
    after_help = "Exit codes: 0 success; 1 a check found something unmet (lint errors, status --check); 2 bad input, bad data or an unusable store."
)]
pub struct Cli {
    /// Directory of extra data files: rulebooks (*.toml; same id replaces the built-in one), aliases.toml, and course lists (*.csv, compiled once into a cache under the XDG cache directory)
    #[arg(long, global = true, env = "KARMADASH_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Take this date as today (YYYY-MM-DD), for every command
    #[arg(long, global = true, env = "KARMADASH_TODAY", value_name = "DATE")]
    pub today: Option<String>,

    /// Progress store (a sled database directory); default: the XDG data directory
    #[arg(long, global = true, env = "KARMADASH_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the tiers (service and level) with their mandatory and optional course counts
    Tiers(TiersArgs),
    /// List the courses prescribed for a tier, by competency and status
    Courses(CoursesArgs),
    /// Fuzzy-search every course title and alias
    Search(SearchArgs),
    /// Check the data files and report the defects of the source tables
    Lint(LintArgs),
    /// Show your profile, or set it with `profile set`
    Profile(ProfileArgs),
    /// Record a completed course
    Done(DoneArgs),
    /// List your completions
    Log(LogArgs),
    /// Delete a completion by its id (see `karmadash log`)
    Remove(RemoveArgs),
    /// Record a course assigned to you (e.g. by your Administrative Secretary)
    Assign(AssignArgs),
    /// Record the comprehensive assessment as passed
    Assessment(AssessmentArgs),
    /// Am I on track this financial year? Every requirement with the order behind it
    Status(StatusArgs),
    /// What closes the gaps: open mandatory courses, optional courses by competency, hours per week
    Plan(PlanArgs),
    /// The table for APAR Part-2 (self-appraisal): completions of the year and what each served
    Report(ReportArgs),
    /// Write everything in the store as JSON (to FILE, or standard output)
    Export(ExportArgs),
    /// Replace the store's contents with an export
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ProfileArgs {
    #[command(subcommand)]
    pub action: Option<ProfileAction>,
    /// Print JSON (keys: profile, tier{id, basis}, rulebooks)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ProfileAction {
    /// Create or change your profile
    Set(ProfileSet),
}

#[derive(Debug, Args)]
pub struct ProfileSet {
    /// Your service: ias, bas, bss, bscs, danics or central
    #[arg(long, value_name = "SERVICE")]
    pub service: String,
    /// Your state or UT (bihar, delhi, himachal...): decides which state orders apply
    #[arg(long)]
    pub state: Option<String>,
    /// Your batch year (IAS: derives the tier from years of service)
    #[arg(long, value_name = "YEAR")]
    pub batch: Option<i32>,
    /// Your tier, overriding derivation (see `karmadash tiers`)
    #[arg(long, value_name = "ID")]
    pub tier: Option<String>,
    /// Your name, for the report
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    /// When you registered on iGOT (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub registered: Option<String>,
}

#[derive(Debug, Args)]
pub struct DoneArgs {
    /// The course: its title (any case; aliases work), or a listing id like bas-basic-ac/m8
    #[arg(required = true, num_args = 1.., value_name = "COURSE")]
    pub course: Vec<String>,
    /// Hours from the certificate: 1.5, 1:30 or 01:30:00
    #[arg(long, value_name = "H", allow_negative_numbers = true)]
    pub hours: String,
    /// Completion date (default: today)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The certificate id
    #[arg(long, value_name = "ID")]
    pub certificate: Option<String>,
    /// A course outside the lists, by its iGOT title (counts for hours and own-choice programmes)
    #[arg(long)]
    pub other: bool,
    /// Print the recorded completion as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only this financial year (e.g. 2026-27); default: every year
    #[arg(long, value_name = "FY")]
    pub fy: Option<String>,
    /// Print JSON (a list; keys: id, course, title, in_catalogue, date, hours, certificate, fy)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The completion's id, from `karmadash log`
    pub id: u64,
}

#[derive(Debug, Args)]
pub struct AssignArgs {
    /// The course title (catalogue or any iGOT course)
    #[arg(required = true, num_args = 1.., value_name = "COURSE")]
    pub course: Vec<String>,
    /// When it is due
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
}

#[derive(Debug, Args)]
pub struct AssessmentArgs {
    /// The date you passed the comprehensive assessment
    #[arg(long, value_name = "DATE")]
    pub passed: String,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Financial year (e.g. 2026-27); default: the one containing today
    #[arg(long, value_name = "FY")]
    pub fy: Option<String>,
    /// Print JSON (keys: fy, as_of, profile, tier{id, basis}, requirements[kind, rulebook, citation, text, done, target, unit, seconds, met, due, done_on, days_left, standing (met, open, behind, overdue, late), open, counted], on_track)
    #[arg(long)]
    pub json: bool,
    /// One line, for a shell prompt or MOTD
    #[arg(long, conflicts_with = "json")]
    pub short: bool,
    /// Exit 1 when behind: a requirement behind its pace, overdue or late (the verdict --short prints)
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Financial year; default: the one containing today
    #[arg(long, value_name = "FY")]
    pub fy: Option<String>,
    /// Print JSON (keys: open_mandatory, optional[competency, covered, courses], hours)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    Md,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Financial year; default: the one containing today
    #[arg(long, value_name = "FY")]
    pub fy: Option<String>,
    #[arg(long, value_enum, default_value = "md")]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Where to write; default: standard output
    pub file: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// An export written by `karmadash export`
    pub file: std::path::PathBuf,
}

#[derive(Debug, Args)]
pub struct TiersArgs {
    /// Print JSON (keys: id, service, label, label_hi, rulebook, mandatory, optional, rows)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CompetencyArg {
    Behavioural,
    Functional,
    Domain,
}

impl From<CompetencyArg> for Competency {
    fn from(c: CompetencyArg) -> Self {
        match c {
            CompetencyArg::Behavioural => Competency::Behavioural,
            CompetencyArg::Functional => Competency::Functional,
            CompetencyArg::Domain => Competency::Domain,
        }
    }
}

#[derive(Debug, Args)]
pub struct CoursesArgs {
    /// Only this tier (see `karmadash tiers`)
    #[arg(long, value_name = "ID")]
    pub tier: Option<String>,
    /// Only listings of this competency
    #[arg(long, value_enum)]
    pub competency: Option<CompetencyArg>,
    /// Only mandatory listings
    #[arg(long, conflicts_with = "optional")]
    pub mandatory: bool,
    /// Only optional listings
    #[arg(long)]
    pub optional: bool,
    /// Print JSON (keys: id, tier, row, status, competencies, title, course, defect, rulebook, source)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for; every word must match (fuzzy), Hindi too
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    pub query: Vec<String>,
    /// Only courses listed in this tier
    #[arg(long, value_name = "ID")]
    pub tier: Option<String>,
    /// At most this many courses
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Print JSON (keys: query, hits[course, title, matched, score, positions, tiers, listings])
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Print JSON (keys: errors, warnings, findings[severity, code, file, line, message])
    #[arg(long)]
    pub json: bool,
}
