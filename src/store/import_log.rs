//! The roster's import log read alone, and how each imported file was
//! read: what `roster import` needs to know files imported before, and to
//! say so as the first import did, without parsing a row of them.

use serde::{Deserialize, Serialize};

use super::roster::{scan, IMPORT};
use super::{encode, open, Result, Store};
pub use crate::roster::merge::latest_import_of;
use crate::roster::merge::ImportRecord;

/// How a file was read, by its fingerprint (one key per file's bytes).
pub(super) const READING: &str = "roster/reading/";

/// How an imported file was read: its encoding and its dates' order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileReading {
    /// Not UTF-8: read as Windows-1252, as Excel saves "CSV".
    pub windows_1252: bool,
    /// The order of its slashed dates, and the cell that proved it.
    pub date_order: Option<OrderSeen>,
}

/// The day/month order a file's dates were read in, and where it showed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSeen {
    pub month_first: bool,
    pub line: u64,
    pub column: String,
    pub cell: String,
}

impl Store {
    /// The roster's imports, oldest first, without its officers; an absent
    /// store has none.
    pub fn import_log(&self) -> Result<Vec<ImportRecord>> {
        match open::open_read(self.path())? {
            Some(db) => scan(&db, IMPORT),
            None => Ok(Vec::new()),
        }
    }

    /// How each file of `fingerprints` was read when it was imported;
    /// None for a file imported before this was kept.
    pub fn file_readings(&self, fingerprints: &[&str]) -> Result<Vec<Option<FileReading>>> {
        let Some(db) = open::open_read(self.path())? else {
            return Ok(vec![None; fingerprints.len()]);
        };
        fingerprints
            .iter()
            .map(|fp| Ok(scan(&db, &format!("{READING}{fp}"))?.into_iter().next()))
            .collect()
    }

    /// Keeps how each imported file was read, by its fingerprint.
    pub fn keep_readings(&self, readings: &[(&str, FileReading)]) -> Result<()> {
        self.write_raw(|_, batch| {
            for (fp, reading) in readings {
                batch.insert(format!("{READING}{fp}").as_bytes(), encode(reading));
            }
            Ok(())
        })
    }
}
