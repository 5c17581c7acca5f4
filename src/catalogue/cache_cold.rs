//! The cold path of a search: the course CSVs streamed into the compiled
//! cache's sections without building the catalogue. A portal export of a
//! million titles would otherwise become a million `String`s, `Course`s
//! and keys in a table, only to be written out and dropped.
//!
//! Each CSV is read once (hashed as it is parsed, as `cache::load_cold`
//! does); the titles are checked, normalised and hashed on every core; one
//! pass in row order then finds each row's course by its key's hash (the
//! key compared only when a hash is found again) and adds listings and
//! durations exactly as `course_csv` does; the records and the `Extra`
//! sections are then encoded a chunk on each core and written in order.
//! The file is the one `cache::load_cold` writes for the same sources.
//!
//! Anything out of the ordinary (a bad row, a file that cannot be read)
//! gives `None`, and the caller takes the catalogue's own path, which says
//! what is wrong as it always has.

use std::fs;
use std::io::Read;
use std::path::Path;

use hashbrown::HashTable;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use thin_vec::ThinVec;
use xxhash_rust::xxh3::xxh3_64;

use super::cache::{self, Counting, Extra, Hashing, Meta, Text};
use super::cache_file::SectionWriter;
use super::course_csv::{self, CsvDuration};
use super::identity::normalise_into;
use super::model::{Course, Origin};
use super::sources::DirSources;
use super::Catalogue;
use crate::units::duration::{parse_duration, DurationForm};
use crate::units::text::check_title;

/// Rows (or courses) a job, on every core.
const CHUNK: usize = 16_384;

/// The rows of every CSV, in order: each title's bytes one after another,
/// and the other cells of the few rows that give any.
#[derive(Default)]
struct Rows {
    raw: Vec<u8>,
    /// Where each row's title ends in `raw` (it starts where the last ends).
    ends: Vec<u32>,
    cells: Vec<Cells>,
    /// Each CSV's name as messages and origins spell it.
    sources: Vec<String>,
}

/// A row's cells but its title: tier, status, row, competencies, duration.
struct Cells {
    row: usize,
    source: usize,
    line: u64,
    cells: [String; 5],
}

/// A row's title, trimmed (a range of the text), and its key's hash.
#[derive(Clone, Copy)]
struct Title {
    start: u32,
    end: u32,
    hash: u64,
}

/// What streaming the CSVs into the cache came to.
pub(super) enum Streamed {
    /// The cache is written, under this print.
    Written(u128),
    /// The CSVs were read, but the cache could not be written.
    NotWritten,
    /// Something the catalogue's own path is to read (and word).
    Refused,
}

/// Writes the cache of `sources` (on the rulebooks' `rulebooks`) to
/// `file` with `extra`'s sections.
pub(super) fn write(
    sources: &DirSources,
    rulebooks: Catalogue,
    file: &Path,
    extra: &dyn Extra,
) -> Streamed {
    match stream(sources, rulebooks, file, extra) {
        None => Streamed::Refused,
        Some(None) => Streamed::NotWritten,
        Some(Some(print)) => Streamed::Written(print),
    }
}

