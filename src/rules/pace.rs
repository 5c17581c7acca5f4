//! The pace: how much of a requirement should be done by today, so that
//! "behind" means one thing for hours, courses and single events alike.
//!
//! Each requirement has a window: from the start of its period (the
//! financial year or half year), or the order's date if later, to its due
//! date. By today, target x the elapsed share of that window should be
//! done. Hours are compared as they are; whole courses and events against
//! that figure rounded half up, so one assessment due in March is not
//! behind in April but is in March.

use chrono::NaiveDate;

use super::engine::{Standing, Unit};

/// Share of the window `since..=due` elapsed on `as_of` (0 to 1), in days.
pub fn window_share(since: NaiveDate, due: NaiveDate, as_of: NaiveDate) -> f64 {
    let total = (due - since).num_days() + 1;
    if total <= 0 {
        return 1.0;
    }
    let gone = ((as_of - since).num_days() + 1).clamp(0, total);
    gone as f64 / total as f64
}

/// What should be done by now of `target`, given the elapsed `share`.
pub fn expected(target: f64, unit: Unit, share: f64) -> f64 {
    let even = target * share;
    match unit {
        Unit::Hours => even,
        Unit::Courses | Unit::Assessment | Unit::Registration => (even + 0.5).floor(),
    }
}

/// One requirement's progress, as the pace needs it.
pub struct Progress {
    /// Exact, in the requirement's unit (hours unrounded).
    pub done: f64,
    pub target: f64,
    pub unit: Unit,
    pub met: bool,
    /// Done, but after the due date (registration).
    pub late: bool,
    /// Start of the window: the period's start or the order's date.
    pub since: NaiveDate,
    pub due: Option<NaiveDate>,
}

/// Late, met, overdue, behind the pace, or open (on pace).
pub fn standing(p: &Progress, today: NaiveDate, as_of: NaiveDate) -> Standing {
    if p.late {
        return Standing::Late;
    }
    if p.met {
        return Standing::Met;
    }
    match p.due {
        Some(due) if due < today => Standing::Overdue,
        Some(due)
            if p.done + 1e-9 < expected(p.target, p.unit, window_share(p.since, due, as_of)) =>
        {
            Standing::Behind
        }
        _ => Standing::Open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_single_event_is_behind_past_half_its_window_only() {
        let p = Progress {
            done: 0.0,
            target: 1.0,
            unit: Unit::Assessment,
            met: false,
            late: false,
            since: d("2025-04-01"),
            due: Some(d("2026-03-31")),
        };
        assert_eq!(
            standing(&p, d("2025-04-02"), d("2025-04-02")),
            Standing::Open
        );
        assert_eq!(
            standing(&p, d("2026-03-15"), d("2026-03-15")),
            Standing::Behind
        );
        assert_eq!(
            standing(&p, d("2026-04-01"), d("2026-03-31")),
            Standing::Overdue
        );
    }

    #[test]
    fn hours_are_behind_below_the_even_pace_of_their_window() {
        let since = d("2026-04-01");
        let due = d("2027-03-31");
        let at = |done: f64, on: &str| {
            let p = Progress {
                done,
                target: 52.0,
                unit: Unit::Hours,
                met: false,
                late: false,
                since,
                due: Some(due),
            };
            standing(&p, d(on), d(on))
        };
        // 30.09.2026 is 183 of 365 days: 26.07 h expected.
        assert_eq!(at(26.0, "2026-09-30"), Standing::Behind);
        assert_eq!(at(26.1, "2026-09-30"), Standing::Open);
        assert_eq!(window_share(since, due, d("2026-03-31")), 0.0);
        assert_eq!(window_share(since, due, d("2027-06-01")), 1.0);
    }
}
