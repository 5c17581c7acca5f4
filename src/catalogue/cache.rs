//! A compiled cache of what the course CSVs of `--data DIR` add: a portal
//! export of 100,000 rows takes far longer to parse, normalise and
//! de-duplicate than to read back once compiled.
//!
//! The rulebooks are always parsed afresh (a few ms); the cache holds the
//! courses and CSV listings that loading the CSVs on top of them produced,
//! under a fingerprint of every source text (the built-in and `DIR`'s TOML,
//! each CSV's name and bytes) and of this karmadash's version. Any change
//! to any of them, a torn or foreign file, or a cache that does not fit the
//! rulebooks just parsed, and the CSVs are loaded as if there were no cache;
//! the cache is then rewritten. Failing to write it is never an error: it
//! is only ever a faster way to the same catalogue.

use std::fs;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

use super::load::LoadError;
use super::model::{Course, Listing};
use super::sources::{io_error, DirSources};
use super::{course_csv, CachedKeys, Catalogue};

/// The file format; bump it whenever `Compiled` or the loader changes.
const MAGIC: &[u8; 8] = b"kdcat\x00\x00\x04";
/// Magic, fingerprint (16 bytes), payload checksum (8 bytes).
const HEADER: usize = 8 + 16 + 8;

/// What loading the CSVs added to the rulebooks' catalogue.
#[derive(Serialize, Deserialize)]
struct Compiled {
    /// Courses and listings of the rulebooks alone: the cache fits only
    /// the catalogue it was compiled on.
    rulebook_courses: usize,
    rulebook_listings: usize,
    /// Every course after the CSVs (known ones may have gained aliases and
    /// listings).
    courses: Vec<Course>,
    /// The CSVs' listings, after the rulebooks' own.
    listings: Vec<Listing>,
    /// The CSVs' `duration` column.
    durations: Vec<course_csv::CsvDuration>,
}

