//! The core's errors worded for the shell: each says which option or
//! command fixes it (the core names none).

use super::Failure;
use crate::catalogue::CourseError;
use crate::progress::ProgressError;
use crate::rules::tier::TierError;

/// A tier error with the options that fix it.
pub fn tier_error(e: &TierError) -> String {
    match e {
        TierError::NeedsBatch => {
            "an IAS profile needs --batch YEAR (to derive the tier from years of service) or --tier"
                .into()
        }
        TierError::BatchAfterYear { batch, fy } => {
            format!("batch {batch} starts after financial year {fy}: check --batch or --fy")
        }
        TierError::NeedsTier { service, choices } => {
            format!(
                "a {service} profile needs --tier: one of {}",
                choices.join(", ")
            )
        }
        other => other.to_string(),
    }
}

/// A refused record or profile edit, with the options that fix it.
pub fn progress_error(e: &ProgressError) -> String {
    match e {
        ProgressError::Tier(t) => tier_error(t),
        ProgressError::Course(c @ CourseError::NotListed { .. }) => format!(
            "{c}. Give the exact title or a listing id (`karmadash search`), or add --other for a course outside the lists"
        ),
        ProgressError::ListedAsOther { title } => format!(
            "\"{title}\" is a listed course: record it without --other so it counts for your lists"
        ),
        ProgressError::GivenAndCleared(f) => {
            format!("--{0} and --clear {0} were both given: keep one", f.id())
        }
        ProgressError::EmptyValue(f) => format!(
            "--{0} is empty: give a value, or --clear {0} to empty it",
            f.id()
        ),
        ProgressError::NoService { choices } => format!(
            "no profile yet: give --service ({}) to create one",
            choices.join(", ")
        ),
        other => other.to_string(),
    }
}

impl From<TierError> for Failure {
    fn from(e: TierError) -> Failure {
        Failure::input(tier_error(&e))
    }
}

impl From<ProgressError> for Failure {
    fn from(e: ProgressError) -> Failure {
        match e {
            // The store's own failures keep their exit code path.
            ProgressError::Store(m) => Failure::input(m),
            other => Failure::input(progress_error(&other)),
        }
    }
}
