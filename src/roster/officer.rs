//! One officer as the reports show them, and what the roster flags.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::catalogue::Service;

/// Who an officer is across reports: the e-mail, case-folded; else the
/// state HRMS id (`hrms:...`); else the employee id (`employee:...`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct OfficerId(pub String);

impl OfficerId {
    pub fn from_parts(
        email: Option<&str>,
        external: Option<&str>,
        employee: Option<&str>,
    ) -> Option<OfficerId> {
        fn given(s: Option<&str>) -> Option<&str> {
            s.map(str::trim).filter(|s| !s.is_empty())
        }
        if let Some(e) = given(email) {
            return Some(OfficerId(e.to_lowercase()));
        }
        if let Some(x) = given(external) {
            return Some(OfficerId(format!("hrms:{x}")));
        }
        given(employee).map(|x| OfficerId(format!("employee:{x}")))
    }
}

impl std::fmt::Display for OfficerId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A row of a report file, so every count can be traced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowRef {
    pub file: String,
    pub line: u64,
}

impl std::fmt::Display for RowRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A completion read from a report. Reports carry no course id: within
/// one report a course is its title, provider and duration (the portal
/// writes each item's catalogue duration on every row), so two courses
/// sharing a title are two completions, while the same course completed
/// in two batches counts once, the other batch's rows kept in `also`.
/// `course` stays the catalogue's key: both satisfy one listing once, and
/// both count for hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportCompletion {
    /// Course identity: the catalogue's key, or the normalised title.
    pub course: String,
    pub title: String,
    pub in_catalogue: bool,
    /// The IST date of `Completed_On`.
    pub date: NaiveDate,
    /// What the portal counts toward learning hours: the catalogue
    /// duration of a Course; 0 for a Program or an unknown duration.
    pub seconds: u32,
    pub duration_known: bool,
    pub content_type: Option<String>,
    pub batch: Option<String>,
    pub certificate: Option<String>,
    pub source: RowRef,
    pub also: Vec<RowRef>,
    /// `Content_Provider`, part of the course's identity in its report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The duration the report gave, part of the course's identity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    /// The report's generation time, when the completion is dated after
    /// it: a date no real completion has, so it does not count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dated_after_report: Option<NaiveDateTime>,
}

impl ReportCompletion {
    /// The same course of the same report: title (or catalogue key),
    /// provider and duration.
    pub fn same_course(&self, other: &ReportCompletion) -> bool {
        let provider = |c: &ReportCompletion| {
            c.provider
                .as_deref()
                .map(crate::catalogue::identity::normalise)
        };
        self.course == other.course
            && self.duration == other.duration
            && provider(self) == provider(other)
    }
}

/// A course allocated in a capacity-building plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportAssignment {
    pub course: String,
    pub title: String,
    pub allocated: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub source: RowRef,
}

/// What a training cell should look at; a flag never changes a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    /// Enrolled to completed in under a tenth of the course's duration
    /// (Department of Posts circular of 16.06.2025).
    TooFast,
    /// The reports give one title two different durations.
    DurationConflict,
    /// No tier: the designation maps to none, or to several.
    Unmapped,
    /// A completed course whose duration no report gives: it adds no hours.
    NoDuration,
    /// In an earlier report, not in the latest one.
    NotInLatestReport,
    /// Rows of the officer's that could not be read: what they say is
    /// not counted, so "did nothing" may be "could not be read".
    RowsUnreadable,
    /// A completion dated after its report was generated (or, when the
    /// report does not say, after today): it does not count.
    FutureDate,
    /// Listed by two departments (a transfer): still one officer.
    TwoDepartments,
    /// The portal's `Course_Learning_Hours` differs from karmadash's
    /// lifetime sum of the report rows by over a minute.
    PortalDiffers,
    /// In the reports, not on the cell's list of its officers.
    NotOnList,
    /// The portal profile (UserReport) lacks the designation or the cadre
    /// batch: the portal's targets never reach the officer.
    ProfileIncomplete,
    /// The cell exempted the officer from one requirement (`cell::apply`):
    /// it leaves the verdict, and the mark says why it is missing.
    ExemptRequirement,
}

