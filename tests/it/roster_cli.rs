//! The roster through the real binary: the portal's reports imported by a
//! training cell, every header generation to the same result, the same
//! file twice changing nothing, bad rows named, nothing personal stored,
//! and who is behind the 52 hours, most urgent first.

use crate::bin_fixtures::run_on as run;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/igot_fixtures")
        .join(name)
        .display()
        .to_string()
}

fn roster_json(db: &Path, today: &str) -> Value {
    let (code, out, err) = run(db, today, &["roster", "--json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

const TODAY: &str = "2026-11-23";

fn import_all(db: &Path, consumption: &str) {
    let (code, _, err) = run(
        db,
        TODAY,
        &[
            "roster",
            "import",
            &fixture(consumption),
            &fixture("users.csv"),
            &fixture("enrolments.csv"),
        ],
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn every_generation_imports_to_the_same_roster() {
    let dir = tempfile::tempdir().unwrap();
    let mut rosters = Vec::new();
    for gen in [
        "consumption-gen1.csv",
        "consumption-gen2.csv",
        "consumption-gen3.csv",
        "consumption-excel.csv",
    ] {
        let db = dir.path().join(gen);
        import_all(&db, gen);
        let mut r = roster_json(&db, TODAY);
        // Only the source file names differ; the counts may not.
        let text = r.to_string().replace(gen, "REPORT");
        r = serde_json::from_str(&text).unwrap();
        rosters.push(r);
    }
    for r in &rosters[1..] {
        assert_eq!(r, &rosters[0]);
    }
    assert_eq!(rosters[0]["officers"].as_array().unwrap().len(), 3);
}

#[test]
fn the_same_files_twice_change_nothing_and_a_dry_run_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let files = [fixture("consumption-gen3.csv"), fixture("users.csv")];
    let mut args = vec!["roster", "import", "--dry-run"];
    args.extend(files.iter().map(String::as_str));
    let (code, out, err) = run(&db, TODAY, &args);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("3 would be added") && out.contains("nothing was written"),
        "{out}"
    );
    assert!(!db.join("db").exists(), "a dry run creates no store");

    args.remove(2);
    assert_eq!(run(&db, TODAY, &args).0, 0);
    let first = roster_json(&db, TODAY);
    let (code, out, _) = run(&db, TODAY, &args);
    assert_eq!(code, 0);
    assert!(out.contains("nothing changed"), "{out}");
    assert_eq!(roster_json(&db, TODAY), first);
}

#[test]
fn bad_rows_are_named_with_file_and_line_and_the_rest_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let report = dir.path().join("ConsumptionReport.csv");
    std::fs::write(
        &report,
        "Full_Name,Designation,Email,Content_Name,Content_Duration,Status,Completed_On\n\
         A,Section Officer,a@x.in,Yuva AI for All,01:00:00,completed,2026-06-01 10:00:00\n\
         B,Section Officer,b@x.in,Yuva AI for All,1:75:00,completed,2026-06-01 10:00:00\n\
         C,Section Officer,,Office Procedure,01:00:00,completed,2026-06-01 10:00:00\n",
    )
    .unwrap();
    let (code, out, err) = run(
        &db,
        TODAY,
        &[
            "roster",
            "import",
            "--service",
            "bss",
            report.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1, "rows were rejected: {out}{err}");
    let name = report.display().to_string();
    assert!(
        err.contains(&format!("{name}:3: Content_Duration:")),
        "{err}"
    );
    assert!(err.contains(&format!("{name}:4: Email:")), "{err}");
    let r = roster_json(&db, TODAY);
    let officers = r["officers"].as_array().unwrap();
    let mut ids: Vec<&str> = officers
        .iter()
        .map(|o| o["officer"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    // B's only row was refused: B is on the roster, flagged, not dropped.
    assert_eq!(ids, ["a@x.in", "b@x.in"], "the good row is imported");
    let b = officers.iter().find(|o| o["officer"] == "b@x.in").unwrap();
    assert_eq!(b["flags"][0]["kind"], "rows-unreadable", "{b}");
}

#[test]
fn the_store_keeps_no_phone_number_gender_or_category() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    import_all(&db, "consumption-gen3.csv");
    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(&db).unwrap().flatten() {
        if entry.path().is_file() {
            bytes.extend(std::fs::read(entry.path()).unwrap());
        }
    }
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("anjali.kumari@bihar.gov.in"),
        "the store was read"
    );
    for secret in [
        "9876500001",
        "9876500002",
        "9876500003",
        "Female",
        "OBC",
        "\"Male\"",
    ] {
        assert!(!text.contains(secret), "{secret} is in the store");
    }
}

#[test]
fn who_is_behind_the_52_hours_most_urgent_first_with_the_rows_behind_each_count() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    import_all(&db, "consumption-gen3.csv");
    let (code, out, err) = run(&db, TODAY, &["roster", "--behind"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Financial year 2026-27"), "{out}");
    for name in ["Anjali Kumari", "Md. Imran Alam", "Ravi Shankar Prasad"] {
        assert!(
            out.contains(name),
            "{name} is behind the 52 hours in November: {out}"
        );
    }
    assert!(out.contains("/52"), "{out}");
    let r = roster_json(&db, TODAY);
    for o in r["officers"].as_array().unwrap() {
        assert_eq!(o["verdict"], "behind", "{o}");
        assert_eq!(o["on_track"], false);
        let hours = o["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["unit"] == "hours")
            .expect("the 52 hours");
        assert_eq!(hours["target"], 52);
    }
    // Ravi's only 2026-27 course has no duration in the report: flagged, 0 h.
    let ravi = r["officers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["officer"] == "ravi.prasad@bihar.gov.in")
        .unwrap();
    let kinds: Vec<&str> = ravi["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"no-duration") && kinds.contains(&"too-fast"),
        "{kinds:?}"
    );
    // roster show traces each completion to its report row.
    let (code, out, _) = run(
        &db,
        TODAY,
        &[
            "roster",
            "show",
            "Anjali.Kumari@bihar.gov.in",
            "--fy",
            "2025-26",
        ],
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("consumption-gen3.csv:3; also") && out.contains("consumption-gen3.csv:4"),
        "{out}"
    );
    assert!(out.contains("Tier: bas-basic-ac"), "{out}");
}

#[test]
fn a_newer_report_updates_each_officer_and_keeps_the_ones_who_left() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    import_all(&db, "consumption-gen3.csv");
    // The next day's report: Imran left; Anjali completed one more course.
    let newer = dir.path().join("ConsumptionReport-2.csv");
    let text = std::fs::read_to_string(fixture("consumption-gen3.csv")).unwrap();
    let mut lines: Vec<String> = text
        .lines()
        .filter(|l| !l.contains("imran.alam"))
        // A later report, generated after its newest completion.
        .map(|l| l.replace("2026-04-20 07:30:00 AM", "2026-10-02 07:30:00 AM"))
        .collect();
    lines.push(
        lines[1]
            .replace(
                "Leadership Skills for Professionals",
                "Effective Communication",
            )
            .replace("02:42:00", "01:05:00")
            .replace("2025-06-20 18:02:11", "2026-10-01 10:00:00"),
    );
    std::fs::write(&newer, lines.join("\n") + "\n").unwrap();
    let (code, out, err) = run(&db, TODAY, &["roster", "import", newer.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("1 not in this report kept and flagged"),
        "{out}"
    );
    let r = roster_json(&db, TODAY);
    let officers = r["officers"].as_array().unwrap();
    assert_eq!(officers.len(), 3, "the officer who left is kept");
    let imran = officers
        .iter()
        .find(|o| o["officer"] == "imran.alam@bihar.gov.in")
        .unwrap();
    assert!(
        imran["flags"].to_string().contains("not-in-latest-report"),
        "{imran}"
    );
    let anjali = officers
        .iter()
        .find(|o| o["officer"] == "anjali.kumari@bihar.gov.in")
        .unwrap();
    let hours = anjali["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["unit"] == "hours")
        .unwrap();
    assert_eq!(hours["seconds"], 3900, "the new completion counts: {hours}");
}

#[test]
fn import_igot_brings_one_officers_rows_and_never_a_second_record() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let report = fixture("tour/ConsumptionReport.csv");
    let ok = |args: &[&str]| {
        let (code, out, err) = run(&db, TODAY, args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
        out
    };
    ok(&[
        "profile",
        "set",
        "--service",
        "bas",
        "--tier",
        "bas-basic-ac",
    ]);
    ok(&[
        "done",
        "Yuva AI for All",
        "--hours",
        "4",
        "--date",
        "2026-05-01",
    ]);
    let log_before = ok(&["log", "--json"]);
    let out = ok(&[
        "import-igot",
        &report,
        "--officer",
        "Anjali.Kumari@bihar.gov.in",
        "--dry-run",
    ]);
    assert!(
        out.contains("10 completions would be recorded") && out.contains("nothing was written"),
        "{out}"
    );
    assert_eq!(
        ok(&["log", "--json"]),
        log_before,
        "a dry run writes nothing"
    );

    let out = ok(&[
        "import-igot",
        &report,
        "--officer",
        "anjali.kumari@bihar.gov.in",
    ]);
    assert!(out.contains("10 completions recorded"), "{out}");
    assert!(
        out.contains("Already recorded: \"Yuva AI for All\" (id 1"),
        "typed first, kept: {out}"
    );
    let log: Value = serde_json::from_str(&ok(&["log", "--json"])).unwrap();
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 11);
    let leadership = log
        .iter()
        .find(|c| c["title"] == "Leadership Skills for Professionals")
        .unwrap();
    assert_eq!(leadership["hours"], 4.5);
    assert_eq!(leadership["certificate"], "c0ffee00-0001");
    // Again: nothing new, nothing twice.
    let out = ok(&[
        "import-igot",
        &report,
        "--officer",
        "anjali.kumari@bihar.gov.in",
    ]);
    assert!(out.starts_with("0 completions recorded."), "{out}");
    let (code, _, err) = run(
        &db,
        TODAY,
        &["import-igot", &report, "--officer", "nobody@x.in"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("has no row of nobody@x.in"), "{err}");
}

#[test]
fn the_review_report_totals_each_tier_and_names_the_reports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let tour = |f: &str| fixture(&format!("tour/{f}"));
    let (code, _, err) = run(
        &db,
        TODAY,
        &[
            "roster",
            "import",
            &tour("ConsumptionReport.csv"),
            &tour("UserReport.csv"),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (code, md, _) = run(&db, TODAY, &["roster", "report"]);
    assert_eq!(code, 0);
    assert!(
        md.contains("(consumption report, generated 2026-11-22 07:30:00): 25 rows read, 0 refused"),
        "{md}"
    );
    let bas = md.find("(bas-basic-ac): 3 officers").expect("the BAS tier");
    let unplaced = md
        .find("not placed in a tier")
        .expect("the unplaced officer");
    assert!(bas < unplaced, "tiers first, the unplaced last:\n{md}");
    assert!(
        md.contains("Met 0, on pace 1, behind 2, overdue 0; hours 104.25 of 156."),
        "{md}"
    );
    let (_, csv, _) = run(&db, TODAY, &["roster", "report", "--format", "csv"]);
    assert!(
        csv.contains(
            "bas-basic-ac,\"BAS, Basic grade to Additional Collector\",3,0,1,2,0,104.25,156"
        ),
        "{csv}"
    );
}

#[test]
fn import_igot_records_two_courses_of_one_title_and_counts_both_hours() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let report = dir.path().join("ConsumptionReport.csv");
    std::fs::write(
        &report,
        "Full_Name,Email,Content_Name,Content_Type,Content_Duration,Status,Completed_On\n\
         A,a@x.in,Project Management,Course,01:59:28,completed,2026-06-01 10:00:00\n\
         A,a@x.in,Project Management,Course,00:15:00,completed,2026-06-02 10:00:00\n",
    )
    .unwrap();
    let ok = |args: &[&str]| {
        let (code, out, err) = run(&db, TODAY, args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
        out
    };
    ok(&[
        "profile",
        "set",
        "--service",
        "bas",
        "--tier",
        "bas-basic-ac",
    ]);
    let file = report.to_str().unwrap();
    let dry = ok(&["import-igot", file, "--officer", "a@x.in", "--dry-run"]);
    assert!(dry.contains("2 completions would be recorded"), "{dry}");
    let out = ok(&["import-igot", file, "--officer", "a@x.in"]);
    assert!(out.contains("2 completions recorded"), "{out}");
    let log: Value = serde_json::from_str(&ok(&["log", "--json"])).unwrap();
    let hours: Vec<f64> = log
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["hours"].as_f64().unwrap())
        .collect();
    assert_eq!(hours, [1.99, 0.25], "{log}");
    // The engine counts both for hours: 7,168 s + 900 s.
    let status = ok(&["status"]);
    assert!(status.contains("2.24/52 h"), "{status}");
    // Again: both already recorded, none twice.
    let again = ok(&["import-igot", file, "--officer", "a@x.in"]);
    assert!(again.contains("0 completions recorded"), "{again}");
    assert_eq!(again.matches("Already recorded").count(), 2, "{again}");
}
