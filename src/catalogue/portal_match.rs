//! The orders' listed titles matched to the portal's courses: by the
//! normalised title and the alias table, as every other title is matched,
//! never fuzzily. A title the portal has twice keeps both courses.

use rustc_hash::FxHashMap;

use super::identity::normalise;
use super::lint::{Finding, Severity};
use super::portal::{PortalCourse, PortalSnapshot};
use super::{Catalogue, CourseId, SourceDefect};

/// The portal's courses of each catalogue course.
#[derive(Debug)]
pub struct PortalIndex<'a> {
    pub snapshot: &'a PortalSnapshot,
    by_course: FxHashMap<CourseId, Vec<usize>>,
    /// The catalogue course each portal course is, if any.
    course_of: Vec<Option<CourseId>>,
}

/// How many of the orders' listed courses the snapshot has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedMatch {
    pub listed: usize,
    pub matched: usize,
    /// The listed courses it lacks, in catalogue order.
    pub missing: Vec<CourseId>,
}

impl<'a> PortalIndex<'a> {
    pub fn new(catalogue: &Catalogue, snapshot: &'a PortalSnapshot) -> PortalIndex<'a> {
        let mut by_course: FxHashMap<CourseId, Vec<usize>> = FxHashMap::default();
        let course_of: Vec<Option<CourseId>> = snapshot
            .courses
            .iter()
            .map(|p| catalogue.course_by_title(&p.name))
            .collect();
        for (i, c) in course_of.iter().enumerate() {
            if let Some(c) = c {
                by_course.entry(*c).or_default().push(i);
            }
        }
        PortalIndex {
            snapshot,
            by_course,
            course_of,
        }
    }

    /// The portal's courses of a catalogue course (two when two share its title).
    pub fn courses_of(&self, course: CourseId) -> impl Iterator<Item = &'a PortalCourse> + '_ {
        let courses = &self.snapshot.courses;
        self.by_course
            .get(&course)
            .into_iter()
            .flatten()
            .map(move |&i| &courses[i])
    }

    /// The catalogue course a portal course is, by its place in the snapshot.
    pub fn catalogue_course(&self, portal: usize) -> Option<CourseId> {
        self.course_of.get(portal).copied().flatten()
    }

    /// The course key a portal course plans under: its catalogue course's
    /// key, else its own normalised title.
    pub fn key(&self, catalogue: &Catalogue, portal: usize) -> String {
        match self.catalogue_course(portal) {
            Some(c) => catalogue.courses[c].key().into_owned(),
            None => normalise(&self.snapshot.courses[portal].name),
        }
    }

    /// The listed courses (editing notes are none) and which the portal has.
    pub fn listed(&self, catalogue: &Catalogue) -> ListedMatch {
        let mut seen = vec![false; catalogue.courses.len()];
        let mut out = ListedMatch {
            listed: 0,
            matched: 0,
            missing: Vec::new(),
        };
        for c in catalogue.listings.iter().filter_map(|l| l.course) {
            if std::mem::replace(&mut seen[c], true) {
                continue;
            }
            out.listed += 1;
            if self.by_course.contains_key(&c) {
                out.matched += 1;
            } else {
                out.missing.push(c);
            }
        }
        out
    }

    /// A note for each listed title the portal does not have, at its first
    /// row; a title cut off in the order says so.
    pub fn lint(&self, catalogue: &Catalogue) -> Vec<Finding> {
        let date = self.snapshot.fetched.format("%d.%m.%Y");
        self.listed(catalogue)
            .missing
            .into_iter()
            .filter_map(|c| {
                let first = catalogue.course_listings(c).min_by(|a, b| {
                    (&a.origin.file, a.origin.line).cmp(&(&b.origin.file, b.origin.line))
                })?;
                let cut = catalogue
                    .course_listings(c)
                    .any(|l| l.defect == Some(SourceDefect::Truncated));
                let why = if cut { " (the order cuts it off)" } else { "" };
                Some(Finding {
                    severity: Severity::Info,
                    code: "not-on-portal",
                    file: first.origin.file.clone(),
                    line: first.origin.line,
                    message: format!(
                        "\"{}\"{why} is not in the portal's catalogue of {date}: no course of that title or alias",
                        first.title
                    ),
                })
            })
            .collect()
    }
}
