//! The Plan view: the pace, the hours and the shortlist's hours against the
//! gap on top, always in sight; below, every open requirement's next step
//! and the proposal that closes them (the plan `karmadash plan` gives),
//! mandatory first, each course once, with its known hours or "unknown".

use crossterm::event::KeyCode;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use crate::catalogue::{Catalogue, CourseId};
use crate::app::planning::{durations, plan_of};
use crate::rules::plan::{Plan, PlanOptions};
use crate::rules::proposal::{Proposed, Reason};
use crate::rules::engine::Standing;
use crate::rules::steps::Step;
use crate::i18n::{tr, Lang};
use crate::tui::data::Data;
use crate::tui::keymap::{b, Action, Binding, NONE, RECORD_DONE};
use crate::tui::overlays::Requirement;
use crate::tui::row_pane::{Pane, GUTTER};
use crate::tui::theme::{Meaning, Theme};
use crate::tui::views::catalogue::badges;
use crate::tui::views::progress::by_urgency;
use crate::tui::views::{Component, Reply, View};
use crate::units::hours::format_hours;
use crate::units::wrap::wrap;

/// The Plan view's id in the views table.
pub const VIEW: View = View::named("Plan");

/// The keys of the Plan view, before the global ones.
pub const KEYS: &[Binding] = &[
    RECORD_DONE,
    b!(
        [(KeyCode::Char('s'), NONE)],
        "s",
"tui-help-add-to-or-drop-from-2",
        Action::ToggleShortlist,
        "tui-hint-shortlist"
    ),
    b!(
        [(KeyCode::Enter, NONE)],
        "Enter",
"tui-help-the-selected-step-s-requirement",
        Action::Open,
        "tui-hint-details"
    ),
];

/// The Plan view and its state: its selected row (the steps, then the
/// proposal's courses) and the plan, worked out when the store is read.
#[derive(Debug, Default)]
pub struct PlanView {
    pub row: usize,
    plan: Option<Plan>,
    shortlist: ShortlistHours,
    /// A course just added or dropped with s: after the store is read
    /// again, the cursor follows it to wherever the plan now puts it.
    follow: Option<String>,
}

/// The shortlist's courses not yet done, and what their durations add up to.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct ShortlistHours {
    courses: usize,
    seconds: u64,
    unknown: usize,
}

impl Component for PlanView {
    fn draw(&self, f: &mut Frame, area: Rect, data: &Data, theme: &Theme) {
        render(f, area, data, self, theme);
    }

    /// The plan of the year from a fresh reading of the store, made by the
    /// same core calls as `karmadash plan` (the imported reports' durations
    /// included), with its default options.
    fn refresh(&mut self, app: &Data) {
        let index = app
            .portal
            .as_ref()
            .map(|p| crate::catalogue::portal_match::PortalIndex::new(&app.catalogue, p));
        let known = durations(
            &app.catalogue,
            &app.snapshot,
            &app.roster.durations,
            index.as_ref(),
        );
        self.plan = app.status.as_ref().ok().map(|status| {
            plan_of(
                &app.catalogue,
                status,
                &app.snapshot,
                &known,
                &PlanOptions::default(),
                &[],
            )
        });
        let mut shortlist = ShortlistHours::default();
        for key in &app.snapshot.shortlist {
            // A course done since it was shortlisted counts in the hours done.
            if app.snapshot.completions.iter().any(|c| c.course == *key) {
                continue;
            }
            shortlist.courses += 1;
            match known.of(key).seconds {
                Some(s) => shortlist.seconds += u64::from(s),
                None => shortlist.unknown += 1,
            }
        }
        self.shortlist = shortlist;
        if let Some(key) = self.follow.take() {
            self.follow(&key);
        }
    }

    fn rows(&self, _: &Data) -> usize {
        self.plan
            .as_ref()
            .map_or(0, |p| p.steps.len() + p.proposal.len())
    }

    fn cursor(&mut self) -> &mut usize {
        &mut self.row
    }

