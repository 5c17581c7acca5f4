//! Real small and read-only filesystems for the store tests: mounted when
//! the tests run as root; otherwise the test says why it cannot run, and
//! under `CI` fails (`super::unavailable`).

use super::{is_root, unavailable};

use std::path::{Path, PathBuf};
use std::process::Command;

/// A mount point, unmounted (lazily, so a failing test can't leave it
/// busy) when dropped.
pub struct Mount {
    pub point: PathBuf,
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.point).status();
    }
}

fn mount(args: &[&str], point: &Path) -> Option<Mount> {
    let status = Command::new("mount").args(args).arg(point).status().ok()?;
    status.success().then(|| Mount {
        point: point.to_path_buf(),
    })
}

/// A tmpfs of `size` (as `mount -o size=` takes it) at `point`, or None
/// with the reason printed (a failure under `CI`).
pub fn tmpfs(point: &Path, size: &str, test: &str) -> Option<Mount> {
    if !is_root() {
        unavailable(
            test,
            "mounting a small tmpfs needs root; run the tests as root to check the disk-full cases",
        );
        return None;
    }
    std::fs::create_dir_all(point).unwrap();
    let m = mount(
        &["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"],
        point,
    );
    if m.is_none() {
        unavailable(
            test,
            "`mount -t tmpfs` failed here (a container without CAP_SYS_ADMIN?)",
        );
    }
    m
}

/// `source` seen read-only at `point` (a read-only bind mount), or None
/// with the reason printed (a failure under `CI`).
pub fn read_only_view(source: &Path, point: &Path, test: &str) -> Option<Mount> {
    if !is_root() {
        unavailable(test, "a read-only bind mount needs root; run the tests as root to check reading a read-only store");
        return None;
    }
    std::fs::create_dir_all(point).unwrap();
    let Some(bound) = mount(&["--bind", source.to_str().unwrap()], point) else {
        unavailable(test, "`mount --bind` failed here");
        return None;
    };
    let ro = Command::new("mount")
        .args(["-o", "remount,bind,ro"])
        .arg(point)
        .status()
        .is_ok_and(|s| s.success());
    if !ro {
        unavailable(test, "remounting the bind mount read-only failed here");
        return None;
    }
    Some(bound)
}

/// Fills the filesystem holding `dir` with a file `name` until the kernel
/// says it is full; removing that file frees the space again.
pub fn fill(dir: &Path, name: &str) -> PathBuf {
    use std::io::Write;
    let path = dir.join(name);
    let mut f = std::fs::File::create(&path).unwrap();
    let chunk = vec![0u8; 4096];
    while f.write_all(&chunk).is_ok() {}
    let _ = f.sync_all();
    path
}

/// Fills the filesystem holding `dir` but leaves about `free` bytes.
pub fn fill_leaving(dir: &Path, name: &str, free: u64) -> PathBuf {
    let path = fill(dir, name);
    let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    let len = f.metadata().unwrap().len();
    f.set_len(len.saturating_sub(free)).unwrap();
    f.sync_all().unwrap();
    path
}
