//! The Progress view: one gauge per requirement of the financial year, and
//! cumulative hours by month against the even pace to the target.

use chrono::{Datelike, NaiveDate};
use crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, LineGauge, Paragraph};
use ratatui::Frame;

use crate::rules::engine::{RequirementStatus, Standing, Status, Unit};
use crate::i18n::tr;
use crate::tui::data::Data;
use crate::tui::draw::{box_title, fit};
use crate::tui::keymap::{b, Action, Binding, NONE};
use crate::tui::overlays::Requirement;
use crate::tui::theme::{Meaning, Theme};
use crate::tui::views::{Component, Reply, View};

fn render(f: &mut Frame, area: Rect, app: &Data, view: &ProgressView, theme: &Theme) {
    let area = match &app.officer {
        Some(shown) => officer_banner(f, area, shown, theme),
        None => area,
    };
    let st = match app.shown_status() {
        Ok(st) => st,
        Err(e) => {
            let block = Block::default().borders(Borders::ALL).title(tr(app.lang, "tui-progress-box", &[]));
            // Your own profile is what is missing; an officer's tier is the cell's to set.
            let text = match app.officer {
                Some(_) => e.to_string(),
                None => tr(app.lang, "tui-progress-no-profile", &[("why", crate::tui::wording::no_status(e, app.lang).into())]),
            };
            f.render_widget(
                Paragraph::new(text)
                    .wrap(ratatui::widgets::Wrap { trim: true })
                    .block(block),
                area,
            );
            return;
        }
    };
    let hours = st.requirements.iter().find(|r| r.unit == Unit::Hours);
    let chart_height = if hours.is_some() && area.height >= 20 {
        9
    } else {
        0
    };
    let [list, chart] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(chart_height)]).areas(area);
    render_gauges(f, list, app, view.row, st, theme);
    if let Some(h) = hours.filter(|_| chart_height > 0) {
        render_chart(f, chart, app, st, h, theme);
    }
}

fn standing_style(r: &RequirementStatus, theme: &Theme) -> (Style, &'static str) {
    match r.standing {
        Standing::Met => (theme.style(Meaning::Met), "✓"),
        Standing::Open => (theme.style(Meaning::Open), "·"),
        Standing::Behind => (theme.style(Meaning::Open), "!"),
        Standing::Overdue | Standing::Late => (theme.style(Meaning::Alert), "✗"),
    }
}

/// Requirements in the order a person should see them: overdue first,
/// then behind, open, met (the engine keeps the orders' order).
pub fn by_urgency(st: &Status) -> Vec<&RequirementStatus> {
    let rank = |s: Standing| match s {
        Standing::Overdue | Standing::Late => 0,
        Standing::Behind => 1,
        Standing::Open => 2,
        Standing::Met => 3,
    };
    let mut rows: Vec<&RequirementStatus> = st.requirements.iter().collect();
    rows.sort_by_key(|r| rank(r.standing));
    rows
}

/// The order's short (ASCII) name and the clause, not its Hindi memo number.
fn short_citation(app: &Data, r: &crate::rules::engine::RequirementStatus) -> String {
    match app.catalogue.rulebook(&r.rulebook) {
        Some(b) => {
            let head = format!(
                "{} of {}, ",
                b.citation.reference,
                b.citation.date.format("%d.%m.%Y")
            );
            format!(
                "  {}, {}",
                b.short,
                r.citation.strip_prefix(&head).unwrap_or(&r.citation)
            )
        }
        None => format!("  {}", r.citation),
    }
}

/// `text` cut to `width`, keeping a short label after its last ": " (the
/// half year of "…every half year: H1 (Apr-Sep) 2026-27"), so two
/// requirements that differ only there still read apart when cut.
fn fit_keeping_label(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_string();
    }
    match text.rsplit_once(": ") {
        Some((head, label)) if label.width() + 12 <= width => {
            format!("{}: {label}", fit(head, width - label.width() - 2))
        }
        _ => fit(text, width),
    }
}

