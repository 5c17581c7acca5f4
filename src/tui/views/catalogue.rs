//! The Catalogue view: tiers grouped by service on the left, the selected
//! tier's listings on the right with status and competency badges.

use crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState};
use ratatui::Frame;

use crate::catalogue::{Catalogue, Competency, CourseId, Listing, ListingStatus, SourceDefect};
use crate::store::UiState;
use crate::tui::data::Data;
use crate::tui::draw::fit;
use crate::tui::keymap::{b, Action, Binding, NONE, RECORD_DONE};
use crate::tui::theme::{Meaning, Theme};
use crate::tui::views::{Component, Reply, View};

/// Which list of the Catalogue view the cursor keys move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Tiers,
    Listings,
}

/// The Catalogue view and its state: the tier, the list with the focus,
/// the selected listing and the filters. The search box and the saved UI
/// state move them too, through the methods below.
#[derive(Debug, Default)]
pub struct CatalogueView {
    pub tier: usize,
    pub focus: Focus,
    pub row: usize,
    pub competency: Option<Competency>,
    pub listing_status: Option<ListingStatus>,
}

fn render(f: &mut Frame, area: Rect, app: &Data, view: &CatalogueView, theme: &Theme) {
    let left_width = if area.width >= 100 { 34 } else { 20 };
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_width), Constraint::Min(20)]).areas(area);
    render_tiers(f, left, app, view, theme);
    render_listings(f, right, app, view, theme);
}

fn border(view: &CatalogueView, focus: Focus, theme: &Theme) -> ratatui::style::Style {
    if view.focus == focus {
        theme.style(Meaning::Title)
    } else {
        theme.style(Meaning::Muted)
    }
}

fn render_tiers(f: &mut Frame, area: Rect, app: &Data, view: &CatalogueView, theme: &Theme) {
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
        let marker = if i == view.tier { "▸ " } else { "  " };
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
        let style = if i == view.tier && view.focus == Focus::Tiers {
            theme.style(Meaning::Selected)
        } else {
            ratatui::style::Style::default()
        };
        if i == view.tier {
            selected_line = lines.len();
        }
        lines.push(Line::from(Span::styled(text, style)));
    }
    let inner_height = area.height.saturating_sub(2) as usize;
    let scroll = selected_line.saturating_sub(inner_height.saturating_sub(1)) as u16;
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Tiers (* yours) ")
        .border_style(border(view, Focus::Tiers, theme));
    f.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

pub fn badges(competencies: &[Competency]) -> String {
    Competency::badges(competencies, '·')
}

