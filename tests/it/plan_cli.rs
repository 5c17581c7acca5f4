//! `plan`, `shortlist` and `calendar` through the real binary, on the real
//! rulebooks: a step for every requirement `status` shows unmet, a proposal
//! of each course once (mandatory first) that reaches the hours or says how
//! far short, durations from the officer, the reports and a course CSV, a
//! schedule that meets the due dates or says it cannot (the iCalendar
//! file is in plan_calendar.rs).

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn karmadash(db: &Path) -> Command {
    let mut cmd = crate::bin_fixtures::karmadash_on(db, "2026-11-23");
    cmd.env("XDG_CACHE_HOME", db.with_extension("cache"));
    cmd
}

pub(super) fn run(db: &Path, args: &[&str]) -> String {
    let out = karmadash(db).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub(super) fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&run(db, args)).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

/// Exit 2 with one line on stderr, and the store as it was.
pub(super) fn refused(db: &Path, args: &[&str]) -> String {
    let before = run(db, &["export"]);
    let out = karmadash(db).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert_eq!(run(db, &["export"]), before, "{args:?} changed the store");
    err
}

fn durations_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plan_fixtures/durations")
}

/// A Delhi IAS officer of the 2015 batch: the DoPT list, the Delhi OM's
/// half years and assigned courses, the assessment.
pub(super) fn delhi_ias(dir: &tempfile::TempDir) -> PathBuf {
    let db = dir.path().join("db");
    run(
        &db,
        &[
            "profile",
            "set",
            "--service",
            "ias",
            "--state",
            "delhi",
            "--batch",
            "2015",
        ],
    );
    db
}

fn bihar(dir: &tempfile::TempDir) -> PathBuf {
    let db = dir.path().join("db");
    run(
        &db,
        &[
            "profile",
            "set",
            "--service",
            "bas",
            "--tier",
            "bas-basic-ac",
        ],
    );
    run(
        &db,
        &[
            "done",
            "Leadership Skills for Professionals",
            "--hours",
            "4",
            "--date",
            "2026-06-01",
        ],
    );
    run(
        &db,
        &[
            "done",
            "Yuva AI for All",
            "--hours",
            "9",
            "--date",
            "2026-07-01",
        ],
    );
    db
}

