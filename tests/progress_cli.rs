//! The real `karmadash` binary recording progress on a temporary store:
//! profile, done, log, remove, assign, assessment, status, plan, report,
//! and bad input (exit 2, one line on stderr, the store unchanged).
//!
//! Every run passes `--db <tempdir>/db` and `--today 2026-11-23` and clears
//! the KARMADASH_* variables, so nothing depends on the caller's machine.

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;
use tempfile::TempDir;

const TODAY: &str = "2026-11-23";

// ---------------------------------------------------------------------------
// Helpers

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// One temporary store.
struct Store {
    _dir: TempDir,
    db: PathBuf,
}

impl Store {
    fn new() -> Store {
        let dir = tempfile::tempdir().expect("a temp dir");
        let db = dir.path().join("db");
        Store { _dir: dir, db }
    }

    fn cmd(&self) -> Command {
        let mut cmd = cargo_bin_cmd!("karmadash");
        cmd.env_remove("KARMADASH_DATA")
            .env_remove("KARMADASH_TODAY")
            .env_remove("KARMADASH_DB")
            .env("NO_COLOR", "1")
            .arg("--db")
            .arg(&self.db)
            .args(["--today", TODAY]);
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        let out = self.cmd().args(args).output().expect("the binary runs");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
            stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
        }
    }

    fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(
            r.code, 0,
            "karmadash {args:?} failed:\n{}\n{}",
            r.stdout, r.stderr
        );
        r.stdout
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}):\n{out}"))
    }

    /// Runs a command that must fail with exit 2, a single stderr line, and
    /// leave the store exactly as it was.
    fn refused(&self, args: &[&str]) -> String {
        let before = self.export();
        let r = self.run(args);
        assert_eq!(r.code, 2, "karmadash {args:?}: {}\n{}", r.stdout, r.stderr);
        assert_one_line(&r.stderr, args);
        assert_eq!(
            self.export(),
            before,
            "karmadash {args:?} changed the store"
        );
        r.stderr
    }

    fn export(&self) -> String {
        self.ok(&["export"])
    }

    fn profile_delhi_ias(&self) {
        self.ok(&[
            "profile",
            "set",
            "--service",
            "ias",
            "--batch",
            "2012",
            "--state",
            "delhi",
        ]);
    }

    fn done(&self, course: &str, hours: &str, date: &str) -> Value {
        self.json(&["done", course, "--hours", hours, "--date", date, "--json"])
    }
}

fn assert_one_line(stderr: &str, args: &[&str]) {
    let lines: Vec<&str> = stderr.trim_end().lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "{args:?}: stderr is not one line:\n{stderr}"
    );
    assert!(
        lines[0].starts_with("karmadash: "),
        "{args:?}: stderr does not start with the program name: {stderr}"
    );
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

fn sorted(mut v: Vec<&str>) -> Vec<&str> {
    v.sort_unstable();
    v
}

fn requirement<'a>(status: &'a Value, kind: &str, rulebook: &str) -> &'a Value {
    let found: Vec<&Value> = status["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == kind && r["rulebook"] == rulebook)
        .collect();
    assert_eq!(found.len(), 1, "one {kind} of {rulebook}: {status:#}");
    found[0]
}

// ---------------------------------------------------------------------------
// profile

