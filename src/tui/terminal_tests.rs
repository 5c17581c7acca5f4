//! The cluster-safe backend against the bytes a real terminal receives:
//! crossterm's output is replayed on small models of how terminals draw a
//! Devanagari cluster (as ratatui counts it, split in two narrow cells as
//! tmux/xterm/VTE do, or with kitty's zero-width vowel signs), and each
//! cell's text and style is checked.

use super::*;
use ratatui::backend::CrosstermBackend;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Model {
    /// Draws a cluster in as many columns as ratatui counts.
    Counted,
    /// tmux, xterm, VTE: each code point of width 1 takes a column.
    Split,
    /// kitty: as Split, but the vowel signs ा ि ... take no column.
    Kitty,
}

const MODELS: [Model; 3] = [Model::Counted, Model::Split, Model::Kitty];

#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Sgr {
    reversed: bool,
    bold: bool,
}

/// A screen that understands what crossterm sends: cursor moves, the SGR
/// attributes used here, and text.
struct Screen {
    model: Model,
    cells: Vec<Vec<(String, Sgr)>>,
    x: usize,
    y: usize,
    sgr: Sgr,
}

impl Screen {
    fn new(model: Model, width: usize, height: usize) -> Screen {
        Screen {
            model,
            cells: vec![vec![(" ".to_string(), Sgr::default()); width]; height],
            x: 0,
            y: 0,
            sgr: Sgr::default(),
        }
    }

    /// The columns a terminal of this model gives one grapheme.
    fn units(&self, g: &str) -> Vec<(String, usize)> {
        if self.model == Model::Counted {
            return vec![(g.to_string(), g.width())];
        }
        let mut units: Vec<(String, usize)> = Vec::new();
        for c in g.chars() {
            let mut w = c.to_string().width();
            if self.model == Model::Kitty && ('\u{093E}'..='\u{094C}').contains(&c) {
                w = 0;
            }
            match units.last_mut() {
                Some(last) if w == 0 => last.0.push(c),
                _ => units.push((c.to_string(), w)),
            }
        }
        units
    }

    fn print(&mut self, text: &str) {
        for g in text.graphemes(true) {
            for (unit, w) in self.units(g) {
                let row = &mut self.cells[self.y];
                if self.x < row.len() {
                    row[self.x] = (unit, self.sgr);
                }
                for i in 1..w {
                    if self.x + i < row.len() {
                        row[self.x + i] = (String::new(), self.sgr);
                    }
                }
                self.x += w;
            }
        }
    }

    fn csi(&mut self, params: &str, fin: char) {
        let nums: Vec<usize> = params.split(';').filter_map(|p| p.parse().ok()).collect();
        match fin {
            'H' => {
                self.y = nums.first().copied().unwrap_or(1) - 1;
                self.x = nums.get(1).copied().unwrap_or(1) - 1;
            }
            'm' => {
                for n in if nums.is_empty() { vec![0] } else { nums } {
                    match n {
                        0 => self.sgr = Sgr::default(),
                        1 => self.sgr.bold = true,
                        22 => self.sgr.bold = false,
                        7 => self.sgr.reversed = true,
                        27 => self.sgr.reversed = false,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        let text = String::from_utf8(bytes.to_vec()).expect("utf-8 output");
        let mut rest = text.as_str();
        while !rest.is_empty() {
            if let Some(seq) = rest.strip_prefix("\x1b[") {
                let end = seq
                    .find(|c: char| ('@'..='~').contains(&c))
                    .expect("a complete sequence");
                let fin = seq[end..].chars().next().unwrap();
                self.csi(&seq[..end], fin);
                rest = &seq[end + 1..];
            } else {
                let end = rest.find('\x1b').unwrap_or(rest.len());
                self.print(&rest[..end]);
                rest = &rest[end..];
            }
        }
    }

    fn row_text(&self, y: usize) -> String {
        self.cells[y].iter().map(|(s, _)| s.as_str()).collect()
    }
}

/// A writer the test can still read after the terminal took it.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Draws `frames` one after another through the backend (or the bare
/// crossterm backend) and replays the bytes on a terminal of `model`.
fn replay(model: Model, safe: bool, frames: &[Vec<Line<'static>>]) -> Screen {
    const W: u16 = 16;
    let bytes = Shared::default();
    let backend = CrosstermBackend::new(bytes.clone());
    let opts = || ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, W, 1)),
    };
    let draw = |f: &mut ratatui::Frame, lines: &Vec<Line<'static>>| {
        f.render_widget(Paragraph::new(lines.clone()), f.area())
    };
    if safe {
        let mut t = Terminal::with_options(ClusterSafeBackend::new(backend), opts()).unwrap();
        for lines in frames {
            t.draw(|f| draw(f, lines)).unwrap();
        }
    } else {
        let mut t = Terminal::with_options(backend, opts()).unwrap();
        for lines in frames {
            t.draw(|f| draw(f, lines)).unwrap();
        }
    }
    let mut screen = Screen::new(model, W as usize, 1);
    screen.feed(&bytes.0.borrow());
    screen
}

fn highlight() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

/// A search result: "सेवा" as typed so far, highlighted on the second frame.
fn search_frames() -> Vec<Vec<Line<'static>>> {
    vec![
        vec![Line::from("xसेवा ab")],
        vec![Line::from(vec![
            Span::raw("x"),
            Span::styled("सेवा", highlight()),
            Span::raw(" ab"),
        ])],
    ]
}

