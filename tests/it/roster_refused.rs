//! Refused rows through the real binary: an officer whose every row was
//! refused is still on the roster (flagged), a report whose rows were all
//! refused speaks only for its own department, an older report's officers
//! are counted as what they are, and the same file again is "already
//! imported", whatever rows it had that could not be read.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-11-23";

fn tour(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/igot_fixtures/tour")
        .join(name)
}

fn run(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("karmadash")
        .expect("the binary")
        .env("KARMADASH_DB", db)
        .env("KARMADASH_TODAY", TODAY)
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

fn ok(db: &Path, args: &[&str]) -> String {
    let (code, out, err) = run(db, args);
    assert_eq!(code, 0, "{args:?}: {out}{err}");
    out
}

fn officers(db: &Path) -> Vec<Value> {
    let v: Value = serde_json::from_str(&ok(db, &["roster", "--json"])).unwrap();
    v["officers"].as_array().unwrap().clone()
}

fn flag_kinds(o: &Value) -> Vec<String> {
    o["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
}

/// The seconds an officer's hours requirement counts.
fn hours_seconds(o: &Value) -> u64 {
    o["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "hours-per-fy")
        .and_then(|r| r["seconds"].as_u64())
        .unwrap_or_else(|| panic!("no hours requirement in {o}"))
}

/// The tour's ConsumptionReport with every `Completed_On` of `who`
/// (an e-mail) made unreadable.
fn tour_with_unreadable(dir: &Path, who: &str) -> String {
    let text = std::fs::read_to_string(tour("ConsumptionReport.csv")).unwrap();
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            if !l.contains(&format!(",{who},")) {
                return l.to_string();
            }
            let mut cells: Vec<&str> = l.split(',').collect();
            // Completed_On is the 24th column; MDO_Name and Organization
            // are quoted with a comma inside, one extra cell each.
            cells[23 + 2] = "nope";
            cells.join(",")
        })
        .collect();
    let path = dir.join("ConsumptionReport.csv");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path.display().to_string()
}

#[test]
fn an_officer_whose_every_row_was_refused_is_on_the_roster_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = tour_with_unreadable(dir.path(), "sunita.devi@bihar.gov.in");
    let (code, out, err) = run(&db, &["roster", "import", &file]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("5 officers: 5 added"), "{out}");
    assert_eq!(err.matches("'nope' is not a date").count(), 3, "{err}");
    let all = officers(&db);
    let sunita = all
        .iter()
        .find(|o| o["officer"] == "sunita.devi@bihar.gov.in")
        .unwrap_or_else(|| panic!("no Sunita in {all:?}"));
    assert_eq!(sunita["name"], "Sunita Devi", "{sunita}");
    assert_eq!(sunita["designation"], "Deputy Collector", "{sunita}");
    assert_eq!(hours_seconds(sunita), 0, "{sunita}");
    assert!(
        sunita["tier"]["basis"]
            .as_str()
            .is_some_and(|b| b.contains("designation \"Deputy Collector\"")),
        "placed by designation: {sunita}"
    );
    assert_eq!(flag_kinds(sunita), ["rows-unreadable"], "{sunita}");
    assert!(
        sunita["flags"]
            .to_string()
            .contains("3 rows of the reports could not be read"),
        "{sunita}"
    );
    let shown = ok(&db, &["roster", "show", "sunita"]);
    assert!(shown.contains("Sunita Devi"), "{shown}");
    assert!(shown.contains("rows-unreadable"), "{shown}");
    let table = ok(&db, &["roster"]);
    assert!(table.contains("Sunita Devi"), "{table}");
}

const HEADER: &str = "Full_Name,Designation,Email,Content_Name,Content_Type,Content_Duration,Status,Enrolled_On,Completed_On,Report_Last_Generated_On,MDO_Name";