#[test]
fn profile_set_then_show_in_text_and_json_with_the_tier_basis() {
    let s = Store::new();
    let out = s.ok(&[
        "profile",
        "set",
        "--service",
        "IAS",
        "--batch",
        "2012",
        "--state",
        "Delhi",
        "--name",
        "A. Officer",
        "--registered",
        "2025-10-01",
    ]);
    assert!(
        out.starts_with("Profile saved. Tier: ias-10-16 (14 years of service in FY 2026-27 (2026 minus batch 2012)"),
        "{out}"
    );
    let text = s.ok(&["profile"]);
    for want in [
        "Name:       A. Officer",
        "Service:    IAS (Indian Administrative Service)",
        "State:      delhi",
        "Batch:      2012",
        "Registered: 2025-10-01",
        "Tier 2026-27: ias-10-16 (14 years of service in FY 2026-27 (2026 minus batch 2012): IAS, above 9 to 16 years of service)",
        "delhi-om-2026-01-02",
        "dopt-ias-list-2025-10-16",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    assert!(!text.contains("bihar"), "{text}");

    let j = s.json(&["profile", "--json"]);
    assert_eq!(keys(&j), ["fy", "profile", "rulebooks", "tier"]);
    assert_eq!(j["fy"], "2026-27");
    assert_eq!(j["profile"]["service"], "ias");
    assert_eq!(j["profile"]["state"], "delhi");
    assert_eq!(j["profile"]["batch"], 2012);
    assert_eq!(j["profile"]["name"], "A. Officer");
    assert_eq!(j["profile"]["registered"], "2025-10-01");
    assert_eq!(keys(&j["tier"]), ["basis", "id"]);
    assert_eq!(j["tier"]["id"], "ias-10-16");
    assert!(j["tier"]["basis"]
        .as_str()
        .unwrap()
        .contains("14 years of service"));
    assert_eq!(
        j["rulebooks"],
        serde_json::json!([
            "dopt-om-2025-07-04",
            "dopt-ais-2025-09-03",
            "dopt-ias-list-2025-10-16",
            "delhi-om-2026-01-02"
        ])
    );
}

#[test]
fn profile_set_again_replaces_it_and_a_tier_by_hand_says_so() {
    let s = Store::new();
    s.profile_delhi_ias();
    let out = s.ok(&[
        "profile",
        "set",
        "--service",
        "bas",
        "--state",
        "bihar",
        "--tier",
        "bas-basic-ac",
    ]);
    assert!(out.contains("Tier: bas-basic-ac (set by hand"), "{out}");
    let j = s.json(&["profile", "--json"]);
    assert_eq!(j["profile"]["service"], "bas");
    assert_eq!(j["profile"]["batch"], Value::Null, "the old batch is gone");
    assert_eq!(j["tier"]["id"], "bas-basic-ac");
    assert_eq!(
        j["rulebooks"],
        serde_json::json!(["bihar-bas-order-2026-03-06", "bihar-schedules-2026-05-15"])
    );
}

#[test]
fn profile_without_one_and_unusable_profiles_are_refused() {
    let s = Store::new();
    let e = s.refused(&["profile"]);
    assert!(e.contains("profile set"), "{e}");
    let e = s.refused(&["profile", "set", "--service", "ifs"]);
    assert!(
        e.contains("unknown service") && e.contains("ias, bas"),
        "{e}"
    );
    let e = s.refused(&["profile", "set", "--service", "ias"]);
    assert!(e.contains("--batch"), "{e}");
    let e = s.refused(&["profile", "set", "--service", "bas", "--state", "bihar"]);
    assert!(e.contains("bas-js-ss") && e.contains("bas-basic-ac"), "{e}");
    let e = s.refused(&["profile", "set", "--service", "bss", "--tier", "bas-js-ss"]);
    assert!(e.contains("BAS"), "{e}");
    let e = s.refused(&["profile", "set", "--service", "ias", "--batch", "2030"]);
    assert!(e.contains("2030"), "{e}");
    s.refused(&[
        "profile",
        "set",
        "--service",
        "ias",
        "--batch",
        "2012",
        "--registered",
        "2026-12-01",
    ]);
    assert!(!s.db.exists(), "a refused profile creates no store");
}

// ---------------------------------------------------------------------------
// done, log, remove

#[test]
fn done_accepts_a_title_in_any_case_an_alias_a_listing_id_and_other_courses() {
    let s = Store::new();
    let c = s.done("genai for EVERYONE", "4", "2026-05-10");
    assert_eq!(c["title"], "GenAI for Everyone");
    assert_eq!(c["in_catalogue"], true);
    assert_eq!(c["id"], 1);

    let c = s.done(
        "Using Behaviour Science for Climate Adaptation",
        "1:30",
        "2026-06-01",
    );
    assert_eq!(
        c["title"], "Using Behaviour Science for Climate Adaptation and Mitigation",
        "the alias resolves to the course"
    );
    assert_eq!(c["hours"], 1.5);

    let c = s.done("bas-basic-ac/m8", "01:45:00", "2026-06-02");
    assert_eq!(c["title"], "Reduction");
    assert_eq!(c["hours"], 1.75);

    // Several words without quotes are one title.
    let out = s.ok(&[
        "done",
        "Yuva",
        "AI",
        "for",
        "All",
        "--hours",
        "2",
        "--date",
        "02.07.2026",
    ]);
    assert_eq!(out, "", "silent on success");

    let c = s.json(&[
        "done",
        "--other",
        "Some Other iGOT Course",
        "--hours",
        "0.5",
        "--date",
        "2026-03-31",
        "--certificate",
        "CERT-42",
        "--json",
    ]);
    assert_eq!(c["in_catalogue"], false);
    assert_eq!(c["certificate"], "CERT-42");
    assert_eq!(c["fy"], "2025-26");

    // A listed course refuses --other, so it never misses its lists.
    let e = s.refused(&[
        "done",
        "--other",
        "cybersecurity",
        "--hours",
        "1",
        "--date",
        "2026-05-01",
    ]);
    assert!(e.contains("without --other"), "{e}");

    let log = s.json(&["log", "--json"]);
    let titles: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Some Other iGOT Course",
            "GenAI for Everyone",
            "Using Behaviour Science for Climate Adaptation and Mitigation",
            "Reduction",
            "Yuva AI for All"
        ],
        "sorted by date"
    );
}

