//! The portal's catalogue in use, offline, after one sync from the local
//! server of portal_sync.rs: the plan's durations (after the officer's
//! and the reports', before a course CSV's), `plan --from-portal`,
//! `lint`'s titles the portal lacks, and `courses` with and without
//! `--portal`.

use std::path::Path;

use serde_json::Value;

use super::portal_sync::{karmadash, synced};

fn run(dir: &Path, args: &[&str]) -> String {
    let out = karmadash(dir, "2026-11-23").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&run(dir, args)).unwrap()
}

/// The Bihar BAS officer of plan_cli.rs: basic grade, two courses done.
fn bas_officer(dir: &Path) {
    run(
        dir,
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
        dir,
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
        dir,
        &[
            "done",
            "Yuva AI for All",
            "--hours",
            "9",
            "--date",
            "2026-07-01",
        ],
    );
}

fn proposal(plan: &Value) -> &Vec<Value> {
    plan["proposal"].as_array().unwrap()
}

#[test]
fn with_a_snapshot_the_bas_plan_has_hours_for_every_course_the_portal_has_and_names_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    bas_officer(dir.path());
    let before = json(dir.path(), &["plan", "--json"]);
    let known_before = proposal(&before)
        .iter()
        .filter(|p| !p["hours"].is_null())
        .count();
    assert_eq!(known_before, 0, "the orders give no duration: {before}");
    synced(dir.path());
    let plan = json(dir.path(), &["plan", "--json"]);
    let courses = proposal(&plan);
    assert!(courses.len() >= 15, "{}", courses.len());
    let unknown: Vec<&str> = courses
        .iter()
        .filter(|p| p["hours"].is_null())
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(unknown, ["Reduction"], "only the row the order cuts off");
    for p in courses.iter().filter(|p| !p["hours"].is_null()) {
        assert_eq!(p["duration_source"], "portal", "{p}");
    }
    // Two portal courses of one title: both shown, the longer counted.
    let ddm = courses
        .iter()
        .find(|p| p["title"] == "Data Driven Decision Making")
        .unwrap();
    assert_eq!(ddm["durations"], serde_json::json!([0.25, 2.0, 4.0]));
    assert_eq!(ddm["hours"], 4.0);
    assert!(
        plan["hours"]["proposed"].as_f64().unwrap() > 30.0,
        "{}",
        plan["hours"]
    );
    let text = run(dir.path(), &["plan"]);
    assert!(
        text.contains("Durations marked portal: the portal's catalogue of 20.11.2026"),
        "{text}"
    );
    assert!(
        text.contains("Not in that catalogue, so of unknown hours: \"Reduction\"."),
        "{text}"
    );
}

#[test]
fn the_officers_hours_still_beat_the_portals() {
    let dir = tempfile::tempdir().unwrap();
    bas_officer(dir.path());
    synced(dir.path());
    run(
        dir.path(),
        &[
            "shortlist",
            "add",
            "Communication for Citizen Centricity",
            "--hours",
            "1",
        ],
    );
    let plan = json(dir.path(), &["plan", "--json"]);
    let c = proposal(&plan)
        .iter()
        .find(|p| p["title"] == "Communication for Citizen Centricity")
        .unwrap();
    assert_eq!(
        (c["duration_source"].as_str(), c["hours"].as_f64()),
        (Some("yours"), Some(1.0))
    );
}

