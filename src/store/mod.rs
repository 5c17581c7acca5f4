//! The progress store: one sled database holding the profile, completions,
//! assigned courses, assessments, the shortlist and the dashboard's state.
//!
//! sled lets one process hold a database at a time, so every operation
//! opens it, does its reads or one atomic batch of writes, flushes, and
//! closes it: a shell `status` works while the dashboard runs elsewhere.

mod cell;
pub mod changes;
mod create;
mod error;
pub mod import_log;
mod migrate;
mod open;
mod owner;
mod read_only;
mod recover;
pub mod roster;
mod roster_export;
pub mod roster_reader;
mod summary;

pub use error::{
    Cause, Damage, Full, IdError, Missing, NotAStore, Op, PermissionError, SchemaError, StoreError,
    UpgradeProblem,
};
pub use migrate::{read_export, ExportError};
pub use roster_export::RosterExport;

use chrono::NaiveDate;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use std::path::{Path, PathBuf};

use crate::rules::record::{Assessment, Assignment, Completion, Profile};

/// Bumped when the layout of keys or values changes; export is the bridge.
/// 2: a completion keeps `seconds` (1 kept whole `minutes`); see `migrate`.
pub const SCHEMA_VERSION: u32 = 2;

const SCHEMA_KEY: &[u8] = b"schema";
const PROFILE: &str = "v1/profile";
const NEXT_ID: &str = "v1/next-id";
const COMPLETION: &str = "v1/completion/";
const ASSIGNMENT: &str = "v1/assignment/";
const ASSESSMENT: &str = "v1/assessment/";
const SHORTLIST: &str = "v1/shortlist/";
/// The hours an officer plans for a shortlisted course: a key of its own,
/// so the shortlist's values (course keys since schema 1) never change.
const SHORTLIST_HOURS: &str = "v1/shortlist-hours/";
const UI: &str = "v1/ui";

pub type Result<T> = std::result::Result<T, StoreError>;

/// What the dashboard remembers between runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UiState {
    pub view: Option<String>,
    pub tier: Option<String>,
    pub competency: Option<String>,
    pub status: Option<String>,
    /// The language the dashboard's key last chose (`en`, `hi`). Absent
    /// from stores and exports made before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// Everything in the store: what `export` writes and `import` restores.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub schema: u32,
    pub profile: Option<Profile>,
    pub completions: Vec<Completion>,
    pub assignments: Vec<Assignment>,
    pub assessments: Vec<Assessment>,
    /// Course keys the officer means to take.
    pub shortlist: Vec<String>,
    /// Planned seconds of shortlisted courses (`shortlist add --hours`),
    /// by course key. Absent from exports made before it existed.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub shortlist_hours: std::collections::BTreeMap<String, u32>,
    pub ui: UiState,
    /// The next id to hand out, so ids are never reused.
    pub next_id: u64,
    /// The training cell's audit log: `import` adds it to the store's own,
    /// never replacing an entry. Absent from exports made before it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<crate::roster::audit::AuditEntry>,
    /// The training cell's roster: `import` replaces it whole; absent
    /// (exports made before it, a store without one), the store's stays.
    #[serde(default, skip_serializing_if = "RosterExport::is_empty")]
    pub roster: RosterExport,
}

impl Snapshot {
    /// The officer's records, as the engine takes them (`Inputs::from_records`).
    pub fn records(&self) -> crate::rules::engine::Records<'_> {
        crate::rules::engine::Records {
            completions: &self.completions,
            assignments: &self.assignments,
            assessments: &self.assessments,
        }
    }
}

/// What `add_completions` did: the records it made, and each completion it
/// skipped with the record that already has its course.
#[derive(Debug, Default)]
pub struct Merged {
    pub added: Vec<Completion>,
    pub skipped: Vec<(Completion, Completion)>,
}

pub struct Store {
    path: PathBuf,
}

fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("plain records always encode")
}

fn decode<T: DeserializeOwned>(key: &[u8], bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::DamagedRecord {
        key: String::from_utf8_lossy(key).into_owned(),
        source: Cause::new(e),
    })
}

fn id_key(prefix: &str, id: u64) -> String {
    format!("{prefix}{id:020}")
}

impl Store {
    pub fn at(path: impl Into<PathBuf>) -> Store {
        Store { path: path.into() }
    }

