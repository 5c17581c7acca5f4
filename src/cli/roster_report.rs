//! `roster report`: what a training cell takes to the review meeting
//! (Delhi reviews in June 2026): every officer by department and then by
//! tier, totals per tier, and which reports of which day the figures come
//! from.

use std::collections::{BTreeMap, BTreeSet};

use super::args::{ReportFormat, RosterArgs, RosterReportArgs};
use super::json::roster::TierTotals;
use super::output::{csv_table, emit, json, Cell};
use super::roster_cmds::{evaluated, flag_kinds};
use super::{parse_fy, store, Context, Failure, Outcome, Problem};
use crate::roster::{Officer, OfficerStatus, Verdict};
use crate::rules::fy::FinancialYear;
use crate::store::roster::{ImportRecord, ImportedFile};
use crate::units::hours::format_hours;
use crate::units::text::markdown_cell;

/// The tier of officers no tier holds: a placeholder of karmadash's own.
const NO_TIER: &str = "-";

/// A department (None: the reports name none) and a tier: one group.
type Group = (Option<String>, String);

/// The totals of each department, then each tier within it.
fn totals<'a>(
    ctx: &Context,
    rows: &'a [OfficerStatus<'a>],
) -> (Vec<TierTotals>, BTreeMap<Group, Vec<&'a OfficerStatus<'a>>>) {
    let mut by_tier: BTreeMap<Group, Vec<&OfficerStatus>> = BTreeMap::new();
    for s in rows {
        let tier = s
            .status
            .as_ref()
            .and_then(|st| st.tier.id.clone())
            .unwrap_or_else(|| NO_TIER.into());
        let department = s.officer.organisation.as_deref().map(|d| {
            // One spelling per department, whatever the case of a report.
            rows.iter()
                .filter_map(|r| r.officer.organisation.as_deref())
                .find(|k| crate::roster::Departments::same_name(k, d))
                .unwrap_or(d)
                .to_string()
        });
        by_tier.entry((department, tier)).or_default().push(s);
    }
    // In each department, the officers no tier holds come last.
    let mut order: Vec<&Group> = by_tier.keys().collect();
    order.sort_by_key(|(d, t)| (d.clone(), t.as_str() == NO_TIER, t.to_string()));
    let tiers = order
        .into_iter()
        .map(|group| (group, &by_tier[group]))
        .map(|((department, tier), officers)| {
            let mut t = TierTotals {
                department: department.clone(),
                tier: tier.clone(),
                label: ctx
                    .catalogue
                    .tier(tier)
                    .map_or_else(|| "not placed in a tier".into(), |t| t.label.clone()),
                officers: officers.len(),
                ..TierTotals::default()
            };
            for s in officers {
                match s.verdict() {
                    Verdict::Met => t.met += 1,
                    Verdict::OnPace => t.on_pace += 1,
                    Verdict::Behind => t.behind += 1,
                    Verdict::Overdue => t.overdue += 1,
                    Verdict::Unmapped => {}
                    Verdict::Unregistered => t.unregistered += 1,
                    // Out of every denominator, counted apart.
                    Verdict::Exempt => {
                        t.exempt += 1;
                        t.officers -= 1;
                        continue;
                    }
                }
                if let Some(h) = s.hours() {
                    t.seconds_done += h.seconds.unwrap_or(0);
                    t.hours_target += h.target;
                }
            }
            t
        })
        .collect();
    (tiers, by_tier)
}

pub fn report(ctx: &Context, args: &RosterArgs, a: &RosterReportArgs) -> Outcome {
    let fy = match a.fy.as_deref().or(args.fy.as_deref()) {
        Some(s) => parse_fy(s)?,
        None => FinancialYear::containing(ctx.today),
    };
    let roster = store(ctx)?.roster().map_err(Failure::from)?;
    let (all, cell) = super::roster_cell::listed(ctx, &roster.officers)?;
    if all.is_empty() {
        return Err(Problem::EmptyRosterToReport.into());
    }
    let all = super::roster_cmds::of_department(args, all)?;
    let mut rows = evaluated(ctx, args, (&all, &roster.officers, &cell), fy)?;
    rows.sort_by(|x, y| {
        x.verdict()
            .cmp(&y.verdict())
            .then(x.officer.name.cmp(&y.officer.name))
    });
    let (tiers, by_tier) = totals(ctx, &rows);
    let as_of = ctx.today.min(fy.end());
    match a.format {
        ReportFormat::Json => json(&super::json::roster::report(
            fy,
            as_of,
            &roster.imports,
            &tiers,
        )),
        ReportFormat::Csv => emit(&csv_totals(&tiers)),
        ReportFormat::Md => emit(&markdown(
            fy,
            as_of,
            &all,
            &roster.imports,
            &tiers,
            &by_tier,
        )),
    }
}

