//! The dashboard driven by keys, as a person drives it, with the state and
//! the store checked after each step: views, filters, search, recording,
//! refusing bad input, the shortlist, removing, quitting, help, and the
//! remembered view and filters.

use crate::tui_fixtures;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use karmadash::catalogue::Competency;
use karmadash::rules::engine::Unit;
use karmadash::tui::{App, ConfirmRemove, Detail, Focus, Form, Help, SearchBox, View};
use tui_fixtures::{
    bss_officer, catalogue, ch, ctrl, key, screen, select_listing, selected_title, type_text,
    Officer,
};

fn visible_titles(app: &App) -> Vec<String> {
    app.visible_listings()
        .iter()
        .map(|l| l.title.clone())
        .collect()
}

/// `done` of the first requirement counted in `unit`.
fn done_in(app: &App, unit: Unit) -> f64 {
    app.data
        .status
        .as_ref()
        .expect("an evaluated profile")
        .requirements
        .iter()
        .find(|r| r.unit == unit)
        .unwrap_or_else(|| panic!("a requirement in {unit:?}"))
        .done
}

fn form_error(app: &App) -> Option<String> {
    match app.overlay::<Form>() {
        Some(f) => f.error.clone(),
        _ => panic!("a form should be open"),
    }
}

#[test]
fn tab_shift_tab_and_digits_move_between_views() {
    let o = bss_officer();
    let mut app = o.app();
    assert_eq!(app.view, View::Catalogue);
    let mut seen = Vec::new();
    for _ in 0..5 {
        app.on_key(key(KeyCode::Tab));
        seen.push(app.view);
    }
    assert_eq!(
        seen,
        [
            View::Progress,
            View::Plan,
            View::Log,
            View::Roster,
            View::Catalogue
        ]
    );
    // Terminals send Shift-Tab as BackTab, with or without the SHIFT flag.
    app.on_key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(app.view, View::Roster);
    app.on_key(key(KeyCode::BackTab));
    assert_eq!(app.view, View::Log);
    app.on_key(key(KeyCode::BackTab));
    assert_eq!(app.view, View::Plan);
    for (c, v) in [
        ('1', View::Catalogue),
        ('4', View::Log),
        ('2', View::Progress),
        ('5', View::Roster),
        ('3', View::Plan),
    ] {
        app.on_key(ch(c));
        assert_eq!(app.view, v, "key {c}");
    }
}

#[test]
fn competency_filter_cycles_and_changes_the_listings() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('l'));
    assert_eq!(app.views.catalogue.focus, Focus::Listings);
    let all = visible_titles(&app);
    assert_eq!(
        all.len(),
        catalogue().tier_listings("bss-aso-us").count(),
        "every row the order prints for the tier"
    );
    let mut lists = Vec::new();
    for expected in [
        Some(Competency::Behavioural),
        Some(Competency::Functional),
        Some(Competency::Domain),
        None,
    ] {
        app.on_key(ch('c'));
        assert_eq!(app.views.catalogue.competency, expected);
        assert_eq!(app.views.catalogue.row, 0, "a new filter starts at the top");
        let shown = app.visible_listings();
        if let Some(c) = expected {
            assert!(!shown.is_empty(), "{c:?} has courses");
            assert!(shown.len() < all.len(), "{c:?} narrows the list");
            assert!(shown.iter().all(|l| l.competencies.contains(&c)));
        }
        lists.push(visible_titles(&app));
    }
    assert_eq!(lists[3], all, "the fourth press shows everything again");
    assert_ne!(lists[0], lists[1]);
    assert_ne!(lists[1], lists[2]);
    // What a person sees follows the filter.
    app.on_key(ch('c'));
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("behavioural"), "{text}");
    assert!(text.contains("Effective Communication"), "{text}");
    assert!(
        !text.contains("Yuva AI for All"),
        "a functional course: {text}"
    );
}