fn render_gauges(
    f: &mut Frame,
    area: Rect,
    app: &Data,
    row: usize,
    st: &Status,
    theme: &Theme,
) {
    let none = tr(app.lang, "tui-progress-no-tier", &[]);
    let title = tr(
        app.lang,
        "tui-progress-title",
        &[
            ("fy", st.fy.to_string().into()),
            ("tier", st.tier.id.as_deref().unwrap_or(&none).into()),
            ("verdict", crate::tui::status_line::verdict(st, app.lang).into()),
        ],
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(box_title(&title, area.width));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let rows = by_urgency(st);
    let per = 3u16;
    let fits = (inner.height / per).max(1) as usize;
    let first = row
        .min(rows.len().saturating_sub(1))
        .saturating_sub(fits.saturating_sub(1));
    let width = inner.width as usize;
    let line = |y: u16| Rect {
        x: inner.x,
        y,
        width: inner.width,
        height: 1,
    };
    for (n, r) in rows.iter().enumerate().skip(first).take(fits) {
        let y = inner.y + (n - first) as u16 * per;
        let (style, symbol) = standing_style(r, theme);
        let selected = n == row;
        let text_style = if selected {
            theme.style(Meaning::Selected)
        } else {
            Style::default()
        };
        let line1 = Line::from(vec![
            // Marked, not only reversed, so it reads without attributes.
            Span::raw(if selected { "▸" } else { " " }),
            Span::styled(format!("{symbol} "), style),
            Span::styled(
                fit_keeping_label(
                    &crate::tui::wording::requirement_text(r),
                    width.saturating_sub(3),
                ),
                text_style,
            ),
        ]);
        f.render_widget(Paragraph::new(line1), line(y));
        let ratio = if r.target > 0.0 {
            (r.done / r.target).clamp(0.0, 1.0)
        } else {
            1.0
        };
        let label = crate::tui::status_line::gauge_label(r, app.lang);
        // Distinct glyphs for done and to-do: the bar must read without colour.
        let gauge = LineGauge::default()
            .ratio(ratio)
            .label(Span::styled(format!("  {:<40}", fit(&label, width.saturating_sub(2))), style))
            .filled_symbol("█")
            .unfilled_symbol("░")
            .filled_style(style)
            .unfilled_style(theme.style(Meaning::Muted));
        f.render_widget(gauge, line(y + 1));
        let cite = short_citation(app, r);
        let cite = Line::from(Span::styled(fit(&cite, width), theme.style(Meaning::Muted)));
        f.render_widget(Paragraph::new(cite), line(y + 2).intersection(inner));
    }
    let below = rows.len().saturating_sub(first + fits);
    more_below(f, area, (below, app.lang), theme);
}

/// How many requirements lie below the box's last one, on its border.
fn more_below(f: &mut Frame, area: Rect, (below, lang): (usize, crate::i18n::Lang), theme: &Theme) {
    if below > 0 {
        let hint = tr(lang, "tui-progress-more", &[("n", below.into())]);
        let r = Rect {
            x: area.x + 2,
            y: area.y + area.height - 1,
            width: (unicode_width::UnicodeWidthStr::width(hint.as_str()) as u16)
                .min(area.width.saturating_sub(4)),
            height: 1,
        };
        f.render_widget(Paragraph::new(hint).style(theme.style(Meaning::Muted)), r);
    }
}

/// Cumulative hours at each month's end up to today, and the even pace.
fn monthly(app: &Data, st: &Status) -> (Vec<(f64, f64)>, f64) {
    let mut points = vec![(0.0, 0.0)];
    let mut total = 0.0;
    for m in 0..12u32 {
        let (y, month) = if m < 9 {
            (st.fy.start_year, m + 4)
        } else {
            (st.fy.start_year + 1, m - 8)
        };
        let start = NaiveDate::from_ymd_opt(y, month, 1).expect("a month's first day");
        if start > st.as_of {
            break;
        }
        total += app
            .shown_completions()
            .iter()
            .filter(|c| c.date.year() == y && c.date.month() == month && c.date <= st.as_of)
            .map(|c| c.hours())
            .sum::<f64>();
        points.push((f64::from(m + 1), total));
    }
    (points, total)
}

fn render_chart(
    f: &mut Frame,
    area: Rect,
    app: &Data,
    st: &Status,
    h: &RequirementStatus,
    theme: &Theme,
) {
    let (points, _) = monthly(app, st);
    let pace = [(0.0, 0.0), (12.0, h.target)];
    let top = h
        .target
        .max(points.iter().map(|p| p.1).fold(0.0, f64::max))
        .ceil();
    let datasets = vec![
        Dataset::default()
            .name(tr(app.lang, "tui-progress-pace", &[]))
            .marker(Marker::Dot)
            .graph_type(GraphType::Line)
            .style(theme.style(Meaning::Muted))
            .data(&pace),
        Dataset::default()
            .name(tr(app.lang, "tui-progress-your-hours", &[]))
            .marker(theme.chart_marker())
            .graph_type(GraphType::Line)
            .style(theme.style(Meaning::Met))
            .data(&points),
    ];
    let x_labels = ["tui-progress-apr", "tui-progress-oct", "tui-progress-mar"]
        .map(|id| Line::from(tr(app.lang, id, &[])))
        .to_vec();
    let chart = Chart::new(datasets)
        .block(Block::default().borders(Borders::ALL).title(box_title(
            &tr(
                app.lang,
                "tui-progress-chart",
                &[
                    ("done", crate::units::hours::format_hours(h.seconds.unwrap_or(0)).into()),
                    ("target", h.target.to_string().into()),
                    ("glyph", theme.chart_glyph().to_string().into()),
                ],
            ),
            area.width,
        )))
        .x_axis(
            Axis::default()
                .bounds([0.0, 12.0])
                .labels(x_labels)
                .style(theme.style(Meaning::Muted)),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, top])
                .labels(vec![Line::from("0"), Line::from(format!("{top}"))])
                .style(theme.style(Meaning::Muted)),
        );
    f.render_widget(chart, area);
}

