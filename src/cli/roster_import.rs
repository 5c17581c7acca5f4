//! `roster import`: the portal's report files into the roster, with every
//! rejected row named and `--dry-run` writing nothing.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use xxhash_rust::xxh3::Xxh3;

use super::args::{ImportIgotArgs, RosterImportArgs};
use super::failure::Wanted;
use super::output::{emit, json};
use super::{store, Context, Failure, Outcome, Problem};
use crate::igot::{self, DateOrder, Reading, ReportError, ReportKind};
use crate::roster::personal::OwnRows;
use crate::roster::{Gathering, OfficerId, Snapshot};
use crate::rules::record::Completion;
use crate::store::import_log::{latest_import_of, FileReading, OrderSeen};
use crate::store::roster::{Changes, Covers, ImportedFile};
use crate::store::Merged;
use crate::units::hours::format_hours;

/// What to give instead of a path that is not a regular file.
/// Every row of one report into the gathering: (rows, rejected, how the
/// file was read). A file refused whole fails the import, which then
/// writes nothing.
fn feed<R: Read, T>(
    mut rows: igot::Rows<R, T>,
    gathering: &mut Gathering,
    mut add: impl FnMut(&mut Gathering, T),
) -> Result<(u64, u64, Reading), Failure> {
    let (mut count, mut rejected) = (0u64, 0u64);
    for row in &mut rows {
        count += 1;
        match row {
            Ok(r) => add(gathering, r),
            Err(e) if e.whole_file => return Err(refused(&e)),
            Err(e) => {
                rejected += 1;
                gathering.reject(e);
            }
        }
    }
    Ok((count, rejected, rows.reading().clone()))
}

fn refused(e: &ReportError) -> Failure {
    Problem::ReportNotImported(e.clone()).into()
}

fn cannot_open(name: &str, error: std::io::Error) -> Failure {
    Problem::CannotOpen {
        name: name.to_string(),
        error,
    }
    .into()
}

/// Reads one report into the gathering; returns what the import log
/// keeps, and how the file was read.
/// `fingerprint` is the file's, from `fingerprint` (which also refused
/// anything but a regular file).
fn read_file(
    path: &Path,
    fingerprint: &str,
    gathering: &mut Gathering,
) -> Result<(ImportedFile, ReportKind, Reading), Failure> {
    let name = path.display().to_string();
    let file = File::open(path).map_err(|e| cannot_open(&name, e))?;
    let mut input = BufReader::with_capacity(256 * 1024, file);
    let kind =
        ReportKind::sniff(&name, &mut input).map_err(|e| Failure::from(Problem::Report(e)))?;
    let mut generated_on = None;
    let header = |e: ReportError| Failure::from(Problem::Report(e));
    let (rows, rejected, reading) = match kind {
        ReportKind::Consumption => feed(
            igot::read_consumption(&name, input).map_err(header)?,
            gathering,
            |g, r| {
                if generated_on.is_none() {
                    generated_on = r.generated_on;
                }
                g.consumption(&name, r);
            },
        )?,
        ReportKind::Users => feed(
            igot::read_users(&name, input).map_err(header)?,
            gathering,
            |g, u| g.user(&name, u),
        )?,
        ReportKind::Enrolments => feed(
            igot::read_enrolments(&name, input).map_err(header)?,
            gathering,
            |g, e| g.enrolment(&name, e),
        )?,
    };
    let kind_id = match kind {
        ReportKind::Consumption => "consumption",
        ReportKind::Users => "users",
        ReportKind::Enrolments => "enrolments",
    };
    Ok((
        ImportedFile {
            name,
            kind: kind_id.into(),
            rows,
            rejected,
            generated_on: generated_on.map(|t| t.to_string()),
            snapshot_at: generated_on.or_else(|| modified_ist(path)),
            fingerprint: fingerprint.to_string(),
        },
        kind,
        reading,
    ))
}

/// The file's modification time in IST, where a report gives no time of
/// its own.
fn modified_ist(path: &Path) -> Option<chrono::NaiveDateTime> {
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    let ist = chrono::FixedOffset::east_opt(5 * 3600 + 1800)?;
    Some(
        chrono::DateTime::<chrono::Utc>::from(modified)
            .with_timezone(&ist)
            .naive_local(),
    )
}

/// One kind's files of an import, dated by the latest of them.
fn cover(slot: &mut Option<Snapshot>, file: &ImportedFile) {
    let s = slot.get_or_insert_with(Snapshot::default);
    s.files.push(file.name.clone());
    s.at = s.at.max(file.snapshot_at);
}

