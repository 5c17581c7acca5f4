//! Fuzzy search over course titles and aliases (fuzzy-matcher's skim
//! scorer). Each whitespace-separated term must match, as in fzf.
//!
//! Made fast around the scorer, never instead of it: every score that ranks
//! a hit comes from `SkimMatcherV2::fuzzy_match`. What is ours:
//!
//! - a prefilter: a character bitmask, then an exact subsequence test on the
//!   folded bytes, which is what the scorer's own first pass decides, so
//!   titles that cannot match are never handed to the scorer;
//! - upper bounds: a title whose best possible score cannot reach the
//!   current top N is not scored at all (`bound` says why the bounds hold);
//! - the scorer sees only the part of a title that decides the score, and
//!   a fresh matcher every time (`scorer`);
//! - narrowing: while a query only grows (typing), the next search starts
//!   from the last one's survivors and their scores (`Typing`);
//! - every core for large candidate sets;
//! - a partial sort of the top N.
//!
//! Texts live in two arenas (printed and folded) rather than two `String`s
//! per title: a third of the allocations and less memory at 100k titles.

use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;

use crate::catalogue::{Catalogue, CourseId};
use crate::units::checked::Checked;

mod bound;
mod fold;
mod prefilter;
mod scorer;
mod storage;
mod typing;

use fold::fold_into;
use prefilter::{char_bit, is_subsequence, mask_of};

use bound::{Bound, Shape};
pub use scorer::scorer_calls;
use scorer::{score_term, scorer};
pub use storage::IndexSections;
use storage::{mapped_text, Entries};
pub use typing::Typing;

/// Below this many candidates one core is faster than waking the others.
const PARALLEL_THRESHOLD: usize = 2_048;
/// Candidates per rayon job.
const PARALLEL_CHUNK: usize = 512;

#[derive(Clone, Copy)]
struct Entry {
    course: u32,
    /// Where the printed title or alias is (see `Printed`), and its length
    /// in bytes.
    text_at: u32,
    text_len: u32,
    /// Byte range of the lower-cased text in `SearchIndex::folded` (the
    /// scorer folds ASCII only).
    folded: (u32, u32),
    /// Whether the folded text has as many chars as the printed one, so
    /// match positions carry over to the printed title.
    same_len: bool,
    /// Whether the folded text is all ASCII.
    ascii: bool,
    mask: u64,
    /// Chars that start a word after the first (`bound::heads`).
    heads: u64,
}

/// One course found, by the best of its titles.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub course: CourseId,
    pub score: i64,
    /// The title or alias that matched.
    pub text: String,
    /// Char positions in `text` that matched (not bytes, not cells).
    pub positions: Vec<usize>,
}

/// An index of titles and aliases, folded for the scorer, with what the
/// bounds need to know of each.
pub struct SearchIndex<'a> {
    entries: Entries<'a>,
    printed: Printed<'a>,
    folded: Folded<'a>,
}

/// The folded texts, one after another: built, or mapped from the cache.
enum Folded<'a> {
    Own(String),
    Mapped(Checked<'a>),
}

