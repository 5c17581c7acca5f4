//! The real `karmadash` binary recording progress on a temporary store:
//! profile, done, log, remove, assign and assessment.

use crate::progress_fixtures;

use progress_fixtures::*;

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
        "Registered: 01.10.2025",
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
fn profile_set_again_changes_the_fields_given_and_a_tier_by_hand_says_so() {
    let s = Store::new();
    s.profile_delhi_ias();
    let out = s.profile_bihar_bas_with(&[]);
    assert_eq!(
        out,
        "Changed: service ias -> bas; state delhi -> bihar; tier set to bas-basic-ac. \
Tier: ias-10-16 -> bas-basic-ac (set by hand (profile --tier)).\n"
    );
    let j = s.json(&["profile", "--json"]);
    assert_eq!(j["profile"]["service"], "bas");
    assert_eq!(j["profile"]["batch"], 2012, "a field not given is kept");
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
