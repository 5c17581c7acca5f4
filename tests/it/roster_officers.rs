//! What the roster says about each officer, through the real binary: who
//! is behind (and only they), registration known from the reports, an
//! older report never rolling newer figures back, officers whose rows could
//! not be read flagged, a tier that names its service, officers found by a
//! name or e-mail prefix, and a cell's designations.toml in `--data DIR`.

use crate::bin_fixtures::run_on as run_in;
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

#[test]
fn a_cells_designations_toml_in_its_data_dir_places_officers_and_breaks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(
        data.join("designations.toml"),
        "[[designation]]\nnames = [\"Block Development Officer\"]\ntiers = { bas = \"bas-basic-ac\" }\n",
    )
    .unwrap();
    let data = data.to_str().unwrap();
    let file = report(
        dir.path(),
        "ConsumptionReport.csv",
        &[done(
            "Pooja Sinha",
            "pooja@x.in",
            "Yuva AI for All",
            "02:00:00",
            "2026-06-01",
            "",
        )
        .replace("Deputy Collector", "Block Development Officer")],
    );
    // Every command reads --data DIR: the cell's table is no rulebook.
    ok(&db, &["--data", data, "tiers"]);
    ok(
        &db,
        &[
            "--data",
            data,
            "roster",
            "import",
            "--service",
            "bas",
            &file,
        ],
    );
    let all = officers(&db, &["--data", data, "--service", "bas"]);
    assert_eq!(
        officer(&all, "pooja@x.in")["tier"]["id"],
        "bas-basic-ac",
        "{all:?}"
    );
}

#[test]
fn roster_tier_sets_the_service_the_tier_names_or_refuses_a_tier_of_another_service() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = report(
        dir.path(),
        "ConsumptionReport.csv",
        &[done(
            "Kavya Rao",
            "kavya@x.in",
            "Yuva AI for All",
            "02:00:00",
            "2026-06-01",
            "",
        )
        .replace("Deputy Collector", "Consultant")],
    );
    ok(&db, &["roster", "import", &file]);
    let before = officers(&db, &[]);
    assert_eq!(officer(&before, "kavya@x.in")["verdict"], "unmapped");
    let out = ok(&db, &["roster", "tier", "kavya@x.in", "bas-basic-ac"]);
    assert!(
        out.contains("service") && out.contains("BAS"),
        "says so: {out}"
    );
    let after = officers(&db, &[]);
    let kavya = officer(&after, "kavya@x.in");
    assert_eq!(kavya["tier"]["id"], "bas-basic-ac", "{kavya}");
    assert_ne!(kavya["verdict"], "unmapped");

    // A user report says Imran is BSS: a BAS tier is refused, nothing changes.
    let users = tour_rows(dir.path(), "UserReport.csv", &["imran.alam"]);
    ok(&db, &["roster", "import", &users]);
    let before = officers(&db, &[]);
    let (code, out, err) = run(
        &db,
        &["roster", "tier", "imran.alam@bihar.gov.in", "bas-basic-ac"],
    );
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("BSS") && err.contains("bas-basic-ac"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert_eq!(officers(&db, &[]), before);
}

