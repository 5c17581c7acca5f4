//! `CBPEnrollmentReport.csv`: one row per officer x course allocated in a
//! capacity-building plan, with its due date: an MDO's prescribed list.

use chrono::NaiveDate;
use std::io::Read;

use super::table::{col, date_col, Column, Record, Rows, Table};
use super::values::{parse_flag, parse_progress, Progress};
use super::{ReportError, ReportProblem, RowWho};

const NAME: usize = 0;
const EMAIL: usize = 1;
const DESIGNATION: usize = 2;
const COURSE: usize = 3;
const FOR_APAR: usize = 4;
const ALLOCATED_ON: usize = 5;
const PROGRESS: usize = 6;
const DUE: usize = 7;
const COMPLETED_ON: usize = 8;
const MDO_NAME: usize = 9;
const GENERATED_ON: usize = 10;

/// Phone is never read.
const COLUMNS: &[Column] = &[
    col("Name", &["Full_Name"], true),
    col("Email", &["E mail", "Email_Id"], false),
    col("Designation", &[], false),
    col("Name of CBP Allocated Course", &[], true),
    col("isapar", &[], false),
    date_col("Allocated On", &[]),
    col("Current Progress", &[], false),
    date_col("Due Date of Completion", &[]),
    date_col("Actual Date of Completion", &[]),
    col("MDO_Name", &[], false),
    date_col("Report_Last_Generated_On", &[]),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolment {
    pub line: u64,
    pub name: String,
    pub email: Option<String>,
    pub designation: Option<String>,
    pub course: String,
    /// The plan counts for the APAR.
    pub for_apar: Option<bool>,
    pub allocated_on: Option<NaiveDate>,
    pub progress: Option<Progress>,
    pub due: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    pub organisation: Option<String>,
    /// When the portal made the report (the snapshot's time).
    pub generated_on: Option<chrono::NaiveDateTime>,
}

pub type Enrolments<R> = Rows<R, Enrolment>;

pub fn read<R: Read>(file: &str, input: R) -> Result<Enrolments<R>, ReportError> {
    Ok(Rows::new(Table::open(file, input, COLUMNS)?, parse))
}

/// A refused row still names its officer, so the roster can flag them.
fn parse(r: &Record) -> Result<Enrolment, ReportError> {
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

fn parse_row(r: &Record) -> Result<Enrolment, ReportError> {
    let at = |i: usize| COLUMNS[i].name;
    let date = |i: usize| {
        r.timestamp(i)
            .map(|t| t.map(|t| t.date()))
            .map_err(|e| r.error(at(i), e))
    };
    let course = r
        .text(COURSE)
        .ok_or_else(|| r.error(at(COURSE), ReportProblem::NoCourse))?;
    let progress = r
        .text(PROGRESS)
        .map(|p| parse_progress(&p).map_err(|e| r.error(at(PROGRESS), e)))
        .transpose()?;
    Ok(Enrolment {
        line: r.line,
        name: r.text(NAME).unwrap_or_default(),
        email: r.text(EMAIL),
        designation: r.text(DESIGNATION),
        course,
        for_apar: parse_flag(r.cell(FOR_APAR)).map_err(|e| r.error(at(FOR_APAR), e))?,
        allocated_on: date(ALLOCATED_ON)?,
        progress,
        due: date(DUE)?,
        completed_on: date(COMPLETED_ON)?,
        organisation: r.text(MDO_NAME),
        generated_on: r
            .timestamp(GENERATED_ON)
            .map_err(|e| r.error(at(GENERATED_ON), e))?,
    })
}
