//! The command line, as clap sees it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub use super::args_roster::*;
use super::json;

use crate::catalogue::Competency;
use crate::units::lang::Lang;

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
    /// Directory of extra data files: rulebooks (*.toml; same id replaces the built-in one), aliases.toml, the roster's designations.toml, and course lists (*.csv, compiled once into a cache under the XDG cache directory)
    #[arg(long, global = true, env = "KARMADASH_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Take this date as today (15.09.2026 or 2026-09-15), for every command
    #[arg(long, global = true, env = "KARMADASH_TODAY", value_name = "DATE")]
    pub today: Option<String>,

    /// Progress store (a sled database directory); default: the XDG data directory
    #[arg(long, global = true, env = "KARMADASH_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Dashboard colours for a dark or a light terminal background; default: the background the terminal's COLORFGBG names, else dark (NO_COLOR still turns colour off)
    // Not global: `courses --portal --theme` is a competency theme.
    #[arg(long, env = "KARMADASH_THEME", value_enum, ignore_case = true)]
    pub theme: Option<ThemeArg>,

    /// How the dashboard's charts draw their lines: braille dots, or blocks where the font has no braille; default: braille, blocks under TERM=linux
    #[arg(
        long,
        env = "KARMADASH_CHART_MARKER",
        value_enum,
        ignore_case = true,
        value_name = "MARKER"
    )]
    pub chart_marker: Option<MarkerArg>,

    /// Interface language: hi (हिन्दी) or en. Default: KARMADASH_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: hi_IN is Hindi), else English. --json output, ids and CSV headers stay English in both
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--theme`: the terminal's background.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ThemeArg {
    Dark,
    Light,
}

/// `--chart-marker`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MarkerArg {
    Braille,
    Block,
}

/// The languages `--lang` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Hi,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Hi => Lang::Hi,
            LangArg::En => Lang::En,
        }
    }
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
    /// The portal's catalogue kept offline: which snapshot is in use; `catalogue sync` fetches it (the only command that uses the network)
    Catalogue(CatalogueArgs),
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
    /// What closes the gaps: a step for every open requirement, a proposal of courses, the hours and a week-by-week schedule
    Plan(PlanArgs),
    /// The courses you mean to take, with the hours you plan for each (the plan counts them)
    Shortlist(ShortlistArgs),
    /// Write the year's due dates as iCalendar (RFC 5545), with a reminder a fortnight before: `karmadash calendar > karmadash.ics`
    Calendar(CalendarArgs),
    /// The table for APAR Part-2 (self-appraisal): completions of the year and what each served
    Report(ReportArgs),
    /// Write everything in the store as JSON (to FILE, or standard output)
    Export(ExportArgs),
    /// Replace the store's contents with an export
    Import(ImportArgs),
    /// A training cell's roster: every officer of the portal's reports, who is behind
    Roster(RosterArgs),
    /// Bring your own completions from a portal report (ConsumptionReport.csv) into your store
    #[command(name = "import-igot")]
    ImportIgot(ImportIgotArgs),
    /// Print a shell completion script: `karmadash completions bash > ~/.local/share/bash-completion/completions/karmadash`
    Completions(CompletionsArgs),
    /// Print the manual page (roff): `karmadash man > karmadash.1`, or `karmadash man | man -l -`
    Man,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ProfileArgs {
    #[command(subcommand)]
    pub action: Option<ProfileAction>,
    #[arg(long, help = json::status::PROFILE_HELP)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ProfileAction {
    /// Create your profile, or change only the fields you give
    #[command(
        after_help = "With no profile yet, --service is required. With one, only the fields given change and the rest are kept; \
`--clear FIELD` empties one (fields: state, batch, tier, name, registered). It prints what changed.\n\n\
States and union territories are taken by name, short name, ISO code or Hindi name (delhi, \"NCT of Delhi\", DL, दिल्ली); \
a name not on India's list is refused with the nearest one."
    )]
    Set(ProfileSet),
}

/// A profile field `--clear` empties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClearField {
    State,
    Batch,
    Tier,
    Name,
    Registered,
}

impl From<ClearField> for crate::app::profile_edit::ProfileField {
    fn from(f: ClearField) -> Self {
        use crate::app::profile_edit::ProfileField;
        match f {
            ClearField::State => ProfileField::State,
            ClearField::Batch => ProfileField::Batch,
            ClearField::Tier => ProfileField::Tier,
            ClearField::Name => ProfileField::Name,
            ClearField::Registered => ProfileField::Registered,
        }
    }
}

#[derive(Debug, Args)]
pub struct ProfileSet {
    /// Your service: ias, bas, bss, bscs, danics or central (required for a new profile)
    #[arg(long, value_name = "SERVICE")]
    pub service: Option<String>,
    /// Your state or UT: bihar, delhi, himachal, "Himachal Pradesh", HP, दिल्ली...; decides which state orders apply
    #[arg(long)]
    pub state: Option<String>,
    /// Your batch year (IAS: derives the tier from years of service)
    #[arg(long, value_name = "YEAR")]
    pub batch: Option<String>,
    /// Your tier, overriding derivation (see `karmadash tiers`)
    #[arg(long, value_name = "ID")]
    pub tier: Option<String>,
    /// Your name, for the report
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    /// When you registered on iGOT: 15.03.2026 or 2026-03-15 (day first with . / or -)
    #[arg(long, value_name = "DATE")]
    pub registered: Option<String>,
    /// Empty a field (repeatable): state, batch, tier, name or registered
    #[arg(long, value_enum, value_name = "FIELD")]
    pub clear: Vec<ClearField>,
}

#[derive(Debug, Args)]
pub struct DoneArgs {
    /// The course: its title (any case; aliases work), or a listing id like bas-basic-ac/m8
    #[arg(required = true, num_args = 1.., value_name = "COURSE")]
    pub course: Vec<String>,
    /// Hours from the certificate: 2.5, 2:30, 02:30:00, 2h 30m, 150m or 2h
    #[arg(long, value_name = "H", allow_negative_numbers = true)]
    pub hours: String,
    /// Completion date: 15.09.2026 or 2026-09-15, day first with . / or - (default: today)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The certificate id
    #[arg(long, value_name = "ID")]
    pub certificate: Option<String>,
    /// A course outside the lists, by its iGOT title (counts for hours and own-choice programmes)
    #[arg(long)]
    pub other: bool,
    #[arg(long, help = json::status::DONE_HELP)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only this financial year (e.g. 2026-27); default: every year
    #[arg(long, value_name = "FY")]
    pub fy: Option<String>,
    #[arg(long, help = json::status::LOG_HELP)]
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
    /// When it is due: 15.09.2026 or 2026-09-15, day first with . / or -
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
}

#[derive(Debug, Args)]
pub struct AssessmentArgs {
    /// The date you passed the comprehensive assessment: 15.09.2026 or 2026-09-15, day first with . / or -
    #[arg(long, value_name = "DATE")]
    pub passed: String,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Financial year (e.g. 2026-27); default: the one containing today
    #[arg(long, value_name = "FY")]
    pub fy: Option<String>,
    #[arg(long, help = json::status::STATUS_HELP)]
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
    /// Only optional courses of this competency (mandatory, assigned and shortlisted ones always stay)
    #[arg(long, value_enum)]
    pub competency: Option<CompetencyArg>,
    /// At most N optional courses of your tier in the proposal (default 10)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub limit: Option<usize>,
    /// The hours a week you can give: the schedule keeps to it, or says by how much it falls short
    #[arg(long, value_name = "H", allow_negative_numbers = true)]
    pub hours_per_week: Option<String>,
    /// Fill what the hours still lack with the portal's own courses (from `catalogue sync`) of the competencies least covered, each with its theme
    #[arg(long)]
    pub from_portal: bool,
    #[arg(long, help = json::plan::PLAN_HELP)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShortlistArgs {
    #[command(subcommand)]
    pub action: ShortlistAction,
}

#[derive(Debug, Subcommand)]
pub enum ShortlistAction {
    /// Shortlist a course, optionally with the hours you plan for it (they win over any other duration)
    Add(ShortlistAdd),
    /// Drop a course from the shortlist
    Remove(ShortlistRemove),
    /// List the shortlist with each course's hours and where they come from
    List(ShortlistList),
}

#[derive(Debug, Args)]
pub struct ShortlistAdd {
    /// The course: its title (any case; aliases work), or a listing id like bas-basic-ac/o41
    #[arg(required = true, num_args = 1.., value_name = "COURSE")]
    pub course: Vec<String>,
    /// The hours you plan for it, written as for `done`: 2.5, 2:30, 02:30:00, 2h 30m, 150m or 2h
    #[arg(long, value_name = "H", allow_negative_numbers = true)]
    pub hours: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShortlistRemove {
    /// The course, as for `shortlist add`
    #[arg(required = true, num_args = 1.., value_name = "COURSE")]
    pub course: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ShortlistList {
    #[arg(long, help = json::plan::SHORTLIST_HELP)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// Financial year; default: the one containing today
    #[arg(long, value_name = "FY")]
    pub fy: Option<String>,
    /// Add the plan's weekly study slots (the schedule of `karmadash plan`)
    #[arg(long)]
    pub schedule: bool,
    /// With --schedule: the hours a week you can give, as for `plan`
    #[arg(
        long,
        value_name = "H",
        requires = "schedule",
        allow_negative_numbers = true
    )]
    pub hours_per_week: Option<String>,
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
    #[arg(long, value_enum, default_value = "md", help = json::status::REPORT_HELP)]
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
    #[arg(long, help = json::catalogue::TIERS_HELP)]
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
    /// The portal's own courses from the synced snapshot, by competency area and theme, instead of the orders' lists
    #[arg(long, conflicts_with_all = ["tier", "mandatory", "optional"])]
    pub portal: bool,
    /// With --portal: only courses of a competency theme containing this text (any case)
    #[arg(long, value_name = "TEXT", requires = "portal")]
    pub theme: Option<String>,
    #[arg(long, help = json::catalogue::COURSES_HELP)]
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
    #[arg(
        long,
        default_value_t = 20,
        value_name = "N",
        allow_negative_numbers = true
    )]
    pub limit: usize,
    #[arg(long, help = json::catalogue::SEARCH_HELP)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct CatalogueArgs {
    #[command(subcommand)]
    pub action: Option<CatalogueAction>,
    #[arg(long, help = json::catalogue::PORTAL_STATUS_HELP)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum CatalogueAction {
    /// Fetch every Live course of the iGOT portal (title, duration, competencies, provider) into a dated snapshot; the previous one is kept whole if anything fails
    #[command(
        after_help = "The only command of karmadash that uses the network. It sends the portal's public course search and nothing else: no login, nothing of yours. \
It honours HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY, and speaks TLS through rustls. Each page of 100 courses must start to answer within --timeout seconds (a page that keeps arriving on a slow line may take five times that) and gets --tries tries, waiting 1, 2, 4... s between them.\n\n\
With --from FILE it installs a snapshot copied from another machine (the file `karmadash catalogue` names) and uses no network at all."
    )]
    Sync(SyncArgs),
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The portal's address: a mirror, or a local copy for testing
    #[arg(
        long,
        value_name = "URL",
        env = "KARMADASH_PORTAL",
        default_value = crate::portal::fetch::DEFAULT_PORTAL
    )]
    pub portal: String,
    /// Install this snapshot file (copied from a colleague's machine) instead of fetching
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Seconds one page may take, from connecting to its last byte (1 to 600)
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 60,
        allow_negative_numbers = true
    )]
    pub timeout: i64,
    /// Tries for each page before the sync gives up (1 to 10)
    #[arg(
        long,
        value_name = "N",
        default_value_t = 4,
        allow_negative_numbers = true
    )]
    pub tries: i64,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    #[arg(long, help = json::catalogue::LINT_HELP)]
    pub json: bool,
}
