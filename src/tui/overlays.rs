//! Overlays drawn over the view: help, search, forms, course details and
//! the remove confirmation.

use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::app::{App, Overlay, SearchBox};
use super::draw::{fit, highlighted};
use super::forms::Form;
use super::keymap::{bindings_for, popup_keys, Action, TEXT_KEYS};
use super::theme::{Meaning, Theme};
use super::views::catalogue::badges;
use super::views::progress::by_urgency;
use super::views::VIEWS;
use crate::catalogue::CourseId;
use crate::units::wrap::wrap;
use unicode_width::UnicodeWidthStr;

/// A box in the middle of `area`; as wide as `area` when it would leave
/// only thin strips of the view beside it.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = if area.width.saturating_sub(width) < 12 {
        area.width
    } else {
        width
    };
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    h
}

pub fn render(f: &mut Frame, area: Rect, app: &App, overlay: &Overlay, theme: &Theme) {
    match overlay {
        Overlay::Help => help(f, app, theme),
        Overlay::Search(b) => search(f, area, app, b, theme),
        Overlay::Form(form) => form_box(f, area, form, theme),
        Overlay::Detail(c) => detail(f, area, app, *c, theme),
        Overlay::ConfirmRemove(id) => confirm_remove(f, area, app, *id),
        Overlay::Requirement(row) => requirement(f, area, app, *row, theme),
        Overlay::FindOfficer => super::views::roster::render_find(f, area, app, theme),
    }
}

/// Names the course, not only its id: a person confirms what they know.
fn confirm_remove(f: &mut Frame, area: Rect, app: &App, id: u64) {
    let course = app
        .snapshot
        .completions
        .iter()
        .find(|c| c.id == id)
        .map_or_else(
            || format!("completion {id}"),
            |c| {
                format!(
                    "\"{}\" (id {id}, done {})",
                    c.title,
                    c.date.format("%d.%m.%Y")
                )
            },
        );
    let width = 60u16.min(area.width);
    let mut lines: Vec<Line> = wrap(
        &format!("Remove {course}? It stops counting at once."),
        width.saturating_sub(2) as usize,
    )
    .into_iter()
    .map(Line::from)
    .collect();
    lines.push(Line::from(""));
    lines.push(Line::from("y: remove   any other key: keep"));
    let r = centred(area, width, lines.len() as u16 + 2);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(" Remove ")),
        r,
    );
}

/// A requirement whole: its text, where it stands, and the order and
/// paragraph that impose it, wrapped so nothing is cut.
fn requirement(f: &mut Frame, area: Rect, app: &App, row: usize, theme: &Theme) {
    let Ok(st) = app.shown_status() else { return };
    let Some(r) = by_urgency(st).get(row).copied() else {
        return;
    };
    let width = 76u16.min(area.width);
    let inner = width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut push = |text: &str, style: ratatui::style::Style| {
        for l in wrap(text, inner) {
            lines.push(Line::from(Span::styled(l, style)));
        }
    };
    push(
        &super::wording::requirement_text(r),
        theme.style(Meaning::Title),
    );
    push(
        &format!(
            "{} · {} · {}",
            r.progress_text(),
            r.standing.word(),
            r.due_text()
        ),
        ratatui::style::Style::default(),
    );
    let order = app
        .catalogue
        .rulebook(&r.rulebook)
        .map_or(r.rulebook.clone(), |b| b.short.clone());
    push(
        &format!("Imposed by {order}: {}", r.citation),
        theme.style(Meaning::Muted),
    );
    if !r.open.is_empty() {
        push(
            &format!("Still open: {}", r.open.join("; ")),
            ratatui::style::Style::default(),
        );
    }
    let r = centred(area, width, lines.len() as u16 + 2);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(" Requirement: Esc close "),
        ),
        r,
    );
}

/// Bindings that read best as one help line ("↑/k ↓/j  move up / down").
fn pairs_with(a: Action, b: Action) -> bool {
    use Action::*;
    a == b
        || matches!(
            (a, b),
            (Up, Down)
                | (PageUp, PageDown)
                | (Top, Bottom)
                | (NextView, PrevView)
                | (FocusLeft, FocusRight)
                | (GoView(_), GoView(_))
        )
}

/// Help lines built from the keymap, paired bindings merged to fit 80x24.
pub fn help_lines(app: &App) -> Vec<(String, String)> {
    let mut out: Vec<(String, String, Action)> = Vec::new();
    for b in bindings_for(app.view) {
        if let Action::GoView(_) = b.action {
            // The views table's digits, spelled out from it.
            let keys: Vec<String> = VIEWS.iter().map(|v| v.key.to_string()).collect();
            let names: Vec<&str> = VIEWS.iter().map(|v| v.id.name()).collect();
            let help = format!("{} view / {}", names[0], names[1..].join(" / "));
            out.push((keys.join(" "), help, b.action));
            continue;
        }
        match out.last_mut() {
            Some((keys, help, last)) if pairs_with(*last, b.action) => {
                keys.push(' ');
                keys.push_str(b.label);
                if let (Action::GoView(_), Action::GoView(_)) = (*last, b.action) {
                    *help = format!("{} / {}", help, b.help.trim_end_matches(" view"));
                } else if *last != b.action {
                    *help = format!("{help} / {}", b.help);
                } else {
                    *help = format!("{help} ({}: {})", b.label, b.help);
                }
                *last = b.action;
            }
            _ => out.push((b.label.to_string(), b.help.to_string(), b.action)),
        }
    }
    out.into_iter().map(|(k, h, _)| (k, h)).collect()
}

