//! Large course lists as CSV (`*.csv` in `--data DIR`): a portal export of
//! thousands of courses, loaded in milliseconds where TOML would take far
//! longer to write and to parse.
//!
//! The first line names the columns, in any order; only `title` is needed:
//!
//! ```text
//! title,tier,status,row,competencies,duration
//! Yuva AI for All,,,,,53m
//! Noting and Drafting,bas-basic-ac,optional,41,functional;domain,01:30:00
//! ```
//!
//! - `title`: the course title as the portal prints it (required, not empty,
//!   at most 300 characters, no control characters).
//! - `tier`: a tier id (see `karmadash tiers`) that lists the course; empty:
//!   the course is searchable and can be recorded, but no tier prescribes it.
//! - `status`: `mandatory` or `optional`; required with a tier.
//! - `row`: the row number in that tier's list (1 to 10,000); empty: after
//!   the highest row the list has so far.
//! - `competencies`: `behavioural`, `functional`, `domain` (or `b`, `f`,
//!   `d`), separated by `;` or spaces; only with a tier.
//! - `duration`: the course's nominal duration, as the reports write it
//!   (`02:42:00`), in seconds (`9720`), or as the portal's pages do
//!   (`2h 42m`, `53m`, `23m 45s`); empty: unknown. The plan uses it to
//!   count a proposal's hours.
//!
//! A title that names a course already known (same normalised title, or an
//! alias) is that course, as across the TOML rulebooks. A bad row stops the
//! load with `file:line: what is wrong`, like the TOML loader; an unknown
//! column is an error, so a misspelt header is never ignored.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::identity::normalise;
use super::load::MAX_ROW;
use super::load_error::{Cause, LoadError, LoadProblem};
use super::model::{Competency, Course, Listing, ListingStatus, Origin};
use super::Catalogue;
use crate::units::duration::{parse_duration, DurationForm};
use crate::units::text::check_title;

pub(super) const COLUMNS: &[&str] = &["title", "tier", "status", "row", "competencies", "duration"];

pub(super) struct Columns {
    pub(super) title: usize,
    pub(super) tier: Option<usize>,
    pub(super) status: Option<usize>,
    pub(super) row: Option<usize>,
    pub(super) competencies: Option<usize>,
    pub(super) duration: Option<usize>,
}

/// A duration a course CSV gives a course, and the row that gave it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CsvDuration {
    pub course: super::CourseId,
    pub seconds: u32,
    pub origin: Origin,
}

fn error(source: &str, line: u64, problem: impl Into<LoadProblem>) -> LoadError {
    let origin = Origin {
        file: source.to_string(),
        line: line as usize,
    };
    LoadError::new(origin, problem)
}

pub(super) fn columns(source: &str, header: &csv::StringRecord) -> Result<Columns, LoadError> {
    let mut found: HashMap<&str, usize> = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        let Some(known) = COLUMNS.iter().find(|c| **c == name) else {
            let given = name.to_string();
            return Err(error(source, 1, LoadProblem::UnknownColumn { given }));
        };
        if found.insert(known, i).is_some() {
            let name = name.to_string();
            return Err(error(source, 1, LoadProblem::ColumnTwice { name }));
        }
    }
    let Some(&title) = found.get("title") else {
        return Err(error(source, 1, LoadProblem::NoTitleColumn));
    };
    Ok(Columns {
        title,
        tier: found.get("tier").copied(),
        status: found.get("status").copied(),
        row: found.get("row").copied(),
        competencies: found.get("competencies").copied(),
        duration: found.get("duration").copied(),
    })
}

/// Adds the courses (and listings) of one CSV file to `catalogue`, read as
/// a stream: the file's text is never held whole.
pub fn add_file(catalogue: &mut Catalogue, path: &Path) -> Result<(), LoadError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path)
        .map_err(|e| error(&name, 0, LoadProblem::Unreadable(Cause::new(e))))?;
    add_from(catalogue, &name, file)
}

/// Adds the courses (and listings) of a CSV file's bytes to `catalogue`;
/// `name` is the file shown in messages.
pub fn add_bytes(catalogue: &mut Catalogue, name: &str, bytes: &[u8]) -> Result<(), LoadError> {
    add_from(catalogue, name, bytes)
}

pub(super) fn add_from(
    catalogue: &mut Catalogue,
    source: &str,
    input: impl std::io::Read,
) -> Result<(), LoadError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .buffer_capacity(1 << 16)
        .from_reader(input);
    let header = reader
        .headers()
        .map_err(|e| error(source, 1, LoadProblem::Header(Cause::new(e))))?
        .clone();
    let cols = columns(source, &header)?;
    let mut seen = Seen::of(catalogue);
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                return Err(error(source, line, read_error(e)));
            }
        }
        let line = record.position().map_or(line, |p| p.line());
        let row = Row {
            source,
            line,
            record: &record,
            cols: &cols,
        };
        add_row(catalogue, &row, &mut seen)?;
    }
    Ok(())
}

