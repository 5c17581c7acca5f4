//! Readers of the iGOT portal's own report files (see IGOT.md in the
//! project's shared notes): `ConsumptionReport.csv` in its three header
//! generations, `UserReport.csv` and `CBPEnrollmentReport.csv`. Pure
//! parsing: no store, no terminal. A bad row is an error with its file,
//! line and column, and reading goes on with the next row; a file that
//! cannot be read row by row (an overlong line, two date orders) is
//! refused whole.
//!
//! Columns that counting does not need and that identify a person beyond
//! their work (phone, gender, social category) are never read.

mod consumption;
mod enrolments;
mod table;
mod users;
pub mod values;

use std::fmt;
use std::io::{BufRead, BufReader, Read};

pub use consumption::{read as read_consumption, Consumption, ConsumptionRow};
pub use enrolments::{read as read_enrolments, Enrolment, Enrolments};
pub use table::{OrderProof, Reading, Rows};
pub use users::{read as read_users, User, Users};
pub use values::{DateOrder, Progress};

/// A row (or a header) of a report that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportError {
    pub file: String,
    pub line: u64,
    pub column: Option<&'static str>,
    pub message: String,
    /// Whom the refused row names, where its cells say: the roster flags
    /// that officer instead of showing them as having done nothing. Boxed:
    /// every row's Result carries this error, and most rows are fine.
    pub who: Box<RowWho>,
    /// The file cannot be read row by row: none of it may be used, and
    /// nothing after it is read.
    pub whole_file: bool,
}

/// The identity cells of a refused row, as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowWho {
    pub email: Option<String>,
    pub external_id: Option<String>,
}

impl ReportError {
    pub fn new(file: &str, line: u64, column: Option<&'static str>, message: String) -> Self {
        ReportError {
            file: file.to_string(),
            line,
            column,
            message,
            who: Box::default(),
            whole_file: false,
        }
    }

    /// The same error, naming the row's officer.
    pub fn about(self, email: Option<String>, external_id: Option<String>) -> Self {
        ReportError {
            who: Box::new(RowWho { email, external_id }),
            ..self
        }
    }

    pub fn whole_file(
        file: &str,
        line: u64,
        column: Option<&'static str>,
        message: String,
    ) -> Self {
        ReportError {
            whole_file: true,
            ..ReportError::new(file, line, column, message)
        }
    }
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.line)?;
        if let Some(c) = self.column {
            write!(f, "{c}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ReportError {}

/// Which report a file is, told from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    Consumption,
    Users,
    Enrolments,
}

impl ReportKind {
    /// Reads the header line only (the reader is left where it was, as far
    /// as a `BufRead` allows) and names the report.
    pub fn sniff<R: Read>(file: &str, input: &mut BufReader<R>) -> Result<Self, ReportError> {
        let head = input
            .fill_buf()
            .map_err(|e| ReportError::new(file, 1, None, format!("cannot read it: {e}")))?;
        let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
        let line = String::from_utf8_lossy(line);
        let names: Vec<String> = line.split([',', ';']).map(table::fold).collect();
        let has = |n: &str| names.iter().any(|h| *h == table::fold(n));
        if has("Name of CBP Allocated Course") {
            Ok(ReportKind::Enrolments)
        } else if (has("Content_Name") || has("CBP_Name")) && has("Status") {
            Ok(ReportKind::Consumption)
        } else if has("User_Registration_Date") || has("Cadre Batch") || has("Civil Services") {
            Ok(ReportKind::Users)
        } else {
            Err(ReportError::new(
                file,
                1,
                None,
                "not an iGOT report karmadash reads: expected the header of ConsumptionReport.csv, \
                 UserReport.csv or CBPEnrollmentReport.csv"
                    .into(),
            ))
        }
    }
}
