//! Counts in words: "1 course", "2 courses", "1 day left".

/// `n` and the noun, singular for exactly one.
pub fn count(n: impl Into<i64>, singular: &str, plural: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("{n} {singular}")
    } else {
        format!("{n} {plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_for_one_only() {
        assert_eq!(count(1, "hit", "hits"), "1 hit");
        assert_eq!(count(0, "hit", "hits"), "0 hits");
        assert_eq!(count(2, "day", "days"), "2 days");
        assert_eq!(count(-1, "day", "days"), "-1 days");
    }
}
