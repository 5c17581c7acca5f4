//! The catalogue: rulebooks, tiers, listings and courses, loaded from the
//! data files. Pure data and lookups; no terminal or database code.

pub mod builtin;
pub mod cache;
mod cache_cold;
pub mod cache_file;
pub mod cache_mapped;
pub mod course_csv;
pub mod identity;
pub mod lint;
pub mod load;
mod load_error;
mod load_requirement;
pub mod model;
mod names;
pub mod portal;
pub mod portal_match;
mod raw;
mod resolve;
pub mod sources;

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

pub use course_csv::RowError;
pub use load::Source;
pub use load_error::{Cause, LoadError, LoadProblem};
pub use load_requirement::RequirementError;
pub use model::*;
pub use names::{ServiceError, TierNameError};
pub use resolve::{resolve_course, CourseError};

#[derive(Debug, Clone)]
pub struct Catalogue {
    pub rulebooks: Vec<Rulebook>,
    pub tiers: Vec<Tier>,
    pub listings: Vec<Listing>,
    pub courses: Vec<Course>,
    /// Fx, not SipHash: 100,000 titles of the user's own data need no
    /// defence against crafted collisions, and hashing them was a tenth of
    /// loading a large catalogue.
    course_by_key: FxHashMap<String, CourseId>,
    listing_by_id: FxHashMap<String, usize>,
    /// Set on a catalogue read back from the compiled cache: the keys of
    /// its CSV courses, not in `course_by_key`.
    cached_keys: Option<CachedKeys>,
    /// Durations the course CSVs give (the `duration` column).
    pub durations: Vec<course_csv::CsvDuration>,
}

/// The keys of `courses[from..]`, indexed on the first lookup.
#[derive(Debug, Clone)]
struct CachedKeys {
    from: CourseId,
    index: OnceLock<FxHashMap<String, CourseId>>,
}

impl CachedKeys {
    fn from(from: CourseId) -> CachedKeys {
        CachedKeys {
            from,
            index: OnceLock::new(),
        }
    }
}

/// Why a typed tier id is none of `ids`: the nearest ids, or all of them
/// when none is near. The catalogue and its mapped cache refuse alike.
pub fn unknown_tier(typed: &str, ids: &[&str]) -> TierNameError {
    let near = crate::units::nearest::nearest(typed, ids.iter().copied());
    let typed = typed.to_string();
    if near.is_empty() {
        TierNameError::NothingNear {
            typed,
            known: ids.iter().map(|t| t.to_string()).collect(),
        }
    } else {
        TierNameError::Near {
            typed,
            nearest: near.into_iter().map(str::to_string).collect(),
        }
    }
}

impl Catalogue {
    fn new(
        rulebooks: Vec<Rulebook>,
        tiers: Vec<Tier>,
        listings: Vec<Listing>,
        courses: Vec<Course>,
        course_by_key: FxHashMap<String, CourseId>,
    ) -> Self {
        let listing_by_id = listings
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.clone(), i))
            .collect();
        Catalogue {
            rulebooks,
            tiers,
            listings,
            courses,
            course_by_key,
            listing_by_id,
            cached_keys: None,
            durations: Vec::new(),
        }
    }

    /// The catalogue compiled into the binary.
    pub fn builtin() -> Result<Catalogue, LoadError> {
        let rulebooks: Vec<Source> = builtin::RULEBOOKS
            .iter()
            .map(|(name, text)| Source::new(*name, *text))
            .collect();
        let aliases = [Source::new(builtin::ALIASES.0, builtin::ALIASES.1)];
        load::build(&rulebooks, &aliases)
    }

    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.id == id)
    }

    /// A tier as typed: its id in any case; unknown ones get the nearest
    /// ids only, not the whole list.
    pub fn find_tier(&self, typed: &str) -> Result<&Tier, TierNameError> {
        let typed = typed.trim();
        if let Some(t) = self.tiers.iter().find(|t| t.id.eq_ignore_ascii_case(typed)) {
            return Ok(t);
        }
        Err(unknown_tier(typed, &self.tier_ids()))
    }

    pub fn rulebook(&self, id: &str) -> Option<&Rulebook> {
        self.rulebooks.iter().find(|r| r.id == id)
    }

    pub fn tier_ids(&self) -> Vec<&str> {
        self.tiers.iter().map(|t| t.id.as_str()).collect()
    }

    /// The listings of a tier in the order printed (mandatory table first).
    pub fn tier_listings<'a>(&'a self, tier: &'a str) -> impl Iterator<Item = &'a Listing> + 'a {
        self.listings.iter().filter(move |l| l.tier == tier)
    }

    /// Distinct courses of a tier with a given status (editing notes excluded).
    pub fn tier_courses(&self, tier: &str, status: Option<ListingStatus>) -> Vec<CourseId> {
        let mut ids: Vec<CourseId> = self
            .tier_listings(tier)
            .filter(|l| status.is_none_or(|s| l.status == s))
            .filter_map(|l| l.course)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The course a title names, by normalised title or alias; never fuzzy.
    pub fn course_by_title(&self, title: &str) -> Option<CourseId> {
        self.course_of_key(&identity::normalise(title))
    }

    /// The course of a normalised title.
    fn course_of_key(&self, key: &str) -> Option<CourseId> {
        if let Some(&id) = self.course_by_key.get(key) {
            return Some(id);
        }
        let cached = self.cached_keys.as_ref()?;
        let index = cached.index.get_or_init(|| {
            let courses = self.courses[cached.from..].iter();
            (cached.from..)
                .zip(courses)
                .map(|(id, c)| (c.key().into_owned(), id))
                .collect()
        });
        index.get(key).copied()
    }

    pub fn listing(&self, id: &str) -> Option<&Listing> {
        self.listing_by_id.get(id).map(|&i| &self.listings[i])
    }

    pub fn course_listings(&self, course: CourseId) -> impl Iterator<Item = &Listing> {
        self.courses[course]
            .listings
            .iter()
            .map(|&i| &self.listings[i])
    }

    /// Tier ids that list a course, in catalogue order, without repeats.
    pub fn course_tiers(&self, course: CourseId) -> Vec<&str> {
        let mut tiers: Vec<&str> = Vec::new();
        for l in self.course_listings(course) {
            if !tiers.contains(&l.tier.as_str()) {
                tiers.push(&l.tier);
            }
        }
        tiers
    }
}
