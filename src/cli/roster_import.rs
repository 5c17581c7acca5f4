//! `roster import`: the portal's report files into the roster, with every
//! rejected row named and `--dry-run` writing nothing.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::Xxh3;

use super::args::RosterImportArgs;
use super::failure::Wanted;
use super::output::{emit, json};
use super::roster_zip::{self, Entry, Password, PasswordFrom};
use super::{store, Context, Failure, Outcome, Problem};
use crate::igot::{self, DateOrder, Reading, ReportError, ReportKind};
use crate::roster::{Gathering, Snapshot};
use crate::store::import_log::{latest_import_of, FileReading, OrderSeen};
use crate::store::roster::{Changes, Covers, ImportedFile};

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

pub(super) fn cannot_open(name: &str, error: std::io::Error) -> Failure {
    Problem::CannotOpen {
        name: name.to_string(),
        error,
    }
    .into()
}

/// One report to import: a file given, or a report inside a zip given.
enum Source {
    File(PathBuf),
    Zipped(Entry),
}

impl Source {
    fn name(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Zipped(e) => e.name(),
        }
    }

    /// The time of a report that gives none of its own: its file's (the zip's).
    fn modified(&self) -> Option<chrono::NaiveDateTime> {
        match self {
            Source::File(p) => modified_ist(p),
            Source::Zipped(e) => modified_ist(&e.zip),
        }
    }
}

/// The zips' password: where from, and the one asked, for this command only.
struct Zips<'a> {
    from: PasswordFrom<'a>,
    password: Password,
}

/// Reads one report into the gathering; returns what the import log
/// keeps, and how the report was read.
fn read_source(
    source: &Source,
    fingerprint: &str,
    zips: &mut Zips,
    gathering: &mut Gathering,
) -> Result<(ImportedFile, ReportKind, Reading), Failure> {
    let name = source.name();
    let modified = source.modified();
    match source {
        Source::File(path) => {
            let file = File::open(path).map_err(|e| cannot_open(&name, e))?;
            let input = BufReader::with_capacity(256 * 1024, file);
            read_report(&name, input, modified, fingerprint, gathering)
        }
        Source::Zipped(entry) => {
            let mut outcome = None;
            roster_zip::read_entry(entry, &zips.from, &mut zips.password, |input| {
                let input = BufReader::with_capacity(256 * 1024, input);
                outcome = Some(read_report(&name, input, modified, fingerprint, gathering));
                Ok(())
            })?;
            outcome.expect("set by the read")
        }
    }
}

