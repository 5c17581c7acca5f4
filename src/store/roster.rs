//! The training cell's roster in the store: officers, the imports that
//! made them and the durations the reports showed, under keys of their
//! own (`roster/...`) that never mix with the personal records. What an
//! import changes is decided in the core (`roster::merge`); this file
//! reads and writes it.

use super::{decode, encode, open, Missing, Op, Result, Store, StoreError};
use crate::catalogue::Service;
use crate::roster::gather::DurationSeen;
use crate::roster::merge::roster_writes;
pub use crate::roster::merge::{Changes, Covers, ImportRecord, ImportedFile, RosterSnapshot};
use crate::roster::{Gathered, Officer};

pub(super) const OFFICER: &str = "roster/officer/";
pub(super) const IMPORT: &str = "roster/import/";
pub(super) const DURATION: &str = "roster/duration/";

pub(super) fn key(prefix: &str, id: &str) -> String {
    format!("{prefix}{id}")
}

/// A duration's key: its course and its seconds.
pub(super) fn duration_key(d: &DurationSeen) -> String {
    format!("{DURATION}{}/{:010}", d.course, d.seconds)
}

/// An import's key: its number, so the log reads in order.
pub(super) fn import_key(number: u64) -> String {
    format!("{IMPORT}{number:020}")
}

pub(super) fn scan<T: serde::de::DeserializeOwned>(db: &sled::Db, prefix: &str) -> Result<Vec<T>> {
    db.scan_prefix(prefix)
        .map(|r| {
            let (k, v) = r.map_err(|e| StoreError::io(Op::Read, None, e))?;
            decode(&k, &v)
        })
        .collect()
}

fn read(db: &sled::Db) -> Result<RosterSnapshot> {
    Ok(RosterSnapshot {
        officers: scan(db, OFFICER)?,
        imports: scan(db, IMPORT)?,
        durations: scan(db, DURATION)?,
    })
}

impl Store {
    /// The roster; an absent store reads as an empty one.
    pub fn roster(&self) -> Result<RosterSnapshot> {
        match open::open_read(self.path())? {
            Some(db) => read(&db),
            None => Ok(RosterSnapshot::default()),
        }
    }

    /// Applies gathered reports as one atomic batch (or, with `dry_run`,
    /// only says what would change).
    pub fn import_roster(
        &self,
        gathered: &Gathered,
        files: Vec<ImportedFile>,
        covers: &Covers,
        today: chrono::NaiveDate,
        dry_run: bool,
    ) -> Result<Changes> {
        let mut changes = Changes::default();
        let plan = |current: &RosterSnapshot, changes: &mut Changes| {
            roster_writes(current, gathered, &files, covers, today, changes)
        };
        if dry_run {
            let current = self.roster()?;
            plan(&current, &mut changes);
            return Ok(changes);
        }
        self.write_raw(|db, batch| {
            let current = read(db)?;
            let Some(writes) = plan(&current, &mut changes) else {
                return Ok(());
            };
            for o in &writes {
                batch.insert(key(OFFICER, &o.id.0).as_bytes(), encode(o));
            }
            for d in &gathered.durations {
                let k = duration_key(d);
                if current
                    .durations
                    .iter()
                    .all(|x| (x.course.as_str(), x.seconds) != (d.course.as_str(), d.seconds))
                {
                    batch.insert(k.as_bytes(), encode(d));
                }
            }
            let number = current.imports.last().map_or(1, |i| i.number + 1);
            let record = ImportRecord {
                number,
                files: files.clone(),
                officers: gathered.officers.len(),
                imported_on: today,
            };
            batch.insert(import_key(number).as_bytes(), encode(&record));
            Ok(())
        })?;
        Ok(changes)
    }

    /// Sets (or clears) the tier the cell chose for one officer, and the
    /// service that tier names when the officer had none.
    pub fn set_officer_tier(
        &self,
        id: &str,
        tier: Option<&str>,
        service: Option<Service>,
        entry: &crate::roster::audit::AuditEntry,
    ) -> Result<Officer> {
        let mut changed = None;
        self.write_raw(|db, batch| {
            let k = key(OFFICER, id);
            let v = db
                .get(k.as_bytes())
                .map_err(|e| StoreError::io(Op::Read, None, e))?
                .ok_or_else(|| Missing::Officer { id: id.to_string() })?;
            let mut o: Officer = decode(k.as_bytes(), &v)?;
            o.tier_override = tier.map(str::to_string);
            o.service = service.or(o.service);
            batch.insert(k.as_bytes(), encode(&o));
            batch.insert(super::cell::audit_key(entry).as_bytes(), encode(entry));
            changed = Some(o);
            Ok(())
        })?;
        Ok(changed.expect("set when the write succeeded"))
    }
}