#[test]
fn the_highlight_never_spills_past_the_cluster() {
    for model in MODELS {
        let screen = replay(model, true, &search_frames());
        let row = &screen.cells[0];
        // "x" at 0, "से" at 1, "वा" over 2-3, then the space at 4.
        assert!(!row[0].1.reversed, "{model:?}: {row:?}");
        assert!(row[1].1.reversed && row[2].1.reversed, "{model:?}: {row:?}");
        for (x, cell) in row.iter().enumerate().skip(4) {
            assert!(
                !cell.1.reversed,
                "{model:?}: column {x} took the highlight: {row:?}"
            );
        }
        assert!(screen.row_text(0).ends_with(" ab") || screen.row_text(0).contains(" ab "));
    }
}

#[test]
fn no_terminal_keeps_a_stale_letter_beside_a_cluster() {
    // A row of letters, then a row with "सेवा" where they were: kitty draws
    // "वा" in one column, so the column after it must be written too.
    let frames = vec![vec![Line::from("abcdefgh")], vec![Line::from("xसेवा")]];
    for model in MODELS {
        let text = replay(model, true, &frames).row_text(0);
        for stale in ['c', 'd', 'e', 'f', 'g', 'h'] {
            assert!(!text.contains(stale), "{model:?}: {text:?}");
        }
    }
    let bare = replay(Model::Kitty, false, &frames).row_text(0);
    assert!(
        bare.contains('d'),
        "kitty keeps the letter without the wrapper: {bare:?}"
    );
}

#[test]
fn blanking_a_cluster_blanks_both_columns() {
    let frames = vec![vec![Line::from("xप्रy")], vec![Line::from("")]];
    for model in MODELS {
        let text = replay(model, true, &frames).row_text(0);
        assert_eq!(text.trim(), "", "{model:?}");
    }
}

#[test]
fn closing_a_popup_over_a_cluster_leaves_no_border_behind() {
    let row = || vec![Line::from("xसेवा ab")];
    let frames = vec![row(), vec![Line::from("x┌──────┐")], row()];
    for model in MODELS {
        let text = replay(model, true, &frames).row_text(0);
        assert!(!text.contains(['─', '┐']), "{model:?}: {text:?}");
        assert!(text.contains(" ab"), "{model:?}: {text:?}");
    }
}

/// A frame of the real dashboard drawn through the backend into `out`.
fn draw_into<B: Backend>(t: &mut Terminal<B>, app: &mut crate::tui::App)
where
    B::Error: std::fmt::Debug,
{
    let theme = crate::tui::Theme::DARK;
    t.draw(|f| crate::tui::draw(f, app, &theme)).unwrap();
}

