//! Readers of the iGOT portal's own report files (see IGOT.md in the
//! project's shared notes): `ConsumptionReport.csv` in its three header
//! generations, `UserReport.csv`, `CBPEnrollmentReport.csv` and
//! `UserAssessmentReport.csv`. Pure
//! parsing: no store, no terminal. A bad row is an error with its file,
//! line and column, and reading goes on with the next row; a file that
//! cannot be read row by row (an overlong line, two date orders) is
//! refused whole.
//!
//! Columns that counting does not need and that identify a person beyond
//! their work (phone, gender, social category) are never read.

mod assessments;
mod consumption;
mod enrolments;
mod listed;
mod report_error;
mod table;
mod users;
pub mod values;

use std::io::{BufRead, BufReader, Read};

pub use assessments::{read as read_assessments, AssessmentRow, Assessments};
pub use consumption::{read as read_consumption, Consumption, ConsumptionRow};
pub use enrolments::{read as read_enrolments, Enrolment, Enrolments};
pub use listed::{read as read_listed, Listed};
pub use report_error::{Cause, ReportError, ReportProblem, RowWho};
pub use table::{OrderProof, Reading, Rows};
pub use users::{read as read_users, User, Users};
pub use values::{DateOrder, Progress};

/// Which report a file is, told from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    Consumption,
    Users,
    Enrolments,
    Assessments,
}

impl ReportKind {
    /// The kind's name, as the import log keeps it.
    pub fn id(self) -> &'static str {
        match self {
            ReportKind::Consumption => "consumption",
            ReportKind::Users => "users",
            ReportKind::Enrolments => "enrolments",
            ReportKind::Assessments => "assessments",
        }
    }

    /// Reads the header line only (the reader is left where it was, as far
    /// as a `BufRead` allows) and names the report.
    pub fn sniff<R: Read>(file: &str, input: &mut BufReader<R>) -> Result<Self, ReportError> {
        let head = input.fill_buf().map_err(|e| {
            ReportError::new(file, 1, None, ReportProblem::Unreadable(Cause::new(e)))
        })?;
        // Excel's "Unicode Text" save: a UTF-16 byte order mark.
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Err(ReportError::new(file, 1, None, ReportProblem::Utf16));
        }
        let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
        let line = String::from_utf8_lossy(line);
        let names: Vec<String> = line.split([',', ';']).map(table::fold).collect();
        let has = |n: &str| names.iter().any(|h| *h == table::fold(n));
        if has("Assessment Name") && has("Pass") {
            Ok(ReportKind::Assessments)
        } else if has("Name of CBP Allocated Course") {
            Ok(ReportKind::Enrolments)
        } else if (has("Content_Name") || has("CBP_Name")) && has("Status") {
            Ok(ReportKind::Consumption)
        } else if has("User_Registration_Date") || has("Cadre Batch") || has("Civil Services") {
            Ok(ReportKind::Users)
        } else {
            Err(ReportError::new(file, 1, None, ReportProblem::NotAReport))
        }
    }
}
