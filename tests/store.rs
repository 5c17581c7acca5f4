//! The progress store through the real binary: export/import round trips,
//! refused imports, damaged, foreign and unwritable stores, a second
//! process holding the sled lock, and durability (including `kill -9`).
//!
//! Every run passes `--db` and `--today 2026-11-23`; every refusal must exit
//! 2 with one line on stderr and leave the store as it was.

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};
use tempfile::TempDir;

use karmadash::store::{Store as LibStore, UiState};

const TODAY: &str = "2026-11-23";

// ---------------------------------------------------------------------------
// Helpers

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn karmadash(db: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("karmadash");
    cmd.env_remove("KARMADASH_DATA")
        .env_remove("KARMADASH_TODAY")
        .env_remove("KARMADASH_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(db)
        .args(["--today", TODAY]);
    cmd
}

/// The same, as a plain process that can be spawned and killed.
fn karmadash_process(db: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_karmadash"));
    cmd.env_remove("KARMADASH_DATA")
        .env_remove("KARMADASH_TODAY")
        .env_remove("KARMADASH_DB")
        .arg("--db")
        .arg(db)
        .args(["--today", TODAY]);
    cmd
}

fn run(db: &Path, args: &[&str]) -> Run {
    let out = karmadash(db).args(args).output().expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

fn ok(db: &Path, args: &[&str]) -> String {
    let r = run(db, args);
    assert_eq!(r.code, 0, "karmadash {args:?}:\n{}\n{}", r.stdout, r.stderr);
    r.stdout
}

fn export(db: &Path) -> String {
    ok(db, &["export"])
}

/// Exit 2 with one line on stderr; returns that line.
fn refused_line(r: &Run, what: &str) -> String {
    assert_eq!(r.code, 2, "{what}: {}\n{}", r.stdout, r.stderr);
    let lines: Vec<&str> = r.stderr.trim_end().lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "{what}: stderr is not one line:\n{}",
        r.stderr
    );
    assert!(lines[0].starts_with("karmadash: "), "{what}: {}", r.stderr);
    lines[0].to_string()
}

/// A refused command that leaves a working store's export unchanged.
fn refused(db: &Path, args: &[&str]) -> String {
    let before = export(db);
    let line = refused_line(&run(db, args), &format!("{args:?}"));
    assert_eq!(export(db), before, "{args:?} changed the store");
    line
}

fn temp() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("db");
    (dir, db)
}

/// A store with something of every kind in it.
fn populate(db: &Path) {
    ok(
        db,
        &[
            "profile",
            "set",
            "--service",
            "ias",
            "--batch",
            "2012",
            "--state",
            "delhi",
            "--name",
            "अधिकारी Officer",
            "--registered",
            "2025-10-01",
        ],
    );
    ok(
        db,
        &[
            "done",
            "genai for everyone",
            "--hours",
            "4",
            "--date",
            "2026-05-10",
            "--certificate",
            "CERT-1",
        ],
    );
    ok(
        db,
        &[
            "done",
            "ias-10-16/o5",
            "--hours",
            "0:45:40",
            "--date",
            "2026-03-31",
        ],
    );
    ok(
        db,
        &[
            "done",
            "--other",
            "सेवा उत्कृष्टता, \"quoted\"",
            "--hours",
            "2.5",
            "--date",
            "2026-10-01",
        ],
    );
    ok(db, &["remove", "2"]);
    ok(db, &["assign", "Office Procedure", "--due", "2027-01-31"]);
    ok(db, &["assign", "Departmental Course"]);
    ok(db, &["assessment", "--passed", "2026-08-14"]);
    let lib = LibStore::at(db);
    lib.set_shortlisted("cybersecurity", true).unwrap();
    lib.set_shortlisted("noting and drafting", true).unwrap();
    lib.set_ui(&UiState {
        view: Some("plan".into()),
        tier: Some("ias-10-16".into()),
        competency: None,
        status: Some("mandatory".into()),
    })
    .unwrap();
}

/// Every regular file under `dir`, with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

// ---------------------------------------------------------------------------
// Export and import

