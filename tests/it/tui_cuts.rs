//! Text cut to fit the screen says so: every cut ends with `…`, never a
//! word losing its end unmarked ("…Member Appointment" without its "s").

use crate::tui_fixtures;

use crossterm::event::KeyCode;
use tui_fixtures::{bss_officer, ch, key, screen, select_listing};

const CAT: &str = "Understanding the Central Administrative Tribunal CAT and Member Appointments";

/// The line of `screen` that holds `needle`.
fn line_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?} in:\n{screen}"))
}

#[test]
fn a_long_course_title_on_the_done_form_ends_in_an_ellipsis_at_80x24() {
    let o = bss_officer();
    let mut app = o.app();
    select_listing(&mut app, CAT);
    app.on_key(ch('d'));
    let text = screen(&mut app, 80, 24);
    let title = line_with(&text, "Done:");
    assert!(title.contains('…'), "cut without a mark: {title}");
    assert!(!title.contains("Appointment─"), "{title}");
}

#[test]
fn the_status_line_cut_at_60_columns_ends_in_an_ellipsis() {
    let o = bss_officer();
    let mut app = o.app();
    let text = screen(&mut app, 60, 16);
    let status = line_with(&text, "karmadash 2026-27:");
    assert!(status.ends_with('…'), "cut without a mark: {status:?}");
}

/// The Progress gauge's words ("registered ... (247 days ago)") are cut
/// with a mark where the gauge is narrower than they are.
#[test]
fn a_gauge_label_cut_at_60_columns_ends_in_an_ellipsis() {
    let o = bss_officer();
    o.import_tour_roster();
    let mut app = o.app();
    app.on_key(ch('5'));
    // The tour's officers: Ravi registered long before the order's date.
    while !screen(&mut app, 60, 16).contains("▸Ravi") {
        app.on_key(ch('j'));
    }
    app.on_key(key(KeyCode::Enter));
    let text = screen(&mut app, 60, 16);
    for line in text
        .lines()
        .filter(|l| l.contains("days ago") || l.contains("(2"))
    {
        let inner = line.trim_end_matches('│').trim_end();
        assert!(
            inner.ends_with("ago)") || inner.contains('…') || inner.ends_with(['█', '░']),
            "cut without a mark: {line:?}\n{text}"
        );
    }
}

/// A certificate number longer than its column in the Log view.
#[test]
fn a_long_certificate_number_in_the_log_ends_in_an_ellipsis() {
    let o = bss_officer();
    o.done(
        "Yuva AI for All",
        "1",
        "2026-11-01",
        Some("IGOT-YUVA-AI-2026-000123456"),
    );
    let mut app = o.app();
    app.on_key(ch('4'));
    let text = screen(&mut app, 80, 24);
    let row = line_with(&text, "Yuva AI for All");
    assert!(row.contains("IGOT-YUVA-A…"), "cut without a mark: {row}");
}

/// A title typed longer than its field shows its end, where the cursor
/// is, with "…" in front.
#[test]
fn a_long_typed_title_shows_its_end_behind_an_ellipsis() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('o'));
    let typed =
        "Leadership Development Programme for Senior Officers of the State Secretariat, Module Two";
    tui_fixtures::type_text(&mut app, typed);
    let text = screen(&mut app, 80, 24);
    let field = line_with(&text, "Module Two▏");
    assert!(field.contains('…'), "{field}");
}