#[test]
fn an_officer_is_found_by_a_unique_name_or_e_mail_prefix_and_candidates_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let consumption = tour("ConsumptionReport.csv").display().to_string();
    let users = tour("UserReport.csv").display().to_string();
    ok(&db, &["roster", "import", &consumption, &users]);
    // A name prefix, any case; an e-mail prefix.
    let out = ok(&db, &["roster", "show", "sunita"]);
    assert!(
        out.starts_with("Sunita Devi <sunita.devi@bihar.gov.in>"),
        "{out}"
    );
    let out = ok(&db, &["roster", "show", "RAVI.P"]);
    assert!(
        out.starts_with("Ravi Shankar Prasad <ravi.prasad@bihar.gov.in>"),
        "{out}"
    );
    // "a": Anjali's name and e-mail, and the surname of Md. Imran Alam.
    let (code, out, err) = run(&db, &["roster", "show", "a"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.is_empty(), "{out}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "one line, then the candidates: {err}");
    assert!(lines[0].contains("2 officers match 'a'"), "{err}");
    assert!(
        lines[1..]
            .iter()
            .any(|l| l.contains("Anjali Kumari") && l.contains("anjali.kumari@bihar.gov.in")),
        "{err}"
    );
    assert!(
        lines[1..]
            .iter()
            .any(|l| l.contains("Md. Imran Alam") && l.contains("imran.alam@bihar.gov.in")),
        "{err}"
    );
    // The same lookup sets a tier.
    ok(&db, &["roster", "tier", "pooja", "bas-basic-ac"]);
    let all = officers(&db, &[]);
    assert_eq!(
        officer(&all, "pooja.sinha@bihar.gov.in")["tier"]["id"],
        "bas-basic-ac"
    );
    let (code, _, err) = run(&db, &["roster", "tier", "nobody", "bas-basic-ac"]);
    assert_eq!(code, 2);
    assert!(err.contains("no officer 'nobody'"), "{err}");
}

#[test]
fn an_officer_in_a_consumption_report_is_registered_date_unknown_never_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let file = report(
        dir.path(),
        "ConsumptionReport.csv",
        &[done(
            "Sunita Devi",
            "sunita@x.in",
            "Yuva AI for All",
            "02:00:00",
            "2026-03-20",
            "",
        )],
    );
    ok(&db, &["roster", "import", "--service", "bas", &file]);
    let (code, out, err) = run_in(
        &db,
        "2026-03-25",
        &["roster", "show", "sunita@x.in", "--service", "bas"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("registered, date unknown; met"), "{out}");
    let (_, json, _) = run_in(&db, "2026-03-25", &["roster", "--json", "--service", "bas"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let o = &v["officers"][0];
    assert_ne!(o["verdict"], "overdue", "{o}");
    let reg = o["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "registration")
        .expect("the Bihar registration");
    assert_eq!(reg["met"], true, "{reg}");
    assert_eq!(reg["standing"], "met", "{reg}");
    assert_eq!(reg["done_on"], Value::Null, "{reg}");
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
fn an_older_report_never_rolls_newer_figures_back_and_updated_counts_changed_figures() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let row = |who: &str, course: &str, on: &str, generated: &str| {
        done(
            who,
            &format!("{}@x.in", who.to_lowercase()),
            course,
            "02:00:00",
            on,
            generated,
        )
    };
    let newer = "2026-11-29 07:30:00 AM";
    let older = "2026-11-22 07:30:00 AM";
    let n29 = report(
        dir.path(),
        "Consumption-29.11.csv",
        &[
            row("Asha", "Yuva AI for All", "2026-06-01", newer),
            row("Asha", "Office Procedure", "2026-11-20", newer),
            row("Bala", "Yuva AI for All", "2026-06-01", newer),
        ],
    );
    let o22 = report(
        dir.path(),
        "Consumption-22.11.csv",
        &[
            row("Asha", "Yuva AI for All", "2026-06-01", older),
            row("Bala", "Yuva AI for All", "2026-06-01", older),
        ],
    );
    ok(&db, &["roster", "import", "--service", "bas", &n29]);
    let out = ok(&db, &["roster", "import", "--service", "bas", &o22]);
    assert!(out.contains("0 updated"), "{out}");
    assert!(
        out.contains("Older than the reports already imported for 2 officers")
            && out.contains("recorded as history"),
        "{out}"
    );
    let all = officers(&db, &["--service", "bas"]);
    assert_eq!(
        hours_seconds(officer(&all, "asha@x.in")),
        4 * 3600,
        "not rolled back"
    );
    assert!(!flag_kinds(officer(&all, "asha@x.in")).contains(&"not-in-latest-report".to_string()));

    // A newer file with Asha's figures unchanged and one more course for
    // Bala: one updated, one unchanged (a new file name is no new figure).
    let d30 = "2026-11-30 07:30:00 AM";
    let n30 = report(
        dir.path(),
        "Consumption-30.11.csv",
        &[
            row("Asha", "Yuva AI for All", "2026-06-01", d30),
            row("Asha", "Office Procedure", "2026-11-20", d30),
            row("Bala", "Yuva AI for All", "2026-06-01", d30),
            row("Bala", "Office Procedure", "2026-11-21", d30),
        ],
    );
    let out = ok(&db, &["roster", "import", "--service", "bas", &n30]);
    assert!(out.contains("0 added, 1 updated, 1 unchanged"), "{out}");
    assert!(!out.contains("Older"), "{out}");
}

#[test]
fn without_a_generation_time_the_files_time_orders_reports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let a = report(
        dir.path(),
        "a.csv",
        &[
            done(
                "Asha",
                "asha@x.in",
                "Yuva AI for All",
                "02:00:00",
                "2026-06-01",
                "",
            ),
            done(
                "Asha",
                "asha@x.in",
                "Office Procedure",
                "02:00:00",
                "2026-07-01",
                "",
            ),
        ],
    );
    let b = report(
        dir.path(),
        "b.csv",
        &[done(
            "Asha",
            "asha@x.in",
            "Yuva AI for All",
            "02:00:00",
            "2026-06-01",
            "",
        )],
    );
    let day = |d: u64| std::time::UNIX_EPOCH + std::time::Duration::from_secs(d * 86_400);
    let set = |p: &str, t| {
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(t)
            .unwrap()
    };
    set(&a, day(20_600));
    set(&b, day(20_590));
    ok(&db, &["roster", "import", "--service", "bas", &a]);
    let out = ok(&db, &["roster", "import", "--service", "bas", &b]);
    assert!(out.contains("recorded as history"), "{out}");
    let all = officers(&db, &["--service", "bas"]);
    assert_eq!(hours_seconds(officer(&all, "asha@x.in")), 4 * 3600);
}

#[test]
fn an_officer_whose_rows_could_not_be_read_is_flagged_and_the_report_counts_each_files_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let users = dir.path().join("UserReport.csv");
    std::fs::write(
        &users,
        "Full_Name,Designation,Email,User_Registration_Date,Civil Services,Cadre Batch\n\
         Asha,Deputy Collector,asha@x.in,2026-03-10,Bihar Administrative Service,2016\n\
         Bala,Deputy Collector,bala@x.in,2026-03-10,Bihar Administrative Service,2016\n",
    )
    .unwrap();
    let consumption = report(
        dir.path(),
        "ConsumptionReport.csv",
        &[
            done(
                "Asha",
                "asha@x.in",
                "Yuva AI for All",
                "02:00:00",
                "2026-06-01",
                "",
            ),
            done(
                "Bala",
                "bala@x.in",
                "Yuva AI for All",
                "1:75:00",
                "2026-06-01",
                "",
            ),
            done(
                "Bala",
                "bala@x.in",
                "Office Procedure",
                "9:99:99",
                "2026-07-01",
                "",
            ),
        ],
    );
    let (code, out, err) = run(
        &db,
        &["roster", "import", &consumption, users.to_str().unwrap()],
    );
    assert_eq!(code, 1, "{out}{err}");
    let all = officers(&db, &[]);
    let bala = officer(&all, "bala@x.in");
    assert!(
        flag_kinds(bala).contains(&"rows-unreadable".to_string()),
        "{bala}"
    );
    assert!(
        bala["flags"]
            .to_string()
            .contains("2 rows of the reports could not be read"),
        "{bala}"
    );
    assert!(flag_kinds(officer(&all, "asha@x.in")).is_empty());
    let table = ok(&db, &["roster"]);
    assert!(table.contains("rows-unreadable"), "{table}");
    let md = ok(&db, &["roster", "report"]);
    assert!(
        md.contains(&format!(
            "{consumption} (consumption report): 1 row read, 2 refused"
        )),
        "{md}"
    );
    assert!(
        md.contains(&format!(
            "{} (users report): 2 rows read, 0 refused",
            users.display()
        )),
        "{md}"
    );
}

/// A consumption report of one department (`MDO_Name`), one completion an officer.
fn department_report(dir: &Path, name: &str, mdo: &str, who: &[(&str, &str)]) -> String {
    let path = dir.join(name);
    let mut text = format!("{HEADER},MDO_Name\n");
    for (officer, email) in who {
        let row = done(
            officer,
            email,
            "Yuva AI for All",
            "04:30:00",
            "2026-10-01",
            "2026-11-22 07:30:00",
        );
        text.push_str(&format!("{row},{mdo}\n"));
    }
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn one_departments_report_never_marks_another_departments_officers_missing() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("db");
    let gad = department_report(
        home.path(),
        "gad.csv",
        "General Administration Department",
        &[
            ("Anjali Kumari", "anjali@bihar.gov.in"),
            ("Ravi Prasad", "ravi@bihar.gov.in"),
        ],
    );
    let revenue = department_report(
        home.path(),
        "revenue.csv",
        "Revenue and Land Reforms Department",
        &[("Farha Naaz", "farha@bihar.gov.in")],
    );
    ok(&db, &["roster", "import", "--service", "bas", &gad]);
    ok(&db, &["roster", "import", "--service", "bas", &revenue]);
    let all = officers(&db, &[]);
    for id in [
        "anjali@bihar.gov.in",
        "ravi@bihar.gov.in",
        "farha@bihar.gov.in",
    ] {
        let flags = flag_kinds(officer(&all, id));
        assert!(
            !flags.contains(&"not-in-latest-report".to_string()),
            "{id}: {flags:?}"
        );
    }

    // GAD's next report without Ravi: he, and only he, is missing from it.
    let later = department_report(
        home.path(),
        "gad-later.csv",
        "General Administration Department",
        &[("Anjali Kumari", "anjali@bihar.gov.in")],
    );
    ok(&db, &["roster", "import", "--service", "bas", &later]);
    let all = officers(&db, &[]);
    let missing: Vec<&str> = all
        .iter()
        .filter(|o| flag_kinds(o).contains(&"not-in-latest-report".to_string()))
        .map(|o| o["officer"].as_str().unwrap())
        .collect();
    assert_eq!(missing, ["ravi@bihar.gov.in"]);
}

/// A UserReport (and a CBP enrolment report) carries its own
/// `Report_Last_Generated_On`: a copy of the file, made later (a fresh
/// clone, an unzipped download), is still dated when the portal made it.
#[test]
fn a_user_reports_own_generation_time_dates_it_not_the_files_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let users = dir.path().join("UserReport.csv");
    std::fs::copy(tour("UserReport.csv"), &users).unwrap();
    let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(18_000 * 86_400);
    std::fs::File::options()
        .write(true)
        .open(&users)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    let out = ok(
        &db,
        &["roster", "import", "--json", users.to_str().unwrap()],
    );
    let json: Value = serde_json::from_str(&out).unwrap();
    let file = &json["files"][0];
    assert_eq!(file["kind"], "users", "{out}");
    assert_eq!(file["generated_on"], "2026-11-22 07:30:00", "{out}");
    assert_eq!(file["snapshot_at"], "2026-11-22T07:30:00", "{out}");
}
