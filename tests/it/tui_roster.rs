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

#[test]
fn x_exempts_the_selected_officer_with_a_reason_that_the_audit_log_keeps() {
    let o = bss_officer();
    o.import_tour_roster();
    let mut app = o.app();
    app.on_key(ch('5'));
    // The first row is the most urgent: Md. Imran Alam.
    app.on_key(ch('x'));
    assert!(app.overlay::<karmadash::tui::ExemptOfficer>().is_some());
    assert!(screen(&mut app, 80, 24).contains("Exempt Md. Imran Alam <imran.alam@bihar.gov.in>"));
    // No reason, no exemption: the form says why and stays.
    app.on_key(key(KeyCode::Enter));
    assert!(screen(&mut app, 80, 24).contains("Say why"));
    type_text(&mut app, "Deputation to the ECI");
    app.on_key(key(KeyCode::Enter));
    assert!(app.overlay::<karmadash::tui::ExemptOfficer>().is_none());
    let text = screen(&mut app, 80, 24);
    let line = text
        .lines()
        .find(|l| l.contains("Md. Imran Alam"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("exempt"), "{text}");
    // Exempt comes last: the list's first row is now Sunita Devi.
    assert_eq!(roster_names(&mut app)[0], "Sunita Devi");
    let (code, out, err) =
        crate::bin_fixtures::run_on(&o.db(), tui_fixtures::TODAY, &["roster", "audit", "--json"]);
    assert_eq!(code, 0, "{err}");
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let last = log.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["change"], "exempt");
    assert_eq!(last["officer"], "imran.alam@bihar.gov.in");
    assert_eq!(last["detail"]["reason"], "Deputation to the ECI");
}

#[test]
fn a_wide_roster_view_shows_the_hours_against_the_even_pace_and_the_behind_over_time() {
    let o = bss_officer();
    let fixture = |f: &str| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/igot_fixtures")
            .join(f)
    };
    for consumption in [
        "month/ConsumptionReport-2026-10-01.csv",
        "tour/ConsumptionReport.csv",
    ] {
        crate::bin_fixtures::karmadash_on(&o.db(), tui_fixtures::TODAY)
            .args(["roster", "import"])
            .arg(fixture(consumption))
            .arg(fixture("month/UserReport.csv"))
            .assert()
            .success();
    }
    let mut app = o.app();
    app.on_key(ch('5'));
    let wide = screen(&mut app, 140, 30);
    assert!(wide.contains("Hours done, and the even pace"), "{wide}");
    assert!(wide.contains("Behind at each report: 3 → 3"), "{wide}");
    assert!(wide.contains("156 h") || wide.contains("208 h"), "{wide}");
    // At 80 columns the list keeps the whole view.
    assert!(!screen(&mut app, 80, 24).contains("even pace"));
}

/// A cell that reads two departments' reports: GAD's, then Revenue's
/// (Ravi Shankar Prasad is listed by both and counted once, under Revenue).
fn two_departments() -> tui_fixtures::Officer {
    let o = bss_officer();
    let cell = |f: &str| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/igot_fixtures/cell")
            .join(f)
    };
    for files in [
        &["gad/ConsumptionReport.csv", "gad/UserReport.csv"][..],
        &["revenue/ConsumptionReport.csv"][..],
    ] {
        crate::bin_fixtures::karmadash_on(&o.db(), tui_fixtures::TODAY)
            .args(["roster", "import"])
            .args(files.iter().map(|f| cell(f)))
            .assert()
            .success();
    }
    o
}

#[test]
fn m_filters_the_roster_by_department_all_first_then_each_as_the_reports_name_it() {
    let o = two_departments();
    let mut app = o.app();
    app.on_key(ch('5'));
    let text = screen(&mut app, 80, 24);
    let first = text.lines().nth(1).unwrap_or_default().to_string();
    assert!(first.contains("· dept all"), "{text}");
    assert!(
        text.contains("Anjali Kumari") && text.contains("Sunita Devi"),
        "{text}"
    );
    // The footer names the key at 80 columns, and help and quit still fit.
    let footer = text.lines().last().unwrap_or_default();
    assert!(footer.contains("m:dept"), "{footer}");
    assert!(
        footer.contains("?:help") && footer.contains("q:quit"),
        "{footer}"
    );

    // m: each department, sorted as `roster --mdo` knows them, then all.
    app.on_key(ch('m'));
    let gad = screen(&mut app, 80, 24);
    // Too long for the top at 80 columns: the bottom border gives it whole.
    assert!(
        gad.lines()
            .any(|l| l.starts_with('└') && l.contains(" General Administration Department, Bihar ")),
        "{gad}"
    );
    assert!(
        gad.contains("Anjali Kumari") && gad.contains("Meera Nair"),
        "{gad}"
    );
    assert!(
        !gad.contains("Sunita Devi") && !gad.contains("Ravi Shankar"),
        "{gad}"
    );
    app.on_key(ch('m'));
    let revenue = screen(&mut app, 80, 24);
    assert!(
        revenue.contains("Revenue and Land Reforms Department, Bihar"),
        "{revenue}"
    );
    assert!(
        revenue.contains("Sunita Devi") && revenue.contains("Ravi Shankar Prasad"),
        "{revenue}"
    );
    assert!(!revenue.contains("Anjali"), "{revenue}");
    // With the verdict filter too: both narrow the list.
    app.on_key(ch('v'));
    assert!(screen(&mut app, 80, 24).contains("Revenue and Land"));
    app.on_key(ch('v'));
    app.on_key(ch('m'));
    let all = screen(&mut app, 80, 24);
    assert!(all.contains("· dept all"), "{all}");

    // Help names the key.
    app.on_key(ch('?'));
    let help = screen(&mut app, 80, 24);
    assert!(help.contains("department filter"), "{help}");
}
