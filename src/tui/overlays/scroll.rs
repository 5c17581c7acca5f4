//! A popup's lines that scroll when the screen is shorter than they are
//! (the help over the search box at 80x24, a requirement's long list at
//! 60x16): j/k and the arrows by a line, PgUp/PgDn by a page, Home/End
//! (g/G) to either end, and the bottom border says which lines show.

use std::cell::Cell;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

use crate::tui::theme::{Meaning, Theme};

/// Where the lines start, and what the last frame drew: how far they can
/// scroll and a page's height, so keys stop at the end.
#[derive(Default)]
pub struct Scroll {
    top: usize,
    max: Cell<usize>,
    page: Cell<usize>,
}

impl Scroll {
    /// Moves for a scrolling key; false for any other key. End holds at
    /// the end whatever the height the next frame has.
    pub fn on_key(&mut self, key: &KeyEvent) -> bool {
        let page = self.page.get().max(1);
        let max = self.max.get();
        let top = self.top.min(max);
        self.top = match key.code {
            KeyCode::Down | KeyCode::Char('j') => (top + 1).min(max),
            KeyCode::Up | KeyCode::Char('k') => top.saturating_sub(1),
            KeyCode::PageDown | KeyCode::Char(' ') => (top + page).min(max),
            KeyCode::PageUp => top.saturating_sub(page),
            KeyCode::Home | KeyCode::Char('g') => 0,
            KeyCode::End | KeyCode::Char('G') => usize::MAX,
            _ => return false,
        };
        true
    }

    /// Draws `lines` (already wrapped to the box's inner width) in `r`
    /// inside `block`, from the scroll; when they do not all fit, the
    /// bottom border says which show and which way the rest lie.
    pub fn render(&self, f: &mut Frame, r: Rect, lines: Vec<Line>, block: Block, theme: &Theme) {
        let page = block.inner(r).height as usize;
        let total = lines.len();
        let max = total.saturating_sub(page);
        let top = self.top.min(max);
        self.max.set(max);
        self.page.set(page);
        let block = if max > 0 {
            let arrows = match (top > 0, top < max) {
                (true, true) => "↑↓",
                (true, false) => "↑",
                _ => "↓",
            };
            let last = (top + page).min(total);
            let at = format!(
                " {arrows} lines {}-{last} of {total}: j/k PgDn End ",
                top + 1
            );
            block.title_bottom(Line::styled(at, theme.style(Meaning::Muted)))
        } else {
            block
        };
        f.render_widget(Clear, r);
        f.render_widget(
            Paragraph::new(lines).block(block).scroll((top as u16, 0)),
            r,
        );
    }
}
