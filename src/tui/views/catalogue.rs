//! The Catalogue view: tiers grouped by service on the left, the selected
//! tier's listings on the right with status and competency badges. Below
//! the tiers, the portal's own catalogue (`catalogue sync`'s snapshot), its
//! courses by competency area and theme with their hours.

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
use crate::tui::portal_shelf::ShelfLine;
use crate::tui::theme::{Meaning, Theme};
use crate::i18n::tr;
use crate::units::hours::format_hours;
use unicode_width::UnicodeWidthStr;
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
    if view.on_portal(&app.catalogue) {
        render_portal(f, right, app, view, theme);
    } else {
        render_listings(f, right, app, view, theme);
    }
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
    // The portal's catalogue, one entry after the tiers.
    lines.push(Line::from(Span::styled("PORTAL", theme.style(Meaning::Title))));
    let on_portal = view.on_portal(&app.catalogue);
    if on_portal {
        selected_line = lines.len();
    }
    let text = format!("{}{}", if on_portal { "▸ " } else { "  " }, tr(app.lang, "tui-catalogue-portal-entry", &[]));
    let text = match app.portal.as_ref() {
        Some(p) if wide => {
            let n = tr(app.lang, "tui-catalogue-courses", &[("n", p.courses.len().into())]);
            format!("{}{n}", pad(&text, 16))
        }
        None if wide => format!("{text:<16}{}", tr(app.lang, "tui-catalogue-not-synced", &[])),
        _ => text,
    };
    let style = if on_portal && view.focus == Focus::Tiers {
        theme.style(Meaning::Selected)
    } else {
        ratatui::style::Style::default()
    };
    lines.push(Line::from(Span::styled(
        fit(&text, area.width.saturating_sub(2) as usize),
        style,
    )));
    let inner_height = area.height.saturating_sub(2) as usize;
    let scroll = selected_line.saturating_sub(inner_height.saturating_sub(1)) as u16;
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tr(app.lang, "tui-catalogue-tiers", &[]))
        .border_style(border(view, Focus::Tiers, theme));
    f.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

pub fn badges(competencies: &[Competency]) -> String {
    Competency::badges(competencies, '·')
}