    /// `$XDG_DATA_HOME/karmadash/db` (or the platform's equivalent).
    pub fn default_path() -> Result<PathBuf> {
        directories::ProjectDirs::from("", "", "karmadash")
            .map(|d| d.data_dir().join("db"))
            .ok_or(StoreError::NoHome)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Everything in the store; an absent store reads as empty and is not created.
    pub fn snapshot(&self) -> Result<Snapshot> {
        // Reading never creates a store.
        match open::open_read(&self.path)? {
            Some(db) => read_all(&db),
            None => Ok(Snapshot {
                schema: SCHEMA_VERSION,
                next_id: 1,
                ..Snapshot::default()
            }),
        }
    }

    pub fn set_profile(&self, profile: &Profile) -> Result<()> {
        self.write(|_, batch| {
            batch.insert(PROFILE.as_bytes(), encode(profile));
            Ok(())
        })
    }

    /// Records a completion, giving it the next id, and returns it. One
    /// course is completed once: a second record of it is refused.
    pub fn add_completion(&self, mut completion: Completion) -> Result<Completion> {
        self.write(|snap, batch| {
            if let Some(c) = snap
                .completions
                .iter()
                .find(|c| c.course == completion.course)
            {
                return Err(StoreError::AlreadyRecorded {
                    title: c.title.clone(),
                    id: c.id,
                    date: c.date,
                });
            }
            completion.id = take_id(snap, batch)?;
            batch.insert(
                id_key(COMPLETION, completion.id).as_bytes(),
                encode(&completion),
            );
            Ok(())
        })?;
        Ok(completion)
    }

    /// Records several completions in one atomic batch, skipping any whose
    /// course is already recorded (returned second, with the record that
    /// has it): a portal report merged into what the officer typed.
    pub fn add_completions(&self, completions: Vec<Completion>) -> Result<Merged> {
        let mut added = Vec::new();
        let mut skipped = Vec::new();
        self.write(|snap, batch| {
            let (new, known) = already_recorded(&snap.completions, completions.clone());
            skipped = known;
            let mut snap = snap.clone();
            for mut c in new {
                c.id = take_id(&snap, batch)?;
                snap.next_id = c.id + 1;
                batch.insert(id_key(COMPLETION, c.id).as_bytes(), encode(&c));
                snap.completions.push(c.clone());
                added.push(c);
            }
            Ok(())
        })?;
        Ok(Merged { added, skipped })
    }

    /// Removes a completion; says so if there is none with that id.
    pub fn remove_completion(&self, id: u64) -> Result<Completion> {
        let mut removed = None;
        self.write(|snap, batch| {
            let c = snap
                .completions
                .iter()
                .find(|c| c.id == id)
                .ok_or(Missing::Completion { id })?;
            batch.remove(id_key(COMPLETION, id).as_bytes());
            removed = Some(c.clone());
            Ok(())
        })?;
        Ok(removed.expect("set when the write succeeded"))
    }

    pub fn add_assignment(&self, mut assignment: Assignment) -> Result<Assignment> {
        self.write(|snap, batch| {
            assignment.id = take_id(snap, batch)?;
            batch.insert(
                id_key(ASSIGNMENT, assignment.id).as_bytes(),
                encode(&assignment),
            );
            Ok(())
        })?;
        Ok(assignment)
    }

    pub fn add_assessment(&self, passed: NaiveDate) -> Result<Assessment> {
        let mut made = Assessment { id: 0, passed };
        self.write(|snap, batch| {
            made.id = take_id(snap, batch)?;
            batch.insert(id_key(ASSESSMENT, made.id).as_bytes(), encode(&made));
            Ok(())
        })?;
        Ok(made)
    }

    /// Adds or drops a course key from the shortlist (dropping forgets
    /// its planned hours; adding keeps any it has).
    pub fn set_shortlisted(&self, course: &str, on: bool) -> Result<()> {
        self.write(|_, batch| {
            let key = format!("{SHORTLIST}{course}");
            if on {
                batch.insert(key.as_bytes(), encode(&course));
            } else {
                batch.remove(key.as_bytes());
                batch.remove(format!("{SHORTLIST_HOURS}{course}").as_bytes());
            }
            Ok(())
        })
    }

    /// Shortlists a course with the seconds the officer plans for it.
    pub fn shortlist_with_hours(&self, course: &str, seconds: u32) -> Result<()> {
        self.write(|_, batch| {
            batch.insert(format!("{SHORTLIST}{course}").as_bytes(), encode(&course));
            batch.insert(
                format!("{SHORTLIST_HOURS}{course}").as_bytes(),
                encode(&seconds),
            );
            Ok(())
        })
    }

    pub fn set_ui(&self, ui: &UiState) -> Result<()> {
        self.write(|_, batch| {
            batch.insert(UI.as_bytes(), encode(ui));
            Ok(())
        })
    }

    /// Replaces everything with `snapshot`, atomically.
    pub fn import(&self, snapshot: &Snapshot) -> Result<()> {
        if snapshot.schema != SCHEMA_VERSION {
            return Err(SchemaError::Export {
                found: snapshot.schema,
            }
            .into());
        }
        check_ids(snapshot)?;
        self.write_raw(|db, batch| {
            let current = &read_all(db)?;
            // An export without a roster (an older one, or an officer's own)
            // never empties the cell's.
            if !snapshot.roster.is_empty() {
                roster_export::replace(db, &snapshot.roster, batch);
            }
            for key in all_keys(current) {
                batch.remove(key.as_bytes());
            }
            if let Some(p) = &snapshot.profile {
                batch.insert(PROFILE.as_bytes(), encode(p));
            }
            for c in &snapshot.completions {
                batch.insert(id_key(COMPLETION, c.id).as_bytes(), encode(c));
            }
            for a in &snapshot.assignments {
                batch.insert(id_key(ASSIGNMENT, a.id).as_bytes(), encode(a));
            }
            for a in &snapshot.assessments {
                batch.insert(id_key(ASSESSMENT, a.id).as_bytes(), encode(a));
            }
            for s in &snapshot.shortlist {
                batch.insert(format!("{SHORTLIST}{s}").as_bytes(), encode(s));
            }
            for (k, seconds) in &snapshot.shortlist_hours {
                batch.insert(format!("{SHORTLIST_HOURS}{k}").as_bytes(), encode(seconds));
            }
            batch.insert(UI.as_bytes(), encode(&snapshot.ui));
            batch.insert(NEXT_ID.as_bytes(), encode(&snapshot.next_id));
            // The log is never rewritten: the export's entries join it.
            for e in &snapshot.audit {
                batch.insert(cell::audit_key(e).as_bytes(), encode(e));
            }
            Ok(())
        })
    }

    /// Opens (creating if needed), reads, lets `f` fill one batch, applies
    /// it atomically and flushes before returning: durable on success, and
    /// nothing written if `f` fails.
    fn write(&self, f: impl FnOnce(&Snapshot, &mut sled::Batch) -> Result<()>) -> Result<()> {
        self.write_raw(|db, batch| f(&read_all(db)?, batch))
    }

    /// `write`, for callers that read only what they need (the roster).
    fn write_raw(&self, f: impl FnOnce(&sled::Db, &mut sled::Batch) -> Result<()>) -> Result<()> {
        let db = open::open_for_write(&self.path)?;
        let mut batch = sled::Batch::default();
        f(&db, &mut batch)?;
        db.apply_batch(batch)
            .and_then(|_| db.flush().map(|_| ()))
            .map_err(|e| open::write_error(&self.path, e))?;
        // Let go of sled before telling readers, so their open finds it free.
        drop(db);
        summary::forget(&self.path);
        changes::bump(&self.path);
        // Root writing another user's store: every file stays the owner's.
        owner::give_back(&self.path);
        Ok(())
    }

    /// The store's change marker now (see `changes`): compare two readings
    /// to learn whether anything was written in between.
    pub fn change_marker(&self) -> Option<String> {
        changes::current(&self.path)
    }

    /// The size and time of sled's log, which every open changes: with
    /// the change marker, what keys a kept summary (`summary`).
    pub fn log_stamp(&self) -> Option<String> {
        summary::log_stamp(&self.path)
    }

    /// The kept status summary's text, if any (its key is the caller's to check).
    pub fn status_summary(&self) -> Option<String> {
        summary::read(&self.path)
    }

    /// Keeps a status summary beside the store, quietly, where it may.
    pub fn keep_status_summary(&self, text: &str) {
        summary::write(&self.path, text);
    }
}

/// Ids stay below 2^53 so every JSON reader (JavaScript included) reads
/// them exactly; years of records use a few hundred.
pub const MAX_ID: u64 = 1 << 53;

/// The next free id. It never wraps and never lands on a record that
/// exists: a store whose counter says otherwise is refused, not overwritten.
fn take_id(snap: &Snapshot, batch: &mut sled::Batch) -> Result<u64> {
    let id = snap.next_id.max(1);
    if id >= MAX_ID {
        return Err(IdError::NextPastLast { next: id }.into());
    }
    if let Some(taken) = record_ids(snap).find(|&existing| existing >= id) {
        return Err(IdError::NextTaken { next: id, taken }.into());
    }
    batch.insert(NEXT_ID.as_bytes(), encode(&(id + 1)));
    Ok(id)
}

fn record_ids(s: &Snapshot) -> impl Iterator<Item = u64> + '_ {
    s.completions
        .iter()
        .map(|c| c.id)
        .chain(s.assignments.iter().map(|a| a.id))
        .chain(s.assessments.iter().map(|a| a.id))
}

