//! The training cell's own list of the officers it answers for: columns
//! by name, as the portal's reports (name, e-mail or HRMS id,
//! designation, service, department), read by the same tolerant reader.

use std::io::Read;

use super::table::{col, Column, Record, Rows, Table};
use super::ReportError;

const NAME: usize = 0;
const EMAIL: usize = 1;
const HRMS: usize = 2;
const DESIGNATION: usize = 3;
const SERVICE: usize = 4;
const DEPARTMENT: usize = 5;

const COLUMNS: &[Column] = &[
    col("Name", &["Full_Name", "Officer", "Officer Name"], true),
    col("Email", &["E mail", "Email_Id", "E-mail ID", "Mail"], false),
    col(
        "HRMS_Id",
        &["HRMS", "HRMS ID", "External_System_Id", "Employee_Id"],
        false,
    ),
    col("Designation", &["Post"], false),
    col("Service", &["Civil Services", "Cadre"], false),
    col(
        "Department",
        &["MDO_Name", "Organisation", "Organization", "Office"],
        false,
    ),
];

/// One row of the cell's list, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub line: u64,
    pub name: String,
    pub email: Option<String>,
    pub hrms: Option<String>,
    pub designation: Option<String>,
    pub service: Option<String>,
    pub department: Option<String>,
}

pub fn read<R: Read>(file: &str, input: R) -> Result<Rows<R, Listed>, ReportError> {
    Ok(Rows::new(Table::open(file, input, COLUMNS)?, parse))
}

fn parse(r: &Record) -> Result<Listed, ReportError> {
    Ok(Listed {
        line: r.line,
        name: r.text(NAME).unwrap_or_default(),
        email: r.text(EMAIL),
        hrms: r.text(HRMS),
        designation: r.text(DESIGNATION),
        service: r.text(SERVICE),
        department: r.text(DEPARTMENT),
    })
}
