//! Fuzzy search over course titles and aliases (fuzzy-matcher's skim
//! scorer). Each whitespace-separated term must match, as in fzf. Made fast
//! around the scorer: a character bitmask rejects most titles before
//! scoring, large catalogues are scored on every core, and only the top N
//! are sorted.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;
use serde::Serialize;

use crate::catalogue::{Catalogue, CourseId};

/// Below this many entries one core is faster than waking the others.
const PARALLEL_THRESHOLD: usize = 2_048;

struct Entry {
    course: CourseId,
    /// The title or alias as printed.
    text: String,
    /// Lower-cased for matching (the scorer folds ASCII only).
    folded: String,
    /// Whether `folded` has the same chars count as `text`, so match
    /// positions carry over to the printed title.
    same_len: bool,
    mask: u64,
}

/// One course found, by the best of its titles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub course: CourseId,
    pub score: i64,
    /// The title or alias that matched.
    pub text: String,
    /// Char positions in `text` that matched (not bytes, not cells).
    pub positions: Vec<usize>,
}

pub struct SearchIndex {
    entries: Vec<Entry>,
}

fn char_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        c if c.is_ascii() => 0,
        // Everything else (Devanagari...) shares the top bits by hash.
        c => 1 << (36 + (c as u32 % 28)),
    }
}

fn mask_of(s: &str) -> u64 {
    s.chars().fold(0, |m, c| m | char_bit(c))
}

/// A query split into folded terms with their masks.
struct Query {
    terms: Vec<String>,
    mask: u64,
}

impl Query {
    fn new(raw: &str) -> Query {
        let folded = raw.to_lowercase();
        let terms: Vec<String> = folded.split_whitespace().map(str::to_string).collect();
        let mask = terms.iter().fold(0, |m, t| m | mask_of(t));
        Query { terms, mask }
    }
}

impl SearchIndex {
    pub fn new(catalogue: &Catalogue) -> SearchIndex {
        let titles = catalogue.courses.iter().enumerate().flat_map(|(id, c)| {
            std::iter::once((id, c.title.as_str()))
                .chain(c.aliases.iter().map(move |a| (id, a.as_str())))
        });
        SearchIndex::from_titles(titles)
    }

