//! A store belongs to the user who owns its directory, and every file in
//! it stays theirs. sled writes while it opens (a snapshot), so a read run
//! as root used to leave a root-owned file that locked the owner out. Now:
//! another user's store is read from a private copy; root writing to it
//! hands every file back to the owner; anyone else may not write to it; and
//! files of another owner already there are named, with the fix.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::{PermissionError, Result};

pub(super) fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() }
}

/// Whether the store's directory belongs to this process's user.
pub(super) fn is_mine(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.uid() == euid())
}

/// Every file and directory inside the store, its own directory excluded.
fn entries(path: &Path) -> Vec<(PathBuf, fs::Metadata)> {
    let mut out = Vec::new();
    let mut dirs = vec![path.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(list) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in list.flatten() {
            let Ok(meta) = entry.path().symlink_metadata() else {
                continue;
            };
            if meta.is_dir() {
                dirs.push(entry.path());
            }
            out.push((entry.path(), meta));
        }
    }
    out
}

/// Refuses, in one plain line, a store of this user that holds files of
/// another (left by a karmadash run as root with an older version, or by
/// hand): sled could not open them, and they are not damage.
pub(super) fn check_no_strays(path: &Path) -> Result<()> {
    let me = euid();
    if me == 0 || !is_mine(path) {
        return Ok(());
    }
    let Some((stray, meta)) = entries(path).into_iter().find(|(_, m)| m.uid() != me) else {
        return Ok(());
    };
    Err(PermissionError::StrayFile {
        path: path.to_path_buf(),
        file: stray
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        owner: meta.uid(),
        me,
    }
    .into())
}

/// Refuses a write by a user other than the store's owner (root excepted,
/// who hands the files back): files of theirs would lock the owner out.
pub(super) fn check_writer(path: &Path) -> Result<()> {
    let Ok(meta) = fs::metadata(path) else {
        return Ok(());
    };
    if euid() == 0 || meta.uid() == euid() {
        return Ok(());
    }
    Err(PermissionError::AnotherOwner {
        path: path.to_path_buf(),
        uid: meta.uid(),
    }
    .into())
}

/// After root wrote to another user's store: every file is the owner's
/// again, sled's new ones included.
pub(super) fn give_back(path: &Path) {
    let Ok(store) = fs::metadata(path) else {
        return;
    };
    if euid() != 0 || store.uid() == 0 {
        return;
    }
    for (entry, meta) in entries(path) {
        if meta.uid() != store.uid() || meta.gid() != store.gid() {
            // Best effort: a file root cannot chown is named by the owner's
            // next command (`check_no_strays`).
            let _ = std::os::unix::fs::lchown(&entry, Some(store.uid()), Some(store.gid()));
        }
    }
}