#[test]
fn the_delhi_ias_plan_names_a_step_for_every_requirement_status_shows_unmet() {
    let dir = tempfile::tempdir().unwrap();
    let db = delhi_ias(&dir);
    let status = json(&db, &["status", "--json"]);
    let unmet: BTreeSet<(String, String)> = status["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["met"] == false)
        .map(|r| {
            (
                r["kind"].as_str().unwrap().to_string(),
                r["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        unmet.len() >= 6,
        "the six of the issue, and registration: {unmet:?}"
    );
    let plan = json(&db, &["plan", "--json"]);
    let steps = plan["steps"].as_array().unwrap();
    let named: BTreeSet<(String, String)> = steps
        .iter()
        .map(|s| {
            (
                s["kind"].as_str().unwrap().to_string(),
                s["requirement"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(named, unmet, "a step for each unmet requirement, no more");
    for s in steps {
        assert!(!s["action"].as_str().unwrap().is_empty(), "{s}");
        assert!(!s["missing"].as_str().unwrap().is_empty(), "{s}");
    }
    let kinds: Vec<&str> = steps.iter().map(|s| s["kind"].as_str().unwrap()).collect();
    for kind in [
        "own-choice-per-half-year",
        "assigned-courses",
        "assessment-passed",
        "share-of-prescribed",
    ] {
        assert!(
            kinds.contains(&kind),
            "the issue's missing {kind}: {kinds:?}"
        );
    }
    // Behind or overdue before open (pace from the status verdict).
    let rank = |s: &Value| match s["standing"].as_str().unwrap() {
        "overdue" | "behind" => 0,
        _ => 1,
    };
    assert!(
        steps.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])),
        "{kinds:?}"
    );
    let assigned = steps
        .iter()
        .find(|s| s["kind"] == "assigned-courses")
        .unwrap();
    assert!(
        assigned["action"]
            .as_str()
            .unwrap()
            .contains("karmadash assign"),
        "{assigned}"
    );
    // The mandatory courses are mandatory, not "optional, unclassified".
    let proposal = plan["proposal"].as_array().unwrap();
    for t in [
        "Noting and Drafting",
        "Public Policy Writing",
        "GenAI for Everyone",
    ] {
        let p = proposal.iter().find(|p| p["title"] == t).unwrap();
        assert_eq!(p["reason"], "mandatory", "{p}");
    }
    // The second half year's own-choice programme has its course.
    let h2 = steps
        .iter()
        .find(|s| s["kind"] == "own-choice-per-half-year" && s["standing"] == "open")
        .unwrap();
    assert_eq!(h2["courses"].as_array().unwrap().len(), 1, "{h2}");
    assert_eq!(
        plan["verdict"],
        status["on_track"]
            .as_bool()
            .map(|t| if t { "on track" } else { "behind" })
            .unwrap()
    );
}

#[test]
fn the_bihar_proposal_lists_each_course_once_mandatory_first_and_says_how_far_short() {
    let dir = tempfile::tempdir().unwrap();
    let db = bihar(&dir);
    let plan = json(&db, &["plan", "--json"]);
    let proposal = plan["proposal"].as_array().unwrap();
    let titles: Vec<&str> = proposal
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    let unique: BTreeSet<&&str> = titles.iter().collect();
    assert_eq!(unique.len(), titles.len(), "each course once: {titles:?}");
    let first_optional = proposal
        .iter()
        .position(|p| p["reason"] != "mandatory")
        .unwrap();
    assert!(
        proposal[first_optional..]
            .iter()
            .all(|p| p["reason"] != "mandatory"),
        "mandatory before optional"
    );
    assert_eq!(first_optional, 11, "the 11 open of 13 mandatory courses");
    assert!(
        proposal.len() <= 11 + 10,
        "a proposal, not a dump: {}",
        proposal.len()
    );
    // No durations are known: it says how far short, and which are unknown.
    assert_eq!(plan["hours"]["needed"], 39.0);
    assert_eq!(plan["hours"]["short"], 39.0);
    assert_eq!(plan["hours"]["unknown"], proposal.len());
    let text = run(&db, &["plan"]);
    assert!(
        text.contains("fall 39.00 h short of the 39.00 needed"),
        "{text}"
    );
    assert!(
        text.lines().all(|l| !l.contains("Optional, ")),
        "no dump by competency"
    );
    // Each optional course carries all its competencies, once.
    for p in &proposal[first_optional..] {
        let ks: Vec<&str> = p["competencies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect();
        let set: BTreeSet<&&str> = ks.iter().collect();
        assert_eq!(set.len(), ks.len(), "{p}");
    }
}

#[test]
fn with_a_course_csv_of_durations_the_known_hours_reach_the_gap_and_the_schedule_says_if_2_hours_a_week_do(
) {
    let dir = tempfile::tempdir().unwrap();
    let db = bihar(&dir);
    let data = durations_dir();
    let data = data.to_str().unwrap();
    let plan = json(&db, &["--data", data, "plan", "--json"]);
    let proposal = plan["proposal"].as_array().unwrap();
    let known: f64 = proposal.iter().filter_map(|p| p["hours"].as_f64()).sum();
    assert!(known >= 39.0, "known hours reach the 39 h gap: {known}");
    assert_eq!(plan["hours"]["short"], 0.0);
    let comm = proposal
        .iter()
        .find(|p| p["title"] == "Communication for Citizen Centricity")
        .unwrap();
    assert_eq!(
        (comm["hours"].as_f64(), comm["duration_source"].as_str()),
        (Some(2.7), Some("course-csv"))
    );
    let reduction = proposal.iter().find(|p| p["title"] == "Reduction").unwrap();
    assert_eq!(reduction["duration_source"], "unknown");
    // A title with two durations shows both, and plans with the longer.
    if let Some(two) = proposal
        .iter()
        .find(|p| p["title"] == "Mastering Communication for Effective Leadership")
    {
        assert_eq!(two["durations"], serde_json::json!([2.17, 2.67]));
        assert_eq!(two["hours"], 2.67);
    }
    // 2 h a week is too little for 39.73 h by 31.03.2027: it says so and by how much.
    let two = json(
        &db,
        &["--data", data, "plan", "--hours-per-week", "2", "--json"],
    );
    assert_eq!(two["budget"]["fits"], false);
    assert!(two["budget"]["short_per_week"].as_f64().unwrap() > 0.0);
    assert!(!two["schedule"]["late"].as_array().unwrap().is_empty());
    let text = run(&db, &["--data", data, "plan", "--hours-per-week", "2"]);
    assert!(text.contains("It cannot meet every due date"), "{text}");
    // It counts every late course, not only the first.
    let late = two["schedule"]["late"].as_array().unwrap().len();
    assert!(
        if late == 1 {
            text.contains("would finish only by")
        } else {
            text.contains(&format!("{late} courses would finish late"))
        },
        "{late} late: {text}"
    );
    assert!(text.contains("more than you have"), "{text}");
    // 3 h a week meets it: every course finishes by its due date.
    let three = json(
        &db,
        &["--data", data, "plan", "--hours-per-week", "3", "--json"],
    );
    assert_eq!(three["budget"]["fits"], true);
    let mut finished = BTreeSet::new();
    for w in three["schedule"]["weeks"].as_array().unwrap() {
        let hours: f64 = w["slots"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["hours"].as_f64())
            .sum();
        assert!(hours <= 3.0 + 1e-9, "a week within the budget: {w}");
        for s in w["slots"].as_array().unwrap() {
            if s["finishes"] == true {
                assert!(
                    w["start"].as_str().unwrap() <= s["due"].as_str().unwrap(),
                    "{s} in {w}"
                );
                finished.insert(s["title"].as_str().unwrap().to_string());
            }
        }
    }
    for p in proposal {
        assert!(
            finished.contains(p["title"].as_str().unwrap()),
            "{p} is scheduled"
        );
    }
    // "Reduction" has no known duration: the schedule cannot vouch for it.
    let text = run(&db, &["--data", data, "plan", "--hours-per-week", "3"]);
    assert!(
        text.contains(
            "It meets every due date for the hours it knows; 1 course has no known duration"
        ),
        "{text}"
    );
}

#[test]
fn competency_and_limit_shape_the_optional_part_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = bihar(&dir);
    let plan = json(
        &db,
        &[
            "plan",
            "--competency",
            "behavioural",
            "--limit",
            "3",
            "--json",
        ],
    );
    let proposal = plan["proposal"].as_array().unwrap();
    let optional: Vec<&Value> = proposal
        .iter()
        .filter(|p| p["reason"] == "least-covered")
        .collect();
    assert_eq!(optional.len(), 3, "--limit 3");
    for p in &optional {
        assert!(
            p["competencies"]
                .as_array()
                .unwrap()
                .contains(&Value::from("behavioural")),
            "{p}"
        );
    }
    assert_eq!(
        proposal
            .iter()
            .filter(|p| p["reason"] == "mandatory")
            .count(),
        11
    );
    assert!(plan["left_out"].as_u64().unwrap() > 0);
}

#[test]
fn bad_plan_options_get_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = bihar(&dir);
    for (args, says) in [
        (
            vec!["plan", "--hours-per-week", "two"],
            "not a number of hours",
        ),
        (
            vec!["plan", "--hours-per-week", "-1"],
            "more than 0 and at most 168",
        ),
        (vec!["plan", "--hours-per-week", "0"], "0 is out of range"),
        (
            vec!["plan", "--hours-per-week", "200"],
            "more than 0 and at most 168",
        ),
        (
            vec!["plan", "--limit", "-1"],
            "invalid value '-1' for '--limit",
        ),
        (vec!["plan", "--limit", "0"], "--limit 0"),
    ] {
        let err = refused(&db, &args);
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn the_shortlist_keeps_planned_hours_which_win_over_a_course_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = bihar(&dir);
    let data = durations_dir();
    let data = data.to_str().unwrap();
    assert_eq!(
        run(
            &db,
            &[
                "shortlist",
                "add",
                "Public Speaking and Persuasion for Leaders",
                "--hours",
                "2h 42m"
            ]
        ),
        ""
    );
    assert_eq!(
        run(
            &db,
            &["shortlist", "add", "bas-basic-ac/m2", "--hours", "1:00"]
        ),
        ""
    );
    assert_eq!(
        run(
            &db,
            &["shortlist", "add", "Crisis Management Emergency Response"]
        ),
        ""
    );
    let list = json(&db, &["--data", data, "shortlist", "list", "--json"]);
    let row = |t: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["title"] == t)
            .cloned()
            .unwrap()
    };
    assert_eq!(
        row("Public Speaking and Persuasion for Leaders")["hours"],
        2.7
    );
    assert_eq!(
        row("Public Speaking and Persuasion for Leaders")["duration_source"],
        "yours"
    );
    assert_eq!(
        row("Communication for Citizen Centricity")["hours"],
        1.0,
        "yours beats the CSV's 2.70"
    );
    assert_eq!(
        row("Crisis Management Emergency Response")["duration_source"],
        "course-csv"
    );
    let plan = json(&db, &["--data", data, "plan", "--json"]);
    let p = plan["proposal"].as_array().unwrap();
    let speaking = p
        .iter()
        .find(|c| c["title"] == "Public Speaking and Persuasion for Leaders")
        .unwrap();
    assert_eq!(
        (
            speaking["reason"].as_str(),
            speaking["duration_source"].as_str()
        ),
        (Some("shortlist"), Some("yours"))
    );
    let comm = p
        .iter()
        .find(|c| c["title"] == "Communication for Citizen Centricity")
        .unwrap();
    assert_eq!(
        (comm["reason"].as_str(), comm["hours"].as_f64()),
        (Some("mandatory"), Some(1.0))
    );
    let text = run(&db, &["--data", data, "shortlist", "list"]);
    assert!(
        text.contains("7.95 h planned"),
        "1.00 + 4.25 + 2.70: {text}"
    );
    // Removing forgets the planned hours too.
    assert_eq!(run(&db, &["shortlist", "remove", "bas-basic-ac/m2"]), "");
    let list = json(&db, &["shortlist", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    let err = refused(&db, &["shortlist", "remove", "bas-basic-ac/m2"]);
    assert!(err.contains("not on your shortlist"), "{err}");
    let err = refused(&db, &["shortlist", "add", "no such course at all"]);
    assert!(err.contains("no listed course"), "{err}");
    let err = refused(&db, &["shortlist", "add", "Yuva AI for All"]);
    assert!(err.contains("already done"), "{err}");
    let err = refused(
        &db,
        &["shortlist", "add", "bas-basic-ac/m5", "--hours", "1 hour"],
    );
    assert!(err.contains("--hours"), "{err}");
    // The planned hours survive an export and import.
    let export = dir.path().join("export.json");
    run(&db, &["export", export.to_str().unwrap()]);
    let db2 = dir.path().join("db2");
    run(&db2, &["import", export.to_str().unwrap()]);
    assert_eq!(
        json(&db2, &["shortlist", "list", "--json"]),
        json(&db, &["shortlist", "list", "--json"])
    );
}

#[test]
fn durations_the_imported_reports_showed_count_as_the_reports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    run(
        &db,
        &[
            "profile",
            "set",
            "--service",
            "bas",
            "--tier",
            "bas-basic-ac",
        ],
    );
    let report =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/igot_fixtures/consumption-gen2.csv");
    run(&db, &["roster", "import", report.to_str().unwrap()]);
    let plan = json(&db, &["plan", "--json"]);
    let p = plan["proposal"].as_array().unwrap();
    let lead = p
        .iter()
        .find(|c| c["title"] == "Leadership Skills for Professionals")
        .unwrap();
    assert_eq!(
        (lead["hours"].as_f64(), lead["duration_source"].as_str()),
        (Some(2.7), Some("report"))
    );
    let yuva = p.iter().find(|c| c["title"] == "Yuva AI for All").unwrap();
    assert_eq!(yuva["hours"], 4.26, "04:15:30");
}
