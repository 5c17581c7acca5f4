//! The small forms: record a completion (listed or outside the lists), an
//! assigned course, the assessment; create or edit the profile.
//! They only hold text; checking happens in `progress`, shared with the CLI
//! (saving is in `form_submit.rs`).

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::{centred, Keys, Overlay, Then};
use crate::app::profile_edit::ProfileInput;
use crate::catalogue::CourseId;
use crate::rules::record::Profile;
use crate::tui::app::App;
use crate::tui::draw::{box_title, fit, fit_end};
use crate::tui::theme::{Meaning, Theme};
use crate::tui::views::typed;
use crate::units::wrap::wrap;

pub enum FormKind {
    Completion(CourseId),
    /// A course outside the lists (`done --other`).
    Other,
    /// A course assigned to the officer (`assign`).
    Assigned,
    /// The comprehensive assessment (`assessment --passed`).
    Assessment,
    Profile,
}

/// A form: a label, a hint and the text typed for each field; the reason
/// it was refused, shown until the next key.
pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub labels: Vec<&'static str>,
    pub hints: Vec<&'static str>,
    pub values: Vec<String>,
    pub focus: usize,
    pub error: Option<String>,
}

/// A date as the rest of the screen shows it, day first; the form takes
/// ISO dates too.
fn day_first(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

impl Form {
    pub fn completion(course: CourseId, title: &str, today: NaiveDate) -> Form {
        Form {
            kind: FormKind::Completion(course),
            title: format!("Done: {title}"),
            labels: vec!["Date", "Hours", "Certificate"],
            hints: vec![
                "15.09.2026 or 2026-09-15",
                "from the certificate: 1.5 or 1:30",
                "optional",
            ],
            values: vec![day_first(today), String::new(), String::new()],
            focus: 1,
            error: None,
        }
    }

    pub fn other(today: NaiveDate) -> Form {
        Form {
            kind: FormKind::Other,
            title: "Done: a course outside the lists".into(),
            labels: vec!["Title", "Hours", "Date", "Certificate"],
            hints: vec![
                "as iGOT shows it",
                "from the certificate: 1.5 or 1:30",
                "15.09.2026 or 2026-09-15",
                "optional",
            ],
            values: vec![
                String::new(),
                String::new(),
                day_first(today),
                String::new(),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn assigned() -> Form {
        Form {
            kind: FormKind::Assigned,
            title: "A course assigned to you".into(),
            labels: vec!["Course", "Due"],
            hints: vec!["title or listing id", "15.09.2026 or 2026-09-15, optional"],
            values: vec![String::new(), String::new()],
            focus: 0,
            error: None,
        }
    }

    pub fn assessment(today: NaiveDate) -> Form {
        Form {
            kind: FormKind::Assessment,
            title: "Comprehensive assessment passed".into(),
            labels: vec!["Date passed"],
            hints: vec!["15.09.2026 or 2026-09-15"],
            values: vec![day_first(today)],
            focus: 0,
            error: None,
        }
    }

    pub fn profile(current: Option<&Profile>) -> Form {
        let text = |o: Option<String>| o.unwrap_or_default();
        let values = match current {
            Some(p) => vec![
                p.service.id().to_string(),
                text(p.state.clone()),
                text(p.batch.map(|b| b.to_string())),
                text(p.tier.clone()),
                text(p.registered.map(|d| d.to_string())),
                text(p.name.clone()),
            ],
            None => vec![String::new(); 6],
        };
        Form {
            kind: FormKind::Profile,
            title: if current.is_some() {
                "Your profile".into()
            } else {
                "Welcome: who are you? (Esc to browse first)".into()
            },
            labels: vec!["Service", "State", "Batch", "Tier", "Registered", "Name"],
            hints: vec![
                "ias bas bss bscs danics central",
                "bihar, delhi, himachal...",
                "IAS: year, gives the tier",
                "or a tier id, as in view 1",
                "iGOT registration date",
                "optional, for the report",
            ],
            values,
            focus: 0,
            error: None,
        }
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.values.len();
    }

    pub fn prev(&mut self) {
        self.focus = (self.focus + self.values.len() - 1) % self.values.len();
    }

    pub fn current_mut(&mut self) -> &mut String {
        self.error = None;
        &mut self.values[self.focus]
    }

    pub fn profile_input(&self) -> ProfileInput {
        ProfileInput {
            service: self.values[0].clone(),
            state: self.values[1].clone(),
            batch: self.values[2].clone(),
            tier: self.values[3].clone(),
            name: self.values[5].clone(),
            registered: self.values[4].clone(),
        }
    }
}

impl Overlay for Form {
    fn draw(&self, f: &mut Frame, area: Rect, _: &App, theme: &Theme) {
        render(f, area, self, theme);
    }

    /// Enter saves and closes, or shows why not and stays.
    fn on_key(&mut self, key: KeyEvent, app: &mut App) -> Then {
        match key.code {
            KeyCode::Tab | KeyCode::Down => self.next(),
            KeyCode::BackTab | KeyCode::Up => self.prev(),
            KeyCode::Backspace => {
                self.current_mut().pop();
            }
            KeyCode::Enter if self.submit(app) => return Then::Close,
            _ => {
                if let Some(ch) = typed(&key) {
                    self.current_mut().push(ch)
                }
            }
        }
        Then::Stay
    }

    fn keys(&self) -> Keys {
        &[
            ("Tab", "tui-hint-next-field"),
            ("Enter", "tui-hint-save"),
            ("F1", "tui-hint-help"),
            ("Esc", "tui-hint-cancel"),
        ]
    }

    /// `?` is text here.
    fn opens_help(&self, key: &KeyEvent) -> bool {
        key.code == KeyCode::F(1)
    }
}

fn render(f: &mut Frame, area: Rect, form: &Form, theme: &Theme) {
    let inner = centred(area, 76, 3).width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    for (i, label) in form.labels.iter().enumerate() {
        let focused = i == form.focus;
        let value_style = if focused {
            theme.style(Meaning::Selected)
        } else {
            ratatui::style::Style::default()
        };
        let cursor = if focused { "▏" } else { " " };
        lines.push(Line::from(vec![
            Span::styled(format!("{label:>11}: "), theme.style(Meaning::Key)),
            Span::styled(
                format!(
                    "{:<24}",
                    format!(
                        "{}{cursor}",
                        fit_end(&form.values[i], inner.saturating_sub(14))
                    )
                ),
                value_style,
            ),
            Span::styled(
                // A hint is a reminder: in a narrow box it gives way to the value.
                fit(
                    &format!("  {}", form.hints[i]),
                    inner.saturating_sub(13 + 24.max(form.values[i].width() + 1)),
                ),
                theme.style(Meaning::Muted),
            ),
        ]));
    }
    lines.push(Line::from(""));
    // The reason wraps inside the box, which grows to hold all of it.
    match &form.error {
        Some(e) => lines.extend(
            wrap(&format!("! {e}"), inner)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, theme.style(Meaning::Alert)))),
        ),
        None => lines.push(Line::from(Span::styled(
            "Enter saves · Tab next field · F1 help · Esc cancels",
            theme.style(Meaning::Muted),
        ))),
    }
    let r = centred(area, 76, lines.len() as u16 + 2);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(box_title(&format!(" {} ", form.title), r.width)),
        ),
        r,
    );
}