#[test]
fn search_then_enter_opens_the_course_in_the_catalogue() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('3'));
    app.on_key(ch('/'));
    assert!(app.overlay::<SearchBox>().is_some());
    type_text(&mut app, "yuva");
    app.wait_search();
    match app.overlay::<SearchBox>() {
        Some(b) => {
            assert_eq!(b.query, "yuva");
            assert!(!b.hits.is_empty(), "yuva finds something");
        }
        _ => panic!("the search box stays open while typing"),
    }
    app.on_key(key(KeyCode::Enter));
    assert_eq!(app.view, View::Catalogue);
    assert_eq!(app.views.catalogue.focus, Focus::Listings);
    assert_eq!(
        app.tier_id(),
        "bss-aso-us",
        "the officer's own tier lists it"
    );
    assert_eq!(selected_title(&app), "Yuva AI for All");
    match app.overlay::<Detail>() {
        Some(d) => assert_eq!(catalogue().courses[d.course].title, "Yuva AI for All"),
        _ => panic!("Enter opens the course's details"),
    }
}

#[test]
fn recording_a_completion_writes_the_store_and_moves_progress() {
    let o = bss_officer();
    let mut app = o.app();
    let courses_before = done_in(&app, Unit::Courses);
    let hours_before = done_in(&app, Unit::Hours);
    let stored_before = o.store().snapshot().unwrap().completions.len();
    select_listing(&mut app, "Yuva AI for All");
    app.on_key(ch('d'));
    assert!(form_error(&app).is_none());
    // The cursor starts in Hours; the date defaults to today.
    type_text(&mut app, "2:30");
    app.on_key(key(KeyCode::Enter));
    assert!(app.overlays().next().is_none(), "a good form closes");
    let (msg, is_error) = app.message.clone().expect("a confirmation");
    assert!(!is_error && msg.contains("Yuva AI for All"), "{msg}");

    let stored = o.store().snapshot().unwrap().completions;
    assert_eq!(stored.len(), stored_before + 1);
    let c = stored
        .iter()
        .find(|c| c.title == "Yuva AI for All")
        .expect("the completion is in the store");
    assert_eq!(c.seconds, 150 * 60);
    assert_eq!(c.date, tui_fixtures::today());
    assert_eq!(done_in(&app, Unit::Courses), courses_before + 1.0);
    assert_eq!(done_in(&app, Unit::Hours), hours_before + 2.5);

    // Pressing d again on a done course says so instead of recording twice.
    app.on_key(ch('d'));
    assert!(app.overlays().next().is_none());
    assert!(app
        .message
        .as_ref()
        .is_some_and(|(m, e)| *e && m.contains("Already")));
}

#[test]
fn bad_hours_keep_the_form_open_and_write_nothing() {
    let o = bss_officer();
    let mut app = o.app();
    let before = o.store().snapshot().unwrap();
    select_listing(&mut app, "Yuva AI for All");
    app.on_key(ch('d'));
    for bad in ["-2", "abc", "0"] {
        for _ in 0..8 {
            app.on_key(key(KeyCode::Backspace));
        }
        type_text(&mut app, bad);
        app.on_key(key(KeyCode::Enter));
        let err = form_error(&app).unwrap_or_else(|| panic!("{bad}: no reason shown"));
        assert!(err.contains(bad), "{bad}: {err}");
    }
    assert_eq!(o.store().snapshot().unwrap(), before, "nothing written");
    // Typing again clears the reason; Esc leaves without saving.
    app.on_key(ch('1'));
    assert!(form_error(&app).is_none());
    app.on_key(key(KeyCode::Esc));
    assert!(app.overlays().next().is_none());
    assert_eq!(o.store().snapshot().unwrap(), before);
}

#[test]
fn s_toggles_the_shortlist() {
    let o = bss_officer();
    let mut app = o.app();
    let course = "Decoding Mission Karmayogi";
    let key_of = {
        let c = catalogue();
        c.courses[c.course_by_title(course).unwrap()]
            .key()
            .into_owned()
    };
    select_listing(&mut app, course);
    assert!(!o.store().snapshot().unwrap().shortlist.contains(&key_of));
    app.on_key(ch('s'));
    assert!(o.store().snapshot().unwrap().shortlist.contains(&key_of));
    app.on_key(ch('3'));
    let plan = screen(&mut app, 120, 40);
    assert!(plan.contains(course), "the plan shows it:\n{plan}");
    app.on_key(ch('1'));
    app.on_key(ch('s'));
    assert!(!o.store().snapshot().unwrap().shortlist.contains(&key_of));
}