fn help(f: &mut Frame, app: &App, theme: &Theme) {
    let rows = help_lines(app);
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(8);
    let mut lines = vec![Line::from(Span::styled(
        format!("Keys in the {} view", app.view.name()),
        theme.style(Meaning::Title),
    ))];
    // Over a popup, its own keys come first: they are what works now.
    if let Some(popup) = &app.covered {
        let keys: Vec<String> = popup_keys(popup)
            .iter()
            .map(|(k, h)| format!("{k}: {h}"))
            .collect();
        lines.insert(
            0,
            Line::from(vec![
                Span::styled("In this popup: ", theme.style(Meaning::Title)),
                Span::raw(keys.join(" · ")),
            ]),
        );
    }
    for (k, h) in rows {
        lines.push(Line::from(vec![
            Span::styled(format!("{k:>width$}  "), theme.style(Meaning::Key)),
            Span::raw(h),
        ]));
    }
    let text_keys: Vec<String> = TEXT_KEYS.iter().map(|(k, h)| format!("{k}: {h}")).collect();
    lines.push(Line::from(vec![
        Span::styled("Search box and forms: ", theme.style(Meaning::Title)),
        Span::raw(text_keys.join(" · ")),
    ]));
    // The whole screen: at 80x24 the help needs every row.
    let area = f.area();
    let r = centred(area, 80, lines.len() as u16 + 4);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .title(" Help: Esc to close "),
        ),
        r,
    );
}

fn search(f: &mut Frame, area: Rect, app: &App, b: &SearchBox, theme: &Theme) {
    let r = centred(area, area.width.saturating_sub(4), area.height);
    f.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" Search {} courses ", app.catalogue.courses.len()));
    let inner = block.inner(r);
    f.render_widget(block, r);
    let state = if b.waiting { "…" } else { "" };
    let prompt = Line::from(vec![
        Span::styled("/ ", theme.style(Meaning::Key)),
        Span::raw(b.query.clone()),
        Span::styled("▏", theme.style(Meaning::Key)),
        Span::styled(
            format!(
                " {}{state}",
                crate::units::words::count(b.hits.len() as i64, "hit", "hits")
            ),
            theme.style(Meaning::Muted),
        ),
    ]);
    f.render_widget(Paragraph::new(prompt), Rect { height: 1, ..inner });
    let rows = inner.height.saturating_sub(1) as usize;
    let first = b.selected.saturating_sub(rows.saturating_sub(1));
    let mut lines = Vec::new();
    for (i, hit) in b.hits.iter().enumerate().skip(first).take(rows) {
        let base = if i == b.selected {
            theme.style(Meaning::Selected)
        } else {
            ratatui::style::Style::default()
        };
        let mut spans = vec![Span::styled(
            if i == b.selected { "▸ " } else { "  " },
            base,
        )];
        spans.extend(highlighted(
            &hit.text,
            &hit.positions,
            base,
            base.patch(theme.style(Meaning::Match)),
        ));
        let used = 2 + unicode_width::UnicodeWidthStr::width(hit.text.as_str()) + 4;
        let tiers = fit(
            &app.catalogue.course_tiers(hit.course).join(" "),
            (inner.width as usize).saturating_sub(used),
        );
        spans.push(Span::styled(
            format!("  · {tiers}"),
            theme.style(Meaning::Muted),
        ));
        lines.push(Line::from(spans));
    }
    if b.hits.is_empty() && !b.query.is_empty() && !b.waiting {
        lines.push(Line::from(Span::styled(
            "  no course matches",
            theme.style(Meaning::Muted),
        )));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        },
    );
}

fn form_box(f: &mut Frame, area: Rect, form: &Form, theme: &Theme) {
    let inner = centred(area, 76, 3).width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    for (i, label) in form.labels.iter().enumerate() {
        let focused = i == form.focus;
        let value_style = if focused {
            theme.style(Meaning::Selected)
        } else {
            ratatui::style::Style::default()
        };
        let cursor = if focused { "▏" } else { " " };
        lines.push(Line::from(vec![
            Span::styled(format!("{label:>11}: "), theme.style(Meaning::Key)),
            Span::styled(
                format!("{:<24}", format!("{}{cursor}", form.values[i])),
                value_style,
            ),
            Span::styled(
                // A hint is a reminder: in a narrow box it gives way to the value.
                fit(
                    &format!("  {}", form.hints[i]),
                    inner.saturating_sub(13 + 24.max(form.values[i].width() + 1)),
                ),
                theme.style(Meaning::Muted),
            ),
        ]));
    }
    lines.push(Line::from(""));
    // The reason wraps inside the box, which grows to hold all of it.
    match &form.error {
        Some(e) => lines.extend(
            wrap(&format!("! {e}"), inner)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, theme.style(Meaning::Alert)))),
        ),
        None => lines.push(Line::from(Span::styled(
            "Enter saves · Tab next field · F1 help · Esc cancels",
            theme.style(Meaning::Muted),
        ))),
    }
    let r = centred(area, 76, lines.len() as u16 + 2);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", form.title)),
        ),
        r,
    );
}

/// One listing of a course: `*` on the officer's own tier.
fn listing_line(app: &App, l: &crate::catalogue::Listing, mine: Option<&str>) -> String {
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

fn detail(f: &mut Frame, area: Rect, app: &App, course: CourseId, theme: &Theme) {
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
