//! The Catalogue view: tiers grouped by service on the left, the selected
//! tier's listings on the right with status and competency badges.

use crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState};
use ratatui::Frame;

use crate::tui::app::{cycle, App, Focus, View};
use crate::tui::draw::fit;
use crate::tui::keymap::{RECORD_DONE, b, Action, Binding, NONE};
use crate::tui::theme::{Meaning, Theme};
use crate::catalogue::{Competency, ListingStatus, SourceDefect};

pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let left_width = if area.width >= 100 { 34 } else { 20 };
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_width), Constraint::Min(20)]).areas(area);
    render_tiers(f, left, app, theme);
    render_listings(f, right, app, theme);
}

fn border(app: &App, focus: Focus, theme: &Theme) -> ratatui::style::Style {
    if app.focus == focus {
        theme.style(Meaning::Title)
    } else {
        theme.style(Meaning::Muted)
    }
}

fn render_tiers(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let wide = area.width >= 30;
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let mut last_service = None;
    for (i, t) in app.catalogue.tiers.iter().enumerate() {
        if last_service != Some(t.service) {
            lines.push(Line::from(Span::styled(
                t.service.id().to_uppercase(),
                theme.style(Meaning::Title),
            )));
            last_service = Some(t.service);
        }
        let marker = if i == app.tier { "▸ " } else { "  " };
        let mine =
            app.status.as_ref().ok().and_then(|s| s.tier.id.as_deref()) == Some(t.id.as_str());
        let mut text = format!("{marker}{}{}", t.id, if mine { " *" } else { "" });
        if wide {
            let short = t
                .label
                .split_once(", ")
                .map_or(t.label.as_str(), |(_, rest)| rest);
            text = fit(
                &format!("{text:<16}{}", short),
                area.width.saturating_sub(2) as usize,
            );
        }
        let style = if i == app.tier && app.focus == Focus::Tiers {
            theme.style(Meaning::Selected)
        } else {
            ratatui::style::Style::default()
        };
        if i == app.tier {
            selected_line = lines.len();
        }
        lines.push(Line::from(Span::styled(text, style)));
    }
    let inner_height = area.height.saturating_sub(2) as usize;
    let scroll = selected_line.saturating_sub(inner_height.saturating_sub(1)) as u16;
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Tiers (* yours) ")
        .border_style(border(app, Focus::Tiers, theme));
    f.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

pub fn badges(competencies: &[Competency]) -> String {
    Competency::badges(competencies, '·')
}

fn render_listings(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let tier = &app.catalogue.tiers[app.tier];
    let listings = app.visible_listings();
    let filter = format!(
        "{} · {}",
        app.competency.map_or("B+F+D", |c| c.id()),
        app.listing_status.map_or("M+O", |s| s.id())
    );
    let rows: Vec<Row> = listings
        .iter()
        .map(|l| {
            let done = l.course.and_then(|c| app.completed(c)).is_some();
            let short = l.course.is_some_and(|c| app.shortlisted(c));
            let mark = if done {
                "✓"
            } else if short {
                "★"
            } else {
                " "
            };
            let (status, status_style) = match l.status {
                ListingStatus::Mandatory => ("M", theme.style(Meaning::Mandatory)),
                ListingStatus::Optional => ("O", theme.style(Meaning::Optional)),
            };
            let mut title = l.title.clone();
            if let Some(d) = l.defect {
                title.push_str(match d {
                    SourceDefect::EditingNote => "  [editing note]",
                    SourceDefect::Truncated => "  [cut off]",
                });
            }
            Row::new(vec![
                Cell::from(mark).style(theme.style(Meaning::Met)),
                Cell::from(format!("{:>2}", l.row)).style(theme.style(Meaning::Muted)),
                Cell::from(status).style(status_style),
                Cell::from(badges(&l.competencies)),
                Cell::from(fit(&title, area.width.saturating_sub(15) as usize)),
            ])
        })
        .collect();
    // Id, filters and count first: the label is the part that may be cut.
    let title = fit(
        &format!(
            " {} · {} ({}) · {} ",
            tier.id,
            filter,
            listings.len(),
            tier.label
        ),
        area.width.saturating_sub(4) as usize,
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(border(app, Focus::Listings, theme));
    let table = Table::new(
        rows,
        [
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Length(3),
            Constraint::Min(10),
        ],
    )
    .header(Row::new(vec!["", "#", "", "BFD", "Course"]).style(theme.style(Meaning::Muted)))
    .block(block)
    .highlight_symbol("▸")
    .row_highlight_style(if app.focus == Focus::Listings {
        theme.style(Meaning::Selected)
    } else {
        ratatui::style::Style::default()
    });
    let mut state = TableState::default().with_selected(
        (app.focus == Focus::Listings).then(|| app.row.min(listings.len().saturating_sub(1))),
    );
    f.render_stateful_widget(table, area, &mut state);
}

/// The Catalogue view's id in the views table.
pub const VIEW: View = View::named("Catalogue");

/// The keys of the Catalogue view, before the global ones.
/// Its cursor and filters stay on `App`, because the search box and the
/// saved UI state move them too; the table still makes one of these.
#[derive(Default)]
pub struct State;

/// The listings are read from the catalogue as they are drawn.
pub fn refresh(_: &mut App) {}

pub const KEYS: &[Binding] = &[
    b!(
        [(KeyCode::Left, NONE), (KeyCode::Char('h'), NONE)],
        "←/h",
        "focus the tier list",
        Action::FocusLeft,
        ""
    ),
    b!(
        [(KeyCode::Right, NONE), (KeyCode::Char('l'), NONE)],
        "→/l",
        "focus the course list",
        Action::FocusRight,
        ""
    ),
    b!(
        [(KeyCode::Enter, NONE)],
        "Enter",
        "course details: every tier and order that lists it",
        Action::Open,
        "details"
    ),
    b!(
        [(KeyCode::Char('c'), NONE)],
        "c",
        "competency filter: all, behavioural, functional, domain",
        Action::CycleCompetency,
        "B/F/D"
    ),
    b!(
        [(KeyCode::Char('m'), NONE)],
        "m",
        "status filter: all, mandatory, optional",
        Action::CycleStatus,
        "M/O"
    ),
    RECORD_DONE,
    b!(
        [(KeyCode::Char('s'), NONE)],
        "s",
        "add to or drop from your shortlist",
        Action::ToggleShortlist,
        "shortlist"
    ),
];

pub fn rows(app: &App) -> usize {
    match app.focus {
        Focus::Tiers => app.catalogue.tiers.len(),
        Focus::Listings => app.visible_listings().len(),
    }
}

/// The selected listing's course, once the course list has the focus.
pub fn course(app: &App) -> Option<crate::catalogue::CourseId> {
    if app.focus != Focus::Listings {
        return None;
    }
    app.visible_listings().get(app.row).and_then(|l| l.course)
}

/// The cursor is the tier while the tier list has the focus.
pub fn cursor(app: &mut App) -> &mut usize {
    match app.focus {
        Focus::Tiers => &mut app.tier,
        Focus::Listings => &mut app.row,
    }
}

pub fn act(app: &mut App, action: Action) -> bool {
    match action {
        Action::Back if app.focus == Focus::Listings => app.focus = Focus::Tiers,
        Action::FocusLeft => app.focus = Focus::Tiers,
        Action::FocusRight => app.focus = Focus::Listings,
        Action::Open if app.focus == Focus::Tiers => {
            app.focus = Focus::Listings;
            app.row = 0;
        }
        Action::CycleCompetency => {
            app.competency = cycle(&Competency::ALL, app.competency);
            app.row = 0;
        }
        Action::CycleStatus => {
            app.listing_status = cycle(
                &[ListingStatus::Mandatory, ListingStatus::Optional],
                app.listing_status,
            );
            app.row = 0;
        }
        _ => return false,
    }
    true
}
