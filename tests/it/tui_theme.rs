//! Colours that read on the terminal's own background: every screen drawn
//! in the dark theme and the light one, each coloured cell resolved as a
//! terminal shows it (reverse swaps ink and paper), and the pairs a person
//! cannot read on black or on white refused.

use crate::tui_fixtures;

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use karmadash::tui::{App, Theme};
use tui_fixtures::{bss_officer, ch, key, render, screen_text, select_listing, type_text};

/// A cell's text colour and background as the terminal draws them; `Reset`
/// is the terminal's own ink (text) or paper (background).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Ink {
    Own,
    Named(Color),
}

fn resolved(cell: &ratatui::buffer::Cell) -> (Ink, Ink) {
    let ink = |c: Color| match c {
        Color::Reset => Ink::Own,
        c => Ink::Named(c),
    };
    let (fg, bg) = (ink(cell.fg), ink(cell.bg));
    if cell.modifier.contains(Modifier::REVERSED) {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

/// Every screen of the tour: each view, the search box with a selected
/// hit, help, and a training cell's roster.
fn screens(theme: &Theme) -> Vec<(String, Buffer)> {
    let officer = bss_officer();
    let mut out = Vec::new();
    let mut shot = |name: &str, app: &mut App| {
        out.push((name.to_string(), render(app, 80, 24, theme)));
    };
    let mut app = officer.app();
    app.on_key(ch('l'));
    app.on_key(ch('j'));
    shot("catalogue", &mut app);
    for (name, k) in [("progress", '2'), ("plan", '3'), ("log", '4')] {
        let mut app = officer.app();
        app.on_key(ch(k));
        shot(name, &mut app);
    }
    let mut app = officer.app();
    app.on_key(ch('/'));
    type_text(&mut app, "data");
    app.wait_search();
    app.on_key(key(KeyCode::Down));
    shot("search", &mut app);
    let mut app = officer.app();
    app.on_key(ch('?'));
    shot("help", &mut app);
    let cell = bss_officer();
    cell.import_tour_roster();
    let mut app = cell.app();
    app.on_key(ch('5'));
    shot("roster", &mut app);
    out
}

/// The cells whose text cannot be read: `faint` text on the terminal's
/// paper, or the paper's colour as text on a `faint` background.
fn unreadable(screens: &[(String, Buffer)], faint: &[Color]) -> Vec<String> {
    let mut bad = Vec::new();
    for (name, buffer) in screens {
        for (i, cell) in buffer.content.iter().enumerate() {
            if cell.symbol().trim().is_empty() {
                continue;
            }
            let (fg, bg) = resolved(cell);
            let on_paper = matches!(fg, Ink::Named(c) if faint.contains(&c)) && bg == Ink::Own;
            let paper_on = fg == Ink::Own
                && cell.modifier.contains(Modifier::REVERSED)
                && matches!(bg, Ink::Named(c) if faint.contains(&c));
            if on_paper || paper_on {
                let w = buffer.area.width as usize;
                bad.push(format!(
                    "{name} ({}, {}) {:?} as {fg:?} on {bg:?}",
                    i % w,
                    i / w,
                    cell.symbol()
                ));
            }
        }
    }
    bad
}

#[test]
fn on_a_black_background_no_text_is_dark_blue_or_black() {
    let bad = unreadable(&screens(&Theme::DARK), &[Color::Blue, Color::Black]);
    assert!(bad.is_empty(), "faint on black:\n{}", bad.join("\n"));
}

/// The search box's selected hit: its matched letters stay readable when
/// the row is reversed (no light colour turned into a background).
#[test]
fn the_selected_search_hit_is_never_a_light_colour_behind_paper_text() {
    let shots = screens(&Theme::DARK);
    let light = [
        Color::Yellow,
        Color::LightYellow,
        Color::Cyan,
        Color::LightCyan,
        Color::Green,
        Color::LightGreen,
        Color::White,
        Color::Gray,
    ];
    let search: Vec<_> = shots.into_iter().filter(|(n, _)| n == "search").collect();
    let bad: Vec<String> = unreadable(&search, &light)
        .into_iter()
        .filter(|b| !b.contains("on Own"))
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The selected row of a course not done shows no "done" colour: its blank
/// mark column reversed in green read as a green block, "done".
#[test]
fn a_selected_course_not_done_shows_no_green_block() {
    let o = bss_officer();
    let mut app = o.app();
    select_listing(&mut app, "Yuva AI for All");
    let buffer = render(&mut app, 80, 24, &Theme::DARK);
    let text = screen_text(&buffer);
    let y = text
        .lines()
        .position(|l| l.contains("▸") && l.contains("Yuva AI for All"))
        .unwrap_or_else(|| panic!("the selected row:\n{text}"));
    let w = buffer.area.width as usize;
    let green: Vec<usize> = (0..w)
        .filter(|x| {
            let cell = &buffer.content[y * w + x];
            cell.modifier.contains(Modifier::REVERSED)
                && matches!(cell.fg, Color::Green | Color::LightGreen)
        })
        .collect();
    assert!(green.is_empty(), "green cells at {green:?} on row {y}");
}

/// Yellow, cyan and white fade on a white background: the light theme
/// draws no text in them, nor white paper text on them.
#[test]
fn on_a_white_background_no_text_is_yellow_cyan_or_white() {
    let faint = [
        Color::Yellow,
        Color::LightYellow,
        Color::Cyan,
        Color::LightCyan,
        Color::LightGreen,
        Color::White,
        Color::Gray,
    ];
    let bad = unreadable(&screens(&Theme::LIGHT), &faint);
    assert!(bad.is_empty(), "faint on white:\n{}", bad.join("\n"));
    // The dark theme's headings are cyan and its matches yellow: the test
    // would see them.
    assert!(!unreadable(&screens(&Theme::DARK), &faint).is_empty());
}

fn braille(text: &str) -> usize {
    text.chars()
        .filter(|c| ('\u{2800}'..='\u{28FF}').contains(c))
        .count()
}

/// Where the font has no braille, the hours charts draw blocks.
#[test]
fn the_block_marker_draws_the_hours_charts_without_braille() {
    let officer = bss_officer();
    let block = Theme {
        marker: karmadash::tui::ChartMarker::Block,
        ..Theme::DARK
    };
    let mut app = officer.app();
    app.on_key(ch('2'));
    let dots = screen_text(&render(&mut app, 80, 24, &Theme::DARK));
    assert!(braille(&dots) > 10, "braille by default:\n{dots}");
    let blocks = screen_text(&render(&mut app, 80, 24, &block));
    assert_eq!(braille(&blocks), 0, "{blocks}");
    assert!(
        blocks.contains("█ yours"),
        "the legend names the marker:\n{blocks}"
    );
    assert!(blocks.contains(['▀', '▄']), "{blocks}");
    // The Roster view's burn-down, 130 columns or wider.
    let cell = bss_officer();
    cell.import_tour_roster();
    let mut app = cell.app();
    app.on_key(ch('5'));
    let dots = screen_text(&render(&mut app, 140, 30, &Theme::DARK));
    assert!(braille(&dots) > 0, "{dots}");
    let blocks = screen_text(&render(&mut app, 140, 30, &block));
    assert_eq!(braille(&blocks), 0, "{blocks}");
}

/// A theme or marker that is neither is one line and exit 2, whether
/// typed or set in the variable; `courses --portal --theme` stays the
/// portal's competency theme.
#[test]
fn an_unknown_theme_or_marker_is_refused_in_one_line() {
    let o = tui_fixtures::Officer::empty();
    for (args, var) in [
        (&["--theme", "purple"][..], None),
        (&[][..], Some(("KARMADASH_THEME", "purple"))),
        (&["--chart-marker", "dots"][..], None),
        (&[][..], Some(("KARMADASH_CHART_MARKER", "dots"))),
    ] {
        let mut cmd = crate::bin_fixtures::karmadash_on(&o.db(), tui_fixtures::TODAY);
        cmd.args(args);
        if let Some((k, v)) = var {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("karmadash runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?} {var:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("possible values"), "{err}");
    }
    crate::bin_fixtures::karmadash_on(&o.db(), tui_fixtures::TODAY)
        .args(["--theme", "light", "tiers"])
        .env("KARMADASH_THEME", "Dark")
        .assert()
        .success();
}
