//! Why a record, a profile or an import was refused, in the domain's
//! words and with the data at fault; the CLI and the dashboard each add
//! how to fix it (`cli::wording`, `tui::wording`). The profile's fields
//! and a batch typed wrong live here too, because these errors name them.

use chrono::NaiveDate;

use crate::catalogue::{CourseError, ServiceError, TierNameError};
use crate::rules::tier::TierError;
use crate::units::dates::DateError;
use crate::units::duration::DurationError;
use crate::units::states::StateError;
use crate::units::text::TextError;

/// Dates in messages as everywhere else karmadash shows one: day first.
fn day(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// A date a record cannot have. `what` names it: "completion date".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordDateError {
    #[error("{what} {} is in the future (today is {}): record it once it has happened", day(*date), day(*today))]
    Future {
        what: &'static str,
        date: NaiveDate,
        today: NaiveDate,
    },
    #[error("{what} {} is before Mission Karmayogi began (02.09.2020): check the year", day(*date))]
    BeforeKarmayogi { what: &'static str, date: NaiveDate },
    #[error("due date {} is before Mission Karmayogi began (02.09.2020): check the year", day(*due))]
    DueBeforeKarmayogi { due: NaiveDate },
}

/// Why a record was refused, in the domain's words: each variant names
/// the value and the forms it may take, never a flag or a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProgressError {
    #[error(transparent)]
    Hours(#[from] DurationError),
    #[error(transparent)]
    Date(#[from] RecordDateError),
    #[error(transparent)]
    Text(#[from] TextError),
    #[error(transparent)]
    State(#[from] StateError),
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error(transparent)]
    TierName(#[from] TierNameError),
    #[error(transparent)]
    Batch(#[from] BatchError),
    /// A registration date typed wrong.
    #[error("registration date: {0}")]
    Registration(DateError),
    /// A course outside the lists, or an assigned one, with no title.
    #[error("give the {}course's title as iGOT shows it", if *.assigned { "assigned " } else { "" })]
    NoTitle { assigned: bool },
    /// A whole profile (the form) with its service left empty.
    #[error("give your service: one of {}", .choices.join(", "))]
    ServiceNotGiven { choices: Vec<String> },
    #[error(transparent)]
    Tier(#[from] TierError),
    #[error(transparent)]
    Course(#[from] CourseError),
    /// A course outside the lists was named with a listed course's title.
    #[error("\"{title}\" is a listed course: record it as listed so it counts for your lists")]
    ListedAsOther { title: String },
    /// A field both given and cleared in one edit.
    #[error("the {} was both given and cleared: keep one", .0.id())]
    GivenAndCleared(ProfileField),
    /// A field given as empty text (clearing it is explicit).
    #[error("the {} is empty: give a value, or clear it", .0.id())]
    EmptyValue(ProfileField),
    /// No profile yet, and the edit gives no service to create one with.
    #[error("no profile yet: give the service ({}) to create one", .choices.join(", "))]
    NoService { choices: Vec<String> },
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// An export refused whole: which record, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("id {0} is zero or used twice")]
    IdReused(u64),
    #[error("id {id} is not below next_id {next_id}")]
    IdPastNext { id: u64, next_id: u64 },
    #[error("the profile: {0}")]
    Profile(Box<ProgressError>),
    #[error("assignment {id} (\"{}\"): {why}", quoted(.title))]
    Assignment {
        id: u64,
        title: String,
        why: RecordProblem,
    },
    #[error("assessment {id}: {why}")]
    Assessment { id: u64, why: RecordDateError },
    #[error("completion {id} (\"{}\"): {why}", quoted(.title))]
    Completion {
        id: u64,
        title: String,
        why: RecordProblem,
    },
}

/// What is wrong with one imported record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordProblem {
    #[error(transparent)]
    Text(#[from] TextError),
    #[error(transparent)]
    Date(#[from] RecordDateError),
    #[error("it names no course")]
    NoCourse,
    #[error("{0} seconds is not a plausible course length")]
    Seconds(u32),
    /// Marked as listed, but this catalogue has no such course: the export
    /// was likely made with other data files.
    #[error("the course is not in this catalogue (was the export made with other data files?)")]
    NotInCatalogue,
    #[error("the course is recorded twice")]
    RecordedTwice,
}

/// A title quoted in an error: shortened, so a hostile one cannot flood
/// the one line the error gets.
pub fn quoted(title: &str) -> String {
    const SHOWN: usize = 60;
    match title.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{}...", &title[..end]),
        None => title.to_string(),
    }
}

/// The fields a person may clear (the service is never cleared).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileField {
    State,
    Batch,
    Tier,
    Name,
    Registered,
}

impl ProfileField {
    pub const ALL: [ProfileField; 5] = [
        ProfileField::State,
        ProfileField::Batch,
        ProfileField::Tier,
        ProfileField::Name,
        ProfileField::Registered,
    ];

    /// The field's name, which is also its option's: `--state`, `--clear state`.
    pub fn id(self) -> &'static str {
        match self {
            ProfileField::State => "state",
            ProfileField::Batch => "batch",
            ProfileField::Tier => "tier",
            ProfileField::Name => "name",
            ProfileField::Registered => "registered",
        }
    }
}

/// A batch that is no year an officer could have joined in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("batch '{typed}' is not a year between 1950 and {this_year}")]
pub struct BatchError {
    pub typed: String,
    pub this_year: i32,
}
