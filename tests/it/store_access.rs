//! Who may read and write what: a read-only store is readable, a store
//! missing its log or a foreign directory is refused, ids never wrap or
//! overwrite, exports go only over regular files, and everything karmadash
//! writes (store, cache, exports) is private to its owner.

use crate::store_fixtures;

use std::os::unix::fs::PermissionsExt;
use store_fixtures::mounts;
use store_fixtures::*;

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn done_args(title: &str) -> Vec<&str> {
    vec![
        "done",
        "--other",
        title,
        "--hours",
        "1",
        "--date",
        "2026-06-01",
    ]
}

// ---------------------------------------------------------------------------
// Reading without write access

#[test]
fn a_read_only_store_can_be_read_and_says_why_it_cannot_be_written() {
    let (dir, db) = temp();
    populate(&db);
    let before = export(&db);
    let view = dir.path().join("view");
    let Some(_mount) = mounts::read_only_view(&db, &view, "read-only store test") else {
        return;
    };
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let in_view = |args: &[&str]| {
        let out = karmadash(&view)
            .env("TMPDIR", &tmp)
            .args(args)
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    };
    for args in [&["status"][..], &["log"], &["plan"], &["status", "--short"]] {
        let r = in_view(args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    }
    let r = in_view(&["export"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, before, "the same records as the store itself");
    let e = refused_line(&in_view(&done_args("Extra")), "done on a read-only store");
    assert!(e.contains("read-only"), "{e}");
    assert_eq!(
        fs::read_dir(&tmp).unwrap().count(),
        0,
        "the private copy is removed"
    );
}

// ---------------------------------------------------------------------------
// Damaged or foreign, never read as new

#[test]
fn a_store_missing_its_log_is_refused_as_damaged_not_read_as_new() {
    let (_dir, db) = temp();
    populate(&db);
    fs::remove_file(db.join("db")).unwrap();
    let before = files(&db);
    for args in [
        &["export"][..],
        &["log"],
        &["status"],
        &["profile", "set", "--service", "ias", "--batch", "2012"],
        &done_args("Extra"),
    ] {
        let e = refused_line(&run(&db, args), &format!("{args:?}"));
        assert!(
            e.contains("damaged") && e.contains("missing"),
            "{args:?}: {e}"
        );
        assert!(e.contains("untouched"), "{args:?}: {e}");
        assert_eq!(files(&db), before, "{args:?} changed the files");
    }
}

#[test]
fn a_directory_that_is_not_a_store_is_refused_not_filled() {
    let (_dir, db) = temp();
    fs::create_dir(&db).unwrap();
    fs::write(db.join("thesis.tex"), "\\begin{document}\n").unwrap();
    let before = files(&db);
    for args in [
        &["status"][..],
        &["export"],
        &["profile", "set", "--service", "ias", "--batch", "2012"],
        &done_args("Extra"),
    ] {
        let e = refused_line(&run(&db, args), &format!("{args:?}"));
        assert!(e.contains("not a karmadash store"), "{args:?}: {e}");
        assert!(e.contains("thesis.tex"), "{args:?}: {e}");
        let names: Vec<_> = fs::read_dir(&db)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["thesis.tex"], "{args:?} added files");
        assert_eq!(files(&db), before);
    }
    // An empty directory is a new store.
    let (_dir, empty) = temp();
    fs::create_dir(&empty).unwrap();
    ok(&empty, &done_args("Extra"));
}

// ---------------------------------------------------------------------------
// Ids

#[test]
fn an_import_that_would_wrap_or_reuse_ids_is_refused() {
    let (dir, db) = temp();
    populate(&db);
    let before = export(&db);
    let v: Value = serde_json::from_str(&before).unwrap();
    for (next_id, why) in [
        (json!(u64::MAX), "past the last id"),
        (json!(1u64 << 53), "past the last id"),
    ] {
        let mut bad = v.clone();
        bad["next_id"] = next_id;
        let file = dir.path().join("bad.json");
        fs::write(&file, serde_json::to_string(&bad).unwrap()).unwrap();
        let e = refused(&db, &["import", file.to_str().unwrap()]);
        assert!(e.contains(why) && e.contains("nothing was imported"), "{e}");
    }
}

#[test]
fn allocating_an_id_never_replaces_a_record() {
    let (_dir, db) = temp();
    populate(&db);
    // A counter set back below the records (by hand, or an older bug).
    {
        let raw = raw_sled(&db);
        raw.insert("v1/next-id", b"1".as_ref()).unwrap();
        raw.flush().unwrap();
    }
    let before = export(&db);
    let e = refused(&db, &done_args("Extra"));
    assert!(e.contains("already has id"), "{e}");
    assert_eq!(export(&db), before);
}

// ---------------------------------------------------------------------------
// Export targets

#[test]
fn export_refuses_what_is_not_a_regular_file() {
    let (dir, db) = temp();
    populate(&db);
    let fifo = dir.path().join("pipe");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    let mut targets = vec![(fifo.clone(), "a named pipe"), (sub.clone(), "a directory")];
    // A device node like /dev/full, made here so a failure harms nothing.
    let device = dir.path().join("full");
    let c = std::ffi::CString::new(device.to_str().unwrap()).unwrap();
    // SAFETY: a valid path; works only with CAP_MKNOD.
    if unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 7)) } == 0 {
        targets.push((device.clone(), "a device"));
    } else {
        eprintln!("note: mknod needs root: the device target is not checked here");
    }
    for (target, kind) in targets {
        let was = fs::symlink_metadata(&target).unwrap().file_type();
        let e = refused(&db, &["export", target.to_str().unwrap()]);
        assert!(e.contains(kind) && e.contains("not a regular file"), "{e}");
        assert_eq!(
            fs::symlink_metadata(&target).unwrap().file_type(),
            was,
            "{target:?} replaced"
        );
    }
    let dangling = dir.path().join("dangling");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
    let e = refused(&db, &["export", dangling.to_str().unwrap()]);
    assert!(e.contains("symlink"), "{e}");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn export_writes_through_a_symlink_and_keeps_the_file_private() {
    let (dir, db) = temp();
    populate(&db);
    let real = dir.path().join("real.json");
    fs::write(&real, "old").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o644)).unwrap();
    let link = dir.path().join("latest.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    assert_eq!(ok(&db, &["export", link.to_str().unwrap()]), "");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays"
    );
    assert_eq!(fs::read_to_string(&real).unwrap(), export(&db));
    assert_eq!(mode(&real), 0o600, "an export is owner-only");
    let fresh = dir.path().join("fresh.json");
    ok(&db, &["export", fresh.to_str().unwrap()]);
    assert_eq!(mode(&fresh), 0o600);
}

