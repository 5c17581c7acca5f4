//! The roster read a chunk of officers at a time, for listings at a
//! state's scale: a cell's 100k officers are never all in memory at once,
//! and each chunk is decoded on every core. One open store serves a
//! listing's passes (rank, then print in order).

use rayon::prelude::*;

use super::open::{self, ReadDb};
use super::roster::{scan, IMPORT};
use super::{decode, Op, Result, Store, StoreError};
use crate::roster::merge::ImportRecord;
use crate::roster::{DurationSeen, Officer};

/// Officers per chunk: big enough to keep both cores busy, small enough
/// that a chunk of officers with many completions stays a few MB.
pub const CHUNK: usize = 2048;

/// An open store's roster.
pub struct RosterReader {
    db: Option<ReadDb>,
}

impl Store {
    /// The roster for reading; an absent store reads as an empty one.
    pub fn roster_reader(&self) -> Result<RosterReader> {
        Ok(RosterReader {
            db: open::open_read(self.path())?,
        })
    }
}

fn decode_all(raw: Vec<(sled::IVec, sled::IVec)>) -> Result<Vec<Officer>> {
    raw.par_iter().map(|(k, v)| decode(k, v)).collect()
}

impl RosterReader {
    /// Every officer, in key order, `CHUNK` at a time.
    pub fn chunks(&self) -> impl Iterator<Item = Result<Vec<Officer>>> + '_ {
        let mut iter = self
            .db
            .as_ref()
            .map(|db| db.scan_prefix(super::roster::OFFICER));
        std::iter::from_fn(move || {
            let iter = iter.as_mut()?;
            let mut raw = Vec::with_capacity(CHUNK);
            for item in iter.by_ref() {
                match item {
                    Ok(kv) => raw.push(kv),
                    Err(e) => return Some(Err(StoreError::io(Op::Read, None, e))),
                }
                if raw.len() == CHUNK {
                    break;
                }
            }
            (!raw.is_empty()).then(|| decode_all(raw))
        })
    }

    /// The officers of these ids, in their order (an id no longer there is
    /// left out), decoded on every core.
    pub fn officers(&self, ids: &[&str]) -> Result<Vec<Officer>> {
        let Some(db) = &self.db else {
            return Ok(Vec::new());
        };
        let mut raw = Vec::with_capacity(ids.len());
        for id in ids {
            let key = format!("{}{id}", super::roster::OFFICER);
            if let Some(v) = db
                .get(key.as_bytes())
                .map_err(|e| StoreError::io(Op::Read, None, e))?
            {
                raw.push((sled::IVec::from(key.as_bytes()), v));
            }
        }
        decode_all(raw)
    }

    /// Whether the roster has no officer at all.
    pub fn is_empty(&self) -> Result<bool> {
        let Some(db) = &self.db else {
            return Ok(true);
        };
        match db.scan_prefix(super::roster::OFFICER).next() {
            None => Ok(true),
            Some(Ok(_)) => Ok(false),
            Some(Err(e)) => Err(StoreError::io(Op::Read, None, e)),
        }
    }

    /// The durations the imported reports showed.
    pub fn durations(&self) -> Result<Vec<DurationSeen>> {
        self.db
            .as_ref()
            .map_or(Ok(Vec::new()), |db| scan(db, super::roster::DURATION))
    }

    /// The import log, oldest first.
    pub fn imports(&self) -> Result<Vec<ImportRecord>> {
        self.db
            .as_ref()
            .map_or(Ok(Vec::new()), |db| scan(db, IMPORT))
    }
}
