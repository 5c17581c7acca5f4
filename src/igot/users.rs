//! `UserReport.csv`: one row per officer, with the service and batch that
//! decide a tier. Of the lifetime learning-hour totals (no financial year)
//! only `Course_Learning_Hours` is read: the portal's own count, shown
//! beside karmadash's.

use chrono::NaiveDate;
use std::io::Read;

use super::table::{col, date_col, Column, Record, Rows, Table};
use super::{ReportError, ReportProblem, RowWho};

const FULL_NAME: usize = 0;
const DESIGNATION: usize = 1;
const EMAIL: usize = 2;
const REGISTERED: usize = 3;
const CADRE: usize = 4;
const SERVICE_TYPE: usize = 5;
const SERVICE: usize = 6;
const BATCH: usize = 7;
const EXTERNAL_SYSTEM_ID: usize = 8;
const EMPLOYEE_ID: usize = 9;
const MDO_NAME: usize = 10;
const DEPARTMENT: usize = 11;
const COURSE_HOURS: usize = 12;
const MDOID: usize = 13;
const GENERATED_ON: usize = 14;

/// Phone_Number, Gender and Category are never read.
const COLUMNS: &[Column] = &[
    col("Full_Name", &["Name"], true),
    col("Designation", &[], false),
    col("Email", &["E mail", "Email_Id"], false),
    date_col("User_Registration_Date", &[]),
    col("Cadre", &[], false),
    col("Civil Service Type", &[], false),
    col("Civil Services", &[], false),
    col("Cadre Batch", &[], false),
    col("External_System_Id", &[], false),
    col("Employee_Id", &[], false),
    col("MDO_Name", &["Organization", "Organisation"], false),
    col("Department", &[], false),
    col("Course_Learning_Hours", &[], false),
    col("mdoid", &[], false),
    date_col("Report_Last_Generated_On", &[]),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub line: u64,
    pub name: String,
    pub designation: Option<String>,
    pub email: Option<String>,
    pub external_id: Option<String>,
    pub employee_id: Option<String>,
    pub registered: Option<NaiveDate>,
    pub cadre: Option<String>,
    pub service_type: Option<String>,
    /// `Civil Services` as the portal names it (e.g. "Indian Administrative Service").
    pub service: Option<String>,
    pub batch: Option<i32>,
    pub organisation: Option<String>,
    pub department: Option<String>,
    /// `Course_Learning_Hours` in seconds: the portal's lifetime count of
    /// certified Course completions.
    pub course_seconds: Option<u32>,
    pub mdoid: Option<String>,
    /// When the portal made the report: the snapshot's time, so a copy of
    /// the file (unzipped, cloned) is never dated by when it was copied.
    pub generated_on: Option<chrono::NaiveDateTime>,
}

pub type Users<R> = Rows<R, User>;

pub fn read<R: Read>(file: &str, input: R) -> Result<Users<R>, ReportError> {
    Ok(Rows::new(Table::open(file, input, COLUMNS)?, parse))
}

/// A refused row still names its officer, so the roster can flag them.
fn parse(r: &Record) -> Result<User, ReportError> {
    parse_row(r).map_err(|e| {
        e.about(RowWho {
            email: r.text(EMAIL),
            external_id: r.text(EXTERNAL_SYSTEM_ID),
            name: r.text(FULL_NAME),
            designation: r.text(DESIGNATION),
            organisation: r.text(MDO_NAME),
        })
    })
}

fn parse_row(r: &Record) -> Result<User, ReportError> {
    let at = |i: usize| COLUMNS[i].name;
    let registered = r
        .timestamp(REGISTERED)
        .map_err(|e| r.error(at(REGISTERED), e))?
        .map(|t| t.date());
    let batch = r
        .text(BATCH)
        .map(|b| match b.parse::<i32>() {
            Ok(y) if (1950..=2100).contains(&y) => Ok(y),
            _ => Err(r.error(at(BATCH), ReportProblem::Batch(b))),
        })
        .transpose()?;
    let course_seconds = r
        .text(COURSE_HOURS)
        .map(|h| {
            hours_to_seconds(&h).ok_or_else(|| r.error(at(COURSE_HOURS), ReportProblem::Hours(h)))
        })
        .transpose()?;
    Ok(User {
        line: r.line,
        name: r.text(FULL_NAME).unwrap_or_default(),
        designation: r.text(DESIGNATION),
        email: r.text(EMAIL),
        external_id: r.text(EXTERNAL_SYSTEM_ID),
        employee_id: r.text(EMPLOYEE_ID),
        registered,
        cadre: r.text(CADRE),
        service_type: r.text(SERVICE_TYPE),
        service: r.text(SERVICE),
        batch,
        organisation: r.text(MDO_NAME),
        department: r.text(DEPARTMENT),
        course_seconds,
        mdoid: r.text(MDOID),
        generated_on: r
            .timestamp(GENERATED_ON)
            .map_err(|e| r.error(at(GENERATED_ON), e))?,
    })
}

/// Decimal hours as the portal writes them (`12.50`, `3`) in seconds.
fn hours_to_seconds(text: &str) -> Option<u32> {
    let h: f64 = text.trim().parse().ok()?;
    (h.is_finite() && (0.0..1_000_000.0).contains(&h)).then(|| (h * 3600.0).round() as u32)
}
