//! Who may read and write what: a read-only store is readable, a store
//! missing its log or a foreign directory is refused, ids never wrap or
//! overwrite, exports go only over regular files, and everything karmadash
//! writes (store, cache, exports) is private to its owner.

mod store_fixtures;

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
