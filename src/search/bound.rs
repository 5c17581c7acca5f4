//! Upper bounds on the scorer's scores, so that titles that cannot reach
//! the top are never scored. They follow from how fuzzy-matcher 0.3.7's
//! `SkimMatcherV2::fuzzy` computes a score (`build_score_matrix`), for a
//! folded title (no ASCII upper case) and a folded term, scored with a
//! matcher that has never scored anything before (`super::scorer`).
//!
//! The scorer fills, for each term char `k`, a row of `M[k][col]` (best
//! alignment of the term's first `k + 1` chars ending with a match of the
//! title's char `col - 1`) and `P[k][col]` (ending in a gap):
//!
//! ```text
//! M[k][col] = 16 + max(M[k-1][col-1] + cb(col), P[k-1][col-1] + ip(col))
//! P[k][col] = max(M[k][col-1] - 4, P[k][col-1] - 1)
//! ```
//!
//! on the columns where the title's char is the term's char (elsewhere M
//! is `i16::MIN`); `ip(col)` is the in-place bonus of the title's char at
//! `col - 1`: 8 after a hard separator (` `, `/`, `(`...), 7 after any
//! other ASCII punctuation, 0 after a word char (letters, digits, anything
//! not ASCII), and 16 on the title's first char. The score is the largest
//! M of the last row.
//!
//! - `cb(col)`, the "consecutive" bonus, is `max(ip(col), 4, B)` where `B`
//!   is a bonus the scorer left in the cell before in the same row. The
//!   score matrix is cached in the matcher across calls, and `new` only
//!   resizes it, so with a reused matcher `B` can come from an earlier,
//!   other title, even a first char's 16: scores then depend on what was
//!   scored before (`a_fresh_scorer_forgets_what_it_scored`), and no bound
//!   from the title alone holds. With a fresh matrix (every bonus 0) every
//!   bonus the scorer writes into cell `col - 1` is `max(B, ip(col), 4)` or
//!   0, so by induction `cb(col) = max(ip(col), 4)`.
//! - The first row reads a reset row (M = `i16::MIN`, P = -1), so a term's
//!   first char scores `15 + ip(col)`: 31 on the title's first char, 23 on
//!   a char that starts a word, 15 elsewhere (`first`).
//! - Let `A` be the best score of any prefix of the term so far, and 0
//!   (`reach`); it is at least 15, the first char's score. Every M of
//!   earlier rows is at most `A`, and every P at most `A - 4` (a gap costs
//!   4, and the only P not made from an M are the reset row's -1 and what
//!   follows from it). Appending `c` after `prev`, a match of `c` at title
//!   char `b` scores at most `A` plus:
//!   - `16 + max(ip, 4)` if the title has `prev` at `b - 1` (consecutive);
//!   - `14 + ip - (b - a)` by a gap from `prev` at `a`, the nearest before
//!     `b - 1` (a gap of `b - a - 1` chars costs `3 + b - a - 1`).
//!
//!   The scorer's two-row matrix also starts each row from a stale cell,
//!   the row two chars back at `prev`'s first match `a0` (or the reset
//!   row's P of -1): M and P of a shorter prefix, at most `A` and `A - 4`,
//!   so a gap from there is worth at most `A + 13 + ip - (b - a0)`: less
//!   than from `prev` at `a0` itself, or than the consecutive match if
//!   `a0 = b - 1`. But the last row's best cell may be such a stale cell,
//!   an M of a shorter prefix: at most `A`, even when every real match is
//!   far worse ("abc" in "ab", 60 "x"s, "ac" scores 15 where its only
//!   alignment is worth 4). So the step is the largest of these over the
//!   title's `c`s, and at least 0 (`tight_step`).
//!
//! Finding that largest step reads the title, so the search first uses a
//! cheaper bound of it that reads nothing (`step`): 20 after a word char
//! (16 + 4 consecutively, at most 14 + 8 - 2 by a gap); after a separator
//! (`e-office`), 24 if `c` ever starts a word, else 12 (a consecutive match
//! would make it start a word; a gap gives at most 14 + 0 - 2).
//!
//! `bounds_hold_on_every_prefix` checks all of it against the scorer on
//! synthetic and hand-made titles and random strings.

use super::char_bit;

pub(super) struct Bound;

/// A folded title, and what the bounds know of it without reading it: its
/// first char, and the chars that start a word after its first char.
#[derive(Clone, Copy)]
pub(super) struct Shape<'a> {
    pub folded: &'a str,
    /// Whether `folded` is all ASCII (most titles): read as bytes.
    pub ascii: bool,
    pub first: Option<char>,
    pub heads: u64,
}

/// Whether the scorer counts `c` as part of a word (`CharType` Lower,
/// Upper or Number): what follows it gets no in-place bonus.
#[inline]
pub(super) fn is_word(c: char) -> bool {
    in_place(c) == 0
}

/// The in-place bonus of a char that follows `prev` (not the title's
/// first char, and not upper case: no Camel role).
#[inline]
fn in_place(prev: char) -> i32 {
    // Looked up: the match compiled to a jump table, 5 ns a char, and
    // indexing 100,000 titles asks it for every char.
    match IN_PLACE_ASCII.get(prev as usize) {
        Some(&bonus) => i32::from(bonus),
        None => 0,
    }
}

const fn in_place_of(prev: char) -> i32 {
    match prev {
        '\0' | ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => 8,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => 7,
        _ => 0,
    }
}

/// `in_place_of` for every ASCII char (anything else is a word char: 0).
const IN_PLACE_ASCII: [i8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = in_place_of(b as u8 as char) as i8;
        b += 1;
    }
    table
};

