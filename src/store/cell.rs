//! What the training cell says beyond the reports, under keys of its own:
//! its list of officers (`roster/expect/`), its exemptions
//! (`roster/exempt/`), the roster's history (`roster/history/`) and the
//! audit log (`audit/`). The log is only ever added to: no write here
//! removes or replaces an entry, and `import` merges an export's log in.

use super::roster::scan;
use super::{encode, open, Result, Store};
use crate::roster::audit::AuditEntry;
use crate::roster::cell::{CellRecords, Exemption, Expected};
use crate::roster::history::HistoryPoint;

pub(super) const EXPECT: &str = "roster/expect/";
pub(super) const EXEMPT: &str = "roster/exempt/";
pub(super) const HISTORY: &str = "roster/history/";
pub(super) const AUDIT: &str = "audit/";

/// An entry's key: its time (so the log reads in order) and a hash of the
/// entry, so the same entry from an export lands on its own key.
pub(super) fn audit_key(e: &AuditEntry) -> String {
    let hash = xxhash_rust::xxh3::xxh3_64(&encode(e));
    format!("{AUDIT}{}/{hash:016x}", e.at.format("%Y%m%dT%H%M%S%.9f"))
}

pub(super) fn exempt_key(e: &Exemption) -> String {
    format!(
        "{EXEMPT}{}/{}",
        e.officer.0,
        e.requirement.as_deref().unwrap_or("*")
    )
}

/// A history point's key: its report time, department and tier.
pub(super) fn history_key(p: &HistoryPoint) -> String {
    format!(
        "{HISTORY}{}/{}/{}",
        p.at.format("%Y%m%dT%H%M%S"),
        p.department,
        p.tier
    )
}

impl Store {
    /// The cell's list and exemptions; an absent store reads as none.
    pub fn cell(&self) -> Result<CellRecords> {
        let Some(db) = open::open_read(self.path())? else {
            return Ok(CellRecords::default());
        };
        Ok(CellRecords {
            expected: scan(&db, EXPECT)?,
            exemptions: scan(&db, EXEMPT)?,
        })
    }

    /// The audit log, oldest first.
    pub fn audit(&self) -> Result<Vec<AuditEntry>> {
        match open::open_read(self.path())? {
            Some(db) => scan(&db, AUDIT),
            None => Ok(Vec::new()),
        }
    }

    /// Every history point, oldest first.
    pub fn history(&self) -> Result<Vec<HistoryPoint>> {
        match open::open_read(self.path())? {
            Some(db) => scan(&db, HISTORY),
            None => Ok(Vec::new()),
        }
    }

    /// Appends one entry to the audit log.
    pub fn append_audit(&self, entry: &AuditEntry) -> Result<()> {
        self.write_raw(|_, batch| {
            batch.insert(audit_key(entry).as_bytes(), encode(entry));
            Ok(())
        })
    }

    /// Replaces the cell's list with `list`, and logs it, atomically.
    pub fn set_expected(&self, list: &[Expected], entry: &AuditEntry) -> Result<()> {
        self.write_raw(|db, batch| {
            for k in db.scan_prefix(EXPECT).keys().flatten() {
                batch.remove(k);
            }
            for e in list {
                batch.insert(format!("{EXPECT}{}", e.id.0).as_bytes(), encode(e));
            }
            batch.insert(audit_key(entry).as_bytes(), encode(entry));
            Ok(())
        })
    }

    /// Grants an exemption (replacing the officer's same one), logged.
    pub fn exempt(&self, e: &Exemption, entry: &AuditEntry) -> Result<()> {
        self.write_raw(|_, batch| {
            batch.insert(exempt_key(e).as_bytes(), encode(e));
            batch.insert(audit_key(entry).as_bytes(), encode(entry));
            Ok(())
        })
    }

    /// Lifts the officer's exemptions (all, or one requirement's), logged
    /// when there was one; how many were lifted.
    pub fn unexempt(
        &self,
        officer: &str,
        requirement: Option<&str>,
        entry: impl FnOnce(usize) -> AuditEntry,
    ) -> Result<usize> {
        let mut lifted = 0;
        self.write_raw(|db, batch| {
            let prefix = format!("{EXEMPT}{officer}/");
            let whole = requirement.map(|r| format!("{prefix}{r}"));
            for k in db.scan_prefix(&prefix).keys().flatten() {
                if whole.as_deref().is_none_or(|w| k.as_ref() == w.as_bytes()) {
                    batch.remove(k);
                    lifted += 1;
                }
            }
            if lifted > 0 {
                let e = entry(lifted);
                batch.insert(audit_key(&e).as_bytes(), encode(&e));
            }
            Ok(())
        })?;
        Ok(lifted)
    }

    /// Keeps one snapshot's points; a snapshot of the same time again
    /// replaces its own points (the same report imported anew).
    pub fn record_history(&self, points: &[HistoryPoint]) -> Result<()> {
        self.write_raw(|db, batch| {
            for p in points {
                let at = format!("{HISTORY}{}/", p.at.format("%Y%m%dT%H%M%S"));
                for k in db.scan_prefix(&at).keys().flatten() {
                    batch.remove(k);
                }
            }
            for p in points {
                batch.insert(history_key(p).as_bytes(), encode(p));
            }
            Ok(())
        })
    }
}
