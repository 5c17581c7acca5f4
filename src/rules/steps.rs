//! The next step of every requirement `status` shows as unmet: what is
//! missing, by when, and the concrete action. Behind its pace or overdue
//! comes first, then the rest by due date.

use chrono::NaiveDate;
use serde::Serialize;

use super::engine::{RequirementStatus, Standing, Status, Unit};
use crate::units::hours::{format_hours, HOUR};
use crate::units::words::count;

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// The requirement's kind, as `status --json` names it.
    pub kind: &'static str,
    pub rulebook: String,
    pub requirement: String,
    pub standing: Standing,
    pub due: Option<NaiveDate>,
    pub days_left: Option<i64>,
    /// What is missing: "3 courses", "39.00 h", "the assessment".
    pub missing: String,
    /// What to do about it, in a sentence.
    pub action: String,
    /// The courses of the proposal that close it (titles); filled by the plan.
    pub courses: Vec<String>,
}

fn day(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// Hours still missing of an hours requirement, in seconds.
pub fn hours_missing(r: &RequirementStatus) -> u64 {
    let target = (r.target * f64::from(HOUR)).round() as u64;
    target.saturating_sub(r.seconds.unwrap_or(0))
}

/// Courses still missing of a count requirement.
pub fn courses_missing(r: &RequirementStatus) -> usize {
    (r.target - r.done).max(0.0).ceil() as usize
}

fn missing(r: &RequirementStatus) -> String {
    match r.unit {
        Unit::Hours => format!("{} h", format_hours(hours_missing(r))),
        Unit::Courses => count(courses_missing(r) as i64, "course", "courses"),
        Unit::Assessment => "the assessment".into(),
        Unit::Registration if r.standing == Standing::Late => "nothing: registered late".into(),
        Unit::Registration => "your registration".into(),
    }
}

fn by(r: &RequirementStatus) -> String {
    match (r.due, r.standing) {
        (Some(d), Standing::Overdue) => format!("it was due {}", day(d)),
        (Some(d), _) => format!("by {}", day(d)),
        (None, _) => "as soon as you can".into(),
    }
}

fn action(r: &RequirementStatus) -> String {
    let n = courses_missing(r);
    match r.kind {
        "all-mandatory" => format!(
            "take the {} still open ({}), proposed first",
            count(r.open.len() as i64, "mandatory course", "mandatory courses"),
            by(r)
        ),
        "share-of-prescribed" if r.open.is_empty() && r.done == 0.0 => {
            "record the courses your ministry or cadre prescribes for your level with `karmadash assign \"COURSE\" --due DATE`, then take half of them".into()
        }
        "share-of-prescribed" => format!(
            "complete {n} more {} of your level's list {}; the proposal's courses from it count",
            if n == 1 { "course" } else { "courses" },
            by(r)
        ),
        "hours-per-fy" => format!(
            "learn {} h more {}: the proposal's courses, or any other iGOT course",
            format_hours(hours_missing(r)),
            by(r)
        ),
        "courses-by-date" => format!(
            "complete {n} more {} {}",
            if n == 1 { "course" } else { "courses" },
            by(r)
        ),
        "own-choice-per-half-year" if r.standing == Standing::Overdue => format!(
            "the half year ended {}: it can no longer be met; a programme of your own choice in the next half year counts there, and the APAR may ask why",
            r.due.map_or_else(String::new, day)
        ),
        "own-choice-per-half-year" => format!(
            "take {} of your own choice (any iGOT course outside your mandatory and assigned lists) {}",
            count(n as i64, "programme", "programmes"),
            by(r)
        ),
        "assessment-passed" => format!(
            "pass the comprehensive assessment for your level on iGOT {}, then record it with `karmadash assessment --passed DATE`",
            by(r)
        ),
        "registration" if r.standing == Standing::Late => {
            "nothing to add: you registered after the deadline; keep your iGOT profile current".into()
        }
        "registration" => "register on iGOT and keep designation and batch current, then record the date with `karmadash profile set --registered DATE`".into(),
        "assigned-courses" if r.open.is_empty() => format!(
            "ask your Administrative Secretary for the courses named for the year and record each with `karmadash assign \"COURSE\" --due DATE` ({} still to record)",
            count(n as i64, "course", "courses")
        ),
        "assigned-courses" => format!(
            "take the {} assigned to you {}",
            count(r.open.len() as i64, "course", "courses"),
            by(r)
        ),
        _ => format!("{} more {}", missing(r), by(r)),
    }
}

/// Behind its pace or overdue first, then by due date (none last).
fn urgency(r: &RequirementStatus) -> (u8, NaiveDate) {
    let rank = match r.standing {
        Standing::Overdue | Standing::Behind => 0,
        Standing::Open => 1,
        Standing::Late | Standing::Met => 2,
    };
    (rank, r.due.unwrap_or(NaiveDate::MAX))
}

/// One step for each requirement `status` shows as unmet, most urgent first.
pub fn steps(status: &Status) -> Vec<Step> {
    let mut open: Vec<&RequirementStatus> = status.requirements.iter().filter(|r| !r.met).collect();
    // Stable: requirements of equal urgency keep the order status prints.
    open.sort_by_key(|r| urgency(r));
    open.into_iter()
        .map(|r| Step {
            kind: r.kind,
            rulebook: r.rulebook.clone(),
            requirement: r.text.clone(),
            standing: r.standing,
            due: r.due,
            days_left: r.days_left,
            missing: missing(r),
            action: action(r),
            courses: Vec::new(),
        })
        .collect()
}
