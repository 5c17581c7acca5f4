//! A requirement whole, over the Progress or Plan view: its text, where it
//! stands, and the order and paragraph that impose it; it scrolls where
//! the screen is shorter than all of it.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use ratatui::Frame;

use super::scroll::Scroll;
use super::{centred, Keys, Overlay, Then};
use crate::tui::app::App;
use crate::tui::data::Data;
use crate::tui::theme::{Meaning, Theme};
use crate::tui::views::progress::by_urgency;
use crate::units::wrap::wrap;

/// The requirement on row `row` of the Progress view (most urgent first).
pub struct Requirement {
    pub row: usize,
    scroll: Scroll,
}

impl Requirement {
    pub fn new(row: usize) -> Requirement {
        Requirement {
            row,
            scroll: Scroll::default(),
        }
    }
}

impl Overlay for Requirement {
    fn draw(&self, f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        render(f, area, &app.data, self.row, &self.scroll, theme);
    }

    fn on_key(&mut self, key: KeyEvent, _: &mut App) -> Then {
        if self.scroll.on_key(&key) {
            return Then::Stay;
        }
        match key.code {
            KeyCode::Char('q') | KeyCode::Enter => Then::Close,
            _ => Then::Stay,
        }
    }

    fn keys(&self) -> Keys {
        &[("?", "tui-hint-help"), ("Esc", "tui-hint-close")]
    }
}

/// A requirement whole: its text, where it stands, and the order and
/// paragraph that impose it, wrapped so nothing is cut.
fn render(f: &mut Frame, area: Rect, app: &Data, row: usize, scroll: &Scroll, theme: &Theme) {
    let Ok(st) = app.shown_status() else { return };
    let Some(r) = by_urgency(st).get(row).copied() else {
        return;
    };
    let width = 76u16.min(area.width);
    let inner = width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut push = |text: &str, style: ratatui::style::Style| {
        for l in wrap(text, inner) {
            lines.push(Line::from(Span::styled(l, style)));
        }
    };
    push(
        &crate::tui::wording::requirement_text(r),
        theme.style(Meaning::Title),
    );
    push(
        &format!(
            "{} · {} · {}",
            r.progress_text(),
            r.standing.word(),
            r.due_text()
        ),
        ratatui::style::Style::default(),
    );
    let order = app
        .catalogue
        .rulebook(&r.rulebook)
        .map_or(r.rulebook.clone(), |b| b.short.clone());
    push(
        &format!("Imposed by {order}: {}", r.citation),
        theme.style(Meaning::Muted),
    );
    if !r.open.is_empty() {
        push(
            &format!("Still open: {}", r.open.join("; ")),
            ratatui::style::Style::default(),
        );
    }
    let r = centred(area, width, lines.len() as u16 + 2);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Requirement: Esc close ");
    scroll.render(f, r, lines, block, theme);
}
