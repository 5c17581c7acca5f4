//! The screenshots in `screenshots/`, drawn by the real rendering code: each
//! view at 80x24 (what a user over SSH sees) and the catalogue also at
//! 120x40, in the dark theme on a dark terminal, and each view again in the
//! light theme on xterm's own black-on-white (`NAME-light.svg`), on a
//! `TestBackend`, written as SVG. The Hindi dashboard (`hi-*.svg`) is
//! drawn the same way, on both backgrounds.
//!
//! Regenerate them with one command:
//!
//! ```text
//! KARMADASH_SCREENSHOTS=1 cargo test --test it screenshots::
//! ```
//!
//! A plain `cargo test` checks that every file exists and is exactly what
//! this would write, so the screenshots cannot go stale.

use crate::tui_fixtures;

use crossterm::event::KeyCode;
use karmadash::i18n::Lang;
use karmadash::units::lang::{Chosen, LangSource};
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::style::{Color, Modifier};
use std::fmt::Write as _;
use std::path::PathBuf;

use karmadash::tui::{App, Theme};
use tui_fixtures::{bss_officer, ch, key, render, type_text};

const WIDTH: u16 = 80;
const HEIGHT: u16 = 24;
const COMMAND: &str = "KARMADASH_SCREENSHOTS=1 cargo test --test it screenshots::";

/// Cell size in whole pixels for a 15px monospace font (DejaVu Sans Mono
/// advances 0.602 em, 9.03 px): whole pixels keep box-drawing lines on the
/// pixel grid, where fractional positions drew the right border faint.
/// Every word is placed at its own cell and stretched to its cells, so a
/// fallback font cannot push the grid out of line.
const CELL_W: f64 = 9.0;
const CELL_H: f64 = 18.0;
const FONT_SIZE: f64 = 15.0;
const BASELINE: f64 = 14.0;

