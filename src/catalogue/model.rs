//! The catalogue's vocabulary: services, competencies, tiers, listings,
//! rulebooks and the typed requirements they impose.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use thin_vec::ThinVec;

use crate::units::fy::FinancialYear;

/// A civil service a profile belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Service {
    Ias,
    Bas,
    Bss,
    Bscs,
    Danics,
    Central,
}

impl Service {
    pub const ALL: [Service; 6] = [
        Service::Ias,
        Service::Bas,
        Service::Bss,
        Service::Bscs,
        Service::Danics,
        Service::Central,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Service::Ias => "ias",
            Service::Bas => "bas",
            Service::Bss => "bss",
            Service::Bscs => "bscs",
            Service::Danics => "danics",
            Service::Central => "central",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Service::Ias => "Indian Administrative Service",
            Service::Bas => "Bihar Administrative Service",
            Service::Bss => "Bihar Secretariat Service",
            Service::Bscs => "Bihar Secretariat Clerical Service",
            Service::Danics => "DANICS",
            Service::Central => "Central Government employee",
        }
    }

    pub fn parse(s: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|v| v.id() == s)
    }

    /// A service as typed, in any case; an unknown one gets the nearest id.
    pub fn parse_typed(typed: &str) -> Result<Service, super::ServiceError> {
        let typed = typed.trim();
        if let Some(s) = Service::ALL
            .into_iter()
            .find(|v| v.id().eq_ignore_ascii_case(typed))
        {
            return Ok(s);
        }
        let ids = Service::ALL.map(Service::id);
        // Six short ids: the list itself helps, e.g. an IFS officer
        // learns that only `central` would fit.
        Err(super::ServiceError {
            typed: typed.to_string(),
            nearest: crate::units::nearest::nearest(typed, ids),
            known: ids.to_vec(),
        })
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The three kinds of the iGOT competency framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Competency {
    Behavioural,
    Functional,
    Domain,
}

impl Competency {
    pub const ALL: [Competency; 3] = [
        Competency::Behavioural,
        Competency::Functional,
        Competency::Domain,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Competency::Behavioural => "behavioural",
            Competency::Functional => "functional",
            Competency::Domain => "domain",
        }
    }

    /// One-letter badge used in narrow tables.
    pub fn letter(self) -> char {
        match self {
            Competency::Behavioural => 'B',
            Competency::Functional => 'F',
            Competency::Domain => 'D',
        }
    }

    /// "BF·"-style badges: a letter per competency ticked, `blank` otherwise.
    pub fn badges(ticked: &[Competency], blank: char) -> String {
        Competency::ALL
            .iter()
            .map(|c| {
                if ticked.contains(c) {
                    c.letter()
                } else {
                    blank
                }
            })
            .collect()
    }

    /// Accepts the framework's spelling and the American one the Bihar letter prints.
    pub fn parse(s: &str) -> Option<Competency> {
        match s.to_ascii_lowercase().as_str() {
            "behavioural" | "behavioral" | "b" => Some(Competency::Behavioural),
            "functional" | "f" => Some(Competency::Functional),
            "domain" | "d" => Some(Competency::Domain),
            _ => None,
        }
    }
}

impl fmt::Display for Competency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Whether a listing is Mandatory or Optional in its tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListingStatus {
    Mandatory,
    Optional,
}

impl ListingStatus {
    pub fn id(self) -> &'static str {
        match self {
            ListingStatus::Mandatory => "mandatory",
            ListingStatus::Optional => "optional",
        }
    }
}

/// A defect of the source table, judged by the transcriber and kept visible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceDefect {
    /// An editor's remark printed as a row; not a course, never counted.
    EditingNote,
    /// A title cut off in the source; still a course, matched as printed.
    Truncated,
}

impl SourceDefect {
    pub fn id(self) -> &'static str {
        match self {
            SourceDefect::EditingNote => "editing-note",
            SourceDefect::Truncated => "truncated",
        }
    }
}

/// Where something came from: a data file and a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

#[derive(Debug, Clone)]
pub struct Forwarded {
    pub authority: String,
    pub reference: String,
    pub date: NaiveDate,
    pub to: String,
    pub seed: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Citation {
    pub authority: String,
    pub reference: String,
    pub date: NaiveDate,
    pub subject: String,
    pub seed: Option<String>,
    pub notes: Vec<String>,
    pub forwarded: Vec<Forwarded>,
}

/// One order turned into data.
#[derive(Debug, Clone)]
pub struct Rulebook {
    pub id: String,
    pub short: String,
    pub citation: Citation,
    pub services: Vec<Service>,
    /// Empty: applies in every state.
    pub states: Vec<String>,
    pub requirements: Vec<RequirementSpec>,
    pub origin: Origin,
}

impl Rulebook {
    /// States compare by the closed list, so a profile stored before it
    /// existed with "New Delhi" still meets the Delhi OM's `delhi`.
    pub fn applies_to(&self, service: Service, state: Option<&str>) -> bool {
        let slug = |s: &str| {
            crate::units::states::find_state(s).map_or(s.to_string(), |k| k.slug.to_string())
        };
        self.services.contains(&service)
            && (self.states.is_empty()
                || state.is_some_and(|s| {
                    let s = slug(s);
                    self.states.iter().any(|t| slug(t) == s)
                }))
    }
}

/// One band of one service's prescribed list.
#[derive(Debug, Clone)]
pub struct Tier {
    pub id: String,
    pub service: Service,
    pub label: String,
    pub label_hi: Option<String>,
    pub min_years: Option<u32>,
    pub max_years: Option<u32>,
    pub rulebook: String,
    pub origin: Origin,
}

/// Index of a course in `Catalogue::courses`.
pub type CourseId = usize;

/// A course in a tier, as printed in one order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    /// Stable id: tier, `m` or `o`, and the row number printed in the source.
    pub id: String,
    pub tier: String,
    pub row: u32,
    pub status: ListingStatus,
    pub competencies: Vec<Competency>,
    pub title: String,
    pub defect: Option<SourceDefect>,
    pub rulebook: String,
    /// None for editing notes, which are not courses.
    pub course: Option<CourseId>,
    pub origin: Origin,
}

