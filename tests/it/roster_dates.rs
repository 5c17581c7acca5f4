//! The dates of the portal's reports through the real binary: a file's
//! day/month order decided from the dates that prove it (never swapped
//! quietly), the forms Excel and other tools write, and a completion dated
//! after its report was made (or after today) flagged, not dropped
//! without a word.

use crate::bin_fixtures::run_on as run;
use serde_json::Value;
use std::path::Path;

const HEADER: &str =
    "Full_Name,Designation,Email,Content_Name,Content_Type,Content_Duration,Enrolled_On,Status,Completed_On,Report_Last_Generated_On\n";

/// A report of `rows` (each after the header), written into `dir`.
fn report(dir: &Path, name: &str, rows: &[&str]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, format!("{HEADER}{}\n", rows.join("\n"))).unwrap();
    path.display().to_string()
}

fn officers(db: &Path, today: &str, fy: &str) -> Vec<Value> {
    let (code, out, err) = run(db, today, &["roster", "--json", "--fy", fy]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    v["officers"].as_array().unwrap().clone()
}

fn hours_seconds(officer: &Value) -> u64 {
    officer["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["unit"] == "hours")
        .expect("the 52 hours")["seconds"]
        .as_u64()
        .unwrap()
}

#[test]
fn a_month_first_file_is_read_month_first_as_its_own_dates_prove() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    // 11/22 can only be month-first: so 4/3 is 3 April 2026 (FY 2026-27),
    // never 4 March (FY 2025-26).
    let file = report(
        dir.path(),
        "ConsumptionReport.csv",
        &[
            "A,Section Officer,a@x.in,Yuva AI for All,Course,01:00:00,,completed,11/22/2026 7:30 AM,",
            "A,Section Officer,a@x.in,Office Procedure,Course,02:00:00,,completed,4/3/2026 10:00,",
        ],
    );
    let (code, out, err) = run(&db, "2026-11-23", &["roster", "import", &file]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("month first") && out.contains("line 2"),
        "the summary says how the dates were read and why: {out}"
    );
    let this_year = officers(&db, "2026-11-23", "2026-27");
    assert_eq!(hours_seconds(&this_year[0]), 3 * 3600, "both in 2026-27");
    let (_, show, _) = run(&db, "2026-11-23", &["roster", "show", "a@x.in"]);
    assert!(show.contains("03.04.2026"), "{show}");
    assert!(show.contains("22.11.2026"), "{show}");
}

#[test]
fn ambiguous_dates_are_refused_with_line_and_column_when_nothing_proves_the_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = report(
        dir.path(),
        "ConsumptionReport.csv",
        &[
            "A,Section Officer,a@x.in,Yuva AI for All,Course,01:00:00,,completed,4/3/2026 10:00,",
            "A,Section Officer,a@x.in,Office Procedure,Course,02:00:00,,completed,2026-06-01 10:00:00,",
            "A,Section Officer,a@x.in,Effective Communication,Course,02:00:00,,completed,5/6/2026 10:00,",
        ],
    );
    let (code, out, err) = run(&db, "2026-11-23", &["roster", "import", &file]);
    assert_eq!(code, 1, "rows were refused: {out}{err}");
    for line in [2, 4] {
        let want = format!("{file}:{line}: Completed_On:");
        let got = err.lines().find(|l| l.contains(&want));
        let got = got.unwrap_or_else(|| panic!("{want} not named: {err}"));
        assert!(
            got.contains("day or the month") && got.contains("nothing in the file"),
            "{got}"
        );
    }
    // The one unambiguous row is imported; nothing was swapped.
    let o = officers(&db, "2026-11-23", "2026-27");
    assert_eq!(hours_seconds(&o[0]), 2 * 3600);
}

#[test]
fn a_file_whose_dates_prove_both_orders_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = report(
        dir.path(),
        "ConsumptionReport.csv",
        &[
            "A,Section Officer,a@x.in,Yuva AI for All,Course,01:00:00,,completed,13/04/2026 10:00,",
            "A,Section Officer,a@x.in,Office Procedure,Course,02:00:00,,completed,2026-06-01 10:00:00,",
            "A,Section Officer,a@x.in,Effective Communication,Course,02:00:00,,completed,4/14/2026 10:00,",
        ],
    );
    let (code, out, err) = run(&db, "2026-11-23", &["roster", "import", &file]);
    assert_eq!(code, 2, "{out}{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one clear line: {err}");
    assert!(
        lines[0].contains(":4:")
            && lines[0].contains("13/04/2026")
            && lines[0].contains("4/14/2026"),
        "{err}"
    );
    let (code, _, err) = run(&db, "2026-11-23", &["roster"]);
    assert_eq!(code, 2, "nothing was imported: {err}");
}

