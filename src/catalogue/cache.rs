//! A compiled cache of what the course CSVs of `--data DIR` add: a portal
//! export of 100,000 rows takes far longer to parse, normalise and
//! de-duplicate than to read back once compiled.
//!
//! The rulebooks are always parsed afresh (a few ms); the cache holds the
//! courses and CSV listings that loading the CSVs on top of them produced,
//! under a fingerprint of every source text (the built-in and `DIR`'s TOML,
//! each CSV's name and bytes; a file of `DIR` by its name in it, so every
//! spelling of `--data` finds the one cache of the directory) and of this
//! karmadash's version. Any change
//! to any of them, a torn or foreign file, a block whose sum disagrees, or
//! a cache that does not fit the rulebooks just parsed, and the CSVs are
//! loaded as if there were no cache; the cache is then rewritten. Failing
//! to write it is never an error: it is only ever a faster way to the same
//! catalogue.
//!
//! The file (`cache_file`) is mapped, not read: each course is its own
//! record, so a search decodes only the courses it prints, and a higher
//! layer may keep more sections beside them (`Extra`: the ready search
//! index), read back through `cache_mapped::Mapped`.

use std::fs;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

use super::cache_file::{MappedFile, SectionWriter};
use super::load_error::LoadError;
use super::model::{Course, Listing};
use super::sources::{io_error, DirSources};
use super::{course_csv, CachedKeys, Catalogue};
use crate::units::checked::{u32_at, Checked};

/// The file format; bump it whenever a section or the loader changes.
pub(super) const MAGIC: &[u8; 8] = b"kdcat\x00\x00\x06";
/// The sections, in the order written: each course's record, where each
/// record starts, then `Meta`, then any `Extra` sections.
pub(super) const RECORDS: usize = 0;
pub(super) const COURSE_AT: usize = 1;
pub(super) const META: usize = 2;
pub(super) const FIRST_EXTRA: usize = 3;

/// What loading the CSVs added to the rulebooks' catalogue, but the
/// courses (their own section, a record each).
#[derive(Serialize, Deserialize)]
pub(super) struct Meta {
    /// Courses and listings of the rulebooks alone: the cache fits only
    /// the catalogue it was compiled on.
    pub rulebook_courses: usize,
    pub rulebook_listings: usize,
    /// Every course after the CSVs (known ones may have gained aliases and
    /// listings).
    pub courses: usize,
    /// The CSVs' listings, after the rulebooks' own.
    pub listings: Vec<Listing>,
    /// The rulebooks' own listings and tier ids: what a search needs of the
    /// rulebooks, so a warm one never parses them (the fingerprint holds
    /// their texts: parsed, they would give the same).
    pub rulebook_list: Vec<Listing>,
    pub tiers: Vec<String>,
    /// The CSVs' `duration` column.
    pub durations: Vec<course_csv::CsvDuration>,
    /// The directory as the run that wrote the cache spelled it: the
    /// files named above start so (`read_meta` spells them as the reader
    /// does).
    pub spelled: String,
}