#[test]
fn from_portal_fills_the_hours_with_portal_courses_of_the_least_covered_competencies() {
    let dir = tempfile::tempdir().unwrap();
    bas_officer(dir.path());
    // Before a sync there is nothing to fill from: one line, exit 2.
    let out = karmadash(dir.path(), "2026-11-23")
        .args(["plan", "--from-portal"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.trim(),
        "karmadash: no portal catalogue yet: fetch it once with `karmadash catalogue sync`"
    );
    synced(dir.path());
    let short = json(dir.path(), &["plan", "--limit", "1", "--json"]);
    assert!(
        short["hours"]["short"].as_f64().unwrap() > 0.0,
        "{}",
        short["hours"]
    );
    let plan = json(
        dir.path(),
        &["plan", "--limit", "1", "--from-portal", "--json"],
    );
    let from_portal: Vec<&Value> = proposal(&plan)
        .iter()
        .filter(|p| p["reason"] == "portal")
        .collect();
    assert!(!from_portal.is_empty(), "{plan}");
    assert!(from_portal.len() <= 1, "--limit holds for the portal's too");
    for p in &from_portal {
        assert!(p["theme"].is_string() && p["hours"].is_number(), "{p}");
        assert_eq!(p["duration_source"], "portal");
    }
    // The least covered of the tier is domain (0 done): its course comes first.
    assert!(
        from_portal[0]["competencies"]
            .as_array()
            .unwrap()
            .contains(&"domain".into()),
        "{}",
        from_portal[0]
    );
    assert!(plan["hours"]["short"].as_f64() < short["hours"]["short"].as_f64());
    let text = run(dir.path(), &["plan", "--limit", "1", "--from-portal"]);
    let title = from_portal[0]["title"].as_str().unwrap();
    let theme = from_portal[0]["theme"].as_str().unwrap();
    assert!(text.contains(&format!("{title} ({theme})")), "{text}");
}

#[test]
fn lint_names_the_listed_titles_the_portal_lacks_the_cut_off_rows_among_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = karmadash(dir.path(), "2026-11-23")
        .arg("lint")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("not-on-portal"));
    synced(dir.path());
    let out = karmadash(dir.path(), "2026-11-23")
        .arg("lint")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("info[not-on-portal]: \"Data Analytics in the Public Sector with\" (the order cuts it off) is not in the portal's catalogue of 20.11.2026"), "{text}");
    assert!(
        text.contains("\"Public Leadership Credential\" is not in the portal's catalogue"),
        "{text}"
    );
    assert!(!text.contains("\"Yuva AI for All\" is not"), "{text}");
    let status = json(dir.path(), &["catalogue", "--json"]);
    let missing = status["snapshot"]["missing"].as_array().unwrap();
    assert_eq!(
        status["snapshot"]["listed"].as_u64().unwrap()
            - status["snapshot"]["matched"].as_u64().unwrap(),
        missing.len() as u64
    );
    assert!(missing.contains(&"Reduction".into()));
}

#[test]
fn courses_show_the_portals_hours_and_browse_the_portal_by_area_and_theme() {
    let dir = tempfile::tempdir().unwrap();
    let plain = run(dir.path(), &["courses", "--tier", "bas-basic-ac"]);
    assert!(!plain.contains("HOURS"), "no column before a sync");
    let out = karmadash(dir.path(), "2026-11-23")
        .args(["courses", "--portal"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    synced(dir.path());
    let text = run(dir.path(), &["courses", "--tier", "bas-basic-ac"]);
    assert!(
        text.contains("LISTING           STATUS     BFD  HOURS           PORTAL  TITLE"),
        "{text}"
    );
    assert!(
        text.contains(
            "bas-basic-ac/m8   mandatory  -F-  ?               -       Reduction  [truncated]"
        ),
        "{text}"
    );
    assert!(
        text.contains("0.25|2.00|4.00  BF-     Data Driven Decision Making"),
        "{text}"
    );
    let listed = json(
        dir.path(),
        &[
            "courses",
            "--portal",
            "--competency",
            "domain",
            "--theme",
            "URBAN",
            "--json",
        ],
    );
    let listed = listed.as_array().unwrap();
    assert!(!listed.is_empty());
    for c in listed {
        assert!(
            c["competencies"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["area"] == "Domain" && k["theme"] == "Urban Development"),
            "{c}"
        );
    }
    let text = run(
        dir.path(),
        &[
            "courses",
            "--portal",
            "--competency",
            "domain",
            "--theme",
            "urban",
        ],
    );
    assert!(
        text.starts_with("Domain:\nHOURS  THEME              COURSE\n"),
        "{text}"
    );
    assert_eq!(
        text.lines()
            .filter(|l| l.contains("Urban Development"))
            .count(),
        listed.len()
    );
}