/// A consumption report of one department, one row an officer
/// (name, e-mail, completed on).
fn department_report(dir: &Path, name: &str, mdo: &str, rows: &[(&str, &str, &str)]) -> String {
    let path = dir.join(name);
    let mut text = format!("{HEADER}\n");
    for (officer, email, on) in rows {
        text.push_str(&format!(
            "{officer},Deputy Collector,{email},Yuva AI for All,Course,04:30:00,completed,2026-10-01 09:00:00,{on},2026-11-22 07:30:00,{mdo}\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn missing(db: &Path) -> Vec<String> {
    officers(db)
        .iter()
        .filter(|o| flag_kinds(o).contains(&"not-in-latest-report".to_string()))
        .map(|o| o["officer"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_report_whose_rows_were_all_refused_speaks_only_for_its_own_department() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("db");
    let gad = department_report(
        home.path(),
        "gad.csv",
        "General Administration Department",
        &[
            (
                "Anjali Kumari",
                "anjali@bihar.gov.in",
                "2026-10-01 18:00:00",
            ),
            ("Ravi Prasad", "ravi@bihar.gov.in", "2026-10-01 18:00:00"),
        ],
    );
    ok(&db, &["roster", "import", "--service", "bas", &gad]);
    // Revenue's rows: one names nobody, one names an officer; none reads.
    let revenue = department_report(
        home.path(),
        "revenue.csv",
        "Revenue and Land Reforms Department",
        &[
            ("Farha Naaz", "", "nope"),
            ("Mohan Lal", "mohan@bihar.gov.in", "nope"),
        ],
    );
    let (code, out, err) = run(&db, &["roster", "import", "--service", "bas", &revenue]);
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(missing(&db), Vec::<String>::new(), "{out}");
    let nobody = department_report(
        home.path(),
        "revenue-nobody.csv",
        "Revenue and Land Reforms Department",
        &[("Farha Naaz", "", "nope")],
    );
    let (code, out, err) = run(&db, &["roster", "import", "--service", "bas", &nobody]);
    assert_eq!(code, 1, "{out}{err}");
    // Revenue's own Mohan is not in Revenue's newer report; GAD's are not
    // Revenue's to miss.
    assert_eq!(missing(&db), ["mohan@bihar.gov.in"], "{out}");
}

#[test]
fn a_report_with_no_row_at_all_marks_nobody_missing() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("db");
    let gad = department_report(
        home.path(),
        "gad.csv",
        "General Administration Department",
        &[(
            "Anjali Kumari",
            "anjali@bihar.gov.in",
            "2026-10-01 18:00:00",
        )],
    );
    ok(&db, &["roster", "import", "--service", "bas", &gad]);
    let empty = department_report(home.path(), "empty.csv", "", &[]);
    ok(&db, &["roster", "import", "--service", "bas", &empty]);
    assert_eq!(missing(&db), Vec::<String>::new());
}

#[test]
fn an_older_reports_officer_missing_from_the_newer_one_is_counted_as_that() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("db");
    let gad = "General Administration Department";
    let newer = department_report(
        home.path(),
        "newer.csv",
        gad,
        &[(
            "Anjali Kumari",
            "anjali@bihar.gov.in",
            "2026-10-01 18:00:00",
        )],
    );
    let older = home.path().join("older.csv");
    let text = department_report(
        home.path(),
        "older-draft.csv",
        gad,
        &[
            (
                "Anjali Kumari",
                "anjali@bihar.gov.in",
                "2026-10-01 18:00:00",
            ),
            ("Ravi Prasad", "ravi@bihar.gov.in", "2026-10-01 18:00:00"),
        ],
    );
    let text = std::fs::read_to_string(text).unwrap();
    std::fs::write(
        &older,
        text.replace("2026-11-22 07:30:00", "2026-11-15 07:30:00"),
    )
    .unwrap();
    let older = older.display().to_string();
    let newer = std::fs::read_to_string(&newer)
        .unwrap()
        .replace("2026-11-22 07:30:00", "2026-11-29 07:30:00");
    let newer_path = home.path().join("newer.csv");
    std::fs::write(&newer_path, newer).unwrap();
    ok(&db, &["roster", "import", newer_path.to_str().unwrap()]);
    let out = ok(&db, &["roster", "import", "--dry-run", &older]);
    assert!(!out.contains("not in this report"), "{out}");
    assert!(out.contains("1 not in the newer report"), "{out}");
    let json: Value =
        serde_json::from_str(&ok(&db, &["roster", "import", "--json", &older])).unwrap();
    assert_eq!(
        json["not_in_newer"],
        serde_json::json!(["ravi@bihar.gov.in"])
    );
    assert_eq!(json["not_in_latest"], serde_json::json!([]));
    assert_eq!(missing(&db), ["ravi@bihar.gov.in"]);
}

#[test]
fn the_same_file_again_is_already_imported_and_lists_no_row_as_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = tour_with_unreadable(dir.path(), "sunita.devi@bihar.gov.in");
    let (code, _, _) = run(&db, &["roster", "import", &file]);
    assert_eq!(code, 1);
    let (code, out, err) = run(&db, &["roster", "import", &file]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("import 1 already: nothing changed (3 of their rows could not be read"),
        "{out}"
    );
    assert!(!err.contains("not imported"), "{err}");
    assert!(!err.contains("the rest was imported"), "{err}");
}
