//! Shared by the catalogue tests: the real binary isolated from the
//! caller's environment, runs that must succeed quietly, listings as JSON,
//! and the data files' lines. `seed_rows` holds the seed tables.
#![allow(dead_code, unused_imports)] // each test file uses its own share

pub mod seed_rows;

pub use assert_cmd::cargo::cargo_bin_cmd;
pub use assert_cmd::Command;
pub use serde::Deserialize;
pub use serde_json::Value;
pub use std::collections::{BTreeSet, HashMap};
pub use std::path::Path;
pub use unicode_width::UnicodeWidthStr;

// ---------------------------------------------------------------------------
// Helpers

/// The binary, isolated from the caller's environment.
pub use crate::bin_fixtures::karmadash;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(args: &[&str]) -> Run {
    let out = karmadash().args(args).output().expect("the binary runs");
    Run {
        code: out.status.code().expect("exited, not killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs a command that must succeed quietly and returns its stdout.
pub fn ok(args: &[&str]) -> String {
    let r = run(args);
    assert_eq!(
        r.code, 0,
        "karmadash {args:?} failed\nstdout:\n{}\nstderr:\n{}",
        r.stdout, r.stderr
    );
    assert_eq!(r.stderr, "", "karmadash {args:?} wrote to stderr");
    r.stdout
}

pub fn ok_json(args: &[&str]) -> Value {
    let out = ok(args);
    serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("karmadash {args:?} printed invalid JSON ({e}):\n{out}"))
}

#[derive(Debug, Deserialize)]
pub struct Listing {
    pub id: String,
    pub tier: String,
    pub row: u32,
    pub status: String,
    pub competencies: Vec<String>,
    pub title: String,
    pub course: Option<String>,
    pub defect: Option<String>,
    pub rulebook: String,
    pub source: String,
}

pub fn listings(args: &[&str]) -> Vec<Listing> {
    let mut full = vec!["courses"];
    full.extend_from_slice(args);
    full.push("--json");
    serde_json::from_value(ok_json(&full)).expect("courses --json has the documented keys")
}

/// The competencies of a listing as the seed's tick columns: `BF-`.
pub fn badge(competencies: &[String]) -> String {
    ["behavioural", "functional", "domain"]
        .iter()
        .zip(['B', 'F', 'D'])
        .map(|(name, letter)| {
            if competencies.iter().any(|c| c == name) {
                letter
            } else {
                '-'
            }
        })
        .collect()
}

pub fn table_of(tier: &str, status: &str) -> Vec<(u32, String, String)> {
    let flag = format!("--{status}");
    let rows = listings(&["--tier", tier, &flag]);
    for l in &rows {
        assert_eq!(l.tier, tier, "{l:?}");
        assert_eq!(l.status, status, "{l:?}");
        assert_eq!(l.rulebook, "bihar-schedules-2026-05-15", "{l:?}");
        let letter = if status == "mandatory" { 'm' } else { 'o' };
        assert_eq!(l.id, format!("{tier}/{letter}{}", l.row), "{l:?}");
    }
    rows.into_iter()
        .map(|l| (l.row, badge(&l.competencies), l.title))
        .collect()
}

pub fn expected(table: &[(u32, &str, &str)]) -> Vec<(u32, String, String)> {
    table
        .iter()
        .map(|&(row, bfd, title)| (row, bfd.to_string(), title.to_string()))
        .collect()
}

/// Compares row by row, so a failure names the first row that differs.
pub fn assert_table(tier: &str, status: &str, want: &[(u32, &str, &str)]) {
    let got = table_of(tier, status);
    let want = expected(want);
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w, "{tier} {status}: row differs from seed 002");
    }
    assert_eq!(got.len(), want.len(), "{tier} {status}: number of rows");
}

pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Line `line` (1-based) of a file named as the program names it.
pub fn line_of(file: &str, line: usize) -> String {
    let path = if Path::new(file).is_absolute() {
        Path::new(file).to_path_buf()
    } else {
        manifest_dir().join(file)
    };
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} is named in output but unreadable: {e}", path.display()));
    assert!(line >= 1, "line numbers start at 1, got {line} for {file}");
    text.lines()
        .nth(line - 1)
        .unwrap_or_else(|| panic!("{file} has no line {line}"))
        .to_string()
}

pub fn split_source(source: &str) -> (&str, usize) {
    let (file, line) = source
        .rsplit_once(':')
        .unwrap_or_else(|| panic!("source '{source}' is not file:line"));
    (file, line.parse().expect("line is a number"))
}

pub const NINE_TIERS: [&str; 9] = [
    "ias-0-9",
    "ias-10-16",
    "ias-17-25",
    "ias-26-plus",
    "bas-js-ss",
    "bas-basic-ac",
    "bss-ds-js",
    "bss-aso-us",
    "bscs-udc-ldc",
];

pub fn course_of(all: &[Listing], id: &str) -> String {
    all.iter()
        .find(|l| l.id == id)
        .unwrap_or_else(|| panic!("no listing {id}"))
        .course
        .clone()
        .unwrap_or_else(|| panic!("{id} has no course"))
}

#[derive(Debug, Deserialize)]
pub struct Finding {
    pub severity: String,
    pub code: String,
    pub file: String,
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Deserialize)]
pub struct LintReport {
    pub errors: usize,
    pub warnings: usize,
    pub findings: Vec<Finding>,
}

pub fn lint_report(args: &[&str]) -> (i32, LintReport) {
    let mut full = args.to_vec();
    full.extend(["lint", "--json"]);
    let r = run(&full);
    let report = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("lint --json: {e}\n{}\n{}", r.stdout, r.stderr));
    (r.code, report)
}