#[test]
fn export_import_export_is_byte_identical() {
    let (dir, a) = temp();
    populate(&a);
    let file = dir.path().join("backup.json");
    assert_eq!(
        ok(&a, &["export", file.to_str().unwrap()]),
        "",
        "silent when writing a file"
    );
    let text = fs::read_to_string(&file).unwrap();
    assert_eq!(text, export(&a), "file and standard output agree");
    assert!(
        !dir.path().join("backup.tmp").exists(),
        "no temporary left behind"
    );

    // Everything is in it.
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["profile"]["name"], "अधिकारी Officer");
    assert_eq!(v["completions"].as_array().unwrap().len(), 2);
    assert_eq!(v["completions"][1]["title"], "सेवा उत्कृष्टता, \"quoted\"");
    assert_eq!(v["assignments"].as_array().unwrap().len(), 2);
    assert_eq!(v["assessments"].as_array().unwrap().len(), 1);
    assert_eq!(
        v["shortlist"],
        json!(["cybersecurity", "noting and drafting"])
    );
    assert_eq!(v["ui"]["view"], "plan");
    assert_eq!(v["next_id"], 7);

    let (_d2, b) = temp();
    assert_eq!(ok(&b, &["import", file.to_str().unwrap()]), "");
    assert_eq!(export(&b), text, "byte-identical after the round trip");
    assert_eq!(ok(&b, &["status", "--json"]), ok(&a, &["status", "--json"]));
    // And the imported store goes on where the old one stopped: ids are not reused.
    let c: Value = serde_json::from_str(&ok(
        &b,
        &[
            "done",
            "public policy writing",
            "--hours",
            "1",
            "--date",
            "2026-06-01",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(c["id"], 7);
}

#[test]
fn import_replaces_the_contents_exactly() {
    let (dir, a) = temp();
    let (_d2, b) = temp();
    // A: small.
    ok(
        &a,
        &[
            "profile",
            "set",
            "--service",
            "bas",
            "--state",
            "bihar",
            "--tier",
            "bas-basic-ac",
        ],
    );
    ok(
        &a,
        &[
            "done",
            "yuva ai for all",
            "--hours",
            "2",
            "--date",
            "2026-06-01",
        ],
    );
    let file = dir.path().join("a.json");
    ok(&a, &["export", file.to_str().unwrap()]);
    // B: more of everything, and other ids.
    populate(&b);
    ok(&b, &["import", file.to_str().unwrap()]);
    assert_eq!(export(&b), fs::read_to_string(&file).unwrap());
    let log: Value = serde_json::from_str(&ok(&b, &["log", "--json"])).unwrap();
    assert_eq!(log.as_array().unwrap().len(), 1);
    assert_eq!(log[0]["title"], "Yuva AI for All");
    // B's old records are gone, so B can record GenAI again.
    ok(
        &b,
        &[
            "done",
            "genai for everyone",
            "--hours",
            "4",
            "--date",
            "2026-05-10",
        ],
    );

    // Importing an empty export empties the store.
    let (_d3, empty) = temp();
    let efile = dir.path().join("empty.json");
    ok(&empty, &["export", efile.to_str().unwrap()]);
    assert!(!empty.exists(), "export of an absent store creates nothing");
    ok(&b, &["import", efile.to_str().unwrap()]);
    assert_eq!(export(&b), fs::read_to_string(&efile).unwrap());
}

#[test]
fn an_import_that_is_not_an_export_is_refused_and_changes_nothing() {
    let (dir, db) = temp();
    populate(&db);
    let good: Value = serde_json::from_str(&export(&db)).unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };

    let f = write("notes.txt", "these are my notes, not JSON\n");
    let e = refused(&db, &["import", &f]);
    assert!(e.contains("not a karmadash export"), "{e}");
    let f = write("other.json", "{\"hello\": [1, 2, 3]}");
    assert!(refused(&db, &["import", &f]).contains("not a karmadash export"));
    let e = refused(
        &db,
        &["import", dir.path().join("missing.json").to_str().unwrap()],
    );
    assert!(e.contains("cannot read"), "{e}");

    // Exports with one bad record: the whole file is refused.
    let bad = |name: &str, edit: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        edit(&mut v);
        write(name, &serde_json::to_string_pretty(&v).unwrap())
    };
    let cases: Vec<(String, &str)> = vec![
        (
            bad("zero.json", &|v| v["completions"][0]["minutes"] = json!(0)),
            "plausible",
        ),
        (
            bad("huge.json", &|v| {
                v["completions"][0]["minutes"] = json!(200 * 60 + 1)
            }),
            "plausible",
        ),
        (
            bad("future.json", &|v| {
                v["completions"][0]["date"] = json!("2026-12-01")
            }),
            "future",
        ),
        (
            bad("baddate.json", &|v| {
                v["completions"][0]["date"] = json!("2026-02-30")
            }),
            "not a karmadash export",
        ),
        (
            bad("negative.json", &|v| {
                v["completions"][0]["minutes"] = json!(-60)
            }),
            "not a karmadash export",
        ),
        (
            bad("unknown.json", &|v| {
                v["completions"][0]["course"] = json!("a course nobody lists")
            }),
            "not in this catalogue",
        ),
        (
            bad("dupid.json", &|v| {
                v["completions"][1]["id"] = v["completions"][0]["id"].clone()
            }),
            "used twice",
        ),
        (
            bad("zeroid.json", &|v| v["assessments"][0]["id"] = json!(0)),
            "zero",
        ),
        (bad("nextid.json", &|v| v["next_id"] = json!(2)), "next_id"),
        (
            bad("dupcourse.json", &|v| {
                v["completions"][1]["course"] = v["completions"][0]["course"].clone();
                v["completions"][1]["in_catalogue"] = json!(true);
            }),
            "recorded twice",
        ),
        (bad("schema.json", &|v| v["schema"] = json!(99)), "schema"),
        (
            bad("service.json", &|v| v["profile"]["service"] = json!("ifs")),
            "not a karmadash export",
        ),
        (
            bad("registered.json", &|v| {
                v["profile"]["registered"] = json!("2027-01-01")
            }),
            "registration date 2027-01-01 is in the future",
        ),
        (
            bad("batch.json", &|v| v["profile"]["batch"] = json!(1066)),
            "batch '1066'",
        ),
        (
            bad("tier.json", &|v| v["profile"]["tier"] = json!("ias-99")),
            "the profile",
        ),
        (
            bad("assigned.json", &|v| {
                v["assignments"][0]["assigned"] = json!("2026-12-25")
            }),
            "assigned date 2026-12-25 is in the future",
        ),
        (
            bad("due.json", &|v| {
                v["assignments"][0]["due"] = json!("2002-01-31")
            }),
            "before Mission Karmayogi",
        ),
        (
            bad("nocourse.json", &|v| {
                v["assignments"][1]["course"] = json!(" ")
            }),
            "names no course",
        ),
        (
            bad("passed.json", &|v| {
                v["assessments"][0]["passed"] = json!("2019-08-14")
            }),
            "assessment date 2019-08-14 is before Mission Karmayogi",
        ),
    ];
    for (file, want) in cases {
        let e = refused(&db, &["import", &file]);
        assert!(e.contains(want), "{file}: {e}");
    }
}

