//! What a command can fail with, as values a program can match: the
//! errors of the layers below as their own types, and the shell's own
//! input problems with their data. Display words each as today's one
//! line; the exit code is chosen from the variant in `Problem::code`.

use std::io;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::wording;
use crate::app::progress::ProgressError;
use crate::catalogue::{CourseError, LoadError, Service, ServiceError, TierNameError};
use crate::igot::ReportError;
use crate::roster::cell_table::CellTableError;
use crate::roster::LookupError;
use crate::rules::fy::FyParseError;
use crate::rules::tier::TierError;
use crate::store::{ExportError, StoreError};
use crate::units::dates::DateError;
use crate::units::duration::DurationError;
use crate::units::lang::LangError;
use crate::units::states::StateError;
use crate::units::words::count;

/// The dashboard's own failure, as it hands it back.
pub type DashboardError = Box<dyn std::error::Error + Send + Sync>;

/// What went wrong, with what a program needs to act on it.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    // The layers below, worded with the command or option that fixes them.
    #[error("{}", wording::store_error(.0))]
    Store(StoreError),
    #[error("{}", wording::load_error(.0))]
    Load(LoadError),
    #[error("{}", wording::progress_error(.0))]
    Progress(ProgressError),
    #[error("{}", wording::tier_error(.0))]
    Tier(TierError),
    /// A mistyped tier, after the option or argument that gave it.
    #[error("{given_by}: {}", wording::tier_name_error(.error))]
    TierName {
        given_by: &'static str,
        error: TierNameError,
    },
    #[error("{}", wording::cell_table_error(.0))]
    CellTable(CellTableError),
    /// An officer not found, or several (each in `Failure::details`).
    #[error("{}", wording::lookup_error(.0))]
    Lookup(LookupError),
    /// A report that cannot be read at all (its header, its kind).
    #[error("{0}")]
    Report(ReportError),
    #[error("{0}; nothing was imported")]
    ReportNotImported(ReportError),
    #[error("{0}; nothing was recorded")]
    ReportNotRecorded(ReportError),
    /// A listed course `shortlist` cannot find.
    #[error("{}", wording::shortlist_course_error(.0))]
    ShortlistCourse(CourseError),
    #[error("{0}")]
    ExportFile(super::export_file::ExportFileError),
    #[error("{0}")]
    Dashboard(DashboardError),
    /// A sync that fetched nothing; the snapshot of `kept` is unchanged.
    #[error("{}", wording::sync_error(.error, *.kept))]
    Sync {
        error: crate::portal::fetch::SyncError,
        kept: Option<NaiveDate>,
    },
    #[error("the portal catalogue snapshot: {0}; `karmadash catalogue sync` fetches it again")]
    Snapshot(crate::portal::SnapshotFileError),
    #[error("{}: no such file: give a snapshot written by `karmadash catalogue sync` (`karmadash catalogue` names it)", .path.display())]
    NoSnapshotFile { path: PathBuf },
    #[error("no portal catalogue yet: fetch it once with `karmadash catalogue sync`")]
    NoSnapshot,

    // Option values.
    #[error("{option}: {error}")]
    Date {
        option: &'static str,
        error: DateError,
    },
    #[error("--fy: {0}")]
    Fy(FyParseError),
    /// `KARMADASH_LANG` set to no language karmadash speaks.
    #[error("KARMADASH_LANG is {:?}: set it to hi or en (or --lang hi|en), or unset it", .0.given)]
    Lang(LangError),
    #[error("--service: {0}")]
    Service(ServiceError),
    #[error("--state: {0}")]
    State(StateError),
    #[error("--hours: {0}")]
    Hours(DurationError),
    #[error("--hours-per-week: '{value}' is not a number of hours: write e.g. 2 or 1.5")]
    HoursPerWeekNotANumber { value: String },
    #[error("--hours-per-week: {value} is out of range: give the hours a week you can study, more than 0 and at most {most} (the hours of a week), e.g. 2")]
    HoursPerWeekOutOfRange { value: String, most: f64 },
    #[error("{option}: {value} is out of range: give {range}")]
    SyncOption {
        option: &'static str,
        value: i64,
        range: &'static str,
    },
    #[error("--limit 0 proposes nothing: give at least 1, or leave it out for 10")]
    LimitZero,
    #[error("--officer: give your e-mail as the report names you")]
    NoOfficerEmail,

    // Files given on the command line.
    #[error("{name}: cannot open it: {error}")]
    CannotOpen { name: String, error: io::Error },
    #[error("{name}: cannot read it: {error}")]
    CannotRead { name: String, error: io::Error },
    #[error("cannot read {}: {error}", .path.display())]
    CannotReadExport { path: PathBuf, error: io::Error },
    #[error("{} is {kind}, not a regular file: {}", .path.display(), .wanted.words())]
    NotARegularFile {
        path: PathBuf,
        kind: &'static str,
        wanted: Wanted,
    },
    #[error("{} is larger than {} MB, more than any export of karmadash: give a file written by `karmadash export`; nothing was imported", .path.display(), .limit >> 20)]
    ExportTooLarge { path: PathBuf, limit: u64 },
    #[error("{} is not a karmadash export ({error}): give a file written by `karmadash export`", .path.display())]
    NotAnExport { path: PathBuf, error: ExportError },
    #[error("{}: {}; nothing was imported", .path.display(), wording::progress_error(.error))]
    ExportRefused { path: PathBuf, error: ProgressError },
    #[error("{zip}: the password is wrong (or the zip is damaged): give the password of this download, each download has its own; nothing was imported")]
    ZipPasswordWrong { zip: String },
    #[error("{zip} is password-protected: type the password when asked, on a terminal, or give it with --password-file FILE or the KARMADASH_ZIP_PASSWORD variable; nothing was imported")]
    ZipNoPassword { zip: String },
    #[error("{zip}: not a zip karmadash can read ({why}): give reports.zip as the portal gave it; nothing was imported")]
    ZipUnreadable { zip: String, why: String },
    #[error("{entry} inflates past {limit_gib} GiB, more than any report: the zip is refused whole; nothing was imported")]
    ZipEntryTooLarge { entry: String, limit_gib: u64 },
    #[error("{zip} holds no report karmadash reads{}; nothing was imported", if .skipped.is_empty() { String::new() } else { format!(" (only {})", .skipped.join(", ")) })]
    ZipNoReport { zip: String, skipped: Vec<String> },
    #[error("--mdo: {0}")]
    Department(crate::roster::mdo::DepartmentError),
    #[error("{name} is empty: its first line should be the zip's password")]
    PasswordFileEmpty { name: String },
    #[error("{name}: not a ConsumptionReport.csv: completions come from that report")]
    NotConsumptionReport { name: String },
    #[error("{name} has no row of {officer}: check --officer (the report's Email column)")]
    NoRowOfOfficer { name: String, officer: String },

    // What the store holds, or lacks, for the command.
    #[error("no profile yet: create one with `karmadash profile set --service ias --batch 2015` (or --service bas --tier bas-basic-ac ...)")]
    NoProfileForStatus,
    #[error("no profile yet: create one with `karmadash profile set --service ias --batch 2015` (see `karmadash profile set --help`)")]
    NoProfileToShow,
    #[error("the roster is empty: read the portal's reports in with `karmadash roster import ConsumptionReport.csv UserReport.csv`")]
    EmptyRoster,
    #[error(
        "the roster is empty: read the portal's reports in with `karmadash roster import FILE...`"
    )]
    EmptyRosterToReport,
    /// `roster tier` with a tier of a service the officer is not in.
    #[error("{}", wording::tier_of_another_service(.officer, .id, *.service, .tier, *.tier_service))]
    TierOfAnotherService {
        officer: String,
        id: String,
        service: Service,
        tier: String,
        tier_service: Service,
    },
    /// The cell's list of officers, refused whole.
    #[error("{0}; the list was not changed")]
    ListRefused(crate::roster::expect::ListError),
    #[error("--reason: say why the officer is exempt (long leave, deputation, training abroad...): it goes to the audit log")]
    NoReason,
    #[error("--until: {} is past: give the last day the exemption holds, today or later", .until.format("%d.%m.%Y"))]
    ExemptionEnded { until: NaiveDate },
    #[error("--requirement: {officer} has no requirement \"{requirement}\": give one of {kinds}")]
    NoSuchRequirement {
        officer: String,
        requirement: String,
        kinds: String,
    },
    #[error("{officer} <{id}> has no exemption to lift (`karmadash roster audit` lists the exemptions granted)")]
    NotExempt { officer: String, id: String },
    #[error("--mdo: no department \"{given}\" in the roster: give one of {known}")]
    NoSuchDepartment { given: String, known: String },
    #[error("{}: cannot write it: {error}", .path.display())]
    CannotWriteNotice { path: PathBuf, error: io::Error },
    #[error("{}: cannot read the template: {error}", .path.display())]
    CannotReadTemplate { path: PathBuf, error: io::Error },
    #[error("\"{}\" is not on your shortlist: `karmadash shortlist list` shows it", crate::units::text::visible(.title))]
    NotShortlisted { title: String },
    #[error("\"{}\" is already done (completion {completion} of {}): there is nothing to plan for it", crate::units::text::visible(.title), .date.format("%d.%m.%Y"))]
    AlreadyDone {
        title: String,
        completion: u64,
        date: NaiveDate,
    },

    // Checks that ran and found something unmet: exit 1.
    #[error("lint found {errors} error{} in the data files", if *.errors == 1 { "" } else { "s" })]
    LintErrors { errors: usize },
    #[error("{} of {fy} {} behind, overdue or late", count(*.shortfalls as i64, "requirement", "requirements"), if *.shortfalls == 1 { "is" } else { "are" })]
    NotOnTrack {
        shortfalls: usize,
        fy: crate::rules::fy::FinancialYear,
    },
    #[error("{} row{} could not be read (listed above); the rest {} imported", .rows, if *.rows == 1 { "" } else { "s" }, if *.dry_run { "would be" } else { "was" })]
    RowsUnread { rows: usize, dry_run: bool },
    #[error("{} row{} of the report could not be read (listed above)", .rows, if *.rows == 1 { "" } else { "s" })]
    OwnRowsUnread { rows: usize },

    // The machine, not the input.
    #[error("cannot write the output: {0}")]
    Write(io::Error),
    #[error("cannot encode JSON: {0}")]
    EncodeJson(serde_json::Error),
    #[error("cannot encode the export: {0}")]
    EncodeExport(serde_json::Error),
    #[error("cannot render the manual page: {0}")]
    RenderManual(io::Error),
    #[error("reading the store failed unexpectedly; run the command again")]
    ReadingStopped,
}

