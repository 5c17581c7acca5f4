//! Popups on a stack, driven by keys: help over any popup returns to it,
//! help over a form over a view closes back to the form as it was, and a
//! search answer that arrives under help is there when help closes.

use crate::tui_fixtures;

use crossterm::event::KeyCode;
use karmadash::tui::{ConfirmRemove, Detail, Form, Help, SearchBox, View};
use tui_fixtures::{bss_officer, ch, key, screen, select_listing, type_text, words};

#[test]
fn question_mark_over_a_popup_shows_help_then_returns_to_it() {
    let o = bss_officer();
    let mut app = o.app();
    select_listing(&mut app, "Yuva AI for All");
    app.on_key(key(KeyCode::Enter));
    assert!(app.overlay::<Detail>().is_some());
    app.on_key(ch('?'));
    assert!(app.overlay::<Help>().is_some(), "? shows help");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("In this popup: d: record done"), "{text}");
    app.on_key(key(KeyCode::Esc));
    assert!(
        app.overlay::<Detail>().is_some(),
        "closing help goes back to the course"
    );
    // In the search box ? is text; F1 is help there.
    app.on_key(key(KeyCode::Esc));
    app.on_key(ch('/'));
    type_text(&mut app, "?");
    assert!(app.overlay::<SearchBox>().is_some_and(|b| b.query == "?"));
    app.on_key(key(KeyCode::F(1)));
    assert!(app.overlay::<Help>().is_some());
    app.on_key(key(KeyCode::Esc));
    assert!(app.overlay::<SearchBox>().is_some_and(|b| b.query == "?"));
    // And over the remove confirmation, ? is help, not "keep".
    app.on_key(key(KeyCode::Esc));
    app.on_key(ch('4'));
    app.on_key(ch('x'));
    app.on_key(ch('?'));
    assert!(app.overlay::<Help>().is_some());
    app.on_key(key(KeyCode::Esc));
    assert!(app.overlay::<ConfirmRemove>().is_some());
    assert!(!app.quit);
}

#[test]
fn help_over_a_form_over_a_view_closes_back_to_the_form_as_it_was() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('2'));
    app.on_key(ch('o'));
    type_text(&mut app, "Cyber Law Basics");
    app.on_key(key(KeyCode::Tab));
    type_text(&mut app, "2:30");
    app.on_key(key(KeyCode::F(1)));
    assert!(
        app.overlay::<Help>().is_some(),
        "F1 opens help over the form"
    );
    assert_eq!(app.overlays().count(), 2, "help over the form");
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("In this popup: Tab: next field"), "{text}");
    app.on_key(key(KeyCode::Esc));
    let form = app
        .overlay::<Form>()
        .expect("Esc closes help: the form is back");
    assert_eq!(
        form.values[..2],
        ["Cyber Law Basics", "2:30"],
        "typed text kept"
    );
    assert_eq!(form.focus, 1, "on the field it was on");
    assert_eq!(app.view, View::Progress, "over the view it was opened in");
    app.on_key(key(KeyCode::Esc));
    assert!(app.overlays().next().is_none(), "Esc again closes the form");
    assert_eq!(app.view, View::Progress);
}

#[test]
fn a_search_answer_arriving_under_help_is_there_when_help_closes() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('/'));
    type_text(&mut app, "yuva");
    app.on_key(key(KeyCode::F(1)));
    app.wait_search();
    app.on_key(key(KeyCode::Esc));
    let b = app.overlay::<SearchBox>().expect("the search box is back");
    assert!(!b.waiting, "its answer came while help covered it");
    assert!(
        b.hits.iter().any(|h| h.text.contains("Yuva AI")),
        "{:?}",
        b.hits.iter().map(|h| &h.text).collect::<Vec<_>>()
    );
}

/// The help over the search box is taller than 24 rows: it scrolls with
/// j/k, PgUp/PgDn and Home/End, and says where it is.
#[test]
fn help_taller_than_the_screen_scrolls_to_its_end_and_back() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('/'));
    app.on_key(key(KeyCode::F(1)));
    let top = screen(&mut app, 80, 24);
    assert!(top.contains("In this popup:"), "{top}");
    assert!(!top.contains("Search box and forms"), "{top}");
    assert!(top.contains("↓"), "says more lies below:\n{top}");
    app.on_key(key(KeyCode::End));
    let end = screen(&mut app, 80, 24);
    assert!(
        end.contains("Search box and forms"),
        "End shows the last line:\n{end}"
    );
    assert!(end.contains("Esc: cancel"), "{end}");
    assert!(!end.contains("In this popup:"), "{end}");
    app.on_key(key(KeyCode::Home));
    assert_eq!(screen(&mut app, 80, 24), top, "Home goes back to the top");
    app.on_key(ch('j'));
    let down = screen(&mut app, 80, 24);
    assert_ne!(down, top, "j scrolls a line");
    app.on_key(ch('k'));
    assert_eq!(screen(&mut app, 80, 24), top, "k scrolls back");
    app.on_key(key(KeyCode::PageDown));
    app.on_key(key(KeyCode::PageDown));
    assert_eq!(screen(&mut app, 80, 24), end, "PgDn stops at the end");
    // At 60x16 even the view's own help does not fit; it scrolls there too.
    app.on_key(key(KeyCode::Esc));
    app.on_key(key(KeyCode::Esc));
    app.on_key(ch('?'));
    app.on_key(key(KeyCode::End));
    let small = screen(&mut app, 60, 16);
    assert!(words(&small).contains("Esc: cancel"), "{small}");
    assert!(
        app.overlay::<Help>().is_some(),
        "keys scroll, never close it"
    );
}