fn csv_totals(tiers: &[TierTotals]) -> String {
    csv_table(
        &[
            "tier",
            "label",
            "officers",
            "met",
            "on_pace",
            "behind",
            "overdue",
            "hours_done",
            "hours_target",
            "unregistered",
            "exempt",
            "department",
        ],
        tiers.iter().map(|t| {
            vec![
                // "-" (no tier) is karmadash's own placeholder, not text.
                if t.tier == NO_TIER {
                    Cell::Own(NO_TIER.into())
                } else {
                    Cell::Text(&t.tier)
                },
                Cell::Text(&t.label),
                Cell::Own(t.officers.to_string()),
                Cell::Own(t.met.to_string()),
                Cell::Own(t.on_pace.to_string()),
                Cell::Own(t.behind.to_string()),
                Cell::Own(t.overdue.to_string()),
                Cell::Own(format_hours(t.seconds_done)),
                Cell::Own(t.hours_target.to_string()),
                Cell::Own(t.unregistered.to_string()),
                Cell::Own(t.exempt.to_string()),
                Cell::Text(t.department.as_deref().unwrap_or("")),
            ]
        }),
    )
}

/// "FILE (consumption report, generated ...): 24 rows read, 1 refused".
fn source_line(f: &ImportedFile) -> String {
    let read = f.rows.saturating_sub(f.rejected);
    format!(
        "{} ({} report{}): {read} row{} read, {} refused",
        markdown_cell(&f.name),
        f.kind,
        f.generated_on
            .as_deref()
            .map(|g| format!(", generated {g}"))
            .unwrap_or_default(),
        if read == 1 { "" } else { "s" },
        f.rejected
    )
}

/// The files the roster's figures come from (each as its latest import
/// logged it); the last import's, for officers stored before that was kept.
fn sources<'a>(officers: &[Officer], imports: &'a [ImportRecord]) -> Vec<&'a ImportedFile> {
    let mut names: BTreeSet<&str> = BTreeSet::new();
    for o in officers {
        let s = &o.snapshots;
        for snap in [&s.completions, &s.assignments, &s.details]
            .into_iter()
            .flatten()
        {
            names.extend(snap.files.iter().map(String::as_str));
        }
    }
    if names.is_empty() {
        return imports
            .last()
            .map(|i| i.files.iter().collect())
            .unwrap_or_default();
    }
    names
        .into_iter()
        .filter_map(|n| {
            imports
                .iter()
                .rev()
                .flat_map(|i| &i.files)
                .find(|f| f.name == n)
        })
        .collect()
}

/// One tier's officers as a Markdown table.
fn officer_table<'a>(rows: impl Iterator<Item = &'a &'a OfficerStatus<'a>>) -> String {
    let mut out = String::from(
        "| Officer | Designation | Hours | Mandatory | Verdict | Flags |\n|---|---|---|---|---|---|\n",
    );
    for s in rows {
        let hours = s.hours().map_or("-".into(), |h| {
            format!("{}/{}", format_hours(h.seconds.unwrap_or(0)), h.target)
        });
        let mandatory = s
            .mandatory()
            .map_or("-".into(), |m| format!("{}/{}", m.done, m.target));
        out.push_str(&format!(
            "| {} | {} | {hours} | {mandatory} | {} | {} |\n",
            markdown_cell(&s.officer.name),
            markdown_cell(s.officer.designation.as_deref().unwrap_or("")),
            s.verdict().word(),
            flag_kinds(s).join(", ")
        ));
    }
    out
}

fn markdown(
    fy: FinancialYear,
    as_of: chrono::NaiveDate,
    officers: &[Officer],
    imports: &[ImportRecord],
    tiers: &[TierTotals],
    by_tier: &BTreeMap<Group, Vec<&OfficerStatus>>,
) -> String {
    // A heading per department when the roster holds several.
    let several = tiers
        .iter()
        .filter_map(|t| t.department.as_deref())
        .collect::<BTreeSet<_>>()
        .len()
        > 1;
    let mut department = None;
    let mut out = format!(
        "# Mandatory iGOT training, FY {fy}, as of {}\n\n",
        as_of.format("%d.%m.%Y")
    );
    let files = sources(officers, imports);
    if !files.is_empty() {
        out.push_str("From the portal's reports:\n\n");
        for f in files {
            out.push_str(&format!("- {}\n", source_line(f)));
        }
    }
    for t in tiers {
        if several && department != Some(&t.department) {
            department = Some(&t.department);
            out.push_str(&format!(
                "\n## {}\n",
                markdown_cell(t.department.as_deref().unwrap_or("No department named"))
            ));
        }
        out.push_str(&format!(
            "\n{} {} ({}): {} officer{}\n\n",
            if several { "###" } else { "##" },
            markdown_cell(&t.label),
            t.tier,
            t.officers,
            if t.officers == 1 { "" } else { "s" }
        ));
        let group = (t.department.clone(), t.tier.clone());
        out.push_str(&officer_table(by_tier.get(&group).into_iter().flatten()));
        out.push_str(&format!(
            "\nMet {}, on pace {}, behind {}, overdue {}",
            t.met, t.on_pace, t.behind, t.overdue
        ));
        if t.unregistered > 0 {
            out.push_str(&format!(", unregistered {}", t.unregistered));
        }
        if t.exempt > 0 {
            out.push_str(&format!(", and {} exempt (not counted)", t.exempt));
        }
        if t.hours_target > 0.0 {
            out.push_str(&format!(
                "; hours {} of {}",
                format_hours(t.seconds_done),
                t.hours_target
            ));
        }
        out.push_str(".\n");
    }
    out
}
