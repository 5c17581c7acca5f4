//! `roster expect`, `exempt`, `unexempt` and `audit`: what the training
//! cell says beyond the reports (its list of officers, its exemptions),
//! each change logged with its time and user, and the log itself.

use super::args::RosterArgs;
use super::args_cell::{RosterAuditArgs, RosterExemptArgs, RosterExpectArgs, RosterUnexemptArgs};
use super::output::{emit, json, Table};
use super::roster_cmds::{defaults, designations, find, worded_officer};
use super::{parse_date, store, Context, Failure, Outcome, Problem};
use crate::roster::audit::{AuditEntry, Change};
use crate::roster::cell::{requirement_kinds, with_expected, CellRecords};
use crate::roster::{evaluate_officer, Officer, OfficerStatus};
use crate::rules::fy::FinancialYear;

/// The roster's officers with the cell's listed ones no report names, and
/// the cell's records.
pub(super) fn listed(
    ctx: &Context,
    officers: &[Officer],
) -> Result<(Vec<Officer>, CellRecords), Failure> {
    let cell = store(ctx)?.cell().map_err(Failure::from)?;
    Ok((with_expected(officers, &cell.expected), cell))
}

/// An audit entry for a change made now, by the login user.
pub(super) fn entry(change: Change) -> AuditEntry {
    crate::app::cell::entry(change)
}

/// `roster show`'s lines on what the cell says of the officer.
pub(super) fn cell_lines(s: &OfficerStatus) -> String {
    let mut out = String::new();
    if s.unregistered {
        out.push_str("Unregistered: on the cell's list, in no report of the portal (the Bihar orders give 15 days to register).\n");
    }
    if let Some(e) = &s.exemption {
        out.push_str(&format!("Exempt {}\n", e.period_and_reason()));
    }
    for e in &s.exempted_from {
        let kind = e.requirement.as_deref().unwrap_or_default();
        out.push_str(&format!("Exempt from {kind} {}\n", e.period_and_reason()));
    }
    out
}

pub fn expect(ctx: &Context, a: &RosterExpectArgs) -> Outcome {
    let name = a.file.display().to_string();
    super::transfer_cmds::regular_file(&a.file, super::failure::Wanted::Report)?;
    let file = std::fs::File::open(&a.file).map_err(|error| Problem::CannotOpen {
        name: name.clone(),
        error,
    })?;
    let refused = |e| Failure::from(Problem::ListRefused(e));
    let rows = crate::igot::read_listed(&name, file)
        .map_err(|e| refused(crate::roster::expect::ListError::Row(e)))?;
    let list = crate::roster::expect::expected(&name, rows).map_err(refused)?;
    let store = store(ctx)?;
    let roster = store.roster().map_err(Failure::from)?;
    let entry = entry(Change::Expect {
        file: name.clone(),
        officers: list.len(),
    });
    store.set_expected(&list, &entry).map_err(Failure::from)?;
    let reported: std::collections::HashSet<_> = roster.officers.iter().map(|o| &o.id).collect();
    let missing = list.iter().filter(|e| !reported.contains(&e.id)).count();
    let listed: std::collections::HashSet<_> = list.iter().map(|e| &e.id).collect();
    let unlisted = roster
        .officers
        .iter()
        .filter(|o| !listed.contains(&o.id))
        .count();
    emit(&format!(
        "{name}: {} officers on the cell's list; {missing} in no report (unregistered), {unlisted} in the reports but not on the list (not-on-list).\n",
        list.len()
    ))
}

/// The officer's standing, to check a requirement the cell names.
fn standing<'a>(
    ctx: &Context,
    args: &RosterArgs,
    o: &'a Officer,
) -> Result<OfficerStatus<'a>, Failure> {
    Ok(worded_officer(evaluate_officer(
        &ctx.catalogue,
        &designations(ctx)?,
        &defaults(args)?,
        o,
        FinancialYear::containing(ctx.today),
        ctx.today,
    )))
}