/// `write`: `None` if refused, else the print the cache was written under
/// if it was.
fn stream(
    sources: &DirSources,
    mut rulebooks: Catalogue,
    file: &Path,
    extra: &dyn Extra,
) -> Option<Option<u128>> {
    let mut rows = Rows::default();
    let print = cache::fingerprint(sources, |path, hasher| {
        let opened = fs::File::open(path).map_err(|e| super::sources::io_error(path, e))?;
        let mut reader = Hashing {
            inner: Counting {
                inner: opened,
                count: 0,
            },
            hasher,
        };
        let source = path.display().to_string();
        read_rows(&mut rows, source, &mut reader)
            .ok_or_else(|| super::sources::io_error(path, std::io::Error::other("fallback")))?;
        Ok(reader.inner.count)
    })
    .ok()?;
    let Rows {
        raw,
        ends,
        cells,
        sources: names,
    } = rows;
    let text = String::from_utf8(raw).ok()?;
    let titles = titles(&text, &ends)?;
    drop(ends);
    let rulebook_courses = rulebooks.courses.len();
    let rulebook_listings = rulebooks.listings.len();
    let mut seen = course_csv::Seen::of(&rulebooks);
    let mut found = Found::new(&mut rulebooks, &text, &titles);
    let mut cells = cells.iter().peekable();
    for (row, t) in titles.iter().enumerate() {
        let course = found.course_of(row, t.hash);
        if let Some(c) = cells.next_if(|c| c.row == row) {
            found.cells(c, &names[c.source], course, row, &mut seen)?;
        }
    }
    let Found { first, more, .. } = found;
    let meta = Meta {
        rulebook_courses,
        rulebook_listings,
        courses: rulebook_courses + first.len(),
        listings: rulebooks.listings[rulebook_listings..].to_vec(),
        rulebook_list: rulebooks.listings[..rulebook_listings].to_vec(),
        tiers: rulebooks.tiers.iter().map(|t| t.id.clone()).collect(),
        durations: rulebooks.durations.clone(),
        spelled: sources.dir.display().to_string(),
    };
    let courses = AllCourses {
        rulebooks: &rulebooks.courses,
        first: &first,
        more: &more,
        titles: &titles,
        text: &text,
    };
    let written = cache::write_with(file, |f| write_sections(f, print, &meta, &courses, extra));
    // Freeing a million small pieces one by one takes longer than the
    // process's exit does at once.
    std::mem::forget((titles, first, more, text));
    Some(written.then_some(print))
}

/// Reads one CSV's rows into `rows`; `None` at anything but a good row.
fn read_rows(rows: &mut Rows, source: String, input: impl Read) -> Option<()> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .buffer_capacity(1 << 16)
        .from_reader(input);
    let header = reader.headers().ok()?.clone();
    let cols = course_csv::columns(&source, &header).ok()?;
    let others = [
        cols.tier,
        cols.status,
        cols.row,
        cols.competencies,
        cols.duration,
    ];
    let file = rows.sources.len();
    rows.sources.push(source);
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record).ok()? {
        rows.raw.extend_from_slice(&record[cols.title]);
        rows.ends.push(u32::try_from(rows.raw.len()).ok()?);
        let given = |i: &Option<usize>| i.is_some_and(|i| !record[i].is_empty());
        if others.iter().any(given) {
            let cell = |i: Option<usize>| -> Option<String> {
                let bytes = i.map_or(&[][..], |i| &record[i]);
                String::from_utf8(bytes.to_vec()).ok()
            };
            rows.cells.push(Cells {
                row: rows.ends.len() - 1,
                source: file,
                line: record.position().map_or(0, |p| p.line()),
                cells: [
                    cell(others[0])?,
                    cell(others[1])?,
                    cell(others[2])?,
                    cell(others[3])?,
                    cell(others[4])?,
                ],
            });
        }
    }
    Some(())
}

/// Every row's title trimmed, checked and its key hashed, on every core;
/// `None` if any is empty or refused.
fn titles(text: &str, ends: &[u32]) -> Option<Vec<Title>> {
    let chunks: Vec<Option<Vec<Title>>> = ends
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(k, chunk)| {
            let mut start = match k * CHUNK {
                0 => 0,
                i => ends[i - 1] as usize,
            };
            let mut key = String::new();
            let mut out = Vec::with_capacity(chunk.len());
            for &end in chunk {
                let raw = text.get(start..end as usize)?;
                let title = raw.trim();
                if title.is_empty() || check_title(title).is_err() {
                    return None;
                }
                normalise_into(&mut key, title);
                let from = start + (title.as_ptr() as usize - raw.as_ptr() as usize);
                out.push(Title {
                    start: from as u32,
                    end: (from + title.len()) as u32,
                    hash: xxh3_64(key.as_bytes()),
                });
                start = end as usize;
            }
            Some(out)
        })
        .collect();
    let mut all = Vec::with_capacity(ends.len());
    for chunk in chunks {
        all.extend(chunk?);
    }
    Some(all)
}