#[test]
fn a_failed_export_leaves_the_old_file_and_no_partial() {
    let (dir, db) = temp();
    populate(&db);
    let point = dir.path().join("small");
    let Some(_mount) = mounts::tmpfs(&point, "1m", "export on a full disk") else {
        return;
    };
    let target = point.join("backup.json");
    fs::write(&target, "the previous backup").unwrap();
    let filler = mounts::fill(&point, "filler");
    let e = refused_line(&run(&db, &["export", target.to_str().unwrap()]), "export");
    assert!(
        e.contains("cannot write") && e.contains("nothing was written"),
        "{e}"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "the previous backup");
    let mut names: Vec<_> = fs::read_dir(&point)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["backup.json", "filler"]);
    drop(filler);
}

// ---------------------------------------------------------------------------
// Modes

#[test]
fn the_store_the_cache_and_exports_are_owner_only() {
    let (dir, db) = temp();
    populate(&db);
    // Several writes, so sled has made its snapshots and blobs directory.
    for i in 0..5 {
        ok(&db, &done_args(&format!("Mode {i}")));
    }
    let mut stack = vec![db.clone()];
    assert_eq!(mode(&db), 0o700);
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                assert_eq!(mode(&p), 0o700, "{p:?}");
                stack.push(p);
            } else {
                assert_eq!(mode(&p), 0o600, "{p:?}");
            }
        }
    }
    let file = dir.path().join("backup.json");
    ok(&db, &["export", file.to_str().unwrap()]);
    assert_eq!(mode(&file), 0o600);

    // The compiled cache of a --data directory with a portal CSV.
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    fs::write(data.join("portal.csv"), "title\nZebra Crossing Safety\n").unwrap();
    let cache_home = dir.path().join("cache-home");
    let out = karmadash(&db)
        .env("XDG_CACHE_HOME", &cache_home)
        .arg("--data")
        .arg(&data)
        .args(["search", "zebra"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let cache = cache_home.join("karmadash");
    assert_eq!(mode(&cache), 0o700);
    let cached: Vec<_> = fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!cached.is_empty(), "the cache was written");
    for p in cached {
        assert_eq!(mode(&p), 0o600, "{p:?}");
    }
}

// ---------------------------------------------------------------------------
// Import sources

