//! What to do about an unmet requirement, as data: the plan's next step.
//! Its `Display` is the domain's sentence; where the step is to record
//! something, each shell names its own way to record it (the CLI its
//! command, the dashboard its key), in `cli::wording` and `tui::wording`.

use std::fmt;

use chrono::NaiveDate;

use crate::units::hours::format_hours;
use crate::units::words::count;

/// The concrete action for one requirement. `by` is the deadline in
/// words: "by 31.03.2027", "it was due 30.09.2026", "as soon as you can".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepAction {
    /// The tier's mandatory courses still open.
    TakeMandatory {
        open: usize,
        by: String,
    },
    /// No prescribed list is known yet: record it as assigned courses.
    RecordPrescribed,
    /// More courses of the level's list.
    CompleteFromList {
        courses: usize,
        by: String,
    },
    /// Hours still missing, in seconds.
    LearnHours {
        seconds: u64,
        by: String,
    },
    CompleteCourses {
        courses: usize,
        by: String,
    },
    /// The half year is over: it can no longer be met.
    HalfYearMissed {
        ended: Option<NaiveDate>,
    },
    TakeOwnChoice {
        programmes: usize,
        by: String,
    },
    /// Pass the comprehensive assessment, then record it.
    PassAssessment {
        by: String,
    },
    /// Registered after the deadline: nothing can be added.
    RegisteredLate,
    /// Register on iGOT, then record the date.
    Register,
    /// No course assigned yet: ask for them and record each.
    AskForAssigned {
        still_to_record: usize,
    },
    TakeAssigned {
        open: usize,
        by: String,
    },
    /// Any other kind: what is missing, and by when.
    Other {
        missing: String,
        by: String,
    },
}

impl StepAction {
    /// Whether the sentence already says by when, so a shell that shows the
    /// due date beside it need not say it twice.
    pub fn says_when(&self) -> bool {
        matches!(
            self,
            StepAction::TakeMandatory { .. }
                | StepAction::CompleteFromList { .. }
                | StepAction::LearnHours { .. }
                | StepAction::CompleteCourses { .. }
                | StepAction::TakeOwnChoice { .. }
                | StepAction::PassAssessment { .. }
                | StepAction::TakeAssigned { .. }
                | StepAction::Other { .. }
        )
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        one.into()
    } else {
        many.into()
    }
}

impl fmt::Display for StepAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StepAction::TakeMandatory { open, by } => write!(
                f,
                "take the {} still open ({by}), proposed first",
                count(*open as i64, "mandatory course", "mandatory courses")
            ),
            StepAction::RecordPrescribed => write!(
                f,
                "record the courses your ministry or cadre prescribes for your level as assigned courses, then take half of them"
            ),
            StepAction::CompleteFromList { courses, by } => write!(
                f,
                "complete {courses} more {} of your level's list {by}; the proposal's courses from it count",
                plural(*courses, "course", "courses")
            ),
            StepAction::LearnHours { seconds, by } => write!(
                f,
                "learn {} h more {by}: the proposal's courses, or any other iGOT course",
                format_hours(*seconds)
            ),
            StepAction::CompleteCourses { courses, by } => write!(
                f,
                "complete {courses} more {} {by}",
                plural(*courses, "course", "courses")
            ),
            StepAction::HalfYearMissed { ended } => write!(
                f,
                "the half year ended {}: it can no longer be met; a programme of your own choice in the next half year counts there, and the APAR may ask why",
                ended.map_or_else(String::new, |d| d.format("%d.%m.%Y").to_string())
            ),
            StepAction::TakeOwnChoice { programmes, by } => write!(
                f,
                "take {} of your own choice (any iGOT course outside your mandatory and assigned lists) {by}",
                count(*programmes as i64, "programme", "programmes")
            ),
            StepAction::PassAssessment { by } => write!(
                f,
                "pass the comprehensive assessment for your level on iGOT {by}, then record the date you passed it"
            ),
            StepAction::RegisteredLate => write!(
                f,
                "nothing to add: you registered after the deadline; keep your iGOT profile current"
            ),
            StepAction::Register => write!(
                f,
                "register on iGOT and keep designation and batch current, then record the date you registered"
            ),
            StepAction::AskForAssigned { still_to_record } => write!(
                f,
                "ask your Administrative Secretary for the courses named for the year and record each as assigned ({} still to record)",
                count(*still_to_record as i64, "course", "courses")
            ),
            StepAction::TakeAssigned { open, by } => write!(
                f,
                "take the {} assigned to you {by}",
                count(*open as i64, "course", "courses")
            ),
            StepAction::Other { missing, by } => write!(f, "{missing} more {by}"),
        }
    }
}
