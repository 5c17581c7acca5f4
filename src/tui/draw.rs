//! The frame: tabs on top, the current view, the footer of keys that
//! matter now, and any overlay. Drawing never changes the app.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs};
use ratatui::Frame;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::app::{App, View};
use super::keymap::{bindings_for, Action};
use super::theme::{Meaning, Theme};
use super::views::VIEWS;
use crate::i18n::{tr, Lang};
use crate::tui::status_line::status_line;
use crate::units::text::is_hostile;

/// The smallest terminal the dashboard lays out in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn draw(f: &mut Frame, app: &mut App, theme: &Theme) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = tr(
            app.data.lang,
            "tui-too-small",
            &[
                ("width", area.width.into()),
                ("height", area.height.into()),
                ("min_width", MIN_WIDTH.into()),
                ("min_height", MIN_HEIGHT.into()),
            ],
        );
        f.render_widget(
            Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let [top, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_tabs(f, top, app, theme);
    app.page = body.height.saturating_sub(3) as usize;
    app.views.get(app.view).draw(f, body, &app.data, theme);
    draw_status(f, status, app, theme);
    draw_footer(f, footer, app, theme);
    // Bottom to top: help over a form leaves the form's edges in sight.
    for o in app.overlays() {
        o.draw(f, body, app, theme);
    }
    strip_hostile(f.buffer_mut());
}

/// ratatui drops control characters but keeps a bidi override joined to
/// the letter before it, and writes cell symbols to the terminal as they
/// are: a title holding one would reorder the screen. Swept once per
/// frame, after layout, so no width changes.
fn strip_hostile(buffer: &mut ratatui::buffer::Buffer) {
    for cell in &mut buffer.content {
        if cell.symbol().chars().any(is_hostile) {
            let kept: String = cell.symbol().chars().filter(|&c| !is_hostile(c)).collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

fn draw_tabs(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.data.lang;
    let titles: Vec<Line> = VIEWS
        .iter()
        .map(|v| Line::from(format!("{} {}", v.key, v.id.label(lang))))
        .collect();
    let selected = app.view.index();
    // The tabs take what they need (each name, padding, a divider): at 60
    // columns every tab must still show whole, so the title on the right
    // gives way (the Progress and Log views name the FY in their boxes).
    let needed: u16 = titles.iter().map(|t| t.width() as u16 + 3).sum::<u16>();
    let fy = crate::rules::fy::FinancialYear::containing(app.data.today);
    let room = area.width.saturating_sub(needed) as usize;
    let fy = fy.to_string();
    let heading = [
        tr(lang, "tui-heading-long", &[("fy", (&fy).into())]),
        tr(lang, "tui-heading-short", &[("fy", (&fy).into())]),
        String::new(),
    ]
    .into_iter()
    .find(|h| h.width() < room)
    .unwrap_or_default();
    let [tabs, right] =
        Layout::horizontal([Constraint::Length(needed), Constraint::Min(0)]).areas(area);
    f.render_widget(
        Tabs::new(titles)
            .select(selected)
            .highlight_style(theme.style(Meaning::Selected))
            .divider("|")
            .padding(" ", " "),
        tabs,
    );
    f.render_widget(
        Paragraph::new(heading)
            .style(theme.style(Meaning::Title))
            .right_aligned(),
        right,
    );
}

fn draw_status(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (text, meaning) = match &app.message {
        Some((m, true)) => (format!("! {m}"), Meaning::Alert),
        Some((m, false)) => (m.clone(), Meaning::Met),
        None => match app.data.shown_status() {
            Ok(st) => (status_line(st, app.data.lang), Meaning::Muted),
            Err(e) => (
                crate::tui::wording::no_status(e, app.data.lang),
                Meaning::Muted,
            ),
        },
    };
    let text = fit(&text, area.width as usize);
    f.render_widget(
        Paragraph::new(Line::styled(text, theme.style(meaning))),
        area,
    );
}

fn draw_footer(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut spans = Vec::new();
    let lang = app.data.lang;
    let pairs: Vec<(&str, String)> = match app.overlays().last() {
        Some(o) => o
            .keys()
            .iter()
            .map(|(k, h)| (*k, tr(lang, h, &[])))
            .collect(),
        None => footer_hints(app.view, area.width as usize, lang),
    };
    for (k, h) in pairs {
        spans.push(Span::styled(format!(" {k}"), theme.style(Meaning::Key)));
        spans.push(Span::raw(format!(":{h}")));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The main screen's footer hints that fit in `width`, in the keymap's
/// order and in `lang`; help and quit always stay, the others give way
/// from the end.
pub fn footer_hints(view: View, width: usize, lang: Lang) -> Vec<(&'static str, String)> {
    let cells = |(k, h): &(&str, String)| k.width() + h.width() + 2;
    let keep = |a: Action| matches!(a, Action::Quit | Action::Help);
    let all: Vec<_> = bindings_for(view)
        .filter(|b| !b.hint.is_empty())
        .map(|b| (b.action, (b.label, tr(lang, b.hint, &[]))))
        .collect();
    let mut room = width.saturating_sub(
        all.iter()
            .filter(|(a, _)| keep(*a))
            .map(|(_, pair)| cells(pair))
            .sum(),
    );
    all.into_iter()
        .filter(|(a, pair)| {
            if keep(*a) {
                return true;
            }
            let fits = cells(pair) <= room;
            if fits {
                room -= cells(pair);
            }
            fits
        })
        .map(|(_, pair)| pair)
        .collect()
}

/// A title with the matched chars highlighted, whole grapheme clusters at
/// a time so Devanagari conjuncts are never split between styles.
pub fn highlighted<'a>(
    text: &'a str,
    positions: &[usize],
    base: Style,
    mark: Style,
) -> Vec<Span<'a>> {
    let mut spans: Vec<Span> = Vec::new();
    let mut char_index = 0;
    let mut run = String::new();
    let mut run_marked = false;
    for g in text.graphemes(true) {
        let n = g.chars().count();
        let marked = (char_index..char_index + n).any(|i| positions.binary_search(&i).is_ok());
        char_index += n;
        if marked != run_marked && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_marked { mark } else { base },
            ));
        }
        run_marked = marked;
        run.push_str(g);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_marked { mark } else { base }));
    }
    spans
}

/// A muted one-line hint under a table's header, where its first row
/// would be: what to do when the table has nothing to show.
pub fn table_hint(f: &mut Frame, area: Rect, hint: &str, theme: &Theme) {
    let inner = Rect {
        x: area.x + 2,
        y: area.y + 3,
        width: area.width.saturating_sub(4),
        height: 1,
    };
    f.render_widget(
        Paragraph::new(fit(hint, inner.width as usize)).style(theme.style(Meaning::Muted)),
        inner,
    );
}

/// Keeps the end of `text` in `width` cells, "…" in front when cut: what
/// is being typed, where the cursor is.
pub fn fit_end(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 1;
    for g in text.graphemes(true).rev() {
        if used + g.width() > width {
            break;
        }
        used += g.width();
        kept.push(g);
    }
    kept.push("…");
    kept.into_iter().rev().collect()
}

/// A box's title, cut with "…" to the `width` of its box (less the
/// corners): ratatui would cut it without a mark.
pub fn box_title(text: &str, width: u16) -> String {
    fit(text, width.saturating_sub(2) as usize)
}

/// Cuts text to `width` display cells, ending in "…" when cut; whole
/// grapheme clusters only, so Devanagari is never split. Every text the
/// dashboard cuts to fit goes through here.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}