/// `import /dev/zero` used to read for ever; a pipe with no writer would
/// wait for ever; a file past any export is refused, not read whole.
#[test]
fn import_refuses_devices_pipes_and_files_past_any_export() {
    let (dir, db) = temp();
    populate(&db);
    let fifo = dir.path().join("pipe");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    for source in [Path::new("/dev/zero"), &fifo, dir.path()] {
        let started = Instant::now();
        let e = refused(&db, &["import", source.to_str().unwrap()]);
        assert!(e.contains("not a regular file"), "{e}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }
    let huge = dir.path().join("huge.json");
    let f = fs::File::create(&huge).unwrap();
    f.set_len(65 << 20).unwrap(); // sparse: costs no disk
    let e = refused(&db, &["import", huge.to_str().unwrap()]);
    assert!(e.contains("larger than 64 MB"), "{e}");
}

// ---------------------------------------------------------------------------
// Another user's store

/// Every file under `dir` (itself included) that `uid` does not own.
fn not_owned_by(dir: &Path, uid: u32) -> Vec<String> {
    use std::os::unix::fs::MetadataExt;
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let meta = fs::symlink_metadata(&d).unwrap();
        if meta.uid() != uid {
            out.push(format!("{} (uid {})", d.display(), meta.uid()));
        }
        if meta.is_dir() {
            stack.extend(fs::read_dir(&d).unwrap().map(|e| e.unwrap().path()));
        }
    }
    out
}

fn chown_all(dir: &Path, uid: u32) {
    let status = std::process::Command::new("chown")
        .arg("-R")
        .arg(format!("{uid}:{uid}"))
        .arg(dir)
        .status()
        .unwrap();
    assert!(status.success());
}

/// `args` run as `uid` (setpriv), on `db`.
fn run_as(uid: u32, db: &Path, args: &[&str]) -> Run {
    let out = std::process::Command::new("setpriv")
        .arg(format!("--reuid={uid}"))
        .arg(format!("--regid={uid}"))
        .arg("--clear-groups")
        .arg(env!("CARGO_BIN_EXE_karmadash"))
        .arg("--db")
        .arg(db)
        .args(["--today", TODAY])
        .args(args)
        .env_remove("KARMADASH_DB")
        .env_remove("KARMADASH_DATA")
        .env_remove("KARMADASH_TODAY")
        .env("HOME", "/nonexistent")
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

const NOBODY: u32 = 65534;

/// A store of another user, in a directory that user can reach.
fn nobodys_store() -> (TempDir, PathBuf) {
    let (dir, db) = temp();
    populate(&db);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    chown_all(&db, NOBODY);
    (dir, db)
}

/// Root reading (and writing) a user's store used to leave root-owned files
/// in it, and the owner was told to "restore your last export".
#[test]
fn root_leaves_no_file_of_its_own_in_another_users_store() {
    const TEST: &str = "root in another user's store";
    if !is_root() {
        return unavailable(TEST, "changing a store's owner needs root");
    }
    let (_dir, db) = nobodys_store();
    let before = export(&db);
    for args in [
        &["status"][..],
        &["log"],
        &["plan"],
        &["report"],
        &["export"],
    ] {
        ok(&db, args);
        assert_eq!(
            not_owned_by(&db, NOBODY),
            Vec::<String>::new(),
            "after {args:?}"
        );
    }
    ok(&db, &done_args("By Root"));
    assert_eq!(
        not_owned_by(&db, NOBODY),
        Vec::<String>::new(),
        "after done"
    );
    assert_ne!(export(&db), before);
    if std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_err()
    {
        return unavailable(TEST, "setpriv is not installed");
    }
    // The owner still reads and writes it.
    let r = run_as(NOBODY, &db, &["export"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, export(&db));
    let r = run_as(NOBODY, &db, &done_args("By The Owner"));
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// A file of root already in a user's store (left by an older karmadash
/// run with sudo) is named plainly, with the fix, never called damage.
#[test]
fn a_file_of_root_in_a_users_store_is_named_with_the_fix() {
    const TEST: &str = "a root-owned file in a user's store";
    if !is_root() {
        return unavailable(TEST, "changing a store's owner needs root");
    }
    if std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_err()
    {
        return unavailable(TEST, "setpriv is not installed");
    }
    let (_dir, db) = nobodys_store();
    let stray = db.join("snap.00000000000000FF");
    fs::write(&stray, b"left by sudo").unwrap();
    fs::set_permissions(&stray, fs::Permissions::from_mode(0o600)).unwrap();
    for args in [&["status"][..], &done_args("Blocked")] {
        let e = refused_line(&run_as(NOBODY, &db, args), "a root file in the store");
        assert!(
            e.contains("holds a file of root (snap.00000000000000FF)"),
            "{e}"
        );
        assert!(e.contains("sudo chown -R 65534"), "{e}");
        assert!(
            !e.contains("it is damaged") && !e.contains("restore"),
            "{e}"
        );
    }
}
