//! How a title is indexed: folded for the scorer (which folds ASCII only),
//! with the char mask and word heads the prefilter and the bounds read.

use super::prefilter::mask_of;
use super::{bound, Entry};

/// Appends `text` folded to `all`; its entry but for the course, where
/// the printed text is and where the folded one starts.
pub(super) fn fold_into(all: &mut String, text: &str) -> Entry {
    let f0 = all.len();
    let (same_len, mask, heads) = if text.is_ascii() {
        all.push_str(text);
        all[f0..].make_ascii_lowercase();
        let (mask, heads) = bound::ascii_mask_and_heads(&all.as_bytes()[f0..]);
        (true, mask, heads)
    } else {
        let folded = text.to_lowercase();
        all.push_str(&folded);
        (
            folded.chars().count() == text.chars().count(),
            mask_of(&folded),
            bound::heads(&folded),
        )
    };
    // The bounds count on it (no Camel role, see `bound`).
    debug_assert!(!all[f0..].bytes().any(|b| b.is_ascii_uppercase()));
    Entry {
        course: 0,
        text_at: 0,
        text_len: text.len() as u32,
        folded: (0, all.len() as u32),
        same_len,
        ascii: all[f0..].is_ascii(),
        mask,
        heads,
    }
}