/// The line over a roster officer's Progress: whose it is, and the way back.
fn officer_banner(
    f: &mut Frame,
    area: Rect,
    shown: &crate::tui::roster_data::OfficerProgress,
    theme: &Theme,
) -> Rect {
    let [top, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let text = format!("{} · read-only · Esc: back to the Roster", shown.label);
    f.render_widget(
        Paragraph::new(fit(&text, area.width as usize)).style(theme.style(Meaning::Title)),
        top,
    );
    rest
}

/// The Progress view's id in the views table.
pub const VIEW: View = View::named("Progress");

/// The keys of the Progress view, before the global ones.
pub const KEYS: &[Binding] = &[b!(
    [(KeyCode::Enter, NONE)],
    "Enter",
"tui-help-the-requirement-s-full-text",
    Action::Open,
    "tui-hint-full-text"
)];

/// The Progress view and its state: its selected requirement.
#[derive(Debug, Default)]
pub struct ProgressView {
    pub row: usize,
}

/// It draws from the engine's answer as it is: nothing to refresh. No
/// course is selected here: its rows are requirements, not courses.
impl Component for ProgressView {
    fn draw(&self, f: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        render(f, area, data, self, theme);
    }

    fn rows(&self, data: &Data) -> usize {
        data.shown_status()
            .as_ref()
            .map_or(0, |s| s.requirements.len())
    }

    fn cursor(&mut self) -> &mut usize {
        &mut self.row
    }

    fn act(&mut self, action: Action, data: &Data) -> Reply {
        match action {
            Action::Open if self.rows(data) > 0 => {
                Reply::Open(Box::new(Requirement::new(self.row)))
            }
            // Esc over a roster officer goes back to the row they came from.
            Action::Back if data.officer.is_some() => {
                Reply::GoTo(crate::tui::views::roster::VIEW)
            }
            _ => Reply::Pass,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fit_keeping_label;

    #[test]
    fn two_half_years_cut_to_a_narrow_line_still_read_apart() {
        let text = |h: &str| {
            format!("Complete at least one additional programme of your own choice every half year: {h} 2026-27")
        };
        let h1 = fit_keeping_label(&text("H1 (Apr-Sep)"), 60);
        let h2 = fit_keeping_label(&text("H2 (Oct-Mar)"), 60);
        assert!(h1.ends_with("…: H1 (Apr-Sep) 2026-27"), "{h1}");
        assert!(h2.ends_with("…: H2 (Oct-Mar) 2026-27"), "{h2}");
        assert_eq!(unicode_width::UnicodeWidthStr::width(h1.as_str()), 60);
        // A line that fits is left alone; a label too long for the line is
        // not kept at the cost of the whole text.
        assert_eq!(fit_keeping_label("short: x", 60), "short: x");
        assert!(fit_keeping_label(&text("H1"), 12).starts_with("Complete"));
    }
}