#[test]
fn done_without_a_date_means_today() {
    let s = Store::new();
    let c = s.json(&["done", "cybersecurity", "--hours", "1", "--json"]);
    assert_eq!(c["date"], TODAY);
}

#[test]
fn log_json_has_stable_keys_and_filters_by_year() {
    let s = Store::new();
    s.done("genai for everyone", "4", "2026-05-10");
    s.json(&[
        "done",
        "--other",
        "Old Course",
        "--hours",
        "2.25",
        "--date",
        "2026-03-31",
        "--certificate",
        "C-1",
        "--json",
    ]);
    let all = s.json(&["log", "--json"]);
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 2);
    for c in all {
        assert_eq!(
            keys(c),
            sorted(vec![
                "id",
                "course",
                "title",
                "in_catalogue",
                "date",
                "hours",
                "certificate",
                "fy"
            ])
        );
    }
    assert_eq!(all[0]["course"], "old course");
    assert_eq!(all[0]["hours"], 2.25);
    assert_eq!(all[0]["certificate"], "C-1");
    assert_eq!(all[0]["fy"], "2025-26");
    assert_eq!(all[1]["course"], "genai for everyone");
    assert_eq!(all[1]["certificate"], Value::Null);
    assert_eq!(all[1]["fy"], "2026-27");

    let this = s.json(&["log", "--fy", "2026-27", "--json"]);
    assert_eq!(this.as_array().unwrap().len(), 1);
    assert_eq!(this[0]["id"], all[1]["id"]);
    let last = s.json(&["log", "--fy", "2025", "--json"]);
    assert_eq!(last[0]["id"], all[0]["id"]);
    assert_eq!(
        s.json(&["log", "--fy", "2024-25", "--json"]),
        serde_json::json!([])
    );
    let e = s.refused(&["log", "--fy", "2026-28"]);
    assert!(e.contains("2026-27"), "{e}");

    let text = s.ok(&["log"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("ID  DATE"), "{text}");
    assert!(
        lines[1].contains("2026-03-31")
            && lines[1].contains("2.25")
            && lines[1].contains("Old Course (other)")
    );
    assert!(lines[2].contains("GenAI for Everyone") && lines[2].contains("4.00"));
}

#[test]
fn an_empty_log_says_how_to_start() {
    let s = Store::new();
    assert!(s.ok(&["log"]).contains("karmadash done"));
    assert_eq!(s.json(&["log", "--json"]), serde_json::json!([]));
}

#[test]
fn remove_deletes_by_id_and_ids_are_never_reused() {
    let s = Store::new();
    let a = s.done("genai for everyone", "4", "2026-05-10");
    let b = s.done("cybersecurity", "1", "2026-05-11");
    assert_eq!(s.ok(&["remove", &a["id"].to_string()]), "");
    let log = s.json(&["log", "--json"]);
    assert_eq!(log.as_array().unwrap().len(), 1);
    assert_eq!(log[0]["id"], b["id"]);
    let e = s.refused(&["remove", &a["id"].to_string()]);
    assert!(e.contains("no completion has id"), "{e}");
    // The course can be recorded again once removed, with a fresh id.
    let c = s.done("genai for everyone", "3", "2026-05-12");
    assert!(c["id"].as_u64().unwrap() > b["id"].as_u64().unwrap(), "{c}");
    // clap's own usage errors span several lines, but still exit 2 and change nothing.
    let before = s.export();
    assert_eq!(s.run(&["remove", "not-a-number"]).code, 2);
    assert_eq!(s.export(), before);
}

