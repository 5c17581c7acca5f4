//! The cell's list of its officers, from its rows: each officer known as
//! the reports know them (e-mail, else HRMS id), once. A list with a row
//! that names no officer, or one officer twice, is refused whole: half a
//! list would mark the rest `not-on-list`.

use std::collections::BTreeMap;

use super::cell::Expected;
use super::gather::service_named;
use super::officer::OfficerId;
use crate::catalogue::Service;
use crate::igot::{Listed, ReportError};

#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error(transparent)]
    Row(#[from] ReportError),
    #[error("{file}:{line}: the row names no officer: give an e-mail or an HRMS id")]
    NoOfficer { file: String, line: u64 },
    #[error("{file}:{line}: {id} is listed already on line {first}: each officer once")]
    Twice {
        file: String,
        line: u64,
        first: u64,
        id: String,
    },
    #[error("{file}:{line}: \"{service}\" is not a service karmadash knows (ias, bas, bss, bscs, danics, central, or the portal's name of one)")]
    Service {
        file: String,
        line: u64,
        service: String,
    },
    #[error("{file}: the list has no officer")]
    Empty { file: String },
}

/// The officers of a list, in its order, or why it is refused.
pub fn expected(
    file: &str,
    rows: impl IntoIterator<Item = Result<Listed, ReportError>>,
) -> Result<Vec<Expected>, ListError> {
    let mut seen: BTreeMap<OfficerId, u64> = BTreeMap::new();
    let mut out = Vec::new();
    for row in rows {
        let row = row?;
        let Some(id) = OfficerId::from_parts(row.email.as_deref(), row.hrms.as_deref(), None)
        else {
            return Err(ListError::NoOfficer {
                file: file.into(),
                line: row.line,
            });
        };
        if let Some(first) = seen.insert(id.clone(), row.line) {
            return Err(ListError::Twice {
                file: file.into(),
                line: row.line,
                first,
                id: id.0,
            });
        }
        let service = match row.service.as_deref() {
            None => None,
            Some(s) => Some(
                service_named(s)
                    .or_else(|| Service::parse_typed(s).ok())
                    .ok_or_else(|| ListError::Service {
                        file: file.into(),
                        line: row.line,
                        service: s.into(),
                    })?,
            ),
        };
        out.push(Expected {
            id,
            name: row.name,
            designation: row.designation,
            service,
            department: row.department,
        });
    }
    if out.is_empty() {
        return Err(ListError::Empty { file: file.into() });
    }
    Ok(out)
}
