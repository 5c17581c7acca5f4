//! The Roster view driven by keys, as a training cell drives it: filters
//! by tier and verdict, most urgent first, the find box, an officer's
//! progress read-only, an empty roster, and an import from the shell
//! showing without a key.

use crate::tui_fixtures;

use crossterm::event::KeyCode;
use karmadash::tui::{App, FindOfficer, View};
use tui_fixtures::{bss_officer, ch, key, screen, type_text};

const TOUR: [&str; 5] = [
    "Md. Imran Alam",
    "Sunita Devi",
    "Ravi Shankar Prasad",
    "Pooja Sinha",
    "Anjali Kumari",
];

/// The tour's officers the Roster view shows at 80x24, top to bottom.
fn roster_names(app: &mut App) -> Vec<&'static str> {
    let text = screen(app, 80, 24);
    let mut found: Vec<(usize, &'static str)> = TOUR
        .iter()
        .filter_map(|n| text.find(n).map(|at| (at, *n)))
        .collect();
    found.sort();
    found.into_iter().map(|(_, n)| n).collect()
}

#[test]
fn the_roster_filters_by_tier_and_verdict_most_urgent_first() {
    let o = bss_officer();
    o.import_tour_roster();
    let mut app = o.app();
    app.on_key(ch('5'));
    assert_eq!(app.view, View::Roster);
    assert_eq!(roster_names(&mut app), TOUR, "most urgent first");

    // t: each tier in the roster, then all again.
    app.on_key(ch('t'));
    assert_eq!(
        roster_names(&mut app),
        ["Sunita Devi", "Ravi Shankar Prasad", "Anjali Kumari"]
    );
    assert!(screen(&mut app, 80, 24).contains("tier bas-basic-ac"));
    app.on_key(ch('t'));
    assert_eq!(roster_names(&mut app), ["Md. Imran Alam"]);
    app.on_key(ch('t'));
    assert_eq!(roster_names(&mut app), TOUR);

    // v: needing action (as `roster --behind`), then each verdict.
    app.on_key(ch('v'));
    assert_eq!(roster_names(&mut app), &TOUR[..4]);
    app.on_key(ch('v'));
    assert!(roster_names(&mut app).is_empty(), "no one is overdue");
    assert!(screen(&mut app, 80, 24).contains("No officer matches"));
    app.on_key(ch('v'));
    assert_eq!(roster_names(&mut app), &TOUR[..3], "behind");
    app.on_key(ch('v'));
    assert!(
        roster_names(&mut app).is_empty(),
        "no list: no one unregistered"
    );
    app.on_key(ch('v'));
    assert_eq!(roster_names(&mut app), ["Pooja Sinha"], "unmapped");
    app.on_key(ch('v'));
    assert_eq!(roster_names(&mut app), ["Anjali Kumari"], "on pace");
    app.on_key(ch('v'));
    app.on_key(ch('v'));
    assert!(roster_names(&mut app).is_empty(), "no one exempt");
    app.on_key(ch('v'));
    assert_eq!(roster_names(&mut app), TOUR, "all again");
}

#[test]
fn the_roster_finds_by_name_and_enter_opens_that_officers_progress_read_only() {
    let o = bss_officer();
    o.import_tour_roster();
    let mut app = o.app();
    app.on_key(ch('5'));
    app.on_key(ch('/'));
    assert!(app.overlay::<FindOfficer>().is_some());
    type_text(&mut app, "SUN");
    assert_eq!(
        roster_names(&mut app),
        ["Sunita Devi"],
        "as typed, any case"
    );
    app.on_key(key(KeyCode::Enter));
    assert!(
        app.overlays().next().is_none(),
        "Enter keeps the find and closes the box"
    );
    assert_eq!(roster_names(&mut app), ["Sunita Devi"]);

    app.on_key(key(KeyCode::Enter));
    assert_eq!(app.view, View::Progress);
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("Sunita Devi <sunita.devi@bihar.gov.in>"),
        "{text}"
    );
    assert!(text.contains("read-only"), "{text}");
    assert!(
        text.contains("tier bas-basic-ac"),
        "her tier, not yours:\n{text}"
    );
    assert!(text.contains("13.50/52 h"), "her hours:\n{text}");

    // Nothing typed over her Progress lands in your store.
    let before = o.store().snapshot().expect("the store reads");
    for c in ['o', 'a', 'e', 'p'] {
        app.on_key(ch(c));
        assert!(app.overlays().next().is_none(), "{c} opened a form");
        let (message, alert) = app
            .message
            .clone()
            .unwrap_or_else(|| panic!("{c}: no refusal"));
        assert!(alert && message.starts_with("Read-only"), "{c}: {message}");
    }
    let after = o.store().snapshot().expect("the store reads");
    assert_eq!(before.completions.len(), after.completions.len());
    assert_eq!(before.profile, after.profile);

    // Esc goes back to the roster as it was; Esc again drops the find.
    app.on_key(key(KeyCode::Esc));
    assert_eq!(app.view, View::Roster);
    assert_eq!(roster_names(&mut app), ["Sunita Devi"]);
    app.on_key(key(KeyCode::Esc));
    assert_eq!(roster_names(&mut app), TOUR);
    // Your own Progress is yours again.
    app.on_key(ch('2'));
    assert!(!screen(&mut app, 80, 24).contains("Sunita"));
}

#[test]
fn an_empty_roster_says_how_to_import_one() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('5'));
    let text = screen(&mut app, 80, 24);
    assert!(
        text.contains("karmadash roster import ConsumptionReport.csv UserReport.csv"),
        "{text}"
    );
    app.on_key(key(KeyCode::Enter));
    assert_eq!(app.view, View::Roster, "Enter on no officer stays");
}

#[test]
fn an_import_from_the_shell_shows_in_the_open_roster_without_a_key() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('5'));
    app.notice_changes();
    assert!(roster_names(&mut app).is_empty());
    o.import_tour_roster();
    assert!(app.notice_changes(), "the change marker moved");
    assert_eq!(roster_names(&mut app), TOUR);
}

#[test]
fn an_unmapped_officer_opens_with_why_and_how_the_cell_sets_a_tier() {
    let o = bss_officer();
    o.import_tour_roster();
    let mut app = o.app();
    app.on_key(ch('5'));
    app.on_key(ch('/'));
    type_text(&mut app, "pooja");
    app.on_key(key(KeyCode::Enter));
    app.on_key(key(KeyCode::Enter));
    assert_eq!(app.view, View::Progress);
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("Pooja Sinha has no tier"), "{text}");
    assert!(text.contains("karmadash roster tier"), "{text}");
    assert!(!text.contains("press 1"), "{text}");
}
