//! `roster`: every officer of the cell, most urgent first, as a table,
//! CSV or JSON. Officers are read a chunk at a time and evaluated on every
//! core (`app::roster_listing`); the table and CSV keep a line per
//! officer, and `--json` prints each officer's whole standing as it goes,
//! so a state's roster lists in memory that does not grow with its rows.

use super::args::RosterArgs;
use super::output::{csv_table, emit, Cell, JsonArray, Table};
use super::roster_cmds::{defaults, designations, flag_kinds, tier_filter, worded_officer};
use super::{parse_fy, store, Context, Failure, Outcome, Problem};
use crate::app::roster_listing::{in_order, summaries};
use crate::catalogue::Catalogue;
use crate::i18n::{tr, Lang};
use crate::roster::cell::{apply_one, unreported, CellRecords};
use crate::roster::designations::Designations;
use crate::roster::urgency::UrgencyKey;
use crate::roster::{evaluate_officer, Defaults, Officer, OfficerId, OfficerStatus, Verdict};
use crate::rules::engine::RequirementStatus;
use crate::rules::fy::FinancialYear;
use crate::store::roster_reader::RosterReader;
use crate::units::hours::format_hours;
use std::collections::HashSet;

/// What the table and the CSV show of one officer.
struct Line {
    id: String,
    name: String,
    designation: String,
    tier: Option<String>,
    /// Seconds done and the target in hours, where an hours rule applies.
    hours: Option<(u64, f64)>,
    mandatory: Option<(f64, f64)>,
    verdict: Verdict,
    next_due: Option<chrono::NaiveDate>,
    flags: Vec<&'static str>,
}

impl Line {
    fn of(s: &OfficerStatus) -> Line {
        Line {
            id: s.officer.id.0.clone(),
            name: s.officer.name.clone(),
            designation: s.officer.designation.clone().unwrap_or_default(),
            tier: s.status.as_ref().and_then(|st| st.tier.id.clone()),
            hours: s.hours().map(|r| (r.seconds.unwrap_or(0), r.target)),
            mandatory: s
                .mandatory()
                .map(|r: &RequirementStatus| (r.done, r.target)),
            verdict: s.verdict(),
            next_due: s.next_due(),
            flags: flag_kinds(s),
        }
    }
}

/// What evaluating an officer needs, shared by both cores.
struct Evaluator<'a> {
    catalogue: &'a Catalogue,
    designations: &'a Designations,
    defaults: &'a Defaults,
    fy: FinancialYear,
    today: chrono::NaiveDate,
    /// What the cell says of its officers: its list, its exemptions.
    cell: &'a CellRecords,
    listed: HashSet<&'a OfficerId>,
    /// Listed officers no report names, evaluated with the rest.
    unreported: &'a [Officer],
    unreported_ids: HashSet<&'a OfficerId>,
}

impl Evaluator<'_> {
    fn status<'o>(&self, o: &'o Officer) -> OfficerStatus<'o> {
        let (c, d) = (self.catalogue, self.designations);
        let s = evaluate_officer(c, d, self.defaults, o, self.fy, self.today);
        let mut s = worded_officer(s);
        let reported = !self.unreported_ids.contains(&o.id);
        apply_one(&mut s, reported, &self.listed, self.cell, self.today);
        s
    }
}

pub fn list(ctx: &Context, args: &RosterArgs) -> Outcome {
    let fy = match &args.fy {
        Some(s) => parse_fy(s)?,
        None => FinancialYear::containing(ctx.today),
    };
    let store = store(ctx)?;
    // One open store at a time: sled locks it (the cell's records first).
    let cell = store.cell().map_err(Failure::from)?;
    let reader = store.roster_reader().map_err(Failure::from)?;
    let unreported = unreported_of(&reader, &cell)?;
    if reader.is_empty().map_err(Failure::from)? && unreported.is_empty() {
        return Err(Problem::EmptyRoster.into());
    }
    let tier = tier_filter(ctx, args)?;
    let department = department(&reader, args)?;
    let designations = designations(ctx)?;
    let defaults = defaults(args)?;
    let evaluator = Evaluator {
        catalogue: &ctx.catalogue,
        designations: &designations,
        defaults: &defaults,
        fy,
        today: ctx.today,
        cell: &cell,
        listed: cell.listed(),
        unreported: &unreported,
        unreported_ids: unreported.iter().map(|o| &o.id).collect(),
    };
    let keep = |s: &OfficerStatus| {
        let in_tier = tier
            .as_deref()
            .is_none_or(|t| s.status.as_ref().and_then(|st| st.tier.id.as_deref()) == Some(t));
        let in_department = department
            .as_deref()
            .is_none_or(|d| crate::roster::mdo::of_department(s.officer, d));
        in_tier && in_department && (!args.behind || s.verdict().needs_action())
    };
    if args.json {
        let rank = |o: &Officer| {
            let s = evaluator.status(o);
            keep(&s).then(|| (UrgencyKey::of(&s), o.id.0.clone()))
        };
        let mut ranked = summaries(&reader, rank).map_err(Failure::from)?;
        ranked.extend(unreported.iter().filter_map(rank));
        return print_json(&reader, ranked, &evaluator);
    }
    let line = |o: &Officer| {
        let s = evaluator.status(o);
        keep(&s).then(|| (UrgencyKey::of(&s), Line::of(&s)))
    };
    let mut lines = summaries(&reader, line).map_err(Failure::from)?;
    lines.extend(unreported.iter().filter_map(line));
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    let lines: Vec<Line> = lines.into_iter().map(|(_, l)| l).collect();
    if args.csv {
        return emit(&csv_rows(&lines));
    }
    let heading = tr(
        ctx.lang,
        "cli-roster-heading",
        &[
            ("fy", fy.to_string().into()),
            (
                "date",
                ctx.today
                    .min(fy.end())
                    .format("%d.%m.%Y")
                    .to_string()
                    .into(),
            ),
            ("n", lines.len().into()),
        ],
    );
    let table = roster_table(ctx.lang, &lines).render();
    let hint = tr(ctx.lang, "cli-roster-show-hint", &[]);
    emit(&format!("{heading}\n\n{table}\n{hint}\n"))
}

