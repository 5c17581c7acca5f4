//! A small file beside the sled files that keeps the last `status --short`
//! answer, so a shell prompt can print it without opening sled (two fsyncs
//! and a thread pool). The store only keeps the text and stamps its log
//! (`log_stamp`); the shell decides what keys the text.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::{owner, recover};

/// Named `karmadash-...` so the store's own check (`recover::is_ours`) knows it.
const SUMMARY: &str = "karmadash-status";

/// Larger than any summary karmadash writes: anything bigger is not ours.
const MAX_LEN: u64 = 16 * 1024;

fn summary_path(store: &Path) -> PathBuf {
    store.join(SUMMARY)
}

/// The size and time of sled's log, which any open of sled (a read too)
/// changes: with the change marker (`changes`) it says whether the store
/// was touched since, by any version of karmadash, without opening it.
pub(super) fn log_stamp(store: &Path) -> Option<String> {
    let log = fs::metadata(store.join(recover::LOG_FILE)).ok()?;
    Some(format!(
        "{} {}.{}",
        log.len(),
        log.mtime(),
        log.mtime_nsec()
    ))
}

/// The summary's text, if there is one this user wrote: a file of another
/// owner, a link or an oversized file is not read.
pub(super) fn read(store: &Path) -> Option<String> {
    let path = summary_path(store);
    let meta = fs::symlink_metadata(&path).ok()?;
    let mine = meta.uid() == owner::euid();
    if !meta.is_file() || !mine || meta.len() > MAX_LEN {
        return None;
    }
    fs::read_to_string(path).ok()
}

/// Keeps `text` as the summary, written beside and renamed over so a reader
/// never sees half of it. Only in an existing store of this user that it
/// may write: a summary must never make a store or leave a stray file, and
/// failing to keep one must not fail the command.
pub(super) fn write(store: &Path, text: &str) {
    if !store.is_dir() || !owner::is_mine(store) || !recover::writable(store) {
        return;
    }
    let tmp = store.join(format!("{SUMMARY}.{}", std::process::id()));
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options
        .open(&tmp)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    if written.is_err() || fs::rename(&tmp, summary_path(store)).is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

/// Drops the summary: every write does, before it changes the marker, so
/// an answer about older contents is gone as well as unmatched.
pub(super) fn forget(store: &Path) {
    let _ = fs::remove_file(summary_path(store));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_is_kept_read_and_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()), None);
        write(dir.path(), "line\n");
        assert_eq!(read(dir.path()).as_deref(), Some("line\n"));
        forget(dir.path());
        assert_eq!(read(dir.path()), None);
    }

    #[test]
    fn the_log_stamp_follows_the_log() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(log_stamp(dir.path()), None);
        fs::write(dir.path().join(recover::LOG_FILE), b"x").unwrap();
        let first = log_stamp(dir.path()).expect("a log");
        fs::write(dir.path().join(recover::LOG_FILE), b"xy").unwrap();
        assert_ne!(log_stamp(dir.path()).unwrap(), first);
    }

    #[test]
    fn a_missing_store_gets_no_summary() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("db");
        write(&missing, "line\n");
        assert!(!missing.exists());
    }
}
