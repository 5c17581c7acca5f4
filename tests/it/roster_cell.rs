//! The training cell's own work through the real binary: its list of
//! officers (unregistered, not-on-list, profile-incomplete), exemptions
//! out of the report's totals, the audit log (and its surviving export
//! and import), the history of two imports, and notices in Hindi and
//! English.

use crate::bin_fixtures::{karmadash_on, run_on as run};
use serde_json::Value;
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-11-23";

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/igot_fixtures")
        .join(name)
        .display()
        .to_string()
}

/// `karmadash ARGS` as the login user `user`.
fn run_as(db: &Path, user: &str, args: &[&str]) -> (i32, String, String) {
    let out = karmadash_on(db, TODAY)
        .env("USER", user)
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok(db: &Path, args: &[&str]) -> String {
    let (code, out, err) = run_as(db, "cell.clerk", args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, args)).unwrap()
}

/// October's report, then November's, with the month's user report.
fn month(db: &Path) {
    let users = fixture("month/UserReport.csv");
    ok(
        db,
        &[
            "roster",
            "import",
            &fixture("month/ConsumptionReport-2026-10-01.csv"),
            &users,
        ],
    );
    ok(
        db,
        &[
            "roster",
            "import",
            &fixture("tour/ConsumptionReport.csv"),
            &users,
        ],
    );
}

fn officer<'a>(roster: &'a Value, id: &str) -> &'a Value {
    roster["officers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["officer"] == id)
        .unwrap_or_else(|| panic!("{id} in {roster}"))
}

