//! What a person sees: every view and overlay of the real `draw`, at the
//! smallest comfortable terminal (80x24) and a roomy one (120x40), without
//! colour, for officers whose stores were filled through the library.
//! Today is fixed at 2026-11-23, so the snapshots never drift with the clock.
//!
//! After an intended change to the dashboard, look at the new screens and
//! accept them: `INSTA_UPDATE=always cargo test --test it tui_snapshots::` (or
//! `cargo insta review`), then read the changed `tests/snapshots/*.snap`.

use crate::tui_fixtures;

use crossterm::event::KeyCode;
use karmadash::tui::{App, Detail, Form, Help, Requirement, View, MIN_HEIGHT, MIN_WIDTH};
use tui_fixtures::{bss_officer, ch, ias_officer, key, screen, type_text, words, Officer};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Snapshots the app at both sizes, named `<name>_<w>x<h>`.
fn snapshot_both(name: &str, what: &str, app: &mut App) {
    for (w, h) in SIZES {
        let text = screen(app, w, h);
        insta::with_settings!({ description => what, omit_expression => true }, {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), text);
        });
    }
}

#[test]
fn catalogue_view() {
    let o = bss_officer();
    let mut app = o.app();
    assert_eq!(app.view, View::Catalogue);
    snapshot_both(
        "catalogue",
        "BSS ASO-US officer opens the dashboard: tiers on the left, their tier's listings on the right",
        &mut app,
    );
}

#[test]
fn catalogue_view_with_a_listing_selected() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('l'));
    app.on_key(ch('j'));
    snapshot_both(
        "catalogue_listing_selected",
        "BSS officer moved into the course list: row 2 (done) selected",
        &mut app,
    );
}

#[test]
fn progress_view() {
    let o = ias_officer();
    let mut app = o.app();
    app.on_key(ch('2'));
    assert_eq!(app.view, View::Progress);
    snapshot_both(
        "progress",
        "IAS 2020 batch, Delhi: DoPT, AIS and Delhi requirements, one half-year already overdue",
        &mut app,
    );
}

#[test]
fn progress_view_with_hours() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('2'));
    snapshot_both(
        "progress_hours",
        "BSS officer: Schedule A courses and the 52-hour target with the monthly chart",
        &mut app,
    );
}

#[test]
fn plan_view() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('3'));
    assert_eq!(app.view, View::Plan);
    snapshot_both(
        "plan",
        "BSS officer: pace, hours and the shortlist on top, each open requirement's step, then the proposal, mandatory first",
        &mut app,
    );
}

#[test]
fn log_view() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('4'));
    assert_eq!(app.view, View::Log);
    snapshot_both(
        "log",
        "BSS officer: four completions this year, newest first, one outside the lists",
        &mut app,
    );
}

#[test]
fn help_overlay() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('?'));
    assert!(app.overlay::<Help>().is_some());
    snapshot_both("help", "? in the Catalogue view", &mut app);
}

#[test]
fn search_overlay() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('/'));
    type_text(&mut app, "yuva");
    app.wait_search();
    snapshot_both("search", "/ then 'yuva', results arrived", &mut app);
}

#[test]
fn course_detail_overlay() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('/'));
    type_text(&mut app, "yuva");
    app.wait_search();
    app.on_key(key(KeyCode::Enter));
    assert!(app.overlay::<Detail>().is_some());
    snapshot_both(
        "detail",
        "Enter on the search hit: Yuva AI for All and every tier that lists it",
        &mut app,
    );
}

#[test]
fn completion_form() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('l'));
    for _ in 0..8 {
        app.on_key(ch('j'));
    }
    app.on_key(ch('d'));
    assert!(app.overlay::<Form>().is_some());
    type_text(&mut app, "1.5");
    snapshot_both(
        "completion_form",
        "d on Yuva AI for All, 1.5 typed into Hours",
        &mut app,
    );
    for _ in 0..3 {
        app.on_key(key(KeyCode::Backspace));
    }
    type_text(&mut app, "-2");
    app.on_key(key(KeyCode::Enter));
    snapshot_both(
        "completion_form_error",
        "the same form after -2 and Enter: the reason, form still open",
        &mut app,
    );
}

#[test]
fn first_run_profile_form() {
    let o = Officer::empty();
    let mut app = o.app();
    assert!(app.overlay::<Form>().is_some());
    snapshot_both(
        "first_run",
        "an empty store: the welcome form over the catalogue",
        &mut app,
    );
}

