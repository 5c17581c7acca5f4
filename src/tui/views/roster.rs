//! The Roster view: the training cell's officers, most urgent first, by the
//! engine `status` uses; filters by tier, verdict and department, `/` finds
//! by name or e-mail, Enter opens an officer's Progress read-only.

use crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use crate::i18n::{tr, Lang};
use crate::tui::roster_chart;
use crate::tui::roster_columns::{lay_out, selected_parts, wrap_parts, Column, Columns};
use crate::roster::mdo::of_department;
use crate::roster::{Verdict, VerdictFilter};
use crate::rules::fy::FinancialYear;
use crate::tui::data::Data;
use crate::tui::draw::fit;
use crate::tui::keymap::{b, Action, Binding, NONE};
use crate::tui::overlays::{ExemptOfficer, FindOfficer};
use crate::tui::roster_data::{Roster, RosterRow};
use crate::tui::theme::{Meaning, Theme};
use crate::tui::views::{Component, Reply, View};

/// The Roster view's id in the views table.
pub const VIEW: View = View::named("Roster");

/// The keys of the Roster view, before the global ones.
pub const KEYS: &[Binding] = &[
    b!(
        [(KeyCode::Enter, NONE)],
        "Enter",
"tui-help-the-selected-officer-s-progress",
        Action::Open,
        "tui-hint-progress"
    ),
    b!(
        [(KeyCode::Char('t'), NONE)],
        "t",
"tui-help-tier-filter-all-then-each",
        Action::CycleTier,
        "tui-hint-tier"
    ),
    b!(
        [(KeyCode::Char('v'), NONE)],
        "v",
"tui-help-verdict-filter-all-needing-action",
        Action::CycleVerdict,
        "tui-hint-verdict"
    ),
    b!(
        [(KeyCode::Char('m'), NONE)],
        "m",
        "department filter: all, then each department (MDO) in the roster",
        Action::CycleDepartment,
        "dept"
    ),
    b!(
        [(KeyCode::Char('/'), NONE)],
        "/",
"tui-help-find-officers-by-name-or",
        Action::FindOfficer,
        "tui-hint-find"
    ),
    b!(
        [(KeyCode::Char('x'), NONE)],
        "x",
"tui-help-exempt-the-selected-officer-with",
        Action::ExemptOfficer,
        "tui-hint-exempt"
    ),
];

/// The Roster view and its state: its row, filters and find text.
#[derive(Debug, Default)]
pub struct RosterView {
    pub row: usize,
    pub tier: Option<String>,
    /// Which verdicts show: `v` steps through the choices.
    pub verdict: VerdictFilter,
    /// The department (`organisation`) shown, as `roster --mdo` names it.
    pub department: Option<String>,
    /// What the find box narrows the list by (it stays after Enter).
    pub find: String,
}

/// The officers the filters and the find text keep, most urgent first.
pub fn visible<'a>(roster: &'a Roster, s: &RosterView) -> Vec<&'a RosterRow> {
    let find = s.find.to_lowercase();
    roster
        .rows
        .iter()
        .filter(|r| s.tier.is_none() || r.tier == s.tier)
        .filter(|r| s.verdict.keeps(r.verdict))
        .filter(|r| {
            s.department
                .as_deref()
                .is_none_or(|d| of_department(&r.officer, d))
        })
        .filter(|r| {
            find.is_empty()
                || r.officer.name.to_lowercase().contains(&find)
                || r.officer.id.0.contains(&find)
        })
        .collect()
}

/// It draws from the roster as it is: nothing to refresh. No course is
/// selected here: its rows are officers, not courses.
impl Component for RosterView {
    fn draw(&self, f: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        render(f, area, data, self, theme);
    }

    fn rows(&self, data: &Data) -> usize {
        visible(&data.roster, self).len()
    }

    fn cursor(&mut self) -> &mut usize {
        &mut self.row
    }