/// A key in the table: a rulebook key (`RULEBOOK_KEY` set: its index in
/// `Found::keys`), or a CSV course by its id (its key is its title's).
const RULEBOOK_KEY: u32 = 1 << 31;

/// What the rows found so far: the rulebooks' catalogue (its courses gain
/// aliases and listings, it gains listings and durations), and the CSVs'
/// own courses by the row that first named each.
struct Found<'a> {
    catalogue: &'a mut Catalogue,
    text: &'a str,
    titles: &'a [Title],
    table: HashTable<(u64, u32)>,
    /// The rulebooks' keys (titles and aliases) and their courses.
    keys: Vec<(String, usize)>,
    /// The row whose title a CSV course has (course `rulebook + i`).
    first: Vec<u32>,
    /// The aliases (rows) and listings of the few CSV courses with any.
    more: FxHashMap<u32, More>,
    rulebook: usize,
    key: String,
    other: String,
}

/// What a CSV course has beyond its title.
#[derive(Default)]
struct More {
    aliases: Vec<u32>,
    listings: ThinVec<usize>,
}

/// The text of row `row`.
fn row_text<'t>(text: &'t str, titles: &[Title], row: u32) -> &'t str {
    let t = titles[row as usize];
    &text[t.start as usize..t.end as usize]
}

impl<'a> Found<'a> {
    fn new(catalogue: &'a mut Catalogue, text: &'a str, titles: &'a [Title]) -> Found<'a> {
        let keys: Vec<(String, usize)> = catalogue
            .course_by_key
            .iter()
            .map(|(k, &id)| (k.clone(), id))
            .collect();
        let mut table = HashTable::with_capacity(keys.len() + titles.len());
        for (i, (key, _)) in keys.iter().enumerate() {
            let hash = xxh3_64(key.as_bytes());
            table.insert_unique(hash, (hash, i as u32 | RULEBOOK_KEY), |e| e.0);
        }
        Found {
            rulebook: catalogue.courses.len(),
            catalogue,
            text,
            titles,
            table,
            keys,
            first: Vec::with_capacity(titles.len()),
            more: FxHashMap::default(),
            key: String::new(),
            other: String::new(),
        }
    }

    /// The course row `row` names, new or known; its title becomes an
    /// alias when a known course is printed differently (as
    /// `course_csv::course_for`). A key is compared only when its hash is
    /// found again: a repeated course, or (rarely) two keys of one hash.
    fn course_of(&mut self, row: usize, hash: u64) -> usize {
        let (text, titles) = (self.text, self.titles);
        let title = row_text(text, titles, row as u32);
        let (keys, first, rulebook) = (&self.keys, &self.first, self.rulebook);
        let (key, other) = (&mut self.key, &mut self.other);
        let mut keyed = false;
        let found = self.table.find(hash, |&(h, code)| {
            if h != hash {
                return false;
            }
            if !keyed {
                normalise_into(key, title);
                keyed = true;
            }
            if code & RULEBOOK_KEY != 0 {
                return keys[(code & !RULEBOOK_KEY) as usize].0 == *key;
            }
            normalise_into(
                other,
                row_text(text, titles, first[code as usize - rulebook]),
            );
            other == key
        });
        let next = self.rulebook + self.first.len();
        let Some(&(_, code)) = found else {
            self.table.insert_unique(hash, (hash, next as u32), |e| e.0);
            self.first.push(row as u32);
            return next;
        };
        let id = match code & RULEBOOK_KEY {
            0 => code as usize,
            _ => self.keys[(code & !RULEBOOK_KEY) as usize].1,
        };
        self.alias(id, row as u32, title);
        id
    }

    /// `title` (of row `row`) as an alias of course `id`, unless it is its
    /// title or an alias already.
    fn alias(&mut self, id: usize, row: u32, title: &str) {
        if id < self.rulebook {
            let course = &mut self.catalogue.courses[id];
            if course.title != title && !course.aliases.iter().any(|a| a == title) {
                course.aliases.push(title.to_string());
            }
            return;
        }
        let (text, titles) = (self.text, self.titles);
        let own = self.first[id - self.rulebook];
        if row_text(text, titles, own) == title {
            return;
        }
        let more = self.more.entry(id as u32).or_default();
        if !more
            .aliases
            .iter()
            .any(|&a| row_text(text, titles, a) == title)
        {
            more.aliases.push(row);
        }
    }

    /// A row's other cells: its duration, and its listing in a tier (as
    /// `course_csv::add_row`); `None` at a cell that is refused.
    fn cells(
        &mut self,
        c: &Cells,
        source: &str,
        course: usize,
        row: usize,
        seen: &mut course_csv::Seen,
    ) -> Option<()> {
        let [tier, status, number, competencies, duration] = c.cells.each_ref().map(|s| s.trim());
        if !duration.is_empty() {
            let seconds = parse_duration(duration, DurationForm::Catalogue).ok()?;
            if seen.durations.insert((course, seconds)) {
                self.catalogue.durations.push(CsvDuration {
                    course,
                    seconds,
                    origin: Origin {
                        file: source.to_string(),
                        line: c.line as usize,
                    },
                });
            }
        }
        if tier.is_empty() {
            return [status, number, competencies]
                .iter()
                .all(|v| v.is_empty())
                .then_some(());
        }
        let title = row_text(self.text, self.titles, row as u32);
        let cells = [tier, status, number, competencies];
        let listing = course_csv::listing(
            self.catalogue,
            source,
            c.line,
            &mut seen.next_row,
            course,
            title,
            cells,
        )
        .ok()?;
        let index = self.catalogue.listings.len();
        self.catalogue
            .listing_by_id
            .insert(listing.id.clone(), index);
        self.catalogue.listings.push(listing);
        match course.checked_sub(self.rulebook) {
            None => self.catalogue.courses[course].listings.push(index),
            Some(_) => self
                .more
                .entry(course as u32)
                .or_default()
                .listings
                .push(index),
        }
        Some(())
    }
}

/// Every course of the cache, in id order: the rulebooks' own, then the
/// CSVs' (each by its first row, and what `more` adds).
struct AllCourses<'a> {
    rulebooks: &'a [Course],
    first: &'a [u32],
    more: &'a FxHashMap<u32, More>,
    titles: &'a [Title],
    text: &'a str,
}

