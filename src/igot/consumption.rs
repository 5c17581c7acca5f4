//! `ConsumptionReport.csv`: one row per officer x content x batch, in the
//! three header generations (current; without `MDO_Name`; the oldest with
//! `CBP_` content columns and `dd/MM/yyyy` dates).

use chrono::NaiveDateTime;
use std::io::Read;

use super::table::{col, date_col, Column, Record, Rows, Table};
use super::values::{parse_duration, parse_flag, parse_progress, Progress};
use super::{ReportError, ReportProblem, RowWho};

const FULL_NAME: usize = 0;
const DESIGNATION: usize = 1;
const EMAIL: usize = 2;
const MDO_NAME: usize = 3;
const DEPARTMENT: usize = 4;
const CONTENT_NAME: usize = 5;
const CONTENT_TYPE: usize = 6;
const CONTENT_DURATION: usize = 7;
const BATCH_ID: usize = 8;
const ENROLLED_ON: usize = 9;
const STATUS: usize = 10;
const COMPLETED_ON: usize = 11;
const CERTIFICATE_ID: usize = 12;
const EXTERNAL_SYSTEM_ID: usize = 13;
const LIVE_MANDATE: usize = 14;
const GENERATED_ON: usize = 15;
const ORGANIZATION: usize = 16;
const PROVIDER: usize = 17;
const MDOID: usize = 18;

/// In the order of the constants above. Phone_Number, Gender and Category
/// are deliberately absent: they are never read.
const COLUMNS: &[Column] = &[
    col("Full_Name", &["Name"], true),
    col("Designation", &[], false),
    col("Email", &["E mail", "Email_Id"], false),
    col("MDO_Name", &[], false),
    col("Department", &[], false),
    col("Content_Name", &["CBP_Name"], true),
    col("Content_Type", &["CBP_Type"], false),
    col("Content_Duration", &["CBP_Duration"], false),
    col("Batch_Id", &[], false),
    date_col("Enrolled_On", &[]),
    col("Status", &[], true),
    date_col("Completed_On", &[]),
    col("Certificate_ID", &[], false),
    col("External_System_Id", &[], false),
    col("Live_CBP_Plan_Mandate", &[], false),
    date_col("Report_Last_Generated_On", &[]),
    col("Organization", &["Organisation"], false),
    col("Content_Provider", &["CBP_Provider"], false),
    col("mdoid", &[], false),
];

/// One row, with what counting needs and nothing more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsumptionRow {
    pub line: u64,
    pub name: String,
    pub designation: Option<String>,
    /// As written; identity folds its case.
    pub email: Option<String>,
    pub external_id: Option<String>,
    pub organisation: Option<String>,
    pub department: Option<String>,
    /// The department's portal id, where the report has the column.
    pub mdoid: Option<String>,
    /// `Content_Provider`: with the title and duration, what tells two
    /// courses of one title apart.
    pub provider: Option<String>,
    pub content: String,
    /// `Course`, `Program`, `Blended Program`, `External Content`...
    pub content_type: Option<String>,
    /// The catalogue duration in seconds, when the report gives one.
    pub duration: Option<u32>,
    pub batch: Option<String>,
    pub progress: Progress,
    pub enrolled_on: Option<NaiveDateTime>,
    /// IST, as the portal writes it.
    pub completed_on: Option<NaiveDateTime>,
    pub certificate: Option<String>,
    /// The course is in a live capacity-building plan for this officer.
    pub in_live_plan: Option<bool>,
    pub generated_on: Option<NaiveDateTime>,
}

impl ConsumptionRow {
    /// The portal counts learning hours for items of type Course only.
    pub fn is_course(&self) -> bool {
        self.content_type
            .as_deref()
            .is_none_or(|t| t.eq_ignore_ascii_case("course"))
    }
}

pub type Consumption<R> = Rows<R, ConsumptionRow>;

/// Opens a ConsumptionReport: the header is checked here, rows as they
/// are read.
pub fn read<R: Read>(file: &str, input: R) -> Result<Consumption<R>, ReportError> {
    Ok(Rows::new(Table::open(file, input, COLUMNS)?, parse))
}

/// A refused row still names its officer, so the roster can flag them.
fn parse(r: &Record) -> Result<ConsumptionRow, ReportError> {
    parse_row(r).map_err(|e| {
        e.about(RowWho {
            email: r.text(EMAIL),
            external_id: r.text(EXTERNAL_SYSTEM_ID),
            name: r.text(FULL_NAME),
            designation: r.text(DESIGNATION),
            organisation: r.text(MDO_NAME).or_else(|| r.text(ORGANIZATION)),
        })
    })
}

fn parse_row(r: &Record) -> Result<ConsumptionRow, ReportError> {
    let at = |i: usize| COLUMNS[i].name;
    let content = r
        .text(CONTENT_NAME)
        .ok_or_else(|| r.error(at(CONTENT_NAME), ReportProblem::NoContent))?;
    let name = r.text(FULL_NAME).unwrap_or_default();
    let progress = parse_progress(r.cell(STATUS)).map_err(|e| r.error(at(STATUS), e))?;
    let when = |i: usize| r.timestamp(i).map_err(|e| r.error(at(i), e));
    let completed_on = when(COMPLETED_ON)?;
    if progress == Progress::Completed && completed_on.is_none() {
        return Err(r.error(at(COMPLETED_ON), ReportProblem::CompletedUndated));
    }
    Ok(ConsumptionRow {
        line: r.line,
        name,
        designation: r.text(DESIGNATION),
        email: r.text(EMAIL),
        external_id: r.text(EXTERNAL_SYSTEM_ID),
        organisation: r.text(MDO_NAME).or_else(|| r.text(ORGANIZATION)),
        department: r.text(DEPARTMENT),
        mdoid: r.text(MDOID),
        provider: r.text(PROVIDER),
        content,
        content_type: r.text(CONTENT_TYPE),
        duration: parse_duration(r.cell(CONTENT_DURATION))
            .map_err(|e| r.error(at(CONTENT_DURATION), e))?,
        batch: r.text(BATCH_ID),
        progress,
        enrolled_on: when(ENROLLED_ON)?,
        completed_on,
        certificate: r.text(CERTIFICATE_ID),
        in_live_plan: parse_flag(r.cell(LIVE_MANDATE)).map_err(|e| r.error(at(LIVE_MANDATE), e))?,
        generated_on: when(GENERATED_ON)?,
    })
}
