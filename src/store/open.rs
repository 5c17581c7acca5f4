//! Opening the sled database: owner-only permissions, the schema check,
//! a short retry while another karmadash process holds the lock, recovery
//! of what a killed or starved write left behind (`recover.rs`), new
//! stores made in one step (`create.rs`) and other users' stores left
//! with their owner's files only (`owner.rs`).

use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};

use super::create::{self, Made};
use super::owner;
use super::recover::{self, Contents};
use super::{
    Damage, Full, NotAStore, Op, PermissionError, Result, SchemaError, StoreError, SCHEMA_KEY,
    SCHEMA_VERSION,
};

/// How long to wait for another process (a dashboard mid-write) to let go.
const LOCK_PATIENCE: Duration = Duration::from_millis(2_000);

fn is_lock_error(e: &sled::Error) -> bool {
    matches!(e, sled::Error::Io(io) if io.kind() == std::io::ErrorKind::WouldBlock)
        || e.to_string().contains("could not acquire lock")
}

fn open_raw(path: &Path) -> Result<sled::Db> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(5);
    loop {
        recover::remove_unfinished_snapshots(path);
        match sled::Config::new().path(path).flush_every_ms(None).open() {
            Ok(db) => return Ok(db),
            Err(e) if is_lock_error(&e) && started.elapsed() < LOCK_PATIENCE => {
                sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            Err(e) if is_lock_error(&e) => {
                return Err(StoreError::Busy {
                    path: path.to_path_buf(),
                })
            }
            Err(e) => return Err(open_error(path, e)),
        }
    }
}

/// "No space left on device", also as sled passes it on: a new error of
/// the same kind, without the OS code.
pub(super) fn disk_full(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(libc::ENOSPC) || e.kind() == std::io::ErrorKind::StorageFull
}

/// The one line for a store sled cannot open (other than a busy one).
pub(super) fn open_error(path: &Path, e: sled::Error) -> StoreError {
    match e {
        sled::Error::Io(e) if disk_full(&e) => StoreError::DiskFull {
            path: path.to_path_buf(),
            when: Full::Opening,
        },
        sled::Error::Corruption { .. } => damaged(path, Damage::Corrupted),
        e => damaged(path, Damage::Sled(e)),
    }
}

/// The one line for a write sled could not finish. A batch is written
/// whole or not at all, so on a full disk nothing of it was written.
pub(super) fn write_error(path: &Path, e: sled::Error) -> StoreError {
    match e {
        sled::Error::Io(io) if disk_full(&io) => StoreError::DiskFull {
            path: path.to_path_buf(),
            when: Full::Writing,
        },
        e => StoreError::io(Op::Write, Some(path), e),
    }
}

fn check_schema(db: &sled::Db, path: &Path, had_log: bool) -> Result<()> {
    match db.get(SCHEMA_KEY) {
        // sled reads a damaged log as an empty database: never take that for a new store.
        Ok(None) if db.is_empty() && had_log => Err(damaged(path, Damage::EmptyLog)),
        Ok(Some(v)) if v.as_ref() == SCHEMA_VERSION.to_string().as_bytes() => Ok(()),
        Ok(Some(v)) => Err(SchemaError::Store {
            path: path.to_path_buf(),
            found: String::from_utf8_lossy(&v).into_owned(),
        }
        .into()),
        Ok(None) if db.is_empty() => Ok(()),
        Ok(None) => Err(not_a_store(path, NotAStore::OtherSled)),
        Err(e) => Err(StoreError::io(Op::Read, Some(path), e)),
    }
}

/// A store sled cannot read. It is never moved aside as if that were
/// harmless: the files are left exactly as they are (the shells say to
/// import into a new path, so nothing is thrown away).
fn damaged(path: &Path, why: Damage) -> StoreError {
    StoreError::Damaged {
        path: path.to_path_buf(),
        why,
    }
}

fn not_a_store(path: &Path, why: NotAStore) -> StoreError {
    StoreError::NotAStore {
        path: path.to_path_buf(),
        why,
    }
}