pub fn exempt(ctx: &Context, args: &RosterArgs, a: &RosterExemptArgs) -> Outcome {
    let reason = a.reason.trim();
    if reason.is_empty() {
        return Err(Problem::NoReason.into());
    }
    let until = a
        .until
        .as_deref()
        .map(|d| parse_date(d).map_err(|e| super::date_failure("--until", e)))
        .transpose()?;
    if let Some(u) = until.filter(|u| *u < ctx.today) {
        return Err(Problem::ExemptionEnded { until: u }.into());
    }
    let store = store(ctx)?;
    let roster = store.roster().map_err(Failure::from)?;
    let (all, _) = listed(ctx, &roster.officers)?;
    let officer = find(&all, &a.officer)?;
    if let Some(r) = &a.requirement {
        let s = standing(ctx, args, officer)?;
        let kinds = requirement_kinds(&s);
        if !kinds.contains(&r.as_str()) {
            return Err(Problem::NoSuchRequirement {
                officer: officer.name.clone(),
                requirement: r.clone(),
                kinds: kinds.join(", "),
            }
            .into());
        }
    }
    crate::app::cell::exempt(
        &store,
        &officer.id,
        reason,
        a.requirement.clone(),
        until,
        ctx.today,
    )
    .map_err(Failure::from)?;
    Ok(())
}

pub fn unexempt(ctx: &Context, a: &RosterUnexemptArgs) -> Outcome {
    let store = store(ctx)?;
    let roster = store.roster().map_err(Failure::from)?;
    let (all, _) = listed(ctx, &roster.officers)?;
    let officer = find(&all, &a.officer)?;
    let lifted = store
        .unexempt(&officer.id.0, a.requirement.as_deref(), |lifted| {
            entry(Change::Unexempt {
                officer: officer.id.0.clone(),
                requirement: a.requirement.clone(),
                lifted,
            })
        })
        .map_err(Failure::from)?;
    if lifted == 0 {
        return Err(Problem::NotExempt {
            officer: officer.name.clone(),
            id: officer.id.0.clone(),
        }
        .into());
    }
    Ok(())
}

/// One entry as `--json` gives it: the same keys for every change; the
/// change's own fields in `detail`.
fn audit_json(e: &AuditEntry) -> serde_json::Value {
    let officer = match &e.change {
        Change::Tier { officer, .. }
        | Change::Exempt { officer, .. }
        | Change::Unexempt { officer, .. } => Some(officer.clone()),
        Change::Import { .. } | Change::Expect { .. } => None,
    };
    let mut detail = serde_json::to_value(&e.change).unwrap_or_default();
    if let Some(map) = detail.as_object_mut() {
        map.remove("change");
    }
    serde_json::json!({
        "at": e.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        "user": e.user,
        "change": e.change.kind(),
        "officer": officer,
        "text": change_text(&e.change),
        "detail": detail,
    })
}

/// What one change was, in a line.
fn change_text(c: &Change) -> String {
    match c {
        Change::Import { files, officers } => {
            format!("import: {} ({officers} officers)", files.join(", "))
        }
        Change::Tier { officer, tier } => match tier {
            Some(t) => format!("tier: {officer} set to {t}"),
            None => format!("tier: {officer} back to the designations table"),
        },
        Change::Exempt {
            officer,
            reason,
            requirement,
            until,
        } => format!(
            "exempt: {officer} from {}{}: {reason}",
            requirement.as_deref().unwrap_or("every requirement"),
            until.map_or(String::new(), |u| format!(
                " until {}",
                u.format("%d.%m.%Y")
            ))
        ),
        Change::Unexempt {
            officer,
            requirement,
            ..
        } => format!(
            "unexempt: {officer}{}",
            requirement
                .as_deref()
                .map_or(String::new(), |r| format!(" ({r})"))
        ),
        Change::Expect { file, officers } => {
            format!("expect: {file} ({officers} officers on the list)")
        }
    }
}

pub fn audit(ctx: &Context, a: &RosterAuditArgs) -> Outcome {
    let log = store(ctx)?.audit().map_err(Failure::from)?;
    if a.json {
        return json(&log.iter().map(audit_json).collect::<Vec<_>>());
    }
    if log.is_empty() {
        return emit("No change yet: the audit log records each import, tier set by hand, exemption and list of officers.\n");
    }
    let mut t = Table::new(&["WHEN", "USER", "CHANGE"]);
    for e in &log {
        t.row(vec![
            e.at.format("%d.%m.%Y %H:%M:%S").to_string(),
            e.user.clone(),
            change_text(&e.change),
        ]);
    }
    emit(&t.render())
}
