//! A row (or a header, or a whole file) of a report that cannot be used:
//! where, and what went wrong as a kind a caller can match, with the data
//! its sentence needs.

pub use crate::units::cause::Cause;
use std::fmt;

use super::table::OrderProof;
use super::values::{CellError, DateOrder};

/// The other day/month order: what the cell at fault reads as.
fn opposite(order: DateOrder) -> DateOrder {
    match order {
        DateOrder::DayFirst => DateOrder::MonthFirst,
        DateOrder::MonthFirst => DateOrder::DayFirst,
    }
}

/// A row (or a header) of a report that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportError {
    pub file: String,
    pub line: u64,
    pub column: Option<&'static str>,
    /// Boxed: a row's error travels in every `Result` of the readers.
    pub problem: Box<ReportProblem>,
    /// Whom the refused row names, where its cells say: the roster flags
    /// that officer instead of showing them as having done nothing.
    /// Boxed, as `problem` is.
    pub who: Box<RowWho>,
    /// The file cannot be read row by row: none of it may be used, and
    /// nothing after it is read.
    pub whole_file: bool,
}

/// What is wrong with a report, a header or a row.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportProblem {
    /// A cell the readers cannot read.
    #[error(transparent)]
    Cell(#[from] CellError),
    /// The operating system could not read the file.
    #[error("cannot read it: {0}")]
    Unreadable(Cause),
    #[error("not an iGOT report karmadash reads: expected the header of ConsumptionReport.csv, UserReport.csv, CBPEnrollmentReport.csv or UserAssessmentReport.csv")]
    NotAReport,
    #[error("the file is UTF-16, as Excel saves \"Unicode Text\": save the report as \"CSV UTF-8 (Comma delimited)\" or \"CSV (Comma delimited)\" and import that")]
    Utf16,
    #[error("the header names the {column} column twice")]
    ColumnTwice { column: &'static str },
    /// `starts`: the header's first names, to show which file it is.
    #[error("the header has no {column} column: is this the right report? (it starts: {starts})")]
    NoColumn {
        column: &'static str,
        starts: String,
    },
    /// A row the CSV reader could not split, in its words.
    #[error("{0}")]
    Csv(Cause),
    #[error("the line is longer than {mib} MiB, which no report line is: the file is refused whole, as its rows cannot be told apart")]
    Overlong { mib: usize },
    /// A read that failed part-way: the rest of the file is unknown.
    #[error("cannot read it: {0}: the file is refused whole")]
    EndedUnread(Cause),
    /// The CSV reader stopped part-way, in its words.
    #[error("{0}: the file is refused whole")]
    Ended(Cause),
    /// `cell` reads only in `order`; an earlier cell only in the other.
    #[error("'{cell}' can only be read {}, but line {} ({}: '{}') only {}: the file mixes two date orders, so none of its slashed dates can be trusted, and it is refused whole", opposite(first.order).words(), .first.line, .first.column, .first.cell, .first.order.words())]
    MixedOrders { cell: String, first: OrderProof },
    /// Rows whose dates read both ways, held for a proof that never came.
    #[error("{rows} rows have dates that read differently day first and month first, and none proves the order: the file is refused whole")]
    TooManyUnproven { rows: usize },
    #[error("'{0}' is not a batch year")]
    Batch(String),
    #[error("the row names no course")]
    NoCourse,
    #[error("the row names no content")]
    NoContent,
    #[error(
        "the row is completed but gives no completion date, so no financial year can count it"
    )]
    CompletedUndated,
    #[error("the row names no officer: no e-mail, External_System_Id or Employee_Id")]
    NoOfficer,
    #[error("the row names no assessment")]
    NoAssessment,
    #[error("the row does not say whether the assessment was passed: expected Yes or No")]
    NoPass,
    #[error("'{0}' is not a whole number")]
    Count(String),
    #[error("'{0}' is not a number of hours, as the portal writes them (e.g. 12.50)")]
    Hours(String),
}

/// The identity cells of a refused row, as written: enough to put an
/// officer whose every row was refused on the roster, flagged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowWho {
    pub email: Option<String>,
    pub external_id: Option<String>,
    pub name: Option<String>,
    pub designation: Option<String>,
    /// The department (MDO) the row is of: the report speaks for it.
    pub organisation: Option<String>,
}

impl ReportError {
    pub fn new(
        file: &str,
        line: u64,
        column: Option<&'static str>,
        problem: impl Into<ReportProblem>,
    ) -> Self {
        ReportError {
            file: file.to_string(),
            line,
            column,
            problem: Box::new(problem.into()),
            who: Box::default(),
            whole_file: false,
        }
    }

    /// The same error, naming the row's officer.
    pub fn about(self, who: RowWho) -> Self {
        ReportError {
            who: Box::new(who),
            ..self
        }
    }

    pub fn whole_file(
        file: &str,
        line: u64,
        column: Option<&'static str>,
        problem: ReportProblem,
    ) -> Self {
        ReportError {
            whole_file: true,
            ..ReportError::new(file, line, column, problem)
        }
    }
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.line)?;
        if let Some(c) = self.column {
            write!(f, "{c}: ")?;
        }
        self.problem.fmt(f)
    }
}

impl std::error::Error for ReportError {}