/// A BAS officer scrolls bas-js-ss down past its Devanagari row (row 44,
/// "सेवा उत्कृष्टता") a row at a time, opens and closes a course, and
/// searches "सेवा" a letter at a time. After every frame, what a terminal
/// of each model shows must equal what it shows when that frame alone is
/// drawn on a blank screen: no stale cell, no leaked style, ever.
#[test]
fn the_real_dashboard_leaves_nothing_stale_in_any_terminal() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let catalogue = std::sync::Arc::new(crate::catalogue::Catalogue::builtin().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::Store::at(dir.path().join("db"));
    let profile = crate::app::profile_edit::ProfileInput {
        service: "bas".into(),
        tier: "bas-js-ss".into(),
        ..Default::default()
    };
    crate::app::profile_edit::save_profile(&catalogue, &store, today, &profile).unwrap();
    let seva = catalogue
        .tier_listings("bas-js-ss")
        .position(|l| l.title.contains("सेवा"))
        .expect("bas-js-ss lists सेवा उत्कृष्टता");
    let mut keys = vec![key(KeyCode::Char('l'))];
    keys.extend(std::iter::repeat_n(key(KeyCode::Char('j')), seva + 12));
    keys.extend([
        key(KeyCode::Enter),
        key(KeyCode::Esc),
        key(KeyCode::Char('/')),
    ]);
    keys.extend("सेवा".chars().map(|c| key(KeyCode::Char(c))));
    keys.push(key(KeyCode::Esc));

    let opts = || ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 80, 24)),
    };
    let mut app = crate::tui::App::new(catalogue.clone(), store, today);
    let history = Shared::default();
    let mut t = Terminal::with_options(backend(history.clone()), opts()).unwrap();
    let mut screens: Vec<Screen> = MODELS.iter().map(|m| Screen::new(*m, 80, 24)).collect();
    let mut fed = 0;
    for (step, k) in std::iter::once(None)
        .chain(keys.iter().map(Some))
        .enumerate()
    {
        if let Some(k) = k {
            app.on_key(*k);
            // Only a typed query is waited for: an empty box asks nothing.
            if app
                .overlay::<crate::tui::SearchBox>()
                .is_some_and(|b| !b.query.is_empty())
            {
                app.wait_search();
            }
        }
        draw_into(&mut t, &mut app);
        let bytes = history.0.borrow()[fed..].to_vec();
        fed += bytes.len();
        let fresh = Shared::default();
        let mut clean_t = Terminal::with_options(backend(fresh.clone()), opts()).unwrap();
        draw_into(&mut clean_t, &mut app);
        for screen in &mut screens {
            screen.feed(&bytes);
            let mut clean = Screen::new(screen.model, 80, 24);
            clean.feed(&fresh.0.borrow());
            for y in 0..24 {
                assert_eq!(
                    screen.cells[y],
                    clean.cells[y],
                    "{:?}, after key {step} ({k:?}), row {y}:\n after: {}\n clean: {}",
                    screen.model,
                    screen.row_text(y),
                    clean.row_text(y)
                );
            }
        }
    }
}

/// Under `TERM=linux` (and everywhere) colours go out in the 16 basic
/// forms (30-37/90-97, 40-47/100-107), never the 256-colour `38;5;N`,
/// which the Linux console and older terminals do not read.
#[test]
fn the_dashboard_sends_only_the_16_basic_colour_forms() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let catalogue = std::sync::Arc::new(crate::catalogue::Catalogue::builtin().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::Store::at(dir.path().join("db"));
    let mut app = crate::tui::App::new(catalogue, store, today);
    app.on_key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Char('l'),
    ));
    let out = Shared::default();
    let opts = ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 80, 24)),
    };
    let mut t = Terminal::with_options(backend(out.clone()), opts).unwrap();
    draw_into(&mut t, &mut app);
    let bytes = String::from_utf8(out.0.borrow().clone()).unwrap();
    assert!(!bytes.contains("38;5;"), "a 256-colour foreground was sent");
    assert!(!bytes.contains("48;5;"), "a 256-colour background was sent");
    // The colours are there, in the basic form: magenta M badges, at least.
    assert!(bytes.contains("35m") || bytes.contains(";35;"), "{bytes:?}");
}