    /// The course of the selected row, for d, s and Enter.
    fn course(&self, data: &Data) -> Option<CourseId> {
        match self.selected()? {
            Selected::Course(p) => data.catalogue.course_by_title(&p.course),
            Selected::Step(_) => None,
        }
    }

    /// On a step, Enter opens its requirement in full; d and s want a
    /// course. After s the cursor follows the course (see `refresh`).
    fn act(&mut self, action: Action, data: &Data) -> Reply {
        match (action, self.selected()) {
            (Action::Open, Some(Selected::Step(step))) => open_requirement(data, step),
            (Action::RecordDone | Action::ToggleShortlist, Some(Selected::Step(_))) => {
                Reply::Refuse(tr(data.lang, "tui-plan-step-not-course", &[]))
            }
            (Action::ToggleShortlist, Some(Selected::Course(p))) => {
                self.follow = Some(p.course.clone());
                Reply::ToggleShortlist
            }
            _ => Reply::Pass,
        }
    }
}

/// What a selected row is: a requirement's step, or a proposed course.
enum Selected<'a> {
    Step(&'a Step),
    Course(&'a Proposed),
}

impl PlanView {
    fn selected(&self) -> Option<Selected<'_>> {
        let plan = self.plan.as_ref()?;
        match plan.steps.get(self.row) {
            Some(step) => Some(Selected::Step(step)),
            None => plan
                .proposal
                .get(self.row - plan.steps.len())
                .map(Selected::Course),
        }
    }

    /// Puts the cursor on the course `key` if the plan still proposes it.
    fn follow(&mut self, key: &str) {
        let Some(plan) = &self.plan else { return };
        if let Some(i) = plan.proposal.iter().position(|p| p.course == key) {
            self.row = plan.steps.len() + i;
        }
    }
}

fn open_requirement(data: &Data, step: &Step) -> Reply {
    let Ok(status) = &data.status else {
        return Reply::Done;
    };
    let row = by_urgency(status).iter().position(|r| {
        r.kind == step.kind && r.rulebook == step.rulebook && r.text == step.requirement
    });
    match row {
        Some(row) => Reply::Open(Box::new(Requirement::new(row))),
        None => Reply::Done,
    }
}

/// A step's concrete action, as this view words it (keys, not commands).
fn step_action(step: &Step) -> String {
    crate::tui::wording::step_action(&step.action)
}

/// Its known hours (`2.17|2.67` for a title with two), or "unknown".
fn hours_cell(p: &Proposed) -> String {
    if p.durations.is_empty() {
        return "unknown".into();
    }
    let all: Vec<String> = p.durations.iter().map(|h| format!("{h:.2}")).collect();
    all.join("|")
}

