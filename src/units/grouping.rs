//! Large counts as India writes them: the last three digits, then pairs
//! (1,23,456; 12,34,56,789), Latin digits as on the portal, the same in
//! both languages.

/// `n` grouped the Indian way: 999 stays 999, 1000 is 1,000, 123456 is
/// 1,23,456.
pub fn indian_grouping(n: u64) -> String {
    let digits = n.to_string();
    if digits.len() <= 3 {
        return digits;
    }
    let (head, last3) = digits.split_at(digits.len() - 3);
    let mut out = String::with_capacity(digits.len() + digits.len() / 2);
    // The head in pairs from its right end: an odd length leads with one digit.
    let lead = head.len() % 2;
    out.push_str(&head[..lead]);
    for (i, pair) in head.as_bytes()[lead..].chunks(2).enumerate() {
        if i > 0 || lead > 0 {
            out.push(',');
        }
        out.push_str(std::str::from_utf8(pair).unwrap_or_default());
    }
    out.push(',');
    out.push_str(last3);
    out
}

/// A signed count grouped the same way.
pub fn indian_grouping_signed(n: i64) -> String {
    let grouped = indian_grouping(n.unsigned_abs());
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_in_lakhs_and_crores() {
        let cases = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1_000, "1,000"),
            (12_345, "12,345"),
            (123_456, "1,23,456"),
            (1_234_567, "12,34,567"),
            (12_345_678, "1,23,45,678"),
            (123_456_789, "12,34,56,789"),
            (u64::MAX, "1,84,46,74,40,73,70,95,51,615"),
        ];
        for (n, want) in cases {
            assert_eq!(indian_grouping(n), want, "{n}");
        }
        assert_eq!(indian_grouping_signed(-123_456), "-1,23,456");
    }
}
