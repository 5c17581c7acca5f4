//! What `roster show` adds below the completions: the portal's own count
//! of hours beside karmadash's, and the assessment attempts, each with the
//! report row behind it.

use crate::roster::portal::lifetime_seconds;
use crate::roster::{Officer, ReportAssessment};
use crate::units::hours::format_hours;

pub fn text(officer: &Officer) -> String {
    let mut out = String::new();
    if let Some(p) = &officer.portal_hours {
        out.push_str(&format!(
            "\nLearning hours, lifetime: the portal {} h (Course_Learning_Hours, {}), the report rows {} h.\n",
            format_hours(u64::from(p.seconds)),
            p.source,
            format_hours(lifetime_seconds(officer))
        ));
    }
    if !officer.assessments.is_empty() {
        out.push_str("\nAssessments, from the report rows (the latest attempt of each):\n");
        let mut attempts: Vec<&ReportAssessment> = officer.assessments.iter().collect();
        attempts.sort_by_key(|a| a.attempted);
        for a in attempts {
            out.push_str(&format!("  {}\n", attempt(a)));
        }
    }
    out
}

fn attempt(a: &ReportAssessment) -> String {
    let score = match (&a.percentage, &a.cut_off) {
        (Some(p), Some(c)) => format!(" {p}% (cut-off {c})"),
        (Some(p), None) => format!(" {p}%"),
        _ => String::new(),
    };
    let tries = match a.attempts {
        Some(1) => ", 1 attempt".to_string(),
        Some(n) => format!(", {n} attempts (No of Retakes)"),
        None => String::new(),
    };
    format!(
        "{}  {}{score}  {}{}{tries}{}  ({})",
        a.attempted.map_or("date unknown".to_string(), |d| d
            .format("%d.%m.%Y")
            .to_string()),
        if a.passed { "passed" } else { "failed" },
        a.name,
        if a.comprehensive {
            " [comprehensive]"
        } else {
            ""
        },
        if a.earlier {
            "; an earlier attempt, from an older report"
        } else {
            ""
        },
        a.source
    )
}