/// A verdict as the table for people shows it (CSV and JSON keep the id).
fn verdict_word(lang: Lang, v: Verdict) -> String {
    let id = match v {
        Verdict::Overdue => "cli-verdict-overdue",
        Verdict::Behind => "cli-verdict-behind",
        Verdict::Unmapped => "cli-verdict-unmapped",
        Verdict::OnPace => "cli-verdict-on-pace",
        Verdict::Met => "cli-verdict-met",
        Verdict::Exempt => "cli-verdict-exempt",
        Verdict::Unregistered => "cli-verdict-unregistered",
    };
    tr(lang, id, &[])
}

/// The officers on the cell's list that no report names.
fn unreported_of(reader: &RosterReader, cell: &CellRecords) -> Result<Vec<Officer>, Failure> {
    let ids: Vec<&str> = cell.expected.iter().map(|e| e.id.0.as_str()).collect();
    let present: HashSet<OfficerId> = reader
        .officers(&ids)
        .map_err(Failure::from)?
        .into_iter()
        .map(|o| o.id)
        .collect();
    Ok(unreported(&cell.expected, |id| present.contains(id)))
}

/// The department `--mdo` names, found among the departments and portal
/// ids the roster's officers have (a pass that keeps only those).
fn department(reader: &RosterReader, args: &RosterArgs) -> Result<Option<String>, Failure> {
    let Some(typed) = args.mdo.as_deref() else {
        return Ok(None);
    };
    let mut seen = summaries(reader, |o| Some((o.organisation.clone()?, o.mdoid.clone())))
        .map_err(Failure::from)?;
    seen.sort();
    seen.dedup();
    let known = crate::roster::mdo::distinct(seen.iter().map(|(d, _)| d.clone()));
    let ids: Vec<(&str, &str)> = seen
        .iter()
        .filter_map(|(d, m)| Some((m.as_deref()?, d.as_str())))
        .collect();
    crate::roster::mdo::find_among(known, &ids, typed)
        .map(Some)
        .map_err(|e| Failure::from(Problem::Department(e)))
}

/// Every ranked officer's whole standing, most urgent first: read again
/// in that order, a chunk at a time, and printed as it is encoded.
fn print_json(
    reader: &RosterReader,
    mut ranked: Vec<(UrgencyKey, String)>,
    evaluator: &Evaluator,
) -> Outcome {
    let (fy, as_of) = (evaluator.fy, evaluator.today.min(evaluator.fy.end()));
    ranked.sort_by(|a, b| a.0.cmp(&b.0));
    let ids: Vec<&str> = ranked.iter().map(|(_, id)| id.as_str()).collect();
    let mut array = JsonArray::start(&super::json::roster::roster_head(fy, as_of), "officers")?;
    in_order(
        reader,
        &ids,
        evaluator.unreported,
        |o| JsonArray::element(&super::json::roster::officer(&evaluator.status(o))),
        |element| array.push(&element?),
    )?;
    array.finish()
}

/// One line per officer: hours and mandatory courses done of the target.
fn roster_table(lang: Lang, lines: &[Line]) -> Table {
    let header = [
        "name", "tier", "hours", "mand", "verdict", "next-due", "flags",
    ]
    .map(|c| tr(lang, &format!("cli-roster-col-{c}"), &[]));
    let mut t = Table::new(&header.each_ref().map(String::as_str))
        .right(2)
        .right(3);
    for l in lines {
        t.row(vec![
            l.name.chars().take(22).collect(),
            l.tier.clone().unwrap_or_else(|| "-".into()),
            l.hours.map_or("-".into(), |(s, target)| {
                format!("{}/{target}", format_hours(s))
            }),
            l.mandatory
                .map_or("-".into(), |(done, target)| format!("{done}/{target}")),
            verdict_word(lang, l.verdict),
            l.next_due
                .map_or("-".into(), |d| d.format("%d.%m.%Y").to_string()),
            l.flags.join(","),
        ]);
    }
    t
}

fn csv_rows(lines: &[Line]) -> String {
    let num = |x: Option<f64>| {
        x.map(|x| format!("{}", (x * 100.0).round() / 100.0))
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
        lines.iter().map(|l| {
            vec![
                Cell::Text(&l.id),
                Cell::Text(&l.name),
                Cell::Text(&l.designation),
                Cell::Text(l.tier.as_deref().unwrap_or("")),
                Cell::Own(l.hours.map(|(s, _)| format_hours(s)).unwrap_or_default()),
                Cell::Own(num(l.hours.map(|(_, t)| t))),
                Cell::Own(num(l.mandatory.map(|(d, _)| d))),
                Cell::Own(num(l.mandatory.map(|(_, t)| t))),
                Cell::Own(l.verdict.word().into()),
                Cell::Own(l.next_due.map(|d| d.to_string()).unwrap_or_default()),
                Cell::Own(l.flags.join(";")),
            ]
        }),
    )
}
