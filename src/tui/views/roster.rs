//! The Roster view: the training cell's officers, most urgent first, by the
//! engine `status` uses; filters by tier and verdict, `/` finds by name or
//! e-mail, Enter opens an officer's Progress read-only.

use crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};
use ratatui::Frame;

use crate::roster::Verdict;
use crate::rules::fy::FinancialYear;
use crate::tui::data::Data;
use crate::tui::draw::fit;
use crate::tui::keymap::{b, Action, Binding, NONE};
use crate::tui::overlays::FindOfficer;
use crate::tui::roster_data::{Roster, RosterRow};
use crate::tui::theme::{Meaning, Theme};
use crate::tui::views::{Component, Reply, View};

/// Which verdicts show: `t` and `v` step through the choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VerdictFilter {
    #[default]
    All,
    /// Overdue, behind or unmapped: `karmadash roster --behind`.
    NeedsAction,
    Only(Verdict),
}

const VERDICTS: [Verdict; 5] = [
    Verdict::Overdue,
    Verdict::Behind,
    Verdict::Unmapped,
    Verdict::OnPace,
    Verdict::Met,
];

impl VerdictFilter {
    fn next(self) -> VerdictFilter {
        match self {
            VerdictFilter::All => VerdictFilter::NeedsAction,
            VerdictFilter::NeedsAction => VerdictFilter::Only(VERDICTS[0]),
            VerdictFilter::Only(v) => VERDICTS
                .iter()
                .position(|x| *x == v)
                .and_then(|i| VERDICTS.get(i + 1))
                .map_or(VerdictFilter::All, |v| VerdictFilter::Only(*v)),
        }
    }

    fn keeps(self, v: Verdict) -> bool {
        match self {
            VerdictFilter::All => true,
            VerdictFilter::NeedsAction => v <= Verdict::Unmapped,
            VerdictFilter::Only(only) => v == only,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            VerdictFilter::All => "all",
            VerdictFilter::NeedsAction => "needing action",
            VerdictFilter::Only(v) => v.word(),
        }
    }
}

/// The Roster view's id in the views table.
pub const VIEW: View = View::named("Roster");

/// The keys of the Roster view, before the global ones.
pub const KEYS: &[Binding] = &[
    b!(
        [(KeyCode::Enter, NONE)],
        "Enter",
        "the selected officer's Progress, read-only (Esc: back)",
        Action::Open,
        "progress"
    ),
    b!(
        [(KeyCode::Char('t'), NONE)],
        "t",
        "tier filter: all, then each tier in the roster",
        Action::CycleTier,
        "tier"
    ),
    b!(
        [(KeyCode::Char('v'), NONE)],
        "v",
        "verdict filter: all, needing action, then each verdict",
        Action::CycleVerdict,
        "verdict"
    ),
    b!(
        [(KeyCode::Char('/'), NONE)],
        "/",
        "find officers by name or e-mail",
        Action::FindOfficer,
        "find"
    ),
];

/// The Roster view and its state: its row, filters and find text.
#[derive(Debug, Default)]
pub struct RosterView {
    pub row: usize,
    pub tier: Option<String>,
    pub verdict: VerdictFilter,
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
                let tiers = data.roster.tiers();
                self.tier = match &self.tier {
                    None => tiers.first().cloned(),
                    Some(t) => tiers
                        .iter()
                        .position(|x| x == t)
                        .and_then(|i| tiers.get(i + 1))
                        .cloned(),
                };
                self.row = 0;
            }
            Action::CycleVerdict => {
                self.verdict = self.verdict.next();
                self.row = 0;
            }
            Action::FindOfficer => return Reply::Open(Box::new(FindOfficer)),
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

fn verdict_style(v: Verdict, theme: &Theme) -> Style {
    match v {
        Verdict::Overdue => theme.style(Meaning::Alert),
        Verdict::Behind | Verdict::Unmapped => theme.style(Meaning::Open),
        Verdict::OnPace => Style::default(),
        Verdict::Met => theme.style(Meaning::Met),
    }
}