/// An export whose ids would run out is refused before import (reuse of
/// ids is refused earlier, by `progress::check_import`).
fn check_ids(snapshot: &Snapshot) -> Result<()> {
    let largest = record_ids(snapshot).max().unwrap_or(0);
    if snapshot.next_id >= MAX_ID || largest >= MAX_ID {
        return Err(IdError::ExportPastLast {
            reach: snapshot.next_id.max(largest),
        }
        .into());
    }
    Ok(())
}

fn all_keys(s: &Snapshot) -> Vec<String> {
    let mut keys = vec![PROFILE.to_string(), UI.to_string(), NEXT_ID.to_string()];
    keys.extend(s.completions.iter().map(|c| id_key(COMPLETION, c.id)));
    keys.extend(s.assignments.iter().map(|a| id_key(ASSIGNMENT, a.id)));
    keys.extend(s.assessments.iter().map(|a| id_key(ASSESSMENT, a.id)));
    keys.extend(s.shortlist.iter().map(|k| format!("{SHORTLIST}{k}")));
    keys.extend(
        s.shortlist_hours
            .keys()
            .map(|k| format!("{SHORTLIST_HOURS}{k}")),
    );
    keys
}

fn read_all(db: &sled::Db) -> Result<Snapshot> {
    let get = |key: &str| -> Result<Option<sled::IVec>> {
        db.get(key).map_err(|e| StoreError::io(Op::Read, None, e))
    };
    let list = |prefix: &str| -> Result<Vec<(sled::IVec, sled::IVec)>> {
        db.scan_prefix(prefix)
            .map(|r| r.map_err(|e| StoreError::io(Op::Read, None, e)))
            .collect()
    };
    let profile = get(PROFILE)?
        .map(|v| decode(PROFILE.as_bytes(), &v))
        .transpose()?;
    let ui = get(UI)?
        .map(|v| decode(UI.as_bytes(), &v))
        .transpose()?
        .unwrap_or_default();
    let next_id = get(NEXT_ID)?
        .map(|v| decode(NEXT_ID.as_bytes(), &v))
        .transpose()?
        .unwrap_or(1);
    let completions = list(COMPLETION)?
        .iter()
        .map(|(k, v)| decode(k, v))
        .collect::<Result<Vec<Completion>>>()?;
    let assignments = list(ASSIGNMENT)?
        .iter()
        .map(|(k, v)| decode(k, v))
        .collect::<Result<Vec<Assignment>>>()?;
    let assessments = list(ASSESSMENT)?
        .iter()
        .map(|(k, v)| decode(k, v))
        .collect::<Result<Vec<Assessment>>>()?;
    let shortlist = list(SHORTLIST)?
        .iter()
        .map(|(k, v)| decode(k, v))
        .collect::<Result<Vec<String>>>()?;
    let shortlist_hours = list(SHORTLIST_HOURS)?
        .iter()
        .map(|(k, v)| {
            let course = String::from_utf8_lossy(&k[SHORTLIST_HOURS.len()..]).into_owned();
            decode(k, v).map(|seconds: u32| (course, seconds))
        })
        .collect::<Result<_>>()?;
    let audit = roster::scan(db, cell::AUDIT)?;
    Ok(Snapshot {
        schema: SCHEMA_VERSION,
        audit,
        roster: roster_export::read(db)?,
        profile,
        completions,
        assignments,
        assessments,
        shortlist,
        shortlist_hours,
        ui,
        next_id,
    })
}