#[test]
fn x_then_y_removes_a_completion_and_other_keys_keep_it() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('4'));
    let before = o.store().snapshot().unwrap().completions;
    let newest = app.log_rows()[0].id;
    app.on_key(ch('x'));
    assert!(app
        .overlay::<ConfirmRemove>()
        .is_some_and(|c| c.id == newest));
    app.on_key(ch('n'));
    assert!(app.overlays().next().is_none());
    assert_eq!(o.store().snapshot().unwrap().completions, before);

    app.on_key(ch('x'));
    app.on_key(ch('y'));
    let after = o.store().snapshot().unwrap().completions;
    assert_eq!(after.len(), before.len() - 1);
    assert!(after.iter().all(|c| c.id != newest));
    assert_eq!(app.log_rows().len(), after.len());
}

#[test]
fn q_quits() {
    let o = bss_officer();
    let mut app = o.app();
    assert!(!app.quit);
    app.on_key(ch('q'));
    assert!(app.quit);
}

#[test]
fn ctrl_c_quits_even_inside_the_search_box() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('/'));
    type_text(&mut app, "q");
    assert!(!app.quit, "q is text in the search box");
    app.on_key(ctrl('c'));
    assert!(app.quit);
}

#[test]
fn question_mark_opens_help_and_esc_closes_it() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('?'));
    assert!(app.overlay::<Help>().is_some());
    app.on_key(key(KeyCode::Esc));
    assert!(app.overlays().next().is_none());
    assert!(!app.quit, "Esc closes the help, it does not quit");
}

#[test]
fn view_tier_and_filters_survive_a_restart() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('k')); // the tier above the officer's own
    let tier = app.tier_id().to_string();
    assert_eq!(tier, "bss-ds-js");
    app.on_key(ch('c'));
    app.on_key(ch('c'));
    app.on_key(ch('m'));
    app.on_key(ch('3'));
    app.save_ui();

    let again = o.app();
    assert_eq!(again.view, View::Plan);
    assert_eq!(again.tier_id(), tier);
    assert_eq!(
        again.views.catalogue.competency,
        Some(Competency::Functional)
    );
    assert_eq!(
        again.views.catalogue.listing_status,
        Some(karmadash::catalogue::ListingStatus::Mandatory)
    );
}

#[test]
fn a_new_officer_fills_the_welcome_form() {
    let o = Officer::empty();
    let mut app = o.app();
    assert!(app.overlay::<Form>().is_some());
    type_text(&mut app, "bss");
    app.on_key(key(KeyCode::Tab));
    app.on_key(key(KeyCode::Tab));
    app.on_key(key(KeyCode::Tab));
    type_text(&mut app, "bss-aso-us");
    app.on_key(key(KeyCode::Enter));
    assert!(app.overlays().next().is_none(), "{:?}", app.message);
    assert_eq!(
        app.tier_id(),
        "bss-aso-us",
        "the catalogue opens on their tier"
    );
    let profile = o.store().snapshot().unwrap().profile.expect("saved");
    assert_eq!(profile.tier.as_deref(), Some("bss-aso-us"));
    assert_eq!(profile.state.as_deref(), Some("bihar"));
}

#[test]
fn a_course_no_tier_lists_opens_from_search_and_d_records_it() {
    // A portal export's course: searchable, in no tier's list.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("portal.csv"),
        "title\nQuokka Conservation Basics\n",
    )
    .unwrap();
    let catalogue = karmadash::catalogue::sources::load_with_dir(Some(dir.path())).unwrap();
    let quokka = catalogue
        .course_by_title("quokka conservation basics")
        .unwrap();
    let o = bss_officer();
    let mut app = App::new(
        std::sync::Arc::new(catalogue),
        o.store(),
        tui_fixtures::today(),
    );
    let (view, tier) = (app.view, app.tier_id().to_string());
    app.on_key(ch('/'));
    type_text(&mut app, "quokka");
    app.wait_search();
    app.on_key(key(KeyCode::Enter));
    assert!(
        app.overlay::<Detail>().is_some_and(|d| d.course == quokka),
        "Enter opens the course even though no tier lists it"
    );
    assert!(screen(&mut app, 80, 24).contains("Listed in no tier"));
    // The catalogue stays where it was.
    assert_eq!((app.view, app.tier_id().to_string()), (view, tier));
    app.on_key(ch('d'));
    assert!(app.overlay::<Form>().is_some(), "d opens the form");
}

