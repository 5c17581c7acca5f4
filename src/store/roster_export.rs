//! The training cell's roster in an export: its officers, import log and
//! durations, how each file was read, the cell's list, its exemptions
//! and the history snapshots. `import` replaces all of it as it replaces
//! the personal records; the audit log is not here (it is merged, see
//! `Store::import`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::cell::{exempt_key, history_key, EXEMPT, EXPECT, HISTORY};
use super::import_log::{FileReading, READING};
use super::roster::{duration_key, import_key, key, scan, DURATION, IMPORT, OFFICER};
use super::{decode, encode, Op, Result, StoreError};
use crate::roster::cell::{Exemption, Expected};
use crate::roster::history::HistoryPoint;
use crate::roster::merge::ImportRecord;
use crate::roster::{DurationSeen, Officer};

/// Every roster key starts with this; none of the personal records' do.
const ROSTER: &str = "roster/";

/// The roster as an export carries it. Each part is absent from exports
/// made before the roster travelled, and from those of a store without one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RosterExport {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub officers: Vec<Officer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub imports: Vec<ImportRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub durations: Vec<DurationSeen>,
    /// How each imported file was read, by its fingerprint.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub readings: BTreeMap<String, FileReading>,
    /// The cell's own list of its officers (`roster expect`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expected: Vec<Expected>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exemptions: Vec<Exemption>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryPoint>,
}

impl RosterExport {
    pub fn is_empty(&self) -> bool {
        *self == RosterExport::default()
    }
}

/// The whole roster as it is in the store.
pub(super) fn read(db: &sled::Db) -> Result<RosterExport> {
    let readings = db
        .scan_prefix(READING)
        .map(|r| {
            let (k, v) = r.map_err(|e| StoreError::io(Op::Read, None, e))?;
            let fp = String::from_utf8_lossy(&k[READING.len()..]).into_owned();
            decode(&k, &v).map(|reading| (fp, reading))
        })
        .collect::<Result<_>>()?;
    Ok(RosterExport {
        officers: scan(db, OFFICER)?,
        imports: scan(db, IMPORT)?,
        durations: scan(db, DURATION)?,
        readings,
        expected: scan(db, EXPECT)?,
        exemptions: scan(db, EXEMPT)?,
        history: scan(db, HISTORY)?,
    })
}

/// Fills `batch` so the store's roster becomes `roster`: every roster key
/// there is now goes, and each part is written under the key its own
/// write gives it, so a second export is byte-identical.
pub(super) fn replace(db: &sled::Db, roster: &RosterExport, batch: &mut sled::Batch) {
    for k in db.scan_prefix(ROSTER).keys().flatten() {
        batch.remove(k);
    }
    for o in &roster.officers {
        batch.insert(key(OFFICER, &o.id.0).as_bytes(), encode(o));
    }
    for i in &roster.imports {
        batch.insert(import_key(i.number).as_bytes(), encode(i));
    }
    for d in &roster.durations {
        batch.insert(duration_key(d).as_bytes(), encode(d));
    }
    for (fp, reading) in &roster.readings {
        batch.insert(format!("{READING}{fp}").as_bytes(), encode(reading));
    }
    for e in &roster.expected {
        batch.insert(format!("{EXPECT}{}", e.id.0).as_bytes(), encode(e));
    }
    for e in &roster.exemptions {
        batch.insert(exempt_key(e).as_bytes(), encode(e));
    }
    for p in &roster.history {
        batch.insert(history_key(p).as_bytes(), encode(p));
    }
}
