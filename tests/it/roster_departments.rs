//! What a cell's reports bring beside the completions: departments (one
//! officer under two is one officer, flagged), `--mdo`, the report by
//! department, the comprehensive assessment (a pass, and a fail then a
//! retake) and the portal's own count of hours.

use crate::bin_fixtures::run_on as run;
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-11-23";

fn cell(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/igot_fixtures/cell")
        .join(name)
        .display()
        .to_string()
}

fn ok(db: &Path, args: &[&str]) -> String {
    let (code, out, err) = run(db, TODAY, args);
    assert_eq!(code, 0, "{args:?}: {out}{err}");
    out
}

fn gad(db: &Path) {
    ok(
        db,
        &[
            "roster",
            "import",
            &cell("gad/ConsumptionReport.csv"),
            &cell("gad/UserReport.csv"),
            &cell("gad/UserAssessmentReport.csv"),
        ],
    );
}

#[test]
fn one_officer_under_two_departments_is_one_officer_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    gad(&db);
    ok(
        &db,
        &["roster", "import", &cell("revenue/ConsumptionReport.csv")],
    );
    let roster: serde_json::Value = serde_json::from_str(&ok(&db, &["roster", "--json"])).unwrap();
    let ravi: Vec<_> = roster["officers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["officer"] == "ravi.prasad@bihar.gov.in")
        .collect();
    assert_eq!(ravi.len(), 1, "{roster}");
    let show = ok(&db, &["roster", "show", "ravi"]);
    assert!(show.contains("two-departments: listed by \"General Administration Department, Bihar\" and then by \"Revenue and Land Reforms Department, Bihar\""), "{show}");
    // --mdo by a start of the name, in any case, or the mdoid.
    let revenue = ok(&db, &["roster", "--mdo", "revenue"]);
    assert!(
        revenue.contains("Ravi Shankar Prasad") && revenue.contains("Sunita Devi"),
        "{revenue}"
    );
    assert!(!revenue.contains("Anjali"), "{revenue}");
    let by_id = ok(&db, &["roster", "--mdo", "01379845672"]);
    assert!(
        by_id.contains("Anjali") && !by_id.contains("Sunita"),
        "{by_id}"
    );
    let (code, _, err) = run(&db, TODAY, &["roster", "--mdo", "Revenu and Land"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no department \"Revenu and Land\" in the roster"),
        "{err}"
    );
    // The report rolls up by department, then by tier.
    let md = ok(&db, &["roster", "report"]);
    let g = md
        .find("## General Administration Department, Bihar")
        .expect(&md);
    let r = md
        .find("## Revenue and Land Reforms Department, Bihar")
        .expect(&md);
    assert!(g < r, "{md}");
    assert!(
        md[r..].contains("### BAS, Basic grade to Additional Collector (bas-basic-ac): 2 officers"),
        "{md}"
    );
    // The meeting table of one department, as the README writes it.
    let one = ok(&db, &["roster", "report", "--mdo", "revenue"]);
    assert!(
        one.contains("Sunita Devi") && !one.contains("Anjali"),
        "{one}"
    );
}

#[test]
fn a_passed_comprehensive_assessment_meets_the_requirement_with_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    gad(&db);
    let show = ok(&db, &["roster", "show", "meera"]);
    assert!(
        show.contains("[x] Pass the comprehensive assessment"),
        "{show}"
    );
    assert!(show.contains("05.10.2026  passed 78.00% (cut-off 60)  Comprehensive Assessment for Senior Officers [comprehensive], 1 attempt"), "{show}");
    assert!(show.contains("gad/UserAssessmentReport.csv:2)"), "{show}");
}

#[test]
fn a_failed_attempt_then_a_retake_shows_both() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    ok(
        &db,
        &[
            "roster",
            "import",
            &cell("gad/UserReport.csv"),
            &cell("september/UserAssessmentReport.csv"),
        ],
    );
    let failed = ok(&db, &["roster", "show", "arvind"]);
    assert!(
        failed.contains("[ ] Pass the comprehensive assessment"),
        "{failed}"
    );
    assert!(
        failed.contains("10.09.2026  failed 48.00% (cut-off 60)"),
        "{failed}"
    );
    ok(
        &db,
        &["roster", "import", &cell("gad/UserAssessmentReport.csv")],
    );
    let passed = ok(&db, &["roster", "show", "arvind"]);
    assert!(
        passed.contains("[x] Pass the comprehensive assessment"),
        "{passed}"
    );
    assert!(passed.contains("10.09.2026  failed 48.00% (cut-off 60)  Comprehensive Assessment for Senior Officers [comprehensive], 1 attempt; an earlier attempt, from an older report"), "{passed}");
    assert!(passed.contains("20.10.2026  passed 72.00% (cut-off 60)  Comprehensive Assessment for Senior Officers [comprehensive], 2 attempts (No of Retakes)"), "{passed}");
}

#[test]
fn the_portals_hours_beside_the_rows_and_why_they_differ() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    gad(&db);
    let show = ok(&db, &["roster", "show", "anjali"]);
    assert!(
        show.contains("Learning hours, lifetime: the portal 9.00 h (Course_Learning_Hours, "),
        "{show}"
    );
    assert!(show.contains("the report rows 11.00 h."), "{show}");
    assert!(
        show.contains("portal-differs: the portal counts 9.00 h"),
        "{show}"
    );
    assert!(
        show.contains("no certificate for \"Right to Information Act\""),
        "{show}"
    );
    let list = ok(&db, &["roster"]);
    let line = list.lines().find(|l| l.contains("Anjali")).unwrap();
    assert!(line.ends_with("portal-differs"), "{list}");
    // Without the portal's figure there is nothing to compare.
    let meera = ok(&db, &["roster", "show", "meera"]);
    assert!(!meera.contains("portal-differs"), "{meera}");
}
