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
//!   current top N is not scored at all (see `Bound` below for why the
//!   bounds hold);
//! - narrowing: while a query only grows (typing), the next search starts
//!   from the last one's survivors and their scores (`Typing`);
//! - every core for large candidate sets, one matcher per rayon worker;
//! - a partial sort of the top N.
//!
//! Texts live in two arenas (printed and folded) rather than two `String`s
//! per title: a third of the allocations and less memory at 100k titles.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;
use serde::Serialize;

use crate::catalogue::{Catalogue, CourseId};

/// Below this many candidates one core is faster than waking the others.
const PARALLEL_THRESHOLD: usize = 2_048;
/// Candidates per rayon job: a matcher is set up once per job.
const PARALLEL_CHUNK: usize = 512;

/// Upper bounds on skim v2 scores, from its scoring rules (score_match 16,
/// in-place bonuses of at most 8, doubled to 16 on a title's first char,
/// gap penalties never positive):
///
/// - a term's first char scores at most 31, and 31 only on the title's first
///   char (16 - 1 + 16); anywhere else at most 23 (16 - 1 + 8);
/// - appending one char to a term adds at most 24 to the best score of any
///   of its prefixes so far (`reach`): every cell of the new matrix row is
///   16 plus a cell of the row before (or a stale cell of an earlier row,
///   which the scorer's two-row matrix may read) plus a bonus of at most 8
///   (the doubled bonus of 16 belongs to the title's first char, which only
///   a term's first char can take).
///
/// `bounds_hold_on_every_prefix` checks both against the scorer itself.
struct Bound;

impl Bound {
    const STEP: i32 = 24;
    const FIRST_AT_START: i32 = 31;
    const FIRST_ELSEWHERE: i32 = 23;

    /// For a term's first char, given the folded title's first char.
    fn first(term_first: char, title_first: Option<char>) -> i32 {
        if title_first == Some(term_first) {
            Bound::FIRST_AT_START
        } else {
            Bound::FIRST_ELSEWHERE
        }
    }

    /// For a whole term, knowing nothing but the title's first char.
    fn term(term: &str, title_first: Option<char>) -> i32 {
        let mut chars = term.chars();
        let first = chars.next().map_or(0, |c| Bound::first(c, title_first));
        first + Bound::STEP * chars.count() as i32
    }

    /// `reach` and `floor` of a term known by nothing but its bound.
    fn reach(term: &str, title_first: Option<char>) -> (i32, i32) {
        let reach = Bound::term(term, title_first).max(0);
        let floor = if term.chars().nth(1).is_some() {
            (reach - Bound::STEP).max(0)
        } else {
            0
        };
        (reach, floor)
    }
}

struct Entry {
    course: u32,
    /// Byte range of the printed title or alias in `SearchIndex::texts`.
    text: (u32, u32),
    /// Byte range of the lower-cased text in `SearchIndex::folded` (the
    /// scorer folds ASCII only).
    folded: (u32, u32),
    /// Whether the folded text has as many chars as the printed one, so
    /// match positions carry over to the printed title.
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
    texts: String,
    folded: String,
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

/// Whether `term` is a subsequence of `hay`: exactly the scorer's first
/// pass (`cheap_matches`) for folded text and a folded term. Bytes for an
/// ASCII term (an ASCII byte in UTF-8 is always an ASCII char), chars
/// otherwise.
fn is_subsequence(hay: &str, term: &str) -> bool {
    if term.is_ascii() {
        let mut rest = hay.as_bytes().iter();
        term.bytes().all(|b| rest.any(|&h| h == b))
    } else {
        let mut rest = hay.chars();
        term.chars().all(|c| rest.any(|h| h == c))
    }
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
}

impl Candidate {
    fn bound(&self) -> i32 {
        self.done + self.last
    }
}

/// What the last searches of a growing query left: survivors and their
/// scores, one step per keystroke, so backspace goes back a step.
#[derive(Default)]
pub struct Typing {
    steps: Vec<Step>,
}

struct Step {
    query: String,
    terms: Vec<String>,
    candidates: Vec<Candidate>,
}

impl Typing {
    pub fn new() -> Typing {
        Typing::default()
    }

    /// Forget everything (the filter changed, say).
    pub fn clear(&mut self) {
        self.steps.clear();
    }

