//! A course's details: its title and other printings, whether it is done,
//! and every tier and order that lists it; d records it.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;

use super::{centred, Form, Keys, Overlay, Then};
use crate::catalogue::CourseId;
use crate::tui::app::App;
use crate::tui::data::Data;
use crate::tui::draw::fit;
use crate::tui::theme::{Meaning, Theme};
use crate::tui::views::catalogue::badges;

/// The details of `course`.
pub struct Detail {
    pub course: CourseId,
}

impl Detail {
    pub fn new(course: CourseId) -> Detail {
        Detail { course }
    }
}

impl Overlay for Detail {
    fn draw(&self, f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        render(f, area, &app.data, self.course, theme);
    }

    /// d gives way to the form that records the course, unless it is done.
    fn on_key(&mut self, key: KeyEvent, app: &mut App) -> Then {
        match key.code {
            KeyCode::Char('q') | KeyCode::Enter => Then::Close,
            KeyCode::Char('d') if app.data.completed(self.course).is_none() => {
                Then::Replace(Box::new(Form::completion(
                    self.course,
                    &app.data.catalogue.courses[self.course].title,
                    app.data.today,
                )))
            }
            _ => Then::Stay,
        }
    }

    fn keys(&self) -> Keys {
        &[
            ("d", "tui-hint-record-done"),
            ("?", "tui-hint-help"),
            ("Esc", "tui-hint-close"),
        ]
    }
}

/// One listing of a course: `*` on the officer's own tier.
fn listing_line(app: &Data, l: &crate::catalogue::Listing, mine: Option<&str>) -> String {
    let rb = app
        .catalogue
        .rulebook(&l.rulebook)
        .map_or(l.rulebook.as_str(), |r| r.short.as_str());
    let status = if l.status == crate::catalogue::ListingStatus::Mandatory {
        "M"
    } else {
        "O"
    };
    let star = if Some(l.tier.as_str()) == mine {
        "*"
    } else {
        " "
    };
    format!(
        "{star}{:<13} {status} {} row {:<3} {rb}",
        l.tier,
        badges(&l.competencies),
        l.row
    )
}

fn render(f: &mut Frame, area: Rect, app: &Data, course: CourseId, theme: &Theme) {
    let c = &app.catalogue.courses[course];
    let inner_width = area.width.saturating_sub(2) as usize;
    let mut lines = vec![Line::from(Span::styled(
        fit(&c.title, inner_width),
        theme.style(Meaning::Title),
    ))];
    if !c.aliases.is_empty() {
        lines.push(Line::from(fit(
            &format!("Also printed as: {}", c.aliases.join(" | ")),
            inner_width,
        )));
    }
    lines.push(Line::from(match app.completed(course) {
        Some(done) => Span::styled(
            format!(
                "✓ Done {} ({} h, id {})",
                done.date.format("%d.%m.%Y"),
                crate::units::hours::format_hours(u64::from(done.seconds)),
                done.id
            ),
            theme.style(Meaning::Met),
        ),
        None => Span::styled(
            "Not done yet: press d to record it",
            theme.style(Meaning::Open),
        ),
    }));
    // Your own tier first: it is the listing that counts for you.
    let mine = app.status.as_ref().ok().and_then(|s| s.tier.id.clone());
    let mut listings: Vec<_> = app.catalogue.course_listings(course).collect();
    lines.push(Line::from(Span::styled(
        if listings.is_empty() {
            "Listed in no tier (a course of your --data lists)"
        } else {
            "Listed in (M/O, competencies B F D, row, order)"
        },
        theme.style(Meaning::Muted),
    )));
    listings.sort_by_key(|l| Some(l.tier.as_str()) != mine.as_deref());
    let room = area.height.saturating_sub(2) as usize;
    let fits = room.saturating_sub(lines.len());
    let shown = if listings.len() > fits {
        fits.saturating_sub(1)
    } else {
        listings.len()
    };
    for l in &listings[..shown] {
        let text = listing_line(app, l, mine.as_deref());
        lines.push(Line::from(fit(&text, inner_width)));
    }
    if shown < listings.len() {
        lines.push(Line::from(Span::styled(
            format!(" +{} more", listings.len() - shown),
            theme.style(Meaning::Muted),
        )));
    }
    let r = centred(area, 96, lines.len() as u16 + 2);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(" Course: d record done · Esc close "),
        ),
        r,
    );
}
