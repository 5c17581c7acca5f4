//! The Plan view as an officer planning the year uses it, on a real store:
//! it proposes what `karmadash plan` proposes, with the durations of the
//! imported portal reports, and `s` moves the shortlist's total against the
//! hours gap. Also: every view of the views table opens by its key.

use crate::tui_fixtures;

use crossterm::event::KeyCode;
use karmadash::tui::{App, Requirement, View};
use serde_json::Value;
use tui_fixtures::{bss_officer, catalogue, ch, ias_officer, key, screen, words, Officer, TODAY};

/// Moves the Plan view's cursor down from the top to the course `title`.
fn select_course(app: &mut App, title: &str) {
    let c = catalogue();
    let want = c.course_by_title(title).expect("a listed course");
    app.on_key(ch('g'));
    for _ in 0..200 {
        if app.selected_course() == Some(want) {
            return;
        }
        app.on_key(ch('j'));
    }
    panic!("{title} is not among the Plan view's rows");
}

fn shortlisted(o: &Officer, title: &str) -> bool {
    let c = catalogue();
    let key = c.courses[c.course_by_title(title).expect("listed")].key();
    o.store()
        .snapshot()
        .expect("a snapshot")
        .shortlist
        .contains(&key.into_owned())
}

/// The BSS officer of the snapshots, with the README tour's portal reports
/// imported: they show "Yuva AI for All" as 04:30:00 and "Office
/// Procedure" as 00:45:30 (0.76 h).
fn officer_with_reports() -> Officer {
    let o = bss_officer();
    o.import_tour_roster();
    o
}

#[test]
fn s_in_the_plan_view_moves_the_shortlist_total_against_the_gap() {
    let o = officer_with_reports();
    let mut app = o.app();
    app.on_key(ch('3'));
    let before = "Shortlist: 0.00 h known of the 41.00 h gap, 41.00 h short; 2 of unknown length.";
    assert!(words(&screen(&mut app, 80, 24)).contains(before));

    select_course(&mut app, "Yuva AI for All");
    app.on_key(ch('s'));
    assert!(shortlisted(&o, "Yuva AI for All"), "s writes the store");
    let text = screen(&mut app, 80, 24);
    let after = "Shortlist: 4.50 h known of the 41.00 h gap, 36.50 h short; 2 of unknown length.";
    assert!(words(&text).contains(after), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("4.50  + mandatory") && l.contains("Yuva AI for All")),
        "its row is marked as on the shortlist:\n{text}"
    );
    let c = catalogue();
    assert_eq!(
        app.selected_course(),
        c.course_by_title("Yuva AI for All"),
        "the cursor stays on the course"
    );

    app.on_key(ch('s'));
    assert!(!shortlisted(&o, "Yuva AI for All"), "s again drops it");
    assert!(words(&screen(&mut app, 80, 24)).contains(before));
}

#[test]
fn s_on_a_step_changes_nothing_and_says_why() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('3'));
    let before = o.store().snapshot().expect("a snapshot").shortlist;
    app.on_key(ch('s'));
    assert_eq!(o.store().snapshot().expect("a snapshot").shortlist, before);
    let (text, _) = app.message.clone().expect("a message");
    assert!(text.contains("move down (j) to a course"), "{text}");
    app.on_key(key(KeyCode::Enter));
    assert!(
        app.overlay::<Requirement>().is_some(),
        "Enter on a step opens its requirement"
    );
}

/// The hours cell `plan --json` implies for a proposed course.
fn hours_cell(course: &Value) -> String {
    let all: Vec<String> = course["durations"]
        .as_array()
        .expect("durations")
        .iter()
        .map(|h| format!("{:.2}", h.as_f64().expect("hours")))
        .collect();
    if all.is_empty() {
        "unknown".into()
    } else {
        all.join("|")
    }
}

#[test]
fn the_plan_view_proposes_what_plan_gives_with_the_reports_hours() {
    let o = officer_with_reports();
    let out = crate::bin_fixtures::karmadash_on(&o.db(), TODAY)
        .args(["plan", "--json"])
        .output()
        .expect("plan runs");
    assert!(out.status.success());
    let plan: Value = serde_json::from_slice(&out.stdout).expect("plan --json");
    let proposal = plan["proposal"].as_array().expect("a proposal");
    assert!(
        proposal
            .iter()
            .any(|c| c["durations"].as_array().is_some_and(|d| !d.is_empty())),
        "the reports give some of the proposal's courses their hours"
    );

    let mut app = o.app();
    app.on_key(ch('3'));
    let text = screen(&mut app, 120, 80);
    let mut last = 0;
    for course in proposal {
        let title = course["title"].as_str().expect("a title");
        let rows: Vec<(usize, &str)> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| {
                l.contains(&format!("  {title} ")) || l.ends_with(&format!("  {title}│"))
            })
            .collect();
        assert_eq!(rows.len(), 1, "{title} is proposed once:\n{text}");
        let (at, line) = rows[0];
        assert!(at > last, "{title} keeps the plan's order:\n{text}");
        last = at;
        let cell = hours_cell(course);
        assert!(
            line.trim_start_matches('│').trim_start().starts_with(&cell),
            "{title}: {cell} h, as `plan` says:\n{line}"
        );
    }
    for step in plan["steps"].as_array().expect("steps") {
        let missing = step["missing"].as_str().expect("missing");
        assert!(
            words(&text).contains(missing),
            "the step {missing}:\n{text}"
        );
    }
}

#[test]
fn the_delhi_ias_plan_at_80x24_shows_pace_hours_and_proposal() {
    let o = ias_officer();
    let mut app = o.app();
    app.on_key(ch('3'));
    let text = screen(&mut app, 80, 24);
    assert!(words(&text).contains("Pace: behind;"), "{text}");
    insta::with_settings!({ description => "Delhi IAS 2020 batch: every open requirement's step, then the proposal", omit_expression => true }, {
        insta::assert_snapshot!("plan_ias_80x24", text);
    });
    // At the smallest size the dashboard lays out, the proposal still
    // shows its first row (its title's first line).
    let small = screen(&mut app, 60, 16);
    assert!(small.contains("Next steps (8)"), "{small}");
    assert!(small.contains("Introduction to 3 New"), "{small}");
    // The DoPT list and the Delhi OM both ask for the mandatory courses:
    // each step names the order it comes from, so the two can be told apart.
    let tall = words(&screen(&mut app, 120, 60));
    for order in [
        "(DoPT IAS list 16.10.2025)",
        "(Delhi Services OM 02.01.2026)",
    ] {
        assert!(tall.contains(order), "{order}: {tall}");
    }
}

#[test]
fn every_view_of_the_table_opens_by_its_key_and_shows_its_tab() {
    let o = bss_officer();
    let mut app = o.app();
    for view in View::all() {
        let digit = view.entry().key;
        app.on_key(ch(digit));
        assert_eq!(app.view, view, "{digit} opens {}", view.name());
        let tabs = screen(&mut app, 120, 40);
        let tabs = tabs.lines().next().expect("the tab line");
        assert!(tabs.contains(&format!("{digit} {}", view.name())), "{tabs}");
        // Its own keys, from its file, reach the `?` help.
        app.on_key(ch('?'));
        let help = words(&screen(&mut app, 120, 60));
        for own in view.entry().keys {
            let words = karmadash::i18n::tr(karmadash::i18n::Lang::En, own.help, &[]);
            assert!(help.contains(&words), "{}: {words}\n{help}", view.name(),);
        }
        app.on_key(key(KeyCode::Esc));
    }
}
