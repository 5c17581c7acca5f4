//! The nearest names to a mistyped one, for "did you mean" hints: never
//! used to accept a name, only to suggest one.

/// Up to three of `names` nearest to `typed` (compared with `fold`ed case):
/// the names that start with it if any do, else the nearest by edit
/// distance, if near enough. Empty when nothing is close enough to help.
pub fn nearest<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return Vec::new();
    }
    let names: Vec<&str> = names.into_iter().collect();
    let mut found: Vec<&str> = Vec::new();
    for n in &names {
        if n.to_lowercase().starts_with(&typed) && !found.contains(n) {
            found.push(n);
        }
    }
    if found.is_empty() {
        // A third of the typed length, at least one: "dehli" (2) finds
        // "delhi", "xyz" finds nothing.
        let limit = (typed.chars().count() / 3).max(1);
        let scored: Vec<(usize, &str)> = names
            .iter()
            .map(|n| (strsim::damerau_levenshtein(&typed, &n.to_lowercase()), *n))
            .filter(|(d, _)| *d <= limit)
            .collect();
        // Only the nearest: "ias-10-61" means ias-10-16, not ias-0-9 too.
        let best = scored.iter().map(|(d, _)| *d).min();
        for (_, n) in scored.into_iter().filter(|(d, _)| Some(*d) == best) {
            if !found.contains(&n) {
                found.push(n);
            }
        }
    }
    found.truncate(3);
    found
}

/// "did you mean a, b or c?", or an empty string when there is nothing near.
pub fn did_you_mean(near: &[&str]) -> String {
    match near {
        [] => String::new(),
        [one] => format!("did you mean {one}?"),
        [rest @ .., last] => format!("did you mean {} or {last}?", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TIERS: [&str; 5] = [
        "ias-0-9",
        "ias-10-16",
        "bas-js-ss",
        "bas-basic-ac",
        "bss-ds-js",
    ];

    #[test]
    fn a_prefix_comes_first_then_edit_distance() {
        assert_eq!(nearest("bas-basic", TIERS), ["bas-basic-ac"]);
        assert_eq!(nearest("BAS", TIERS), ["bas-js-ss", "bas-basic-ac"]);
        assert_eq!(nearest("bas-basic-ca", TIERS), ["bas-basic-ac"]);
        assert_eq!(nearest("dehli", ["bihar", "delhi"]), ["delhi"]);
        assert_eq!(nearest("ias-10-61", TIERS), ["ias-10-16"]);
        assert!(nearest("xyz", TIERS).is_empty());
        assert!(nearest("  ", TIERS).is_empty());
    }

    #[test]
    fn the_hint_reads_as_a_sentence() {
        assert_eq!(did_you_mean(&[]), "");
        assert_eq!(did_you_mean(&["delhi"]), "did you mean delhi?");
        assert_eq!(did_you_mean(&["a", "b", "c"]), "did you mean a, b or c?");
    }
}
