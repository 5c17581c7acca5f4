//! `status --short` in a shell prompt: the line the last full evaluation
//! printed is kept beside the store (`store::summary`) with a key of
//! everything it depends on, and printed without opening sled or parsing
//! the rulebooks while every part of the key still matches. Any doubt
//! (no marker, another owner, a damaged file) takes the full path.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::args::Command;
use super::output::emit;
use super::{Outcome, Problem};
use crate::rules::engine::Status;
use crate::rules::fy::FinancialYear;
use crate::store::Store;
use crate::units::lang::Lang;

/// Bumped when the kept file's layout or meaning changes.
const LAYOUT: &str = "karmadash status summary 1";

/// What `prompt` found: the kept answer, printed, or the full way to go.
pub enum Prompt {
    Answered(Outcome),
    /// Where the full path keeps its answer (`None` for other commands and
    /// answers that cannot be keyed).
    Full(Option<Kept>),
}

/// For `status --short` (not `--json`): the kept answer if it holds.
pub fn prompt(
    command: Option<&Command>,
    db: Option<&Path>,
    today: NaiveDate,
    data: Option<&Path>,
    lang: Lang,
) -> Prompt {
    let kept = match command {
        Some(Command::Status(a)) if a.short && !a.json => {
            Kept::new(db, today, a.fy.as_deref(), data, lang).map(|k| (k, a.check))
        }
        _ => None,
    };
    match kept {
        Some((kept, check)) => match kept.take(check) {
            Some(done) => Prompt::Answered(done),
            None => Prompt::Full(Some(kept)),
        },
        None => Prompt::Full(None),
    }
}

/// What the kept file holds: the key, and what the full path would print
/// and end with.
#[derive(Serialize, Deserialize)]
struct Summary {
    key: String,
    line: String,
    on_track: bool,
    shortfalls: usize,
    fy: FinancialYear,
}

/// The key of a `status --short` answer, less the store's generation:
/// this binary, today, `--fy`, the catalogue's sources and the language.
pub struct Kept {
    store: Store,
    fixed: String,
    /// The language the line is in (also in the key).
    lang: Lang,
    /// The change marker before the store was read (see `keep`).
    marker: Option<String>,
}

impl Kept {
    /// `None` where the answer cannot be keyed (no store path, an unreadable
    /// `--data` directory): then it is never kept nor taken.
    pub fn new(
        db: Option<&Path>,
        today: NaiveDate,
        fy: Option<&str>,
        data: Option<&Path>,
        lang: Lang,
    ) -> Option<Kept> {
        let store = super::store_at(db).ok()?;
        let fixed = format!(
            "{LAYOUT}\n{}\n{}\n{today}\n{}\n{}\n{}",
            env!("CARGO_PKG_VERSION"),
            exe_identity()?,
            fy.unwrap_or("-"),
            data_identity(data)?,
            lang.code()
        );
        let marker = store.change_marker();
        Some(Kept {
            store,
            fixed,
            lang,
            marker,
        })
    }

    fn key(&self, marker: &str, stamp: &str) -> String {
        let whole = format!("{}\n{}\n{stamp}", self.fixed, marker.trim_end());
        format!("{:032x}", xxhash_rust::xxh3::xxh3_128(whole.as_bytes()))
    }

    /// Prints the kept answer and ends as the full path would, if its key
    /// matches the store as it is now; `None` sends the caller the full way.
    pub fn take(&self, check: bool) -> Option<Outcome> {
        let marker = self.marker.as_deref()?;
        let key = self.key(marker, &self.store.log_stamp()?);
        let kept: Summary = serde_json::from_str(&self.store.status_summary()?).ok()?;
        if kept.key != key || kept.line.contains('\n') {
            return None;
        }
        Some(emit(&format!("{}\n", kept.line)).and_then(|()| {
            if check && !kept.on_track {
                return Err(Problem::NotOnTrack {
                    shortfalls: kept.shortfalls,
                    fy: kept.fy,
                }
                .into());
            }
            Ok(())
        }))
    }

    /// Keeps the answer just computed, keyed by the marker read before the
    /// store was (so a write since never matches) and the log as the read
    /// left it; not when a write came in between.
    pub fn keep(&self, status: &Status) {
        let Some(before) = self.marker.as_deref() else {
            return;
        };
        let (Some(after), Some(stamp)) = (self.store.change_marker(), self.store.log_stamp())
        else {
            return;
        };
        if after != before {
            return;
        }
        let summary = Summary {
            key: self.key(before, &stamp),
            line: super::status_words::short_line(self.lang, status),
            on_track: status.on_track,
            shortfalls: status.shortfalls().count(),
            fy: status.fy,
        };
        if let Ok(text) = serde_json::to_string(&summary) {
            self.store.keep_status_summary(&text);
        }
    }
}

/// This binary, by its size, time and inode: a rebuilt karmadash (other
/// built-in rules, same version number) never reads an older answer.
fn exe_identity() -> Option<String> {
    let meta = fs::metadata(std::env::current_exe().ok()?).ok()?;
    Some(stat_words(&meta))
}

fn stat_words(meta: &fs::Metadata) -> String {
    format!(
        "{} {} {}.{}",
        meta.ino(),
        meta.len(),
        meta.mtime(),
        meta.mtime_nsec()
    )
}

/// The catalogue's sources: the built-in ones (part of the binary), or the
/// `--data` directory by its canonical path and every rulebook and course
/// list in it, by name, size and time (the files `catalogue::sources` reads).
fn data_identity(data: Option<&Path>) -> Option<String> {
    let Some(dir) = data else {
        return Some("built-in".into());
    };
    let dir = fs::canonicalize(dir).ok()?;
    let mut files = Vec::new();
    for entry in fs::read_dir(&dir).ok()? {
        let path = entry.ok()?.path();
        if path.extension().is_some_and(|x| x == "toml" || x == "csv") {
            let meta = fs::metadata(&path).ok()?;
            files.push(format!("{} {}", path.display(), stat_words(&meta)));
        }
    }
    files.sort();
    Some(format!(
        "{} {}\n{}",
        dir.display(),
        stat_words(&fs::metadata(&dir).ok()?),
        files.join("\n")
    ))
}