fn flags(o: &Value) -> Vec<String> {
    o["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_expectation_list_names_the_unregistered_and_the_unlisted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    month(&db);
    let out = ok(&db, &["roster", "expect", &fixture("month/officers.csv")]);
    assert!(
        out.contains("6 officers on the cell's list; 2 in no report (unregistered), 1 in the reports but not on the list"),
        "{out}"
    );
    let roster = json(&db, &["roster", "--json"]);
    assert_eq!(roster["officers"].as_array().unwrap().len(), 7);
    for id in ["rakesh.ranjan@bihar.gov.in", "hrms:BR-HRMS-20417"] {
        assert_eq!(officer(&roster, id)["verdict"], "unregistered", "{id}");
    }
    let pooja = officer(&roster, "pooja.sinha@bihar.gov.in");
    let kinds = flags(pooja);
    assert!(kinds.contains(&"not-on-list".to_string()), "{kinds:?}");
    assert!(
        kinds.contains(&"profile-incomplete".to_string()),
        "{kinds:?}"
    );
    let anjali = officer(&roster, "anjali.kumari@bihar.gov.in");
    assert!(flags(anjali).is_empty(), "{anjali}");
    // `--behind` keeps the unregistered: the cell has to act on them.
    let (_, behind, _) = run(&db, TODAY, &["roster", "--behind"]);
    assert!(
        behind.contains("Rakesh Ranjan") && behind.contains("unregistered"),
        "{behind}"
    );
}

#[test]
fn a_list_with_a_row_naming_no_officer_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    month(&db);
    let list = dir.path().join("list.csv");
    std::fs::write(
        &list,
        "Name,Email,Designation\nRakesh Ranjan,rakesh.ranjan@bihar.gov.in,Deputy Collector\nNo Id,,Deputy Collector\n",
    )
    .unwrap();
    let (code, out, err) = run(
        &db,
        TODAY,
        &["roster", "expect", &list.display().to_string()],
    );
    assert_eq!(code, 2, "{out}{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("list.csv:3: the row names no officer: give an e-mail or an HRMS id; the list was not changed"),
        "{err}"
    );
    let roster = json(&db, &["roster", "--json"]);
    assert_eq!(roster["officers"].as_array().unwrap().len(), 5);
    assert!(json(&db, &["roster", "audit", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["change"] != "expect"));
}

fn tier<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["tiers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["tier"] == id)
        .unwrap()
}

#[test]
fn an_exemption_leaves_the_report_totals_and_is_in_the_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    month(&db);
    let before = json(&db, &["roster", "report", "--format", "json"]);
    let bas = tier(&before, "bas-basic-ac");
    assert_eq!(
        (bas["officers"].as_u64(), bas["exempt"].as_u64()),
        (Some(3), Some(0))
    );
    assert_eq!(bas["hours_target"].as_f64(), Some(156.0));

    let (code, out, err) = run_as(
        &db,
        "gad.cell",
        &[
            "roster",
            "exempt",
            "sunita",
            "--reason",
            "Deputation to the Election Commission",
            "--until",
            "31.03.2027",
        ],
    );
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let after = json(&db, &["roster", "report", "--format", "json"]);
    let bas = tier(&after, "bas-basic-ac");
    assert_eq!(
        (bas["officers"].as_u64(), bas["exempt"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(bas["hours_target"].as_f64(), Some(104.0));
    let roster = json(&db, &["roster", "--json"]);
    assert_eq!(
        officer(&roster, "sunita.devi@bihar.gov.in")["verdict"],
        "exempt"
    );

    let log = json(&db, &["roster", "audit", "--json"]);
    let exempt = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["change"] == "exempt")
        .unwrap_or_else(|| panic!("{log}"));
    assert_eq!(exempt["user"], "gad.cell");
    assert_eq!(exempt["officer"], "sunita.devi@bihar.gov.in");
    assert_eq!(
        exempt["detail"]["reason"],
        "Deputation to the Election Commission"
    );
    assert_eq!(exempt["detail"]["until"], "2027-03-31");
    assert_eq!(
        exempt["text"],
        "exempt: sunita.devi@bihar.gov.in from every requirement until 31.03.2027: Deputation to the Election Commission"
    );
    assert_eq!(
        log.as_array()
            .unwrap()
            .iter()
            .filter(|e| e["change"] == "import")
            .count(),
        2
    );

    ok(&db, &["roster", "unexempt", "sunita"]);
    let again = json(&db, &["roster", "report", "--format", "json"]);
    assert_eq!(tier(&again, "bas-basic-ac")["officers"].as_u64(), Some(3));
    let log = json(&db, &["roster", "audit", "--json"]);
    assert_eq!(
        log.as_array().unwrap().last().unwrap()["change"],
        "unexempt"
    );
    // Lifting it twice: nothing to lift, one line, exit 2.
    let (code, _, err) = run(&db, TODAY, &["roster", "unexempt", "sunita"]);
    assert_eq!(code, 2);
    assert!(err.contains("has no exemption to lift"), "{err}");
}

#[test]
fn an_exemption_from_one_requirement_names_a_requirement_the_officer_has() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    month(&db);
    let (code, _, err) = run(
        &db,
        TODAY,
        &[
            "roster",
            "exempt",
            "imran",
            "--reason",
            "Leave",
            "--requirement",
            "yoga",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("--requirement: Md. Imran Alam has no requirement \"yoga\": give one of"),
        "{err}"
    );
    assert!(err.contains("hours"), "{err}");
    let (code, _, err) = run(&db, TODAY, &["roster", "exempt", "imran", "--reason", "  "]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("karmadash: --reason") || err.contains("--reason: say why"),
        "{err}"
    );
    // Exempt from the hours only: the hours leave the verdict, the rest stays.
    ok(
        &db,
        &[
            "roster",
            "exempt",
            "imran",
            "--reason",
            "Medical leave",
            "--requirement",
            "hours-per-fy",
        ],
    );
    let roster = json(&db, &["roster", "--json"]);
    let imran = officer(&roster, "imran.alam@bihar.gov.in");
    assert!(
        imran["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["kind"] != "hours-per-fy"),
        "{imran}"
    );
    assert_eq!(imran["verdict"], "behind");
}

#[test]
fn an_exemption_from_one_requirement_is_shown_where_the_requirement_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    month(&db);
    ok(
        &db,
        &[
            "roster",
            "exempt",
            "sunita",
            "--reason",
            "Training abroad",
            "--requirement",
            "hours-per-fy",
            "--until",
            "31.03.2027",
        ],
    );
    let show = ok(&db, &["roster", "show", "sunita"]);
    assert!(
        show.contains(
            "Exempt from hours-per-fy since 23.11.2026 until 31.03.2027: Training abroad\n"
        ),
        "{show}"
    );
    // It is said once, not again among the flags that change no count.
    assert_eq!(show.matches("Training abroad").count(), 1, "{show}");
    let roster = json(&db, &["roster", "--json"]);
    let sunita = officer(&roster, "sunita.devi@bihar.gov.in");
    assert_eq!(flags(sunita), vec!["exempt-requirement"], "{sunita}");
    assert_eq!(
        sunita["flags"][0]["text"],
        "exempt from hours-per-fy since 23.11.2026 until 31.03.2027: Training abroad"
    );
    let table = ok(&db, &["roster"]);
    let line = table
        .lines()
        .find(|l| l.starts_with("Sunita Devi"))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(line.ends_with("exempt-requirement"), "{line}");
    // Lifted, the mark goes with it.
    ok(&db, &["roster", "unexempt", "sunita"]);
    let show = ok(&db, &["roster", "show", "sunita"]);
    assert!(!show.contains("Exempt from"), "{show}");
    let roster = json(&db, &["roster", "--json"]);
    assert!(flags(officer(&roster, "sunita.devi@bihar.gov.in")).is_empty());
}

#[test]
fn the_audit_log_survives_export_and_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    month(&db);
    ok(&db, &["roster", "expect", &fixture("month/officers.csv")]);
    let log = json(&db, &["roster", "audit", "--json"]);
    assert_eq!(log.as_array().unwrap().len(), 3);
    let export = dir.path().join("export.json");
    ok(&db, &["export", &export.display().to_string()]);
    // A fresh store takes the log; the same store again keeps one copy.
    let other = dir.path().join("other");
    ok(&other, &["import", &export.display().to_string()]);
    assert_eq!(json(&other, &["roster", "audit", "--json"]), log);
    ok(&db, &["import", &export.display().to_string()]);
    assert_eq!(json(&db, &["roster", "audit", "--json"]), log);
}

#[test]
fn two_imports_are_two_snapshots_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    month(&db);
    let history = json(&db, &["roster", "history", "--json"]);
    let bas: Vec<&Value> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["tier"] == "bas-basic-ac")
        .collect();
    assert_eq!(bas.len(), 2, "{history}");
    assert_eq!(bas[0]["at"], "2026-10-01T07:30:00");
    assert_eq!(bas[1]["at"], "2026-11-22T07:30:00");
    assert_eq!(
        bas[0]["department"],
        "General Administration Department, Bihar"
    );
    assert!(bas[0]["seconds_done"].as_u64() < bas[1]["seconds_done"].as_u64());
    assert_eq!(bas[1]["seconds_done"].as_u64(), Some(104 * 3600 + 15 * 60));
    assert_eq!(
        (bas[1]["officers"].as_u64(), bas[1]["behind"].as_u64()),
        (Some(3), Some(2))
    );
    let csv = ok(&db, &["roster", "history", "--csv"]);
    assert!(
        csv.starts_with("at,department,tier,officers,on_pace,behind,hours_done,hours_target\n"),
        "{csv}"
    );
    assert!(csv.contains("2026-10-01T07:30:00,\"General Administration Department, Bihar\",bas-basic-ac,3,1,2,84.50,156"), "{csv}");
    // The same files again are no new import, and no new snapshot.
    month(&db);
    assert_eq!(json(&db, &["roster", "history", "--json"]), history);
}

