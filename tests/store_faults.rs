//! The store under faults: writes killed back to back with no read between
//! them, a full disk during `done` and `import`, what sled leaves behind
//! when either happens, and `export` killed half-way.

mod store_fixtures;

use std::process::{Child, Stdio};
use store_fixtures::mounts;
use store_fixtures::*;

fn spawn_done(db: &Path, title: &str) -> Child {
    karmadash_process(db)
        .args([
            "done",
            "--other",
            title,
            "--hours",
            "1.5",
            "--date",
            "2026-06-01",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Watches a directory (inotify) for a file whose name holds `pattern`
/// being created: the moment a half-written file exists.
struct CreateWatch {
    fd: i32,
    pattern: &'static [u8],
}

impl CreateWatch {
    fn new(db: &Path, pattern: &'static [u8]) -> CreateWatch {
        // SAFETY: plain inotify calls on a path that exists.
        let fd = unsafe { libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC) };
        assert!(fd >= 0, "inotify is available");
        let path = std::ffi::CString::new(db.to_str().unwrap()).unwrap();
        let wd = unsafe { libc::inotify_add_watch(fd, path.as_ptr(), libc::IN_CREATE) };
        assert!(wd >= 0, "watching {}", db.display());
        CreateWatch { fd, pattern }
    }

    /// Whether such a file was created since the last call.
    fn created(&self) -> bool {
        let mut buf = [0u8; 4096];
        let mut seen = false;
        loop {
            // SAFETY: reads into a buffer we own.
            let n = unsafe { libc::read(self.fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n <= 0 {
                return seen;
            }
            seen |= buf[..n as usize]
                .windows(self.pattern.len())
                .any(|w| w == self.pattern);
        }
    }
}

impl Drop for CreateWatch {
    fn drop(&mut self) {
        // SAFETY: closes the descriptor this owns.
        unsafe { libc::close(self.fd) };
    }
}

/// Kills `child` once `ready` says so or `limit` has passed; returns
/// whether it had already finished with success (an acknowledged write).
fn kill_when(mut child: Child, limit: Duration, ready: impl Fn() -> bool) -> bool {
    let started = Instant::now();
    let mut acknowledged = false;
    while started.elapsed() < limit {
        if let Some(status) = child.try_wait().unwrap() {
            acknowledged = status.success();
            break;
        }
        if ready() {
            break;
        }
        std::hint::spin_loop();
    }
    child.kill().ok(); // SIGKILL
    let status = child.wait().unwrap();
    acknowledged || status.success()
}

/// sled writes a snapshot while opening, as `snap.N.generating` renamed
/// when complete; a kill inside that window used to leave a store that
/// never opened again ("Read corrupted data"). Half the kills here are at
/// a random moment, half the moment such a file is created, and nothing reads
/// the store between them, as when a laptop lid closes on a script.
#[test]
fn back_to_back_killed_writes_never_leave_the_store_unreadable() {
    let (_dir, db) = temp();
    ok(
        &db,
        &["profile", "set", "--service", "ias", "--batch", "2012"],
    );
    let mut rng = fastrand::Rng::with_seed(1527);
    let watch = CreateWatch::new(&db, b".generating");
    let mut acknowledged = Vec::new();
    let mut caught_mid_snapshot = 0;
    for i in 0..200 {
        let title = format!("Course {i}");
        let child = spawn_done(&db, &title);
        let done = if i % 2 == 0 {
            let delay = Duration::from_micros(rng.u64(0..30_000));
            kill_when(child, delay, || false)
        } else {
            watch.created(); // forget earlier processes' snapshots
            let seen = std::cell::Cell::new(false);
            let done = kill_when(child, Duration::from_millis(300), || {
                seen.set(watch.created());
                seen.get()
            });
            caught_mid_snapshot += usize::from(seen.get());
            done
        };
        if done {
            acknowledged.push(title);
        }
    }
    assert!(
        caught_mid_snapshot > 0,
        "no kill landed while sled was writing a snapshot: the test proves nothing"
    );
    let r = run(&db, &["export"]);
    assert_eq!(r.code, 0, "the store no longer opens: {}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let completions = v["completions"].as_array().unwrap();
    for title in &acknowledged {
        assert!(
            completions.iter().any(|c| c["title"] == title.as_str()),
            "{title} was acknowledged (exit 0) but is gone"
        );
    }
    for c in completions {
        assert_eq!(c["seconds"], 90 * 60, "whole record: {c}");
    }
    assert_eq!(v["profile"]["batch"], 2012, "the rest survived");
    ok(
        &db,
        &[
            "done",
            "--other",
            "After",
            "--hours",
            "1",
            "--date",
            "2026-06-02",
        ],
    );
}

/// What a kill or a full disk leaves (an empty or partial snapshot) is
/// recovered on the next open, and the command works.
#[test]
fn an_unfinished_snapshot_left_behind_is_recovered_on_open() {
    let (_dir, db) = temp();
    populate(&db);
    let before = export(&db);
    for (name, bytes) in [
        ("snap.FFFFFFFFFFFFFFF0.generating", &b""[..]),
        (
            "snap.FFFFFFFFFFFFFFF1.generating",
            &b"half a snapshot, cut off"[..],
        ),
    ] {
        fs::write(db.join(name), bytes).unwrap();
        assert_eq!(export(&db), before, "every record is back");
        assert!(!db.join(name).exists(), "{name} is cleared away");
    }
}

#[test]
fn a_full_disk_refuses_writes_in_one_line_and_loses_nothing() {
    let (dir, _) = temp();
    let point = dir.path().join("small");
    let Some(_mount) = mounts::tmpfs(&point, "4m", "disk-full test") else {
        return;
    };
    let db = point.join("db");
    populate(&db);
    let before = export(&db);
    let backup = dir.path().join("backup.json");
    ok(&db, &["export", backup.to_str().unwrap()]);

    let filler = mounts::fill(&point, "filler");
    for args in [
        &[
            "done",
            "--other",
            "On A Full Disk",
            "--hours",
            "1",
            "--date",
            "2026-06-03",
        ][..],
        &["import", backup.to_str().unwrap()],
        &["profile", "set", "--service", "ias", "--batch", "2015"],
    ] {
        let e = refused_line(&run(&db, args), &format!("{args:?}"));
        assert!(e.contains("not enough free space"), "{args:?}: {e}");
        assert!(e.contains("nothing was written"), "{args:?}: {e}");
        // Reading still works on the full disk, and shows the store as it was.
        assert_eq!(export(&db), before, "{args:?} changed the store");
        assert_eq!(run(&db, &["status"]).code, 0, "status on a full disk");
    }

    fs::remove_file(filler).unwrap();
    assert_eq!(
        export(&db),
        before,
        "every record is there once space is freed"
    );
    ok(
        &db,
        &[
            "done",
            "--other",
            "After Space",
            "--hours",
            "1",
            "--date",
            "2026-06-03",
        ],
    );
    ok(&db, &["import", backup.to_str().unwrap()]);
    assert_eq!(export(&db), before);
}

/// The disk filling up under sled itself (past the free-space check): an
/// acknowledged record is never lost and the store opens again once space
/// is freed.
#[test]
fn a_disk_filled_between_writes_never_breaks_the_store() {
    let (dir, _) = temp();
    let point = dir.path().join("small");
    let Some(_mount) = mounts::tmpfs(&point, "4m", "disk-full test") else {
        return;
    };
    let db = point.join("db");
    ok(
        &db,
        &["profile", "set", "--service", "ias", "--batch", "2012"],
    );
    let mut acknowledged = Vec::new();
    let mut fillers = Vec::new();
    for i in 0..6 {
        let title = format!("Tight {i}");
        let r = run(
            &db,
            &[
                "done",
                "--other",
                &title,
                "--hours",
                "1",
                "--date",
                "2026-06-01",
            ],
        );
        if r.code == 0 {
            acknowledged.push(title);
        } else {
            refused_line(&r, &title);
        }
        // Fill what is left: the next open meets a disk with no room for
        // the snapshot sled writes while opening.
        fillers.push(mounts::fill(&point, &format!("filler{i}")));
        let _ = run(&db, &["status"]);
        for f in fillers.drain(..) {
            fs::remove_file(f).unwrap();
        }
    }
    let v: Value = serde_json::from_str(&export(&db)).unwrap();
    let titles: Vec<&str> = v["completions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["title"].as_str().unwrap())
        .collect();
    for t in &acknowledged {
        assert!(titles.contains(&t.as_str()), "{t} lost: {titles:?}");
    }
    assert_eq!(
        acknowledged.len(),
        6,
        "with space freed each time, every write lands"
    );
}

/// A store big enough that writing its export takes a while.
fn large_store(db: &Path, dir: &Path) {
    let mut completions = Vec::new();
    for id in 1..=20_000u64 {
        completions.push(json!({
            "id": id, "course": format!("long course {id}"), "title": format!("Long Course {id}"),
            "in_catalogue": false, "date": "2026-06-01", "seconds": 3600, "certificate": null
        }));
    }
    let mut v: Value = serde_json::from_str(&export(db)).unwrap();
    v["completions"] = Value::Array(completions);
    v["next_id"] = json!(20_001);
    let file = dir.join("large.json");
    fs::write(&file, serde_json::to_string(&v).unwrap()).unwrap();
    ok(db, &["import", file.to_str().unwrap()]);
    fs::remove_file(file).unwrap();
}

#[test]
fn a_killed_export_leaves_no_half_file_and_no_partial() {
    let (dir, db) = temp();
    ok(
        &db,
        &["profile", "set", "--service", "ias", "--batch", "2012"],
    );
    large_store(&db, dir.path());
    let full = export(&db);
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let target = out.join("backup.json");
    let mut rng = fastrand::Rng::with_seed(65);
    let watch = CreateWatch::new(&out, b"backup.json");
    let mut finished = 0;
    for i in 0..20 {
        let _ = fs::remove_file(&target);
        let child = karmadash_process(&db)
            .args(["export", target.to_str().unwrap()])
            .spawn()
            .unwrap();
        // Half at a random moment, half as soon as any file of it appears.
        watch.created();
        let done = if i % 2 == 0 {
            kill_when(child, Duration::from_millis(rng.u64(0..400)), || false)
        } else {
            kill_when(child, Duration::from_secs(5), || watch.created())
        };
        finished += usize::from(done);
        let names: Vec<String> = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.is_empty() || names == ["backup.json"],
            "left behind: {names:?}"
        );
        if target.exists() {
            assert_eq!(
                fs::read_to_string(&target).unwrap(),
                full,
                "a whole export or none"
            );
        }
    }
    eprintln!("{finished} of 20 exports finished before the kill");
}
