//! Writing an export to a file: owner-only, never over something that is
//! not a regular file, and never leaving half a file behind.
//!
//! The bytes go into an unnamed file (O_TMPFILE) in the target's directory,
//! which the kernel deletes by itself if the process is killed; only once
//! it is complete and on disk does it get a name, and a rename puts it in
//! place. Where the filesystem has no unnamed files, a named `.partial`
//! file is used and removed on any failure.

use std::fs;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt, PermissionsExt};
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

/// Exports hold a person's training record: readable by its owner only.
pub const EXPORT_MODE: u32 = 0o600;

/// Why an export was not written; nothing was written at the path.
#[derive(Debug, thiserror::Error)]
pub enum ExportFileError {
    #[error("cannot write {}: the disk is full; nothing was written there. Free some space and run the command again", .path.display())]
    DiskFull { path: PathBuf },
    #[error("cannot write {}: {source}; nothing was written there", .path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is a symlink to a file that does not exist: give the file's own path, or remove the link", .path.display())]
    DanglingLink { path: PathBuf },
    #[error("{} is {kind}, not a regular file: give a file path for the export, or leave it out to print the export", .path.display())]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("cannot write {}: {source}", .path.display())]
    Resolve {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes `bytes` to `path`. A symlink is followed on purpose (the file it
/// points to is replaced and the link kept); anything that exists and is
/// not a regular file is refused.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), ExportFileError> {
    let target = resolve_target(path)?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let partial = dir.join(format!(".{name}.karmadash-partial"));
    let failed = |source: std::io::Error| {
        let path = path.to_path_buf();
        match source.kind() {
            std::io::ErrorKind::StorageFull => ExportFileError::DiskFull { path },
            _ => ExportFileError::Write { path, source },
        }
    };
    let written = match unnamed_file(&dir) {
        // A new file gets its name in one step, so a kill leaves nothing.
        Some(file) if !target.exists() => match write_unnamed(&file, bytes, &target) {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                link_unnamed(&file, &partial).and_then(|()| fs::rename(&partial, &target))
            }
            other => other,
        },
        // Replacing a file goes through a name beside it for an atomic
        // rename; only a kill between those two calls can leave it, and the
        // next export removes it.
        Some(file) => {
            write_unnamed(&file, bytes, &partial).and_then(|()| fs::rename(&partial, &target))
        }
        None => write_named(bytes, &partial).and_then(|()| fs::rename(&partial, &target)),
    };
    written.map_err(|e| {
        let _ = fs::remove_file(&partial);
        failed(e)
    })?;
    // Make the rename itself durable.
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// What a path that is not a regular file is, in a person's words.
pub(super) fn kind_of(t: fs::FileType) -> &'static str {
    match t {
        t if t.is_dir() => "a directory",
        t if t.is_char_device() || t.is_block_device() => "a device",
        t if t.is_fifo() => "a named pipe",
        t if t.is_socket() => "a socket",
        _ => "not a regular file",
    }
}

/// The regular file (or free name) to replace, with symlinks resolved.
fn resolve_target(path: &Path) -> Result<PathBuf, ExportFileError> {
    let Ok(link) = fs::symlink_metadata(path) else {
        return Ok(path.to_path_buf()); // a new file
    };
    let meta = if link.file_type().is_symlink() {
        fs::metadata(path).map_err(|_| ExportFileError::DanglingLink {
            path: path.to_path_buf(),
        })?
    } else {
        link
    };
    if !meta.is_file() {
        return Err(ExportFileError::NotAFile {
            path: path.to_path_buf(),
            kind: kind_of(meta.file_type()),
        });
    }
    fs::canonicalize(path).map_err(|source| ExportFileError::Resolve {
        path: path.to_path_buf(),
        source,
    })
}

/// An unnamed owner-only file in `dir`, or None where O_TMPFILE is not
/// supported (some filesystems, old kernels).
fn unnamed_file(dir: &Path) -> Option<fs::File> {
    fs::OpenOptions::new()
        .write(true)
        .mode(EXPORT_MODE)
        .custom_flags(libc::O_TMPFILE)
        .open(dir)
        .ok()
}

/// Writes and syncs the unnamed file, then gives it the name `name`.
fn write_unnamed(file: &fs::File, bytes: &[u8], name: &Path) -> std::io::Result<()> {
    let mut writer = file;
    writer.write_all(bytes)?;
    file.set_permissions(fs::Permissions::from_mode(EXPORT_MODE))?;
    file.sync_all()?;
    link_unnamed(file, name)
}

fn link_unnamed(file: &fs::File, name: &Path) -> std::io::Result<()> {
    if name
        .file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with(".karmadash-partial"))
    {
        // A stale name from an older, killed karmadash would make linkat fail.
        let _ = fs::remove_file(name);
    }
    let proc_path = format!("/proc/self/fd/{}\0", file.as_raw_fd());
    let mut c_name = name.as_os_str().as_bytes().to_vec();
    c_name.push(0);
    // SAFETY: two NUL-terminated paths; the descriptor stays open here.
    let r = unsafe {
        libc::linkat(
            libc::AT_FDCWD,
            proc_path.as_ptr().cast(),
            libc::AT_FDCWD,
            c_name.as_ptr().cast(),
            libc::AT_SYMLINK_FOLLOW,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

fn write_named(bytes: &[u8], partial: &Path) -> std::io::Result<()> {
    let _ = fs::remove_file(partial);
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(EXPORT_MODE)
        .open(partial)?;
    file.write_all(bytes)?;
    file.set_permissions(fs::Permissions::from_mode(EXPORT_MODE))?;
    file.sync_all()
}