// ---------------------------------------------------------------------------
// Stores that cannot be used

#[test]
fn a_plain_file_as_the_store_is_refused_and_left_alone() {
    let (dir, _) = temp();
    let file = dir.path().join("notes.txt");
    fs::write(&file, "my notes\n").unwrap();
    let backup = dir.path().join("b.json");
    let (_d, src) = temp();
    populate(&src);
    ok(&src, &["export", backup.to_str().unwrap()]);
    for args in [
        &["status"][..],
        &["export"],
        &["log"],
        &["profile", "set", "--service", "ias", "--batch", "2012"],
        &[
            "done",
            "cybersecurity",
            "--hours",
            "1",
            "--date",
            "2026-05-01",
        ],
        &["import", backup.to_str().unwrap()],
    ] {
        let e = refused_line(&run(&file, args), &format!("{args:?}"));
        assert!(e.contains("not a karmadash store"), "{args:?}: {e}");
        assert_eq!(fs::read_to_string(&file).unwrap(), "my notes\n");
    }
}

#[test]
fn a_directory_of_garbage_is_refused_and_its_files_left_alone() {
    let (dir, db) = temp();
    fs::create_dir(&db).unwrap();
    // Deterministic garbage where sled keeps its config and its log.
    let noise: Vec<u8> = (0u32..5000)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    fs::write(db.join("conf"), &noise[..300]).unwrap();
    fs::write(db.join("db"), &noise).unwrap();
    let before = files(&db);
    let backup = dir.path().join("b.json");
    fs::write(&backup, "{}").unwrap();
    for args in [
        &["status"][..],
        &["export"],
        &["log", "--json"],
        &[
            "done",
            "cybersecurity",
            "--hours",
            "1",
            "--date",
            "2026-05-01",
        ],
        &["profile", "set", "--service", "ias", "--batch", "2012"],
    ] {
        let e = refused_line(&run(&db, args), &format!("{args:?}"));
        assert!(e.contains("cannot open the store"), "{args:?}: {e}");
        assert!(e.contains("import"), "the message says how to recover: {e}");
        // sled may add an empty `blobs` directory; no file changes.
        assert_eq!(files(&db), before, "{args:?} changed the files");
    }
}