/// The catalogue of `sources`, its CSVs through the cache in `cache_dir`.
/// The rulebooks are parsed while the cache is read, on another thread.
pub(super) fn load(
    sources: DirSources,
    dir: &Path,
    cache_dir: &Path,
) -> Result<Catalogue, LoadError> {
    if sources.csvs.is_empty() {
        return sources.build_rulebooks();
    }
    let file = cache_file(dir, cache_dir);
    let (built, warm) = std::thread::scope(|scope| {
        let warm = scope.spawn(|| read_warm(&sources, &file));
        (sources.build_rulebooks(), warm.join())
    });
    let mut catalogue = built?;
    // A reader that died is a cache that could not be read.
    if let Some(compiled) = warm.unwrap_or(Ok(None))? {
        if apply(&mut catalogue, compiled) {
            return Ok(catalogue);
        }
    }
    let csvs = &sources.csvs;
    // Cold: the bytes parsed are the bytes fingerprinted, so a file that
    // changes meanwhile is never cached under another version's print.
    let texts = csvs
        .iter()
        .map(|path| fs::read(path).map_err(|e| io_error(path, e)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut next = texts.iter();
    let fingerprint = fingerprint(&sources, |_, hasher| {
        let bytes = next.next().expect("one text a CSV");
        hasher.update(bytes);
        Ok(bytes.len() as u64)
    })?;
    let rulebook_courses = catalogue.courses.len();
    let rulebook_listings = catalogue.listings.len();
    for (path, bytes) in csvs.iter().zip(&texts) {
        course_csv::add_bytes(&mut catalogue, &path.display().to_string(), bytes)?;
    }
    drop(texts);
    let compiled = Compiled {
        rulebook_courses,
        rulebook_listings,
        courses: catalogue.courses.clone(),
        listings: catalogue.listings[rulebook_listings..].to_vec(),
        durations: catalogue.durations.clone(),
    };
    write(&file, fingerprint, &compiled);
    Ok(catalogue)
}

/// The compiled catalogue in `file`, if it is of these sources as they are
/// now. The CSVs are streamed through a small buffer: a warm start never
/// holds them in memory.
fn read_warm(sources: &DirSources, file: &Path) -> Result<Option<Compiled>, LoadError> {
    let print = fingerprint(sources, |path, hasher| {
        let file = fs::File::open(path).map_err(|e| io_error(path, e))?;
        let mut reader = Hashing {
            inner: BufReader::with_capacity(1 << 16, file),
            hasher,
        };
        std::io::copy(&mut reader, &mut std::io::sink()).map_err(|e| io_error(path, e))
    })?;
    Ok(read(file, print))
}

/// The fingerprint of this karmadash and every source: each TOML text and
/// each CSV's name and bytes (which `add_csv` feeds to the hasher, giving
/// back how many it fed).
fn fingerprint(
    sources: &DirSources,
    mut add_csv: impl FnMut(&Path, &mut Xxh3) -> Result<u64, LoadError>,
) -> Result<u128, LoadError> {
    let mut hasher = Xxh3::new();
    hasher.update(MAGIC);
    hash_field(&mut hasher, env!("CARGO_PKG_VERSION").as_bytes());
    for s in sources.rulebooks.iter().chain(&sources.aliases) {
        hash_field(&mut hasher, s.name.as_bytes());
        hash_field(&mut hasher, s.text.as_bytes());
    }
    for path in &sources.csvs {
        hash_field(&mut hasher, path.display().to_string().as_bytes());
        let len = add_csv(path, &mut hasher)?;
        hasher.update(&len.to_le_bytes());
    }
    Ok(hasher.digest128())
}

/// A field's bytes, then its length: fields can never run into each other.
fn hash_field(hasher: &mut Xxh3, bytes: &[u8]) {
    hasher.update(bytes);
    hasher.update(&(bytes.len() as u64).to_le_bytes());
}

/// One cache file per data directory, named by its canonical path.
fn cache_file(dir: &Path, cache_dir: &Path) -> PathBuf {
    let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let name = xxh3_64(dir.display().to_string().as_bytes());
    cache_dir.join(format!("catalogue-{name:016x}.bin"))
}

/// The compiled catalogue in `file`, if it is whole and of `fingerprint`.
fn read(file: &Path, fingerprint: u128) -> Option<Compiled> {
    let mut reader = BufReader::with_capacity(1 << 16, fs::File::open(file).ok()?);
    let mut header = [0; HEADER];
    reader.read_exact(&mut header).ok()?;
    let stored = u128::from_le_bytes(header[8..24].try_into().ok()?);
    let checksum = u64::from_le_bytes(header[24..32].try_into().ok()?);
    if &header[..8] != MAGIC || stored != fingerprint {
        return None;
    }
    // Decoded as it is read, never held whole (a lower peak of memory),
    // and trusted only once the checksum of every byte read agrees.
    let mut payload = Hashing {
        inner: reader,
        hasher: Xxh3::new(),
    };
    let mut scratch = vec![0; LONGEST_TEXT];
    let (compiled, _) = postcard::from_io::<Compiled, _>((&mut payload, &mut scratch)).ok()?;
    std::io::copy(&mut payload, &mut std::io::sink()).ok()?;
    (payload.hasher.digest() == checksum).then_some(compiled)
}

/// The longest text a cache can hold (the decoder's scratch space); a
/// catalogue with a longer title is simply never cached.
const LONGEST_TEXT: usize = 1 << 16;

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

/// Writes the cache beside a temporary name, then renames it into place, so
/// a reader sees the old file or the new one, never half of one.
fn write(file: &Path, fingerprint: u128, compiled: &Compiled) {
    let too_long = |t: &str| t.len() > LONGEST_TEXT;
    if compiled.courses.iter().any(|c| {
        c.stored_key.as_deref().is_some_and(too_long)
            || too_long(&c.title)
            || c.aliases.iter().any(|a| too_long(a))
    }) || compiled.listings.iter().any(|l| {
        [&l.id, &l.title, &l.tier, &l.rulebook, &l.origin.file]
            .into_iter()
            .any(|t| too_long(t))
    }) {
        return;
    }
    let Ok(payload) = postcard::to_stdvec(compiled) else {
        return;
    };
    let mut bytes = Vec::with_capacity(HEADER + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&fingerprint.to_le_bytes());
    bytes.extend_from_slice(&xxh3_64(&payload).to_le_bytes());
    bytes.extend_from_slice(&payload);
    let Some(parent) = file.parent() else {
        return;
    };
    let temp = file.with_extension(format!("{}.tmp", std::process::id()));
    let written = create_private_dir(parent)
        .and_then(|()| write_private(&temp, &bytes))
        .and_then(|()| fs::rename(&temp, file));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
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

fn write_private(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(file)?.write_all(bytes)
}

/// Puts `compiled` into the rulebooks' `catalogue`, if it fits it: the same
/// rulebook courses, and every index in range. Changes nothing otherwise.
fn apply(catalogue: &mut Catalogue, compiled: Compiled) -> bool {
    let Compiled {
        rulebook_courses,
        rulebook_listings,
        courses,
        listings,
        durations,
    } = compiled;
    let total_listings = rulebook_listings + listings.len();
    let fits = rulebook_courses == catalogue.courses.len()
        && rulebook_listings == catalogue.listings.len()
        && courses.len() >= rulebook_courses
        && catalogue
            .courses
            .iter()
            .zip(&courses)
            .all(|(a, b)| a.stored_key == b.stored_key && a.title == b.title)
        && courses
            .iter()
            .all(|c| c.listings.iter().all(|&l| l < total_listings))
        && listings
            .iter()
            .all(|l| l.course.is_none_or(|c| c < courses.len()))
        && durations.iter().all(|d| d.course < courses.len());
    if !fits {
        return false;
    }
    // Indexed on the first lookup by title, which a search never makes.
    catalogue.cached_keys = Some(CachedKeys::from(rulebook_courses));
    catalogue.courses = courses;
    catalogue.durations = durations;
    for listing in listings {
        let index = catalogue.listings.len();
        catalogue.listing_by_id.insert(listing.id.clone(), index);
        catalogue.listings.push(listing);
    }
    true
}
