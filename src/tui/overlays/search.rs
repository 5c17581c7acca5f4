//! The search box: every course of the catalogue, found as it is typed on
//! the worker thread, and the jump to the course a person chose.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::{centred, Detail, Keys, Overlay, Then};
use crate::catalogue::CourseId;
use crate::search::Hit;
use crate::tui::app::App;
use crate::tui::data::Data;
use crate::tui::draw::{fit, highlighted};
use crate::tui::search_worker::{portal_course, SearchWorker};
use crate::tui::theme::{Meaning, Theme};
use crate::tui::views::{catalogue, typed};

#[derive(Default)]
pub struct SearchBox {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// A query was sent and its answer has not come yet.
    pub waiting: bool,
}

impl Overlay for SearchBox {
    fn draw(&self, f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        render(f, area, &app.data, self, theme);
    }

    fn on_key(&mut self, key: KeyEvent, app: &mut App) -> Then {
        match key.code {
            KeyCode::Enter => {
                if let Some(hit) = self.hits.get(self.selected) {
                    match portal_course(&app.data.catalogue, hit) {
                        Some(i) => app.show_portal_course(i),
                        None => app.jump_to(hit.course),
                    }
                }
                return Then::Close;
            }
            KeyCode::Up => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down => {
                self.selected = (self.selected + 1).min(self.hits.len().saturating_sub(1))
            }
            KeyCode::Backspace => {
                self.query.pop();
                self.ask(&mut app.search);
            }
            _ => {
                if let Some(ch) = typed(&key) {
                    self.query.push(ch);
                    self.ask(&mut app.search);
                }
            }
        }
        Then::Stay
    }

    fn keys(&self) -> Keys {
        &[
            ("type", "tui-hint-search"),
            ("↑↓", "tui-hint-choose"),
            ("Enter", "tui-hint-go-to-course"),
            ("F1", "tui-hint-help"),
            ("Esc", "tui-hint-cancel"),
        ]
    }

    /// `?` is text here.
    fn opens_help(&self, key: &KeyEvent) -> bool {
        key.code == KeyCode::F(1)
    }

    /// Answers land here even while help covers the box.
    fn receive(&mut self, search: &SearchWorker, wait: bool) -> bool {
        if !self.waiting {
            return false;
        }
        let hits = if wait {
            search.wait()
        } else {
            match search.poll() {
                Some(hits) => hits,
                None => return false,
            }
        };
        self.hits = hits;
        self.waiting = false;
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
        true
    }
}

impl SearchBox {
    fn ask(&mut self, search: &mut SearchWorker) {
        search.ask(&self.query);
        self.waiting = true;
        self.selected = 0;
    }
}

impl App {
    /// Shows a course in the catalogue: the current tier if it lists it.
    /// A course no tier lists (from a portal export) opens on its own, where
    /// `d` records it like any other.
    pub fn jump_to(&mut self, course: CourseId) {
        if self
            .views
            .catalogue
            .show_course(&self.data.catalogue, course)
        {
            self.go_to(catalogue::VIEW);
        }
        self.open(Box::new(Detail::new(course)));
    }

    /// Shows the snapshot's course `i` on the Catalogue view's portal shelf.
    pub fn show_portal_course(&mut self, i: usize) {
        if let Some(row) = self.data.shelf.row_of(i) {
            self.views
                .catalogue
                .show_portal_row(&self.data.catalogue, row);
            self.go_to(catalogue::VIEW);
        }
    }
}

fn render(f: &mut Frame, area: Rect, app: &Data, b: &SearchBox, theme: &Theme) {
    let r = centred(area, area.width.saturating_sub(4), area.height);
    f.render_widget(Clear, r);
    let block = Block::default().borders(Borders::ALL).title(format!(
        " Search {} courses ",
        app.catalogue.courses.len() + app.portal.as_ref().map_or(0, |p| p.courses.len())
    ));
    let inner = block.inner(r);
    f.render_widget(block, r);
    let state = if b.waiting { "…" } else { "" };
    let prompt = Line::from(vec![
        Span::styled("/ ", theme.style(Meaning::Key)),
        Span::raw(b.query.clone()),
        Span::styled("▏", theme.style(Meaning::Key)),
        Span::styled(
            format!(
                " {}{state}",
                crate::units::words::count(b.hits.len() as i64, "hit", "hits")
            ),
            theme.style(Meaning::Muted),
        ),
    ]);
    f.render_widget(Paragraph::new(prompt), Rect { height: 1, ..inner });
    let rows = inner.height.saturating_sub(1) as usize;
    let first = b.selected.saturating_sub(rows.saturating_sub(1));
    let mut lines = Vec::new();
    for (i, hit) in b.hits.iter().enumerate().skip(first).take(rows) {
        let base = if i == b.selected {
            theme.style(Meaning::Selected)
        } else {
            ratatui::style::Style::default()
        };
        let mut spans = vec![Span::styled(
            if i == b.selected { "▸ " } else { "  " },
            base,
        )];
        // A title wider than the box is cut with "…"; the matched letters
        // before the cut keep their places.
        let text = fit(&hit.text, (inner.width as usize).saturating_sub(2));
        let mark = if i == b.selected {
            base.patch(theme.style(Meaning::SelectedMatch))
        } else {
            theme.style(Meaning::Match)
        };
        spans.extend(
            highlighted(&text, &hit.positions, base, mark)
                .into_iter()
                .map(|s| Span::styled(s.content.into_owned(), s.style)),
        );
        let used = 2 + unicode_width::UnicodeWidthStr::width(text.as_str()) + 4;
        let place = match portal_course(&app.catalogue, hit) {
            Some(i) => portal_place(app, i),
            None => app.catalogue.course_tiers(hit.course).join(" "),
        };
        let tiers = fit(&place, (inner.width as usize).saturating_sub(used));
        spans.push(Span::styled(
            format!("  · {tiers}"),
            theme.style(Meaning::Muted),
        ));
        lines.push(Line::from(spans));
    }
    if b.hits.is_empty() && !b.query.is_empty() && !b.waiting {
        lines.push(Line::from(Span::styled(
            "  no course matches",
            theme.style(Meaning::Muted),
        )));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        },
    );
}

/// Where a portal hit stands: the portal, its first area and theme, hours.
fn portal_place(app: &Data, i: usize) -> String {
    let Some(course) = app.portal.as_ref().and_then(|p| p.courses.get(i)) else {
        return String::new();
    };
    let mut place = String::from("portal");
    if let Some(c) = course.competencies.first() {
        place.push_str(&format!(" · {}", c.area));
        if !c.theme.is_empty() {
            place.push_str(&format!(" / {}", c.theme));
        }
    }
    if let Some(s) = course.seconds {
        place.push_str(&format!(
            " · {} h",
            crate::units::hours::format_hours(u64::from(s))
        ));
    }
    place
}