/// Where the printed texts are: in the catalogue (a course's title, or
/// alias `text_at - 1`), which a large catalogue would otherwise hold
/// twice, or in the index's own arena (`text_at` is a byte offset).
enum Printed<'a> {
    Catalogue(&'a Catalogue),
    Own(String),
    Mapped(Checked<'a>),
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

/// A title still in the running, with what is known of its score: exact
/// once scored, otherwise an upper bound.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    entry: u32,
    /// Sum of the scores of every term but the last.
    done: i32,
    /// Score of the last term.
    last: i32,
    /// Best score of any prefix of the last term (and 0): what the next
    /// char's bound grows from.
    reach: i32,
    /// The same without the whole last term: once the last term is scored,
    /// `reach` is the larger of this and its score.
    floor: i32,
    done_exact: bool,
    last_exact: bool,
    /// Whether the bounds that are not exact are already the ones that
    /// read the title (`Bound::tight_term`): `rank` makes them so before
    /// scoring (those still in the running), and the next keystroke keeps
    /// them tight (`grow`). Always so for one-char terms, which have no
    /// step to bound.
    tight: bool,
}

impl Candidate {
    fn bound(&self) -> i32 {
        self.done + self.last
    }
}

impl<'a> SearchIndex<'a> {
    /// The index of every course's title and aliases; the printed texts
    /// are read from `catalogue`, not copied.
    pub fn new(catalogue: &'a Catalogue) -> SearchIndex<'a> {
        let count = catalogue.courses.iter().map(|c| 1 + c.aliases.len()).sum();
        let mut index = SearchIndex::empty(Printed::Catalogue(catalogue), count);
        for (id, course) in catalogue.courses.iter().enumerate() {
            index.add(id, &course.title, 0);
            for (k, alias) in course.aliases.iter().enumerate() {
                index.add(id, alias, k as u32 + 1);
            }
        }
        index.own_folded().shrink_to_fit();
        index
    }

    /// An index over any (course, title) pairs, holding its own copy of the
    /// titles (tests and benchmarks).
    pub fn from_titles<'t>(
        titles: impl IntoIterator<Item = (CourseId, &'t str)>,
    ) -> SearchIndex<'static> {
        let titles = titles.into_iter();
        let mut index = SearchIndex::empty(Printed::Own(String::new()), titles.size_hint().0);
        for (course, text) in titles {
            let Printed::Own(own) = &mut index.printed else {
                unreachable!("made with its own arena")
            };
            let at = own.len() as u32;
            own.push_str(text);
            index.add(course, text, at);
        }
        if let Printed::Own(own) = &mut index.printed {
            own.shrink_to_fit();
        }
        index.own_folded().shrink_to_fit();
        index
    }

    fn own_folded(&mut self) -> &mut String {
        match &mut self.folded {
            Folded::Own(folded) => folded,
            Folded::Mapped(_) => unreachable!("only a built index grows"),
        }
    }

    fn empty(printed: Printed<'a>, count: usize) -> SearchIndex<'a> {
        SearchIndex {
            entries: Entries::Own(Vec::with_capacity(count)),
            printed,
            folded: Folded::Own(String::new()),
        }
    }

    /// Indexes `text`, found at `text_at` (see `Printed`).
    fn add(&mut self, course: CourseId, text: &str, text_at: u32) {
        let all = self.own_folded();
        let f0 = all.len() as u32;
        let mut entry = fold_into(all, text);
        entry.course = course as u32;
        entry.text_at = text_at;
        entry.folded.0 = f0;
        match &mut self.entries {
            Entries::Own(entries) => entries.push(entry),
            Entries::Mapped(_) => unreachable!("only a built index grows"),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.len() == 0
    }

    fn entry(&self, i: u32) -> Entry {
        self.entries.get(i)
    }

    fn text(&self, e: &Entry) -> &str {
        match &self.printed {
            Printed::Catalogue(catalogue) => {
                let course = &catalogue.courses[e.course as usize];
                match e.text_at {
                    0 => &course.title,
                    k => &course.aliases[k as usize - 1],
                }
            }
            Printed::Own(own) => &own[e.text_at as usize..e.text_at as usize + e.text_len as usize],
            Printed::Mapped(texts) => mapped_text(texts, e.text_at, e.text_at + e.text_len),
        }
    }

    fn folded(&self, e: &Entry) -> &str {
        match &self.folded {
            Folded::Own(all) => &all[e.folded.0 as usize..e.folded.1 as usize],
            Folded::Mapped(texts) => mapped_text(texts, e.folded.0, e.folded.1),
        }
    }

    /// The best `limit` courses for `query`, best first; `keep` filters
    /// courses (a tier, say). An empty query finds nothing.
    pub fn search(
        &self,
        query: &str,
        limit: usize,
        keep: &(dyn Fn(CourseId) -> bool + Sync),
    ) -> Vec<Hit> {
        let query = Query::new(query);
        if query.terms.is_empty() || limit == 0 {
            return Vec::new();
        }
        let all: Vec<u32> = (0..self.entries.len() as u32).collect();
        let mut candidates = self.fresh(&all, &query, keep);
        self.rank(&mut candidates, &query, limit)
    }

    /// Like `search`, scanning only `candidates` (entry numbers), and also
    /// returning every entry that matched, so the next, longer query can
    /// narrow from there instead of scanning everything again. `Typing`
    /// does the same and also keeps what it learnt of the scores.
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
        let mut found = self.fresh(candidates, &query, keep);
        let hits = self.rank(&mut found, &query, limit);
        (hits, found.iter().map(|c| c.entry).collect())
    }

    /// Every entry of `from` that `query` matches, with bounds from nothing.
    fn fresh(
        &self,
        from: &[u32],
        query: &Query,
        keep: &(dyn Fn(CourseId) -> bool + Sync),
    ) -> Vec<Candidate> {
        let (head, last) = query.terms.split_at(query.terms.len() - 1);
        let last = &last[0];
        // A term of one letter or digit has a bit of its own: the mask
        // alone tells whether it matches.
        let by_mask = |t: &String| {
            let mut chars = t.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_ascii_alphanumeric())
        };
        let to_check: Vec<&String> = query.terms.iter().filter(|t| !by_mask(t)).collect();
        // One char has no step to bound: the cheap bound is the tight one.
        let one_char_terms = query.terms.iter().all(|t| t.chars().nth(1).is_none());
        let check = |&i: &u32| -> Option<Candidate> {
            if self.entries.mask(i) & query.mask != query.mask {
                return None;
            }
            let e = &self.entry(i);
            if !keep(e.course as usize) {
                return None;
            }
            let folded = self.folded(e);
            if !to_check.iter().all(|t| is_subsequence(folded, t)) {
                return None;
            }
            let shape = Shape::of(folded, e.heads, e.ascii);
            let (reach, floor) = Bound::term(last, &shape);
            Some(Candidate {
                entry: i,
                done: head.iter().map(|t| Bound::term(t, &shape).0).sum(),
                last: reach,
                reach,
                floor,
                done_exact: head.is_empty(),
                last_exact: false,
                tight: one_char_terms,
            })
        };
        if from.len() >= PARALLEL_THRESHOLD {
            from.par_iter()
                .with_min_len(PARALLEL_CHUNK * 4)
                .filter_map(check)
                .collect()
        } else {
            from.iter().filter_map(check).collect()
        }
    }

    /// Scores a candidate exactly, with the scorer.
    fn score(&self, c: &mut Candidate, terms: &[String]) {
        let folded = self.folded(&self.entry(c.entry));
        let (head, last) = terms.split_at(terms.len() - 1);
        let score = |t: &String| {
            // The prefilter passes only titles the scorer matches; a mapped
            // text that proved damaged reads as "" and the answer is dropped.
            score_term(folded, t).unwrap_or_else(|| {
                debug_assert!(
                    self.damaged(),
                    "the prefilter passed a title the scorer does not match"
                );
                0
            }) as i32
        };
        if !c.done_exact {
            c.done = head.iter().map(score).sum();
            c.done_exact = true;
        }
        if !c.last_exact {
            c.last = score(&last[0]);
            c.reach = c.floor.max(c.last);
            c.last_exact = true;
        }
    }

    /// Replaces the bounds of a candidate with the tight ones where those
    /// are lower.
    fn tighten(&self, c: &mut Candidate, terms: &[String]) {
        let e = &self.entry(c.entry);
        let shape = Shape::of(self.folded(e), e.heads, e.ascii);
        let (head, last) = terms.split_at(terms.len() - 1);
        if !c.done_exact {
            let done = head.iter().map(|t| Bound::tight_term(t, &shape).0).sum();
            c.done = c.done.min(done);
        }
        if !c.last_exact {
            let (reach, floor) = Bound::tight_term(&last[0], &shape);
            c.last = c.last.min(reach);
            c.reach = c.reach.min(reach);
            c.floor = c.floor.min(floor);
        }
        c.tight = true;
    }

    /// Scores `candidates[i]` for every `i` of `which`.
    fn score_some(&self, candidates: &mut [Candidate], which: &[u32], terms: &[String]) {
        let calls: usize = which
            .iter()
            .map(|&i| {
                let c = &candidates[i as usize];
                usize::from(!c.last_exact) + if c.done_exact { 0 } else { terms.len() - 1 }
            })
            .sum();
        scorer::count_calls(calls);
        update_some(candidates, which, |c| self.score(c, terms));
    }

    /// Ties break by the shorter text, then the text, then the entry: the
    /// order of hits with equal scores.
    fn tie(&self, a: u32, b: u32) -> std::cmp::Ordering {
        let (ea, eb) = (self.entry(a), self.entry(b));
        let (ta, tb) = (self.text(&ea), self.text(&eb));
        ta.len().cmp(&tb.len()).then(ta.cmp(tb)).then(a.cmp(&b))
    }

    /// Scores only what can reach the top, then the best `limit` courses.
    /// Candidates are scored in rounds, likeliest first (highest bound, then
    /// shortest text), each round twice the one before; after each round
    /// the `want`-th best score so far is a threshold that a candidate's
    /// bound must reach for it to be worth scoring at all. If a round holds
    /// a cheap bound, every bound still in the running is tightened first
    /// and the round chosen again, so that only titles that read as close
    /// are scored. `candidates`
    /// keeps its order (entry order: the next keystroke reads the titles in
    /// memory order); the rounds work on packed keys.
    fn rank(&self, candidates: &mut [Candidate], query: &Query, limit: usize) -> Vec<Hit> {
        if limit == 0 || candidates.is_empty() {
            return Vec::new();
        }
        let want = want(limit, candidates.len());
        let mut keys: Vec<(u64, u32)> = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (self.key(c.bound() as i64, c.entry), i as u32))
            .collect();
        let mut scored: Vec<(u64, u32, i64)> = Vec::with_capacity(want * 4);
        // keys[lo..hi] are still worth scoring; [hi..] never will be.
        let (mut lo, mut hi) = (0, keys.len());
        let mut round = want * 2;
        while lo < hi {
            if scored.len() >= want {
                // The want-th best by score and length; a bound equal to
                // it with a text as short may still win on the tie-break.
                scored.select_nth_unstable_by_key(want - 1, |s| s.0);
                let limit_key = scored[want - 1].0;
                let mut n = lo;
                for i in lo..hi {
                    if keys[i].0 <= limit_key {
                        keys.swap(n, i);
                        n += 1;
                    }
                }
                hi = n;
                if lo == hi {
                    break;
                }
            }
            let n = round.min(hi - lo);
            if n < hi - lo {
                keys[lo..hi].select_nth_unstable(n - 1);
            }
            if keys[lo..lo + n]
                .iter()
                .any(|k| !candidates[k.1 as usize].tight)
            {
                // Tighten every bound still in the running, in one parallel
                // pass: tightening in growing rounds chose again after each
                // and cost more than reading every title once (the "mg"
                // keystroke: 15 ms in rounds, 5 ms at once).
                let loose: Vec<u32> = keys[lo..hi]
                    .iter()
                    .map(|k| k.1)
                    .filter(|&i| !candidates[i as usize].tight)
                    .collect();
                update_some(candidates, &loose, |c| self.tighten(c, &query.terms));
                for k in &mut keys[lo..hi] {
                    let c = &candidates[k.1 as usize];
                    k.0 = self.key(c.bound() as i64, c.entry);
                }
                continue;
            }
            let batch: Vec<u32> = keys[lo..lo + n].iter().map(|k| k.1).collect();
            self.score_some(candidates, &batch, &query.terms);
            scored.extend(batch.iter().map(|&i| {
                let c = &candidates[i as usize];
                (
                    self.key(c.bound() as i64, c.entry),
                    c.entry,
                    c.bound() as i64,
                )
            }));
            lo += n;
            round *= 2;
        }
        self.best(scored, query, limit)
    }

    /// Packs a score (or bound) and the text's length so that ascending
    /// keys are best first, up to the tie-break on the text itself.
    fn key(&self, score: i64, entry: u32) -> u64 {
        let e = &self.entry(entry);
        let score = score.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
        let biased = (score as u32) ^ (1 << 31);
        (u64::from(!biased) << 32) | u64::from(e.text_len)
    }

    fn best(&self, mut matched: Vec<(u64, u32, i64)>, query: &Query, limit: usize) -> Vec<Hit> {
        // Each course once, by its best title: take a few spares for the
        // duplicates, then partial-sort instead of sorting every match:
        // first by the packed key, then the ties at the cut by the text.
        let want = want(limit, matched.len());
        if want < matched.len() {
            matched.select_nth_unstable_by_key(want - 1, |m| m.0);
            let cut = matched[want - 1].0;
            let mut n = 0;
            for i in 0..matched.len() {
                if matched[i].0 <= cut {
                    matched.swap(n, i);
                    n += 1;
                }
            }
            matched.truncate(n);
        }
        matched.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(self.tie(a.1, b.1)));
        matched.truncate(want);
        let mut hits: Vec<Hit> = Vec::with_capacity(limit);
        let mut seen = std::collections::HashSet::new();
        for (_, i, score) in matched {
            let e = &self.entry(i);
            if seen.insert(e.course) {
                hits.push(Hit {
                    course: e.course as usize,
                    score,
                    text: self.text(e).to_string(),
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
        let folded = self.folded(e);
        let mut all: Vec<usize> = query
            .terms
            .iter()
            .filter_map(|t| scorer().fuzzy_indices(folded, t).map(|(_, idx)| idx))
            .flatten()
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// Applies `f` to `candidates[i]` for every `i` of `which`, on every core
/// if there are many.
fn update_some(candidates: &mut [Candidate], which: &[u32], f: impl Fn(&mut Candidate) + Sync) {
    if which.len() >= PARALLEL_THRESHOLD / 4 {
        let done: Vec<Candidate> = which
            .par_iter()
            .with_min_len(PARALLEL_CHUNK / 4)
            .map(|&i| {
                let mut c = candidates[i as usize];
                f(&mut c);
                c
            })
            .collect();
        for (&i, c) in which.iter().zip(done) {
            candidates[i as usize] = c;
        }
    } else {
        for &i in which {
            f(&mut candidates[i as usize]);
        }
    }
}

/// How many of the best matches to rank: the limit, and spares for courses
/// found by more than one of their titles.
fn want(limit: usize, matched: usize) -> usize {
    (limit * 2 + 8).min(matched)
}

#[cfg(test)]
mod tests;
