//! What a killed or starved sled leaves behind, put right before sled opens:
//! half-written snapshots, loose permissions, and stores that look new but
//! are not.
//!
//! sled 0.34 writes a snapshot to `snap.<lsn>.generating`, fsyncs it and
//! only then renames it to `snap.<lsn>`. A kill or a full disk in between
//! leaves the `.generating` file, which sled then reads as the newest
//! snapshot and fails on for ever with "Read corrupted data" (sled issue
//! 1527). Such a file is never a valid snapshot, so it is removed; sled
//! rebuilds from its log, which holds every flushed write.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::io::AsRawFd;
use std::path::Path;

/// The file sled keeps its log in, and locks while it has the store open.
pub const LOG_FILE: &str = "db";

/// Below this many free bytes a write is refused before sled is touched:
/// sled needs room for a log segment flush and a snapshot, and a write that
/// meets ENOSPC half-way is what breaks a store.
pub const FREE_SPACE_MARGIN: u64 = 1 << 20;

/// Removes leftover `snap.*.generating` files, but only while holding the
/// lock sled itself takes on the log file: a live process may be writing
/// one. Returns false when another process holds the lock (sled's open will
/// then wait for it and this runs again on the retry).
pub fn remove_unfinished_snapshots(dir: &Path) -> bool {
    let Ok(log) = fs::OpenOptions::new().read(true).open(dir.join(LOG_FILE)) else {
        return true; // no log: nothing sled could have half-written
    };
    // SAFETY: flock on a file descriptor we own; released when `log` closes.
    let locked = unsafe { libc::flock(log.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0;
    if !locked {
        return false;
    }
    for leftover in unfinished_snapshots(dir) {
        // Failing to remove one (a read-only store) only means sled may fail
        // to open, which is reported then.
        let _ = fs::remove_file(leftover);
    }
    true
}

pub fn unfinished_snapshots(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("snap.") && n.ends_with(".generating"))
        })
        .collect()
}

/// Makes everything in the store owner-only: sled creates its files with
/// the process umask (usually 0644).
pub fn make_private(dir: &Path) {
    let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(meta) = entry.metadata() else { continue };
        let mode = if meta.is_dir() {
            make_private(&entry.path());
            continue;
        } else {
            0o600
        };
        if meta.permissions().mode() & 0o777 != mode {
            let _ = fs::set_permissions(entry.path(), fs::Permissions::from_mode(mode));
        }
    }
}

/// Free bytes for an unprivileged writer on the filesystem holding `dir`,
/// or None where the kernel can't say.
pub fn free_bytes(dir: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: a valid C string and a zeroed struct the call fills in.
    if unsafe { libc::statvfs(c.as_ptr(), &mut st) } != 0 {
        return None;
    }
    Some((st.f_bavail as u64).saturating_mul(st.f_frsize as u64))
}

/// What a store directory holds, judged before sled may add to it.
#[derive(Debug, PartialEq, Eq)]
pub enum Contents {
    /// Nothing at all: a new store may be made here.
    Empty,
    /// sled's log is there.
    Store,
    /// sled's other files are there but its log is gone: a damaged store.
    LogMissing,
    /// Files karmadash and sled never make: not a store.
    Foreign(String),
}

/// Names sled (and karmadash) put in a store directory. The change-marker
/// and other small files of karmadash's own start with `karmadash`.
fn is_ours(name: &str) -> bool {
    matches!(name, "db" | "conf" | "blobs")
        || name.starts_with("snap.")
        || name.starts_with("karmadash")
        || name.starts_with(".karmadash")
}

pub fn contents(dir: &Path) -> Contents {
    let Ok(entries) = fs::read_dir(dir) else {
        return Contents::Empty;
    };
    let names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if names.is_empty() {
        return Contents::Empty;
    }
    if let Some(foreign) = names.iter().find(|n| !is_ours(n)) {
        return Contents::Foreign(foreign.clone());
    }
    if names.iter().any(|n| n == LOG_FILE) {
        return Contents::Store;
    }
    // An empty `blobs` directory alone is what sled leaves when it is
    // refused early: nothing was ever stored.
    let only_empty_blobs = names.iter().all(|n| n == "blobs")
        && fs::read_dir(dir.join("blobs")).is_ok_and(|mut d| d.next().is_none());
    if only_empty_blobs {
        Contents::Empty
    } else {
        Contents::LogMissing
    }
}

/// Whether this process may write in `dir` (a read-only store or mount).
pub fn writable(dir: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return false;
    };
    let log = dir.join(LOG_FILE);
    let Ok(c_log) = std::ffi::CString::new(log.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: valid C strings.
    let dir_ok = unsafe { libc::access(c.as_ptr(), libc::W_OK) } == 0;
    let log_ok = !log.exists() || unsafe { libc::access(c_log.as_ptr(), libc::W_OK) } == 0;
    dir_ok && log_ok
}
