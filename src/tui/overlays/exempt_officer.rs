//! The Roster view's exemption form: the reason for exempting the
//! selected officer from every requirement (long leave, deputation,
//! training abroad), saved as `karmadash roster exempt` saves it, with
//! its entry in the audit log.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::{centred, Keys, Overlay, Then};
use crate::roster::OfficerId;
use crate::tui::app::App;
use crate::tui::draw::fit;
use crate::tui::theme::{Meaning, Theme};
use crate::tui::views::typed;

/// The form, for one officer.
pub struct ExemptOfficer {
    pub id: OfficerId,
    pub name: String,
    pub reason: String,
    pub error: Option<String>,
}

impl ExemptOfficer {
    pub fn new(id: OfficerId, name: String) -> Self {
        ExemptOfficer {
            id,
            name,
            reason: String::new(),
            error: None,
        }
    }

    fn save(&mut self, app: &mut App) -> Then {
        if self.reason.trim().is_empty() {
            self.error = Some(
                "Say why (long leave, deputation, training abroad...): the audit log keeps it."
                    .into(),
            );
            return Then::Stay;
        }
        let d = &app.data;
        match crate::app::cell::exempt(&d.store, &self.id, &self.reason, None, None, d.today) {
            Ok(_) => {
                app.message = Some((
                    format!(
                        "{} exempt: {} (in the audit log).",
                        self.name,
                        self.reason.trim()
                    ),
                    false,
                ));
                app.reload();
                Then::Close
            }
            Err(e) => {
                self.error = Some(crate::tui::wording::store_error(&e));
                Then::Stay
            }
        }
    }
}

impl Overlay for ExemptOfficer {
    fn draw(&self, f: &mut Frame, area: Rect, _app: &App, theme: &Theme) {
        let box_area = centred(area, 64, 8);
        let width = box_area.width.saturating_sub(2) as usize;
        let mut lines = vec![
            Line::from(fit(&format!("Exempt {} <{}>", self.name, self.id), width)),
            Line::from(""),
            Line::from(fit(&format!("Reason: {}▏", self.reason), width)),
        ];
        if let Some(e) = &self.error {
            lines.push(Line::styled(e.clone(), theme.style(Meaning::Alert)));
        }
        f.render_widget(Clear, box_area);
        f.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: false }).block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(" Exempt from every requirement ")
                    .border_style(theme.style(Meaning::Title)),
            ),
            box_area,
        );
    }

    fn on_key(&mut self, key: KeyEvent, app: &mut App) -> Then {
        match key.code {
            KeyCode::Enter => return self.save(app),
            KeyCode::Backspace => {
                self.reason.pop();
            }
            _ => {
                if let Some(c) = typed(&key) {
                    self.reason.push(c);
                }
            }
        }
        Then::Stay
    }

    fn keys(&self) -> Keys {
        &[
            ("type", "tui-hint-reason"),
            ("Enter", "tui-hint-exempt"),
            ("Esc", "tui-hint-cancel"),
        ]
    }

    /// `?` is text here.
    fn opens_help(&self, key: &KeyEvent) -> bool {
        key.code == KeyCode::F(1)
    }
}