/// The `char_bit`s of every char after the first that follows a non-word
/// char, i.e. gets an in-place bonus (the scorer's Head or Break role; a
/// folded title has no upper case, so no Camel role). Chars without a bit
/// (ASCII punctuation) are never ruled out (`may_start_word`).
pub(super) fn heads(folded: &str) -> u64 {
    if folded.is_ascii() {
        return ascii_mask_and_heads(folded.as_bytes()).1;
    }
    let mut heads = 0;
    let mut chars = folded.chars();
    let Some(mut prev) = chars.next() else {
        return 0;
    };
    for c in chars {
        if !is_word(prev) {
            heads |= char_bit(c);
        }
        prev = c;
    }
    heads
}

/// `mask_of` and `heads` of an ASCII folded title, in one pass over its
/// bytes: most titles are ASCII, and indexing reads every byte.
pub(super) fn ascii_mask_and_heads(bytes: &[u8]) -> (u64, u64) {
    let (mut mask, mut heads) = (0, 0);
    let mut after_word = true;
    for &b in bytes {
        let bit = char_bit(char::from(b));
        mask |= bit;
        if !after_word {
            heads |= bit;
        }
        after_word = IN_PLACE_ASCII[usize::from(b & 0x7f)] == 0;
    }
    (mask, heads)
}

impl Shape<'_> {
    pub fn of(folded: &str, heads: u64, ascii: bool) -> Shape<'_> {
        // "" stands for a mapped text found damaged (the answer is dropped).
        debug_assert!(folded.is_empty() || ascii == folded.is_ascii());
        Shape {
            folded,
            ascii,
            first: folded.chars().next(),
            heads,
        }
    }

    /// Whether `c` may follow a non-word char after the title's first
    /// char. Chars sharing a bit (hashed non-ASCII) only loosen this.
    fn may_start_word(&self, c: char) -> bool {
        let bit = char_bit(c);
        bit == 0 || self.heads & bit != 0
    }
}

/// The largest step of `c` after `prev` over the title's chars (see the
/// module's comment), or `i32::MIN` if no `c` follows a `prev`.
fn largest_step(chars: impl Iterator<Item = char>, prev: char, c: char) -> i32 {
    // After a word char nothing beats a consecutive match's 16 + 4.
    let most = if is_word(prev) { 20 } else { 24 };
    let mut best = i32::MIN;
    let mut last_prev: Option<usize> = None;
    let mut before = '\0';
    for (b, ch) in chars.enumerate() {
        if ch == c && b > 0 {
            if let Some(a) = last_prev {
                let ip = in_place(before);
                let step = if a + 1 == b {
                    16 + ip.max(4)
                } else {
                    14 + ip - (b - a) as i32
                };
                best = best.max(step);
                if best >= most {
                    break;
                }
            }
        }
        if ch == prev {
            last_prev = Some(b);
        }
        before = ch;
    }
    best
}

/// `largest_step` over an ASCII title's bytes: the same rule, for the
/// titles most searches read, without decoding chars.
fn largest_step_ascii(bytes: &[u8], prev: char, c: char) -> i32 {
    let (Ok(prev_byte), Ok(c_byte)) = (u8::try_from(prev), u8::try_from(c)) else {
        return i32::MIN;
    };
    let most = if is_word(prev) { 20 } else { 24 };
    let mut best = i32::MIN;
    let mut last_prev: Option<usize> = None;
    for (b, &ch) in bytes.iter().enumerate() {
        if ch == c_byte && b > 0 {
            if let Some(a) = last_prev {
                let ip = i32::from(IN_PLACE_ASCII[usize::from(bytes[b - 1] & 0x7f)]);
                let step = if a + 1 == b {
                    16 + ip.max(4)
                } else {
                    14 + ip - (b - a) as i32
                };
                best = best.max(step);
                if best >= most {
                    break;
                }
            }
        }
        if ch == prev_byte {
            last_prev = Some(b);
        }
    }
    best
}

impl Bound {
    /// For a term's first char.
    pub fn first(c: char, shape: &Shape) -> i32 {
        if shape.first == Some(c) {
            31
        } else if shape.may_start_word(c) {
            23
        } else {
            15
        }
    }

    /// What appending `c` after `prev` to a term adds, at most, to the best
    /// score of any of its prefixes (`reach`), without reading the title.
    pub fn step(prev: char, c: char, shape: &Shape) -> i32 {
        if is_word(prev) {
            20
        } else if shape.may_start_word(c) {
            24
        } else {
            12
        }
    }

    /// The same, reading the title: at most `step`, often much less.
    pub fn tight_step(prev: char, c: char, shape: &Shape) -> i32 {
        let largest = if shape.ascii {
            largest_step_ascii(shape.folded.as_bytes(), prev, c)
        } else {
            largest_step(shape.folded.chars(), prev, c)
        };
        largest.max(0)
    }

    /// For a whole term, and the same without its last char (0 for a
    /// one-char term): the `reach` and `floor` of a term known by nothing
    /// but its bounds, with `step`. Both are the best of their prefixes
    /// too, as every step is at least 0.
    pub fn term(term: &str, shape: &Shape) -> (i32, i32) {
        Bound::term_by(term, shape, Bound::step)
    }

    /// The same with `tight_step`.
    pub fn tight_term(term: &str, shape: &Shape) -> (i32, i32) {
        Bound::term_by(term, shape, Bound::tight_step)
    }

    fn term_by(term: &str, shape: &Shape, step: impl Fn(char, char, &Shape) -> i32) -> (i32, i32) {
        let mut chars = term.chars();
        let Some(first) = chars.next() else {
            return (0, 0);
        };
        let (mut reach, mut floor) = (Bound::first(first, shape), 0);
        let mut prev = first;
        for c in chars {
            floor = reach;
            reach += step(prev, c, shape);
            prev = c;
        }
        (reach, floor)
    }
}
