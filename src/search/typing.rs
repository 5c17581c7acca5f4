//! Narrowing while a query is typed: each keystroke starts from the last
//! one's survivors and what is known of their scores.

use rayon::prelude::*;

use super::bound::{Bound, Shape};
use super::{
    is_subsequence, mask_of, Candidate, Hit, Query, SearchIndex, PARALLEL_CHUNK, PARALLEL_THRESHOLD,
};
use crate::catalogue::CourseId;

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

impl SearchIndex<'_> {
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
        // The chars the last term grew by, each with the char before it.
        let grown_chars: Vec<(char, char)> = {
            let chars: Vec<char> = new_at_kept.chars().collect();
            (chars.len() - grown..chars.len())
                .map(|i| (chars[i - 1], chars[i]))
                .collect()
        };
        let advance = |c: &Candidate| -> Option<Candidate> {
            if self.entries.mask(c.entry) & mask != mask {
                return None;
            }
            let e = &self.entry(c.entry);
            let folded = self.folded(e);
            if !to_check.iter().all(|t| is_subsequence(folded, t)) {
                return None;
            }
            let mut c = *c;
            let shape = Shape::of(folded, e.heads, e.ascii);
            // Titles that came near the top keep tight bounds; the others
            // get the cheap ones, and `rank` tightens them if it needs to.
            type StepFn = fn(char, char, &Shape) -> i32;
            type TermFn = fn(&str, &Shape) -> (i32, i32);
            let (step, term): (StepFn, TermFn) = if c.tight {
                (Bound::tight_step, Bound::tight_term)
            } else {
                (Bound::step, Bound::term)
            };
            if grown > 0 {
                for &(prev, next) in &grown_chars {
                    c.floor = c.reach;
                    c.reach += step(prev, next, &shape);
                }
                c.last = c.reach;
                c.last_exact = false;
            }
            if let Some((newest, between)) = added.split_last() {
                c.done_exact = c.done_exact && c.last_exact && between.is_empty();
                c.done += c.last + between.iter().map(|t| term(t, &shape).0).sum::<i32>();
                (c.reach, c.floor) = term(newest, &shape);
                c.last = c.reach;
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
