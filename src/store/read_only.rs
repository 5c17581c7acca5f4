//! Reading a store this process may not write (a training cell's shared,
//! read-only lists; a store on a read-only mount). sled 0.34 opens every
//! database read-write and takes a write lock, so the store's files are
//! copied into a private temporary directory and read there. A store is a
//! few hundred kilobytes, so the copy costs a few milliseconds.

use std::fs;
use std::os::unix::fs::DirBuilderExt;
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::{Duration, Instant};

use super::recover;
use super::{Op, Result, StoreError};

/// Copies the store at `path` (without half-written snapshots) into a new
/// owner-only temporary directory and returns it. A shared lock on sled's
/// log keeps a writer (one that can write there) from changing it mid-copy.
pub fn copy_store(path: &Path) -> Result<PathBuf> {
    let log = fs::File::open(path.join(recover::LOG_FILE))
        .map_err(|e| StoreError::io(Op::Copy, Some(path), e))?;
    let started = Instant::now();
    // SAFETY: flock on a descriptor we own; released when `log` closes.
    while unsafe { libc::flock(log.as_raw_fd(), libc::LOCK_SH | libc::LOCK_NB) } != 0 {
        if started.elapsed() > Duration::from_secs(2) {
            return Err(StoreError::Busy {
                path: path.to_path_buf(),
            });
        }
        sleep(Duration::from_millis(20));
    }
    let copy = private_temp_dir().map_err(|e| StoreError::io(Op::TempCopy, Some(path), e))?;
    let unfinished = recover::unfinished_snapshots(path);
    copy_tree(path, &copy, &unfinished).map_err(|e| {
        let _ = fs::remove_dir_all(&copy);
        StoreError::io(Op::Copy, Some(path), e)
    })?;
    Ok(copy)
}

fn private_temp_dir() -> std::io::Result<PathBuf> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let dir = std::env::temp_dir().join(format!("karmadash-read-{}-{nanos}", std::process::id()));
    fs::DirBuilder::new().mode(0o700).create(&dir)?;
    Ok(dir)
}

fn copy_tree(from: &Path, to: &Path, skip: &[PathBuf]) -> std::io::Result<()> {
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let source = entry.path();
        if skip.contains(&source) {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            fs::DirBuilder::new().mode(0o700).create(&target)?;
            copy_tree(&source, &target, skip)?;
        } else {
            fs::copy(&source, &target)?;
            // The copy is written by sled's open, whatever the source's mode.
            fs::set_permissions(&target, std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
        }
    }
    Ok(())
}
