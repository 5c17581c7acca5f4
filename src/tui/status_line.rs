//! The dashboard's status line in the chosen language: the year's
//! requirements met, the hours, the next due date and the verdict, as
//! `Status::short_line` gives them in English for the shell.

use crate::i18n::{tr, Lang};
use chrono::NaiveDate;

use crate::rules::engine::{RequirementStatus, Standing, Status, Unit};
use crate::units::hours::format_hours;

/// The verdict's word: "on track" or "behind".
pub fn verdict(st: &Status, lang: Lang) -> String {
    let id = if st.on_track {
        "tui-verdict-on-track"
    } else {
        "tui-verdict-behind"
    };
    tr(lang, id, &[])
}

/// One line: "karmadash 2026-27: 0/2 met, 11.00/52 h, next due 31.03.2027 (128 days), behind".
pub fn status_line(st: &Status, lang: Lang) -> String {
    let met = st.requirements.iter().filter(|r| r.met).count();
    let mut parts = vec![tr(
        lang,
        "tui-status-met",
        &[
            ("fy", st.fy.to_string().into()),
            ("met", met.into()),
            ("all", st.requirements.len().into()),
        ],
    )];
    if let Some(h) = st.requirements.iter().find(|r| r.unit == Unit::Hours) {
        let done = format_hours(h.seconds.unwrap_or(0));
        let target = h.target.to_string();
        parts.push(tr(
            lang,
            "tui-status-hours",
            &[("done", done.into()), ("target", target.into())],
        ));
    }
    // The nearest date not yet passed of a requirement not met.
    let next = st
        .requirements
        .iter()
        .filter(|r| !r.met)
        .filter_map(|r| r.due.zip(r.days_left))
        .filter(|(_, n)| *n >= 0)
        .min();
    if let Some((due, days)) = next {
        let date = due.format("%d.%m.%Y").to_string();
        parts.push(tr(
            lang,
            "tui-status-next-due",
            &[("date", date.into()), ("days", days.into())],
        ));
    }
    let overdue = st
        .requirements
        .iter()
        .filter(|r| r.standing == Standing::Overdue)
        .count();
    if overdue > 0 {
        parts.push(tr(lang, "tui-status-overdue", &[("n", overdue.into())]));
    }
    parts.push(verdict(st, lang));
    parts.join(", ")
}

/// A requirement's gauge label: "3/15 courses · due 31.03.2027 (128 days left)".
pub fn gauge_label(r: &RequirementStatus, lang: Lang) -> String {
    let day = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
    let done = match r.unit {
        Unit::Hours => tr(
            lang,
            "tui-status-hours",
            &[
                ("done", format_hours(r.seconds.unwrap_or(0)).into()),
                ("target", r.target.to_string().into()),
            ],
        ),
        Unit::Courses => tr(
            lang,
            "tui-gauge-courses",
            &[("done", r.done.to_string().into()), ("n", r.target.into())],
        ),
        Unit::Registration if r.standing == Standing::Late => match (r.done_on, r.due) {
            (Some(on), Some(due)) => tr(
                lang,
                "tui-gauge-registered-late-on",
                &[("on", day(on).into()), ("due", day(due).into())],
            ),
            _ => tr(lang, "tui-gauge-registered-late", &[]),
        },
        Unit::Assessment if r.met => tr(lang, "tui-gauge-passed", &[]),
        Unit::Registration if r.met => match r.done_on {
            Some(on) => tr(lang, "tui-gauge-registered-on", &[("on", day(on).into())]),
            None => tr(lang, "tui-gauge-registered", &[]),
        },
        Unit::Assessment | Unit::Registration => tr(lang, "tui-gauge-not-yet", &[]),
    };
    let due = match (r.due, r.days_left) {
        (Some(d), Some(n)) if n >= 0 => tr(
            lang,
            "tui-gauge-due",
            &[("date", day(d).into()), ("days", n.into())],
        ),
        (Some(d), Some(n)) => tr(
            lang,
            "tui-gauge-was-due",
            &[("date", day(d).into()), ("days", (-n).into())],
        ),
        _ => tr(lang, "tui-gauge-no-date", &[]),
    };
    tr(
        lang,
        "tui-gauge",
        &[("done", done.into()), ("due", due.into())],
    )
}