/// A listing's mark: `✓` done, `★` shortlisted. Only a done course takes
/// the "done" colour: reversed on the selected row, a blank mark in it
/// read as a green "done" block.
fn mark(
    app: &Data,
    l: &crate::catalogue::Listing,
    theme: &Theme,
) -> (&'static str, ratatui::style::Style) {
    if l.course.and_then(|c| app.completed(c)).is_some() {
        ("✓", theme.style(Meaning::Met))
    } else if l.course.is_some_and(|c| app.shortlisted(c)) {
        ("★", ratatui::style::Style::default())
    } else {
        (" ", ratatui::style::Style::default())
    }
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
            let (mark, mark_style) = mark(app, l, theme);
            let (status, status_style) = match l.status {
                ListingStatus::Mandatory => ("M", theme.style(Meaning::Mandatory)),
                ListingStatus::Optional => ("O", theme.style(Meaning::Optional)),
            };
            let mut title = l.title.clone();
            if let Some(d) = l.defect {
                let id = match d {
                    SourceDefect::EditingNote => "tui-catalogue-editing-note",
                    SourceDefect::Truncated => "tui-catalogue-cut-off",
                };
                title.push_str(&tr(app.lang, id, &[]));
            }
            Row::new(vec![
                Cell::from(mark).style(mark_style),
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
    .header(Row::new(vec![String::new(), "#".into(), String::new(), "BFD".into(), tr(app.lang, "tui-log-col-course", &[])]).style(theme.style(Meaning::Muted)))
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

/// The portal's courses, by area and theme, each with its hours; only the
/// lines on screen are built (a snapshot has thousands).
fn render_portal(f: &mut Frame, area: Rect, app: &Data, view: &CatalogueView, theme: &Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border(view, Focus::Listings, theme));
    let Some(portal) = app.portal.as_ref() else {
        let text = Paragraph::new(tr(app.lang, "tui-catalogue-no-portal", &[]))
            .wrap(ratatui::widgets::Wrap { trim: true })
            .block(block.title(tr(app.lang, "tui-catalogue-portal", &[])));
        f.render_widget(text, area);
        return;
    };
    let title = tr(
        app.lang,
        "tui-catalogue-portal-snapshot",
        &[("fetched", portal.fetched.to_string().into()), ("n", portal.courses.len().into())],
    );
    let block = block.title(fit(&title, area.width.saturating_sub(4) as usize));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let shelf = &app.shelf;
    let height = inner.height as usize;
    let selected = shelf.course_lines.get(view.row).copied();
    let mut first = selected.map_or(0, |s| s.saturating_sub(height.saturating_sub(1)));
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::with_capacity(height);
    // Scrolled past its headings, the top row keeps saying where this is.
    if first > 0 && !matches!(shelf.lines.get(first), Some(ShelfLine::Area(_))) {
        first += 1;
        let (area_name, theme_name) = shelf.heading_of(first);
        let area_name = &or_word(area_name, app.lang, "tui-catalogue-no-area");
        let text = match theme_name {
            Some(t) => format!("{area_name} · {}", &or_word(t, app.lang, "tui-catalogue-no-theme")),
            None => area_name.to_string(),
        };
        lines.push(Line::from(Span::styled(fit(&text, width), theme.style(Meaning::Title))));
    }
    let rest = height.saturating_sub(lines.len());
    lines.extend(
        shelf.lines[first.min(shelf.lines.len())..]
            .iter()
            .take(rest)
            .enumerate()
            .map(|(k, line)| {
                let on = Some(first + k) == selected;
                shelf_line(line, on, app, view, theme, width)
            }),
    );
    f.render_widget(Paragraph::new(lines), inner);
}

/// One line of the portal shelf: a heading, or a course and its hours.
fn shelf_line<'a>(
    line: &ShelfLine,
    selected: bool,
    app: &'a Data,
    view: &CatalogueView,
    theme: &Theme,
    width: usize,
) -> Line<'a> {
    match line {
        ShelfLine::Area(a) => Line::from(Span::styled(
            fit(&or_word(a, app.lang, "tui-catalogue-no-area"), width),
            theme.style(Meaning::Title),
        )),
        ShelfLine::Theme(t) => Line::from(Span::styled(
            fit(&format!(" {}", &or_word(t, app.lang, "tui-catalogue-no-theme")), width),
            theme.style(Meaning::Muted),
        )),
        ShelfLine::Course(i) => {
            let Some(c) = app.portal.as_ref().and_then(|p| p.courses.get(*i)) else {
                return Line::default();
            };
            let hours = c
                .seconds
                .map_or("   ? h".to_string(), |s| format!("{:>6} h", format_hours(u64::from(s))));
            // The cursor shows once the course list has the focus, as in a tier's.
            let selected = selected && view.focus == Focus::Listings;
            let marker = if selected { "▸ " } else { "  " };
            let room = width.saturating_sub(2 + 1 + hours.len());
            let name = fit(&c.name, room);
            let pad = " ".repeat(room.saturating_sub(name.width()));
            let text = format!("{marker}{name}{pad} {hours}");
            let style = if selected {
                theme.style(Meaning::Selected)
            } else {
                ratatui::style::Style::default()
            };
            Line::from(Span::styled(text, style))
        }
    }
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
    /// The tier's id; none while the portal's catalogue is shown.
    pub fn tier_id<'a>(&self, catalogue: &'a Catalogue) -> &'a str {
        catalogue.tiers.get(self.tier).map_or("", |t| t.id.as_str())
    }

    /// Whether the entry after the tiers, the portal's catalogue, is chosen.
    pub fn on_portal(&self, catalogue: &Catalogue) -> bool {
        self.tier >= catalogue.tiers.len()
    }

    /// Selects row `row` of the portal's catalogue.
    pub fn show_portal_row(&mut self, catalogue: &Catalogue, row: usize) {
        self.tier = catalogue.tiers.len();
        self.focus = Focus::Listings;
        self.row = row;
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
            // The tiers, then the portal's catalogue.
            Focus::Tiers => data.catalogue.tiers.len() + 1,
            Focus::Listings if self.on_portal(&data.catalogue) => data.shelf.course_lines.len(),
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

/// `text` padded with spaces to `width` columns, measured as the terminal
/// shows them (Devanagari's vowel signs take no column of their own).
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// `text`, or the message `id` where the portal gave none.
fn or_word(text: &str, lang: crate::i18n::Lang, id: &str) -> String {
    if text.is_empty() {
        tr(lang, id, &[])
    } else {
        text.to_string()
    }
}
