//! How the portal counts, beside how karmadash counts: UserReport's
//! `Course_Learning_Hours` (lifetime, Course completions with a
//! certificate) against the lifetime sum of the report rows, and the
//! reason for a difference where the rows show one.

use super::officer::{Flag, FlagKind, Officer};
use crate::units::hours::format_hours;

/// Under this, two counts agree: the portal rounds to 0.01 h (36 s).
const TOLERANCE_SECONDS: i64 = 60;

/// karmadash's lifetime sum: every counted Course completion of the
/// reports, whatever its financial year (none dated after its report).
pub fn lifetime_seconds(officer: &Officer) -> u64 {
    officer
        .completions
        .iter()
        .filter(|c| c.dated_after_report.is_none())
        .map(|c| u64::from(c.seconds))
        .sum()
}

/// The `portal-differs` flag, when the two counts differ by over a minute.
pub fn differs(officer: &Officer) -> Option<Flag> {
    let portal = officer.portal_hours.as_ref()?;
    let ours = lifetime_seconds(officer);
    let diff = i64::from(portal.seconds) - ours as i64;
    if diff.abs() <= TOLERANCE_SECONDS {
        return None;
    }
    Some(Flag {
        kind: FlagKind::PortalDiffers,
        text: format!(
            "the portal counts {} h (Course_Learning_Hours, {}), the report rows {} h: {}",
            format_hours(u64::from(portal.seconds)),
            portal.source,
            format_hours(ours),
            reason(officer, diff)
        ),
    })
}

/// What the rows show of a difference of `diff` seconds (portal less ours).
fn reason(officer: &Officer, diff: i64) -> String {
    let counted = officer
        .completions
        .iter()
        .filter(|c| c.dated_after_report.is_none());
    let uncertified: Vec<_> = counted
        .clone()
        .filter(|c| c.seconds > 0 && c.certificate.is_none())
        .collect();
    let programs: Vec<_> = counted
        .filter(|c| {
            c.seconds == 0
                && !c
                    .content_type
                    .as_deref()
                    .is_none_or(|t| t.eq_ignore_ascii_case("course"))
        })
        .collect();
    let close = |s: i64| (s - diff.abs()).abs() <= TOLERANCE_SECONDS;
    let titles = |v: &[&super::ReportCompletion]| {
        v.iter()
            .map(|c| format!("\"{}\"", c.title))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let uncertified_s: i64 = uncertified.iter().map(|c| i64::from(c.seconds)).sum();
    if diff < 0 && !uncertified.is_empty() {
        let all = if close(uncertified_s) {
            ""
        } else {
            " (part of the difference)"
        };
        return format!(
            "no certificate for {}{all}: the portal counts only completions with a certificate",
            titles(&uncertified)
        );
    }
    if diff > 0 && !programs.is_empty() {
        return format!(
            "a Program ({}): its courses may count on the portal without a row of their own here",
            titles(&programs)
        );
    }
    if diff > 0 {
        return format!(
            "a course not in the report: the portal counts {} h more than the rows of these reports show",
            format_hours(diff as u64)
        );
    }
    "the reason is not known from the report rows".to_string()
}
