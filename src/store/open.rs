//! Opening the sled database: owner-only permissions, the schema check,
//! and a short retry while another karmadash process holds the lock.

use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};

use super::{Result, StoreError, SCHEMA_KEY, SCHEMA_VERSION};

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
        match sled::Config::new().path(path).flush_every_ms(None).open() {
            Ok(db) => return Ok(db),
            Err(e) if is_lock_error(&e) && started.elapsed() < LOCK_PATIENCE => {
                sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            Err(e) if is_lock_error(&e) => {
                return Err(StoreError(format!(
                    "the store at {} is busy: another karmadash is writing to it; try again in a moment",
                    path.display()
                )))
            }
            Err(e) => {
                return Err(StoreError(format!(
                    "cannot open the store at {}: {e}. If it is damaged, move it aside and `karmadash import` your last export",
                    path.display()
                )))
            }
        }
    }
}

fn check_schema(db: &sled::Db, path: &Path, had_log: bool) -> Result<()> {
    match db.get(SCHEMA_KEY) {
        // sled reads a damaged log as an empty database: never take that for a new store.
        Ok(None) if db.is_empty() && had_log => Err(StoreError(format!(
            "the store at {} is damaged: its log holds nothing karmadash can read. Move it aside and `karmadash import` your last export",
            path.display()
        ))),
        Ok(Some(v)) if v.as_ref() == SCHEMA_VERSION.to_string().as_bytes() => Ok(()),
        Ok(Some(v)) => Err(StoreError(format!(
            "the store at {} has schema {}, this karmadash reads {SCHEMA_VERSION}: use the karmadash that made it to export, then import here",
            path.display(),
            String::from_utf8_lossy(&v)
        ))),
        Ok(None) if db.is_empty() => Ok(()),
        Ok(None) => Err(StoreError(format!(
            "{} is a sled database but not a karmadash store: pass another --db PATH",
            path.display()
        ))),
        Err(e) => Err(StoreError(format!("cannot read the store at {}: {e}", path.display()))),
    }
}

/// Opens an existing store for reading.
pub fn open(path: &Path) -> Result<sled::Db> {
    if !path.is_dir() {
        return Err(StoreError(format!(
            "{} is not a karmadash store (it is a file, not a database directory): pass another --db PATH",
            path.display()
        )));
    }
    let had_log = std::fs::metadata(path.join("db")).is_ok_and(|m| m.len() > 0);
    let db = open_raw(path)?;
    super::migrate::upgrade(&db, path)?;
    check_schema(&db, path, had_log)?;
    Ok(db)
}

/// Opens the store, creating it (owner-only) if it does not exist yet.
pub fn open_for_write(path: &Path) -> Result<sled::Db> {
    let fresh = !path.exists() || (path.is_dir() && !path.join("db").exists());
    if !path.exists() {
        create_private_dir(path)?;
    }
    let db = if fresh { open_raw(path)? } else { open(path)? };
    if db.get(SCHEMA_KEY).ok().flatten().is_none() {
        db.insert(SCHEMA_KEY, SCHEMA_VERSION.to_string().as_bytes())
            .map_err(|e| {
                StoreError(format!(
                    "cannot write to the store at {}: {e}",
                    path.display()
                ))
            })?;
    }
    Ok(db)
}

fn create_private_dir(path: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path).map_err(|e| {
        StoreError(format!(
            "cannot create the store at {}: {e}. Pass a writable --db PATH or set KARMADASH_DB",
            path.display()
        ))
    })
}
