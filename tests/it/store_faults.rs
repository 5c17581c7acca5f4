//! The store under faults: writes killed back to back with no read between
//! them, a full disk during `done` and `import`, what sled leaves behind
//! when either happens, and `export` killed half-way.

use crate::store_fixtures;

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

fn has_strace() -> bool {
    std::process::Command::new("strace")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The titles in the store's export, and each record's seconds.
fn exported(db: &Path) -> Vec<(String, u64)> {
    let v: Value = serde_json::from_str(&export(db)).unwrap();
    v["completions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["title"].as_str().unwrap().to_string(),
                c["seconds"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// After a killed first write into `db`: the next write and read work,
/// the killed record is whole or absent, and nothing is left beside it.
fn check_after_kill(db: &Path, what: &str) -> Result<(), String> {
    let r = run(
        db,
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
    if r.code != 0 {
        return Err(format!("{what}: {}", r.stderr.trim()));
    }
    for (title, seconds) in exported(db) {
        let whole =
            (title == "Killed" && seconds == 90 * 60) || (title == "After" && seconds == 3600);
        if !whole {
            return Err(format!("{what}: a broken record {title} {seconds}"));
        }
    }
    let beside: Vec<String> = fs::read_dir(db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    if beside != ["db"] {
        return Err(format!("{what}: left beside the store: {beside:?}"));
    }
    Ok(())
}

/// A first write into a fresh store killed at every step that touches the
/// disk (strace kills it at the Nth call of each system call: between the
/// two writes of sled's `conf`, between its log writes, before and after
/// each rename), then at random moments with SIGKILL, SIGTERM and SIGINT.
/// Every store must work afterwards: it used to be "damaged" for ever.
#[test]
fn a_first_write_killed_at_any_step_leaves_a_store_that_works() {
    const TEST: &str = "first write killed at every step";
    if !has_strace() {
        return unavailable(TEST, "strace is not installed");
    }
    let dir = tempfile::tempdir().unwrap();
    let done = [
        "done",
        "--other",
        "Killed",
        "--hours",
        "1.5",
        "--date",
        "2026-06-01",
    ];
    let (mut kills, mut broken) = (0, Vec::new());
    for call in ["mkdir", "write", "pwrite64", "fsync", "rename", "chmod"] {
        for n in 1..=20 {
            let db = dir.path().join(format!("{call}-{n}")).join("db");
            let status = std::process::Command::new("strace")
                .args(["-f", "-qq", "-o", "/dev/null"])
                .arg(format!("-etrace={call}"))
                .arg(format!("-einject={call}:signal=KILL:when={n}"))
                .arg(env!("CARGO_BIN_EXE_karmadash"))
                .arg("--db")
                .arg(&db)
                .args(["--today", TODAY])
                .args(done)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .unwrap();
            fs::create_dir_all(db.parent().unwrap()).unwrap();
            if let Err(e) = check_after_kill(&db, &format!("killed at {call} #{n}")) {
                broken.push(e);
            }
            if status.success() {
                break; // no Nth call: every step of this kind was tried
            }
            kills += 1;
        }
    }
    let mut rng = fastrand::Rng::with_seed(18);
    for i in 0..30 {
        let db = dir.path().join(format!("random-{i}")).join("db");
        fs::create_dir_all(db.parent().unwrap()).unwrap();
        let mut child = karmadash_process(&db)
            .args(done)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        thread::sleep(Duration::from_micros(rng.u64(0..40_000)));
        let signal = [libc::SIGKILL, libc::SIGTERM, libc::SIGINT][i % 3];
        // SAFETY: signals a child this test spawned and has not reaped.
        unsafe { libc::kill(child.id() as i32, signal) };
        child.wait().unwrap();
        if let Err(e) = check_after_kill(&db, &format!("signal {signal} at random")) {
            broken.push(e);
        }
    }
    assert!(
        kills >= 15,
        "only {kills} kills landed: the test proves little"
    );
    assert!(
        broken.is_empty(),
        "{} broken stores:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

/// Several first writes into one fresh store at once: each waits for the
/// other, none says "damaged", every record lands.
#[test]
fn first_writes_at_once_wait_for_each_other() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..25 {
        let db = dir.path().join(format!("r{round}")).join("db");
        let children: Vec<_> = (0..4)
            .map(|i| {
                karmadash_process(&db)
                    .args([
                        "done",
                        "--other",
                        &format!("At Once {i}"),
                        "--hours",
                        "1",
                        "--date",
                        "2026-06-01",
                    ])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let mut titles: Vec<String> = exported(&db).into_iter().map(|(t, _)| t).collect();
        titles.sort();
        assert_eq!(titles, ["At Once 0", "At Once 1", "At Once 2", "At Once 3"]);
    }
}

/// An export too big for what is left on the disk, past the free-space
/// check: sled meets "No space left on device" half-way through the
/// write. One line says so, and the store is as it was.
#[test]
fn a_disk_that_fills_mid_write_says_so_and_writes_nothing() {
    const TEST: &str = "disk filling mid-write";
    if !is_root() {
        return unavailable(TEST, "mounting a small tmpfs needs root");
    }
    let (dir, _) = temp();
    let point = dir.path().join("small");
    // Without a mount, `tmpfs` has said why (and failed under CI).
    let Some(_mount) = mounts::tmpfs(&point, "8m", TEST) else {
        return;
    };
    // The big export is made in a store off the small disk.
    let elsewhere = dir.path().join("elsewhere");
    ok(
        &elsewhere,
        &["profile", "set", "--service", "ias", "--batch", "2012"],
    );
    large_store(&elsewhere, dir.path());
    let big = dir.path().join("big.json");
    fs::write(&big, export(&elsewhere)).unwrap();
    let db = point.join("db");
    populate(&db);
    let before = export(&db);
    let filler = mounts::fill_leaving(&point, "filler", 1_500_000);
    let r = run(&db, &["import", big.to_str().unwrap()]);
    let e = refused_line(&r, "import on a disk that fills");
    assert!(e.contains("the disk is full; nothing was written"), "{e}");
    assert!(!e.contains("Os {"), "{e}");
    fs::remove_file(filler).unwrap();
    assert_eq!(export(&db), before, "nothing of the import was written");
}

/// Runs one test of this binary again with nothing on the PATH (no
/// `mount`, no `strace`), under `env`: whether it passed, and what it said.
fn without_tools(test: &str, env: &[(&str, &str)]) -> (bool, String) {
    let no_tools = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env("PATH", no_tools.path())
        .env_remove("CI");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the test binary runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("running 1 test"),
        "{test} was selected: {text}"
    );
    (out.status.success(), text)
}

/// A store test that cannot mount its small disk (or find strace) is no
/// pass under `CI`: it fails, saying why. Elsewhere it is skipped, saying
/// so; an empty `CI` counts as unset.
#[test]
fn a_store_test_that_cannot_run_fails_under_ci_and_elsewhere_says_it_skipped() {
    for test in [
        "store_faults::a_full_disk_refuses_writes_in_one_line_and_loses_nothing",
        "store_faults::a_disk_filled_between_writes_never_breaks_the_store",
        "store_faults::a_disk_that_fills_mid_write_says_so_and_writes_nothing",
        "store_faults::a_first_write_killed_at_any_step_leaves_a_store_that_works",
        "store_access::a_read_only_store_can_be_read_and_says_why_it_cannot_be_written",
        "store_access::a_failed_export_leaves_the_old_file_and_no_partial",
    ] {
        let (passed, text) = without_tools(test, &[("CI", "true")]);
        assert!(
            !passed,
            "under CI, {test} must fail when it cannot run: {text}"
        );
        assert!(text.contains("under CI it must"), "{test}: {text}");

        for env in [&[][..], &[("CI", "")]] {
            let (passed, text) = without_tools(test, env);
            assert!(passed, "{test} with {env:?}: {text}");
            assert!(text.contains("SKIPPED"), "{test} says it skipped: {text}");
        }
    }
}
