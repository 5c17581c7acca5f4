//! The Roster view's burn-down, beside the list on a wide screen: the
//! hours the roster had done at each import's report time against the
//! even pace to 31 March, and how many were behind, since a cell would
//! rather see the trend than read it.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Sparkline};
use ratatui::Frame;

use crate::roster::history::{even_pace_share, totals, HistoryPoint};
use crate::rules::fy::FinancialYear;
use crate::tui::theme::{ChartMarker, Meaning, Theme};
use ratatui::symbols::Marker;

/// The chart's width beside the list; the list keeps the rest.
pub const WIDTH: u16 = 44;
/// Narrower than this, the list keeps the whole view.
pub const FROM_WIDTH: u16 = 130;

/// Days from the FY's start, the chart's x.
fn day(fy: FinancialYear, at: chrono::NaiveDateTime) -> f64 {
    (at.date() - fy.start()).num_days() as f64
}

/// The even pace's marker: with blocks for the hours, dots, so the two
/// lines still read apart without colour.
fn pace_marker(theme: &Theme) -> Marker {
    match theme.marker {
        ChartMarker::Braille => theme.chart_marker(),
        ChartMarker::Block => Marker::Dot,
    }
}

pub fn render(
    f: &mut Frame,
    area: Rect,
    history: &[HistoryPoint],
    fy: FinancialYear,
    theme: &Theme,
) {
    let points: Vec<_> = totals(history)
        .into_iter()
        .filter(|t| FinancialYear::containing(t.at.date()) == fy)
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Hours done, and the even pace ");
    let Some(last) = points.last() else {
        let inner = block.inner(area);
        f.render_widget(block, area);
        f.render_widget(Line::from("No import of this year yet."), inner);
        return;
    };
    let target = last.hours_target.max(1.0);
    let done: Vec<(f64, f64)> = points
        .iter()
        .map(|t| (day(fy, t.at), t.hours_done))
        .collect();
    // The even pace: nothing on 1 April, the whole target on 31 March.
    let year = (fy.end() - fy.start()).num_days() as f64;
    let pace: Vec<(f64, f64)> = points
        .iter()
        .map(|t| (day(fy, t.at), t.hours_target * even_pace_share(fy, t.at)))
        .chain([(year, target)])
        .collect();
    let [top, bottom] = Layout::vertical([Constraint::Min(6), Constraint::Length(4)]).areas(area);
    let datasets = vec![
        Dataset::default()
            .name("even pace")
            .marker(pace_marker(theme))
            .graph_type(GraphType::Line)
            .style(theme.style(Meaning::Muted))
            .data(&pace),
        Dataset::default()
            .name("hours done")
            .marker(theme.chart_marker())
            .graph_type(GraphType::Line)
            .style(theme.style(Meaning::Met))
            .data(&done),
    ];
    let chart = Chart::new(datasets)
        .block(block)
        .x_axis(
            Axis::default()
                .bounds([0.0, year])
                .labels(["Apr", "31 Mar"]),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, target])
                .labels(["0".to_string(), format!("{target:.0} h")]),
        );
    f.render_widget(chart, top);
    let behind: Vec<u64> = points.iter().map(|t| t.behind as u64).collect();
    render_behind(f, bottom, &behind, theme);
}

/// How many were behind at each report, as bars under the chart.
fn render_behind(f: &mut Frame, area: Rect, behind: &[u64], theme: &Theme) {
    let title = format!(
        " Behind at each report: {} ",
        behind
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(" → ")
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(crate::tui::draw::box_title(&title, area.width));
    f.render_widget(
        Sparkline::default()
            .block(block)
            .data(behind)
            .style(Style::default().patch(theme.style(Meaning::Open))),
        area,
    );
}
