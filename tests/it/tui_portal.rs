//! The Catalogue view's portal shelf (#23 item 5): the snapshot `catalogue
//! sync` keeps, shown below the tiers by competency area and theme with
//! each course's hours, found by `/` like the orders' courses, and, before
//! any sync, one line saying how to bring it. Drawn by the real `draw` at
//! 80x24 and 120x40; the fixture snapshot is tests/portal_fixtures/.

use crate::tui_fixtures;

use crossterm::event::KeyCode;
use karmadash::catalogue::portal::PortalSnapshot;
use karmadash::tui::{App, SearchBox};
use tui_fixtures::{bss_officer, ch, key, screen, type_text, words};

fn fixture() -> PortalSnapshot {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/portal_fixtures/snapshot.json");
    karmadash::portal::load_from(&path)
        .expect("the fixture snapshot reads")
        .expect("the fixture snapshot is there")
}

/// The dashboard with the fixture snapshot, the portal entry chosen.
fn on_the_portal(app: &mut App) {
    app.use_portal(Some(fixture()));
    app.on_key(ch('G'));
}

#[test]
fn the_portal_catalogue_is_below_the_tiers_by_area_and_theme_with_hours() {
    let o = bss_officer();
    let mut app = o.app();
    on_the_portal(&mut app);
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(&mut app, w, h);
        let said = words(&text);
        assert!(
            said.contains("Portal catalogue (snapshot 2026-11-20) · 230 courses"),
            "{text}"
        );
        assert!(text.lines().any(|l| l.starts_with("│PORTAL")), "{text}");
        assert!(
            text.lines().any(|l| l.starts_with("│▸ catalogue")),
            "{text}"
        );
        // B first; its first theme and its first course by title, 2 hours.
        let rows: Vec<&str> = text.lines().collect();
        assert!(rows[2].contains("││Behavioural "), "{text}");
        assert!(rows[3].contains("││ Communication"), "{text}");
        assert!(
            rows[4].contains("  A Primer on Gender Sensitisation ") && rows[4].ends_with("2.00 h│"),
            "{text}"
        );
        insta::assert_snapshot!(format!("tui_portal_shelf_{w}x{h}"), text);
    }
}

#[test]
fn the_portal_shelf_scrolls_to_its_last_course_at_80x24() {
    let o = bss_officer();
    let mut app = o.app();
    on_the_portal(&mut app);
    app.on_key(ch('l'));
    app.on_key(ch('G'));
    let text = screen(&mut app, 80, 24);
    let selected: Vec<&str> = text.lines().filter(|l| l.contains('▸')).collect();
    assert_eq!(selected.len(), 2, "the portal entry and one course: {text}");
    assert!(selected[1].ends_with("0.50 h│"), "{text}");
    // The headings scrolled away: the top row says where this is.
    assert!(
        text.lines()
            .nth(2)
            .is_some_and(|l| l.contains("││Domain · Urban Development")),
        "{text}"
    );
    insta::assert_snapshot!("tui_portal_shelf_end_80x24", text);
}

#[test]
fn without_a_snapshot_the_portal_entry_says_which_command_brings_it() {
    let o = bss_officer();
    let mut app = o.app();
    app.use_portal(None);
    app.on_key(ch('G'));
    let said = words(&screen(&mut app, 80, 24));
    assert!(said.contains("No portal catalogue yet:"), "{said}");
    assert!(said.contains("`karmadash catalogue sync`"), "{said}");
}

#[test]
fn slash_finds_a_portal_course_and_enter_shows_it_on_its_shelf() {
    let o = bss_officer();
    let mut app = o.app();
    app.use_portal(Some(fixture()));
    app.on_key(ch('/'));
    type_text(&mut app, "delegation of power");
    app.wait_search();
    let b = app.overlay::<SearchBox>().expect("the search box");
    assert!(
        b.hits
            .iter()
            .any(|h| h.text == "Delegation of power in day-to-day administration"),
        "{:?}",
        b.hits.iter().map(|h| &h.text).collect::<Vec<_>>()
    );
    let text = screen(&mut app, 80, 24);
    // The orders' listing of the same title first, then the portal's course.
    assert!(
        text.lines()
            .any(|l| l
                .contains("Delegation of power in day-to-day administration  · portal · Domain")),
        "{text}"
    );
    app.on_key(key(KeyCode::Down));
    app.on_key(key(KeyCode::Enter));
    let text = screen(&mut app, 80, 24);
    let selected: Vec<&str> = text.lines().filter(|l| l.contains('▸')).collect();
    assert!(
        selected
            .iter()
            .any(|l| l.contains("▸ Delegation of power in day-to-day") && l.ends_with("3.00 h│")),
        "{text}"
    );
}
