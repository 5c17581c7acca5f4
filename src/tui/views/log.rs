//! The Log view: completions of the financial year, newest first.

use crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Block, Borders, Row, Table, TableState};
use ratatui::Frame;

use crate::tui::data::Data;
use crate::tui::keymap::{b, Action, Binding, NONE};
use crate::tui::overlays::ConfirmRemove;
use crate::tui::theme::{Meaning, Theme};
use crate::tui::views::{Component, Reply, View};
use crate::units::hours::format_hours;
use crate::i18n::tr;
use unicode_width::UnicodeWidthStr;

fn render(f: &mut Frame, area: Rect, app: &Data, view: &LogView, theme: &Theme) {
    let lang = app.lang;
    let rows_data = app.log_rows();
    let total: u64 = rows_data.iter().map(|c| u64::from(c.seconds)).sum();
    let rows: Vec<Row> = rows_data
        .iter()
        .map(|c| {
            // ID, date, hours and certificate take 39 columns with borders.
            let room = area.width.saturating_sub(39) as usize;
            // A long title is cut before its "(other)" mark, never the mark.
            let title = if c.in_catalogue {
                crate::tui::draw::fit(&c.title, room)
            } else {
                let mark = tr(lang, "tui-log-other-mark", &[]);
                let keep = room.saturating_sub(mark.width());
                format!("{}{mark}", crate::tui::draw::fit(&c.title, keep))
            };
            Row::new(vec![
                c.id.to_string(),
                c.date.format("%d.%m.%Y").to_string(),
                format!("{:>6}", format_hours(u64::from(c.seconds))),
                crate::tui::draw::fit(c.certificate.as_deref().unwrap_or_default(), 12),
                title,
            ])
        })
        .collect();
    let fy = crate::rules::fy::FinancialYear::containing(app.today);
    let title = tr(
        lang,
        "tui-log-title",
        &[
            ("fy", fy.to_string().into()),
            ("n", rows_data.len().into()),
            ("hours", format_hours(total).into()),
        ],
    );
    let empty = rows.is_empty();
    let table = Table::new(
        rows,
        [
            Constraint::Length(4),
            Constraint::Length(10),
            Constraint::Length(6),
            Constraint::Length(12),
            Constraint::Min(10),
        ],
    )
    .header(
        Row::new(
            ["tui-log-col-id", "tui-log-col-date", "tui-log-col-hours", "tui-log-col-certificate", "tui-log-col-course"]
                .map(|id| tr(lang, id, &[])),
        )
            .style(theme.style(Meaning::Muted)),
    )
    .block(
        Block::default()
            .borders(Borders::ALL)
            .title(crate::tui::draw::box_title(&title, area.width)),
    )
    .highlight_symbol("▸")
    .row_highlight_style(theme.style(Meaning::Selected));
    let mut state =
        TableState::default().with_selected((!empty).then_some(view.row));
    f.render_stateful_widget(table, area, &mut state);
    if empty {
        let hint = tr(lang, "tui-log-empty", &[]);
        crate::tui::draw::table_hint(f, area, &hint, theme);
    }
}

/// The Log view's id in the views table.
pub const VIEW: View = View::named("Log");

/// The keys of the Log view, before the global ones.
pub const KEYS: &[Binding] = &[b!(
    [(KeyCode::Char('x'), NONE), (KeyCode::Delete, NONE)],
    "x/Del",
"tui-help-remove-the-selected-completion",
    Action::Remove,
    "tui-hint-remove"
)];

/// The Log view and its state: its selected row.
#[derive(Debug, Default)]
pub struct LogView {
    pub row: usize,
}

/// It draws from the store's contents as they are: nothing to refresh.
/// No course is selected here: a completion is already recorded; d and s
/// do not apply to it.
impl Component for LogView {
    fn draw(&self, f: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        render(f, area, data, self, theme);
    }

    fn rows(&self, data: &Data) -> usize {
        data.log_rows().len()
    }

    fn cursor(&mut self) -> &mut usize {
        &mut self.row
    }

    fn act(&mut self, action: Action, data: &Data) -> Reply {
        if action != Action::Remove {
            return Reply::Pass;
        }
        match data.log_rows().get(self.row) {
            Some(c) => Reply::Open(Box::new(ConfirmRemove::new(c.id))),
            None => Reply::Done,
        }
    }
}