/// A chunk of course records: their bytes, each record's length, and the
/// texts, each at its offset in the chunk.
type Encoded<'t> = (Vec<u8>, Vec<u32>, Vec<Text<'t>>);

impl<'a> AllCourses<'a> {
    fn len(&self) -> usize {
        self.rulebooks.len() + self.first.len()
    }

    /// Courses `from..to` encoded as `cache::write_sections` does, each
    /// record postcard's encoding of its `Course`.
    fn encode(&self, from: usize, to: usize) -> std::io::Result<Encoded<'a>> {
        let (mut bytes, mut lens, mut texts) = (Vec::new(), Vec::new(), Vec::new());
        let at = |bytes: &Vec<u8>, k: u32| {
            u32::try_from(bytes.len())
                .ok()
                .and_then(|n| n.checked_add(k))
        };
        for id in from..to {
            let start = bytes.len();
            let course = id as u32;
            let rows = |more: &'a More| {
                let first = self.first[id - self.rulebooks.len()];
                std::iter::once(first)
                    .chain(more.aliases.iter().copied())
                    .map(|r| row_text(self.text, self.titles, r))
            };
            if let Some(own) = self.rulebooks.get(id) {
                let printed = std::iter::once(&own.title).chain(own.aliases.iter());
                let printed = printed.map(String::as_str);
                Self::encode_course(own, printed, &mut bytes, &mut texts, course)?;
            } else if let Some(more) = self.more.get(&course) {
                let own = self.build(id, more);
                Self::encode_course(&own, rows(more), &mut bytes, &mut texts, course)?;
            } else {
                // A CSV course with no more than its title: no key stored,
                // the title, no aliases, no listings.
                let title = row_text(
                    self.text,
                    self.titles,
                    self.first[id - self.rulebooks.len()],
                );
                let mut len = [0u8; 10];
                let len =
                    postcard::to_slice(&title.len(), &mut len).map_err(std::io::Error::other)?;
                bytes.push(0);
                bytes.extend_from_slice(len);
                let text_at = at(&bytes, 0).ok_or_else(too_large)?;
                bytes.extend_from_slice(title.as_bytes());
                bytes.extend_from_slice(&[0, 0]);
                texts.push(Text {
                    course,
                    text: title,
                    at: text_at,
                });
                debug_assert_eq!(
                    bytes[start..],
                    postcard::to_stdvec(&Course::titled(title.to_string())).unwrap()[..]
                );
            }
            lens.push(u32::try_from(bytes.len() - start).map_err(|_| too_large())?);
        }
        Ok((bytes, lens, texts))
    }

    /// A CSV course with aliases or listings, whole.
    fn build(&self, id: usize, more: &More) -> Course {
        let text = |row: u32| row_text(self.text, self.titles, row).to_string();
        let mut course = Course::titled(text(self.first[id - self.rulebooks.len()]));
        course.aliases = more.aliases.iter().map(|&r| text(r)).collect();
        course.listings = more.listings.clone();
        course
    }

    /// One course by postcard, its `printed` texts (its title, then its
    /// aliases) found in its record.
    fn encode_course(
        course: &Course,
        printed: impl Iterator<Item = &'a str>,
        bytes: &mut Vec<u8>,
        texts: &mut Vec<Text<'a>>,
        id: u32,
    ) -> std::io::Result<()> {
        let start = bytes.len();
        postcard::to_io(course, &mut *bytes).map_err(std::io::Error::other)?;
        let offsets = cache::text_offsets(course, &bytes[start..])?;
        for (offset, text) in offsets.into_iter().zip(printed) {
            let at = u32::try_from(start)
                .ok()
                .and_then(|s| s.checked_add(offset))
                .ok_or_else(too_large)?;
            texts.push(Text {
                course: id,
                text,
                at,
            });
        }
        Ok(())
    }
}

