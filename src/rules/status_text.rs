//! A requirement in words: its progress ("3/15 courses"), its due date
//! ("1 day left"), and what a completion served, as an APAR reader reads it.

use chrono::NaiveDate;

use super::engine::{RequirementStatus, Standing, Status, Unit};
use crate::units::hours::format_hours;
use crate::units::words::count;

impl Standing {
    /// The standing in one word, as every report prints it; the two that
    /// are shortfalls shout.
    pub fn word(self) -> &'static str {
        match self {
            Standing::Met => "met",
            Standing::Open => "open",
            Standing::Behind => "behind",
            Standing::Overdue => "OVERDUE",
            Standing::Late => "LATE",
        }
    }
}

impl RequirementStatus {
    /// "3/15 courses", "12.50/52 h", "passed", "registered 24.03.2026, due 21.03.2026 (late)".
    pub fn progress_text(&self) -> String {
        let day = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
        match self.unit {
            Unit::Hours => format!(
                "{}/{} h",
                format_hours(self.seconds.unwrap_or(0)),
                self.target
            ),
            Unit::Courses => format!(
                "{}/{}",
                self.done,
                count(self.target as i64, "course", "courses")
            ),
            Unit::Registration if self.standing == Standing::Late => match (self.done_on, self.due)
            {
                (Some(on), Some(due)) => {
                    format!("registered {}, due {} (late)", day(on), day(due))
                }
                _ => "registered late".into(),
            },
            Unit::Assessment if self.met => "passed".into(),
            Unit::Registration if self.met => match self.done_on {
                Some(on) => format!("registered {}", day(on)),
                // A roster officer the reports list, with no UserReport.
                None => "registered, date unknown".into(),
            },
            Unit::Assessment | Unit::Registration => "not yet".into(),
        }
    }

    /// "due 31.03.2027 (128 days left)" or "was due ... (5 days ago)".
    pub fn due_text(&self) -> String {
        match (self.due, self.days_left) {
            (Some(d), Some(n)) if n >= 0 => format!(
                "due {} ({} left)",
                d.format("%d.%m.%Y"),
                count(n, "day", "days")
            ),
            (Some(d), Some(n)) => format!(
                "was due {} ({} ago)",
                d.format("%d.%m.%Y"),
                count(-n, "day", "days")
            ),
            _ => "no date".into(),
        }
    }

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

impl Status {
    /// One line for a prompt: "karmadash 2026-27: 3/5 met, 12.0/52 h, next due 31.03.2027 (128 days), on track".
    pub fn short_line(&self) -> String {
        let met = self.requirements.iter().filter(|r| r.met).count();
        let mut parts = vec![format!(
            "karmadash {}: {met}/{} met",
            self.fy,
            self.requirements.len()
        )];
        if let Some(h) = self.requirements.iter().find(|r| r.unit == Unit::Hours) {
            parts.push(h.progress_text());
        }
        let next = self
            .requirements
            .iter()
            .filter(|r| !r.met)
            .filter_map(|r| r.due.zip(r.days_left))
            .filter(|(_, n)| *n >= 0)
            .min();
        if let Some((due, days)) = next {
            parts.push(format!(
                "next due {} ({})",
                due.format("%d.%m.%Y"),
                count(days, "day", "days")
            ));
        }
        let overdue = self
            .requirements
            .iter()
            .filter(|r| r.standing == Standing::Overdue)
            .count();
        if overdue > 0 {
            parts.push(format!("{overdue} OVERDUE"));
        }
        parts.push(self.verdict().into());
        parts.join(", ")
    }
}