// ---------------------------------------------------------------------------
// assign, assessment

#[test]
fn assigned_courses_and_the_assessment_show_in_status() {
    let s = Store::new();
    s.profile_delhi_ias();
    assert_eq!(
        s.ok(&["assign", "Office", "Procedure", "--due", "2027-01-31"]),
        ""
    );
    s.ok(&["assign", "Departmental Course On Delhi Excise"]);
    let st = s.json(&["status", "--json"]);
    let a = requirement(&st, "assigned-courses", "delhi-om-2026-01-02");
    assert_eq!(
        (a["done"].as_f64(), a["target"].as_f64()),
        (Some(0.0), Some(2.0))
    );
    assert_eq!(
        a["open"],
        serde_json::json!(["Departmental Course On Delhi Excise", "Office Procedure"])
    );
    let x = requirement(&st, "assessment-passed", "dopt-om-2025-07-04");
    assert_eq!(x["met"], false);

    s.done("office procedure", "2", "2026-11-01");
    s.ok(&[
        "done",
        "--other",
        "departmental course on delhi excise",
        "--hours",
        "1",
        "--date",
        "2026-11-02",
    ]);
    assert_eq!(s.ok(&["assessment", "--passed", "2026-08-14"]), "");
    let st = s.json(&["status", "--json"]);
    let a = requirement(&st, "assigned-courses", "delhi-om-2026-01-02");
    assert_eq!(a["met"], true, "{a:#}");
    assert_eq!(a["done"], 2);
    let x = requirement(&st, "assessment-passed", "dopt-om-2025-07-04");
    assert_eq!(x["met"], true);

    let exported: Value = serde_json::from_str(&s.export()).unwrap();
    assert_eq!(exported["assignments"][0]["assigned"], TODAY);
    assert_eq!(exported["assignments"][0]["due"], "2027-01-31");
    assert_eq!(exported["assessments"][0]["passed"], "2026-08-14");

    s.refused(&["assessment", "--passed", "2026-11-24"]);
    s.refused(&["assessment", "--passed", "2026-13-01"]);
    s.refused(&["assign", "Something", "--due", "2019-01-01"]);
}

// ---------------------------------------------------------------------------
// status

#[test]
fn status_json_has_the_documented_keys_and_traces_each_requirement() {
    let s = Store::new();
    s.profile_delhi_ias();
    s.done("genai for everyone", "4", "2026-05-10");
    let st = s.json(&["status", "--json"]);
    for k in ["fy", "as_of", "profile", "tier", "requirements", "on_track"] {
        assert!(st.get(k).is_some(), "status --json lacks {k}: {st:#}");
    }
    assert_eq!(st["fy"], "2026-27");
    assert_eq!(st["as_of"], TODAY);
    assert_eq!(st["profile"]["service"], "ias");
    assert_eq!(keys(&st["tier"]), ["basis", "id"]);
    assert_eq!(st["tier"]["id"], "ias-10-16");
    assert_eq!(st["on_track"], false, "H1 own choice is overdue");
    let reqs = st["requirements"].as_array().unwrap();
    assert_eq!(reqs.len(), 8, "{st:#}");
    let applicable = [
        "dopt-om-2025-07-04",
        "dopt-ais-2025-09-03",
        "dopt-ias-list-2025-10-16",
        "delhi-om-2026-01-02",
    ];
    for r in reqs {
        for k in [
            "kind",
            "rulebook",
            "citation",
            "text",
            "done",
            "target",
            "unit",
            "met",
            "due",
            "days_left",
        ] {
            assert!(r.get(k).is_some(), "a requirement lacks {k}: {r:#}");
        }
        assert!(
            applicable.contains(&r["rulebook"].as_str().unwrap()),
            "{r:#}"
        );
        assert!(!r["citation"].as_str().unwrap().is_empty());
        let met = r["met"].as_bool().unwrap();
        assert_eq!(
            met,
            r["done"].as_f64().unwrap() >= r["target"].as_f64().unwrap(),
            "{r:#}"
        );
        if let Some(due) = r["due"].as_str() {
            let due = chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d").unwrap();
            let today = chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
            assert_eq!(r["days_left"].as_i64().unwrap(), (due - today).num_days());
        } else {
            assert_eq!(r["days_left"], Value::Null);
        }
    }
    let m = requirement(&st, "all-mandatory", "dopt-ias-list-2025-10-16");
    assert_eq!(
        (m["done"].as_u64(), m["target"].as_u64()),
        (Some(1), Some(3))
    );
    assert_eq!(m["unit"], "courses");
    assert_eq!(m["due"], "2027-03-31");
    assert_eq!(m["days_left"], 128);
    assert!(m["citation"].as_str().unwrap().contains("16.10.2025"));

    // Text mode prints each requirement with its citation and the counting rule.
    let text = s.ok(&["status"]);
    assert!(
        text.starts_with("Financial year 2026-27 as of 23.11.2026. Tier: ias-10-16"),
        "{text}"
    );
    assert!(text.contains("1/3 courses"), "{text}");
    assert!(
        text.contains("No. 11059/03/2025-AIS-III of 16.10.2025, para 2"),
        "{text}"
    );
    assert!(text.contains("OVERDUE"), "{text}");
    assert!(
        text.contains("Counting: a course once completed stays completed"),
        "{text}"
    );
}

