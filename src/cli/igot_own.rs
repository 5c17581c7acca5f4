//! `import-igot`: one officer's own completed rows of a portal report
//! into their personal store, never a second record of a course.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use super::args::ImportIgotArgs;
use super::failure::Wanted;
use super::output::emit;
use super::roster_import::cannot_open;
use super::{store, Context, Failure, Outcome, Problem};
use crate::igot::{self, ReportError, ReportKind};
use crate::roster::personal::OwnRows;
use crate::roster::OfficerId;
use crate::rules::record::Completion;
use crate::store::Merged;
use crate::units::hours::format_hours;

/// `import-igot`: one officer's completed rows of a report into their own
/// store, in one write, never a second record of a course.
pub fn import_own(ctx: &Context, args: &ImportIgotArgs) -> Outcome {
    let who = OfficerId::from_parts(Some(&args.officer), None, None)
        .filter(|_| !args.officer.trim().is_empty())
        .ok_or(Problem::NoOfficerEmail)?;
    let name = args.file.display().to_string();
    let (own, rejected) = own_rows(ctx, &args.file, &name, &who)?;
    if own.completions.is_empty() && own.unusable.is_empty() && own.not_completed == 0 {
        return Err(Problem::NoRowOfOfficer {
            name,
            officer: who.to_string(),
        }
        .into());
    }
    let merged = record_own(ctx, own.completions, args.dry_run)?;
    let mut out = recorded_text(&merged.added, &merged.skipped, args.dry_run);
    for u in &own.unusable {
        out.push_str(&format!(
            "Not recorded: \"{}\" ({}): {}.\n",
            u.title,
            u.source,
            super::wording::unusable(&u.why)
        ));
    }
    if args.dry_run {
        out.push_str("Dry run: nothing was written.\n");
    }
    emit(&out)?;
    for e in &rejected {
        eprintln!("karmadash: not read: {e}");
    }
    if !rejected.is_empty() {
        return Err(Problem::OwnRowsUnread {
            rows: rejected.len(),
        }
        .into());
    }
    Ok(())
}

/// The officer's rows of a consumption report, and the rows it could not read.
fn own_rows(
    ctx: &Context,
    path: &Path,
    name: &str,
    who: &OfficerId,
) -> Result<(OwnRows, Vec<ReportError>), Failure> {
    super::transfer_cmds::regular_file(path, Wanted::Report)?;
    let file = File::open(path).map_err(|e| cannot_open(name, e))?;
    let mut input = BufReader::new(file);
    if ReportKind::sniff(name, &mut input).map_err(|e| Failure::from(Problem::Report(e)))?
        != ReportKind::Consumption
    {
        return Err(Problem::NotConsumptionReport {
            name: name.to_string(),
        }
        .into());
    }
    let mut own = OwnRows::default();
    let mut rejected = Vec::new();
    for row in igot::read_consumption(name, input).map_err(|e| Failure::from(Problem::Report(e)))? {
        match row {
            Ok(r) => own.add(who, name, r, &ctx.catalogue, ctx.today),
            Err(e) if e.whole_file => return Err(Problem::ReportNotRecorded(e).into()),
            Err(e) => rejected.push(e),
        }
    }
    Ok((own, rejected))
}

/// The completions added and those skipped as already recorded (with the
/// record that has them); with `dry_run`, what would be, writing nothing.
fn record_own(
    ctx: &Context,
    completions: Vec<Completion>,
    dry_run: bool,
) -> Result<Merged, Failure> {
    let store = store(ctx)?;
    if dry_run {
        let snap = store.snapshot().map_err(Failure::from)?;
        let (added, skipped) = crate::store::already_recorded(&snap.completions, completions);
        return Ok(Merged { added, skipped });
    }
    store.add_completions(completions).map_err(Failure::from)
}

/// What was (or would be) recorded, and what was already.
fn recorded_text(
    added: &[Completion],
    skipped: &[(Completion, Completion)],
    dry_run: bool,
) -> String {
    let verb = if dry_run {
        "would be recorded"
    } else {
        "recorded"
    };
    let mut out = format!(
        "{} completion{} {verb}",
        added.len(),
        if added.len() == 1 { "" } else { "s" }
    );
    out.push_str(if added.is_empty() { ".\n" } else { ":\n" });
    for c in added {
        out.push_str(&format!(
            "  {}  {:>6} h  {}\n",
            c.date.format("%d.%m.%Y"),
            format_hours(u64::from(c.seconds)),
            c.title
        ));
    }
    for (c, known) in skipped {
        out.push_str(&format!(
            "Already recorded: \"{}\" (id {}, {}).\n",
            c.title,
            known.id,
            known.date.format("%d.%m.%Y")
        ));
    }
    out
}
