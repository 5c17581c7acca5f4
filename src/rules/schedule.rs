//! A week-by-week schedule of the proposal from today to each due date:
//! earliest due first (a requirement behind its pace first among equals),
//! at the hours a week the officer can give or, if not given, at the least
//! rate that meets every due date, half-year deadlines included.

use chrono::{Duration, NaiveDate};

use super::proposal::Proposed;
use crate::units::hours::{hours_value, HOUR};

/// The schedule never looks further than two years ahead.
const MAX_WEEKS: i64 = 104;

/// What goes into the schedule: a course of the proposal, or the hours
/// still short after the proposal's known ones ("any iGOT course").
#[derive(Debug, Clone)]
pub struct Item {
    pub title: String,
    /// None: the duration is unknown; it takes a week's slot of its own.
    pub seconds: Option<u32>,
    pub due: NaiveDate,
    pub not_before: Option<NaiveDate>,
    pub behind: bool,
}

impl Item {
    pub fn of(p: &Proposed, fallback_due: NaiveDate) -> Item {
        Item {
            title: p.title.clone(),
            seconds: p.seconds,
            due: p.due.unwrap_or(fallback_due),
            not_before: p.not_before,
            behind: p.behind,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Slot {
    pub title: String,
    /// Hours of it in this week; None: its duration is unknown.
    pub hours: Option<f64>,
    /// It is finished this week.
    pub finishes: bool,
    pub due: NaiveDate,
    pub seconds: Option<u64>,
}

#[derive(Debug, Clone)]
pub struct Week {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub slots: Vec<Slot>,
}

/// A course that would finish after its due date at this rate.
#[derive(Debug, Clone)]
pub struct Late {
    pub title: String,
    pub due: NaiveDate,
    /// None: not even within two years.
    pub finishes: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct Schedule {
    /// The rate scheduled: yours (`--hours-per-week`) or the least that
    /// meets every due date.
    pub hours_per_week: f64,
    /// The least rate that meets every due date.
    pub needed_per_week: f64,
    pub meets_due_dates: bool,
    pub late: Vec<Late>,
    pub weeks: Vec<Week>,
}

fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days() + 1
}

/// The least seconds a week that finishes every known hour by its due
/// date, earliest due first, counting from `today`.
fn least_rate(items: &[Item], today: NaiveDate) -> u64 {
    let mut dues: Vec<NaiveDate> = items.iter().map(|i| i.due).collect();
    dues.sort_unstable();
    dues.dedup();
    dues.iter()
        .map(|&d| {
            let by_then: u64 = items
                .iter()
                .filter(|i| i.due <= d)
                .filter_map(|i| i.seconds)
                .map(u64::from)
                .sum();
            let weeks = days(today, d).max(1) as f64 / 7.0;
            (by_then as f64 / weeks.max(1.0)).ceil() as u64
        })
        .max()
        .unwrap_or(0)
}

/// Rounded up to the quarter hour, as a person plans a week.
fn quarter_hours(seconds: u64) -> u64 {
    let q = u64::from(HOUR) / 4;
    seconds.div_ceil(q) * q
}

/// Schedules `items` from `today` at `per_week` hours (or the least rate
/// that meets every due date).
pub fn schedule(mut items: Vec<Item>, today: NaiveDate, per_week: Option<f64>) -> Schedule {
    items.sort_by_key(|i| (i.due, !i.behind));
    let needed = quarter_hours(least_rate(&items, today));
    let rate = per_week.map_or(needed, |h| (h * f64::from(HOUR)).round() as u64);
    let mut left: Vec<Option<u64>> = items.iter().map(|i| i.seconds.map(u64::from)).collect();
    let mut finished: Vec<Option<NaiveDate>> = vec![None; items.len()];
    // Courses of unknown length are spread evenly up to the last due date.
    let unknown = items.iter().filter(|i| i.seconds.is_none()).count();
    let last_due = items.iter().map(|i| i.due).max().unwrap_or(today);
    let weeks_to_due = (days(today, last_due).max(1) + 6) / 7;
    let unknown_per_week = unknown.div_ceil(weeks_to_due.max(1) as usize).max(1);
    let mut weeks = Vec::new();
    for w in 0..MAX_WEEKS {
        if finished.iter().all(Option::is_some) {
            break;
        }
        let start = today + Duration::days(7 * w);
        let end = start + Duration::days(6);
        let mut capacity = rate;
        let mut unknown_placed = 0;
        let mut slots = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if finished[i].is_some() || item.not_before.is_some_and(|d| d > end) {
                continue;
            }
            match left[i] {
                None if unknown_placed < unknown_per_week => {
                    unknown_placed += 1;
                    // Unknown hours: it is this week's, from its first day.
                    finished[i] = Some(start);
                    slots.push(slot(item, None, true));
                }
                None => {}
                Some(rest) if capacity > 0 => {
                    let part = rest.min(capacity);
                    capacity -= part;
                    left[i] = Some(rest - part);
                    let done = rest == part;
                    if done {
                        // The week's hours spread over its seven days.
                        let used = (rate - capacity) as f64 / rate as f64;
                        let day = ((used * 7.0).ceil() as i64).clamp(1, 7) - 1;
                        finished[i] = Some(start + Duration::days(day));
                    }
                    slots.push(slot(item, Some(part), done));
                }
                Some(_) => {}
            }
        }
        if !slots.is_empty() {
            weeks.push(Week { start, end, slots });
        }
    }
    let late: Vec<Late> = items
        .iter()
        .zip(&finished)
        .filter(|(i, f)| f.is_none_or(|f| f > i.due))
        .map(|(i, f)| Late {
            title: i.title.clone(),
            due: i.due,
            finishes: *f,
        })
        .collect();
    Schedule {
        hours_per_week: hours_value(rate),
        needed_per_week: hours_value(needed),
        meets_due_dates: late.is_empty(),
        late,
        weeks,
    }
}

fn slot(item: &Item, seconds: Option<u64>, finishes: bool) -> Slot {
    Slot {
        title: item.title.clone(),
        hours: seconds.map(hours_value),
        finishes,
        due: item.due,
        seconds,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn item(title: &str, hours: Option<u32>, due: &str, not_before: Option<&str>) -> Item {
        Item {
            title: title.into(),
            seconds: hours.map(|h| h * HOUR),
            due: d(due),
            not_before: not_before.map(d),
            behind: false,
        }
    }

    #[test]
    fn the_least_rate_meets_the_half_year_deadline_before_the_year_end() {
        // 6 h due in 4 weeks, 6 h more by the year's end, 16 weeks away.
        let items = vec![
            item("late", Some(6), "2026-12-20", None),
            item("soon", Some(6), "2026-09-30", None),
        ];
        let s = schedule(items, d("2026-09-02"), None);
        assert!(s.meets_due_dates, "{s:#?}");
        assert_eq!(s.weeks[0].slots[0].title, "soon", "earliest due first");
        assert!(s.needed_per_week >= 6.0 / 4.0, "{}", s.needed_per_week);
        let at_one = schedule(
            vec![item("soon", Some(6), "2026-09-30", None)],
            d("2026-09-02"),
            Some(1.0),
        );
        assert!(!at_one.meets_due_dates);
        assert_eq!(
            at_one.late[0].finishes,
            Some(d("2026-10-13")),
            "six weeks of one hour"
        );
    }

    #[test]
    fn a_later_half_years_course_waits_for_its_half() {
        let items = vec![item("h2", Some(1), "2027-03-31", Some("2026-10-01"))];
        let s = schedule(items, d("2026-09-02"), Some(2.0));
        assert!(s.weeks[0].start >= d("2026-09-24"), "{s:#?}");
        assert!(s.weeks[0].end >= d("2026-10-01"));
        assert!(s.meets_due_dates);
    }

    #[test]
    fn courses_of_unknown_length_are_spread_before_their_due_date() {
        let items: Vec<Item> = (0..10)
            .map(|i| item(&format!("c{i}"), None, "2026-10-31", None))
            .collect();
        let s = schedule(items, d("2026-10-01"), None);
        assert!(s.meets_due_dates, "{s:#?}");
        assert!(s.weeks.len() <= 5);
    }
}
