//! `roster`, `roster show`, `roster tier`: the cell's officers through
//! the engine `status` uses, most urgent first.

use super::args::{RosterAction, RosterArgs, RosterShowArgs, RosterTierArgs};
use super::output::{emit, json};
use super::{parse_fy, roster_import, store, Context, Failure, Outcome, Problem};
use crate::catalogue::Service;
use crate::roster::cell::CellRecords;
use crate::roster::designations::Designations;
use crate::roster::{evaluate_officer, Defaults, FlagKind, Officer, OfficerStatus};
use crate::rules::fy::FinancialYear;
use crate::units::hours::format_hours;

pub fn roster(ctx: &Context, args: &RosterArgs) -> Outcome {
    match &args.action {
        Some(RosterAction::Import(a)) => roster_import::import(ctx, a),
        Some(RosterAction::Show(a)) => show(ctx, args, a),
        Some(RosterAction::Tier(a)) => tier(ctx, a),
        Some(RosterAction::Report(a)) => super::roster_report::report(ctx, args, a),
        Some(RosterAction::Expect(a)) => super::roster_cell::expect(ctx, a),
        Some(RosterAction::Exempt(a)) => super::roster_cell::exempt(ctx, args, a),
        Some(RosterAction::Unexempt(a)) => super::roster_cell::unexempt(ctx, a),
        Some(RosterAction::Audit(a)) => super::roster_cell::audit(ctx, a),
        Some(RosterAction::History(a)) => super::roster_history::history(ctx, a),
        Some(RosterAction::Notices(a)) => super::roster_notices::notices(ctx, args, a),
        None => super::roster_list::list(ctx, args),
    }
}

/// The built-in designations table, with a cell's `designations.toml`
/// from `--data DIR` over it.
pub(super) fn designations(ctx: &Context) -> Result<Designations, Failure> {
    crate::roster::cell_table::designations(&ctx.catalogue, ctx.data.as_deref())
        .map_err(Failure::from)
}

pub(super) fn defaults(args: &RosterArgs) -> Result<Defaults, Failure> {
    let service = args
        .service
        .as_deref()
        .map(|s| Service::parse_typed(s).map_err(|e| Failure::from(Problem::Service(e))))
        .transpose()?;
    let state = args
        .state
        .as_deref()
        .map(|s| {
            crate::units::states::parse_state(s)
                .map(str::to_string)
                .map_err(|e| Failure::from(Problem::State(e)))
        })
        .transpose()?;
    Ok(Defaults { service, state })
}

/// Every officer of `officers` (the reports' and the cell's listed ones,
/// `roster_cell::listed`) through the engine, with what the cell says of
/// them (`roster::cell::apply`).
pub(super) fn evaluated<'a>(
    ctx: &Context,
    args: &RosterArgs,
    (officers, reported, cell): (&'a [Officer], &[Officer], &CellRecords),
    fy: FinancialYear,
) -> Result<Vec<OfficerStatus<'a>>, Failure> {
    let designations = designations(ctx)?;
    let defaults = defaults(args)?;
    let mut rows: Vec<_> = officers
        .iter()
        .map(|o| evaluate_officer(&ctx.catalogue, &designations, &defaults, o, fy, ctx.today))
        .map(worded_officer)
        .collect();
    crate::roster::cell::apply(&mut rows, reported, cell, ctx.today);
    Ok(rows)
}

/// An officer's status with the CLI's wording of what to record.
pub(super) fn worded_officer(mut s: OfficerStatus) -> OfficerStatus {
    s.status = s.status.map(super::wording::worded);
    s
}

/// The officers of the department `--mdo` names, or all of them.
pub(super) fn of_department(
    args: &RosterArgs,
    officers: Vec<Officer>,
) -> Result<Vec<Officer>, Failure> {
    let Some(typed) = args.mdo.as_deref() else {
        return Ok(officers);
    };
    let department = crate::roster::mdo::find_department(&officers, typed)
        .map_err(|e| Failure::from(Problem::Department(e)))?;
    Ok(officers
        .into_iter()
        .filter(|o| crate::roster::mdo::of_department(o, &department))
        .collect())
}

/// The tier id `--tier` names, if given.
pub(super) fn tier_filter(ctx: &Context, args: &RosterArgs) -> Result<Option<String>, Failure> {
    args.tier
        .as_deref()
        .map(|t| {
            ctx.catalogue
                .find_tier(t)
                .map(|t| t.id.clone())
                .map_err(|e| super::wording::tier_failure("--tier", &e))
        })
        .transpose()
}

/// Each kind of flag once, for a table cell; `roster show` has the texts.
pub fn flag_kinds(s: &OfficerStatus) -> Vec<&'static str> {
    let mut kinds: Vec<_> = s.flags.iter().map(|f| f.kind).collect();
    kinds.sort();
    kinds.dedup();
    kinds.into_iter().map(|k| k.id()).collect()
}

