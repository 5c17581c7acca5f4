//! The scorer, as the search calls it: a fresh matcher every time, on the
//! part of the title that decides the score.

use std::sync::atomic::{AtomicU64, Ordering};

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// The scorer, new for every call. fuzzy-matcher 0.3.7 keeps its score
/// matrix from call to call and does not clear all of it, so a reused
/// matcher's scores depend on what it scored before (see `bound`); and
/// `use_cache(false)`, meant to drop that matrix, panics on its first call
/// ("RefCell already borrowed"). A new matcher starts from an empty
/// matrix: the same score for a title and term whatever came before, on
/// any thread, which is also what makes the bounds hold.
pub(super) fn scorer() -> SkimMatcherV2 {
    SkimMatcherV2::default()
}

/// The score of a folded term in a folded title.
pub(super) fn score_term(folded: &str, term: &str) -> Option<i64> {
    scorer().fuzzy_match(span(folded, term), term)
}

/// The part of a folded title that decides a term's score: from the char
/// before the first match of the term's first char to the last match of
/// its last char. The scorer gives it the same score as the whole title,
/// for less work. Its matrix is computed left to right, a char's bonus
/// depends only on the char before it, and:
/// - before the span, no column is ever computed (each term char's row
///   starts after the first match of the char before it), and the span's
///   first char, which now gets the title's doubled first-char bonus,
///   cannot match (the term's first char first matches after it);
/// - after the span the last row has no match, and the score is the
///   largest M of the last row: what follows changes nothing before it.
///
/// `trimming_keeps_every_score` checks it against the whole title.
pub(super) fn span<'a>(folded: &'a str, term: &str) -> &'a str {
    let (Some(first), Some(last)) = (term.chars().next(), term.chars().next_back()) else {
        return folded;
    };
    let (Some(from), Some(to)) = (folded.find(first), folded.rfind(last)) else {
        return folded;
    };
    let from = folded[..from]
        .char_indices()
        .next_back()
        .map_or(0, |(i, _)| i);
    let to = to + last.len_utf8();
    if from < to {
        &folded[from..to]
    } else {
        folded
    }
}

static SCORER_CALLS: AtomicU64 = AtomicU64::new(0);

pub(super) fn count_calls(calls: usize) {
    SCORER_CALLS.fetch_add(calls as u64, Ordering::Relaxed);
}

/// How many times the search has called the scorer to rank titles, since
/// the process started: a measure of its work that does not depend on the
/// machine's load (for benchmarks).
#[doc(hidden)]
pub fn scorer_calls() -> u64 {
    SCORER_CALLS.load(Ordering::Relaxed)
}
