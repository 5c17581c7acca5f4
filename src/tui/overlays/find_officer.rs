//! The Roster view's find box: what is typed narrows the officers by name
//! or e-mail as each letter comes; Enter keeps the text, Esc clears it.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::{Keys, Overlay, Then};
use crate::tui::app::App;
use crate::tui::draw::fit;
use crate::tui::theme::{Meaning, Theme};
use crate::tui::views::roster::{visible, RosterView};
use crate::tui::views::typed;

/// The find box; the text it finds by is the Roster view's own (`find`),
/// which stays after the box closes.
pub struct FindOfficer;

impl Overlay for FindOfficer {
    fn draw(&self, f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        render_find(f, area, app, theme);
    }

    /// The list narrows as each letter is typed.
    fn on_key(&mut self, key: KeyEvent, app: &mut App) -> Then {
        let s = &mut app.views.roster;
        match key.code {
            KeyCode::Enter => return Then::Close,
            KeyCode::Backspace => {
                s.find.pop();
            }
            _ => match typed(&key) {
                Some(c) => s.find.push(c),
                None => return Then::Stay,
            },
        }
        s.row = 0;
        Then::Stay
    }

    fn keys(&self) -> Keys {
        &[
            ("type", "tui-hint-find"),
            ("Enter", "tui-hint-keep"),
            ("F1", "tui-hint-help"),
            ("Esc", "tui-hint-clear"),
        ]
    }

    /// `?` is text here.
    fn opens_help(&self, key: &KeyEvent) -> bool {
        key.code == KeyCode::F(1)
    }

    /// Esc drops the find text: the whole roster comes back.
    fn cancel(&mut self, app: &mut App) {
        let s: &mut RosterView = &mut app.views.roster;
        s.find.clear();
        s.row = 0;
    }
}

/// The find box, on the view's last lines so the narrowed list shows above.
fn render_find(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [_, bottom] = Layout::vertical([Constraint::Min(0), Constraint::Length(3)]).areas(area);
    let s = &app.views.roster;
    let n = visible(&app.data.roster, s).len();
    let text = format!("{}▏", s.find);
    let title = format!(
        " Find an officer by name or e-mail: {n} match{} ",
        if n == 1 { "" } else { "es" }
    );
    f.render_widget(Clear, bottom);
    f.render_widget(
        Paragraph::new(fit(&text, bottom.width.saturating_sub(2) as usize)).block(
            Block::default()
                .borders(Borders::ALL)
                .title(title)
                .border_style(theme.style(Meaning::Title)),
        ),
        bottom,
    );
}