fn read_report<R: Read>(
    name: &str,
    mut input: BufReader<R>,
    modified: Option<chrono::NaiveDateTime>,
    fingerprint: &str,
    gathering: &mut Gathering,
) -> Result<(ImportedFile, ReportKind, Reading), Failure> {
    let kind =
        ReportKind::sniff(name, &mut input).map_err(|e| Failure::from(Problem::Report(e)))?;
    let mut generated_on = None;
    let header = |e: ReportError| Failure::from(Problem::Report(e));
    let (rows, rejected, reading) = match kind {
        ReportKind::Consumption => feed(
            igot::read_consumption(name, input).map_err(header)?,
            gathering,
            |g, r| {
                if generated_on.is_none() {
                    generated_on = r.generated_on;
                }
                g.consumption(name, r);
            },
        )?,
        ReportKind::Users => feed(
            igot::read_users(name, input).map_err(header)?,
            gathering,
            |g, u| {
                if generated_on.is_none() {
                    generated_on = u.generated_on;
                }
                g.user(name, u)
            },
        )?,
        ReportKind::Enrolments => feed(
            igot::read_enrolments(name, input).map_err(header)?,
            gathering,
            |g, e| {
                if generated_on.is_none() {
                    generated_on = e.generated_on;
                }
                g.enrolment(name, e)
            },
        )?,
        ReportKind::Assessments => feed(
            igot::read_assessments(name, input).map_err(header)?,
            gathering,
            |g, a| {
                if generated_on.is_none() {
                    generated_on = a.generated_on;
                }
                g.assessment(name, a);
            },
        )?,
    };
    Ok((
        ImportedFile {
            name: name.to_string(),
            kind: kind.id().into(),
            rows,
            rejected,
            generated_on: generated_on.map(|t| t.to_string()),
            snapshot_at: generated_on.or(modified),
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
    sources: &[Source],
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
    for ((source, print), reading) in sources.iter().zip(&prints).zip(&readings) {
        let logged = record.files.iter().find(|f| f.fingerprint == *print);
        match (logged, reading) {
            (Some(f), Some(_)) if f.rejected == 0 => files.push(ImportedFile {
                name: source.name(),
                // A report without its own time is dated by the file, now.
                snapshot_at: match f.generated_on {
                    Some(_) => f.snapshot_at,
                    None => source.modified(),
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

/// The reports to import, their fingerprints, and notes for the summary.
type Sources = (Vec<Source>, Vec<String>, Vec<String>);

/// Every report the arguments give, each with its fingerprint: a file
/// as it is, a zip as the reports inside it (their names not read are
/// noted for the summary).
fn sources(args: &RosterImportArgs, zips: &mut Zips) -> Result<Sources, Failure> {
    let (mut sources, mut prints, mut notes) = (Vec::new(), Vec::new(), Vec::new());
    for path in &args.files {
        let print = fingerprint(path)?;
        if !roster_zip::is_zip(path) {
            sources.push(Source::File(path.clone()));
            prints.push(print);
            continue;
        }
        let (inside, skipped) = roster_zip::entries(path, &zips.from, &mut zips.password)?;
        for (entry, print) in inside {
            sources.push(Source::Zipped(entry));
            prints.push(print);
        }
        if !skipped.is_empty() {
            notes.push(format!(
                "{}: not read: {} (karmadash does not read these reports)",
                path.display(),
                skipped.join(", ")
            ));
        }
    }
    Ok((sources, prints, notes))
}

pub fn import(ctx: &Context, args: &RosterImportArgs) -> Outcome {
    let mut zips = Zips {
        from: PasswordFrom {
            file: args.password_file.as_deref(),
            env: std::env::var("KARMADASH_ZIP_PASSWORD").ok(),
        },
        password: Password::default(),
    };
    let (sources, prints, notes) = sources(args, &mut zips)?;
    if let Some(known) = imported_before(ctx, &sources, &prints)? {
        let changes = Changes {
            already_imported: Some(known.number),
            ..Changes::default()
        };
        return said(
            args,
            &known.files,
            &known.readings,
            &changes,
            &[],
            0,
            &notes,
        );
    }
    // Earlier imports' durations: a title with another one now is noted.
    let earlier = store(ctx)?
        .roster_reader()
        .and_then(|r| r.durations())
        .map_err(Failure::from)?;
    let mut gathering = Gathering::new(&ctx.catalogue).with_earlier_durations(earlier);
    let mut files = Vec::new();
    let mut covers = Covers::default();
    let mut readings = Vec::new();
    for (source, print) in sources.iter().zip(&prints) {
        let (file, kind, reading) = read_source(source, print, &mut zips, &mut gathering)?;
        readings.push(kept_reading(&reading));
        let slot = match kind {
            ReportKind::Consumption => &mut covers.completions,
            ReportKind::Users => &mut covers.details,
            ReportKind::Enrolments => &mut covers.assignments,
            ReportKind::Assessments => &mut covers.assessments,
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
    let officers = gathered.officers.len();
    // A state's million rows took seconds to free, just before the process
    // ends and the system takes the memory back at once.
    std::mem::forget(gathered);
    said(
        args, &files, &readings, &changes, &rejected, officers, &notes,
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
    notes: &[String],
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
        let mut text = summary(files, readings, changes, args.dry_run, officers);
        for note in notes {
            text.insert_str(0, &format!("{note}\n"));
        }
        emit(&text)?;
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
