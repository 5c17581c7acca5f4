//! `status` in the chosen language: the long text and the prompt's short
//! line, every word through the Fluent catalogues (`cli-status-...`).
//! Layout (marks, indents, line breaks) stays here; the words do not.
//! Requirement texts and citations are the orders' own, as the catalogue
//! holds them.

use chrono::NaiveDate;

use crate::i18n::{tr, Arg, Lang};
use crate::rules::engine::{RequirementStatus, Standing, Status, Unit};
use crate::rules::tier::TierBasis;
use crate::units::hours::format_hours;
use crate::units::text::visible;

fn day(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// A standing in one word; the shortfalls shout in English.
pub fn standing(lang: Lang, s: Standing) -> String {
    let id = match s {
        Standing::Met => "cli-standing-met",
        Standing::Open => "cli-standing-open",
        Standing::Behind => "cli-standing-behind",
        Standing::Overdue => "cli-standing-overdue",
        Standing::Late => "cli-standing-late",
    };
    tr(lang, id, &[])
}

/// "3/15 courses", "12.50/52 h", "passed", "registered 24.03.2026".
pub fn progress(lang: Lang, r: &RequirementStatus) -> String {
    match r.unit {
        Unit::Hours => tr(
            lang,
            "cli-status-progress-hours",
            &[
                ("done", format_hours(r.seconds.unwrap_or(0)).into()),
                ("target", r.target.to_string().into()),
            ],
        ),
        Unit::Courses => tr(
            lang,
            "cli-status-progress-courses",
            &[
                ("done", r.done.to_string().into()),
                ("target", (r.target as i64).into()),
            ],
        ),
        Unit::Registration if r.standing == Standing::Late => match (r.done_on, r.due) {
            (Some(on), Some(due)) => tr(
                lang,
                "cli-status-registered-late-on",
                &[("on", day(on).into()), ("due", day(due).into())],
            ),
            _ => tr(lang, "cli-status-registered-late", &[]),
        },
        Unit::Assessment if r.met => tr(lang, "cli-status-passed", &[]),
        Unit::Registration if r.met => match r.done_on {
            Some(on) => tr(lang, "cli-status-registered-on", &[("on", day(on).into())]),
            // A roster officer the reports list, with no UserReport.
            None => tr(lang, "cli-status-registered-undated", &[]),
        },
        Unit::Assessment | Unit::Registration => tr(lang, "cli-status-not-yet", &[]),
    }
}

/// "due 31.03.2027 (128 days left)" or "was due ... (5 days ago)".
pub fn due(lang: Lang, r: &RequirementStatus) -> String {
    match (r.due, r.days_left) {
        (Some(d), Some(n)) if n >= 0 => tr(
            lang,
            "cli-status-due-in",
            &[("date", day(d).into()), ("n", n.into())],
        ),
        (Some(d), Some(n)) => tr(
            lang,
            "cli-status-was-due",
            &[("date", day(d).into()), ("n", (-n).into())],
        ),
        _ => tr(lang, "cli-status-no-date", &[]),
    }
}

/// How the tier was chosen, with the option or command that changes it.
pub fn tier_basis(lang: Lang, b: &TierBasis) -> String {
    match b {
        TierBasis::SetByHand => tr(lang, "cli-basis-set-by-hand", &[]),
        TierBasis::NoList { service } => {
            tr(lang, "cli-basis-no-list", &[("service", service.into())])
        }
        TierBasis::OnlyTier { service } => {
            tr(lang, "cli-basis-only-tier", &[("service", service.into())])
        }
        TierBasis::YearsOfService {
            years,
            fy,
            batch,
            label,
        } => tr(
            lang,
            "cli-basis-years",
            &[
                ("years", (*years).into()),
                ("fy", fy.to_string().into()),
                ("start", fy.start_year.to_string().into()),
                ("batch", batch.to_string().into()),
                ("label", label.into()),
            ],
        ),
        TierBasis::SetByCell => tr(lang, "cli-basis-set-by-cell", &[]),
        TierBasis::Designation { designation } => tr(
            lang,
            "cli-basis-designation",
            &[("designation", designation.into())],
        ),
    }
}

/// The long answer of `status` (and `roster show`).
pub fn long_text(lang: Lang, st: &Status) -> String {
    let none = tr(lang, "cli-status-no-tier", &[]);
    let mut out = tr(
        lang,
        "cli-status-heading",
        &[
            ("fy", st.fy.to_string().into()),
            ("date", day(st.as_of).into()),
            ("tier", st.tier.id.as_deref().unwrap_or(&none).into()),
            ("basis", tier_basis(lang, &st.tier.basis).into()),
        ],
    );
    out.push_str("\n\n");
    for r in &st.requirements {
        let mark = if r.met { "[x]" } else { "[ ]" };
        out.push_str(&format!(
            "{mark} {}\n    {}\n    {}\n",
            r.text,
            tr(
                lang,
                "cli-status-requirement-line",
                &[
                    ("progress", progress(lang, r).into()),
                    ("standing", standing(lang, r.standing).into()),
                    ("due", due(lang, r).into()),
                ],
            ),
            r.citation
        ));
        if !r.open.is_empty() && r.open.len() <= 15 {
            let open: Vec<_> = r.open.iter().map(|t| visible(t)).collect();
            let open = open.join("; ");
            let line = tr(lang, "cli-status-still-open", &[("open", open.into())]);
            out.push_str(&format!("    {line}\n"));
        }
    }
    if st.requirements.is_empty() {
        out.push_str(&tr(lang, "cli-status-no-requirement", &[]));
        out.push('\n');
    }
    let verdict = if st.on_track {
        tr(lang, "cli-status-on-track-long", &[])
    } else {
        let n: Arg = st.shortfalls().count().into();
        tr(lang, "cli-status-behind-long", &[("n", n)])
    };
    let rule = tr(lang, "cli-status-counting-rule", &[]);
    out.push_str(&format!("\n{verdict}\n{rule}\n"));
    out
}

/// One line for a prompt: "karmadash 2026-27: 3/5 met, 12.00/52 h, next
/// due 31.03.2027 (128 days), on track".
pub fn short_line(lang: Lang, st: &Status) -> String {
    let met = st.requirements.iter().filter(|r| r.met).count();
    let mut parts = vec![tr(
        lang,
        "cli-short-met",
        &[
            ("fy", st.fy.to_string().into()),
            ("met", met.to_string().into()),
            ("all", st.requirements.len().to_string().into()),
        ],
    )];
    if let Some(h) = st.requirements.iter().find(|r| r.unit == Unit::Hours) {
        parts.push(progress(lang, h));
    }
    let next = st
        .requirements
        .iter()
        .filter(|r| !r.met)
        .filter_map(|r| r.due.zip(r.days_left))
        .filter(|(_, n)| *n >= 0)
        .min();
    if let Some((d, days)) = next {
        let args = [("date", day(d).into()), ("n", days.into())];
        parts.push(tr(lang, "cli-short-next-due", &args));
    }
    let overdue = st
        .requirements
        .iter()
        .filter(|r| r.standing == Standing::Overdue)
        .count();
    if overdue > 0 {
        parts.push(tr(lang, "cli-short-overdue", &[("n", overdue.into())]));
    }
    let verdict = if st.on_track {
        "cli-short-on-track"
    } else {
        "cli-short-behind"
    };
    parts.push(tr(lang, verdict, &[]));
    // A list of clauses, each a whole message: the separator is punctuation.
    parts.join(", ")
}