#[test]
fn notices_are_written_in_english_and_in_the_orders_hindi() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    month(&db);
    ok(&db, &["roster", "expect", &fixture("month/officers.csv")]);
    let out_dir = dir.path().join("notices");
    let d = out_dir.display().to_string();
    let said = ok(&db, &["roster", "notices", "--out", &d]);
    assert!(
        said.contains("1 letter for 5 officers behind, overdue or unregistered"),
        "{said}"
    );
    let en =
        std::fs::read_to_string(out_dir.join("general-administration-department-bihar.en.txt"))
            .unwrap();
    assert!(en.contains("Md. Imran Alam, Section Officer <imran.alam@bihar.gov.in>: 2 of 15 mandatory courses done; 5.26 of 52 hours done; by 31.03.2027."), "{en}");
    assert!(en.contains("Rakesh Ranjan, Deputy Collector <rakesh.ranjan@bihar.gov.in>: not registered on the iGOT Karmayogi portal"), "{en}");
    assert!(
        en.contains("Memo 18/प्र0शि0-01-02/2026-4463 of 06.03.2026"),
        "{en}"
    );
    assert!(!en.contains("Anjali"), "on pace: no notice\n{en}");
    let csv = std::fs::read_to_string(out_dir.join("notices.en.csv")).unwrap();
    assert!(csv.starts_with("email,name,subject,body\n"), "{csv}");
    assert!(csv.contains("imran.alam@bihar.gov.in,Md. Imran Alam,Mandatory iGOT training: complete it by 31.03.2027,"), "{csv}");

    ok(&db, &["roster", "notices", "--out", &d, "--lang", "hi"]);
    let hi =
        std::fs::read_to_string(out_dir.join("general-administration-department-bihar.hi.txt"))
            .unwrap();
    for words in [
        "अनिवार्य प्रशिक्षण",
        "समय-सीमा",
        "अनुपालन",
        "52 घंटों में से 5.26 घंटे पूर्ण",
    ] {
        assert!(hi.contains(words), "{words}\n{hi}");
    }
    let csv = std::fs::read_to_string(out_dir.join("notices.hi.csv")).unwrap();
    assert!(
        csv.contains("iGOT कर्मयोगी: अनिवार्य प्रशिक्षण की समय-सीमा 31.03.2027"),
        "{csv}"
    );

    // A cell's own template, through --data DIR.
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("notices")).unwrap();
    std::fs::write(
        data.join("notices/letter-en.txt"),
        "OWN {department}: {count}\n{defaulters}\n",
    )
    .unwrap();
    ok(
        &db,
        &[
            "roster",
            "notices",
            "--out",
            &d,
            "--data",
            &data.display().to_string(),
        ],
    );
    let own =
        std::fs::read_to_string(out_dir.join("general-administration-department-bihar.en.txt"))
            .unwrap();
    assert!(
        own.starts_with("OWN General Administration Department, Bihar: 5\n1. "),
        "{own}"
    );

    let (code, _, err) = run(
        &db,
        TODAY,
        &["roster", "notices", "--out", &d, "--mdo", "Home Department"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("--mdo: no department \"Home Department\" in the roster: give one of General Administration Department, Bihar"), "{err}");
}
