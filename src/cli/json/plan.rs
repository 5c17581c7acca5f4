//! The wire types of `plan` and `shortlist list`: the plan's steps, its
//! proposal and the week-by-week schedule.

use chrono::NaiveDate;
use serde::Serialize;

use crate::rules::plan::{Budget, HoursGap, Plan};
use crate::rules::proposal::{Coverage, Proposed, Reason};
use crate::rules::schedule::{Late, Schedule, Slot, Week};
use crate::rules::steps::Step;

pub const PLAN_HELP: &str = "Print JSON (keys: fy, as_of, verdict, steps[kind, rulebook, requirement, standing, due, days_left, missing, action, courses], proposal[title, course, listing, reason (mandatory, assigned, shortlist, least-covered, portal), competencies, hours, durations, duration_source (yours, report, portal, course-csv, unknown), theme, due, not_before, behind, serves], coverage[competency, done, proposed], left_out, hours{target, done, needed, due, weeks_left, per_week, proposed, unknown, short}, budget{hours_per_week, fits, short_per_week}, schedule{hours_per_week, needed_per_week, meets_due_dates, late[title, due, finishes], weeks[start, end, slots[title, hours, finishes, due]]})";
pub const SHORTLIST_HELP: &str = "Print JSON (a list; keys: course, title, hours, durations, duration_source (yours, report, portal, course-csv, unknown))";

#[derive(Serialize)]
pub struct PlanJson<'a> {
    fy: String,
    as_of: NaiveDate,
    verdict: &'static str,
    steps: Vec<StepJson<'a>>,
    proposal: Vec<ProposedJson<'a>>,
    coverage: Vec<CoverageJson>,
    left_out: usize,
    hours: Option<HoursJson>,
    budget: Option<BudgetJson>,
    schedule: ScheduleJson<'a>,
}

/// A step, its `action` in the CLI's words (the commands that record it).
#[derive(Serialize)]
struct StepJson<'a> {
    kind: &'static str,
    rulebook: &'a str,
    requirement: &'a str,
    standing: &'static str,
    due: Option<NaiveDate>,
    days_left: Option<i64>,
    missing: &'a str,
    action: String,
    courses: &'a [String],
}

#[derive(Serialize)]
struct ProposedJson<'a> {
    title: &'a str,
    course: &'a str,
    listing: Option<&'a str>,
    reason: &'static str,
    competencies: Vec<&'static str>,
    hours: Option<f64>,
    durations: &'a [f64],
    duration_source: &'static str,
    theme: Option<&'a str>,
    due: Option<NaiveDate>,
    not_before: Option<NaiveDate>,
    behind: bool,
    serves: &'a [&'static str],
}

#[derive(Serialize)]
struct CoverageJson {
    competency: Option<&'static str>,
    done: usize,
    proposed: usize,
}

#[derive(Serialize)]
struct HoursJson {
    target: f64,
    done: f64,
    needed: f64,
    due: NaiveDate,
    weeks_left: f64,
    per_week: f64,
    proposed: f64,
    unknown: usize,
    short: f64,
}

#[derive(Serialize)]
struct BudgetJson {
    hours_per_week: f64,
    fits: bool,
    short_per_week: f64,
}

#[derive(Serialize)]
struct ScheduleJson<'a> {
    hours_per_week: f64,
    needed_per_week: f64,
    meets_due_dates: bool,
    late: Vec<LateJson<'a>>,
    weeks: Vec<WeekJson<'a>>,
}

#[derive(Serialize)]
struct LateJson<'a> {
    title: &'a str,
    due: NaiveDate,
    finishes: Option<NaiveDate>,
}

#[derive(Serialize)]
struct WeekJson<'a> {
    start: NaiveDate,
    end: NaiveDate,
    slots: Vec<SlotJson<'a>>,
}

#[derive(Serialize)]
struct SlotJson<'a> {
    title: &'a str,
    hours: Option<f64>,
    finishes: bool,
    due: NaiveDate,
}

pub fn plan(p: &Plan) -> PlanJson<'_> {
    PlanJson {
        fy: super::fy(p.fy),
        as_of: p.as_of,
        verdict: p.verdict,
        steps: p.steps.iter().map(step).collect(),
        proposal: p.proposal.iter().map(proposed).collect(),
        coverage: p.coverage.iter().map(coverage).collect(),
        left_out: p.left_out,
        hours: p.hours.as_ref().map(hours),
        budget: p.budget.as_ref().map(budget),
        schedule: schedule(&p.schedule),
    }
}

fn step(s: &Step) -> StepJson<'_> {
    StepJson {
        kind: s.kind,
        rulebook: &s.rulebook,
        requirement: &s.requirement,
        standing: super::standing(s.standing),
        due: s.due,
        days_left: s.days_left,
        missing: &s.missing,
        action: crate::cli::wording::step_action(&s.action),
        courses: &s.courses,
    }
}

fn reason(r: Reason) -> &'static str {
    match r {
        Reason::Mandatory => "mandatory",
        Reason::Assigned => "assigned",
        Reason::Shortlist => "shortlist",
        Reason::LeastCovered => "least-covered",
        Reason::Portal => "portal",
    }
}

fn proposed(p: &Proposed) -> ProposedJson<'_> {
    ProposedJson {
        title: &p.title,
        course: &p.course,
        listing: p.listing.as_deref(),
        reason: reason(p.reason),
        competencies: p.competencies.iter().map(|c| c.id()).collect(),
        hours: p.hours,
        durations: &p.durations,
        duration_source: p.duration_source,
        theme: p.theme.as_deref(),
        due: p.due,
        not_before: p.not_before,
        behind: p.behind,
        serves: &p.serves,
    }
}

fn coverage(c: &Coverage) -> CoverageJson {
    CoverageJson {
        competency: c.competency.map(|c| c.id()),
        done: c.done,
        proposed: c.proposed,
    }
}

fn hours(h: &HoursGap) -> HoursJson {
    HoursJson {
        target: h.target,
        done: h.done,
        needed: h.needed,
        due: h.due,
        weeks_left: h.weeks_left,
        per_week: h.per_week,
        proposed: h.proposed,
        unknown: h.unknown,
        short: h.short,
    }
}

fn budget(b: &Budget) -> BudgetJson {
    BudgetJson {
        hours_per_week: b.hours_per_week,
        fits: b.fits,
        short_per_week: b.short_per_week,
    }
}

fn schedule(s: &Schedule) -> ScheduleJson<'_> {
    ScheduleJson {
        hours_per_week: s.hours_per_week,
        needed_per_week: s.needed_per_week,
        meets_due_dates: s.meets_due_dates,
        late: s.late.iter().map(late).collect(),
        weeks: s.weeks.iter().map(week).collect(),
    }
}

fn late(l: &Late) -> LateJson<'_> {
    LateJson {
        title: &l.title,
        due: l.due,
        finishes: l.finishes,
    }
}

fn week(w: &Week) -> WeekJson<'_> {
    WeekJson {
        start: w.start,
        end: w.end,
        slots: w.slots.iter().map(slot).collect(),
    }
}

fn slot(s: &Slot) -> SlotJson<'_> {
    SlotJson {
        title: &s.title,
        hours: s.hours,
        finishes: s.finishes,
        due: s.due,
    }
}

/// A shortlisted course and the duration the plan would use.
#[derive(Serialize)]
pub struct ShortlistRow {
    pub course: String,
    pub title: String,
    pub hours: Option<f64>,
    pub durations: Vec<f64>,
    pub duration_source: &'static str,
}
