//! The real `karmadash` binary answering from a temporary store: status
//! (text, --json, --short, --check), plan and report.

use crate::progress_fixtures;

use progress_fixtures::*;

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
    s.profile_bihar_bas();
    s.done("yuva ai for all", "13", "2026-06-01");
    let out = s.ok(&["status", "--short"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("karmadash 2026-27: "), "{out}");
    assert!(out.contains("13.00/52 h"), "{out}");
    assert!(out.contains("next due 31.03.2027 (128 days)"), "{out}");
}

#[test]
fn status_check_exits_1_while_unmet_and_0_once_everything_due_is_met() {
    // BAS in Bihar, FY 2025-26: register (by 21.03.2026) and three courses by 31.03.2026.
    let s = Store::new();
    s.profile_bihar_bas_with(&["--registered", "2026-03-10"]);
    let r = s.run(&["status", "--fy", "2025-26", "--check"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("Financial year 2025-26"),
        "the status is still printed"
    );
    assert!(r.stderr.contains("behind, overdue or late"), "{}", r.stderr);
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
    s.profile_bihar_bas();
    s.done("yuva ai for all", "10", "2026-06-01");
    let p = s.json(&["plan", "--json"]);
    let open: Vec<&serde_json::Value> = p["proposal"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["reason"] == "mandatory")
        .collect();
    assert_eq!(open.len(), 12, "13 distinct, one done");
    assert!(open.iter().all(|c| c["title"] != "Yuva AI for All"));
    assert!(open
        .iter()
        .all(|c| c["listing"].as_str().unwrap().starts_with("bas-basic-ac/m")));
    let h = &p["hours"];
    assert_eq!(h["target"], 52.0);
    assert_eq!(h["done"], 10.0);
    assert_eq!(h["needed"], 42.0);
    assert_eq!(h["due"], "2027-03-31");
    let per_week = h["per_week"].as_f64().unwrap();
    assert!((per_week - 42.0 / (128.0 / 7.0)).abs() < 0.01, "{per_week}");

    let text = s.ok(&["plan"]);
    assert!(
        text.contains("take the 12 mandatory courses still open"),
        "{text}"
    );
    assert!(text.contains("42.00 still needed by 31.03.2027"), "{text}");
}

#[test]
fn report_in_markdown_csv_and_json() {
    let s = Store::new();
    s.profile_bihar_bas_with(&["--name", "R. Kumar"]);
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
            .any(|s| s.as_str().unwrap() == "52 hours a year (Bihar GAD order 4463, 06.03.2026)"),
        "{served:?}"
    );
    assert!(
        served
            .iter()
            .any(|s| s.as_str().unwrap()
                == "all mandatory courses (Bihar GAD letter 8627, 15.05.2026)"),
        "{served:?}"
    );
    assert_eq!(rows[1]["competency"], "-");

    let csv = s.ok(&["report", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "course,competency,date,hours,certificate,served");
    assert!(
        lines[1].starts_with("Yuva AI for All,functional,2026-06-01,2.50,C-9,"),
        "{csv}"
    );
    assert!(
        lines[2].starts_with("\"Course, with a comma\",-,2026-07-01,1.00,,"),
        "{csv}"
    );
    assert_eq!(lines.last().unwrap(), &"TOTAL,,,3.50,,2 courses");
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
