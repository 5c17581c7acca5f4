//! The core's errors worded for the dashboard: fields and forms, never the
//! shell's options.

use crate::catalogue::CourseError;
use crate::progress::ProgressError;

/// A refused form, in the dashboard's words.
pub fn progress_error(e: ProgressError) -> String {
    match e {
        ProgressError::Course(c @ CourseError::NotListed { .. }) => format!(
            "{c}. Give the exact title or a listing id, or record it with the form for a course outside the lists"
        ),
        ProgressError::ListedAsOther { title } => format!(
            "\"{title}\" is a listed course: select it in the catalogue and press d, so it counts for your lists"
        ),
        other => other.to_string(),
    }
}