#[test]
fn newcomer_without_a_profile() {
    let o = Officer::empty();
    let mut app = o.app();
    app.on_key(key(KeyCode::Esc));
    app.on_key(ch('2'));
    snapshot_both(
        "no_profile_progress",
        "Esc on the welcome form, then the Progress view",
        &mut app,
    );
    app.on_key(ch('4'));
    snapshot_both(
        "no_profile_log",
        "no profile and nothing recorded: the Log view",
        &mut app,
    );
}

#[test]
fn too_small() {
    let o = bss_officer();
    let mut app = o.app();
    // The message is what a terminal below the minimum shows; 80x24 is above it.
    for (w, h) in [(40, 12), (MIN_WIDTH - 1, MIN_HEIGHT)] {
        let text = screen(&mut app, w, h);
        insta::with_settings!({ description => "a terminal below the minimum size", omit_expression => true }, {
            insta::assert_snapshot!(format!("too_small_{w}x{h}"), text);
        });
    }
    assert!(!screen(&mut app, MIN_WIDTH, MIN_HEIGHT).contains("too small"));
}

#[test]
fn at_60x16_the_tabs_keep_4_log_and_the_footer_keeps_q_quit() {
    let o = bss_officer();
    let mut app = o.app();
    for view in ['1', '2', '3', '4', '5'] {
        app.on_key(ch(view));
        let text = screen(&mut app, MIN_WIDTH, MIN_HEIGHT);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].contains("4 Log"), "view {view}:\n{text}");
        let footer = lines[MIN_HEIGHT as usize - 1];
        assert!(footer.contains("q:quit"), "view {view}:\n{text}");
        assert!(footer.contains("?:help"), "view {view}:\n{text}");
    }
    app.on_key(ch('1'));
    let text = screen(&mut app, MIN_WIDTH, MIN_HEIGHT);
    insta::with_settings!({ description => "the smallest terminal: every tab and the quit key still show", omit_expression => true }, {
        insta::assert_snapshot!("catalogue_60x16", text);
    });
}

#[test]
fn a_long_form_error_wraps_whole_at_80x24() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('o'));
    type_text(&mut app, "Yuva AI for All");
    app.on_key(key(KeyCode::Tab));
    type_text(&mut app, "2");
    app.on_key(key(KeyCode::Enter));
    let error = match app.overlay::<Form>() {
        Some(f) => f.error.clone().expect("a reason"),
        _ => panic!("the form stays open"),
    };
    assert!(error.len() > 76, "a reason longer than the box: {error}");
    let text = screen(&mut app, 80, 24);
    assert!(words(&text).contains(&words(&error)), "{error}\n{text}");
    insta::with_settings!({ description => "o, a listed title: the whole reason, wrapped", omit_expression => true }, {
        insta::assert_snapshot!("other_form_error_80x24", text);
    });
}

#[test]
fn the_plan_pace_and_hours_show_whole_at_80x24() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('3'));
    app.on_key(ch('G'));
    let text = screen(&mut app, 80, 24);
    for sentence in [
        "Pace: behind; 2 open requirements, each with its next step below.",
        "Hours: 11.00 of 52 done; 41.00 needed by 31.03.2027: 2.24 h a week.",
        "Shortlist: 0.00 h known of the 41.00 h gap, 41.00 h short; 2 of unknown length.",
    ] {
        assert!(words(&text).contains(sentence), "{sentence}\n{text}");
    }
    insta::with_settings!({ description => "G in the Plan view: the last row and the note under it", omit_expression => true }, {
        insta::assert_snapshot!("plan_end_80x24", text);
    });
}

#[test]
fn enter_in_progress_opens_the_whole_requirement_and_its_citation() {
    let o = ias_officer();
    let mut app = o.app();
    app.on_key(ch('2'));
    let first = {
        let st = app.data.status.as_ref().unwrap();
        let r = st
            .requirements
            .iter()
            .find(|r| {
                r.text
                    .starts_with("Complete at least one additional programme")
            })
            .unwrap();
        (r.text.clone(), r.citation.clone())
    };
    assert!(first.0.len() > 78, "a title the row cuts: {}", first.0);
    app.on_key(key(KeyCode::Enter));
    assert!(app.overlay::<Requirement>().is_some_and(|r| r.row == 0));
    let text = screen(&mut app, 80, 24);
    let flat = words(&text);
    assert!(flat.contains(&first.0), "the whole title:\n{text}");
    assert!(flat.contains(&words(&first.1)), "the citation:\n{text}");
    assert!(
        flat.contains("0/1 course · OVERDUE ·"),
        "its standing:\n{text}"
    );
    insta::with_settings!({ description => "Enter on the overdue own-choice requirement", omit_expression => true }, {
        insta::assert_snapshot!("requirement_80x24", text);
    });
    app.on_key(key(KeyCode::Esc));
    assert!(app.overlays().next().is_none());
}