impl Problem {
    /// The exit code, for every variant here and only here: 1 for a check
    /// that ran and found something unmet or a partial import, 2 for bad
    /// input, bad data or a store that cannot be used.
    pub fn code(&self) -> i32 {
        match self {
            Problem::LintErrors { .. }
            | Problem::NotOnTrack { .. }
            | Problem::RowsUnread { .. }
            | Problem::OwnRowsUnread { .. } => 1,
            _ => 2,
        }
    }

    /// Lines printed after the message, one each: the candidates when a
    /// name matches several officers.
    pub fn details(&self) -> Vec<String> {
        match self {
            Problem::Lookup(LookupError::Several { candidates, .. }) => candidates
                .iter()
                .map(|(name, id)| format!("{name} <{id}>"))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// A failure to report: its problem, from which the exit code and the
/// lines after the message are chosen (never set beside it).
#[derive(Debug)]
pub struct Failure {
    problem: Problem,
}

impl Failure {
    /// What went wrong, for a caller to match.
    pub fn problem(&self) -> &Problem {
        &self.problem
    }

    /// The exit code the process ends with.
    pub fn code(&self) -> i32 {
        self.problem.code()
    }

    /// Lines printed after the message, one each.
    pub fn details(&self) -> Vec<String> {
        self.problem.details()
    }
}

impl From<Problem> for Failure {
    fn from(problem: Problem) -> Failure {
        Failure { problem }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.problem.fmt(f)
    }
}

impl std::error::Error for Failure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.problem)
    }
}

/// `?` on a layer's own error gives its failure.
macro_rules! failure_from {
    ($($error:ty => $variant:ident),* $(,)?) => {$(
        impl From<$error> for Failure {
            fn from(e: $error) -> Failure {
                Problem::$variant(e).into()
            }
        }
    )*};
}

failure_from!(
    StoreError => Store,
    LoadError => Load,
    TierError => Tier,
    CellTableError => CellTable,
    LookupError => Lookup,
    super::export_file::ExportFileError => ExportFile,
);

/// A refused record or edit; the store's own errors stay store errors.
impl From<ProgressError> for Failure {
    fn from(e: ProgressError) -> Failure {
        match e {
            ProgressError::Store(e) => Problem::Store(e).into(),
            other => Problem::Progress(other).into(),
        }
    }
}

/// What a command reads, said when it is given something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    Export,
    Report,
    PasswordFile,
}

impl Wanted {
    fn words(self) -> &'static str {
        match self {
            Wanted::Export => "give a file written by `karmadash export`",
            Wanted::Report => "give the report file the portal wrote (e.g. ConsumptionReport.csv)",
            Wanted::PasswordFile => "give a file whose first line is the password",
        }
    }
}
