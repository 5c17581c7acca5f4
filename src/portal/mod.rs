//! The portal's catalogue on this machine: `fetch` brings it over the
//! network (the only code of karmadash that does), and this module keeps
//! the dated snapshot in the XDG cache, written whole or not at all.

pub mod fetch;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::catalogue::portal::{PortalDataError, PortalSnapshot};
use crate::units::cause::Cause;

/// The snapshot's file name in the cache directory.
pub const FILE_NAME: &str = "portal-catalogue.json";

/// Why the kept snapshot cannot be used or kept.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SnapshotFileError {
    #[error("cannot read {}: {cause}", .path.display())]
    Read { path: PathBuf, cause: Cause },
    #[error("{}: {error}", .path.display())]
    Data {
        path: PathBuf,
        error: PortalDataError,
    },
    #[error("cannot write {}: {cause}", .path.display())]
    Write { path: PathBuf, cause: Cause },
    #[error("no cache directory: neither XDG_CACHE_HOME nor HOME is set")]
    NoCacheDir,
}

/// `$XDG_CACHE_HOME/karmadash` (or the platform's equivalent), the
/// directory of the compiled catalogue cache too.
pub fn cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "karmadash").map(|d| d.cache_dir().to_path_buf())
}

/// Where the snapshot is kept.
pub fn snapshot_path() -> Result<PathBuf, SnapshotFileError> {
    cache_dir()
        .map(|d| d.join(FILE_NAME))
        .ok_or(SnapshotFileError::NoCacheDir)
}

/// The kept snapshot, or None before the first sync.
pub fn load() -> Result<Option<PortalSnapshot>, SnapshotFileError> {
    match snapshot_path() {
        Ok(path) => load_from(&path),
        Err(_) => Ok(None),
    }
}

/// The snapshot in a file; None when there is no such file.
pub fn load_from(path: &Path) -> Result<Option<PortalSnapshot>, SnapshotFileError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(SnapshotFileError::Read {
                path: path.to_path_buf(),
                cause: Cause::new(e),
            })
        }
    };
    PortalSnapshot::from_json(&bytes)
        .map(Some)
        .map_err(|error| SnapshotFileError::Data {
            path: path.to_path_buf(),
            error,
        })
}

/// Keeps `snapshot` in place of the last one: written beside it, flushed,
/// then renamed over it, so a reader (or a crash) sees one or the other
/// whole, never a torn file.
pub fn save(snapshot: &PortalSnapshot) -> Result<PathBuf, SnapshotFileError> {
    let path = snapshot_path()?;
    let write = |cause: std::io::Error| SnapshotFileError::Write {
        path: path.clone(),
        cause: Cause::new(cause),
    };
    let dir = path.parent().expect("a file in the cache directory");
    std::fs::create_dir_all(dir).map_err(write)?;
    let temp = dir.join(format!("{FILE_NAME}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&temp).and_then(|mut f| {
        f.write_all(&snapshot.to_json())?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&temp, &path)) {
        let _ = std::fs::remove_file(&temp);
        return Err(write(e));
    }
    Ok(path)
}