#[test]
fn esc_on_the_main_screen_never_quits() {
    let o = bss_officer();
    let mut app = o.app();
    for view in ['1', '2', '3', '4'] {
        app.on_key(ch(view));
        // Once to close a popup that is already closed, and once more.
        app.on_key(key(KeyCode::Esc));
        app.on_key(key(KeyCode::Esc));
        assert!(!app.quit, "Esc quit the dashboard in view {view}");
    }
    // In the course list, Esc goes back to the tiers.
    app.on_key(ch('1'));
    app.on_key(ch('l'));
    app.on_key(key(KeyCode::Esc));
    assert_eq!(app.views.catalogue.focus, Focus::Tiers);
    app.on_key(ch('q'));
    assert!(app.quit && !app.interrupted, "q quits, plainly");
}

#[test]
fn ctrl_c_is_an_interruption() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ctrl('c'));
    assert!(app.quit && app.interrupted, "Ctrl-C ends with 130, not 0");
}

/// Fills the open form field by field (Tab between) and presses Enter.
fn fill_and_save(app: &mut App, fields: &[&str]) {
    for (i, text) in fields.iter().enumerate() {
        if i > 0 {
            app.on_key(key(KeyCode::Tab));
        }
        for _ in 0..12 {
            app.on_key(key(KeyCode::Backspace));
        }
        type_text(app, text);
    }
    app.on_key(key(KeyCode::Enter));
}

#[test]
fn o_records_a_course_outside_the_lists_as_done_other_does() {
    let o = bss_officer();
    let mut app = o.app();
    let hours_before = done_in(&app, Unit::Hours);
    app.on_key(ch('4'));
    app.on_key(ch('o'));
    // A listed course is refused, with the CLI's reason, and nothing written.
    let before = o.store().snapshot().unwrap();
    fill_and_save(&mut app, &["Yuva AI for All", "2", "2026-11-01", ""]);
    let err = form_error(&app).expect("a listed title is refused");
    assert!(err.contains("is a listed course"), "{err}");
    assert_eq!(o.store().snapshot().unwrap(), before);
    // A future date is refused too.
    app.on_key(key(KeyCode::Esc));
    app.on_key(ch('o'));
    fill_and_save(
        &mut app,
        &["Digital Payments in Government", "3", "2027-01-01", ""],
    );
    assert!(form_error(&app).unwrap().contains("future"));
    assert_eq!(o.store().snapshot().unwrap(), before);
    app.on_key(key(KeyCode::Esc));
    app.on_key(ch('o'));
    fill_and_save(
        &mut app,
        &["Digital Payments in Government", "3", "2026-11-05", "DPG-1"],
    );
    assert!(app.overlays().next().is_none(), "{:?}", app.message);
    let stored = o.store().snapshot().unwrap().completions;
    let c = stored
        .iter()
        .find(|c| c.title == "Digital Payments in Government")
        .expect("recorded");
    assert!(!c.in_catalogue);
    assert_eq!(c.seconds, 180 * 60);
    assert_eq!(c.certificate.as_deref(), Some("DPG-1"));
    assert_eq!(done_in(&app, Unit::Hours), hours_before + 3.0);
    assert!(screen(&mut app, 120, 40).contains("Digital Payments in Government (other)"));
}

