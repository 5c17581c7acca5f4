//! The next step of every requirement `status` shows as unmet: what is
//! missing, by when, and the concrete action. Behind its pace or overdue
//! comes first, then the rest by due date.

use chrono::NaiveDate;

use super::engine::{RequirementStatus, Standing, Status, Unit};
pub use super::step_action::StepAction;
use crate::units::hours::{format_hours, HOUR};
use crate::units::words::count;

#[derive(Debug, Clone)]
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
    /// What to do about it: a sentence in each shell's words.
    pub action: StepAction,
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

fn action(r: &RequirementStatus) -> StepAction {
    let n = courses_missing(r);
    match r.kind {
        "all-mandatory" => StepAction::TakeMandatory {
            open: r.open.len(),
            by: by(r),
        },
        "share-of-prescribed" if r.open.is_empty() && r.done == 0.0 => StepAction::RecordPrescribed,
        "share-of-prescribed" => StepAction::CompleteFromList {
            courses: n,
            by: by(r),
        },
        "hours-per-fy" => StepAction::LearnHours {
            seconds: hours_missing(r),
            by: by(r),
        },
        "courses-by-date" => StepAction::CompleteCourses {
            courses: n,
            by: by(r),
        },
        "own-choice-per-half-year" if r.standing == Standing::Overdue => {
            StepAction::HalfYearMissed { ended: r.due }
        }
        "own-choice-per-half-year" => StepAction::TakeOwnChoice {
            programmes: n,
            by: by(r),
        },
        "assessment-passed" => StepAction::PassAssessment { by: by(r) },
        "registration" if r.standing == Standing::Late => StepAction::RegisteredLate,
        "registration" => StepAction::Register,
        "assigned-courses" if r.open.is_empty() => {
            StepAction::AskForAssigned { still_to_record: n }
        }
        "assigned-courses" => StepAction::TakeAssigned {
            open: r.open.len(),
            by: by(r),
        },
        _ => StepAction::Other {
            missing: missing(r),
            by: by(r),
        },
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