/// Splits a report's completions into those to record and those already
/// recorded (with the record that has each). A record made before stands
/// for one completion of its course, the one of its hours first: a course
/// typed by hand is kept as typed, never recorded twice, while a report's
/// two courses of one title (two durations) are both recorded.
pub fn already_recorded(
    recorded: &[Completion],
    completions: Vec<Completion>,
) -> (Vec<Completion>, Vec<(Completion, Completion)>) {
    let mut used = vec![false; recorded.len()];
    let mut pick = |c: &Completion, exact: bool| {
        let i = recorded.iter().enumerate().position(|(i, k)| {
            !used[i] && k.course == c.course && (!exact || k.seconds == c.seconds)
        })?;
        used[i] = true;
        Some(recorded[i].clone())
    };
    // Exact matches first, so a re-import pairs each with its own record.
    let mut matched: Vec<Option<Completion>> = completions.iter().map(|c| pick(c, true)).collect();
    for (c, m) in completions.iter().zip(matched.iter_mut()) {
        if m.is_none() {
            *m = pick(c, false);
        }
    }
    let (mut new, mut known) = (Vec::new(), Vec::new());
    for (c, m) in completions.into_iter().zip(matched) {
        match m {
            Some(k) => known.push((c, k)),
            None => new.push(c),
        }
    }
    (new, known)
}