    /// An index over any (course, title) pairs; used for large catalogues.
    pub fn from_titles<'a>(titles: impl IntoIterator<Item = (CourseId, &'a str)>) -> SearchIndex {
        let entries = titles
            .into_iter()
            .map(|(course, text)| {
                let folded = text.to_lowercase();
                Entry {
                    course,
                    same_len: folded.chars().count() == text.chars().count(),
                    mask: mask_of(&folded),
                    text: text.to_string(),
                    folded,
                }
            })
            .collect();
        SearchIndex { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best `limit` courses for `query`, best first; `keep` filters
    /// courses (a tier, say). An empty query finds nothing.
    pub fn search(
        &self,
        query: &str,
        limit: usize,
        keep: &(dyn Fn(CourseId) -> bool + Sync),
    ) -> Vec<Hit> {
        let candidates: Vec<u32> = (0..self.entries.len() as u32).collect();
        self.search_within(&candidates, query, limit, keep).0
    }

    /// Like `search`, scanning only `candidates` (entry numbers), and also
    /// returning every entry that matched, so the next, longer query can
    /// narrow from there instead of scanning everything again.
    pub fn search_within(
        &self,
        candidates: &[u32],
        query: &str,
        limit: usize,
        keep: &(dyn Fn(CourseId) -> bool + Sync),
    ) -> (Vec<Hit>, Vec<u32>) {
        let query = Query::new(query);
        if query.terms.is_empty() || limit == 0 {
            return (Vec::new(), Vec::new());
        }
        // A matcher is costly to build (it sets up caches): one per worker, not per title.
        let score = |matcher: &mut SkimMatcherV2, &i: &u32| -> Option<(u32, i64)> {
            let e = &self.entries[i as usize];
            if e.mask & query.mask != query.mask || !keep(e.course) {
                return None;
            }
            let mut total = 0;
            for t in &query.terms {
                total += matcher.fuzzy_match(&e.folded, t)?;
            }
            Some((i, total))
        };
        let matched: Vec<(u32, i64)> = if candidates.len() >= PARALLEL_THRESHOLD {
            candidates
                .par_iter()
                .with_min_len(512)
                .map_init(SkimMatcherV2::default, |m, i| score(m, i))
                .flatten()
                .collect()
        } else {
            let mut m = SkimMatcherV2::default();
            candidates.iter().filter_map(|i| score(&mut m, i)).collect()
        };
        let survivors: Vec<u32> = matched.iter().map(|(i, _)| *i).collect();
        (self.best(matched, &query, limit), survivors)
    }

    fn best(&self, mut matched: Vec<(u32, i64)>, query: &Query, limit: usize) -> Vec<Hit> {
        let order = |a: &(u32, i64), b: &(u32, i64)| {
            let (ea, eb) = (&self.entries[a.0 as usize], &self.entries[b.0 as usize]);
            b.1.cmp(&a.1)
                .then(ea.text.len().cmp(&eb.text.len()))
                .then(ea.text.cmp(&eb.text))
                .then(a.0.cmp(&b.0))
        };
        // Each course once, by its best title: take a few spares for the
        // duplicates, then partial-sort instead of sorting every match.
        let want = (limit * 2 + 8).min(matched.len());
        if want < matched.len() {
            matched.select_nth_unstable_by(want, order);
            matched.truncate(want);
        }
        matched.sort_unstable_by(order);
        let mut hits: Vec<Hit> = Vec::with_capacity(limit);
        let mut seen = std::collections::HashSet::new();
        for (i, score) in matched {
            let e = &self.entries[i as usize];
            if seen.insert(e.course) {
                hits.push(Hit {
                    course: e.course,
                    score,
                    text: e.text.clone(),
                    positions: self.positions(e, query),
                });
                if hits.len() == limit {
                    break;
                }
            }
        }
        hits
    }

    fn positions(&self, e: &Entry, query: &Query) -> Vec<usize> {
        if !e.same_len {
            return Vec::new();
        }
        let matcher = SkimMatcherV2::default();
        let mut all: Vec<usize> = query
            .terms
            .iter()
            .filter_map(|t| matcher.fuzzy_indices(&e.folded, t).map(|(_, idx)| idx))
            .flatten()
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(titles: &[&str]) -> SearchIndex {
        SearchIndex::from_titles(titles.iter().enumerate().map(|(i, t)| (i, *t)))
    }

    #[test]
    fn every_term_must_match_in_any_order() {
        let ix = index(&[
            "Leadership Skills for Professionals",
            "Public Policy Writing",
            "Skills of Leadership",
        ]);
        let hits = ix.search("skills leader", 10, &|_| true);
        let found: Vec<CourseId> = hits.iter().map(|h| h.course).collect();
        assert_eq!(found.len(), 2);
        assert!(found.contains(&0) && found.contains(&2));
        assert!(ix.search("zzz", 10, &|_| true).is_empty());
        assert!(ix.search("   ", 10, &|_| true).is_empty());
    }

    #[test]
    fn positions_are_char_positions_in_the_printed_title() {
        let ix = index(&["सेवा उत्कृष्टता / Service Excellence"]);
        let hit = &ix.search("सेवा", 1, &|_| true)[0];
        assert_eq!(hit.positions, vec![0, 1, 2, 3]);
        let hit = &ix.search("SERVICE", 1, &|_| true)[0];
        let chars: Vec<char> = hit.text.chars().collect();
        let picked: String = hit.positions.iter().map(|&p| chars[p]).collect();
        assert_eq!(picked.to_lowercase(), "service");
    }

    #[test]
    fn narrowing_gives_the_same_hits_as_a_full_scan() {
        let titles: Vec<String> = (0..20_000)
            .map(|i| format!("Course {i} on governance and data {}", i % 97))
            .collect();
        let ix = SearchIndex::from_titles(titles.iter().enumerate().map(|(i, t)| (i, t.as_str())));
        let all: Vec<u32> = (0..ix.len() as u32).collect();
        let (_, first) = ix.search_within(&all, "gov", 50, &|_| true);
        let (narrowed, _) = ix.search_within(&first, "gov dat 9", 50, &|_| true);
        assert_eq!(narrowed, ix.search("gov dat 9", 50, &|_| true));
        assert_eq!(narrowed.len(), 50);
    }

    #[test]
    fn a_course_appears_once_by_its_best_title() {
        let ix = SearchIndex::from_titles([
            (
                7,
                "Using Behaviour Science for Climate Adaptation and Mitigation",
            ),
            (7, "Using Behaviour Science for Climate Adaptation"),
        ]);
        let hits = ix.search("climate", 10, &|_| true);
        assert_eq!(hits.len(), 1);
    }
}