fn render(f: &mut Frame, area: Rect, app: &Data, s: &PlanView, theme: &Theme) {
    let (plan, status) = match (&s.plan, &app.status) {
        (Some(plan), Ok(status)) => (plan, status),
        (_, Err(e)) => {
            let text = tr(app.lang, "tui-progress-no-profile", &[("why", crate::tui::wording::no_status(e, app.lang).into())]);
            let block = Block::default().borders(Borders::ALL).title(tr(app.lang, "tui-plan-box", &[]));
            f.render_widget(
                Paragraph::new(text).block(block).wrap(Wrap { trim: true }),
                area,
            );
            return;
        }
        _ => return,
    };
    let title = tr(
        app.lang,
        "tui-plan-title",
        &[("fy", plan.fy.to_string().into()), ("verdict", crate::tui::status_line::verdict(status, app.lang).into())],
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(crate::tui::draw::box_title(&title, area.width));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let width = inner.width as usize;
    let summary: Vec<Line> = summary(plan, s.shortlist, app.lang)
        .iter()
        .flat_map(|sentence| wrap(sentence, width))
        .map(Line::from)
        .collect();
    // A blank line under the summary, unless the terminal is too short
    // to spare it (60x16).
    let gap = u16::from(inner.height >= 16);
    let [top, list] = Layout::vertical([
        Constraint::Length(summary.len() as u16 + gap),
        Constraint::Min(1),
    ])
    .areas(inner);
    f.render_widget(Paragraph::new(summary), top);
    let steps = step_rows(plan, &app.catalogue, s.row, (width, app.lang), theme);
    let proposal = proposal_rows(plan, &app.snapshot.shortlist, s.row, (width, app.lang), theme);
    let [steps_area, proposal_area] = Layout::vertical([
        Constraint::Length(steps_height(&steps, &proposal, list.height)),
        Constraint::Min(0),
    ])
    .areas(list);
    steps.render(f, steps_area, theme);
    proposal.render(f, proposal_area, theme);
}

/// The steps take what they need, but when the two do not fit, never more
/// than half the list, and never the proposal's heading and first row: the
/// proposal always shows.
fn steps_height(steps: &Pane, proposal: &Pane, height: u16) -> u16 {
    let (s, p) = (steps.height() as u16, proposal.height() as u16);
    if s + p <= height {
        return s;
    }
    let proposal_least = p.min(proposal.head_height() as u16 + 1);
    s.min((height / 2).max(height.saturating_sub(p)))
        .min(height.saturating_sub(proposal_least))
}

/// The pace, the hours still needed and the shortlist's hours against them.
fn summary(plan: &Plan, shortlist: ShortlistHours, lang: Lang) -> Vec<String> {
    let verdict = tr(lang, verdict_id(plan.verdict), &[]);
    let mut out = vec![tr(
        lang,
        "tui-plan-pace",
        &[("verdict", verdict.into()), ("n", plan.steps.len().into())],
    )];
    let Some(h) = &plan.hours else {
        out.push(tr(lang, "tui-plan-no-hours", &[]));
        out.push(shortlist_sentence(shortlist, None, lang));
        return out;
    };
    out.push(tr(
        lang,
        "tui-plan-hours",
        &[
            ("done", format_hours(h.done_seconds).into()),
            ("target", h.target.to_string().into()),
            ("needed", format_hours(h.needed_seconds).into()),
            ("due", h.due.format("%d.%m.%Y").to_string().into()),
            ("week", format!("{:.2}", h.per_week).into()),
        ],
    ));
    out.push(shortlist_sentence(shortlist, Some(h.needed_seconds), lang));
    out
}

/// The plan's pace word as a message id; an unknown word keeps its own.
fn verdict_id(word: &str) -> &str {
    match word {
        "on track" => "tui-verdict-on-track",
        "behind" => "tui-verdict-behind",
        other => other,
    }
}

/// The shortlist's known hours, against the hours still needed if any.
fn shortlist_sentence(shortlist: ShortlistHours, gap: Option<u64>, lang: Lang) -> String {
    let unknown = shortlist.unknown;
    match gap {
        _ if shortlist.courses == 0 => tr(lang, "tui-plan-shortlist-empty", &[]),
        None => tr(
            lang,
            "tui-plan-shortlist",
            &[
                ("n", shortlist.courses.into()),
                ("known", format_hours(shortlist.seconds).into()),
                ("unknown", unknown.into()),
            ],
        ),
        Some(gap) => {
            let short = gap.saturating_sub(shortlist.seconds);
            tr(
                lang,
                "tui-plan-shortlist-gap",
                &[
                    ("known", format_hours(shortlist.seconds).into()),
                    ("gap", format_hours(gap).into()),
                    ("short", short.into()),
                    ("short_hours", format_hours(short).into()),
                    ("unknown", unknown.into()),
                ],
            )
        }
    }
}

/// A heading wrapped to the width, so a narrow terminal shows it whole.
fn heading(text: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    wrap(text, width)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.style(Meaning::Title))))
        .collect()
}

