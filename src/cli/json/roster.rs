//! The wire types of `roster`, `roster show`, `roster import` and
//! `roster report`: a training cell's officers, imports and totals.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::{RequirementJson, TierJson};
use crate::igot::DateOrder;
use crate::roster::{Flag, OfficerStatus, Verdict};
use crate::store::roster::{Changes, ImportRecord, ImportedFile};
use crate::units::fy::FinancialYear;

pub const ROSTER_HELP: &str = "Print JSON (keys: fy, as_of, officers[officer, name, designation, tier, verdict, requirements, on_track, flags])";
pub const OFFICER_HELP: &str =
    "Print JSON (keys: officer, name, designation, tier, verdict, requirements, on_track, flags)";
pub const IMPORT_HELP: &str = "Print JSON (keys: files[name, kind, rows, rejected, generated_on, snapshot_at, fingerprint], reading[file, encoding, date_order], rejected, added, updated, unchanged, not_in_latest, not_in_newer, kept_newer, already_imported)";
pub const REPORT_HELP: &str = "md or csv (one row per tier) for people; json (keys: fy, as_of, imports, tiers[department (when the reports name one), tier, label, officers, met, on_pace, behind, overdue, seconds_done, hours_target, unregistered, exempt])";

/// What `roster --json` prints before its officers; they follow, one at
/// a time, under `officers` (see `cli::output::JsonArray`).
#[derive(Serialize)]
pub struct RosterHead {
    fy: String,
    as_of: NaiveDate,
}

pub fn roster_head(fy: FinancialYear, as_of: NaiveDate) -> RosterHead {
    RosterHead {
        fy: super::fy(fy),
        as_of,
    }
}

/// One officer: the verdict, every requirement as `status` gives it, and
/// the flags in the CLI's words.
#[derive(Serialize)]
pub struct OfficerJson<'a> {
    officer: &'a str,
    name: &'a str,
    designation: Option<&'a str>,
    tier: Option<TierJson>,
    verdict: &'static str,
    requirements: Vec<RequirementJson<'a>>,
    on_track: bool,
    flags: Vec<FlagJson>,
}

pub fn officer<'a>(s: &'a OfficerStatus) -> OfficerJson<'a> {
    OfficerJson {
        officer: &s.officer.id.0,
        name: &s.officer.name,
        designation: s.officer.designation.as_deref(),
        tier: s.status.as_ref().map(|st| super::tier(&st.tier)),
        verdict: verdict(s.verdict()),
        requirements: s
            .status
            .as_ref()
            .map_or_else(Vec::new, |st| super::requirements(&st.requirements)),
        on_track: s.status.as_ref().is_some_and(|st| st.on_track),
        flags: crate::cli::wording::officer_flags(s)
            .into_iter()
            .map(flag)
            .collect(),
    }
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Overdue => "overdue",
        Verdict::Behind => "behind",
        Verdict::Unmapped => "unmapped",
        Verdict::OnPace => "on-pace",
        Verdict::Met => "met",
        Verdict::Exempt => "exempt",
        Verdict::Unregistered => "unregistered",
    }
}

#[derive(Serialize)]
struct FlagJson {
    kind: &'static str,
    text: String,
}

fn flag(f: Flag) -> FlagJson {
    FlagJson {
        kind: f.kind.id(),
        text: f.text,
    }
}

/// A report file as imported.
#[derive(Serialize)]
pub struct FileJson<'a> {
    name: &'a str,
    kind: &'a str,
    rows: u64,
    rejected: u64,
    generated_on: Option<&'a str>,
    snapshot_at: Option<NaiveDateTime>,
    fingerprint: &'a str,
}

fn file(f: &ImportedFile) -> FileJson<'_> {
    FileJson {
        name: &f.name,
        kind: &f.kind,
        rows: f.rows,
        rejected: f.rejected,
        generated_on: f.generated_on.as_deref(),
        snapshot_at: f.snapshot_at,
        fingerprint: &f.fingerprint,
    }
}

/// How a file was read: its encoding and the order of its dates.
#[derive(Serialize)]
pub struct ReadingJson<'a> {
    file: &'a str,
    /// `utf-8`, or `windows-1252` (Excel's "CSV" save).
    encoding: &'static str,
    /// `day-first`, `month-first`, or null when no date needed one.
    date_order: Option<&'static str>,
}

pub fn reading(file: &str, windows_1252: bool, order: Option<DateOrder>) -> ReadingJson<'_> {
    ReadingJson {
        file,
        encoding: if windows_1252 {
            "windows-1252"
        } else {
            "utf-8"
        },
        date_order: order.map(|o| match o {
            DateOrder::DayFirst => "day-first",
            DateOrder::MonthFirst => "month-first",
        }),
    }
}

/// `roster import --json`: the files, how each was read, the rows
/// refused, and what changed officer by officer.
#[derive(Serialize)]
pub struct ImportJson<'a> {
    files: Vec<FileJson<'a>>,
    reading: Vec<ReadingJson<'a>>,
    rejected: Vec<String>,
    added: &'a [String],
    updated: &'a [String],
    unchanged: usize,
    not_in_latest: &'a [String],
    not_in_newer: &'a [String],
    kept_newer: &'a [String],
    already_imported: Option<u64>,
}

pub fn import<'a>(
    files: &'a [ImportedFile],
    reading: Vec<ReadingJson<'a>>,
    rejected: Vec<String>,
    changes: &'a Changes,
) -> ImportJson<'a> {
    ImportJson {
        files: files.iter().map(file).collect(),
        reading,
        rejected,
        added: &changes.added,
        updated: &changes.updated,
        unchanged: changes.unchanged,
        not_in_latest: &changes.not_in_latest,
        not_in_newer: &changes.not_in_newer,
        kept_newer: &changes.kept_newer,
        already_imported: changes.already_imported,
    }
}

/// One tier's totals (or the officers no tier holds: `tier` "-"); the
/// Markdown and CSV of `roster report` print the same figures.
#[derive(Serialize, Default)]
pub struct TierTotals {
    /// The department (`MDO_Name`); absent when the reports name none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    pub tier: String,
    pub label: String,
    pub officers: usize,
    pub met: usize,
    pub on_pace: usize,
    pub behind: usize,
    pub overdue: usize,
    pub seconds_done: u64,
    pub hours_target: f64,
    /// On the cell's list, in no report.
    pub unregistered: usize,
    /// Exempted by the cell: not in `officers` nor in the hours target.
    pub exempt: usize,
}

#[derive(Serialize)]
struct ImportRecordJson<'a> {
    number: u64,
    files: Vec<FileJson<'a>>,
    officers: usize,
    imported_on: NaiveDate,
}

#[derive(Serialize)]
pub struct ReportJson<'a> {
    fy: String,
    as_of: NaiveDate,
    imports: Vec<ImportRecordJson<'a>>,
    tiers: &'a [TierTotals],
}

pub fn report<'a>(
    fy: FinancialYear,
    as_of: NaiveDate,
    imports: &'a [ImportRecord],
    tiers: &'a [TierTotals],
) -> ReportJson<'a> {
    ReportJson {
        fy: super::fy(fy),
        as_of,
        imports: imports
            .iter()
            .map(|i| ImportRecordJson {
                number: i.number,
                files: i.files.iter().map(file).collect(),
                officers: i.officers,
                imported_on: i.imported_on,
            })
            .collect(),
        tiers,
    }
}
