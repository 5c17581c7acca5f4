//! `roster history`: the roster at each import's report time, per
//! department and tier; and the snapshot each import leaves behind.

use super::args_cell::RosterHistoryArgs;
use super::output::{csv_table, emit, json, Cell, Table};
use super::roster_cmds::{designations, worded_officer};
use super::{store, Context, Failure, Outcome};
use crate::roster::audit::Change;
use crate::roster::history::{snapshot, HistoryPoint};
use crate::roster::{evaluate_officer, Defaults};
use crate::rules::fy::FinancialYear;
use crate::store::roster::ImportedFile;
use crate::units::hours::format_hours;

/// After an import that changed the roster: the audit entry, and the
/// roster's snapshot at the report's time (the newest consumption
/// report's generation, else the newest file's), evaluated as of that
/// day as the dashboard does (no `--service` or `--state`). A snapshot
/// older than one already kept is not taken: the officers now have the
/// newer report's figures, which that day never saw.
pub(super) fn after_import(ctx: &Context, files: &[ImportedFile], officers: usize) -> Outcome {
    let store = store(ctx)?;
    let logged = super::roster_cell::entry(Change::Import {
        files: files.iter().map(|f| f.name.clone()).collect(),
        officers,
    });
    store.append_audit(&logged).map_err(Failure::from)?;
    let newest = |kind: Option<&str>| {
        files
            .iter()
            .filter(|f| kind.is_none_or(|k| f.kind == k))
            .filter_map(|f| f.snapshot_at)
            .max()
    };
    let at = newest(Some("consumption"))
        .or_else(|| newest(None))
        .unwrap_or_else(|| ctx.today.and_hms_opt(0, 0, 0).expect("midnight exists"));
    let kept = store.history().map_err(Failure::from)?;
    if kept.iter().any(|p| p.at > at) {
        return Ok(());
    }
    let roster = store.roster().map_err(Failure::from)?;
    let (all, cell) = super::roster_cell::listed(ctx, &roster.officers)?;
    let day = at.date();
    let fy = FinancialYear::containing(day);
    let table = designations(ctx)?;
    let mut rows: Vec<_> = all
        .iter()
        .map(|o| evaluate_officer(&ctx.catalogue, &table, &Defaults::default(), o, fy, day))
        .map(worded_officer)
        .collect();
    crate::roster::cell::apply(&mut rows, &roster.officers, &cell, day);
    store
        .record_history(&snapshot(at, &rows))
        .map_err(Failure::from)
}

pub fn history(ctx: &Context, a: &RosterHistoryArgs) -> Outcome {
    let points = store(ctx)?.history().map_err(Failure::from)?;
    if a.json {
        return json(&points);
    }
    if a.csv {
        return emit(&csv(&points));
    }
    if points.is_empty() {
        return emit("No history yet: each `karmadash roster import` keeps the roster at its report's time.\n");
    }
    let mut t = Table::new(&[
        "REPORT OF",
        "DEPARTMENT",
        "TIER",
        "OFFICERS",
        "ON PACE",
        "BEHIND",
        "HOURS DONE",
    ])
    .right(3)
    .right(4)
    .right(5)
    .right(6);
    for p in &points {
        t.row(vec![
            p.at.format("%d.%m.%Y %H:%M").to_string(),
            p.department.clone(),
            p.tier.clone(),
            p.officers.to_string(),
            p.on_pace.to_string(),
            p.behind.to_string(),
            format!("{}/{}", format_hours(p.seconds_done), p.hours_target),
        ]);
    }
    emit(&t.render())
}

fn csv(points: &[HistoryPoint]) -> String {
    csv_table(
        &[
            "at",
            "department",
            "tier",
            "officers",
            "on_pace",
            "behind",
            "hours_done",
            "hours_target",
        ],
        points.iter().map(|p| {
            vec![
                Cell::Own(p.at.format("%Y-%m-%dT%H:%M:%S").to_string()),
                own_or_text(&p.department),
                own_or_text(&p.tier),
                Cell::Own(p.officers.to_string()),
                Cell::Own(p.on_pace.to_string()),
                Cell::Own(p.behind.to_string()),
                Cell::Own(format_hours(p.seconds_done)),
                Cell::Own(p.hours_target.to_string()),
            ]
        }),
    )
}

/// "-" (none) is karmadash's own placeholder, not text from a report.
fn own_or_text(t: &str) -> Cell<'_> {
    if t == crate::roster::history::NONE {
        Cell::Own(t.into())
    } else {
        Cell::Text(t)
    }
}
