//! What the roster says about each officer, through the real binary: who
//! is behind (and only they), registration known from the reports, an
//! older report never rolling newer figures back, officers whose rows could
//! not be read flagged, a tier that names its service, officers found by a
//! name or e-mail prefix, and a cell's designations.toml in `--data DIR`.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-11-23";

/// The columns the officer tests write, in a ConsumptionReport's names.
const HEADER: &str = "Full_Name,Designation,Email,Content_Name,Content_Type,Content_Duration,Status,Enrolled_On,Completed_On,Report_Last_Generated_On";

fn tour(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/igot_fixtures/tour")
        .join(name)
}

/// A copy of a tour report with only the rows of `who` (e-mail prefixes).
fn tour_rows(dir: &Path, name: &str, who: &[&str]) -> String {
    let text = std::fs::read_to_string(tour(name)).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .enumerate()
        .filter(|(i, l)| *i == 0 || who.iter().any(|w| l.contains(&format!(",{w}@"))))
        .map(|(_, l)| l)
        .collect();
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path.display().to_string()
}

fn run_in(db: &Path, today: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("karmadash")
        .expect("the binary")
        .env("KARMADASH_DB", db)
        .env("KARMADASH_TODAY", today)
        .env_remove("KARMADASH_DATA")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn run(db: &Path, args: &[&str]) -> (i32, String, String) {
    run_in(db, TODAY, args)
}

fn ok(db: &Path, args: &[&str]) -> String {
    let (code, out, err) = run(db, args);
    assert_eq!(code, 0, "{args:?}: {out}{err}");
    out
}

/// A consumption report of `rows` (each the cells after the header's).
fn report(dir: &Path, name: &str, rows: &[String]) -> String {
    let path = dir.join(name);
    let mut text = format!("{HEADER}\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// One completed Course row.
fn done(
    name: &str,
    email: &str,
    course: &str,
    duration: &str,
    on: &str,
    generated: &str,
) -> String {
    format!(
        "{name},Deputy Collector,{email},{course},Course,{duration},completed,{on} 09:00:00,{on} 18:00:00,{generated}"
    )
}

fn officers(db: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["roster", "--json"];
    args.extend_from_slice(extra);
    let v: Value = serde_json::from_str(&ok(db, &args)).unwrap();
    v["officers"].as_array().unwrap().clone()
}

fn officer<'a>(all: &'a [Value], id: &str) -> &'a Value {
    all.iter()
        .find(|o| o["officer"] == id)
        .unwrap_or_else(|| panic!("{id} is not in {all:?}"))
}

fn hours_seconds(o: &Value) -> u64 {
    o["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "hours")
        .expect("the 52 hours")["seconds"]
        .as_u64()
        .unwrap()
}

fn flag_kinds(o: &Value) -> Vec<String> {
    o["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn behind_lists_the_behind_officer_and_not_the_one_on_pace() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    // From the tour's reports: Anjali is on pace in November, Sunita behind.
    let who = ["anjali.kumari", "sunita.devi"];
    let consumption = tour_rows(dir.path(), "ConsumptionReport.csv", &who);
    let users = tour_rows(dir.path(), "UserReport.csv", &who);
    ok(&db, &["roster", "import", &consumption, &users]);
    let all = officers(&db, &["--service", "bas"]);
    assert_eq!(
        officer(&all, "anjali.kumari@bihar.gov.in")["verdict"],
        "on-pace"
    );
    assert_eq!(
        officer(&all, "sunita.devi@bihar.gov.in")["verdict"],
        "behind"
    );
    let behind = officers(&db, &["--service", "bas", "--behind"]);
    let ids: Vec<&str> = behind
        .iter()
        .map(|o| o["officer"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["sunita.devi@bihar.gov.in"]);
    let table = ok(&db, &["roster", "--service", "bas", "--behind"]);
    assert!(
        table.contains("Sunita Devi") && !table.contains("Anjali Kumari"),
        "{table}"
    );
}
