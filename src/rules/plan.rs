//! The plan: for every open requirement its next step, a proposal of
//! courses that closes the gaps, the hours it adds against the hours still
//! needed, and a week-by-week schedule to every due date. Pure: the CLI and
//! the dashboard gather the durations and the shortlist and pass them in.

use chrono::NaiveDate;

use super::engine::{Standing, Status, Unit};
use super::proposal::{propose, Coverage, ProposalInputs, ProposalOptions, Proposed};
use super::schedule::{schedule, Item, Schedule};
use super::steps::{courses_missing, hours_missing, steps, Step};
use crate::units::hours::hours_value;

/// What a person asks of the plan: the proposal's choices, and a budget.
#[derive(Debug, Clone, Default)]
pub struct PlanOptions {
    pub proposal: ProposalOptions,
    /// The hours a week the officer can give.
    pub hours_per_week: Option<f64>,
}

/// The plan reads what the proposal reads, and schedules it.
pub struct PlanInputs<'a> {
    pub proposal: ProposalInputs<'a>,
    /// The hours a week the officer can give.
    pub hours_per_week: Option<f64>,
}

/// The hours requirement against the proposal's known hours.
#[derive(Debug, Clone)]
pub struct HoursGap {
    pub target: f64,
    pub done: f64,
    pub needed: f64,
    pub due: NaiveDate,
    pub weeks_left: f64,
    /// Hours a week still needed to reach the target by the due date.
    pub per_week: f64,
    /// Known hours of the proposal.
    pub proposed: f64,
    /// Courses of the proposal whose duration is unknown.
    pub unknown: usize,
    /// Hours the proposal's known durations fall short of `needed` by.
    pub short: f64,
    pub done_seconds: u64,
    pub needed_seconds: u64,
    pub short_seconds: u64,
}

/// `--hours-per-week`: whether that budget meets every due date.
#[derive(Debug, Clone)]
pub struct Budget {
    pub hours_per_week: f64,
    pub fits: bool,
    /// Hours a week more it would take (0 when it fits).
    pub short_per_week: f64,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub fy: crate::units::fy::FinancialYear,
    pub as_of: NaiveDate,
    /// The status verdict: "on track" or "behind".
    pub verdict: &'static str,
    pub steps: Vec<Step>,
    pub proposal: Vec<Proposed>,
    pub coverage: Vec<Coverage>,
    /// Optional courses left out by --limit or --competency while a gap remained.
    pub left_out: usize,
    pub hours: Option<HoursGap>,
    pub budget: Option<Budget>,
    pub schedule: Schedule,
}

/// The title the schedule gives the hours no known course covers.
pub const OTHER_HOURS: &str = "any other iGOT courses";

pub fn plan(inputs: &PlanInputs) -> Plan {
    let status = inputs.proposal.status;
    let proposal = propose(&inputs.proposal);
    let mut steps = steps(status);
    for step in &mut steps {
        step.courses = courses_for(step, status, &proposal.courses);
    }
    let hours = hours_gap(status, &proposal.courses);
    let fy_end = status.fy.end();
    let mut items: Vec<Item> = proposal
        .courses
        .iter()
        .map(|p| Item::of(p, fy_end))
        .collect();
    if let Some(h) = hours.as_ref().filter(|h| h.short_seconds > 0) {
        items.push(Item {
            title: OTHER_HOURS.into(),
            seconds: Some(u32::try_from(h.short_seconds).unwrap_or(u32::MAX)),
            due: h.due,
            not_before: None,
            behind: status
                .requirements
                .iter()
                .any(|r| r.unit == Unit::Hours && r.standing == Standing::Behind),
        });
    }
    let schedule = schedule(items, status.as_of, inputs.hours_per_week);
    let budget = inputs.hours_per_week.map(|h| Budget {
        hours_per_week: h,
        fits: schedule.meets_due_dates,
        short_per_week: if schedule.meets_due_dates {
            0.0
        } else {
            ((schedule.needed_per_week - h).max(0.0) * 100.0).round() / 100.0
        },
    });
    Plan {
        fy: status.fy,
        as_of: status.as_of,
        verdict: status.verdict(),
        steps,
        proposal: proposal.courses,
        coverage: proposal.coverage,
        left_out: proposal.left_out,
        hours,
        budget,
        schedule,
    }
}

/// The proposal's courses that close `step`, as many as it needs.
fn courses_for(step: &Step, status: &Status, proposal: &[Proposed]) -> Vec<String> {
    let Some(r) = status
        .requirements
        .iter()
        .find(|r| r.kind == step.kind && r.rulebook == step.rulebook && r.text == step.requirement)
    else {
        return Vec::new();
    };
    let serving = proposal.iter().filter(|p| {
        p.serves.contains(&step.kind)
            && (step.kind != "own-choice-per-half-year" || p.own_choice_due == step.due)
    });
    let titles = serving.map(|p| p.title.clone());
    match r.unit {
        Unit::Courses if r.kind != "all-mandatory" => titles.take(courses_missing(r)).collect(),
        Unit::Courses | Unit::Hours => titles.collect(),
        Unit::Assessment | Unit::Registration => Vec::new(),
    }
}

fn hours_gap(status: &Status, proposal: &[Proposed]) -> Option<HoursGap> {
    let r = status
        .requirements
        .iter()
        .find(|r| r.unit == Unit::Hours && !r.met)?;
    let due = r.due?;
    let days = (due - status.as_of).num_days().max(0) as f64;
    let weeks_left = (days / 7.0).max(1.0 / 7.0);
    let needed_seconds = hours_missing(r);
    let known: u64 = proposal
        .iter()
        .filter_map(|p| p.seconds)
        .map(u64::from)
        .sum();
    let short_seconds = needed_seconds.saturating_sub(known);
    let done_seconds = r.seconds.unwrap_or(0);
    Some(HoursGap {
        target: r.target,
        done: hours_value(done_seconds),
        needed: hours_value(needed_seconds),
        due,
        weeks_left: (weeks_left * 10.0).round() / 10.0,
        per_week: hours_value((needed_seconds as f64 / weeks_left).ceil() as u64),
        proposed: hours_value(known),
        unknown: proposal.iter().filter(|p| p.seconds.is_none()).count(),
        short: hours_value(short_seconds),
        done_seconds,
        needed_seconds,
        short_seconds,
    })
}