/// How a file was read, as the store keeps it.
fn kept_reading(r: &Reading) -> FileReading {
    FileReading {
        windows_1252: r.windows_1252,
        date_order: r.date_order.as_ref().map(|p| OrderSeen {
            month_first: p.order == DateOrder::MonthFirst,
            line: p.line,
            column: p.column.to_string(),
            cell: p.cell.clone(),
        }),
    }
}

fn order(p: &OrderSeen) -> DateOrder {
    if p.month_first {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    }
}

/// What a person should know of how a file was read, one line each.
fn reading_notes(r: &FileReading) -> Vec<String> {
    let mut notes = Vec::new();
    if r.windows_1252 {
        notes.push(
            "read as Windows-1252, as Excel saves \"CSV (Comma delimited)\": the file is not UTF-8"
                .to_string(),
        );
    }
    if let Some(p) = &r.date_order {
        let form = match order(p) {
            DateOrder::DayFirst => "d/M/yyyy",
            DateOrder::MonthFirst => "M/d/yyyy",
        };
        notes.push(format!(
            "dates read {} ({form}), as line {} proves ({}: {})",
            order(p).words(),
            p.line,
            p.column,
            p.cell
        ));
    }
    notes
}

/// The xxh3 of a file's bytes, its identity in the import log: known
/// before a row is parsed (hashing streams at GB/s, parsing at MB/s).
fn fingerprint(path: &Path) -> Result<String, Failure> {
    let name = path.display().to_string();
    // Before opening: a named pipe would wait for a writer, a device never end.
    super::transfer_cmds::regular_file(path, Wanted::Report)?;
    let mut file = File::open(path).map_err(|e| cannot_open(&name, e))?;
    let mut hasher = Xxh3::new();
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(Problem::CannotRead { name, error }.into()),
        }
    }
    Ok(format!("{:032x}", hasher.digest128()))
}

/// An import of these very files, known from the store's log.
struct Known {
    files: Vec<ImportedFile>,
    readings: Vec<FileReading>,
    number: u64,
}

/// When these very files (by their bytes) were imported together before,
/// and every row of them was read then: what that import logged of each
/// file (named as given now), how each was read, and the import's number.
/// None sends the files to be parsed: new files, or rows to name again.
fn imported_before(
    ctx: &Context,
    paths: &[std::path::PathBuf],
    prints: &[String],
) -> Result<Option<Known>, Failure> {
    let store = store(ctx)?;
    let log = store.import_log().map_err(Failure::from)?;
    let prints: Vec<&str> = prints.iter().map(String::as_str).collect();
    let Some(record) = latest_import_of(&log, &prints) else {
        return Ok(None);
    };
    let readings = store.file_readings(&prints).map_err(Failure::from)?;
    let mut files = Vec::new();
    for ((path, print), reading) in paths.iter().zip(&prints).zip(&readings) {
        let logged = record.files.iter().find(|f| f.fingerprint == *print);
        match (logged, reading) {
            (Some(f), Some(_)) if f.rejected == 0 => files.push(ImportedFile {
                name: path.display().to_string(),
                // A report without its own time is dated by the file, now.
                snapshot_at: match f.generated_on {
                    Some(_) => f.snapshot_at,
                    None => modified_ist(path),
                },
                ..f.clone()
            }),
            _ => return Ok(None),
        }
    }
    Ok(Some(Known {
        files,
        readings: readings.into_iter().flatten().collect(),
        number: record.number,
    }))
}

pub fn import(ctx: &Context, args: &RosterImportArgs) -> Outcome {
    let prints = args
        .files
        .iter()
        .map(|p| fingerprint(p))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(known) = imported_before(ctx, &args.files, &prints)? {
        let changes = Changes {
            already_imported: Some(known.number),
            ..Changes::default()
        };
        return said(args, &known.files, &known.readings, &changes, &[], 0);
    }
    // Earlier imports' durations: a title with another one now is noted.
    let earlier = store(ctx)?.roster().map_err(Failure::from)?.durations;
    let mut gathering = Gathering::new(&ctx.catalogue).with_earlier_durations(earlier);
    let mut files = Vec::new();
    let mut covers = Covers::default();
    let mut readings = Vec::new();
    for (path, print) in args.files.iter().zip(&prints) {
        let (file, kind, reading) = read_file(path, print, &mut gathering)?;
        readings.push(kept_reading(&reading));
        let slot = match kind {
            ReportKind::Consumption => &mut covers.completions,
            ReportKind::Users => &mut covers.details,
            ReportKind::Enrolments => &mut covers.assignments,
        };
        cover(slot, &file);
        files.push(file);
    }
    let gathered = gathering.finish();
    let changes = store(ctx)?
        .import_roster(&gathered, files.clone(), &covers, ctx.today, args.dry_run)
        .map_err(Failure::from)?;
    if !args.dry_run && changes.already_imported.is_none() {
        // Only a faster way to say "imported before" next time: an import
        // that could not keep it still stands, and says so as it is.
        let kept: Vec<(&str, FileReading)> = files
            .iter()
            .zip(&readings)
            .map(|(f, r)| (f.fingerprint.as_str(), r.clone()))
            .collect();
        let _ = store(ctx)?.keep_readings(&kept);
        super::roster_history::after_import(ctx, &files, gathered.officers.len())?;
    }
    let rejected: Vec<String> = gathered.rejected.iter().map(ToString::to_string).collect();
    said(
        args,
        &files,
        &readings,
        &changes,
        &rejected,
        gathered.officers.len(),
    )
}

