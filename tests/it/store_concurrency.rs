//! A second process holding the sled lock (waited out, or a busy message),
//! concurrent writers, and durability: a record is on disk when the
//! command returns, and `kill -9` leaves it whole or absent.

use crate::store_fixtures;

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

/// Holds the store open until `release` says so (or a minute passes, so a
/// command that never gives up fails the test instead of hanging it).
fn hold_store_until(db: &Path, release: mpsc::Receiver<()>) -> thread::JoinHandle<()> {
    let (tx, rx) = mpsc::channel();
    let path = db.to_path_buf();
    let h = thread::spawn(move || {
        let held = sled::open(&path).expect("the test opens the store");
        tx.send(()).unwrap();
        release.recv_timeout(Duration::from_secs(60)).ok();
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
    // Held until both commands have given up, however slowly they start on
    // a busy machine: no race between the hold and their 2 s of patience.
    let (release, released) = mpsc::channel();
    let holder = hold_store_until(&db, released);
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
    release.send(()).unwrap();
    holder.join().unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "they gave up only when the hold timed out: they never stopped waiting"
    );
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

/// Counts what a process does to the store's files (inotify on the store
/// directory): a file created, written or renamed into place.
struct StoreWrites {
    fd: i32,
}

impl StoreWrites {
    fn watch(db: &Path) -> StoreWrites {
        // SAFETY: plain inotify calls on a path that exists.
        let fd = unsafe { libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC) };
        assert!(fd >= 0, "inotify is available");
        let path = std::ffi::CString::new(db.to_str().unwrap()).unwrap();
        let mask = libc::IN_CREATE | libc::IN_MODIFY | libc::IN_MOVED_TO;
        let wd = unsafe { libc::inotify_add_watch(fd, path.as_ptr(), mask) };
        assert!(wd >= 0, "watching {}", db.display());
        StoreWrites { fd }
    }

    /// How many such events arrived since the last call.
    fn since_last(&self) -> usize {
        let mut buf = [0u8; 4096];
        let mut events = 0;
        loop {
            // SAFETY: reads into a buffer we own.
            let n = unsafe { libc::read(self.fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n <= 0 {
                return events;
            }
            // Each event is a header (16 bytes) and its name, padded.
            let mut at = 0;
            while at + 16 <= n as usize {
                let len = u32::from_ne_bytes(buf[at + 12..at + 16].try_into().unwrap());
                events += 1;
                at += 16 + len as usize;
            }
        }
    }
}

impl Drop for StoreWrites {
    fn drop(&mut self) {
        // SAFETY: closes the descriptor this owns.
        unsafe { libc::close(self.fd) };
    }
}

/// Each `done` is killed once it has touched the store's files 1 to 4
/// times (of the 5 or so a write makes): after its write began, at a
/// different point of it each time.
#[test]
fn kill_9_leaves_the_record_whole_or_absent_and_the_store_usable() {
    let (_dir, db) = temp();
    ok(
        &db,
        &["profile", "set", "--service", "ias", "--batch", "2012"],
    );
    let writes = StoreWrites::watch(&db);
    let mut landed = 0;
    let mut killed_mid_write = 0;
    for i in 0..8 {
        let title = format!("Killed Course {i}");
        writes.since_last(); // forget the last process's writes
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
        let kill_after = 1 + i % 4;
        let (mut seen, mut finished) = (0, None);
        let started = Instant::now();
        while seen < kill_after && finished.is_none() && started.elapsed() < Duration::from_secs(10)
        {
            seen += writes.since_last();
            finished = child.try_wait().unwrap();
        }
        child.kill().ok(); // SIGKILL on unix
        let status = child.wait().unwrap();
        let completed = finished.is_some_and(|s| s.success()) || status.success();
        if seen > 0 && !completed {
            killed_mid_write += 1;
        }

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
    eprintln!("{killed_mid_write} of 8 kills landed after the write began and before it returned; {landed} records landed");
    assert!(
        killed_mid_write >= 4,
        "only {killed_mid_write} of 8 kills landed inside a write: the test proves little"
    );
}