/// The officer a cell typed (e-mail, or a unique prefix of a name or an
/// e-mail); the candidates when several match.
pub(super) fn find<'a>(officers: &'a [Officer], who: &str) -> Result<&'a Officer, Failure> {
    crate::roster::find_officer(officers, who).map_err(|e| super::wording::lookup_failure(&e))
}

fn show(ctx: &Context, args: &RosterArgs, a: &RosterShowArgs) -> Outcome {
    let fy = match a.fy.as_deref().or(args.fy.as_deref()) {
        Some(s) => parse_fy(s)?,
        None => FinancialYear::containing(ctx.today),
    };
    let roster = store(ctx)?.roster().map_err(Failure::from)?;
    let (all, cell) = super::roster_cell::listed(ctx, &roster.officers)?;
    let officer = find(&all, &a.officer)?;
    let designations = designations(ctx)?;
    let mut one = [worded_officer(evaluate_officer(
        &ctx.catalogue,
        &designations,
        &defaults(args)?,
        officer,
        fy,
        ctx.today,
    ))];
    crate::roster::cell::apply(&mut one, &roster.officers, &cell, ctx.today);
    let [s] = one;
    if a.json {
        return json(&super::json::roster::officer(&s));
    }
    let mut out = format!(
        "{} <{}>, {}\n",
        officer.name,
        officer.id,
        officer.designation.as_deref().unwrap_or("no designation")
    );
    out.push_str(&super::roster_cell::cell_lines(&s));
    match &s.status {
        Some(st) => out.push_str(&super::status_words::long_text(ctx.lang, st)),
        None => out.push_str("No verdict: the officer cannot be placed in a tier.\n"),
    }
    // An exemption from one requirement is said above, with the cell's lines.
    let flags: Vec<_> = super::wording::officer_flags(&s)
        .into_iter()
        .filter(|f| f.kind != FlagKind::ExemptRequirement)
        .collect();
    if !flags.is_empty() {
        let future = flags.iter().any(|f| f.kind == FlagKind::FutureDate);
        out.push_str(if future {
            "\nFlags (they change no count; a future-dated completion is not counted):\n"
        } else {
            "\nFlags (they change no count):\n"
        });
        for f in &flags {
            out.push_str(&format!("  {}: {}\n", f.kind.id(), f.text));
        }
    }
    out.push_str("\nCompletions, from the report rows:\n");
    for c in &officer.completions {
        let future = c.dated_after_report.is_some() || c.date > ctx.today;
        out.push_str(&format!(
            "  {}  {:>6} h  {}{}  ({}{})\n",
            c.date.format("%d.%m.%Y"),
            format_hours(u64::from(c.seconds)),
            c.title,
            if future {
                " (not counted: future-date)"
            } else {
                ""
            },
            c.source,
            if c.also.is_empty() {
                String::new()
            } else {
                format!(
                    "; also {}",
                    c.also
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        ));
    }
    out.push_str(&super::roster_sources::text(officer));
    emit(&out)
}

fn tier(ctx: &Context, a: &RosterTierArgs) -> Outcome {
    let tier = a
        .tier
        .as_deref()
        .map(|t| {
            ctx.catalogue
                .find_tier(t)
                .map_err(|e| super::wording::tier_failure("tier", &e))
        })
        .transpose()?;
    let store = store(ctx)?;
    let roster = store.roster().map_err(Failure::from)?;
    let officer = find(&roster.officers, &a.officer)?;
    // The tier names its service: an officer without one takes it; one
    // of another service is refused, never placed in a tier not theirs.
    let service = match (tier, officer.service) {
        (Some(t), Some(s)) if s != t.service => {
            return Err(Problem::TierOfAnotherService {
                officer: officer.name.clone(),
                id: officer.id.to_string(),
                service: s,
                tier: t.id.clone(),
                tier_service: t.service,
            }
            .into())
        }
        (Some(t), None) => Some(t.service),
        _ => None,
    };
    let entry = super::roster_cell::entry(crate::roster::audit::Change::Tier {
        officer: officer.id.0.clone(),
        tier: tier.map(|t| t.id.clone()),
    });
    store
        .set_officer_tier(&officer.id.0, tier.map(|t| t.id.as_str()), service, &entry)
        .map_err(Failure::from)?;
    match (tier, service) {
        (Some(t), Some(s)) => emit(&format!(
            "{} <{}>: tier {}, and service {}, which the tier names (no report gave one).\n",
            officer.name,
            officer.id,
            t.id,
            s.id().to_uppercase()
        )),
        _ => Ok(()),
    }
}
