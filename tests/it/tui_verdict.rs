//! The dashboard's header and progress title give the engine's verdict, the
//! same as `status --short` (issue 9 item 3).

use crate::tui_fixtures;

use chrono::NaiveDate;
use karmadash::tui::{App, View};
use tui_fixtures::*;

#[test]
fn the_officer_of_the_issue_is_behind_on_the_dashboard() {
    // IAS batch 2019 on 15.03.2026: 3 of 4 share courses, 2 of 3 mandatory, no assessment.
    let o = Officer::empty();
    o.profile("ias", "", "2019", "")
        .done("GenAI for Everyone", "2", "2025-06-12", None)
        .done("AIS (Conduct) Rules, 1968", "2", "2025-08-20", None)
        .done("Basics of Disaster Management", "2", "2025-12-01", None);
    let march = NaiveDate::from_ymd_opt(2026, 3, 15).unwrap();
    let mut app = App::new(catalogue(), o.store(), march);
    app.on_key(ch('2'));
    assert_eq!(app.view, View::Progress);
    let text = screen(&mut app, 100, 30);
    assert!(text.contains("2025-26 · tier ias-0-9 · behind"), "{text}");
    assert!(!text.contains("on track"), "{text}");
    assert!(
        text.contains("karmadash 2025-26: 0/4 met, next due 31.03.2026 (16 days), behind"),
        "{text}"
    );
}

#[test]
fn one_search_hit_and_one_course_are_singular_on_the_dashboard() {
    let o = Officer::empty();
    o.profile("bss", "bihar", "", "bss-aso-us").done(
        "Noting and Drafting",
        "00:45:30",
        "2026-06-12",
        None,
    );
    let mut app = o.app();
    app.on_key(ch('4'));
    let log = screen(&mut app, 100, 30);
    assert!(
        log.contains("Completions in 2026-27: 1 course, 0.76 hours"),
        "{log}"
    );
    app.on_key(ch('/'));
    type_text(&mut app, "sexual harassment");
    app.wait_search();
    let text = screen(&mut app, 100, 30);
    assert!(text.contains(" 1 hit"), "{text}");
    assert!(!text.contains("1 hits"), "{text}");
}