/// More sections a higher layer keeps in the cache, written after the
/// catalogue's own (the search index).
pub trait Extra: Sync {
    /// `texts` holds every printed text, in order: each course's title,
    /// then its aliases, course after course; each with where its bytes
    /// start in the records section (`Mapped::records` reads them in place).
    fn write(&self, texts: &[Text<'_>], out: &mut SectionWriter) -> std::io::Result<()>;
}

/// A printed text of a course, and where its bytes start in the records.
#[derive(Clone, Copy)]
pub struct Text<'a> {
    pub course: u32,
    pub text: &'a str,
    pub at: u32,
}

/// The catalogue of `sources`, its CSVs through the cache in `cache_dir`.
/// The rulebooks are parsed while the CSVs are hashed, on another thread.
pub(super) fn load(
    sources: DirSources,
    dir: &Path,
    cache_dir: &Path,
    extra: Option<&dyn Extra>,
) -> Result<Catalogue, LoadError> {
    if sources.csvs.is_empty() {
        return sources.build_rulebooks();
    }
    let file = cache_file(dir, cache_dir);
    if !file.exists() {
        // Cold for sure: the CSVs are read once, as they are parsed.
        return load_cold(&sources, sources.build_rulebooks()?, &file, extra).map(|(c, _)| c);
    }
    let (built, print) = std::thread::scope(|scope| {
        let print = scope.spawn(|| current_print(&sources));
        (sources.build_rulebooks(), print.join())
    });
    let mut catalogue = built?;
    // A reader that died is a cache that could not be read.
    if let Ok(print) = print {
        if let Some(mapped) = MappedFile::open(&file, MAGIC, print?) {
            if let Some((meta, courses)) = read_whole(&mapped, &sources) {
                if apply(&mut catalogue, meta, courses) {
                    return Ok(catalogue);
                }
            }
        }
    }
    load_cold(&sources, catalogue, &file, extra).map(|(catalogue, _)| catalogue)
}

/// The CSVs parsed as they are hashed, in one pass over each file (the
/// bytes parsed are the bytes fingerprinted, so a file that changes
/// meanwhile is never cached under another version's print); then the
/// cache written.
/// Gives back the catalogue and the print the cache was written under.
pub(super) fn load_cold(
    sources: &DirSources,
    mut catalogue: Catalogue,
    file: &Path,
    extra: Option<&dyn Extra>,
) -> Result<(Catalogue, u128), LoadError> {
    let rulebook_courses = catalogue.courses.len();
    let rulebook_listings = catalogue.listings.len();
    let print = fingerprint(sources, |path, hasher| {
        let opened = fs::File::open(path).map_err(|e| io_error(path, e))?;
        // About one course a line: no table grown (and copied) ten times.
        let lines = opened.metadata().map_or(0, |m| m.len() / 48) as usize;
        catalogue.course_by_key.reserve(lines);
        catalogue.courses.reserve(lines);
        let mut reader = Hashing {
            inner: Counting {
                inner: opened,
                count: 0,
            },
            hasher,
        };
        course_csv::add_from(&mut catalogue, &path.display().to_string(), &mut reader)?;
        Ok(reader.inner.count)
    })?;
    let meta = Meta {
        rulebook_courses,
        rulebook_listings,
        courses: catalogue.courses.len(),
        listings: catalogue.listings[rulebook_listings..].to_vec(),
        rulebook_list: catalogue.listings[..rulebook_listings].to_vec(),
        tiers: catalogue.tiers.iter().map(|t| t.id.clone()).collect(),
        durations: catalogue.durations.clone(),
        spelled: sources.dir.display().to_string(),
    };
    write(file, print, &meta, &catalogue, extra);
    Ok((catalogue, print))
}

/// The fingerprint of the sources as they are now. The CSVs are streamed
/// through a small buffer: a warm start never holds them in memory.
pub(super) fn current_print(sources: &DirSources) -> Result<u128, LoadError> {
    fingerprint(sources, |path, hasher| {
        let file = fs::File::open(path).map_err(|e| io_error(path, e))?;
        let mut reader = Hashing {
            inner: BufReader::with_capacity(1 << 16, file),
            hasher,
        };
        std::io::copy(&mut reader, &mut std::io::sink()).map_err(|e| io_error(path, e))
    })
}

/// The fingerprint of this karmadash and every source: each TOML text and
/// each CSV's name and bytes (which `add_csv` feeds to the hasher, giving
/// back how many it fed).
pub(super) fn fingerprint(
    sources: &DirSources,
    mut add_csv: impl FnMut(&Path, &mut Xxh3) -> Result<u64, LoadError>,
) -> Result<u128, LoadError> {
    let mut hasher = Xxh3::new();
    hasher.update(MAGIC);
    hash_field(&mut hasher, env!("CARGO_PKG_VERSION").as_bytes());
    // The sections hold numbers as this machine writes them.
    hash_field(
        &mut hasher,
        cfg!(target_endian = "little").to_string().as_bytes(),
    );
    // The directory's own files by their names in it, not by how `--data`
    // was spelled: every spelling of one directory finds its one cache
    // (the file's name holds the directory's canonical path).
    let builtin = [super::builtin::RULEBOOKS.len(), 1];
    for (list, builtin) in [&sources.rulebooks, &sources.aliases]
        .into_iter()
        .zip(builtin)
    {
        for (i, s) in list.iter().enumerate() {
            let name = if i < builtin {
                &s.name
            } else {
                file_name(&s.name)
            };
            hash_field(&mut hasher, name.as_bytes());
            hash_field(&mut hasher, s.text.as_bytes());
        }
    }
    for path in &sources.csvs {
        hash_field(
            &mut hasher,
            file_name(&path.display().to_string()).as_bytes(),
        );
        let len = add_csv(path, &mut hasher)?;
        hasher.update(&len.to_le_bytes());
    }
    Ok(hasher.digest128())
}

/// The last part of a path: a file's name in its directory.
fn file_name(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// A field's bytes, then its length: fields can never run into each other.
fn hash_field(hasher: &mut Xxh3, bytes: &[u8]) {
    hasher.update(bytes);
    hasher.update(&(bytes.len() as u64).to_le_bytes());
}

/// One cache file per data directory, named by its canonical path.
pub(super) fn cache_file(dir: &Path, cache_dir: &Path) -> PathBuf {
    let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let name = xxh3_64(dir.display().to_string().as_bytes());
    cache_dir.join(format!("catalogue-{name:016x}.bin"))
}

/// The meta section, if whole and readable, its files named as `sources`
/// spell the directory.
pub(super) fn read_meta(mapped: &MappedFile, sources: &DirSources) -> Option<Meta> {
    let mut meta: Meta = postcard::from_bytes(mapped.section(META)?.all()?).ok()?;
    respell(&mut meta, sources);
    Some(meta)
}

/// The directory's files in `meta` as `sources` spell it (a cache written
/// for `s1M/data`, read for `./s1M/data`): the same catalogue as loading
/// the files under this spelling gives.
fn respell(meta: &mut Meta, sources: &DirSources) {
    let now = sources.dir.display().to_string();
    if meta.spelled == now {
        return;
    }
    let then = Path::new(&meta.spelled);
    let names: std::collections::HashMap<String, String> = sources
        .own_names()
        .into_iter()
        .map(|(spelled, name)| (then.join(name).display().to_string(), spelled))
        .collect();
    let origins = meta.listings.iter_mut().chain(&mut meta.rulebook_list);
    let origins = origins
        .map(|l| &mut l.origin)
        .chain(meta.durations.iter_mut().map(|d| &mut d.origin));
    for origin in origins {
        if let Some(spelled) = names.get(&origin.file) {
            origin.file.clone_from(spelled);
        }
    }
    meta.spelled = now;
}

/// Every course of the cache, if every record is whole. The file's pages
/// are handed back as their records are decoded: a whole load holds the
/// courses, not the file as well.
fn read_whole(mapped: &MappedFile, sources: &DirSources) -> Option<(Meta, Vec<Course>)> {
    let meta = read_meta(mapped, sources)?;
    let records = Records::of(mapped, meta.courses)?;
    let mut courses = Vec::with_capacity(meta.courses);
    for id in 0..meta.courses {
        courses.push(records.course(id)?);
        if id % 4096 == 4095 {
            mapped.forget_pages(RECORDS, records.end_of(id));
        }
    }
    Some((meta, courses))
}

/// The courses `ids` of a cache of `count` courses, decoded from their
/// records; `None` if any is out of range or damaged.
pub(super) fn read_courses(
    mapped: &MappedFile,
    count: usize,
    ids: impl IntoIterator<Item = usize>,
) -> Option<Vec<Course>> {
    let records = Records::of(mapped, count)?;
    ids.into_iter().map(|id| records.course(id)).collect()
}

/// The course records of a cache and where each starts.
struct Records<'a> {
    at: &'a [u8],
    records: Checked<'a>,
    count: usize,
}

impl<'a> Records<'a> {
    fn of(mapped: &'a MappedFile, count: usize) -> Option<Records<'a>> {
        let at = mapped.section(COURSE_AT)?.all()?;
        let records = mapped.section(RECORDS)?;
        (at.len() == (count.checked_add(1)?).checked_mul(4)?).then_some(Records {
            at,
            records,
            count,
        })
    }

    fn end_of(&self, id: usize) -> usize {
        u32_at(self.at, id + 1) as usize
    }

    fn course(&self, id: usize) -> Option<Course> {
        if id >= self.count {
            return None;
        }
        let (from, to) = (u32_at(self.at, id) as usize, self.end_of(id));
        postcard::from_bytes(self.records.range(from, to)?).ok()
    }
}

/// A reader that hashes what passes through it (also the roster's
/// fingerprint of a report file).
pub(crate) struct Hashing<R, H> {
    pub(crate) inner: R,
    pub(crate) hasher: H,
}

impl<R: Read, H: std::borrow::BorrowMut<Xxh3>> Read for Hashing<R, H> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.borrow_mut().update(&buf[..n]);
        Ok(n)
    }
}

