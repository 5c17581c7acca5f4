//! `UserAssessmentReport.csv` (cb-core-data `courseBasedAssessmentReport.py`):
//! one row per officer x assessment, the latest attempt with the number of
//! attempts. What decides the comprehensive assessment is read; the
//! answers' counts are not needed.

use chrono::NaiveDate;
use std::io::Read;

use super::table::{col, date_col, Column, Record, Rows, Table};
use super::values::parse_flag;
use super::{ReportError, ReportProblem, RowWho};

const NAME: usize = 0;
const EMAIL: usize = 1;
const DESIGNATION: usize = 2;
const MDO_NAME: usize = 3;
const ASSESSMENT: usize = 4;
const KIND: usize = 5;
const COURSE: usize = 6;
const ATTEMPTED: usize = 7;
const PERCENTAGE: usize = 8;
const CUT_OFF: usize = 9;
const PASS: usize = 10;
const RETAKES: usize = 11;
const MDOID: usize = 12;
const GENERATED_ON: usize = 13;

/// `Phone Number` is never read; `User ID` is the portal's own, not an
/// officer's identity across reports (no other report carries it).
const COLUMNS: &[Column] = &[
    col("Full Name", &["Full_Name", "Name"], true),
    col("E mail", &["Email", "Email_Id"], false),
    col("Designation", &[], false),
    col("MDO_Name", &["Organisation", "Organization"], false),
    col("Assessment Name", &[], true),
    col("Assessment Type", &[], false),
    col("Course Name", &[], false),
    date_col("Last Attempted Date", &[]),
    col("Latest Percentage Achieved", &[], false),
    col("Cut off Percentage", &[], false),
    col("Pass", &[], true),
    col("No of Retakes", &[], false),
    col("mdoid", &[], false),
    date_col("Report_Last_Generated_On", &[]),
];

/// The latest attempt of one officer at one assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentRow {
    pub line: u64,
    pub name: String,
    pub email: Option<String>,
    pub designation: Option<String>,
    pub organisation: Option<String>,
    pub mdoid: Option<String>,
    pub assessment: String,
    /// `Standalone Assessment`, `Course Assessment`, ...
    pub kind: Option<String>,
    pub course: Option<String>,
    pub attempted: Option<NaiveDate>,
    /// As written: a number, or the portal's "Need to pass in all sections".
    pub percentage: Option<String>,
    pub cut_off: Option<String>,
    pub passed: bool,
    /// The portal's `No of Retakes`: every distinct attempt, the first too.
    pub attempts: Option<u32>,
    pub generated_on: Option<chrono::NaiveDateTime>,
}

impl AssessmentRow {
    /// The comprehensive assessment of the DoPT OM of 04.07.2025: the
    /// portal names it so; a course's own assessment is not it.
    pub fn is_comprehensive(&self) -> bool {
        self.assessment.to_lowercase().contains("comprehensive")
    }
}

pub type Assessments<R> = Rows<R, AssessmentRow>;

pub fn read<R: Read>(file: &str, input: R) -> Result<Assessments<R>, ReportError> {
    Ok(Rows::new(Table::open(file, input, COLUMNS)?, parse))
}

/// A refused row still names its officer, so the roster can flag them.
fn parse(r: &Record) -> Result<AssessmentRow, ReportError> {
    parse_row(r).map_err(|e| {
        e.about(RowWho {
            email: r.text(EMAIL),
            external_id: None,
            name: r.text(NAME),
            designation: r.text(DESIGNATION),
            organisation: r.text(MDO_NAME),
        })
    })
}

fn parse_row(r: &Record) -> Result<AssessmentRow, ReportError> {
    let at = |i: usize| COLUMNS[i].name;
    let assessment = r
        .text(ASSESSMENT)
        .ok_or_else(|| r.error(at(ASSESSMENT), ReportProblem::NoAssessment))?;
    let passed = parse_flag(r.cell(PASS))
        .map_err(|e| r.error(at(PASS), e))?
        .ok_or_else(|| r.error(at(PASS), ReportProblem::NoPass))?;
    let attempts = r
        .text(RETAKES)
        .map(|n| {
            n.parse::<u32>()
                .map_err(|_| r.error(at(RETAKES), ReportProblem::Count(n)))
        })
        .transpose()?;
    let when = |i: usize| r.timestamp(i).map_err(|e| r.error(at(i), e));
    Ok(AssessmentRow {
        line: r.line,
        name: r.text(NAME).unwrap_or_default(),
        email: r.text(EMAIL),
        designation: r.text(DESIGNATION),
        organisation: r.text(MDO_NAME),
        mdoid: r.text(MDOID),
        assessment,
        kind: r.text(KIND),
        course: r.text(COURSE),
        attempted: when(ATTEMPTED)?.map(|t| t.date()),
        percentage: r.text(PERCENTAGE),
        cut_off: r.text(CUT_OFF),
        passed,
        attempts,
        generated_on: when(GENERATED_ON)?,
    })
}
