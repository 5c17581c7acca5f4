//! `calendar` through the real binary: an iCalendar file that parses back
//! with every due date `status` shows, a reminder a fortnight before each
//! open one, and none for a due date already met.

use super::plan_cli::{delhi_ias, json, refused, run};
use std::collections::BTreeSet;

#[test]
fn the_calendar_parses_back_with_every_due_date_status_shows_and_a_reminder_a_fortnight_before() {
    let dir = tempfile::tempdir().unwrap();
    let db = delhi_ias(&dir);
    let ics = run(&db, &["calendar"]);
    let unfolded = icalendar::parser::unfold(&ics);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("RFC 5545 that parses");
    let events: Vec<_> = parsed
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    let starts: BTreeSet<String> = events
        .iter()
        .map(|e| e.find_prop("DTSTART").unwrap().val.to_string())
        .collect();
    let status = json(&db, &["status", "--json"]);
    let dues: BTreeSet<String> = status["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["due"].as_str())
        .map(|d| d.replace('-', ""))
        .collect();
    assert_eq!(
        starts, dues,
        "every due date status shows, the half years' included"
    );
    assert!(
        dues.contains("20260930") && dues.contains("20270331"),
        "{dues:?}"
    );
    for e in &events {
        let alarm = e
            .components
            .iter()
            .find(|c| c.name == "VALARM")
            .expect("a reminder");
        assert_eq!(alarm.find_prop("TRIGGER").unwrap().val.to_string(), "-P14D");
        assert!(e.find_prop("UID").is_some() && e.find_prop("DTSTAMP").is_some());
    }
    assert_eq!(
        run(&db, &["calendar"]),
        ics,
        "the same store gives the same file"
    );
    // With the plan's weekly slots.
    let with = run(&db, &["calendar", "--schedule"]);
    let unfolded = icalendar::parser::unfold(&with);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    let weeks = parsed
        .components
        .iter()
        .filter(|c| {
            c.find_prop("SUMMARY")
                .is_some_and(|s| s.val.to_string().starts_with("iGOT study"))
        })
        .count();
    assert!(weeks >= 4, "{weeks} weekly slots");
    let err = refused(&db, &["calendar", "--fy", "2026-28"]);
    assert!(err.contains("2026-28"), "{err}");
}

/// The calendar's events by start day (`20260930`): summary, and whether
/// a reminder rings.
fn calendar_days(ics: &str) -> std::collections::BTreeMap<String, (String, bool)> {
    let unfolded = icalendar::parser::unfold(ics);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("RFC 5545 that parses");
    parsed
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|e| {
            let day = e.find_prop("DTSTART").unwrap().val.to_string();
            let summary = e.find_prop("SUMMARY").unwrap().val.to_string();
            let alarm = e.components.iter().any(|c| c.name == "VALARM");
            (day, (summary, alarm))
        })
        .collect()
}

#[test]
fn a_met_due_date_has_no_reminder_and_an_open_one_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let db = delhi_ias(&dir);
    // A programme of own choice in the first half year meets the 30.09.2026
    // due date; 31.03.2027 stays open (the CCA courses, the assessment).
    run(
        &db,
        &[
            "done",
            "--other",
            "Cyber Hygiene for Government Employees",
            "--hours",
            "2",
            "--date",
            "2026-06-10",
        ],
    );
    let status = json(&db, &["status", "--json"]);
    let met: Vec<&str> = status["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["due"] == "2026-09-30")
        .map(|r| r["standing"].as_str().unwrap())
        .collect();
    assert_eq!(
        met,
        ["met"],
        "the fixture: 30.09.2026's one requirement is met"
    );
    let days = calendar_days(&run(&db, &["calendar"]));
    let (summary, alarm) = &days["20260930"];
    assert!(!alarm, "no reminder for a met due date: {summary}");
    assert!(summary.contains("(met)"), "{summary}");
    let (summary, alarm) = &days["20270331"];
    assert!(alarm, "the open due date keeps its reminder: {summary}");
    assert!(summary.starts_with("iGOT training due"), "{summary}");
}