#[test]
fn excel_and_iso_forms_are_read_and_offsets_are_taken_to_ist() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = report(
        dir.path(),
        "ConsumptionReport.csv",
        &[
            // 20:00 UTC on 31 March is 01:30 on 1 April in India: 2026-27.
            "A,Section Officer,a@x.in,Yuva AI for All,Course,01:00:00,,completed,2026-03-31T20:00:00Z,",
            // 23:00 IST written with its offset: still 31 March, 2025-26.
            "A,Section Officer,a@x.in,Office Procedure,Course,02:00:00,,completed,2026-03-31T23:00:00+05:30,",
            // Excel's 12-hour clock: 7:30 PM.
            "A,Section Officer,a@x.in,Effective Communication,Course,04:00:00,11/21/2026 7:30 AM,completed,11/22/2026 7:30 PM,",
        ],
    );
    let (code, out, err) = run(&db, "2026-11-23", &["roster", "import", &file]);
    assert_eq!(code, 0, "{out}{err}");
    let this_year = officers(&db, "2026-11-23", "2026-27");
    assert_eq!(hours_seconds(&this_year[0]), 5 * 3600);
    let (_, show, _) = run(&db, "2026-11-23", &["roster", "show", "a@x.in"]);
    let date_of = |title: &str| {
        let line = show
            .lines()
            .skip_while(|l| !l.starts_with("Completions"))
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{show}"));
        line.split_whitespace().next().unwrap().to_string()
    };
    assert_eq!(date_of("Yuva AI for All"), "01.04.2026");
    assert_eq!(date_of("Office Procedure"), "31.03.2026");
    assert_eq!(date_of("Effective Communication"), "22.11.2026");
}

#[test]
fn a_completion_dated_after_its_report_or_after_today_is_flagged_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = report(
        dir.path(),
        "ConsumptionReport.csv",
        &[
            // After the report's own generation time, though not after today.
            "A,Section Officer,a@x.in,Yuva AI for All,Course,01:00:00,,completed,2026-11-25 10:00:00,2026-11-22 07:30:00 AM",
            "A,Section Officer,a@x.in,Office Procedure,Course,02:00:00,,completed,2026-06-01 10:00:00,2026-11-22 07:30:00 AM",
            // No generation time: after today.
            "B,Section Officer,b@x.in,Office Procedure,Course,02:00:00,,completed,2026-12-24 10:00:00,",
        ],
    );
    let today = "2026-12-01";
    let (code, out, err) = run(&db, today, &["roster", "import", &file]);
    assert_eq!(code, 0, "{out}{err}");
    let o = officers(&db, today, "2026-27");
    let find = |id: &str| o.iter().find(|x| x["officer"] == id).unwrap().clone();
    let (a, b) = (find("a@x.in"), find("b@x.in"));
    assert_eq!(
        hours_seconds(&a),
        2 * 3600,
        "the impossible date does not count"
    );
    assert_eq!(hours_seconds(&b), 0);
    for o in [&a, &b] {
        assert!(o["flags"].to_string().contains("future-date"), "{o}");
    }
    let (code, show, _) = run(&db, today, &["roster", "show", "a@x.in"]);
    assert_eq!(code, 0);
    let flag = show
        .lines()
        .find(|l| l.contains("future-date:"))
        .unwrap_or_else(|| panic!("{show}"));
    assert!(
        flag.contains("Yuva AI for All")
            && flag.contains("25.11.2026")
            && flag.contains("after the report was generated")
            && flag.contains("does not count"),
        "{flag}"
    );
    let (_, show, _) = run(&db, today, &["roster", "show", "b@x.in"]);
    let flag = show
        .lines()
        .find(|l| l.contains("future-date:"))
        .unwrap_or_else(|| panic!("{show}"));
    assert!(
        flag.contains("24.12.2026") && flag.contains("after today"),
        "{flag}"
    );
}