/// A reader that counts the bytes that pass through it.
pub(super) struct Counting<R> {
    pub(super) inner: R,
    pub(super) count: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

/// Writes the cache beside a temporary name, then renames it into place, so
/// a reader sees the old file or the new one, never half of one.
fn write(file: &Path, print: u128, meta: &Meta, catalogue: &Catalogue, extra: Option<&dyn Extra>) {
    write_with(file, |f| write_sections(f, print, meta, catalogue, extra));
}

/// Writes the cache file with `sections` as `write` does: whether it did.
pub(super) fn write_with(
    file: &Path,
    sections: impl FnOnce(fs::File) -> std::io::Result<()>,
) -> bool {
    let Some(parent) = file.parent() else {
        return false;
    };
    let temp = file.with_extension(format!("{}.tmp", std::process::id()));
    let written = create_private_dir(parent)
        .and_then(|()| create_private(&temp))
        .and_then(sections)
        .and_then(|()| fs::rename(&temp, file));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written.is_ok()
}

fn write_sections(
    file: fs::File,
    print: u128,
    meta: &Meta,
    catalogue: &Catalogue,
    extra: Option<&dyn Extra>,
) -> std::io::Result<()> {
    let too_large = || std::io::Error::other("over 4 GB of courses");
    let mut out = SectionWriter::new(file)?;
    out.begin()?;
    let mut at: Vec<u8> = Vec::with_capacity(4 * (catalogue.courses.len() + 1));
    let mut texts: Vec<u32> = Vec::new();
    let (mut pos, mut record) = (0u32, Vec::new());
    at.extend_from_slice(&0u32.to_le_bytes());
    for course in &catalogue.courses {
        record.clear();
        postcard::to_io(course, &mut record).map_err(std::io::Error::other)?;
        if extra.is_some() {
            for text in text_offsets(course, &record)? {
                texts.push(pos.checked_add(text).ok_or_else(too_large)?);
            }
        }
        out.write(&record)?;
        pos = u32::try_from(record.len())
            .ok()
            .and_then(|n| pos.checked_add(n))
            .ok_or_else(too_large)?;
        at.extend_from_slice(&pos.to_le_bytes());
    }
    out.begin()?;
    out.write(&at)?;
    drop(at);
    out.begin()?;
    out.write(&postcard::to_stdvec(meta).map_err(std::io::Error::other)?)?;
    if let Some(extra) = extra {
        let all = catalogue.courses.iter().enumerate().flat_map(|(id, c)| {
            std::iter::once(c.title.as_str())
                .chain(c.aliases.iter().map(String::as_str))
                .map(move |t| (id, t))
        });
        let mut list = Vec::with_capacity(texts.len());
        for ((course, text), &at) in all.zip(&texts) {
            let course = u32::try_from(course).map_err(|_| too_large())?;
            list.push(Text { course, text, at });
        }
        if list.len() != texts.len() {
            return Err(std::io::Error::other(
                "a text without its place in the records",
            ));
        }
        extra.write(&list, &mut out)?;
    }
    out.finish(MAGIC, print)
}

/// Where a course's title and aliases start in its `record` (postcard: the
/// key, then each text after its length, a varint), each checked against
/// the text itself: a layout that ever differs writes no cache, never a
/// wrong one.
pub(super) fn text_offsets(course: &Course, record: &[u8]) -> std::io::Result<Vec<u32>> {
    let varint = |n: usize| (usize::BITS - n.leading_zeros()).max(1).div_ceil(7) as usize;
    let mut pos = match &course.stored_key {
        None => 1,
        Some(key) => 1 + varint(key.len()) + key.len(),
    };
    let mut found = Vec::with_capacity(1 + course.aliases.len());
    let mut text = |pos: &mut usize, t: &str| -> std::io::Result<()> {
        *pos += varint(t.len());
        if record.get(*pos..*pos + t.len()) != Some(t.as_bytes()) {
            return Err(std::io::Error::other("a course record laid out otherwise"));
        }
        found.push(u32::try_from(*pos).map_err(std::io::Error::other)?);
        *pos += t.len();
        Ok(())
    };
    text(&mut pos, &course.title)?;
    pos += varint(course.aliases.len());
    for alias in &course.aliases {
        text(&mut pos, alias)?;
    }
    Ok(found)
}

/// The cache may sit beside a person's store and shows which lists they
/// use: owner-only, like the store and its exports.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

fn create_private(file: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(file)
}

/// Puts `meta` and `courses` into the rulebooks' `catalogue`, if they fit
/// it: the same rulebook courses, and every index in range. Changes
/// nothing otherwise.
fn apply(catalogue: &mut Catalogue, meta: Meta, courses: Vec<Course>) -> bool {
    if !fits(
        catalogue,
        &meta,
        &courses[..meta.rulebook_courses.min(courses.len())],
    ) {
        return false;
    }
    let total_listings = meta.rulebook_listings + meta.listings.len();
    if !courses
        .iter()
        .all(|c| c.listings.iter().all(|&l| l < total_listings))
    {
        return false;
    }
    // Indexed on the first lookup by title, which a search never makes.
    catalogue.cached_keys = Some(CachedKeys::from(meta.rulebook_courses));
    catalogue.courses = courses;
    add_meta(catalogue, meta);
    true
}

/// Whether `meta` was compiled on these rulebooks (`rulebook_courses`
/// their courses as the cache holds them) and its indexes are in range.
pub(super) fn fits(catalogue: &Catalogue, meta: &Meta, rulebook_courses: &[Course]) -> bool {
    meta.rulebook_courses == catalogue.courses.len()
        && meta.rulebook_listings == catalogue.listings.len()
        && meta.courses >= meta.rulebook_courses
        && rulebook_courses.len() == meta.rulebook_courses
        && catalogue
            .courses
            .iter()
            .zip(rulebook_courses)
            .all(|(a, b)| a.stored_key == b.stored_key && a.title == b.title)
        && meta
            .listings
            .iter()
            .all(|l| l.course.is_none_or(|c| c < meta.courses))
        && meta.durations.iter().all(|d| d.course < meta.courses)
        && meta.rulebook_list.len() == meta.rulebook_listings
}

/// The CSVs' listings and durations, after the rulebooks' own.
pub(super) fn add_meta(catalogue: &mut Catalogue, meta: Meta) {
    catalogue.durations = meta.durations;
    for listing in meta.listings {
        let index = catalogue.listings.len();
        catalogue.listing_by_id.insert(listing.id.clone(), index);
        catalogue.listings.push(listing);
    }
}
