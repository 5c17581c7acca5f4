//! Hostile titles in the dashboard: a title with escape sequences, bidi
//! overrides and a line break, already in a store, drawn by the real
//! `draw` in every view. No cell may carry a character the terminal would
//! act on: ratatui writes cell symbols to the terminal as they are.

use crate::tui_fixtures;

use karmadash::units::text::is_hostile;
use tui_fixtures::{bss_officer, ch, render, Officer};

const HOSTILE: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}1m\u{202e}Reversed\nNext\u{7f}";

/// The BSS officer, with the title of the course outside the lists made
/// hostile as a store written before titles were checked could hold it.
fn officer_with_hostile_title() -> Officer {
    let o = bss_officer();
    let store = o.store();
    let mut snap = store.snapshot().expect("a snapshot");
    let other = snap
        .completions
        .iter_mut()
        .find(|c| !c.in_catalogue)
        .expect("a course outside the lists");
    other.title = HOSTILE.to_string();
    store.import(&snap).expect("the store takes it");
    o
}

#[test]
fn no_view_sends_a_control_character_to_the_terminal() {
    let o = officer_with_hostile_title();
    let mut app = o.app();
    let theme = karmadash::tui::Theme::PLAIN;
    let mut shown = false;
    for view in ['1', '2', '3', '4'] {
        app.on_key(ch(view));
        for (w, h) in [(80, 24), (120, 40)] {
            let buffer = render(&mut app, w, h, &theme);
            for cell in buffer.content() {
                assert!(
                    !cell.symbol().chars().any(is_hostile),
                    "view {view} at {w}x{h} draws {:?}",
                    cell.symbol()
                );
            }
            let text: String = buffer.content().iter().map(|c| c.symbol()).collect();
            shown |= text.contains("pwned");
        }
    }
    assert!(shown, "the hostile title is drawn somewhere (the log)");
}
