//! A rulebook's `[[requirement]]` tables: the kind, found by its name in
//! `RequirementKind::ALL`, with the parameters that kind needs, checked.

use std::ops::Range;

use super::load::{parse_date, parse_service, FileCtx};
use super::load_error::LoadError;
use super::model::{CountWindow, CourseScope, RequirementKind, RequirementSpec, Service};
use super::raw::RawRequirement;
use crate::units::fy::{FinancialYear, FyParseError};

pub(super) fn parse_requirement(
    ctx: &FileCtx,
    span: Range<usize>,
    r: RawRequirement,
    rulebook_services: &[Service],
) -> Result<RequirementSpec, LoadError> {
    let err = |e: RequirementError| ctx.err(span.clone(), e);
    let kind = parse_kind(&r).map_err(err)?;
    let services = match &r.services {
        None => None,
        Some(list) => {
            let parsed = list
                .iter()
                .map(|s| parse_service(ctx, span.clone(), s))
                .collect::<Result<Vec<_>, _>>()?;
            if let Some(&s) = parsed.iter().find(|s| !rulebook_services.contains(s)) {
                return Err(err(RequirementError::Service(s)));
            }
            Some(parsed)
        }
    };
    let due = match &r.due {
        None => None,
        Some(s) => Some(parse_date(s).ok_or_else(|| err(RequirementError::Due(s.clone())))?),
    };
    let fy = |s: &Option<String>| -> Result<Option<FinancialYear>, LoadError> {
        s.as_deref()
            .map(|s| {
                s.parse()
                    .map_err(|e: FyParseError| err(RequirementError::Fy(e)))
            })
            .transpose()
    };
    let (first_fy, last_fy) = (fy(&r.first_fy)?, fy(&r.last_fy)?);
    if let (Some(a), Some(b)) = (first_fy, last_fy) {
        if a > b {
            return Err(err(RequirementError::FyOrder { first: a, last: b }));
        }
    }
    if r.text.trim().is_empty() {
        return Err(err(RequirementError::EmptyText));
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

/// Why a requirement table was refused: the kind named, and what it
/// lacks, in the rulebook's own field names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequirementError {
    #[error("unknown requirement kind '{0}' (expected one of {names})", names = kind_names())]
    UnknownKind(String),
    #[error("requirement '{0}' needs count = N (at least 1)")]
    Count(String),
    #[error("{0} needs share between 0 and 1 (0.5 for 50%)")]
    Share(String),
    #[error("{0} needs hours = a positive number")]
    Hours(String),
    #[error("{0} needs scope = \"any\" or \"mandatory\"")]
    Scope(String),
    #[error("{0} needs window = \"fy\" or \"until-due\"")]
    Window(String),
    #[error("window = \"until-due\" needs a due date")]
    UntilDueWithoutDue,
    /// A service the requirement names that its rulebook does not cover.
    #[error("requirement names service '{0}', which the rulebook does not apply to")]
    Service(Service),
    #[error("due '{0}' is not a date: write YYYY-MM-DD")]
    Due(String),
    #[error(transparent)]
    Fy(FyParseError),
    #[error("first_fy {first} is after last_fy {last}")]
    FyOrder {
        first: FinancialYear,
        last: FinancialYear,
    },
    #[error("requirement text is empty: say in plain words what the officer must do")]
    EmptyText,
}

fn kind_names() -> String {
    let names: Vec<&str> = RequirementKind::ALL.iter().map(|k| k.id()).collect();
    names.join(", ")
}

/// The kind named by `r.kind`, with its parameters; the error says what
/// is missing.
fn parse_kind(r: &RawRequirement) -> Result<RequirementKind, RequirementError> {
    let name = r.kind.as_str();
    let template = RequirementKind::ALL
        .iter()
        .find(|k| k.id() == name)
        .ok_or_else(|| RequirementError::UnknownKind(name.to_string()))?;
    let need_count = || {
        r.count
            .filter(|c| *c > 0)
            .ok_or_else(|| RequirementError::Count(name.to_string()))
    };
    Ok(match template {
        RequirementKind::ShareOfPrescribed { .. } => match r.share {
            Some(share) if share > 0.0 && share <= 1.0 => {
                RequirementKind::ShareOfPrescribed { share }
            }
            _ => return Err(RequirementError::Share(name.to_string())),
        },
        RequirementKind::HoursPerFy { .. } => match r.hours {
            Some(hours) if hours > 0.0 && hours.is_finite() => {
                RequirementKind::HoursPerFy { hours }
            }
            _ => return Err(RequirementError::Hours(name.to_string())),
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

fn parse_scope_window(r: &RawRequirement) -> Result<(CourseScope, CountWindow), RequirementError> {
    let name = &r.kind;
    let scope = match r.scope.as_deref() {
        Some("any") => CourseScope::Any,
        Some("mandatory") => CourseScope::Mandatory,
        _ => return Err(RequirementError::Scope(name.clone())),
    };
    let window = match r.window.as_deref() {
        Some("fy") => CountWindow::Fy,
        Some("until-due") => CountWindow::UntilDue,
        _ => return Err(RequirementError::Window(name.clone())),
    };
    if window == CountWindow::UntilDue && r.due.is_none() {
        return Err(RequirementError::UntilDueWithoutDue);
    }
    Ok((scope, window))
}
