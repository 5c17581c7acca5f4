//! The remove confirmation: y removes the completion from the Log view,
//! any other key keeps it.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::{centred, Keys, Overlay, Then};
use crate::tui::app::App;
use crate::tui::data::Data;
use crate::tui::theme::Theme;
use crate::units::wrap::wrap;

/// Asks before completion `id` stops counting.
pub struct ConfirmRemove {
    pub id: u64,
}

impl ConfirmRemove {
    pub fn new(id: u64) -> ConfirmRemove {
        ConfirmRemove { id }
    }
}

impl Overlay for ConfirmRemove {
    fn draw(&self, f: &mut Frame, area: Rect, app: &App, _: &Theme) {
        render(f, area, &app.data, self.id);
    }

    fn on_key(&mut self, key: KeyEvent, app: &mut App) -> Then {
        if matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y')) {
            match app.data.store.remove_completion(self.id) {
                Ok(c) => {
                    let said = crate::i18n::tr(
                        app.data.lang,
                        "tui-removed",
                        &[("title", c.title.as_str().into())],
                    );
                    app.message = Some((said, false))
                }
                Err(e) => app.message = Some((crate::tui::wording::store_error(&e), true)),
            }
            app.reload();
        }
        Then::Close
    }

    fn keys(&self) -> Keys {
        &[
            ("y", "tui-hint-remove"),
            ("?", "tui-hint-help"),
            ("other", "tui-hint-keep"),
        ]
    }
}

/// Names the course, not only its id: a person confirms what they know.
fn render(f: &mut Frame, area: Rect, app: &Data, id: u64) {
    let course = app
        .snapshot
        .completions
        .iter()
        .find(|c| c.id == id)
        .map_or_else(
            || format!("completion {id}"),
            |c| {
                format!(
                    "\"{}\" (id {id}, done {})",
                    c.title,
                    c.date.format("%d.%m.%Y")
                )
            },
        );
    let width = 60u16.min(area.width);
    let mut lines: Vec<Line> = wrap(
        &format!("Remove {course}? It stops counting at once."),
        width.saturating_sub(2) as usize,
    )
    .into_iter()
    .map(Line::from)
    .collect();
    lines.push(Line::from(""));
    lines.push(Line::from("y: remove   any other key: keep"));
    let r = centred(area, width, lines.len() as u16 + 2);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(" Remove ")),
        r,
    );
}