/// What the catalogue already holds that later rows build on.
pub(super) struct Seen {
    /// The highest row of each tier's list, for rows given without a number.
    pub(super) next_row: HashMap<(String, ListingStatus), u32>,
    /// Each course's distinct durations so far.
    pub(super) durations: HashSet<(usize, u32)>,
}

impl Seen {
    pub(super) fn of(catalogue: &Catalogue) -> Self {
        let mut next_row: HashMap<(String, ListingStatus), u32> = HashMap::new();
        for l in &catalogue.listings {
            let top = next_row.entry((l.tier.clone(), l.status)).or_insert(0);
            *top = (*top).max(l.row);
        }
        let durations = catalogue
            .durations
            .iter()
            .map(|d| (d.course, d.seconds))
            .collect();
        Seen {
            next_row,
            durations,
        }
    }
}

/// One record of a course CSV and where it stands.
struct Row<'a> {
    source: &'a str,
    line: u64,
    record: &'a csv::StringRecord,
    cols: &'a Columns,
}

impl Row<'_> {
    fn field(&self, i: Option<usize>) -> &str {
        i.map_or("", |i| self.record[i].trim())
    }

    fn error(&self, problem: impl Into<LoadProblem>) -> LoadError {
        error(self.source, self.line, problem)
    }
}

/// Adds a row's course, its duration and its listing in a tier, if any.
fn add_row(catalogue: &mut Catalogue, row: &Row, seen: &mut Seen) -> Result<(), LoadError> {
    let cols = row.cols;
    let title = row.record[cols.title].trim();
    if title.is_empty() {
        return Err(row.error(LoadProblem::EmptyTitle));
    }
    check_title(title).map_err(|e| row.error(e))?;
    let (tier, status, number, competencies) = (
        row.field(cols.tier),
        row.field(cols.status),
        row.field(cols.row),
        row.field(cols.competencies),
    );
    let course = course_for(catalogue, title);
    add_duration(catalogue, row, course, &mut seen.durations)?;
    if tier.is_empty() {
        if let Some((column, _)) = [
            ("status", status),
            ("row", number),
            ("competencies", competencies),
        ]
        .into_iter()
        .find(|(_, v)| !v.is_empty())
        {
            return Err(row.error(LoadProblem::WithoutTier { column }));
        }
        return Ok(());
    }
    let listing = listing(
        catalogue,
        row.source,
        row.line,
        &mut seen.next_row,
        course,
        title,
        [tier, status, number, competencies],
    )?;
    let index = catalogue.listings.len();
    catalogue.listing_by_id.insert(listing.id.clone(), index);
    catalogue.listings.push(listing);
    catalogue.courses[course].listings.push(index);
    Ok(())
}

/// Records the row's duration of `course`, if it gives one.
fn add_duration(
    catalogue: &mut Catalogue,
    row: &Row,
    course: usize,
    seen: &mut HashSet<(usize, u32)>,
) -> Result<(), LoadError> {
    let duration = row.field(row.cols.duration);
    if duration.is_empty() {
        return Ok(());
    }
    let seconds = parse_duration(duration, DurationForm::Catalogue).map_err(|e| row.error(e))?;
    // One entry per distinct duration of a course: two rows that
    // agree are one fact, two that differ are both shown.
    if seen.insert((course, seconds)) {
        catalogue.durations.push(CsvDuration {
            course,
            seconds,
            origin: Origin {
                file: row.source.to_string(),
                line: row.line as usize,
            },
        });
    }
    Ok(())
}

/// Why the reader could not read a record.
fn read_error(e: csv::Error) -> LoadProblem {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => LoadProblem::FieldCount {
            fields: *len,
            expected: *expected_len,
        },
        csv::ErrorKind::Utf8 { .. } => LoadProblem::CsvNotUtf8,
        csv::ErrorKind::Io(_) => LoadProblem::Unreadable(Cause::new(e)),
        _ => LoadProblem::Csv(Cause::new(e)),
    }
}