/// A terminal's paper: its own ink and background, and its 16 colours.
#[derive(Clone, Copy)]
struct Paper {
    fg: &'static str,
    bg: &'static str,
    colours: [&'static str; 16],
}

/// A common dark terminal theme.
const DARK: Paper = Paper {
    fg: "#cccccc",
    bg: "#1e1e1e",
    colours: [
        "#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
        "#767676", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff",
    ],
};

/// xterm as it starts: black on white, its own 16 colours (urxvt and
/// mlterm start black on white too).
const LIGHT: Paper = Paper {
    fg: "#000000",
    bg: "#ffffff",
    colours: [
        "#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
        "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
    ],
};

const DEFAULT_FG: &str = DARK.fg;
const DEFAULT_BG: &str = DARK.bg;

/// The 16 basic colours as `paper` draws them.
fn palette(c: Color, paper: &Paper) -> Option<String> {
    let i = match c {
        Color::Reset => return None,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Rgb(r, g, b) => return Some(format!("#{r:02x}{g:02x}{b:02x}")),
        Color::Indexed(i) => return Some(indexed(i, paper)),
    };
    Some(paper.colours[i].to_string())
}

/// xterm's 256 colours: the 16 basic ones, a 6x6x6 cube, then greys.
fn indexed(i: u8, paper: &Paper) -> String {
    const BASIC: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match i {
        0..=15 => palette(BASIC[i as usize], paper).expect("a basic colour"),
        16..=231 => {
            let n = i - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            format!(
                "#{:02x}{:02x}{:02x}",
                level(n / 36),
                level(n / 6 % 6),
                level(n % 6)
            )
        }
        _ => {
            let v = 8 + (i - 232) * 10;
            format!("#{v:02x}{v:02x}{v:02x}")
        }
    }
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

/// How a run of cells looks once defaults and reverse are resolved.
#[derive(Clone, PartialEq, Eq)]
struct Look {
    fg: String,
    bg: String,
    bold: bool,
    italic: bool,
    underline: bool,
    dim: bool,
}

fn look(cell: &ratatui::buffer::Cell, paper: &Paper) -> Look {
    let mut fg = palette(cell.fg, paper).unwrap_or_else(|| paper.fg.into());
    let mut bg = palette(cell.bg, paper).unwrap_or_else(|| paper.bg.into());
    let m = cell.modifier;
    if m.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    Look {
        fg,
        bg,
        bold: m.contains(Modifier::BOLD),
        italic: m.contains(Modifier::ITALIC),
        underline: m.contains(Modifier::UNDERLINED),
        dim: m.contains(Modifier::DIM),
    }
}

struct Run {
    look: Look,
    col: usize,
    cells: usize,
    text: String,
}

/// One row as runs of same-looking cells; a wide character's covered
/// cells count toward its run's width but add no text. With `words`, a
/// blank cell also ends a run and blank runs are dropped: each word then
/// starts at its own cell.
fn runs(buffer: &Buffer, y: u16, words: bool, paper: &Paper) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut skip = 0u16;
    for x in 0..buffer.area.width {
        let cell = &buffer[(x, y)];
        let covered = skip > 0;
        skip = skip.max(cell.cell_width()).saturating_sub(1);
        if covered {
            if let Some(r) = out.last_mut() {
                r.cells += 1;
            }
            continue;
        }
        let l = look(cell, paper);
        let blank = cell.symbol().trim().is_empty();
        if words && blank {
            out.push(Run {
                look: l,
                col: x as usize,
                cells: 1,
                text: String::new(),
            });
            continue;
        }
        match out.last_mut() {
            Some(r) if r.look == l && !(words && r.text.is_empty()) => {
                r.cells += 1;
                r.text.push_str(cell.symbol());
            }
            _ => out.push(Run {
                look: l,
                col: x as usize,
                cells: 1,
                text: cell.symbol().to_string(),
            }),
        }
    }
    out
}

/// The screen as a monospace SVG: background rectangles, then one
/// `<text>` per run of same-style cells.
fn svg(buffer: &Buffer, title: &str, paper: &Paper) -> String {
    let bg = paper.bg;
    let w = f64::from(buffer.area.width) * CELL_W;
    let h = f64::from(buffer.area.height) * CELL_H;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.1} {h:.1}" xml:space="preserve">"#
    );
    // Not a comment: XML forbids the "--" of the command inside one.
    let _ = writeln!(s, "<title>karmadash: {}</title>", xml_escape(title));
    let _ = writeln!(s, "<desc>Generated by: {}</desc>", xml_escape(COMMAND));
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="{bg}"/>"#);
    let _ = writeln!(
        s,
        r#"<g font-family="DejaVu Sans Mono, Noto Sans Devanagari, monospace" font-size="{FONT_SIZE}">"#
    );
    for y in 0..buffer.area.height {
        let top = f64::from(y) * CELL_H;
        for r in runs(buffer, y, false, paper)
            .iter()
            .filter(|r| r.look.bg != bg)
        {
            let _ = writeln!(
                s,
                r#"<rect x="{:.1}" y="{top:.1}" width="{:.1}" height="{CELL_H:.1}" fill="{}"/>"#,
                r.col as f64 * CELL_W,
                r.cells as f64 * CELL_W,
                r.look.bg
            );
        }
        for r in runs(buffer, y, true, paper)
            .iter()
            .filter(|r| !r.text.trim().is_empty())
        {
            let mut attrs = format!(r#" fill="{}""#, r.look.fg);
            if r.look.bold {
                attrs.push_str(r#" font-weight="bold""#);
            }
            if r.look.italic {
                attrs.push_str(r#" font-style="italic""#);
            }
            if r.look.underline {
                attrs.push_str(r#" text-decoration="underline""#);
            }
            if r.look.dim {
                attrs.push_str(r#" opacity="0.6""#);
            }
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" textLength="{:.1}" lengthAdjust="spacingAndGlyphs"{attrs}>{}</text>"#,
                r.col as f64 * CELL_W,
                top + BASELINE,
                r.cells as f64 * CELL_W,
                xml_escape(&r.text)
            );
        }
    }
    s.push_str("</g>\n</svg>\n");
    s
}

/// The screens, as the BSS officer of the snapshot tests sees them: each
/// in the dark theme on a dark terminal, then in the light theme on a
/// light one (`-light`; the catalogue at 120x40 only dark).
fn screens() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (theme, paper, suffix) in [(Theme::DARK, DARK, ""), (Theme::LIGHT, LIGHT, "-light")] {
        for (name, buffer) in buffers(&theme) {
            if suffix.is_empty() || buffer.area.width == WIDTH {
                let name = format!("{name}{suffix}");
                out.push((name.clone(), svg(&buffer, &name, &paper)));
            }
        }
    }
    out
}

fn buffers(theme: &Theme) -> Vec<(&'static str, Buffer)> {
    let officer = bss_officer();
    let shot = |name: &'static str, app: &mut App| (name, render(app, WIDTH, HEIGHT, theme));
    let mut out = Vec::new();

    let mut app = officer.app();
    app.on_key(ch('l'));
    app.on_key(ch('j'));
    out.push(shot("catalogue", &mut app));
    out.push(("catalogue-120x40", render(&mut app, 120, 40, theme)));
    for (name, k) in [("progress", '2'), ("plan", '3'), ("log", '4')] {
        let mut app = officer.app();
        app.on_key(ch(k));
        out.push(shot(name, &mut app));
    }

    let mut app = officer.app();
    app.on_key(ch('/'));
    type_text(&mut app, "data");
    app.wait_search();
    app.on_key(key(KeyCode::Down));
    out.push(shot("search", &mut app));

    let mut app = officer.app();
    app.on_key(ch('?'));
    out.push(shot("help", &mut app));

    // A training cell's roster, from the README's tour reports.
    let cell = bss_officer();
    cell.import_tour_roster();
    let mut app = cell.app();
    app.on_key(ch('5'));
    out.push(shot("roster", &mut app));
    out.extend(hindi_buffers(theme));
    out
}

/// The Hindi dashboard (`--lang hi`): the catalogue, the progress and a
/// cell's roster, named `hi-VIEW`.
fn hindi_buffers(theme: &Theme) -> Vec<(&'static str, Buffer)> {
    let cell = bss_officer();
    cell.import_tour_roster();
    let mut out = Vec::new();
    for (name, keys) in [
        ("hi-catalogue", &['l', 'j'][..]),
        ("hi-progress", &['2']),
        ("hi-roster", &['5']),
    ] {
        let mut app = cell.app();
        app.open_in(Chosen {
            lang: Lang::Hi,
            source: LangSource::Option,
        });
        for k in keys {
            app.on_key(ch(*k));
        }
        out.push((name, render(&mut app, WIDTH, HEIGHT, theme)));
    }
    out
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("screenshots")
}

#[test]
fn screenshots_match_the_rendering_code() {
    let write = std::env::var_os("KARMADASH_SCREENSHOTS").is_some_and(|v| v == "1");
    let dir = dir();
    let shots = screens();
    if write {
        std::fs::create_dir_all(&dir).expect("screenshots/ can be created");
        for (name, svg) in &shots {
            let path = dir.join(format!("{name}.svg"));
            std::fs::write(&path, svg).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            eprintln!("wrote {}", path.display());
        }
        return;
    }
    let mut stale = Vec::new();
    for (name, svg) in &shots {
        let path = dir.join(format!("{name}.svg"));
        match std::fs::read_to_string(&path) {
            Ok(on_disk) if on_disk == *svg => {}
            Ok(_) => stale.push(format!(
                "{} differs from what the dashboard draws",
                path.display()
            )),
            Err(e) => stale.push(format!("{}: {e}", path.display())),
        }
    }
    // A screenshot of a view that no longer exists is stale too.
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".svg") {
                if !shots.iter().any(|(n, _)| *n == stem) {
                    stale.push(format!(
                        "{} is not generated any more",
                        entry.path().display()
                    ));
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "screenshots are stale:\n  {}\nregenerate them with: {COMMAND}",
        stale.join("\n  ")
    );
}

#[test]
fn svg_runs_escape_text_and_honour_reverse() {
    let mut buffer = Buffer::empty(ratatui::layout::Rect::new(0, 0, 6, 1));
    buffer.set_string(0, 0, "<a&", ratatui::style::Style::default().fg(Color::Red));
    buffer.set_string(
        3,
        0,
        "bc",
        ratatui::style::Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
    );
    let out = svg(&buffer, "test", &DARK);
    assert!(
        out.contains(r##"fill="#cd3131">&lt;a&amp;</text>"##),
        "{out}"
    );
    // Reverse: the default foreground becomes the background, and back.
    assert!(out.contains(&format!(r#"fill="{DEFAULT_FG}"/>"#)), "{out}");
    assert!(
        out.contains(&format!(
            r#"fill="{DEFAULT_BG}" font-weight="bold">bc</text>"#
        )),
        "{out}"
    );
}

#[test]
fn svg_places_each_word_and_border_at_its_own_cell() {
    let mut buffer = Buffer::empty(ratatui::layout::Rect::new(0, 0, 12, 1));
    let style = ratatui::style::Style::default();
    buffer.set_string(0, 0, "│ab cd     │", style);
    let out = svg(&buffer, "test", &DARK);
    // The right border is drawn alone at its whole-pixel cell, not as the
    // stretched tail of a run of blanks.
    let border_x = format!(r#"x="{:.1}""#, 11.0 * CELL_W);
    let border = out
        .lines()
        .find(|l| l.contains(&border_x))
        .unwrap_or_else(|| panic!("no text at the last cell in:\n{out}"));
    assert!(border.ends_with(">│</text>"), "{border}");
    assert!(
        out.contains(&format!(r#"x="{:.1}" y"#, 4.0 * CELL_W)),
        "'cd' starts at its own cell:\n{out}"
    );
    assert_eq!(CELL_W.fract(), 0.0, "cells on whole pixels");
}
