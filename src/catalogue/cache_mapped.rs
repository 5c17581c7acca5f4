//! The compiled cache read in place, for a run that needs only a few
//! courses (a search prints at most its limit): the rulebooks and the CSVs'
//! listings in memory, every course left in the mapped file until asked for.

use std::path::Path;

use super::cache;
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
    path: std::path::PathBuf,
    courses: usize,
}

impl Mapped {
    /// The cache of `dir`'s sources, if it is warm: of these sources as
    /// they are now, and compiled on these rulebooks. `Ok(None)` when it is
    /// not (or `dir` has no CSVs): load the catalogue instead, which
    /// rewrites it.
    pub fn open(dir: &Path, cache_dir: &Path) -> Result<Option<Mapped>, LoadError> {
        let sources = DirSources::read(dir)?;
        if sources.csvs.is_empty() {
            return Ok(None);
        }
        let path = cache::cache_file(dir, cache_dir);
        let (built, print) = std::thread::scope(|scope| {
            let print = scope.spawn(|| cache::current_print(&sources));
            (sources.build_rulebooks(), print.join())
        });
        let mut catalogue = built?;
        let Ok(print) = print else {
            return Ok(None);
        };
        let Some(file) = MappedFile::open(&path, cache::MAGIC, print?) else {
            return Ok(None);
        };
        let Some(meta) = cache::read_meta(&file) else {
            return Ok(None);
        };
        let Some(rulebook_courses) =
            cache::read_courses(&file, meta.courses, 0..meta.rulebook_courses)
        else {
            return Ok(None);
        };
        if !cache::fits(&catalogue, &meta, &rulebook_courses) {
            return Ok(None);
        }
        let courses = meta.courses;
        cache::add_meta(&mut catalogue, meta);
        Ok(Some(Mapped {
            catalogue,
            file,
            path,
            courses,
        }))
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
