//! The real binary: one verdict in every output (issue 9 item 3), hours
//! kept and summed in seconds (item 4), counts in words (item 6), and a
//! registration after its deadline (item 7).

use crate::bin_fixtures::bihar_bas;
use crate::progress_fixtures;

use progress_fixtures::*;

/// The binary on `store` with "today" fixed at `today`.
fn run_on(store: &Store, today: &str, args: &[&str]) -> Run {
    let out = crate::bin_fixtures::karmadash()
        .arg("--db")
        .arg(&store.db)
        .args(["--today", today])
        .args(args)
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8"),
    }
}

fn ok_on(store: &Store, today: &str, args: &[&str]) -> String {
    let r = run_on(store, today, args);
    assert_eq!(r.code, 0, "{args:?}: {}\n{}", r.stdout, r.stderr);
    r.stdout
}

/// The issue's officer: IAS batch 2019 on 15.03.2026, 3 of the 4 courses of
/// the 50% share, 2 of the 3 mandatory courses, no assessment.
fn ias_2019_in_march() -> Store {
    let s = Store::new();
    let today = "2026-03-15";
    ok_on(
        &s,
        today,
        &[
            "profile",
            "set",
            "--service",
            "ias",
            "--batch",
            "2019",
            "--registered",
            "2025-10-01",
        ],
    );
    for (course, date) in [
        ("GenAI for Everyone", "2025-06-12"),
        ("AIS (Conduct) Rules, 1968", "2025-08-20"),
        ("Basics of Disaster Management", "2025-12-01"),
    ] {
        ok_on(&s, today, &["done", course, "--hours", "2", "--date", date]);
    }
    s
}

