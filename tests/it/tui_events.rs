//! The dashboard driven by keys, as a person drives it, with the state and
//! the store checked after each step: views, filters, search, recording,
//! refusing bad input, the shortlist, removing, quitting, help, and the
//! remembered view and filters.

use crate::tui_fixtures;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use karmadash::catalogue::Competency;
use karmadash::rules::engine::Unit;
use karmadash::tui::{App, ConfirmRemove, Detail, FindOfficer, Focus, Form, Help, SearchBox, View};
use tui_fixtures::{bss_officer, catalogue, ch, ctrl, key, screen, type_text, Officer};

fn visible_titles(app: &App) -> Vec<String> {
    app.visible_listings()
        .iter()
        .map(|l| l.title.clone())
        .collect()
}

fn selected_title(app: &App) -> String {
    app.visible_listings()[app.views.catalogue.row]
        .title
        .clone()
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

/// Moves the course list's cursor onto a listing by title.
fn select_listing(app: &mut App, title: &str) {
    app.on_key(ch('l'));
    app.on_key(ch('g'));
    while selected_title(app) != title {
        let before = app.views.catalogue.row;
        app.on_key(ch('j'));
        assert_ne!(
            app.views.catalogue.row, before,
            "{title} is not in the list"
        );
    }
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
    assert_eq!(roster_names(&mut app), ["Pooja Sinha"], "unmapped");
    app.on_key(ch('v'));
    assert_eq!(roster_names(&mut app), ["Anjali Kumari"], "on pace");
    app.on_key(ch('v'));
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