#[test]
fn the_remove_confirmation_names_the_course() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('4'));
    let newest = app.log_rows()[0].title.clone();
    app.on_key(ch('x'));
    let text = screen(&mut app, 80, 24);
    assert!(
        words(&text).contains(&format!("Remove \"{newest}\"")),
        "{text}"
    );
    insta::with_settings!({ description => "x in the Log view: the course by name", omit_expression => true }, {
        insta::assert_snapshot!("confirm_remove_80x24", text);
    });
}

#[test]
fn roster_view() {
    let o = bss_officer();
    o.import_tour_roster();
    let mut app = o.app();
    app.on_key(ch('5'));
    snapshot_both(
        "roster",
        "a Bihar training cell's roster from the tour's reports: most urgent first",
        &mut app,
    );
}

#[test]
fn roster_find_box() {
    let o = bss_officer();
    o.import_tour_roster();
    let mut app = o.app();
    app.on_key(ch('5'));
    app.on_key(ch('/'));
    type_text(&mut app, "devi");
    let text = screen(&mut app, 80, 24);
    insta::with_settings!({ description => "/ in the Roster: the list narrows as a name is typed", omit_expression => true }, {
        insta::assert_snapshot!("roster_find_80x24", text);
    });
}

#[test]
fn roster_officer_progress() {
    let o = bss_officer();
    o.import_tour_roster();
    let mut app = o.app();
    app.on_key(ch('5'));
    app.on_key(ch('j'));
    app.on_key(key(KeyCode::Enter));
    assert_eq!(app.view, View::Progress);
    snapshot_both(
        "roster_officer_progress",
        "Enter on the roster's second officer: her Progress, read-only",
        &mut app,
    );
}

#[test]
fn roster_empty() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('5'));
    let text = screen(&mut app, 80, 24);
    insta::with_settings!({ description => "the Roster view before any import: how to import", omit_expression => true }, {
        insta::assert_snapshot!("roster_empty_80x24", text);
    });
}

/// The Roster view's columns at every size: each officer's whole name,
/// whole numbers, and the flags giving way (whole words, then a count).
#[test]
fn roster_columns_give_the_name_room_first_and_never_cut_a_number() {
    let o = bss_officer();
    o.import_view_roster();
    let mut app = o.app();
    app.on_key(ch('5'));
    // The officer with two flags, selected: her flags show at every size,
    // in their column or under the list.
    app.on_key(ch('j'));
    let names = [
        "Dr. Priyanka Kumari Srivastava",
        "Rajeshwari Kumari Chaudhary",
        "Ravi Shankar Prasad",
        "Md. Imran Alam",
        "Sunita Devi",
        "Pooja Sinha",
    ];
    let hours = ["104.50/52", "18.00/52", "9.00/52", "5.26/52", "13.50/52"];
    for (w, h) in [(120, 40), (80, 24), (60, 16)] {
        let text = screen(&mut app, w, h);
        for name in names {
            let line = text
                .lines()
                .find(|l| l.contains(name))
                .unwrap_or_else(|| panic!("{w}x{h}: {name} not whole:\n{text}"));
            assert!(
                hours.iter().any(|h| line.contains(h)) || line.contains("unmapped"),
                "{w}x{h}: {name}'s hours cut:\n{line}"
            );
        }
        assert!(
            text.contains("too-fast,not-in-latest-report"),
            "{w}x{h}: the selected officer's flags:\n{text}"
        );
        assert!(
            text.contains("rajeshwari.chaudhary@bihar.gov.in"),
            "{w}x{h}: the e-mail `roster show` takes:\n{text}"
        );
        insta::with_settings!({ description => "two snapshots of a Bihar department: long names, 104.50 hours, several flags", omit_expression => true }, {
            insta::assert_snapshot!(format!("roster_columns_{w}x{h}"), text);
        });
    }
    // Roomy: every officer's flags in words.
    let wide = screen(&mut app, 120, 40);
    assert!(
        wide.contains("too-fast,not-in-latest-report") && wide.contains("too-fast,no-duration"),
        "{wide}"
    );
}
