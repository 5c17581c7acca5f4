//! The cheap first pass of every search: a 64-bit mask of the chars a
//! title or term holds, so a title missing one of a term's chars is passed
//! over without scoring, and an in-order check of the term's chars.

#[inline]
pub(super) fn char_bit(c: char) -> u64 {
    match ASCII_BITS.get(c as usize) {
        Some(&bit) => bit,
        None => 1 << (36 + (c as u32 % 28)),
    }
}

/// `char_bit_of` for every ASCII char, looked up: the branches cost more
/// than the rest of indexing a title.
const ASCII_BITS: [u64; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = char_bit_of(b as u8 as char);
        b += 1;
    }
    table
};

const fn char_bit_of(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        c if c.is_ascii() => 0,
        // Everything else (Devanagari...) shares the top bits by hash.
        c => 1 << (36 + (c as u32 % 28)),
    }
}

pub(super) fn mask_of(s: &str) -> u64 {
    s.chars().fold(0, |m, c| m | char_bit(c))
}

/// Whether `term` is a subsequence of `hay`: exactly the scorer's first
/// pass (`cheap_matches`) for folded text and a folded term. Bytes for an
/// ASCII term (an ASCII byte in UTF-8 is always an ASCII char), chars
/// otherwise.
pub(super) fn is_subsequence(hay: &str, term: &str) -> bool {
    if term.is_ascii() {
        let mut rest = hay.as_bytes().iter();
        term.bytes().all(|b| rest.any(|&h| h == b))
    } else {
        let mut rest = hay.chars();
        term.chars().all(|c| rest.any(|h| h == c))
    }
}