fn too_large() -> std::io::Error {
    std::io::Error::other("over 4 GB of courses")
}

/// The sections `cache::write_sections` writes, from `courses`: records,
/// where each starts, meta, then `extra`'s.
fn write_sections(
    file: fs::File,
    print: u128,
    meta: &Meta,
    courses: &AllCourses<'_>,
    extra: &dyn Extra,
) -> std::io::Result<()> {
    let n = courses.len();
    let chunks: Vec<std::io::Result<Encoded<'_>>> = (0..n.div_ceil(CHUNK))
        .into_par_iter()
        .map(|k| courses.encode(k * CHUNK, ((k + 1) * CHUNK).min(n)))
        .collect();
    let mut out = SectionWriter::new(file)?;
    out.begin()?;
    let mut at: Vec<u8> = Vec::with_capacity(4 * (n + 1));
    let mut texts: Vec<Text<'_>> = Vec::with_capacity(n);
    let mut pos = 0u32;
    at.extend_from_slice(&0u32.to_le_bytes());
    for chunk in chunks {
        let (bytes, lens, chunk_texts) = chunk?;
        out.write(&bytes)?;
        for t in chunk_texts {
            let at = pos.checked_add(t.at).ok_or_else(too_large)?;
            texts.push(Text { at, ..t });
        }
        for len in lens {
            pos = pos.checked_add(len).ok_or_else(too_large)?;
            at.extend_from_slice(&pos.to_le_bytes());
        }
    }
    out.begin()?;
    out.write(&at)?;
    drop(at);
    out.begin()?;
    out.write(&postcard::to_stdvec(meta).map_err(std::io::Error::other)?)?;
    extra.write(&texts, &mut out)?;
    out.finish(cache::MAGIC, print)
}