impl FlagKind {
    pub fn id(self) -> &'static str {
        match self {
            FlagKind::TooFast => "too-fast",
            FlagKind::DurationConflict => "duration-conflict",
            FlagKind::Unmapped => "unmapped",
            FlagKind::NoDuration => "no-duration",
            FlagKind::NotInLatestReport => "not-in-latest-report",
            FlagKind::RowsUnreadable => "rows-unreadable",
            FlagKind::FutureDate => "future-date",
            FlagKind::TwoDepartments => "two-departments",
            FlagKind::PortalDiffers => "portal-differs",
            FlagKind::NotOnList => "not-on-list",
            FlagKind::ProfileIncomplete => "profile-incomplete",
            FlagKind::ExemptRequirement => "exempt-requirement",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub kind: FlagKind,
    pub text: String,
}

/// An officer of the roster: who, where, and what the reports show. No
/// phone number, gender or social category: counting needs none of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Officer {
    pub id: OfficerId,
    pub name: String,
    pub designation: Option<String>,
    pub organisation: Option<String>,
    pub service: Option<Service>,
    pub batch: Option<i32>,
    pub registered: Option<NaiveDate>,
    /// A tier set by the cell for this officer, over the designation's.
    pub tier_override: Option<String>,
    pub completions: Vec<ReportCompletion>,
    pub assignments: Vec<ReportAssignment>,
    pub flags: Vec<Flag>,
    /// Which report each part of the officer comes from, and when the
    /// portal made it: an older report never replaces a newer one's part.
    #[serde(default)]
    pub snapshots: Snapshots,
    /// The department's portal id (`mdoid`), where a report gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mdoid: Option<String>,
    /// The portal's own lifetime count (`Course_Learning_Hours`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portal_hours: Option<PortalHours>,
    /// Assessment attempts (UserAssessmentReport), the latest report's and
    /// those only an older report showed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<ReportAssessment>,
}

/// `Course_Learning_Hours` of a UserReport row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortalHours {
    pub seconds: u32,
    pub source: RowRef,
}

/// The latest attempt at one assessment, as a report row gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportAssessment {
    pub name: String,
    pub kind: Option<String>,
    pub course: Option<String>,
    pub attempted: Option<NaiveDate>,
    pub percentage: Option<String>,
    pub cut_off: Option<String>,
    pub passed: bool,
    /// The portal's `No of Retakes`: every attempt, the first too.
    pub attempts: Option<u32>,
    /// The comprehensive assessment, which a requirement asks for.
    pub comprehensive: bool,
    pub source: RowRef,
    /// Shown by an older report only: an earlier attempt, kept as history.
    #[serde(default)]
    pub earlier: bool,
}

impl ReportAssessment {
    /// One attempt: the same assessment on the same day.
    pub fn same_attempt(&self, other: &ReportAssessment) -> bool {
        self.name == other.name && self.attempted == other.attempted && self.passed == other.passed
    }
}

/// A report (or the reports of one kind in one import) and its time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// `Report_Last_Generated_On`, else the file's modification time (IST).
    pub at: Option<NaiveDateTime>,
    pub files: Vec<String>,
}

impl Snapshot {
    /// Made before `other`: both times known, this one earlier.
    pub fn older_than(&self, other: &Snapshot) -> bool {
        matches!((self.at, other.at), (Some(a), Some(b)) if a < b)
    }
}

/// The snapshot behind each part of an officer, as far as known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshots {
    pub completions: Option<Snapshot>,
    pub assignments: Option<Snapshot>,
    pub details: Option<Snapshot>,
    #[serde(default)]
    pub assessments: Option<Snapshot>,
}

impl Officer {
    pub fn new(id: OfficerId) -> Self {
        Officer {
            id,
            name: String::new(),
            designation: None,
            organisation: None,
            service: None,
            batch: None,
            registered: None,
            tier_override: None,
            completions: Vec::new(),
            assignments: Vec::new(),
            flags: Vec::new(),
            snapshots: Snapshots::default(),
            mdoid: None,
            portal_hours: None,
            assessments: Vec::new(),
        }
    }

    pub fn flag(&mut self, kind: FlagKind, text: String) {
        let flag = Flag { kind, text };
        if !self.flags.contains(&flag) {
            self.flags.push(flag);
        }
    }
}