/// Every open requirement's step: its standing, what is missing by when,
/// and what to do, wrapped whole.
fn step_rows(
    plan: &Plan,
    catalogue: &Catalogue,
    row: usize,
    (width, lang): (usize, Lang),
    theme: &Theme,
) -> Pane {
    let mut pane = Pane::new(heading(
        &tr(lang, "tui-plan-next-steps", &[("n", plan.steps.len().into())]),
        width,
        theme,
    ))
    .speaking(lang);
    for (i, step) in plan.steps.iter().enumerate() {
        // Most actions say by when themselves; the others get the date here.
        let text = match step.due {
            Some(d) if !step.action.says_when() => {
                format!(
                    "{} by {}: {}",
                    step.missing,
                    d.format("%d.%m.%Y"),
                    step_action(step)
                )
            }
            _ => format!("{}: {}", step.missing, step_action(step)),
        };
        // Two orders may ask the same thing: each step says whose it is.
        let text = match catalogue.rulebook(&step.rulebook) {
            Some(book) => format!("{text} ({})", book.short),
            None => text,
        };
        let lead = format!("[{}] ", standing_word(step.standing, lang));
        let body = wrap(&text, width.saturating_sub(GUTTER + lead.width()));
        pane.add(i == row, &lead, body, theme);
    }
    pane
}

/// The proposal as a table whose long titles wrap under themselves.
fn proposal_rows(
    plan: &Plan,
    shortlist: &[String],
    row: usize,
    (width, lang): (usize, Lang),
    theme: &Theme,
) -> Pane {
    let cells: Vec<String> = plan
        .proposal
        .iter()
        .map(|p| match hours_cell(p).as_str() {
            "unknown" => tr(lang, "tui-plan-unknown", &[]),
            known => known.to_string(),
        })
        .collect();
    let hours_width = cells.iter().map(|c| c.width()).max().unwrap_or(0).max(5);
    let mut head = heading(
        &tr(lang, "tui-plan-proposal", &[("n", plan.proposal.len().into())]),
        width,
        theme,
    );
    head.push(Line::from(Span::styled(
        format!(
            " {}  + {}  BFD  {}",
            pad_left(&tr(lang, "tui-plan-col-hours", &[]), hours_width),
            pad(&tr(lang, "tui-plan-col-why", &[]), 13),
            tr(lang, "tui-plan-col-course", &[])
        ),
        theme.style(Meaning::Muted),
    )));
    let mut pane = Pane::new(head).speaking(lang);
    for (i, (p, hours)) in plan.proposal.iter().zip(cells).enumerate() {
        let lead = format!(
            "{}  {} {}  {}  ",
            pad_left(&hours, hours_width),
            if shortlist.contains(&p.course) {
                '+'
            } else {
                ' '
            },
            pad(&reason(p.reason, lang), 13),
            badges(&p.competencies)
        );
        let body = wrap(&p.title, width.saturating_sub(GUTTER + lead.width()));
        pane.add(plan.steps.len() + i == row, &lead, body, theme);
    }
    pane
}

/// Why a course is proposed, in the chosen language.
fn reason(r: Reason, lang: Lang) -> String {
    let id = match r {
        Reason::Mandatory => "tui-plan-why-mandatory",
        Reason::Assigned => "tui-plan-why-assigned",
        Reason::Shortlist => "tui-plan-why-shortlist",
        Reason::LeastCovered => "tui-plan-why-least-covered",
        Reason::Portal => "tui-plan-why-portal",
    };
    tr(lang, id, &[])
}

/// `text` padded on the right to `width` terminal columns (a Devanagari
/// vowel sign takes none of its own, so `{:<13}` would misalign).
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// `text` padded on the left to `width` terminal columns.
fn pad_left(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
}

/// A step's standing in the chosen language ("behind", "पिछड़े").
fn standing_word(st: Standing, lang: Lang) -> String {
    let id = match st {
        Standing::Met => "tui-roster-met",
        Standing::Open => "tui-standing-open",
        Standing::Behind => "tui-verdict-behind",
        Standing::Overdue => "tui-standing-overdue",
        Standing::Late => "tui-standing-late",
    };
    tr(lang, id, &[])
}