/// A real store whose log was cut short must not read as an empty store:
/// `status` would say "no profile yet" and `export` would write an empty
/// backup, and the next write would build on nothing.
#[test]
fn a_truncated_store_is_refused_not_read_as_empty() {
    let (_dir, db) = temp();
    populate(&db);
    let f = fs::OpenOptions::new()
        .write(true)
        .open(db.join("db"))
        .unwrap();
    f.set_len(100).unwrap();
    drop(f);
    for args in [&["export"][..], &["status"], &["log", "--json"]] {
        let e = refused_line(&run(&db, args), &format!("{args:?}"));
        assert!(e.contains("damaged"), "{args:?}: {e}");
    }

    // sled takes a config of 8 bytes or less for none at all, and then
    // "recovers" a log of garbage as an empty database.
    let (_dir, db) = temp();
    fs::create_dir(&db).unwrap();
    fs::write(db.join("conf"), "garbage\n").unwrap();
    let noise: Vec<u8> = (0u32..5000)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    fs::write(db.join("db"), &noise).unwrap();
    for args in [
        &["export"][..],
        &[
            "done",
            "cybersecurity",
            "--hours",
            "1",
            "--date",
            "2026-05-01",
        ],
    ] {
        let e = refused_line(&run(&db, args), &format!("{args:?}"));
        assert!(e.contains("damaged"), "{args:?}: {e}");
    }
}

#[test]
fn a_foreign_sled_database_is_refused_and_left_alone() {
    let (dir, db) = temp();
    {
        let foreign = sled::open(&db).unwrap();
        foreign.insert("hello", "world").unwrap();
        foreign.insert("counter", &7u64.to_be_bytes()).unwrap();
        foreign.flush().unwrap();
    }
    let backup = dir.path().join("b.json");
    let (_d, src) = temp();
    ok(
        &src,
        &["profile", "set", "--service", "ias", "--batch", "2012"],
    );
    ok(&src, &["export", backup.to_str().unwrap()]);
    for args in [
        &["status"][..],
        &["export"],
        &[
            "done",
            "cybersecurity",
            "--hours",
            "1",
            "--date",
            "2026-05-01",
        ],
        &["profile", "set", "--service", "ias", "--batch", "2012"],
        &["import", backup.to_str().unwrap()],
    ] {
        let e = refused_line(&run(&db, args), &format!("{args:?}"));
        assert!(e.contains("not a karmadash store"), "{args:?}: {e}");
    }
    let foreign = sled::open(&db).unwrap();
    let keys: Vec<Vec<u8>> = foreign.iter().keys().map(|k| k.unwrap().to_vec()).collect();
    assert_eq!(
        keys,
        vec![b"counter".to_vec(), b"hello".to_vec()],
        "no schema key or record added"
    );
    assert_eq!(foreign.get("hello").unwrap().unwrap().as_ref(), b"world");
}

#[test]
fn a_store_that_cannot_be_created_is_refused_in_one_line() {
    let (dir, _) = temp();
    // A parent that is a file: no one, root included, can create the store.
    let file = dir.path().join("plain");
    fs::write(&file, "x").unwrap();
    let r = run(
        &file.join("db"),
        &[
            "done",
            "cybersecurity",
            "--hours",
            "1",
            "--date",
            "2026-05-01",
        ],
    );
    let e = refused_line(&r, "parent is a file");
    assert!(e.contains("cannot create the store"), "{e}");

    // A read-only parent directory (meaningless as root, who may write anyway).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = dir.path().join("ro");
        fs::create_dir(&ro).unwrap();
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
        let writable = fs::write(ro.join("probe"), "x").is_ok();
        if writable {
            eprintln!("note: running with privileges that ignore directory permissions (root?): read-only parent case skipped");
        } else {
            let db = ro.join("db");
            let r = run(
                &db,
                &[
                    "done",
                    "cybersecurity",
                    "--hours",
                    "1",
                    "--date",
                    "2026-05-01",
                ],
            );
            let e = refused_line(&r, "read-only parent");
            assert!(e.contains("cannot create the store"), "{e}");
            assert!(!db.exists());
            // Reading an absent store there is fine and creates nothing.
            assert!(export(&db).contains("\"completions\": []"));
        }
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn reading_an_absent_store_creates_nothing() {
    let (_dir, db) = temp();
    let v: Value = serde_json::from_str(&export(&db)).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["next_id"], 1);
    assert_eq!(ok(&db, &["log", "--json"]).trim(), "[]");
    assert_eq!(run(&db, &["status"]).code, 2);
    assert!(!db.exists());
}

#[cfg(unix)]
#[test]
fn a_new_store_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, db) = temp();
    ok(
        &db,
        &["profile", "set", "--service", "ias", "--batch", "2012"],
    );
    let mode = fs::metadata(&db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "{mode:o}");
}

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
    assert_eq!(snap.completions[0].minutes, 240);
    // ...through sled itself...
    {
        let raw = sled::open(&db).unwrap();
        assert_eq!(raw.get("schema").unwrap().unwrap().as_ref(), b"1");
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
            assert_eq!(c["minutes"], 90, "whole record: {c}");
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
