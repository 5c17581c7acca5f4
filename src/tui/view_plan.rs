//! The Plan view: open mandatory courses on top, then the shortlist of
//! optional courses grouped by competency.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::app::App;
use super::keymap::Action;
use super::theme::{Meaning, Theme};
use super::view_catalogue::badges;
use super::wrap::wrap;
use crate::catalogue::{Competency, ListingStatus};
use crate::units::hours::format_hours;

pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let courses = app.plan_courses();
    let tier = app.status.as_ref().ok().and_then(|s| s.tier.id.clone());
    let listing_in_tier = |c: usize| {
        tier.as_deref()
            .and_then(|t| app.catalogue.course_listings(c).find(|l| l.tier == t))
    };
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let mandatory: Vec<(usize, usize)> = courses
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, c)| listing_in_tier(*c).is_some_and(|l| l.status == ListingStatus::Mandatory))
        .collect();
    let mut push = |lines: &mut Vec<Line<'static>>, i: usize, c: usize| {
        let l = listing_in_tier(c);
        let badge = l.map_or("   ".to_string(), |l| badges(&l.competencies));
        let style = if i == app.plan_view.row {
            theme.style(Meaning::Selected)
        } else {
            ratatui::style::Style::default()
        };
        if i == app.plan_view.row {
            selected_line = lines.len();
        }
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::raw(format!("{badge} ")),
            Span::styled(app.catalogue.courses[c].title.clone(), style),
        ]));
    };
    lines.push(Line::from(Span::styled(
        format!("Open mandatory courses ({})", mandatory.len()),
        theme.style(Meaning::Title),
    )));
    if mandatory.is_empty() {
        lines.push(Line::from(Span::styled(
            "  none open",
            theme.style(Meaning::Met),
        )));
    }
    for (i, c) in &mandatory {
        push(&mut lines, *i, *c);
    }
    let shortlist: Vec<(usize, usize)> = courses
        .iter()
        .copied()
        .enumerate()
        .filter(|(i, _)| !mandatory.iter().any(|(j, _)| j == i))
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!("Your shortlist ({})", shortlist.len()),
        theme.style(Meaning::Title),
    )));
    if shortlist.is_empty() {
        lines.push(Line::from(Span::styled(
            "  empty: in the Catalogue (1), select an optional course and press s",
            theme.style(Meaning::Muted),
        )));
    }
    let groups: [(Option<Competency>, &str); 4] = [
        (Some(Competency::Behavioural), "behavioural"),
        (Some(Competency::Functional), "functional"),
        (Some(Competency::Domain), "domain"),
        (None, "not in your tier's list / unclassified"),
    ];
    for (k, name) in groups {
        // A course goes under its first competency, so each appears once.
        let members: Vec<&(usize, usize)> = shortlist
            .iter()
            .filter(|(_, c)| listing_in_tier(*c).and_then(|l| l.competencies.first().copied()) == k)
            .collect();
        if members.is_empty() {
            continue;
        }
        lines.push(Line::from(Span::styled(
            format!(" {name}"),
            theme.style(Meaning::Muted),
        )));
        for (i, c) in members {
            push(&mut lines, *i, *c);
        }
    }
    lines.push(Line::from(""));
    // Wrapped to the box, so every sentence is whole at 80 columns.
    for note in hours_and_pace(app) {
        for l in wrap(&note, area.width.saturating_sub(2) as usize) {
            lines.push(Line::from(Span::styled(l, theme.style(Meaning::Muted))));
        }
    }
    let inner_height = area.height.saturating_sub(2) as usize;
    let mut scroll = selected_line.saturating_sub(inner_height.saturating_sub(2));
    if app.plan_view.row + 1 >= courses.len() {
        // On the last row, show the end: the note under it must be reachable.
        scroll = scroll.max(lines.len().saturating_sub(inner_height));
    }
    let scroll = scroll as u16;
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Plan: what closes the gaps ");
    f.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

/// The pace and the hours: the status verdict, the hours still needed a
/// week, and what the shortlist's known durations add against the gap
/// (recomputed from the snapshot, so it follows every `s`).
fn hours_and_pace(app: &App) -> Vec<String> {
    let Ok(status) = &app.status else {
        return Vec::new();
    };
    let known = crate::planning::durations(&app.catalogue, &app.snapshot, &[]);
    let plan = crate::planning::plan_of(
        &app.catalogue,
        status,
        &app.snapshot,
        &known,
        &crate::rules::plan::PlanOptions::default(),
    );
    let mut out = vec![format!(
        "Pace: {}; {} open requirements (`karmadash plan` gives each its step).",
        plan.verdict,
        plan.steps.len()
    )];
    if let Some(h) = &plan.hours {
        out.push(format!(
            "Hours: {} of {} done; {} needed by {}: {:.2} h a week.",
            format_hours(h.done_seconds),
            h.target,
            format_hours(h.needed_seconds),
            h.due.format("%d.%m.%Y"),
            h.per_week
        ));
        let mut seconds = 0u64;
        let mut unknown = 0;
        for key in &app.snapshot.shortlist {
            match known.of(key).seconds {
                Some(s) => seconds += u64::from(s),
                None => unknown += 1,
            }
        }
        let short = h.needed_seconds.saturating_sub(seconds);
        out.push(format!(
            "Shortlist: {} h known of the {} h gap{}{}.",
            format_hours(seconds),
            format_hours(h.needed_seconds),
            if short > 0 {
                format!(", {} h short", format_hours(short))
            } else {
                ", enough".to_string()
            },
            if unknown > 0 {
                format!("; {unknown} of unknown length")
            } else {
                String::new()
            }
        ));
    } else {
        out.push("Hours: no hours target open this year.".into());
    }
    out
}

/// The Plan view's own state: its selected row.
#[derive(Debug, Default)]
pub struct State {
    pub row: usize,
}

pub fn rows(app: &App) -> usize {
    app.plan_courses().len()
}

pub fn cursor(app: &mut App) -> &mut usize {
    &mut app.plan_view.row
}

/// Its keys (d, s, Enter) act on the selected course, as the Catalogue's do.
pub fn act(_app: &mut App, _action: Action) -> bool {
    false
}