/// What an import says: JSON, or the summary and each rejected row; then
/// exit 1 if any row could not be read.
fn said(
    args: &RosterImportArgs,
    files: &[ImportedFile],
    readings: &[FileReading],
    changes: &Changes,
    rejected: &[String],
    officers: usize,
) -> Outcome {
    if args.json {
        let reading = files
            .iter()
            .zip(readings)
            .map(|(f, r)| {
                let order = r.date_order.as_ref().map(order);
                super::json::roster::reading(&f.name, r.windows_1252, order)
            })
            .collect();
        json(&super::json::roster::import(
            files,
            reading,
            rejected.to_vec(),
            changes,
        ))?;
    } else {
        emit(&summary(files, readings, changes, args.dry_run, officers))?;
        if changes.already_imported.is_none() {
            for r in rejected {
                eprintln!("karmadash: not imported: {r}");
            }
        }
    }
    // Already imported: this run imported nothing, so refused nothing.
    if !rejected.is_empty() && changes.already_imported.is_none() {
        return Err(Problem::RowsUnread {
            rows: rejected.len(),
            dry_run: args.dry_run,
        }
        .into());
    }
    Ok(())
}

fn summary(
    files: &[ImportedFile],
    readings: &[FileReading],
    c: &Changes,
    dry_run: bool,
    officers: usize,
) -> String {
    let mut out = String::new();
    for (f, r) in files.iter().zip(readings) {
        out.push_str(&format!(
            "{}: {} report, {} row{}{}\n",
            f.name,
            f.kind,
            f.rows,
            if f.rows == 1 { "" } else { "s" },
            f.generated_on
                .as_deref()
                .map(|g| format!(", generated {g}"))
                .unwrap_or_default()
        ));
        for note in reading_notes(r) {
            out.push_str(&format!("  {note}\n"));
        }
    }
    if let Some(n) = c.already_imported {
        let refused: u64 = files.iter().map(|f| f.rejected).sum();
        let noted = match refused {
            0 => String::new(),
            1 => " (1 of their rows could not be read, as that import said)".to_string(),
            r => format!(" ({r} of their rows could not be read, as that import said)"),
        };
        out.push_str(&format!(
            "These files are import {n} already: nothing changed{noted}.\n"
        ));
        return out;
    }
    let would = if dry_run { "would be " } else { "" };
    out.push_str(&format!(
        "{officers} officer{}: {} {would}added, {} {would}updated, {} unchanged",
        if officers == 1 { "" } else { "s" },
        c.added.len(),
        c.updated.len(),
        c.unchanged
    ));
    if !c.not_in_latest.is_empty() {
        out.push_str(&format!(
            "; {} not in this report {would}kept and flagged",
            c.not_in_latest.len()
        ));
    }
    if !c.not_in_newer.is_empty() {
        out.push_str(&format!(
            "; {} not in the newer report {would}flagged",
            c.not_in_newer.len()
        ));
    }
    if !c.kept_newer.is_empty() {
        let n = c.kept_newer.len();
        out.push_str(&format!(
            ".\nOlder than the report{} already imported for {n} officer{}: their newer figures {} kept, and this import {} recorded as history",
            if n == 1 { "" } else { "s" },
            if n == 1 { "" } else { "s" },
            if dry_run { "would be" } else { "are" },
            if dry_run { "would be" } else { "is" }
        ));
    }
    out.push_str(if dry_run {
        ".\nDry run: nothing was written.\n"
    } else {
        ".\nNext: `karmadash roster --behind`.\n"
    });
    out
}

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