#[test]
fn the_log_keeps_the_other_mark_of_a_long_title_at_80_columns() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('4'));
    app.on_key(ch('o'));
    let title = "Leadership in Public Service Delivery and Governance for Officers";
    fill_and_save(&mut app, &[title, "1", "2026-11-05", ""]);
    assert!(app.overlays().next().is_none(), "{:?}", app.message);
    let screen = screen(&mut app, 80, 24);
    let row = screen
        .lines()
        .find(|l| l.contains("Leadership in Public"))
        .expect("the completion is listed");
    // The title is cut to make room; the mark that says it is outside the
    // lists is what must stay.
    assert!(row.contains("(other)"), "{row}");
}

#[test]
fn a_records_an_assigned_course_and_e_the_assessment() {
    let o = Officer::empty();
    o.profile("ias", "delhi", "2020", "");
    let mut app = o.app();
    app.on_key(ch('a'));
    fill_and_save(
        &mut app,
        &["Cyber Hygiene for Government Employees", "2027-13-01"],
    );
    assert!(form_error(&app).unwrap().contains("due date"));
    assert!(o.store().snapshot().unwrap().assignments.is_empty());
    app.on_key(key(KeyCode::Esc));
    app.on_key(ch('a'));
    fill_and_save(
        &mut app,
        &["Cyber Hygiene for Government Employees", "2027-02-28"],
    );
    assert!(app.overlays().next().is_none(), "{:?}", app.message);
    let assigned = o.store().snapshot().unwrap().assignments;
    assert_eq!(assigned.len(), 1);
    assert_eq!(assigned[0].due, "2027-02-28".parse().ok());

    let unmet = |app: &App| {
        app.data
            .status
            .as_ref()
            .unwrap()
            .requirements
            .iter()
            .find(|r| r.unit == Unit::Assessment)
            .map(|r| r.met)
    };
    assert_eq!(unmet(&app), Some(false));
    app.on_key(ch('e'));
    fill_and_save(&mut app, &["2019-01-01"]);
    assert!(form_error(&app)
        .unwrap()
        .contains("before Mission Karmayogi"));
    assert!(o.store().snapshot().unwrap().assessments.is_empty());
    fill_and_save(&mut app, &["2026-10-15"]);
    assert!(app.overlays().next().is_none(), "{:?}", app.message);
    assert_eq!(o.store().snapshot().unwrap().assessments.len(), 1);
    assert_eq!(unmet(&app), Some(true), "the assessment counts at once");
}

#[test]
fn the_profile_form_records_the_registration_date_and_the_name() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('p'));
    for _ in 0..4 {
        app.on_key(key(KeyCode::Tab));
    }
    type_text(&mut app, "2026-03-15");
    app.on_key(key(KeyCode::Tab));
    type_text(&mut app, "A. Kumar");
    app.on_key(key(KeyCode::Enter));
    assert!(app.overlays().next().is_none(), "{:?}", app.message);
    let p = o.store().snapshot().unwrap().profile.unwrap();
    assert_eq!(p.registered, "2026-03-15".parse().ok());
    assert_eq!(
        p.name.as_deref(),
        Some("A. Kumar"),
        "as `profile set --name`"
    );
    // Editing again shows both, and keeps them.
    app.on_key(ch('p'));
    app.on_key(key(KeyCode::Enter));
    let again = o.store().snapshot().unwrap().profile.unwrap();
    assert_eq!(again, p);
}

#[test]
fn a_write_from_another_process_shows_without_a_key() {
    let o = bss_officer();
    let mut app = o.app();
    app.on_key(ch('4'));
    assert!(app.notice_changes(), "the first check reads the store once");
    assert!(!app.notice_changes(), "nothing changed since");
    let before = app.log_rows().len();
    // What `karmadash done` in a shell does: the same library call.
    let input = karmadash::app::progress::CompletionInput {
        course: "Yuva AI for All",
        other: false,
        hours: "2",
        date: tui_fixtures::today(),
        certificate: None,
    };
    karmadash::app::progress::record_completion(
        &catalogue(),
        &o.store(),
        tui_fixtures::today(),
        &input,
    )
    .unwrap();
    assert_eq!(app.log_rows().len(), before, "not read yet");
    assert!(app.notice_changes());
    assert_eq!(app.log_rows().len(), before + 1);
    assert!(!app.notice_changes());
}
