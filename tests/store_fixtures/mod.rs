//! Shared by the store tests: the real binary on a temporary store with
//! `--db` and `--today 2026-11-23`; every refusal must exit 2 with one
//! line on stderr and leave the store as it was.
#![allow(dead_code, unused_imports)] // each test file uses its own share

pub use assert_cmd::cargo::cargo_bin_cmd;
pub use assert_cmd::Command;
pub use serde_json::{json, Value};
pub use std::fs;
pub use std::path::{Path, PathBuf};
pub use std::sync::mpsc;
pub use std::thread;
pub use std::time::{Duration, Instant};
pub use tempfile::TempDir;

pub use karmadash::store::{Store as LibStore, UiState};

pub mod mounts;

pub const TODAY: &str = "2026-11-23";

// ---------------------------------------------------------------------------
// Helpers

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The binary on `db` as of TODAY, given as `--db` and `--today`.
pub fn karmadash(db: &Path) -> Command {
    let mut cmd = crate::bin_fixtures::karmadash();
    cmd.arg("--db").arg(db).args(["--today", TODAY]);
    cmd
}

/// The same, as a plain process that can be spawned and killed.
pub fn karmadash_process(db: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_karmadash"));
    cmd.env_remove("KARMADASH_DATA")
        .env_remove("KARMADASH_TODAY")
        .env_remove("KARMADASH_DB")
        .arg("--db")
        .arg(db)
        .args(["--today", TODAY]);
    for v in crate::bin_fixtures::LANGUAGE_VARIABLES {
        cmd.env_remove(v);
    }
    cmd
}

pub fn run(db: &Path, args: &[&str]) -> Run {
    let out = karmadash(db).args(args).output().expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

pub fn ok(db: &Path, args: &[&str]) -> String {
    let r = run(db, args);
    assert_eq!(r.code, 0, "karmadash {args:?}:\n{}\n{}", r.stdout, r.stderr);
    r.stdout
}

pub fn export(db: &Path) -> String {
    ok(db, &["export"])
}

/// Exit 2 with one line on stderr; returns that line.
pub fn refused_line(r: &Run, what: &str) -> String {
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
pub fn refused(db: &Path, args: &[&str]) -> String {
    let before = export(db);
    let line = refused_line(&run(db, args), &format!("{args:?}"));
    assert_eq!(export(db), before, "{args:?} changed the store");
    line
}

pub fn temp() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("db");
    (dir, db)
}

/// A store with something of every kind in it.
pub fn populate(db: &Path) {
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
        lang: None,
    })
    .unwrap();
}

/// Every regular file under `dir`, with its bytes.
pub fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
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

/// sled opened in this process, retried briefly: right after this process
/// dropped its own handle, sled's lock can still be held for a moment.
pub fn raw_sled(db: &Path) -> sled::Db {
    let started = Instant::now();
    loop {
        match sled::open(db) {
            Ok(raw) => return raw,
            Err(e) if started.elapsed() < Duration::from_secs(2) => {
                let _ = e;
                thread::sleep(Duration::from_millis(20));
            }
            Err(e) => panic!("sled::open({}): {e}", db.display()),
        }
    }
}

/// A check that cannot run on this machine (no root, no strace, no
/// mount): it says why and passes on a developer's machine, but fails under
/// `CI`, where the machine is set up to run it and a skip would hide a
/// regression. `CI` counts when set to anything but empty, `0` or `false`
/// (as `tui_tmux` reads it).
pub fn unavailable(test: &str, why: &str) {
    let ci = std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"));
    if ci {
        panic!("{test} cannot run here ({why}), and under CI it must");
    }
    eprintln!("SKIPPED {test}: {why}");
}

pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}
