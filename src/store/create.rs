//! Making a new store in one step. sled writes its `conf` in two writes and
//! its log from several threads; a first write killed between any two of
//! them, or a second karmadash opening the half-made store, used to leave a
//! store refused as damaged for ever. So a new store is built beside its
//! path (`.NAME.karmadash-new-PID`), with its schema written and flushed,
//! and renamed into place: the path holds a whole store or none. Two first
//! writes at once each build one; the first rename wins and the other
//! karmadash uses that store, waiting for sled's lock like any writer.

use std::fs;
use std::os::unix::fs::DirBuilderExt;
use std::path::Path;

use super::{recover, Full, Op, Result, StoreError, SCHEMA_KEY, SCHEMA_VERSION};

/// How the new store came to be.
pub(super) enum Made {
    /// `path` now holds a whole store (this process's, or a concurrent one's).
    Whole,
    /// It could not be built beside (the parent is not writable, or `path`
    /// is a mount point): the caller makes it in place, as sled does.
    InPlace,
}

const BUILD_MARK: &str = ".karmadash-new-";

/// Makes a whole new store at `path`, which is absent or an empty directory.
pub(super) fn create(path: &Path) -> Result<Made> {
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return Ok(Made::InPlace);
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    private_dir(parent, true).map_err(|e| cannot_create(path, e))?;
    let prefix = format!(".{}{BUILD_MARK}", name.to_string_lossy());
    remove_abandoned_builds(parent, &prefix);
    let build = parent.join(format!("{prefix}{}", std::process::id()));
    let _ = fs::remove_dir_all(&build);
    if private_dir(&build, false).is_err() {
        return Ok(Made::InPlace);
    }
    if let Err(e) = build_store(&build) {
        let _ = fs::remove_dir_all(&build);
        return Err(e);
    }
    let mut renamed = fs::rename(&build, path);
    if renamed
        .as_ref()
        .is_err_and(|e| e.raw_os_error() == Some(libc::ENOTEMPTY))
        && clear_empty_leftover(path)
    {
        renamed = fs::rename(&build, path);
    }
    if renamed.is_err() {
        let _ = fs::remove_dir_all(&build);
    }
    match renamed.map_err(|e| e.raw_os_error()) {
        Ok(()) => {
            sync_dir(parent);
            Ok(Made::Whole)
        }
        // Another karmadash put its new store there first: use it.
        Err(Some(libc::ENOTEMPTY | libc::EEXIST)) => Ok(Made::Whole),
        Err(Some(libc::EXDEV | libc::EBUSY)) => Ok(Made::InPlace),
        Err(_) => Ok(Made::InPlace),
    }
}

/// An empty directory is replaced by the rename; sled's empty `blobs`, left
/// when it was refused early, is all such a directory may hold. It is
/// judged and removed through one handle, so a whole store that another
/// karmadash renamed there meanwhile is never touched. True if removed.
fn clear_empty_leftover(path: &Path) -> bool {
    use std::os::unix::io::AsRawFd;
    let Ok(dir) = fs::File::open(path) else {
        return false;
    };
    let this_dir = format!("/proc/self/fd/{}", dir.as_raw_fd());
    let Ok(list) = fs::read_dir(this_dir) else {
        return false;
    };
    let names: Vec<_> = list.flatten().map(|e| e.file_name()).collect();
    if names != ["blobs"] {
        return false;
    }
    // SAFETY: a descriptor we own and a NUL-terminated name.
    unsafe { libc::unlinkat(dir.as_raw_fd(), c"blobs".as_ptr(), libc::AT_REMOVEDIR) == 0 }
}

/// A store with nothing but its schema, flushed and closed.
fn build_store(build: &Path) -> Result<()> {
    let db = sled::Config::new()
        .path(build)
        .flush_every_ms(None)
        .open()
        .map_err(|e| super::open::open_error(build, e))?;
    db.insert(SCHEMA_KEY, SCHEMA_VERSION.to_string().as_bytes())
        .and_then(|_| db.flush())
        .map_err(|e| super::open::write_error(build, e))?;
    drop(db);
    recover::make_private(build);
    Ok(())
}

/// Builds left by a karmadash that was killed: their process is gone.
fn remove_abandoned_builds(parent: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(prefix)
            .and_then(|p| p.parse::<i32>().ok())
        else {
            continue;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        let gone = unsafe { libc::kill(pid, 0) } != 0
            && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH);
        if gone {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// An owner-only directory; `recursive` also makes its missing parents.
pub(super) fn private_dir(path: &Path, recursive: bool) -> std::io::Result<()> {
    if recursive && path.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(recursive)
        .mode(0o700)
        .create(path)
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

pub(super) fn cannot_create(path: &Path, e: std::io::Error) -> StoreError {
    if super::open::disk_full(&e) {
        return StoreError::DiskFull {
            path: path.to_path_buf(),
            when: Full::Creating,
        };
    }
    StoreError::io(Op::Create, Some(path), e)
}