    fn act(&mut self, action: Action, data: &Data) -> Reply {
        match action {
            Action::Open => {
                return match visible(&data.roster, self).get(self.row) {
                    Some(r) => Reply::ShowOfficer(r.officer.id.clone()),
                    None => Reply::Done,
                }
            }
            Action::CycleTier => {
                self.tier = next_of(&data.roster.tiers(), &self.tier);
                self.row = 0;
            }
            Action::CycleDepartment => {
                self.department = next_of(&data.roster.departments(), &self.department);
                self.row = 0;
            }
            Action::CycleVerdict => {
                self.verdict = self.verdict.next();
                self.row = 0;
            }
            Action::FindOfficer => return Reply::Open(Box::new(FindOfficer)),
            Action::ExemptOfficer => {
                return match visible(&data.roster, self).get(self.row) {
                    Some(r) => Reply::Open(Box::new(ExemptOfficer::new(
                        r.officer.id.clone(),
                        r.officer.name.clone(),
                    ))),
                    None => Reply::Done,
                }
            }
            // Esc drops the find text first: the whole roster comes back.
            Action::Back if !self.find.is_empty() => {
                self.find.clear();
                self.row = 0;
            }
            _ => return Reply::Pass,
        }
        Reply::Done
    }
}

/// The choice after `now` in `all`: the first after none, none after the
/// last (or after one the roster no longer has).
fn next_of(all: &[String], now: &Option<String>) -> Option<String> {
    match now {
        None => all.first().cloned(),
        Some(t) => all
            .iter()
            .position(|x| x == t)
            .and_then(|i| all.get(i + 1))
            .cloned(),
    }
}

fn verdict_style(v: Verdict, theme: &Theme) -> Style {
    match v {
        Verdict::Overdue => theme.style(Meaning::Alert),
        Verdict::Behind | Verdict::Unmapped | Verdict::Unregistered => {
            theme.style(Meaning::Open)
        }
        Verdict::OnPace => Style::default(),
        Verdict::Exempt => theme.style(Meaning::Muted),
        Verdict::Met => theme.style(Meaning::Met),
    }
}

/// The box with the count and the filters on top. A department's name is
/// long ("General Administration Department, Bihar"): when the top cannot
/// hold it whole, the bottom border gives it whole.
fn titled(s: &RosterView, lang: Lang, counts: (usize, usize), fy: FinancialYear, width: u16) -> Block<'_> {
    let room = width.saturating_sub(2) as usize;
    let every = tr(lang, "tui-roster-all", &[]);
    let mut title = tr(
        lang,
        "tui-roster-title",
        &[
            ("fy", fy.to_string().into()),
            ("shown", counts.0.into()),
            ("all", counts.1.into()),
            ("tier", s.tier.as_deref().unwrap_or(&every).into()),
            ("verdict", filter_word(s.verdict, lang).into()),
            ("dept", s.department.as_deref().unwrap_or(&every).into()),
        ],
    );
    if !s.find.is_empty() {
        title.push_str(&format!("· \"{}\" ", s.find));
    }
    let block = Block::default().borders(Borders::ALL);
    match &s.department {
        Some(d) if title.width() > room => block
            .title(fit(&title, room))
            .title_bottom(fit(&format!(" {d} "), room)),
        _ => block.title(fit(&title, room)),
    }
}