#[test]
fn status_short_is_one_line() {
    let s = Store::new();
    s.ok(&[
        "profile",
        "set",
        "--service",
        "bas",
        "--state",
        "bihar",
        "--tier",
        "bas-basic-ac",
    ]);
    s.done("yuva ai for all", "13", "2026-06-01");
    let out = s.ok(&["status", "--short"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("karmadash 2026-27: "), "{out}");
    assert!(out.contains("13.0/52 h"), "{out}");
    assert!(out.contains("next due 31.03.2027 (128 days)"), "{out}");
}

#[test]
fn status_check_exits_1_while_unmet_and_0_once_everything_due_is_met() {
    // BAS in Bihar, FY 2025-26: register (by 21.03.2026) and three courses by 31.03.2026.
    let s = Store::new();
    s.ok(&[
        "profile",
        "set",
        "--service",
        "bas",
        "--state",
        "bihar",
        "--tier",
        "bas-basic-ac",
        "--registered",
        "2026-03-10",
    ]);
    let r = s.run(&["status", "--fy", "2025-26", "--check"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("Financial year 2025-26"),
        "the status is still printed"
    );
    assert!(r.stderr.contains("not met"), "{}", r.stderr);
    assert_one_line(&r.stderr, &["status", "--check"]);

    s.done("yuva ai for all", "2", "2026-01-15");
    s.done("bas-basic-ac/m6", "1", "2026-02-15");
    let r = s.run(&["status", "--fy", "2025-26", "--check"]);
    assert_eq!(r.code, 1, "two of three courses");
    s.ok(&[
        "done",
        "--other",
        "Any iGOT Course",
        "--hours",
        "1",
        "--date",
        "2026-03-31",
    ]);

    let st = s.json(&["status", "--fy", "2025-26", "--check", "--json"]);
    let reqs = st["requirements"].as_array().unwrap();
    assert_eq!(reqs.len(), 2, "{st:#}");
    assert!(reqs.iter().all(|r| r["met"] == true), "{st:#}");
    assert_eq!(st["on_track"], true);
    assert_eq!(st["as_of"], "2026-03-31");
    s.ok(&["status", "--fy", "2025-26", "--check", "--short"]);

    // The current year asks for 52 hours and Schedule A: not met.
    let r = s.run(&["status", "--check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("2026-27"), "{}", r.stderr);
}

#[test]
fn status_without_a_profile_exits_2_with_a_hint() {
    let s = Store::new();
    for args in [
        &["status"][..],
        &["status", "--json"],
        &["plan"],
        &["report"],
    ] {
        let e = s.refused(args);
        assert!(
            e.contains("no profile yet") && e.contains("profile set"),
            "{e}"
        );
    }
    // Recording before the profile is fine; status still asks for one.
    s.done("cybersecurity", "1", "2026-05-01");
    let e = s.refused(&["status", "--short"]);
    assert!(e.contains("profile set"), "{e}");
}

#[test]
fn status_refuses_a_bad_year() {
    let s = Store::new();
    s.profile_delhi_ias();
    let e = s.refused(&["status", "--fy", "26-27"]);
    assert!(e.contains("2026-27"), "{e}");
    // A batch that joins after the year asked for.
    let e = s.refused(&["status", "--fy", "2011-12"]);
    assert!(e.contains("batch 2012"), "{e}");
}

// ---------------------------------------------------------------------------
// plan, report

#[test]
fn plan_lists_open_mandatory_courses_and_the_hours_per_week() {
    let s = Store::new();
    s.ok(&[
        "profile",
        "set",
        "--service",
        "bas",
        "--state",
        "bihar",
        "--tier",
        "bas-basic-ac",
    ]);
    s.done("yuva ai for all", "10", "2026-06-01");
    let p = s.json(&["plan", "--json"]);
    assert_eq!(keys(&p), ["hours", "open_mandatory", "optional"]);
    let open = p["open_mandatory"].as_array().unwrap();
    assert_eq!(open.len(), 12, "13 distinct, one done");
    assert!(open.iter().all(|c| c["title"] != "Yuva AI for All"));
    assert!(open
        .iter()
        .all(|c| c["listing"].as_str().unwrap().starts_with("bas-basic-ac/m")));
    for g in p["optional"].as_array().unwrap() {
        assert_eq!(keys(g), ["competency", "courses", "covered"]);
    }
    let h = &p["hours"];
    assert_eq!(h["target"], 52.0);
    assert_eq!(h["done"], 10.0);
    assert_eq!(h["needed"], 42.0);
    assert_eq!(h["due"], "2027-03-31");
    let per_week = h["per_week"].as_f64().unwrap();
    assert!((per_week - 42.0 / (128.0 / 7.0)).abs() < 1e-9, "{per_week}");

    let text = s.ok(&["plan"]);
    assert!(text.contains("Mandatory courses still open (12)"), "{text}");
    assert!(text.contains("42.0 still needed by 31.03.2027"), "{text}");
}

#[test]
fn report_in_markdown_csv_and_json() {
    let s = Store::new();
    s.ok(&[
        "profile",
        "set",
        "--service",
        "bas",
        "--state",
        "bihar",
        "--tier",
        "bas-basic-ac",
        "--name",
        "R. Kumar",
    ]);
    s.json(&[
        "done",
        "yuva ai for all",
        "--hours",
        "2.5",
        "--date",
        "2026-06-01",
        "--certificate",
        "C-9",
        "--json",
    ]);
    s.ok(&[
        "done",
        "--other",
        "Course, with a comma",
        "--hours",
        "1",
        "--date",
        "2026-07-01",
    ]);
    s.ok(&[
        "done",
        "--other",
        "Last Year Course",
        "--hours",
        "1",
        "--date",
        "2026-03-01",
    ]);

    let j = s.json(&["report", "--format", "json"]);
    assert_eq!(j["fy"], "2026-27");
    assert_eq!(j["name"], "R. Kumar");
    assert_eq!(j["tier"], "bas-basic-ac");
    assert_eq!(
        j["total_courses"], 2,
        "last year's course is not in this year's report"
    );
    assert_eq!(j["total_hours"], 3.5);
    let rows = j["rows"].as_array().unwrap();
    assert_eq!(rows[0]["course"], "Yuva AI for All");
    assert_eq!(rows[0]["competency"], "functional");
    assert_eq!(rows[0]["certificate"], "C-9");
    let served = rows[0]["served"].as_array().unwrap();
    assert!(
        served
            .iter()
            .any(|s| s.as_str().unwrap() == "hours-per-fy (Bihar GAD order 4463, 06.03.2026)"),
        "{served:?}"
    );
    assert!(
        served
            .iter()
            .any(|s| s.as_str().unwrap() == "all-mandatory (Bihar GAD letter 8627, 15.05.2026)"),
        "{served:?}"
    );
    assert_eq!(rows[1]["competency"], "-");

    let csv = s.ok(&["report", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "course,competency,date,hours,certificate,served");
    assert!(
        lines[1].starts_with("Yuva AI for All,functional,2026-06-01,2.5,C-9,"),
        "{csv}"
    );
    assert!(
        lines[2].starts_with("\"Course, with a comma\",-,2026-07-01,1,,"),
        "{csv}"
    );
    assert_eq!(lines.last().unwrap(), &"TOTAL,,,3.5,,2 courses");
    assert_eq!(lines.len(), 4);

    let md = s.ok(&["report"]);
    assert!(
        md.starts_with("## iGOT Karmayogi training, FY 2026-27: R. Kumar"),
        "{md}"
    );
    assert!(md.contains("|---|---|---|---|---|---|"), "{md}");
    assert!(md.contains("| Yuva AI for All"), "{md}");
    assert!(md.contains("| 01.06.2026"), "{md}");
    assert!(md.contains("Total: 2 courses, 3.50 hours."), "{md}");

    let last = s.json(&["report", "--format", "json", "--fy", "2025-26"]);
    assert_eq!(last["total_courses"], 1);
    assert_eq!(last["rows"][0]["course"], "Last Year Course");
}

// ---------------------------------------------------------------------------
// Bad input: exit 2, one line, the store unchanged

/// A store with a profile and one completion, to compare exports against.
fn populated() -> Store {
    let s = Store::new();
    s.profile_delhi_ias();
    s.done("genai for everyone", "4", "2026-05-10");
    s
}

#[test]
fn an_impossible_date_is_refused() {
    let s = populated();
    let e = s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "1",
        "--date",
        "2026-02-30",
    ]);
    assert!(e.contains("2026-02-30") && e.contains("not a date"), "{e}");
    s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "1",
        "--date",
        "yesterday",
    ]);
    // Before Mission Karmayogi.
    let e = s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "1",
        "--date",
        "2019-05-01",
    ]);
    assert!(e.contains("before Mission Karmayogi"), "{e}");
}

