//! `export` and `import`: the store as JSON, the durable interchange that
//! survives sled format changes.

use super::args::{ExportArgs, ImportArgs};
use super::output::emit;
use super::{snapshot, store, Context, Failure, Outcome};
use crate::store::Snapshot;

pub fn export(ctx: &Context, args: &ExportArgs) -> Outcome {
    let snap = snapshot(ctx)?;
    let mut text = serde_json::to_string_pretty(&snap)
        .map_err(|e| Failure::input(format!("cannot encode the export: {e}")))?;
    text.push('\n');
    match &args.file {
        None => emit(&text),
        Some(path) => {
            super::export_file::write_export(path, text.as_bytes()).map_err(Failure::input)
        }
    }
}

pub fn import(ctx: &Context, args: &ImportArgs) -> Outcome {
    let text = std::fs::read_to_string(&args.file)
        .map_err(|e| Failure::input(format!("cannot read {}: {e}", args.file.display())))?;
    let snap: Snapshot = crate::store::read_export(&text).map_err(|e| {
        Failure::input(format!(
            "{} is not a karmadash export ({e}): give a file written by `karmadash export`",
            args.file.display()
        ))
    })?;
    crate::app::progress::check_import(&ctx.catalogue, &snap, ctx.today).map_err(|e| {
        Failure::input(format!(
            "{}: {}; nothing was imported",
            args.file.display(),
            super::wording::progress_error(&e)
        ))
    })?;
    store(ctx)?.import(&snap).map_err(|e| Failure::input(e.0))
}