fn render(f: &mut Frame, area: Rect, app: &Data, s: &RosterView, theme: &Theme) {
    let fy = FinancialYear::containing(app.today);
    let shown = visible(&app.roster, s);
    let mut title = format!(
        " Roster {fy}: {} of {} ",
        shown.len(),
        app.roster.rows.len()
    );
    title.push_str(&format!(
        "· tier {} · {} ",
        s.tier.as_deref().unwrap_or("all"),
        s.verdict.word()
    ));
    if !s.find.is_empty() {
        title.push_str(&format!("· \"{}\" ", s.find));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(fit(&title, area.width.saturating_sub(2) as usize));
    if let Some(why) = &app.roster.problem {
        let text = format!("The roster cannot be read: {why}");
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
                Line::from("No officers yet. A training cell reads the portal's reports in:"),
                Line::from(""),
                Line::from(Span::styled(
                    "  karmadash roster import ConsumptionReport.csv UserReport.csv",
                    theme.style(Meaning::Key),
                )),
                Line::from(""),
                Line::from(Span::styled(
                    "Each officer then shows here, most urgent first, without a restart.",
                    theme.style(Meaning::Muted),
                )),
            ])
            .wrap(Wrap { trim: false })
            .block(block),
            area,
        );
        return;
    }
    render_table(f, area, s.row, &shown, block, theme);
}

fn render_table(
    f: &mut Frame,
    area: Rect,
    row: usize,
    shown: &[&RosterRow],
    block: Block,
    theme: &Theme,
) {
    let tier_width = shown
        .iter()
        .filter_map(|r| r.tier.as_ref().map(|t| t.chars().count()))
        .max()
        .unwrap_or(4)
        .clamp(4, 14) as u16;
    // The flags take what their words need (up to 20 columns), the name the rest.
    let flags_width = shown
        .iter()
        .map(|r| flag_words(r).chars().count())
        .max()
        .unwrap_or(0)
        .clamp(5, 20) as u16;
    let rows: Vec<Row> = shown.iter().map(|r| table_row(r, theme)).collect();
    let empty = rows.is_empty();
    let table = Table::new(
        rows,
        [
            Constraint::Fill(1),
            Constraint::Length(tier_width),
            Constraint::Length(9),
            Constraint::Length(5),
            Constraint::Length(8),
            Constraint::Length(10),
            Constraint::Length(flags_width),
        ],
    )
    .header(
        Row::new(vec![
            "Officer",
            "Tier",
            "    Hours",
            " Mand",
            "Verdict",
            "Next due",
            "Flags",
        ])
        .style(theme.style(Meaning::Muted)),
    )
    .block(block)
    .highlight_symbol("▸")
    .row_highlight_style(theme.style(Meaning::Selected));
    let selected = (!empty).then_some(row);
    let mut state = TableState::default().with_selected(selected);
    f.render_stateful_widget(table, area, &mut state);
    if empty {
        no_match_hint(f, area, theme);
    }
}

fn no_match_hint(f: &mut Frame, area: Rect, theme: &Theme) {
    let hint = "No officer matches: t and v change the filters, / finds, Esc clears the find.";
    crate::tui::draw::table_hint(f, area, hint, theme);
}

fn flag_words(r: &RosterRow) -> String {
    let kinds: Vec<&str> = r.flags.iter().map(|f| f.kind.id()).collect();
    kinds.join(",")
}

fn table_row<'a>(r: &RosterRow, theme: &Theme) -> Row<'a> {
    Row::new(vec![
        Cell::from(r.officer.name.clone()),
        Cell::from(r.tier.clone().unwrap_or_else(|| "-".into())),
        Cell::from(format!("{:>9}", r.hours.as_deref().unwrap_or("-"))),
        Cell::from(format!("{:>5}", r.mandatory.as_deref().unwrap_or("-"))),
        Cell::from(r.verdict.word()).style(verdict_style(r.verdict, theme)),
        Cell::from(
            r.next_due
                .map_or("-".into(), |d| d.format("%d.%m.%Y").to_string()),
        ),
        Cell::from(flag_words(r)),
    ])
}
