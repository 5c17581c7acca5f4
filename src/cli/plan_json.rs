//! `plan --json`: the plan as the core builds it, each step's `action` in
//! the CLI's words (the commands that record it). The keys and their
//! order are the plan's own.

use chrono::NaiveDate;
use serde::Serialize;

use crate::rules::engine::Standing;
use crate::rules::plan::{Budget, HoursGap, Plan};
use crate::rules::proposal::{Coverage, Proposed};
use crate::rules::schedule::Schedule;
use crate::rules::steps::Step;
use crate::units::fy::FinancialYear;

#[derive(Serialize)]
pub struct PlanJson<'a> {
    fy: FinancialYear,
    as_of: NaiveDate,
    verdict: &'static str,
    steps: Vec<StepJson<'a>>,
    proposal: &'a [Proposed],
    coverage: &'a [Coverage],
    left_out: usize,
    hours: &'a Option<HoursGap>,
    budget: &'a Option<Budget>,
    schedule: &'a Schedule,
}

#[derive(Serialize)]
struct StepJson<'a> {
    kind: &'static str,
    rulebook: &'a str,
    requirement: &'a str,
    standing: Standing,
    due: Option<NaiveDate>,
    days_left: Option<i64>,
    missing: &'a str,
    action: String,
    courses: &'a [String],
}

pub fn plan_json(p: &Plan) -> PlanJson<'_> {
    PlanJson {
        fy: p.fy,
        as_of: p.as_of,
        verdict: p.verdict,
        steps: p.steps.iter().map(step_json).collect(),
        proposal: &p.proposal,
        coverage: &p.coverage,
        left_out: p.left_out,
        hours: &p.hours,
        budget: &p.budget,
        schedule: &p.schedule,
    }
}

fn step_json(s: &Step) -> StepJson<'_> {
    StepJson {
        kind: s.kind,
        rulebook: &s.rulebook,
        requirement: &s.requirement,
        standing: s.standing,
        due: s.due,
        days_left: s.days_left,
        missing: &s.missing,
        action: super::wording::step_action(&s.action),
        courses: &s.courses,
    }
}