    /// How many titles the last search kept (for tests and benchmarks).
    pub fn survivors(&self) -> usize {
        self.steps.last().map_or(0, |s| s.candidates.len())
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
        let titles = titles.into_iter();
        let mut index = SearchIndex {
            entries: Vec::with_capacity(titles.size_hint().0),
            texts: String::new(),
            folded: String::new(),
        };
        for (course, text) in titles {
            let t0 = index.texts.len() as u32;
            index.texts.push_str(text);
            let f0 = index.folded.len() as u32;
            let (same_len, mask) = if text.is_ascii() {
                index.folded.push_str(text);
                index.folded[f0 as usize..].make_ascii_lowercase();
                let mask = index.folded.as_bytes()[f0 as usize..]
                    .iter()
                    .fold(0, |m, &b| m | char_bit(b as char));
                (true, mask)
            } else {
                let folded = text.to_lowercase();
                index.folded.push_str(&folded);
                (
                    folded.chars().count() == text.chars().count(),
                    mask_of(&folded),
                )
            };
            index.entries.push(Entry {
                course: course as u32,
                text: (t0, index.texts.len() as u32),
                folded: (f0, index.folded.len() as u32),
                same_len,
                mask,
            });
        }
        index.texts.shrink_to_fit();
        index.folded.shrink_to_fit();
        index
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn text(&self, e: &Entry) -> &str {
        &self.texts[e.text.0 as usize..e.text.1 as usize]
    }

    fn folded(&self, e: &Entry) -> &str {
        &self.folded[e.folded.0 as usize..e.folded.1 as usize]
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

    /// Search as the query is typed: when `query` only adds to the one
    /// before (or takes back what was added), start from that search's
    /// survivors and their known scores instead of from scratch. The same
    /// hits as `search`; `keep` must stay the same for one `Typing` (call
    /// `clear` when it changes).
    pub fn search_typing(
        &self,
        typing: &mut Typing,
        query: &str,
        limit: usize,
        keep: &(dyn Fn(CourseId) -> bool + Sync),
    ) -> Vec<Hit> {
        let parsed = Query::new(query);
        if parsed.terms.is_empty() {
            typing.clear();
            return Vec::new();
        }
        while typing
            .steps
            .last()
            .is_some_and(|s| !query.starts_with(&s.query) || !extends(&s.terms, &parsed.terms))
        {
            typing.steps.pop();
        }
        let mut candidates = match typing.steps.last() {
            Some(step) if step.query == query => step.candidates.clone(),
            Some(step) => self.grow(step, &parsed),
            None => {
                let all: Vec<u32> = (0..self.entries.len() as u32).collect();
                self.fresh(&all, &parsed, keep)
            }
        };
        let hits = self.rank(&mut candidates, &parsed, limit);
        if typing.steps.last().is_none_or(|s| s.query != query) {
            typing.steps.push(Step {
                query: query.to_string(),
                terms: parsed.terms,
                candidates,
            });
        } else if let Some(step) = typing.steps.last_mut() {
            step.candidates = candidates;
        }
        hits
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
        let check = |&i: &u32| -> Option<Candidate> {
            let e = &self.entries[i as usize];
            if e.mask & query.mask != query.mask || !keep(e.course as usize) {
                return None;
            }
            let folded = self.folded(e);
            if !query.terms.iter().all(|t| is_subsequence(folded, t)) {
                return None;
            }
            let first = folded.chars().next();
            let (reach, floor) = Bound::reach(last, first);
            Some(Candidate {
                entry: i,
                done: head.iter().map(|t| Bound::term(t, first)).sum(),
                last: Bound::term(last, first),
                reach,
                floor,
                done_exact: head.is_empty(),
                last_exact: false,
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

    /// The survivors of `step` that still match `query`, which extends it,
    /// with their bounds grown by what was typed since.
    fn grow(&self, step: &Step, query: &Query) -> Vec<Candidate> {
        let kept = step.terms.len();
        let old_last = &step.terms[kept - 1];
        let new_at_kept = &query.terms[kept - 1];
        let grown = new_at_kept.chars().count() - old_last.chars().count();
        let added = &query.terms[kept..];
        if grown == 0 && added.is_empty() {
            return step.candidates.clone();
        }
        // Only the grown term and the new ones can stop a title matching.
        let to_check: Vec<&String> = if grown > 0 {
            query.terms[kept - 1..].iter().collect()
        } else {
            added.iter().collect()
        };
        let mask = to_check.iter().fold(0, |m, t| m | mask_of(t));
        let advance = |c: &Candidate| -> Option<Candidate> {
            let e = &self.entries[c.entry as usize];
            if e.mask & mask != mask {
                return None;
            }
            let folded = self.folded(e);
            if !to_check.iter().all(|t| is_subsequence(folded, t)) {
                return None;
            }
            let mut c = *c;
            if grown > 0 {
                c.floor = c.reach + Bound::STEP * (grown as i32 - 1);
                c.reach = c.floor + Bound::STEP;
                c.last = c.reach;
                c.last_exact = false;
            }
            if let Some((newest, between)) = added.split_last() {
                let first = folded.chars().next();
                c.done_exact = c.done_exact && c.last_exact && between.is_empty();
                c.done += c.last + between.iter().map(|t| Bound::term(t, first)).sum::<i32>();
                c.last = Bound::term(newest, first);
                (c.reach, c.floor) = Bound::reach(newest, first);
                c.last_exact = false;
            }
            Some(c)
        };
        let from = &step.candidates;
        if from.len() >= PARALLEL_THRESHOLD {
            from.par_iter()
                .with_min_len(PARALLEL_CHUNK * 4)
                .filter_map(advance)
                .collect()
        } else {
            from.iter().filter_map(advance).collect()
        }
    }

    /// Scores a candidate exactly, with the scorer.
    fn score(&self, matcher: &SkimMatcherV2, c: &mut Candidate, terms: &[String]) {
        let folded = self.folded(&self.entries[c.entry as usize]);
        let (head, last) = terms.split_at(terms.len() - 1);
        let score = |t: &String| {
            matcher
                .fuzzy_match(folded, t)
                .expect("the prefilter passes only titles the scorer matches") as i32
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

    /// Scores `candidates[i]` for every `i` of `which`.
    fn score_some(&self, candidates: &mut [Candidate], which: &[u32], terms: &[String]) {
        if which.len() >= PARALLEL_THRESHOLD / 4 {
            let done: Vec<Candidate> = which
                .par_iter()
                .with_min_len(PARALLEL_CHUNK / 4)
                .map_init(SkimMatcherV2::default, |m, &i| {
                    let mut c = candidates[i as usize];
                    self.score(m, &mut c, terms);
                    c
                })
                .collect();
            for (&i, c) in which.iter().zip(done) {
                candidates[i as usize] = c;
            }
        } else {
            let m = SkimMatcherV2::default();
            for &i in which {
                self.score(&m, &mut candidates[i as usize], terms);
            }
        }
    }

    /// Ties break by the shorter text, then the text, then the entry: the
    /// order of hits with equal scores.
    fn tie(&self, a: u32, b: u32) -> std::cmp::Ordering {
        let (ea, eb) = (&self.entries[a as usize], &self.entries[b as usize]);
        let (ta, tb) = (self.text(ea), self.text(eb));
        ta.len().cmp(&tb.len()).then(ta.cmp(tb)).then(a.cmp(&b))
    }

    /// Scores only what can reach the top, then the best `limit` courses.
    /// Candidates are scored in rounds, likeliest first (highest bound, then
    /// shortest text), each round twice the one before; after each round
    /// the `want`-th best score so far is a threshold that a candidate's
    /// bound must reach for it to be worth scoring at all. `candidates`
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
        let e = &self.entries[entry as usize];
        let score = score.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
        let biased = (score as u32) ^ (1 << 31);
        (u64::from(!biased) << 32) | u64::from(e.text.1 - e.text.0)
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
        let matcher = SkimMatcherV2::default();
        for (_, i, score) in matched {
            let e = &self.entries[i as usize];
            if seen.insert(e.course) {
                hits.push(Hit {
                    course: e.course as usize,
                    score,
                    text: self.text(e).to_string(),
                    positions: self.positions(&matcher, e, query),
                });
                if hits.len() == limit {
                    break;
                }
            }
        }
        hits
    }

    fn positions(&self, matcher: &SkimMatcherV2, e: &Entry, query: &Query) -> Vec<usize> {
        if !e.same_len {
            return Vec::new();
        }
        let folded = self.folded(e);
        let mut all: Vec<usize> = query
            .terms
            .iter()
            .filter_map(|t| matcher.fuzzy_indices(folded, t).map(|(_, idx)| idx))
            .flatten()
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// How many of the best matches to rank: the limit, and spares for courses
/// found by more than one of their titles.
fn want(limit: usize, matched: usize) -> usize {
    (limit * 2 + 8).min(matched)
}

/// Whether `new` terms only add to `old` ones: the same terms, the last one
/// possibly longer, more terms after it.
fn extends(old: &[String], new: &[String]) -> bool {
    let Some((old_last, old_head)) = old.split_last() else {
        return false;
    };
    new.len() >= old.len()
        && new[..old_head.len()] == *old_head
        && new[old_head.len()].starts_with(old_last.as_str())
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

    /// The search as it was before the bounds: score every title the mask
    /// lets through, sort them all.
    fn reference(titles: &[String], query: &str, limit: usize) -> Vec<(usize, i64)> {
        let q = Query::new(query);
        if q.terms.is_empty() {
            return Vec::new();
        }
        let m = SkimMatcherV2::default();
        let mut all: Vec<(usize, i64, &String)> = titles
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let f = t.to_lowercase();
                let mut total = 0;
                for term in &q.terms {
                    total += m.fuzzy_match(&f, term)?;
                }
                Some((i, total, t))
            })
            .collect();
        all.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(a.2.len().cmp(&b.2.len()))
                .then(a.2.cmp(b.2))
                .then(a.0.cmp(&b.0))
        });
        all.into_iter()
            .take(limit)
            .map(|(i, s, _)| (i, s))
            .collect()
    }

    fn found(hits: &[Hit]) -> Vec<(usize, i64)> {
        hits.iter().map(|h| (h.course, h.score)).collect()
    }

    /// Queries typed key by key, with a typo, Devanagari, a backspace and a
    /// pasted word.
    const TYPED: &[&str] = &[
        "public finan",
        "leadrship sk",
        "e office",
        "x",
        "mgmt disastr",
        "सुशासन / go",
        "data  analytics for",
        "zz",
        "module 1",
    ];

    fn keys(typed: &str) -> Vec<&str> {
        typed
            .char_indices()
            .map(|(i, c)| &typed[..i + c.len_utf8()])
            .collect()
    }

    #[test]
    fn typing_finds_what_a_full_scan_finds() {
        let titles = crate::synthetic::titles(6_000, 11);
        let ix = SearchIndex::from_titles(titles.iter().enumerate().map(|(i, t)| (i, t.as_str())));
        let mut typing = Typing::new();
        for typed in TYPED {
            let mut queries = keys(typed);
            // Take two keys back and type them again; then paste the rest at once.
            let n = queries.len();
            if n > 3 {
                queries.extend([
                    queries[n - 2],
                    queries[n - 3],
                    queries[n - 2],
                    queries[n - 1],
                ]);
            }
            queries.push(typed);
            for q in queries {
                for limit in [1, 20] {
                    let want = reference(&titles, q, limit);
                    assert_eq!(found(&ix.search(q, limit, &|_| true)), want, "search {q:?}");
                }
                let hits = ix.search_typing(&mut typing, q, 20, &|_| true);
                assert_eq!(found(&hits), reference(&titles, q, 20), "typing {q:?}");
            }
            let pasted = ix.search_typing(&mut typing, &format!("{typed} ad"), 20, &|_| true);
            assert_eq!(
                found(&pasted),
                reference(&titles, &format!("{typed} ad"), 20)
            );
            typing.clear();
        }
    }

    /// The bounds `rank` prunes with, checked against the scorer itself on
    /// every prefix of every query over thousands of titles.
    #[test]
    fn bounds_hold_on_every_prefix() {
        let titles = crate::synthetic::titles(2_500, 5);
        let m = SkimMatcherV2::default();
        let words = [
            "public",
            "governance",
            "leadrship",
            "सुशासन",
            "mgmt",
            "e-office",
            "xq",
        ];
        for t in &titles {
            let f = t.to_lowercase();
            let first = f.chars().next();
            for w in words {
                let mut reach = 0;
                for (k, p) in keys(w).into_iter().enumerate() {
                    let Some(s) = m.fuzzy_match(&f, p) else { break };
                    let s = s as i32;
                    if k == 0 {
                        let c = p.chars().next().unwrap();
                        assert!(s <= Bound::first(c, first), "{f:?} {p:?} {s}");
                    } else {
                        assert!(s <= reach + Bound::STEP, "{f:?} {p:?} {s} after {reach}");
                    }
                    reach = reach.max(s);
                }
            }
        }
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