/// The course `title` names, new or known; the printed title becomes an
/// alias when a known course is printed differently.
fn course_for(catalogue: &mut Catalogue, title: &str) -> usize {
    let key = normalise(title);
    let next = catalogue.courses.len();
    // One hash and one probe of the table a title (a third of loading a
    // large CSV was looking a key up, then hashing it again to insert it),
    // unless some keys live elsewhere (a catalogue read from the cache).
    let known = if catalogue.cached_keys.is_none() {
        match catalogue.course_by_key.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(next);
                None
            }
        }
    } else {
        let known = catalogue.course_of_key(&key);
        if known.is_none() {
            catalogue.course_by_key.insert(key, next);
        }
        known
    };
    if let Some(id) = known {
        let course = &mut catalogue.courses[id];
        if course.title != title && !course.aliases.iter().any(|a| a == title) {
            course.aliases.push(title.to_string());
        }
        return id;
    }
    // Its key is its normalised title: not stored (see `Course::key`).
    catalogue.courses.push(Course::titled(title.to_string()));
    next
}

#[allow(clippy::too_many_arguments)]
pub(super) fn listing(
    catalogue: &Catalogue,
    source: &str,
    line: u64,
    next_row: &mut HashMap<(String, ListingStatus), u32>,
    course: usize,
    title: &str,
    [tier, status, row, competencies]: [&str; 4],
) -> Result<Listing, LoadError> {
    let err = |m: RowError| error(source, line, m);
    let Some(tier) = catalogue.tier(tier) else {
        let given = tier.to_string();
        let known = catalogue.tier_ids().into_iter().map(String::from).collect();
        return Err(error(
            source,
            line,
            LoadProblem::UnknownTier { given, known },
        ));
    };
    let status = parse_status(status).map_err(err)?;
    let top = next_row.entry((tier.id.clone(), status)).or_insert(0);
    let row = parse_row_number(row, *top).map_err(err)?;
    *top = (*top).max(row);
    let competencies = parse_competencies(competencies).map_err(err)?;
    let letter = if status == ListingStatus::Mandatory {
        'm'
    } else {
        'o'
    };
    let id = format!("{}/{letter}{row}", tier.id);
    if let Some(previous) = catalogue.listing(&id) {
        let (tier, at) = (tier.id.clone(), previous.origin.clone());
        let listed = LoadProblem::AlreadyListed {
            row,
            status,
            tier,
            at,
        };
        return Err(error(source, line, listed));
    }
    Ok(Listing {
        id,
        tier: tier.id.clone(),
        row,
        status,
        competencies,
        title: title.to_string(),
        defect: None,
        rulebook: tier.rulebook.clone(),
        course: Some(course),
        origin: Origin {
            file: source.to_string(),
            line: line as usize,
        },
    })
}

/// Why a row's listing cells were refused, with the cell as given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowError {
    #[error("a row with a tier needs status: mandatory or optional")]
    NoStatus,
    #[error("status '{0}' must be mandatory or optional")]
    Status(String),
    #[error("row '{0}' must be a whole number from 1")]
    RowNumber(String),
    #[error("row {0} is past {MAX_ROW}, more rows than any list prints: check the number, or leave it empty to follow the list")]
    RowPastEnd(u32),
    #[error("unknown competency '{0}' (expected behavioural, functional or domain)")]
    Competency(String),
}

fn parse_status(status: &str) -> Result<ListingStatus, RowError> {
    match status {
        "mandatory" => Ok(ListingStatus::Mandatory),
        "optional" => Ok(ListingStatus::Optional),
        "" => Err(RowError::NoStatus),
        other => Err(RowError::Status(other.to_string())),
    }
}

/// The row as given, or the one after the list's highest (`top`).
fn parse_row_number(row: &str, top: u32) -> Result<u32, RowError> {
    let row = if row.is_empty() {
        // `top` never passes MAX_ROW, so this cannot wrap.
        top + 1
    } else {
        match row.parse::<u32>() {
            Ok(n) if n > 0 => n,
            _ => return Err(RowError::RowNumber(row.to_string())),
        }
    };
    if row > MAX_ROW {
        return Err(RowError::RowPastEnd(row));
    }
    Ok(row)
}

