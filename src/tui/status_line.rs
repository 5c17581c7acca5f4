//! The dashboard's status line in the chosen language: the year's
//! requirements met, the hours, the next due date and the verdict, as
//! `Status::short_line` gives them in English for the shell.

use crate::i18n::{tr, Lang};
use crate::rules::engine::{Standing, Status, Unit};
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
