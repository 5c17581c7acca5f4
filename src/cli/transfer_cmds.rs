//! `export` and `import`: the store as JSON, the durable interchange that
//! survives sled format changes.

use super::args::{ExportArgs, ImportArgs};
use super::failure::Wanted;
use super::output::emit;
use super::{snapshot, store, Context, Failure, Outcome, Problem};
use crate::store::Snapshot;

pub fn export(ctx: &Context, args: &ExportArgs) -> Outcome {
    let snap = snapshot(ctx)?;
    let mut text =
        serde_json::to_string_pretty(&snap).map_err(|e| Failure::from(Problem::EncodeExport(e)))?;
    text.push('\n');
    match &args.file {
        None => emit(&text),
        Some(path) => {
            super::export_file::write_export(path, text.as_bytes()).map_err(Failure::from)
        }
    }
}

/// An export of years of records is a few hundred kilobytes; 20,000
/// completions about 4 MB. Past this it is not an export.
const MAX_EXPORT_BYTES: u64 = 64 << 20;

/// The export's text: a regular file of a bounded size (never a device
/// such as /dev/zero, or a pipe that never ends), read as UTF-8.
fn read_export_file(path: &std::path::Path) -> Result<String, Failure> {
    use std::io::Read;
    let cannot = |error| {
        Failure::from(Problem::CannotReadExport {
            path: path.to_path_buf(),
            error,
        })
    };
    regular_file(path, Wanted::Export)?;
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut text = String::new();
    file.take(MAX_EXPORT_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(cannot)?;
    if text.len() as u64 > MAX_EXPORT_BYTES {
        return Err(Problem::ExportTooLarge {
            path: path.to_path_buf(),
            limit: MAX_EXPORT_BYTES,
        }
        .into());
    }
    Ok(text)
}

/// Refuses a path that is not a regular file (a named pipe, a device, a
/// directory), judged before opening: opening a named pipe would wait for
/// a writer, and a device such as /dev/zero never ends. `give` says what
/// to give instead.
pub(super) fn regular_file(path: &std::path::Path, wanted: Wanted) -> Result<(), Failure> {
    let meta = std::fs::metadata(path).map_err(|error| Problem::CannotReadExport {
        path: path.to_path_buf(),
        error,
    })?;
    if meta.is_file() {
        return Ok(());
    }
    Err(Problem::NotARegularFile {
        path: path.to_path_buf(),
        kind: super::export_file::kind_of(meta.file_type()),
        wanted,
    }
    .into())
}

pub fn import(ctx: &Context, args: &ImportArgs) -> Outcome {
    let text = read_export_file(&args.file)?;
    let snap: Snapshot = crate::store::read_export(&text).map_err(|error| {
        Failure::from(Problem::NotAnExport {
            path: args.file.clone(),
            error,
        })
    })?;
    crate::app::progress::check_import(&ctx.catalogue, &snap, ctx.today).map_err(|error| {
        Failure::from(Problem::ExportRefused {
            path: args.file.clone(),
            error,
        })
    })?;
    store(ctx)?.import(&snap).map_err(Failure::from)
}
