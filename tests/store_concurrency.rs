//! A second process holding the sled lock (waited out, or a busy message),
//! concurrent writers, and durability: a record is on disk when the
//! command returns, and `kill -9` leaves it whole or absent.

mod store_fixtures;

use store_fixtures::*;

// ---------------------------------------------------------------------------
// Another process holding the store

/// Holds the store open with sled from this process for `hold`; returns once it is held.
fn hold_store(db: &Path, hold: Duration) -> thread::JoinHandle<()> {
    let (tx, rx) = mpsc::channel();
    let path = db.to_path_buf();
    let h = thread::spawn(move || {
        let held = sled::open(&path).expect("the test opens the store");
        tx.send(()).unwrap();
        thread::sleep(hold);
        drop(held);
    });
    rx.recv().expect("the store is held");
    h
}

#[test]
fn a_short_hold_is_waited_out() {
    let (_dir, db) = temp();
    populate(&db);
    let before = export(&db);

    let holder = hold_store(&db, Duration::from_millis(300));
    let started = Instant::now();
    let r = run(&db, &["status", "--json"]);
    let waited = started.elapsed();
    holder.join().unwrap();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let st: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(st["tier"]["id"], "ias-10-16");
    assert!(
        waited >= Duration::from_millis(200),
        "the lock was contended ({waited:?})"
    );

    // A write waits too, and lands.
    let holder = hold_store(&db, Duration::from_millis(300));
    let r = run(
        &db,
        &[
            "done",
            "public policy writing",
            "--hours",
            "1",
            "--date",
            "2026-06-01",
        ],
    );
    holder.join().unwrap();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_ne!(export(&db), before);
    assert!(ok(&db, &["log"]).contains("Public Policy Writing"));
}

#[test]
fn a_long_hold_ends_in_a_busy_message() {
    let (_dir, db) = temp();
    populate(&db);
    let before = export(&db);
    let holder = hold_store(&db, Duration::from_secs(3));
    let started = Instant::now();
    // Both start while the store is held, and both give up before it is let go.
    let spawn = |args: &[&str]| {
        karmadash_process(&db)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let reader = spawn(&["status"]);
    let writer = spawn(&[
        "done",
        "public policy writing",
        "--hours",
        "1",
        "--date",
        "2026-06-01",
    ]);
    let finish = |c: std::process::Child| {
        let out = c.wait_with_output().unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    };
    let read = finish(reader);
    let waited = started.elapsed();
    let write = finish(writer);
    holder.join().unwrap();
    let e = refused_line(&read, "status while held");
    assert!(e.contains("busy"), "{e}");
    assert!(
        waited >= Duration::from_millis(1500),
        "it retried first ({waited:?})"
    );
    let e = refused_line(&write, "done while held");
    assert!(e.contains("busy"), "{e}");
    assert_eq!(export(&db), before, "nothing was written");
}

#[test]
fn concurrent_writers_all_land_with_distinct_ids() {
    let (_dir, db) = temp();
    ok(
        &db,
        &["profile", "set", "--service", "ias", "--batch", "2012"],
    );
    let children: Vec<_> = (0..6)
        .map(|i| {
            karmadash_process(&db)
                .args([
                    "done",
                    "--other",
                    &format!("Parallel Course {i}"),
                    "--hours",
                    "1",
                    "--date",
                    "2026-06-01",
                ])
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let log: Value = serde_json::from_str(&ok(&db, &["log", "--json"])).unwrap();
    let mut ids: Vec<u64> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 6, "{log:#}");
}

// ---------------------------------------------------------------------------
// Durability

#[test]
fn a_completion_is_on_disk_when_done_returns() {
    let (_dir, db) = temp();
    ok(
        &db,
        &["profile", "set", "--service", "ias", "--batch", "2012"],
    );
    ok(
        &db,
        &[
            "done",
            "genai for everyone",
            "--hours",
            "4",
            "--date",
            "2026-05-10",
        ],
    );
    // This process, through the library...
    let snap = LibStore::at(&db).snapshot().unwrap();
    assert_eq!(snap.completions.len(), 1);
    assert_eq!(snap.completions[0].title, "GenAI for Everyone");
    assert_eq!(snap.completions[0].seconds, 240 * 60);
    // ...through sled itself...
    {
        let raw = raw_sled(&db);
        assert_eq!(raw.get("schema").unwrap().unwrap().as_ref(), b"2");
        assert_eq!(raw.scan_prefix("v1/completion/").count(), 1);
    }
    // ...and a fresh process.
    let log: Value = serde_json::from_str(&ok(&db, &["log", "--json"])).unwrap();
    assert_eq!(log[0]["title"], "GenAI for Everyone");
}

#[test]
fn kill_9_leaves_the_record_whole_or_absent_and_the_store_usable() {
    let (_dir, db) = temp();
    ok(
        &db,
        &["profile", "set", "--service", "ias", "--batch", "2012"],
    );
    let mut landed = 0;
    for (i, delay_ms) in [0u64, 15, 30, 45, 60, 80, 100, 130].into_iter().enumerate() {
        let title = format!("Killed Course {i}");
        let mut child = karmadash_process(&db)
            .args([
                "done",
                "--other",
                &title,
                "--hours",
                "1.5",
                "--date",
                "2026-06-01",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        thread::sleep(Duration::from_millis(delay_ms));
        let finished = child.try_wait().unwrap();
        child.kill().ok(); // SIGKILL on unix
        let status = child.wait().unwrap();
        let completed = finished.is_some_and(|s| s.success()) || status.success();

        // A fresh process reads a consistent store.
        let v: Value = serde_json::from_str(&export(&db)).unwrap();
        let found: Vec<&Value> = v["completions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["title"] == title.as_str())
            .collect();
        if completed {
            assert_eq!(found.len(), 1, "exit 0 but {title} is missing");
        }
        assert!(found.len() <= 1);
        if let Some(c) = found.first() {
            landed += 1;
            assert_eq!(c["seconds"], 90 * 60, "whole record: {c}");
            assert_eq!(c["date"], "2026-06-01");
        }
        assert_eq!(v["profile"]["batch"], 2012, "the rest survived");
        // The store still takes writes.
        ok(
            &db,
            &[
                "done",
                "--other",
                &format!("After Kill {i}"),
                "--hours",
                "1",
                "--date",
                "2026-06-02",
            ],
        );
    }
    let v: Value = serde_json::from_str(&export(&db)).unwrap();
    assert_eq!(v["completions"].as_array().unwrap().len(), 8 + landed);
}