#[test]
fn the_officer_of_the_issue_is_behind_in_every_output() {
    let s = ias_2019_in_march();
    let today = "2026-03-15";
    let st: Value = serde_json::from_str(&ok_on(&s, today, &["status", "--json"])).unwrap();
    let share = requirement(&st, "share-of-prescribed", "dopt-om-2025-07-04");
    assert_eq!(
        (share["done"].as_i64(), share["target"].as_i64()),
        (Some(3), Some(4))
    );
    assert_eq!(share["standing"], "behind", "{share:#}");
    let mandatory = requirement(&st, "all-mandatory", "dopt-ias-list-2025-10-16");
    assert_eq!(
        (mandatory["done"].as_i64(), mandatory["target"].as_i64()),
        (Some(2), Some(3))
    );
    assert_eq!(mandatory["standing"], "behind", "{mandatory:#}");
    let assessment = requirement(&st, "assessment-passed", "dopt-om-2025-07-04");
    assert_eq!(assessment["standing"], "behind", "{assessment:#}");
    assert_eq!(st["on_track"], false);

    let text = ok_on(&s, today, &["status"]);
    assert!(
        text.contains("3/4 courses; behind; due 31.03.2026 (16 days left)"),
        "{text}"
    );
    assert!(text.contains("2/3 courses; behind;"), "{text}");
    assert!(
        text.contains("\nBehind: see the 3 requirements marked"),
        "{text}"
    );
    assert!(!text.contains("On track"), "{text}");

    let short = ok_on(&s, today, &["status", "--short"]);
    assert!(short.trim_end().ends_with(", behind"), "{short}");

    // --check agrees with --short: not on track exits 1, with one line.
    let check = run_on(&s, today, &["status", "--check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert_eq!(check.stderr.lines().count(), 1, "{}", check.stderr);
    assert!(
        check
            .stderr
            .contains("3 requirements of 2025-26 are behind, overdue or late"),
        "{}",
        check.stderr
    );
}

#[test]
fn on_track_open_requirements_do_not_fail_the_check() {
    // Early in the year nothing is behind yet: --check and --short say so alike.
    let s = Store::new();
    let today = "2025-04-02";
    ok_on(
        &s,
        today,
        &[
            "profile",
            "set",
            "--service",
            "ias",
            "--batch",
            "2019",
            "--registered",
            "2025-04-01",
        ],
    );
    let st: Value = serde_json::from_str(&ok_on(&s, today, &["status", "--json"])).unwrap();
    assert_eq!(st["on_track"], true, "{st:#}");
    let short = ok_on(&s, today, &["status", "--short"]);
    assert!(short.trim_end().ends_with(", on track"), "{short}");
    let check = run_on(&s, today, &["status", "--check"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
}

#[test]
fn hours_keep_their_seconds_and_total_as_the_portal_does() {
    let s = Store::new();
    s.profile_bihar_bas();
    s.done("Noting and Drafting", "00:45:30", "2026-06-12");
    s.done("Yuva AI for All", "4.25", "2026-07-01");
    s.ok(&[
        "done",
        "Digital Payments in Government",
        "--other",
        "--hours",
        "2:30",
        "--date",
        "2026-10-05",
    ]);
    // 2730 + 15300 + 9000 = 27030 s = 7.5083 h: the portal shows 7.51.
    let log = s.ok(&["log"]);
    for h in ["0.76", "4.25", "2.50"] {
        assert!(log.contains(&format!("  {h}  ")), "{h} in\n{log}");
    }
    let st = s.json(&["status", "--json"]);
    let hours = requirement(&st, "hours-per-fy", "bihar-bas-order-2026-03-06");
    assert_eq!(hours["done"], 7.51, "{hours:#}");
    assert_eq!(hours["seconds"], 27030, "{hours:#}");
    assert!(s.ok(&["status"]).contains("7.51/52 h"));
    assert!(s.ok(&["status", "--short"]).contains("7.51/52 h"));
    let report = s.json(&["report", "--format", "json"]);
    assert_eq!(report["total_hours"], 7.51);
    assert_eq!(report["rows"][0]["hours"], 0.76);
    let md = s.ok(&["report"]);
    assert!(md.contains("Total: 3 courses, 7.51 hours."), "{md}");
    let csv = s.ok(&["report", "--format", "csv"]);
    assert!(csv.contains("TOTAL,,,7.51,,3 courses"), "{csv}");
    assert!(s
        .ok(&["plan"])
        .contains("Hours: 7.51 of 52 done; 44.49 still needed"));
}

#[test]
fn words_match_the_count_and_name_what_each_completion_served() {
    let s = Store::new();
    s.profile_bihar_bas();
    let text = s.ok(&["status"]);
    // bas-basic-ac prints 15 mandatory rows, of which 13 are distinct.
    assert!(
        text.contains("Complete the 13 mandatory courses of Schedule A for your tier"),
        "{text}"
    );
    assert!(text.contains("0/13 courses"), "{text}");
    assert!(!text.contains("15 mandatory"), "{text}");

    s.done("Leadership Skills for Professionals", "1.5", "2026-06-12");
    let csv = s.ok(&["report", "--format", "csv"]);
    for served in [
        "all mandatory courses (Bihar GAD letter 8627, 15.05.2026)",
        "52 hours a year (Bihar GAD order 4463, 06.03.2026)",
    ] {
        assert!(csv.contains(served), "{served} in {csv}");
    }
    for internal in ["all-mandatory", "hours-per-fy", "share-of-prescribed"] {
        assert!(!csv.contains(internal), "{internal} in {csv}");
    }
    assert!(csv.contains("TOTAL,,,1.50,,1 course\n"), "{csv}");
    assert!(s.ok(&["report"]).contains("Total: 1 course, 1.50 hours."));

    // One day left is "1 day", in the text and in --short.
    let last = ok_on(&s, "2027-03-30", &["status"]);
    assert!(last.contains("due 31.03.2027 (1 day left)"), "{last}");
    let short = ok_on(&s, "2027-03-30", &["status", "--short"]);
    assert!(short.contains("(1 day)"), "{short}");
}

#[test]
fn a_registration_after_its_deadline_is_late_and_a_shortfall() {
    // Bihar order 4463 of 06.03.2026: register within 15 days (by 21.03.2026).
    let s = Store::new();
    let today = "2026-03-25";
    ok_on(&s, today, &bihar_bas(&["--registered", "2026-03-24"]));
    for (course, date) in [
        ("Noting and Drafting", "2026-03-10"),
        ("Yuva AI for All", "2026-03-11"),
        ("Leadership Skills for Professionals", "2026-03-12"),
    ] {
        ok_on(&s, today, &["done", course, "--hours", "2", "--date", date]);
    }
    let st: Value =
        serde_json::from_str(&ok_on(&s, today, &["status", "--json", "--fy", "2025-26"])).unwrap();
    let reg = requirement(&st, "registration", "bihar-bas-order-2026-03-06");
    assert_eq!(reg["standing"], "late", "{reg:#}");
    assert_eq!(reg["met"], false, "{reg:#}");
    assert_eq!(reg["done_on"], "2026-03-24", "{reg:#}");
    assert_eq!(st["on_track"], false, "{st:#}");
    let text = ok_on(&s, today, &["status", "--fy", "2025-26"]);
    assert!(
        text.contains("registered 24.03.2026, due 21.03.2026 (late); LATE"),
        "{text}"
    );
    let check = run_on(&s, today, &["status", "--check", "--fy", "2025-26"]);
    assert_eq!(check.code, 1, "{}", check.stderr);

    // Registered in time: met, and the year is on track.
    let s = Store::new();
    ok_on(&s, today, &bihar_bas(&["--registered", "2026-03-20"]));
    for (course, date) in [
        ("Noting and Drafting", "2026-03-10"),
        ("Yuva AI for All", "2026-03-11"),
        ("Leadership Skills for Professionals", "2026-03-12"),
    ] {
        ok_on(&s, today, &["done", course, "--hours", "2", "--date", date]);
    }
    let st: Value =
        serde_json::from_str(&ok_on(&s, today, &["status", "--json", "--fy", "2025-26"])).unwrap();
    assert_eq!(
        requirement(&st, "registration", "bihar-bas-order-2026-03-06")["standing"],
        "met"
    );
    assert_eq!(st["on_track"], true, "{st:#}");
}