fn render(f: &mut Frame, area: Rect, app: &Data, s: &RosterView, theme: &Theme) {
    let fy = FinancialYear::containing(app.today);
    let shown = visible(&app.roster, s);
    let lang = app.lang;
    let counts = (shown.len(), app.roster.rows.len());
    let block = titled(s, lang, counts, fy, area.width);
    if let Some(why) = &app.roster.problem {
        let text = tr(lang, "tui-roster-unreadable", &[("why", why.into())]);
        f.render_widget(
            Paragraph::new(text)
                .style(theme.style(Meaning::Alert))
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    if app.roster.rows.is_empty() {
        f.render_widget(
            Paragraph::new(vec![
                Line::from(tr(lang, "tui-roster-empty", &[])),
                Line::from(""),
                Line::from(Span::styled(
                    "  karmadash roster import ConsumptionReport.csv UserReport.csv",
                    theme.style(Meaning::Key),
                )),
                Line::from(""),
                Line::from(Span::styled(
                    tr(lang, "tui-roster-empty-then", &[]),
                    theme.style(Meaning::Muted),
                )),
            ])
            .wrap(Wrap { trim: false })
            .block(block),
            area,
        );
        return;
    }
    // A wide screen shows the trend beside the list.
    let area = if area.width >= roster_chart::FROM_WIDTH && !app.roster.history.is_empty() {
        let [list, chart] =
            Layout::horizontal([Constraint::Min(0), Constraint::Length(roster_chart::WIDTH)])
                .areas(area);
        roster_chart::render(f, chart, &app.roster.history, fy, theme);
        list
    } else {
        area
    };
    render_table(f, area, (s.row, lang), &shown, block, theme);
}

fn render_table(
    f: &mut Frame,
    area: Rect,
    (row, lang): (usize, Lang),
    shown: &[&RosterRow],
    block: Block,
    theme: &Theme,
) {
    let inner = block.inner(area);
    f.render_widget(block, area);
    if shown.is_empty() {
        f.render_widget(Paragraph::new(header_line(&lay_out(&[], inner.width as usize, lang))), inner);
        no_match_hint(f, area, lang, theme);
        return;
    }
    // The last lines name the selected officer whole: the e-mail that
    // `roster show` takes, and whatever the width left out of the row.
    let columns = lay_out(shown, inner.width as usize, lang);
    let row = row.min(shown.len() - 1);
    let gutter = crate::tui::row_pane::GUTTER;
    let detail_lines = wrap_parts(
        &selected_parts(shown[row], &columns),
        (inner.width as usize).saturating_sub(gutter),
        DETAIL_LINES,
    );
    let [list, detail] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(detail_lines.len() as u16),
    ])
    .areas(inner);
    let widths: Vec<Constraint> = columns
        .0
        .iter()
        .map(|(_, w)| Constraint::Length(*w as u16))
        .collect();
    let rows: Vec<Row> = shown
        .iter()
        .map(|r| {
            let cells = columns.0.iter().zip(columns.cells(r)).map(|((c, _), text)| {
                let cell = Cell::from(text);
                match c {
                    Column::Verdict => cell.style(verdict_style(r.verdict, theme)),
                    _ => cell,
                }
            });
            Row::new(cells)
        })
        .collect();
    let table = Table::new(rows, widths)
        .header(Row::new(columns.headings()).style(theme.style(Meaning::Muted)))
        .highlight_symbol("▸")
        .row_highlight_style(theme.style(Meaning::Selected));
    let mut state = TableState::default().with_selected(Some(row));
    f.render_stateful_widget(table, list, &mut state);
    // Under the names, past the selection mark's column.
    let lines: Vec<Line> = detail_lines
        .into_iter()
        .map(|l| Line::from(format!("{}{l}", " ".repeat(gutter))))
        .collect();
    f.render_widget(
        Paragraph::new(lines).style(theme.style(Meaning::Muted)),
        detail,
    );
}

/// At most this many lines name the selected officer, so the list keeps
/// its room at 60x16.
const DETAIL_LINES: usize = 2;

/// The header alone, over an empty list.
fn header_line(columns: &Columns) -> Line<'static> {
    Line::from(format!(" {}", columns.headings().join(" ")))
}

fn no_match_hint(f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
    let hint = tr(lang, "tui-roster-no-match", &[]);
    crate::tui::draw::table_hint(f, area, &hint, theme);
}


/// The verdict filter's word in the chosen language.
fn filter_word(v: VerdictFilter, lang: Lang) -> String {
    match v {
        VerdictFilter::All => tr(lang, "tui-roster-all", &[]),
        VerdictFilter::NeedsAction => tr(lang, "tui-roster-needing-action", &[]),
        VerdictFilter::Only(v) => crate::tui::roster_columns::verdict_word(v, lang),
    }
}
