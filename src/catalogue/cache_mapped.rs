//! The compiled cache read in place, for a run that needs only a few
//! courses (a search prints at most its limit): the rulebooks and the CSVs'
//! listings in memory, every course left in the mapped file until asked for.

use std::path::{Path, PathBuf};

use super::cache::{self, Extra};
use super::cache_file::MappedFile;
use super::load::LoadError;
use super::model::Course;
use super::sources::DirSources;
use super::{Catalogue, CourseId};
use crate::units::checked::Checked;

/// A warm cache, mapped.
pub struct Mapped {
    /// The rulebooks with the CSVs' listings and durations; its `courses`
    /// are the rulebooks' alone, as they were before the CSVs.
    catalogue: Catalogue,
    file: MappedFile,
    path: PathBuf,
    courses: usize,
}

/// What opening the cache found.
pub enum Opened {
    /// Of these sources as they are now, and compiled on these rulebooks.
    Warm(Mapped),
    /// Stale, damaged or missing: `Cold::load` compiles it again.
    Cold(Cold),
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
        let (built, print) = std::thread::scope(|scope| {
            let print = scope.spawn(|| cache::current_print(&sources));
            (sources.build_rulebooks(), print.join())
        });
        let rulebooks = built?;
        // A reader that died is a cache that could not be read.
        let print = match print {
            Ok(print) => Some(print?),
            Err(_) => None,
        };
        if let Some(file) = print.and_then(|print| MappedFile::open(&path, cache::MAGIC, print)) {
            if let Some(meta) = Mapped::meta(&file, &rulebooks) {
                return Ok(Some(Opened::Warm(Mapped::new(
                    file, rulebooks, meta, &path,
                ))));
            }
        }
        Ok(Some(Opened::Cold(Cold {
            sources,
            rulebooks,
            path,
        })))
    }

    /// The meta of `file`, if it is a cache of `catalogue`'s rulebooks.
    fn meta(file: &MappedFile, catalogue: &Catalogue) -> Option<cache::Meta> {
        let meta = cache::read_meta(file)?;
        let rulebook_courses = cache::read_courses(file, meta.courses, 0..meta.rulebook_courses)?;
        cache::fits(catalogue, &meta, &rulebook_courses).then_some(meta)
    }

    fn new(file: MappedFile, mut catalogue: Catalogue, meta: cache::Meta, path: &Path) -> Mapped {
        let courses = meta.courses;
        cache::add_meta(&mut catalogue, meta);
        Mapped {
            catalogue,
            file,
            path: path.to_path_buf(),
            courses,
        }
    }

    /// The rulebooks, with the CSVs' listings: its tiers and listings are
    /// the whole catalogue's, its courses only the rulebooks' (read the
    /// others with `courses`).
    pub fn rulebooks(&self) -> &Catalogue {
        &self.catalogue
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
    /// Parses the CSVs and writes the cache with `extra`'s sections, then
    /// maps what was written (under the print of the bytes just parsed: no
    /// file is read again). The catalogue is the whole one, as loading the
    /// files gives it; the map is `None` if the cache could not be written.
    pub fn load(self, extra: &dyn Extra) -> Result<(Catalogue, Option<Mapped>), LoadError> {
        let Cold {
            sources,
            rulebooks,
            path,
        } = self;
        let keep = rulebooks.clone();
        let (catalogue, print) = cache::load_cold(&sources, rulebooks, &path, Some(extra))?;
        let mapped = MappedFile::open(&path, cache::MAGIC, print).and_then(|file| {
            let meta = Mapped::meta(&file, &keep)?;
            Some(Mapped::new(file, keep, meta, &path))
        });
        Ok((catalogue, mapped))
    }
}
