//! The roster's next due date, through the real binary: a requirement met
//! late (a registration after its 15 days) is a shortfall on record, not
//! something still to do, so it is never an officer's next due date.

use crate::bin_fixtures::run_on;
use serde_json::Value;
use std::path::PathBuf;

const TODAY: &str = "2026-11-23";

fn tour(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/igot_fixtures/tour")
        .join(name)
}

#[test]
fn a_registration_made_late_is_not_the_next_due_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    // Anjali registered on 25.03.2026, after the order's 21.03.2026.
    let users = std::fs::read_to_string(tour("UserReport.csv"))
        .unwrap()
        .replacen(",2026-03-12,Bihar,", ",2026-03-25,Bihar,", 1);
    let users_path = dir.path().join("UserReport.csv");
    std::fs::write(&users_path, users).unwrap();
    let consumption = tour("ConsumptionReport.csv");
    let (code, out, err) = run_on(
        &db,
        TODAY,
        &[
            "roster",
            "import",
            consumption.to_str().unwrap(),
            users_path.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = run_on(&db, TODAY, &["roster", "show", "anjali", "--json"]);
    assert_eq!(code, 0, "{out}{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let registration = v["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "registration")
        .expect("a registration requirement");
    assert_eq!(registration["standing"], "late", "{registration}");
    let (_, out, _) = run_on(&db, TODAY, &["roster", "--csv"]);
    let header: Vec<&str> = out.lines().next().unwrap().split(',').collect();
    let at = header.iter().position(|h| *h == "next_due").unwrap();
    let anjali: Vec<&str> = out
        .lines()
        .find(|l| l.starts_with("anjali.kumari@bihar.gov.in,"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(anjali[at], "2027-03-31", "{out}");
}
