//! `calendar`: the year's due dates as iCalendar (RFC 5545), each with a
//! reminder a fortnight before, so Outlook, Thunderbird or a phone shows
//! them; optionally the plan's weekly study slots.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Trigger};
use std::collections::BTreeMap;

use super::args::CalendarArgs;
use super::plan_cmds::{parse_hours_per_week, plan_for};
use super::status_cmds::evaluate_year;
use super::{Context, Outcome};
use crate::rules::engine::{RequirementStatus, Status};
use crate::rules::plan::PlanOptions;
use crate::rules::schedule::Week;
use crate::units::text::visible;

/// How long before a due date the reminder rings.
const REMINDER_DAYS: i64 = 14;

pub fn calendar(ctx: &Context, args: &CalendarArgs) -> Outcome {
    let (_, st) = evaluate_year(ctx, args.fy.as_deref())?;
    let mut cal = due_dates(&st);
    if args.schedule {
        let options = PlanOptions {
            hours_per_week: args
                .hours_per_week
                .as_deref()
                .map(parse_hours_per_week)
                .transpose()?,
            ..PlanOptions::default()
        };
        let (plan, _) = plan_for(ctx, args.fy.as_deref(), &options, false)?;
        for w in &plan.schedule.weeks {
            cal.push(study_slot(&st, w));
        }
    }
    write_raw(&cal.done().to_string())
}

/// iCalendar as it is: its CRLF line ends are the format's, not control
/// characters to escape (text values were made visible before).
fn write_raw(text: &str) -> Outcome {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(super::Problem::Write(e).into()),
    }
}

/// A fixed stamp (the day evaluated), so the same store gives the same file.
fn stamp(st: &Status) -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&st.as_of.and_hms_opt(0, 0, 0).expect("midnight exists"))
}

/// One all-day event per due date of `status`, its requirements in it.
pub fn due_dates(st: &Status) -> Calendar {
    let mut cal = Calendar::new();
    cal.name(&format!("karmadash: iGOT training due dates {}", st.fy));
    let mut by_day: BTreeMap<NaiveDate, Vec<&RequirementStatus>> = BTreeMap::new();
    for r in &st.requirements {
        if let Some(d) = r.due {
            by_day.entry(d).or_default().push(r);
        }
    }
    for (day, reqs) in by_day {
        let open: Vec<&&RequirementStatus> = reqs.iter().filter(|r| !r.met).collect();
        let mut words: Vec<String> = Vec::new();
        for w in reqs.iter().map(|r| r.served_words()) {
            if !words.contains(&w) {
                words.push(w);
            }
        }
        let summary = if open.is_empty() {
            format!("iGOT training (met): {}", words.join("; "))
        } else {
            format!("iGOT training due: {}", words.join("; "))
        };
        let description: Vec<String> = reqs
            .iter()
            .map(|r| {
                format!(
                    "[{}] {} - {} - {}",
                    r.standing.word(),
                    visible(&r.text),
                    r.progress_text(),
                    r.citation
                )
            })
            .collect();
        let mut event = Event::new();
        event
            .uid(&format!(
                "karmadash-{}-due-{}@karmadash",
                st.fy,
                day.format("%Y%m%d")
            ))
            .timestamp(stamp(st))
            .summary(&summary)
            .description(&description.join("\n"))
            .starts(day)
            .ends(day + Duration::days(1));
        if !open.is_empty() {
            let uid = format!(
                "karmadash-{}-alarm-{}@karmadash",
                st.fy,
                day.format("%Y%m%d")
            );
            event.alarm(
                Alarm::display(
                    &format!("In two weeks: {summary}"),
                    Trigger::before_start(Duration::days(REMINDER_DAYS)),
                )
                // As people and RFC 5545's examples write it, not -PT1209600S.
                .add_property("TRIGGER", format!("-P{REMINDER_DAYS}D"))
                .uid(&uid)
                .timestamp(stamp(st))
                .done(),
            );
        }
        cal.push(event.done());
    }
    cal
}

/// A week of the plan's schedule, as an all-day event over the week.
fn study_slot(st: &Status, w: &Week) -> Event {
    let total: f64 = w.slots.iter().filter_map(|s| s.hours).sum();
    let titles: Vec<String> = w
        .slots
        .iter()
        .map(|s| {
            let h = s.hours.map_or("? h".to_string(), |h| format!("{h:.2} h"));
            format!("{} ({h})", visible(&s.title))
        })
        .collect();
    Event::new()
        .uid(&format!(
            "karmadash-{}-week-{}@karmadash",
            st.fy,
            w.start.format("%Y%m%d")
        ))
        .timestamp(stamp(st))
        .summary(&format!("iGOT study: {total:.2} h this week"))
        .description(&titles.join("\n"))
        .starts(w.start)
        .ends(w.end + Duration::days(1))
        .done()
}