#[test]
fn negative_zero_and_absurd_hours_are_refused() {
    let s = populated();
    let e = s.refused(&[
        "done",
        "cybersecurity",
        "--hours=-3",
        "--date",
        "2026-05-01",
    ]);
    assert!(e.contains("negative"), "{e}");
    let e = s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "-3",
        "--date",
        "2026-05-01",
    ]);
    assert!(e.contains("negative"), "{e}");
    let e = s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "500",
        "--date",
        "2026-05-01",
    ]);
    assert!(e.contains("500") && e.contains("slip"), "{e}");
    s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "0",
        "--date",
        "2026-05-01",
    ]);
    s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "two",
        "--date",
        "2026-05-01",
    ]);
    s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "1:75",
        "--date",
        "2026-05-01",
    ]);
}

#[test]
fn a_future_date_is_refused() {
    let s = populated();
    let e = s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "1",
        "--date",
        "2026-11-24",
    ]);
    assert!(e.contains("future") && e.contains(TODAY), "{e}");
}

#[test]
fn an_unknown_course_is_refused_naming_the_nearest_titles() {
    let s = populated();
    let e = s.refused(&[
        "done",
        "noting and draftin",
        "--hours",
        "1",
        "--date",
        "2026-05-01",
    ]);
    assert!(
        e.contains("no listed course is titled \"noting and draftin\""),
        "{e}"
    );
    assert!(e.contains("nearest: \"Noting and Drafting\""), "{e}");
    assert!(e.contains("--other"), "{e}");
    let e = s.refused(&[
        "done",
        "bas-js-ss/o52",
        "--hours",
        "1",
        "--date",
        "2026-05-01",
    ]);
    assert!(e.contains("editing note"), "{e}");
}

#[test]
fn a_second_record_of_a_course_is_refused() {
    let s = populated();
    let e = s.refused(&[
        "done",
        "GenAI for Everyone",
        "--hours",
        "2",
        "--date",
        "2026-06-10",
    ]);
    assert!(
        e.contains("already recorded") && e.contains("remove 1"),
        "{e}"
    );
    // Via its listing id in another tier too.
    s.refused(&["done", "ias-0-9/m2", "--hours", "2", "--date", "2026-06-10"]);
}

#[test]
fn bad_input_on_a_fresh_path_creates_no_store() {
    let s = Store::new();
    for args in [
        &[
            "done",
            "cybersecurity",
            "--hours",
            "1",
            "--date",
            "2026-02-30",
        ][..],
        &[
            "done",
            "cybersecurity",
            "--hours",
            "500",
            "--date",
            "2026-05-01",
        ],
        &[
            "done",
            "cybersecurity",
            "--hours",
            "1",
            "--date",
            "2027-01-01",
        ],
        &[
            "done",
            "no such course at all",
            "--hours",
            "1",
            "--date",
            "2026-05-01",
        ],
    ] {
        s.refused(args);
        assert!(!s.db.exists(), "{args:?} created {}", s.db.display());
    }
}