fn render_listings(f: &mut Frame, area: Rect, app: &Data, view: &CatalogueView, theme: &Theme) {
    let tier = &app.catalogue.tiers[view.tier];
    let listings = view.visible(&app.catalogue);
    let filter = format!(
        "{} · {}",
        view.competency.map_or("B+F+D", |c| c.id()),
        view.listing_status.map_or("M+O", |s| s.id())
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
        .border_style(border(view, Focus::Listings, theme));
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
    .row_highlight_style(if view.focus == Focus::Listings {
        theme.style(Meaning::Selected)
    } else {
        ratatui::style::Style::default()
    });
    let mut state = TableState::default().with_selected(
        (view.focus == Focus::Listings).then(|| view.row.min(listings.len().saturating_sub(1))),
    );
    f.render_stateful_widget(table, area, &mut state);
}

/// The Catalogue view's id in the views table.
pub const VIEW: View = View::named("Catalogue");

/// The keys of the Catalogue view, before the global ones.
pub const KEYS: &[Binding] = &[
    b!(
        [(KeyCode::Left, NONE), (KeyCode::Char('h'), NONE)],
        "←/h",
"tui-help-focus-the-tier-list",
        Action::FocusLeft,
        ""
    ),
    b!(
        [(KeyCode::Right, NONE), (KeyCode::Char('l'), NONE)],
        "→/l",
"tui-help-focus-the-course-list",
        Action::FocusRight,
        ""
    ),
    b!(
        [(KeyCode::Enter, NONE)],
        "Enter",
"tui-help-course-details-every-tier-and",
        Action::Open,
        "tui-hint-details"
    ),
    b!(
        [(KeyCode::Char('c'), NONE)],
        "c",
"tui-help-competency-filter-all-behavioural-functional",
        Action::CycleCompetency,
        "tui-hint-b-f-d"
    ),
    b!(
        [(KeyCode::Char('m'), NONE)],
        "m",
"tui-help-status-filter-all-mandatory-optional",
        Action::CycleStatus,
        "tui-hint-m-o"
    ),
    RECORD_DONE,
    b!(
        [(KeyCode::Char('s'), NONE)],
        "s",
"tui-help-add-to-or-drop-from",
        Action::ToggleShortlist,
        "tui-hint-shortlist"
    ),
];

impl CatalogueView {
    pub fn tier_id<'a>(&self, catalogue: &'a Catalogue) -> &'a str {
        &catalogue.tiers[self.tier].id
    }

    /// The listings the view shows, filters applied.
    pub fn visible<'a>(&self, catalogue: &'a Catalogue) -> Vec<&'a Listing> {
        catalogue
            .tier_listings(self.tier_id(catalogue))
            .filter(|l| self.listing_status.is_none_or(|s| l.status == s))
            .filter(|l| self.competency.is_none_or(|c| l.competencies.contains(&c)))
            .collect()
    }

    /// Puts the tier `id` in front, if the catalogue has it.
    pub fn select_tier(&mut self, catalogue: &Catalogue, id: &str) {
        if let Some(i) = catalogue.tiers.iter().position(|t| t.id == id) {
            self.tier = i;
        }
    }

    /// Shows `course`'s listing, in the current tier if it lists it, its
    /// filters cleared; false when no tier lists it.
    pub fn show_course(&mut self, catalogue: &Catalogue, course: CourseId) -> bool {
        let current = self.tier_id(catalogue).to_string();
        let listings: Vec<&Listing> = catalogue.course_listings(course).collect();
        let Some(target) = listings
            .iter()
            .find(|l| l.tier == current)
            .or(listings.first())
        else {
            return false;
        };
        self.tier = catalogue
            .tiers
            .iter()
            .position(|t| t.id == target.tier)
            .unwrap_or(0);
        self.competency = None;
        self.listing_status = None;
        self.focus = Focus::Listings;
        self.row = self
            .visible(catalogue)
            .iter()
            .position(|l| l.id == target.id)
            .unwrap_or(0);
        true
    }

    /// Takes the tier and filters the saved UI state remembers; without a
    /// saved tier, `profile_tier` (the officer's own).
    pub fn restore(&mut self, catalogue: &Catalogue, ui: &UiState, profile_tier: Option<&str>) {
        if let Some(t) = ui.tier.as_deref().or(profile_tier) {
            self.select_tier(catalogue, t);
        }
        self.competency = ui.competency.as_deref().and_then(Competency::parse);
        self.listing_status = match ui.status.as_deref() {
            Some("mandatory") => Some(ListingStatus::Mandatory),
            Some("optional") => Some(ListingStatus::Optional),
            _ => None,
        };
    }

    /// The tier and filters, for the saved UI state.
    pub fn remember(&self, catalogue: &Catalogue, ui: &mut UiState) {
        ui.tier = catalogue.tiers.get(self.tier).map(|t| t.id.clone());
        ui.competency = self.competency.map(|c| c.id().to_string());
        ui.status = self.listing_status.map(|s| s.id().to_string());
    }
}

/// The next of `all` after `current`; none after the last (no filter).
fn cycle<T: Copy + PartialEq>(all: &[T], current: Option<T>) -> Option<T> {
    match current {
        None => all.first().copied(),
        Some(c) => all
            .iter()
            .position(|x| *x == c)
            .and_then(|i| all.get(i + 1))
            .copied(),
    }
}

impl Component for CatalogueView {
    fn draw(&self, f: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        render(f, area, data, self, theme);
    }

    /// The listings are read from the catalogue as they are drawn.
    fn rows(&self, data: &Data) -> usize {
        match self.focus {
            Focus::Tiers => data.catalogue.tiers.len(),
            Focus::Listings => self.visible(&data.catalogue).len(),
        }
    }

    /// The cursor is the tier while the tier list has the focus.
    fn cursor(&mut self) -> &mut usize {
        match self.focus {
            Focus::Tiers => &mut self.tier,
            Focus::Listings => &mut self.row,
        }
    }

    /// Another tier starts at its first listing.
    fn move_cursor(&mut self, data: &Data, to: &dyn Fn(usize, usize) -> usize) {
        let n = self.rows(data);
        let tier_before = self.tier;
        let c = self.cursor();
        *c = if n == 0 { 0 } else { to(*c, n).min(n - 1) };
        if self.tier != tier_before {
            self.row = 0;
        }
    }

    /// The selected listing's course, once the course list has the focus.
    fn course(&self, data: &Data) -> Option<CourseId> {
        if self.focus != Focus::Listings {
            return None;
        }
        self.visible(&data.catalogue)
            .get(self.row)
            .and_then(|l| l.course)
    }

    fn act(&mut self, action: Action, _: &Data) -> Reply {
        match action {
            Action::Back if self.focus == Focus::Listings => self.focus = Focus::Tiers,
            Action::FocusLeft => self.focus = Focus::Tiers,
            Action::FocusRight => self.focus = Focus::Listings,
            Action::Open if self.focus == Focus::Tiers => {
                self.focus = Focus::Listings;
                self.row = 0;
            }
            Action::CycleCompetency => {
                self.competency = cycle(&Competency::ALL, self.competency);
                self.row = 0;
            }
            Action::CycleStatus => {
                self.listing_status = cycle(
                    &[ListingStatus::Mandatory, ListingStatus::Optional],
                    self.listing_status,
                );
                self.row = 0;
            }
            _ => return Reply::Pass,
        }
        Reply::Done
    }
}