/// One iGOT course, however many lists print it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Course {
    /// The identity key (see `key`), kept only where it is not simply the
    /// normalised title: a portal export's 100,000 courses keep none, a
    /// tenth of their memory.
    pub(super) stored_key: Option<Box<str>>,
    pub title: String,
    /// Other printed titles. A ThinVec (one pointer, no allocation while
    /// empty), as most of a portal export's courses have none.
    pub aliases: ThinVec<String>,
    /// Indexes into `Catalogue::listings` (a ThinVec for the same reason).
    pub listings: ThinVec<usize>,
}

impl Course {
    /// A course of the rulebooks, whose key may come from the alias table.
    pub(super) fn keyed(key: String, title: String) -> Course {
        Course {
            stored_key: Some(key.into_boxed_str()),
            title,
            aliases: ThinVec::new(),
            listings: ThinVec::new(),
        }
    }

    /// A course identified by its own title, normalised.
    pub(super) fn titled(title: String) -> Course {
        Course {
            stored_key: None,
            title,
            aliases: ThinVec::new(),
            listings: ThinVec::new(),
        }
    }

    /// The course's identity: its normalised title, or the normalised title
    /// the alias table names for it. Completions, the shortlist and
    /// lookups by title go by it.
    pub fn key(&self) -> Cow<'_, str> {
        match &self.stored_key {
            Some(key) => Cow::Borrowed(key),
            None => Cow::Owned(super::identity::normalise(&self.title)),
        }
    }
}

/// What a requirement asks, with its parameters.
#[derive(Debug, Clone, PartialEq)]
pub enum RequirementKind {
    /// Every distinct mandatory course of the profile's tier.
    AllMandatory,
    /// A share of the distinct courses prescribed for the tier.
    ShareOfPrescribed { share: f64 },
    /// Hours of completions dated inside the financial year.
    HoursPerFy { hours: f64 },
    /// At least `count` courses, either inside the FY or by the due date.
    CoursesByDate {
        count: u32,
        scope: CourseScope,
        window: CountWindow,
    },
    /// At least `count` programmes of own choice in each half year.
    OwnChoicePerHalfYear { count: u32 },
    /// The comprehensive assessment, passed in the FY.
    AssessmentPassed,
    /// Registered on iGOT (by the due date when there is one).
    Registration,
    /// The courses assigned to the officer for the year (at least `count`).
    AssignedCourses { count: u32 },
}

impl RequirementKind {
    /// Every kind once, its parameters left empty: with `id`, the one
    /// place a kind's name is spelled (the loader and its messages read it).
    pub const ALL: [RequirementKind; 8] = [
        RequirementKind::AllMandatory,
        RequirementKind::ShareOfPrescribed { share: 0.0 },
        RequirementKind::HoursPerFy { hours: 0.0 },
        RequirementKind::CoursesByDate {
            count: 0,
            scope: CourseScope::Any,
            window: CountWindow::Fy,
        },
        RequirementKind::OwnChoicePerHalfYear { count: 0 },
        RequirementKind::AssessmentPassed,
        RequirementKind::Registration,
        RequirementKind::AssignedCourses { count: 0 },
    ];

    /// The kind's name in rulebooks and in `status --json`.
    pub fn id(&self) -> &'static str {
        match self {
            RequirementKind::AllMandatory => "all-mandatory",
            RequirementKind::ShareOfPrescribed { .. } => "share-of-prescribed",
            RequirementKind::HoursPerFy { .. } => "hours-per-fy",
            RequirementKind::CoursesByDate { .. } => "courses-by-date",
            RequirementKind::OwnChoicePerHalfYear { .. } => "own-choice-per-half-year",
            RequirementKind::AssessmentPassed => "assessment-passed",
            RequirementKind::Registration => "registration",
            RequirementKind::AssignedCourses { .. } => "assigned-courses",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CourseScope {
    /// Any completion, catalogue or other.
    Any,
    /// Mandatory courses of the profile's tier.
    Mandatory,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CountWindow {
    /// Completions dated inside the financial year.
    Fy,
    /// Completions dated on or before the due date.
    UntilDue,
}

/// A requirement as the rulebook states it, before any profile is known.
#[derive(Debug, Clone, PartialEq)]
pub struct RequirementSpec {
    pub kind: RequirementKind,
    pub text: String,
    pub clause: String,
    /// Narrows the rulebook's services; None: all of them.
    pub services: Option<Vec<Service>>,
    pub first_fy: Option<FinancialYear>,
    pub last_fy: Option<FinancialYear>,
    /// A fixed date; None: the end of the financial year (or half year).
    pub due: Option<NaiveDate>,
    pub origin: Origin,
}

impl RequirementSpec {
    pub fn applies_in(&self, fy: FinancialYear, service: Service) -> bool {
        self.first_fy.is_none_or(|f| fy >= f)
            && self.last_fy.is_none_or(|l| fy <= l)
            && self.services.as_ref().is_none_or(|s| s.contains(&service))
    }
}
