//! `roster`, `roster show`, `roster tier`: the cell's officers through
//! the engine `status` uses, most urgent first.

use super::args::{RosterAction, RosterArgs, RosterShowArgs, RosterTierArgs};
use super::output::{csv_table, emit, json, Cell, Table};
use super::{parse_fy, roster_import, store, Context, Failure, Outcome, Problem};
use crate::catalogue::Service;
use crate::roster::cell::CellRecords;
use crate::roster::designations::Designations;
use crate::roster::{evaluate_officer, Defaults, FlagKind, Officer, OfficerStatus};
use crate::rules::engine::RequirementStatus;
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
        None => list(ctx, args),
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

fn list(ctx: &Context, args: &RosterArgs) -> Outcome {
    let fy = match &args.fy {
        Some(s) => parse_fy(s)?,
        None => FinancialYear::containing(ctx.today),
    };
    let roster = store(ctx)?.roster().map_err(Failure::from)?;
    let (all, cell) = super::roster_cell::listed(ctx, &roster.officers)?;
    if all.is_empty() {
        return Err(Problem::EmptyRoster.into());
    }
    let tier = tier_filter(ctx, args)?;
    let mut rows: Vec<OfficerStatus> = evaluated(ctx, args, (&all, &roster.officers, &cell), fy)?
        .into_iter()
        .filter(|s| {
            tier.as_deref()
                .is_none_or(|t| s.status.as_ref().and_then(|st| st.tier.id.as_deref()) == Some(t))
        })
        .filter(|s| !args.behind || s.verdict().needs_action())
        .collect();
    // Most urgent first; then the least share of the hours done.
    rows.sort_by(crate::roster::urgency::by_urgency);
    if args.json {
        let as_of = ctx.today.min(fy.end());
        return json(&super::json::roster::roster(fy, as_of, &rows));
    }
    if args.csv {
        return emit(&csv_rows(&rows));
    }
    emit(&format!(
        "Financial year {fy} as of {}: {} officer{}.\n\n{}\n`karmadash roster show NAME` (or e-mail, or the start of either) gives one officer's requirements and the report rows behind them.\n",
        ctx.today.min(fy.end()).format("%d.%m.%Y"),
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        roster_table(&rows).render()
    ))
}

/// The tier id `--tier` names, if given.
fn tier_filter(ctx: &Context, args: &RosterArgs) -> Result<Option<String>, Failure> {
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

/// One line per officer: hours and mandatory courses done of the target.
fn roster_table(rows: &[OfficerStatus]) -> Table {
    let mut t = Table::new(&[
        "NAME", "TIER", "HOURS", "MAND", "VERDICT", "NEXT DUE", "FLAGS",
    ])
    .right(2)
    .right(3);
    for s in rows {
        let frac = |r: Option<&RequirementStatus>, h: bool| {
            r.map_or("-".to_string(), |r| {
                if h {
                    format!("{}/{}", format_hours(r.seconds.unwrap_or(0)), r.target)
                } else {
                    format!("{}/{}", r.done, r.target)
                }
            })
        };
        let flags = flag_kinds(s).join(",");
        let name: String = s.officer.name.chars().take(22).collect();
        t.row(vec![
            name,
            s.status
                .as_ref()
                .and_then(|st| st.tier.id.clone())
                .unwrap_or_else(|| "-".into()),
            frac(s.hours(), true),
            frac(s.mandatory(), false),
            s.verdict().word().into(),
            s.next_due()
                .map_or("-".into(), |d| d.format("%d.%m.%Y").to_string()),
            flags,
        ]);
    }
    t
}

fn csv_rows(rows: &[OfficerStatus]) -> String {
    let num = |r: Option<&RequirementStatus>, f: fn(&RequirementStatus) -> f64| {
        r.map(|r| format!("{}", (f(r) * 100.0).round() / 100.0))
            .unwrap_or_default()
    };
    csv_table(
        &[
            "officer",
            "name",
            "designation",
            "tier",
            "hours_done",
            "hours_target",
            "mandatory_done",
            "mandatory_target",
            "verdict",
            "next_due",
            "flags",
        ],
        rows.iter().map(|s| {
            vec![
                Cell::Text(s.officer.id.0.as_str()),
                Cell::Text(&s.officer.name),
                Cell::Text(s.officer.designation.as_deref().unwrap_or("")),
                Cell::Text(
                    s.status
                        .as_ref()
                        .and_then(|st| st.tier.id.as_deref())
                        .unwrap_or(""),
                ),
                Cell::Own(
                    s.hours()
                        .map(|r| format_hours(r.seconds.unwrap_or(0)))
                        .unwrap_or_default(),
                ),
                Cell::Own(num(s.hours(), |r| r.target)),
                Cell::Own(num(s.mandatory(), |r| r.done)),
                Cell::Own(num(s.mandatory(), |r| r.target)),
                Cell::Own(s.verdict().word().into()),
                Cell::Own(s.next_due().map(|d| d.to_string()).unwrap_or_default()),
                Cell::Own(flag_kinds(s).join(";")),
            ]
        }),
    )
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
        Some(st) => out.push_str(&super::status_cmds::long_text(st)),
        None => out.push_str("No verdict: the officer cannot be placed in a tier.\n"),
    }
    if !s.flags.is_empty() {
        let future = s.flags.iter().any(|f| f.kind == FlagKind::FutureDate);
        out.push_str(if future {
            "\nFlags (they change no count; a future-dated completion is not counted):\n"
        } else {
            "\nFlags (they change no count):\n"
        });
        for f in &super::wording::officer_flags(&s) {
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
