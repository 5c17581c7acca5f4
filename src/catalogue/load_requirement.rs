//! A rulebook's `[[requirement]]` tables: the kind, found by its name in
//! `RequirementKind::ALL`, with the parameters that kind needs, checked.

use std::ops::Range;

use super::load::{parse_date, parse_service, FileCtx, LoadError};
use super::model::{CountWindow, CourseScope, RequirementKind, RequirementSpec, Service};
use super::raw::RawRequirement;
use crate::units::fy::FinancialYear;

pub(super) fn parse_requirement(
    ctx: &FileCtx,
    span: Range<usize>,
    r: RawRequirement,
    rulebook_services: &[Service],
) -> Result<RequirementSpec, LoadError> {
    let err = |m: String| ctx.err(span.clone(), m);
    let kind = parse_kind(&r).map_err(err)?;
    let services = match &r.services {
        None => None,
        Some(list) => {
            let parsed = list
                .iter()
                .map(|s| parse_service(ctx, span.clone(), s))
                .collect::<Result<Vec<_>, _>>()?;
            if let Some(s) = parsed.iter().find(|s| !rulebook_services.contains(s)) {
                return Err(err(format!(
                    "requirement names service '{s}', which the rulebook does not apply to"
                )));
            }
            Some(parsed)
        }
    };
    let due = match &r.due {
        None => None,
        Some(s) => Some(
            parse_date(s)
                .ok_or_else(|| err(format!("due '{s}' is not a date: write YYYY-MM-DD")))?,
        ),
    };
    let fy = |s: &Option<String>| -> Result<Option<FinancialYear>, LoadError> {
        s.as_deref()
            .map(|s| {
                s.parse()
                    .map_err(|e: crate::units::fy::FyParseError| err(e.to_string()))
            })
            .transpose()
    };
    let (first_fy, last_fy) = (fy(&r.first_fy)?, fy(&r.last_fy)?);
    if let (Some(a), Some(b)) = (first_fy, last_fy) {
        if a > b {
            return Err(err(format!("first_fy {a} is after last_fy {b}")));
        }
    }
    if r.text.trim().is_empty() {
        return Err(err(
            "requirement text is empty: say in plain words what the officer must do".into(),
        ));
    }
    Ok(RequirementSpec {
        kind,
        text: r.text,
        clause: r.clause,
        services,
        first_fy,
        last_fy,
        due,
        origin: ctx.origin(span),
    })
}

/// The kind named by `r.kind`, with its parameters; the message says what
/// is missing.
fn parse_kind(r: &RawRequirement) -> Result<RequirementKind, String> {
    let name = r.kind.as_str();
    let template = RequirementKind::ALL
        .iter()
        .find(|k| k.id() == name)
        .ok_or_else(|| {
            let names: Vec<&str> = RequirementKind::ALL.iter().map(|k| k.id()).collect();
            format!(
                "unknown requirement kind '{name}' (expected one of {})",
                names.join(", ")
            )
        })?;
    let need_count = || {
        r.count
            .filter(|c| *c > 0)
            .ok_or_else(|| format!("requirement '{name}' needs count = N (at least 1)"))
    };
    Ok(match template {
        RequirementKind::ShareOfPrescribed { .. } => match r.share {
            Some(share) if share > 0.0 && share <= 1.0 => {
                RequirementKind::ShareOfPrescribed { share }
            }
            _ => return Err(format!("{name} needs share between 0 and 1 (0.5 for 50%)")),
        },
        RequirementKind::HoursPerFy { .. } => match r.hours {
            Some(hours) if hours > 0.0 && hours.is_finite() => {
                RequirementKind::HoursPerFy { hours }
            }
            _ => return Err(format!("{name} needs hours = a positive number")),
        },
        RequirementKind::CoursesByDate { .. } => {
            let (scope, window) = parse_scope_window(r)?;
            RequirementKind::CoursesByDate {
                count: need_count()?,
                scope,
                window,
            }
        }
        RequirementKind::OwnChoicePerHalfYear { .. } => RequirementKind::OwnChoicePerHalfYear {
            count: need_count()?,
        },
        RequirementKind::AssignedCourses { .. } => RequirementKind::AssignedCourses {
            count: need_count()?,
        },
        RequirementKind::AllMandatory
        | RequirementKind::AssessmentPassed
        | RequirementKind::Registration => template.clone(),
    })
}

fn parse_scope_window(r: &RawRequirement) -> Result<(CourseScope, CountWindow), String> {
    let name = &r.kind;
    let scope = match r.scope.as_deref() {
        Some("any") => CourseScope::Any,
        Some("mandatory") => CourseScope::Mandatory,
        _ => return Err(format!("{name} needs scope = \"any\" or \"mandatory\"")),
    };
    let window = match r.window.as_deref() {
        Some("fy") => CountWindow::Fy,
        Some("until-due") => CountWindow::UntilDue,
        _ => return Err(format!("{name} needs window = \"fy\" or \"until-due\"")),
    };
    if window == CountWindow::UntilDue && r.due.is_none() {
        return Err("window = \"until-due\" needs a due date".into());
    }
    Ok((scope, window))
}