/// Refuses a path that is not a karmadash store before sled may add its
/// files to it. Returns whether it is an empty directory (a new store).
fn check_contents(path: &Path) -> Result<bool> {
    if !path.is_dir() {
        return Err(not_a_store(path, NotAStore::File));
    }
    match recover::contents(path) {
        Contents::Empty => Ok(true),
        Contents::Store => Ok(false),
        Contents::LogMissing => Err(damaged(path, Damage::LogMissing)),
        Contents::Foreign(name) => Err(not_a_store(path, NotAStore::Foreign(name))),
    }
}

/// Opens an existing store for reading; None for an absent or empty one,
/// which reads as new. sled 0.34 can only open a database read-write, and
/// writes a snapshot while opening: a store this process may not write, or
/// one on a full disk, is read from a private copy instead.
pub fn open_read(path: &Path) -> Result<Option<ReadDb>> {
    if !path.exists() || check_contents(path)? {
        return Ok(None);
    }
    owner::check_no_strays(path)?;
    // sled writes while it opens: a store of another user (read as root, or
    // a shared one) is read from a private copy, never given files of ours.
    if owner::is_mine(path) && recover::writable(path) && check_free_space(path).is_ok() {
        let db = open_existing(path)?;
        return Ok(Some(ReadDb {
            db: Some(db),
            copy: None,
        }));
    }
    let copy = super::read_only::copy_store(path)?;
    let db = open_raw(&copy).and_then(|db| {
        check_schema(&db, path, true)?;
        Ok(db)
    });
    match db {
        Ok(db) => Ok(Some(ReadDb {
            db: Some(db),
            copy: Some(copy),
        })),
        Err(e) => {
            let _ = std::fs::remove_dir_all(&copy);
            Err(e)
        }
    }
}

/// A store opened for reading; a read-only store's private copy is removed
/// when this is dropped.
pub struct ReadDb {
    db: Option<sled::Db>,
    copy: Option<std::path::PathBuf>,
}

impl std::ops::Deref for ReadDb {
    type Target = sled::Db;
    fn deref(&self) -> &sled::Db {
        self.db.as_ref().expect("present until dropped")
    }
}

impl Drop for ReadDb {
    fn drop(&mut self) {
        drop(self.db.take());
        if let Some(copy) = self.copy.take() {
            let _ = std::fs::remove_dir_all(copy);
        }
    }
}

fn open_existing(path: &Path) -> Result<sled::Db> {
    let had_log = std::fs::metadata(path.join(recover::LOG_FILE)).is_ok_and(|m| m.len() > 0);
    let db = open_raw(path)?;
    super::migrate::upgrade(&db, path)?;
    recover::make_private(path);
    check_schema(&db, path, had_log)?;
    Ok(db)
}

/// Refuses a write when the filesystem is nearly full: a write that meets
/// "No space left on device" half-way is what used to break a store.
fn check_free_space(path: &Path) -> Result<()> {
    let probe = if path.exists() {
        path
    } else {
        path.parent().unwrap_or(path)
    };
    match recover::free_bytes(probe) {
        Some(free) if free < recover::FREE_SPACE_MARGIN => Err(StoreError::DiskFull {
            path: path.to_path_buf(),
            when: Full::Below {
                free,
                margin: recover::FREE_SPACE_MARGIN,
            },
        }),
        _ => Ok(()),
    }
}

/// Opens the store, creating it (owner-only, in one step: `create`) if it
/// does not exist yet.
pub fn open_for_write(path: &Path) -> Result<sled::Db> {
    let fresh = !path.exists() || check_contents(path)?;
    if !fresh {
        return open_written(path);
    }
    check_free_space(path)?;
    if let Made::Whole = create::create(path)? {
        return open_written(path);
    }
    create::private_dir(path, true).map_err(|e| create::cannot_create(path, e))?;
    let db = open_raw(path)?;
    if db.get(SCHEMA_KEY).ok().flatten().is_none() {
        db.insert(SCHEMA_KEY, SCHEMA_VERSION.to_string().as_bytes())
            .map_err(|e| write_error(path, e))?;
    }
    recover::make_private(path);
    Ok(db)
}

/// Opens a store that exists for a write.
fn open_written(path: &Path) -> Result<sled::Db> {
    check_free_space(path)?;
    owner::check_no_strays(path)?;
    owner::check_writer(path)?;
    if !recover::writable(path) {
        return Err(PermissionError::ReadOnly {
            path: path.to_path_buf(),
        }
        .into());
    }
    let db = open_existing(path)?;
    recover::make_private(path);
    Ok(db)
}
