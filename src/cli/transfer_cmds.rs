//! `export` and `import`: the store as JSON, the durable interchange that
//! survives sled format changes.

use super::args::{ExportArgs, ImportArgs};
use super::output::emit;
use super::{snapshot, store, Context, Failure, Outcome};
use crate::rules::record::Completion;
use crate::store::Snapshot;

pub fn export(ctx: &Context, args: &ExportArgs) -> Outcome {
    let snap = snapshot(ctx)?;
    let mut text = serde_json::to_string_pretty(&snap)
        .map_err(|e| Failure::input(format!("cannot encode the export: {e}")))?;
    text.push('\n');
    match &args.file {
        None => emit(&text),
        Some(path) => {
            // Write beside, then rename: a crash never leaves half an export.
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let tmp = path.with_file_name(format!(".{name}.karmadash-partial"));
            std::fs::write(&tmp, &text)
                .and_then(|_| std::fs::rename(&tmp, path))
                .map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display())))
        }
    }
}

pub fn import(ctx: &Context, args: &ImportArgs) -> Outcome {
    let text = std::fs::read_to_string(&args.file)
        .map_err(|e| Failure::input(format!("cannot read {}: {e}", args.file.display())))?;
    let snap: Snapshot = serde_json::from_str(&text).map_err(|e| {
        Failure::input(format!(
            "{} is not a karmadash export ({e}): give a file written by `karmadash export`",
            args.file.display()
        ))
    })?;
    check(&snap, ctx).map_err(|e| {
        Failure::input(format!(
            "{}: {e}; nothing was imported",
            args.file.display()
        ))
    })?;
    store(ctx)?.import(&snap).map_err(|e| Failure::input(e.0))
}

/// An import is checked whole before anything is written.
fn check(snap: &Snapshot, ctx: &Context) -> Result<(), String> {
    let mut ids = std::collections::HashSet::new();
    let all_ids = snap
        .completions
        .iter()
        .map(|c| c.id)
        .chain(snap.assignments.iter().map(|a| a.id))
        .chain(snap.assessments.iter().map(|a| a.id));
    for id in all_ids {
        if id == 0 || !ids.insert(id) {
            return Err(format!("id {id} is zero or used twice"));
        }
        if id >= snap.next_id {
            return Err(format!("id {id} is not below next_id {}", snap.next_id));
        }
    }
    if let Some(p) = &snap.profile {
        crate::progress::check_profile(&ctx.catalogue, p, ctx.today)
            .map_err(|e| format!("the profile: {e}"))?;
    }
    for a in &snap.assignments {
        let bad = |why: String| format!("assignment {} (\"{}\"): {why}", a.id, a.title);
        if a.course.trim().is_empty() {
            return Err(bad("it names no course".into()));
        }
        crate::progress::check_past_date(a.assigned, ctx.today, "assigned date").map_err(bad)?;
        if let Some(due) = a.due {
            // Due dates may lie ahead; only a year typed wrong is refused.
            if due < crate::progress::EARLIEST {
                return Err(bad(format!(
                    "due date {due} is before Mission Karmayogi began: check the year"
                )));
            }
        }
    }
    for a in &snap.assessments {
        crate::progress::check_past_date(a.passed, ctx.today, "assessment date")
            .map_err(|e| format!("assessment {}: {e}", a.id))?;
    }
    let mut courses = std::collections::HashSet::new();
    for c in &snap.completions {
        let bad = |why: &str| format!("completion {} (\"{}\"): {why}", c.id, c.title);
        check_completion(c, ctx).map_err(|e| bad(&e))?;
        if !courses.insert(&c.course) {
            return Err(bad("the course is recorded twice"));
        }
    }
    Ok(())
}

fn check_completion(c: &Completion, ctx: &Context) -> Result<(), String> {
    if c.minutes == 0 || c.minutes > crate::progress::MAX_HOURS * 60 {
        return Err(format!(
            "{} minutes is not a plausible course length",
            c.minutes
        ));
    }
    crate::progress::check_past_date(c.date, ctx.today, "completion date")?;
    if c.in_catalogue && ctx.catalogue.course_by_title(&c.course).is_none() {
        return Err(
            "the course is not in this catalogue (was the export made with --data?)".into(),
        );
    }
    Ok(())
}
