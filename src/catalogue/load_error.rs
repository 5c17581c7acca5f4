//! Why a data file does not load, as a type a caller can match: each kind
//! carries what it found (the value as written, the row or line it clashes
//! with), `Display` gives the one sentence, and `LoadError::origin` says
//! where. How to fix it with a command is the shell's to add.

pub use crate::units::cause::Cause;
use std::fmt;

use super::course_csv::{RowError, COLUMNS};
use super::load::MAX_ROW;
use super::load_requirement::RequirementError;
use super::model::{Competency, ListingStatus, Origin, Service};
use crate::units::duration::DurationError;
use crate::units::states::StateError;
use crate::units::text::TextError;

/// What is wrong with a data file, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {problem}")]
pub struct LoadError {
    pub origin: Origin,
    pub problem: LoadProblem,
}

impl LoadError {
    pub fn new(origin: Origin, problem: impl Into<LoadProblem>) -> LoadError {
        LoadError {
            origin,
            problem: problem.into(),
        }
    }
}

/// What went wrong, with the data its sentence needs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadProblem {
    /// The file, or the directory, cannot be read (the OS's error).
    #[error("cannot read it: {0}")]
    Unreadable(Cause),
    /// A data file in a legacy code page: its first byte that is not UTF-8.
    #[error("byte 0x{byte:02x} is not UTF-8 text: save the file as UTF-8")]
    NotUtf8 { byte: u8 },

    /// Not TOML, or not a rulebook's or aliases' shape: the parser's words.
    #[error("{0}")]
    Toml(String),
    #[error("rulebook id '{id}' must be lower-case letters, digits and '-'")]
    RulebookId { id: String },
    #[error("unknown service '{given}' (expected one of {})", listed(Service::ALL))]
    UnknownService { given: String },
    #[error("applies.services is empty: name at least one service")]
    NoServices,
    #[error("applies.states: {0}")]
    State(StateError),
    #[error("citation date '{given}' is not a date: write YYYY-MM-DD")]
    CitationDate { given: String },
    #[error("forwarding date '{given}' is not a date: write YYYY-MM-DD")]
    ForwardingDate { given: String },
    #[error("tier '{tier}' is for service '{service}', which this rulebook does not apply to")]
    TierService { tier: String, service: Service },
    #[error("tier '{tier}' has min_years {min} above max_years {max}")]
    TierYears { tier: String, min: u32, max: u32 },
    /// A tier id a rulebook read earlier declares too.
    #[error("tier '{tier}' is already declared at {at}")]
    TierTwice { tier: String, at: Origin },
    #[error("row {row} of the {} list of tier '{tier}' appears twice: each printed row is one line", status.id())]
    RowTwice {
        row: u32,
        status: ListingStatus,
        tier: String,
    },
    #[error(
        "unknown competency '{given}' (expected one of {})",
        listed(Competency::ALL)
    )]
    UnknownCompetency { given: String },
    #[error("defect '{given}' must be editing-note or truncated")]
    UnknownDefect { given: String },
    #[error("listing title is empty")]
    EmptyListingTitle,
    /// A title (of a listing, an alias or a CSV row) the shells cannot show.
    #[error(transparent)]
    Title(#[from] TextError),
    #[error("row numbers start at 1")]
    RowZero,
    #[error("row {row} is past {MAX_ROW}, more rows than any list prints: check the number")]
    RowPastEnd { row: u32 },
    /// A `[[requirement]]` table refused.
    #[error(transparent)]
    Requirement(#[from] RequirementError),
    #[error("alias '{title}' already normalises to the same course: remove it")]
    AliasSameCourse { title: String },
    #[error("alias needs a 'why': the evidence that the titles are one course")]
    AliasWithoutWhy,
    #[error("alias points at '{same_as}', which no list prints")]
    AliasUnlisted { same_as: String },

    /// A course CSV's header names a column it does not have.
    #[error("unknown column '{given}' (expected {})", COLUMNS.join(", "))]
    UnknownColumn { given: String },
    #[error("column '{name}' appears twice")]
    ColumnTwice { name: String },
    #[error("no 'title' column: the first line names the columns, e.g. title,tier,status")]
    NoTitleColumn,
    /// The CSV reader's own error on the first line.
    #[error("cannot read the header: {0}")]
    Header(Cause),
    #[error("{fields} fields where the header has {expected}")]
    FieldCount { fields: u64, expected: u64 },
    #[error("not UTF-8 text")]
    CsvNotUtf8,
    /// Any other error of the CSV reader, in its words.
    #[error("{0}")]
    Csv(Cause),
    #[error("the title is empty")]
    EmptyTitle,
    #[error(transparent)]
    Duration(#[from] DurationError),
    /// A listing cell (`status`, `row`, `competencies`) given without a tier.
    #[error("'{column}' without a tier: name the tier that lists the course")]
    WithoutTier { column: &'static str },
    #[error("unknown tier '{given}' (expected one of {})", known.join(", "))]
    UnknownTier { given: String, known: Vec<String> },
    /// A listing cell of a CSV row refused.
    #[error(transparent)]
    Cell(#[from] RowError),
    #[error("row {row} of the {} list of tier '{tier}' is already listed at {at}", status.id())]
    AlreadyListed {
        row: u32,
        status: ListingStatus,
        tier: String,
        at: Origin,
    },
}

fn listed<T: fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    let items: Vec<String> = items.into_iter().map(|i| i.to_string()).collect();
    items.join(", ")
}