fn parse_competencies(text: &str) -> Result<Vec<Competency>, RowError> {
    text.split([';', ' '])
        .filter(|c| !c.is_empty())
        .map(|c| Competency::parse(c).ok_or_else(|| RowError::Competency(c.to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Catalogue, LoadError> {
        let mut c = Catalogue::builtin().expect("built-in loads");
        add_bytes(&mut c, "big.csv", text.as_bytes())?;
        Ok(c)
    }

    #[test]
    fn titles_become_courses_and_known_titles_stay_one_course() {
        let before = Catalogue::builtin().unwrap();
        let c = load("title\nA Course Nobody Lists\nYUVA AI for all\n\"Comma, Quoted\"\n").unwrap();
        assert_eq!(c.courses.len(), before.courses.len() + 2);
        let yuva = c.course_by_title("Yuva AI for All").unwrap();
        assert!(c.courses[yuva]
            .aliases
            .contains(&"YUVA AI for all".to_string()));
        assert!(c.course_by_title("comma quoted").is_some());
        assert_eq!(c.listings.len(), before.listings.len());
    }

    #[test]
    fn a_tier_column_adds_listings_like_a_rulebook_row() {
        let c = load("title,tier,status,row,competencies\nNew Thing,ias-0-9,optional,,b;d\nOther,ias-0-9,mandatory,99,\n").unwrap();
        let top = Catalogue::builtin()
            .unwrap()
            .listings
            .iter()
            .filter(|l| l.tier == "ias-0-9" && l.status == ListingStatus::Optional)
            .map(|l| l.row)
            .max()
            .unwrap_or(0);
        let l = c.listing(&format!("ias-0-9/o{}", top + 1)).unwrap();
        assert_eq!(l.title, "New Thing");
        assert_eq!(
            l.competencies,
            vec![Competency::Behavioural, Competency::Domain]
        );
        assert_eq!(l.origin.to_string(), "big.csv:2");
        assert!(c
            .tier_courses("ias-0-9", Some(ListingStatus::Mandatory))
            .contains(&c.course_by_title("other").unwrap()));
    }

    #[test]
    fn a_duration_column_gives_courses_their_durations() {
        let c = load("title,duration\nYuva AI for All,53m\nNew Course,02:42:00\nNo Time,\nAnother,9720\nyuva ai for all,1h\n").unwrap();
        let of = |t: &str| -> Vec<u32> {
            let id = c.course_by_title(t).unwrap();
            c.durations
                .iter()
                .filter(|d| d.course == id)
                .map(|d| d.seconds)
                .collect()
        };
        assert_eq!(
            of("Yuva AI for All"),
            vec![53 * 60, 3600],
            "both durations kept"
        );
        assert_eq!(of("New Course"), vec![9720]);
        assert_eq!(of("Another"), vec![9720]);
        assert!(of("No Time").is_empty());
        assert_eq!(c.durations[1].origin.to_string(), "big.csv:3");
        let e = load("title,duration\nx,2 hours\n").unwrap_err();
        assert_eq!(e.origin.line, 2);
        assert!(matches!(e.problem, LoadProblem::Duration(_)), "{e}");
        assert!(e.to_string().contains("not a duration"), "{e}");
    }

    #[test]
    fn bad_rows_name_their_line() {
        let e = load("title,tier\nfine,\n,\n").unwrap_err();
        assert_eq!((e.origin.line, &e.problem), (3, &LoadProblem::EmptyTitle));
        assert_eq!(e.to_string(), "big.csv:3: the title is empty");
        let e = load("titel\nx\n").unwrap_err();
        let given = "titel".to_string();
        assert_eq!(e.problem, LoadProblem::UnknownColumn { given });
        assert_eq!(e.to_string(), "big.csv:1: unknown column 'titel' (expected title, tier, status, row, competencies, duration)");
        let e = load("title,tier,status\nx,nope,optional\n").unwrap_err();
        assert!(
            matches!(&e.problem, LoadProblem::UnknownTier { given, known } if given == "nope" && known.iter().any(|t| t == "ias-0-9")),
            "{e}"
        );
        assert!(e.to_string().contains("unknown tier 'nope'"), "{e}");
        let e = load("title,tier,status\nx,ias-0-9,sometimes\n").unwrap_err();
        assert_eq!(e.origin.to_string(), "big.csv:2");
        let status = RowError::Status("sometimes".into());
        assert_eq!(e.problem, LoadProblem::Cell(status));
        let e = load("title,status\nx,optional\n").unwrap_err();
        let column = "status";
        assert_eq!(e.problem, LoadProblem::WithoutTier { column });
        assert!(e.to_string().contains("without a tier"), "{e}");
        let e = load("title,tier\na,\nb,,extra\n").unwrap_err();
        assert_eq!(e.origin.line, 3, "{e}");
        let (fields, expected) = (3, 2);
        assert_eq!(e.problem, LoadProblem::FieldCount { fields, expected });
        let e = load("title,tier,status,row\na,ias-0-9,optional,500\nb,ias-0-9,optional,500\n")
            .unwrap_err();
        assert!(
            matches!(&e.problem, LoadProblem::AlreadyListed { row: 500, at, .. } if at.to_string() == "big.csv:2"),
            "{e}"
        );
        assert!(e.to_string().contains("already listed at big.csv:2"), "{e}");
    }
}
