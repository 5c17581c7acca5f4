//! The compiled cache read in place, for a run that needs only a few
//! courses (a search prints at most its limit): the listings and tier ids
//! in memory, every course left in the mapped file until asked for. A warm
//! cache is used without parsing the rulebooks: it holds what a search
//! needs of them, under a fingerprint of their texts.

use std::path::{Path, PathBuf};

use super::cache::{self, Extra};
use super::cache_file::MappedFile;
use super::load_error::LoadError;
use super::model::{Course, Listing};
use super::sources::DirSources;
use super::{unknown_tier, Catalogue, CourseId, TierNameError};
use crate::units::checked::Checked;

/// A warm cache, mapped.
pub struct Mapped {
    /// Every listing: the rulebooks', then the CSVs'.
    listings: Vec<Listing>,
    tiers: Vec<String>,
    file: MappedFile,
    path: PathBuf,
    courses: usize,
}

/// What opening the cache found.
pub enum Opened {
    /// Of these sources as they are now.
    Warm(Mapped),
    /// Stale, damaged or missing: `Cold::load` compiles it again.
    Cold(Box<Cold>),
}

/// A cache to compile again, with what finding so already read.
pub struct Cold {
    sources: DirSources,
    rulebooks: Catalogue,
    path: PathBuf,
}

impl Mapped {
    /// The cache of `dir`'s sources; `Ok(None)` when `dir` has no CSVs
    /// (the built-in and `dir`'s rulebooks are the whole catalogue).
    pub fn open(dir: &Path, cache_dir: &Path) -> Result<Option<Opened>, LoadError> {
        let sources = DirSources::read(dir)?;
        if sources.csvs.is_empty() {
            return Ok(None);
        }
        let path = cache::cache_file(dir, cache_dir);
        // No cache at all (the first run, or one just removed): cold for
        // sure, and the CSVs are read once, as they are parsed, not twice.
        let print = match path.exists() {
            true => Some(cache::current_print(&sources)?),
            false => None,
        };
        if let Some(file) = print.and_then(|print| MappedFile::open(&path, cache::MAGIC, print)) {
            if let Some(meta) = cache::read_meta(&file, &sources).filter(Mapped::whole) {
                return Ok(Some(Opened::Warm(Mapped::new(file, meta, &path))));
            }
        }
        // Parsed only now: a warm run never needs them (nor their memory),
        // and a cold one's few ms here are nothing beside the CSV's.
        let rulebooks = sources.build_rulebooks()?;
        Ok(Some(Opened::Cold(Box::new(Cold {
            sources,
            rulebooks,
            path,
        }))))
    }

    /// Whether a meta's counts and indexes agree with each other.
    fn whole(meta: &cache::Meta) -> bool {
        let listings = meta.rulebook_list.len() + meta.listings.len();
        meta.rulebook_list.len() == meta.rulebook_listings
            && meta.courses >= meta.rulebook_courses
            && meta
                .rulebook_list
                .iter()
                .chain(&meta.listings)
                .all(|l| l.course.is_none_or(|c| c < meta.courses))
            && listings >= meta.rulebook_listings
    }

    fn new(file: MappedFile, meta: cache::Meta, path: &Path) -> Mapped {
        let mut listings = meta.rulebook_list;
        listings.extend(meta.listings);
        Mapped {
            listings,
            tiers: meta.tiers,
            file,
            path: path.to_path_buf(),
            courses: meta.courses,
        }
    }

    /// Every listing of the catalogue, as `Catalogue::listings` holds them.
    pub fn listings(&self) -> &[Listing] {
        &self.listings
    }

    /// A tier id as typed, in any case (as `Catalogue::find_tier`).
    pub fn find_tier(&self, typed: &str) -> Result<&str, TierNameError> {
        let typed = typed.trim();
        match self.tiers.iter().find(|t| t.eq_ignore_ascii_case(typed)) {
            Some(t) => Ok(t),
            None => {
                let ids: Vec<&str> = self.tiers.iter().map(String::as_str).collect();
                Err(unknown_tier(typed, &ids))
            }
        }
    }

    /// How many courses the whole catalogue has.
    pub fn course_count(&self) -> usize {
        self.courses
    }

    /// The courses `ids`, decoded from the file as the whole catalogue
    /// holds them; `None` if any record is damaged or out of range.
    pub fn courses(&self, ids: &[CourseId]) -> Option<Vec<Course>> {
        cache::read_courses(&self.file, self.courses, ids.iter().copied())
    }

    /// The section of the course records, whose texts an `Extra` may
    /// point into (see `Extra::write`).
    pub fn records(&self) -> Option<Checked<'_>> {
        self.file.section(cache::RECORDS)
    }

    /// The `k`th section an `Extra` wrote, if there is one.
    pub fn extra(&self, k: usize) -> Option<Checked<'_>> {
        self.file.section(cache::FIRST_EXTRA + k)
    }

    /// Removes the cache file, found damaged, so the next load rebuilds it
    /// (unmapped first: this mapping keeps the old bytes either way).
    pub fn discard(self) {
        let Mapped { file, path, .. } = self;
        drop(file);
        let _ = std::fs::remove_file(path);
    }

    /// How many sections the `Extra` wrote (none in a cache written without).
    pub fn extras(&self) -> usize {
        self.file.count().saturating_sub(cache::FIRST_EXTRA)
    }
}

impl Cold {
    /// Writes the cache with `extra`'s sections straight from the CSVs,
    /// without the catalogue (`cache_cold`), and maps it: what a search
    /// needs. `None` if the cache could not be written (load the
    /// catalogue instead). A CSV the streamed path does not take (a bad
    /// row, say) is loaded as the catalogue loads it, which says what is
    /// wrong.
    pub fn write(self: Box<Self>, extra: &dyn Extra) -> Result<Option<Mapped>, LoadError> {
        let Cold {
            sources,
            rulebooks,
            path,
        } = *self;
        use super::cache_cold::{write, Streamed};
        let print = match write(&sources, rulebooks, &path, extra) {
            Streamed::Written(print) => print,
            Streamed::NotWritten => return Ok(None),
            Streamed::Refused => {
                let rulebooks = sources.build_rulebooks()?;
                let (catalogue, print) = cache::load_cold(&sources, rulebooks, &path, Some(extra))?;
                std::mem::forget(catalogue);
                print
            }
        };
        Ok(
            MappedFile::open(&path, cache::MAGIC, print).and_then(|file| {
                let meta = cache::read_meta(&file, &sources).filter(Mapped::whole)?;
                Some(Mapped::new(file, meta, &path))
            }),
        )
    }

    /// Parses the CSVs and writes the cache with `extra`'s sections, then
    /// maps what was written (under the print of the bytes just parsed: no
    /// file is read again). The catalogue is the whole one, as loading the
    /// files gives it; the map is `None` if the cache could not be written.
    pub fn load(
        self: Box<Self>,
        extra: &dyn Extra,
    ) -> Result<(Catalogue, Option<Mapped>), LoadError> {
        let Cold {
            sources,
            rulebooks,
            path,
        } = *self;
        let (catalogue, print) = cache::load_cold(&sources, rulebooks, &path, Some(extra))?;
        let mapped = MappedFile::open(&path, cache::MAGIC, print).and_then(|file| {
            let meta = cache::read_meta(&file, &sources).filter(Mapped::whole)?;
            Some(Mapped::new(file, meta, &path))
        });
        Ok((catalogue, mapped))
    }
}
