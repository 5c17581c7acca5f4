//! Shared by the progress tests: a temporary store, the real binary run
//! on it with `--db` and `--today 2026-11-23` and no KARMADASH_* variables,
//! so nothing depends on the caller's machine, and JSON helpers.
#![allow(dead_code, unused_imports)] // each test file uses its own share

pub use assert_cmd::cargo::cargo_bin_cmd;
pub use assert_cmd::Command;
pub use serde_json::Value;
pub use std::path::PathBuf;
pub use tempfile::TempDir;

pub const TODAY: &str = "2026-11-23";

// ---------------------------------------------------------------------------
// Helpers

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// One temporary store.
pub struct Store {
    pub _dir: TempDir,
    pub db: PathBuf,
}

impl Store {
    pub fn new() -> Store {
        let dir = tempfile::tempdir().expect("a temp dir");
        let db = dir.path().join("db");
        Store { _dir: dir, db }
    }

    pub fn cmd(&self) -> Command {
        crate::store_fixtures::karmadash(&self.db)
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let out = self.cmd().args(args).output().expect("the binary runs");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
            stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
        }
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(
            r.code, 0,
            "karmadash {args:?} failed:\n{}\n{}",
            r.stdout, r.stderr
        );
        r.stdout
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}):\n{out}"))
    }

    /// Runs a command that must fail with exit 2, a single stderr line, and
    /// leave the store exactly as it was.
    pub fn refused(&self, args: &[&str]) -> String {
        let before = self.export();
        let r = self.run(args);
        assert_eq!(r.code, 2, "karmadash {args:?}: {}\n{}", r.stdout, r.stderr);
        assert_one_line(&r.stderr, args);
        assert_eq!(
            self.export(),
            before,
            "karmadash {args:?} changed the store"
        );
        r.stderr
    }

    pub fn export(&self) -> String {
        self.ok(&["export"])
    }

    pub fn profile_delhi_ias(&self) {
        self.ok(&[
            "profile",
            "set",
            "--service",
            "ias",
            "--batch",
            "2012",
            "--state",
            "delhi",
        ]);
    }

    /// A BAS officer of the basic grade in Bihar, tier set by hand.
    pub fn profile_bihar_bas(&self) {
        self.profile_bihar_bas_with(&[]);
    }

    /// The same with `extra` options (`--registered`, `--name`...); what
    /// `profile set` said.
    pub fn profile_bihar_bas_with(&self, extra: &[&str]) -> String {
        self.ok(&crate::bin_fixtures::bihar_bas(extra))
    }

    pub fn done(&self, course: &str, hours: &str, date: &str) -> Value {
        self.json(&["done", course, "--hours", hours, "--date", date, "--json"])
    }
}

pub fn assert_one_line(stderr: &str, args: &[&str]) {
    let lines: Vec<&str> = stderr.trim_end().lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "{args:?}: stderr is not one line:\n{stderr}"
    );
    assert!(
        lines[0].starts_with("karmadash: "),
        "{args:?}: stderr does not start with the program name: {stderr}"
    );
}

pub fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

pub fn sorted(mut v: Vec<&str>) -> Vec<&str> {
    v.sort_unstable();
    v
}

pub fn requirement<'a>(status: &'a Value, kind: &str, rulebook: &str) -> &'a Value {
    let found: Vec<&Value> = status["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == kind && r["rulebook"] == rulebook)
        .collect();
    assert_eq!(found.len(), 1, "one {kind} of {rulebook}: {status:#}");
    found[0]
}
