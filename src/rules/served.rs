//! A requirement in words an APAR reader understands, for the report's
//! "served" column: "all mandatory courses", "52 hours a year".

use super::engine::RequirementStatus;
use crate::units::words::count;

impl RequirementStatus {
    /// What the requirement asks, in a few plain words (without the order).
    pub fn served_words(&self) -> String {
        let by = self
            .due
            .map(|d| d.format("%d.%m.%Y").to_string())
            .unwrap_or_default();
        match self.kind {
            "all-mandatory" => "all mandatory courses".into(),
            "share-of-prescribed" => "share of the prescribed courses".into(),
            "hours-per-fy" => format!("{} hours a year", self.target),
            "courses-by-date" => {
                format!("{} by {by}", count(self.target as i64, "course", "courses"))
            }
            "own-choice-per-half-year" => {
                format!("own-choice programme, half year to {by}")
            }
            "assessment-passed" => "comprehensive assessment".into(),
            "registration" => "registration on iGOT".into(),
            "assigned-courses" => "assigned courses".into(),
            other => other.replace('-', " "),
        }
    }
}
