//! A change marker beside the sled files: every write rewrites it, so a
//! long-running reader (the dashboard) can notice another process's write
//! with one small file read instead of opening sled, which it must not hold.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The marker's file name inside the store's directory.
/// Named `karmadash-...` so the store's own check (`recover::is_ours`) knows it.
const MARKER: &str = "karmadash-changed";

fn marker_path(store: &Path) -> PathBuf {
    store.join(MARKER)
}

/// Rewrites the marker with a token no earlier write used. Called after a
/// write has been flushed; a marker that cannot be written must not fail
/// the write it reports (the data is safe; a dashboard just learns later).
pub(super) fn bump(store: &Path) {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let token = format!("{nanos} {}\n", std::process::id());
    let path = marker_path(store);
    // Written beside and renamed over, so a reader never sees half a token.
    let tmp = store.join(format!("{MARKER}.{}", std::process::id()));
    // Owner-only, like every file of the store.
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options
        .open(&tmp)
        .and_then(|mut f| std::io::Write::write_all(&mut f, token.as_bytes()));
    if written.is_err() || std::fs::rename(&tmp, &path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// What the marker says now: a token that differs after every write, or
/// `None` when no write has happened (or the store does not exist).
pub fn current(store: &Path) -> Option<String> {
    std::fs::read_to_string(marker_path(store)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bump_changes_the_marker() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(current(dir.path()), None);
        bump(dir.path());
        let first = current(dir.path()).expect("a marker after a bump");
        bump(dir.path());
        assert_ne!(current(dir.path()).unwrap(), first);
    }

    #[test]
    fn a_store_that_cannot_hold_a_marker_is_not_an_error() {
        // No directory at all: bump stays quiet and reading says "none".
        let missing = Path::new("/nonexistent/karmadash/db");
        bump(missing);
        assert_eq!(current(missing), None);
    }
}
