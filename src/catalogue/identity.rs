//! Course identity: the normalised key that makes "Data Driven Decision
//! Making For Government" and "... for Government" one course.

/// Lower-cases (Unicode), treats punctuation as a word break and collapses
/// white space. Devanagari letters and combining marks are kept as they are.
pub fn normalise(title: &str) -> String {
    let mut key = String::with_capacity(title.len());
    normalise_into(&mut key, title);
    key
}

/// `normalise` into `key` (cleared first): one buffer for many titles.
pub fn normalise_into(key: &mut String, title: &str) {
    key.clear();
    if title.is_ascii() {
        normalise_ascii(key, title)
    } else {
        normalise_unicode(key, title)
    }
}

/// `normalise_unicode` for the usual all-ASCII title, byte by byte: the
/// per-char Unicode tests were a third of loading 100,000 titles.
fn normalise_ascii(key: &mut String, title: &str) {
    let mut pending_space = false;
    for &b in title.as_bytes() {
        if b.is_ascii_alphanumeric() {
            if pending_space && !key.is_empty() {
                key.push(' ');
            }
            pending_space = false;
            key.push(char::from(b.to_ascii_lowercase()));
        } else if b != b'\'' {
            pending_space = true;
        }
    }
}

fn normalise_unicode(key: &mut String, title: &str) {
    let mut pending_space = false;
    for ch in title.chars() {
        if ch.is_alphanumeric() || is_mark(ch) {
            if pending_space && !key.is_empty() {
                key.push(' ');
            }
            pending_space = false;
            key.extend(ch.to_lowercase());
        } else if ch == '\'' || ch == '\u{2019}' {
            // "India's" and "Indias" are printed both ways in the lists.
        } else {
            pending_space = true;
        }
    }
}

/// Combining marks (Devanagari vowel signs, virama, nukta...) are part of
/// the word, though `is_alphanumeric` says no to them.
fn is_mark(ch: char) -> bool {
    matches!(ch as u32,
        0x0300..=0x036F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963)
}

#[cfg(test)]
mod tests {
    use super::normalise;

    fn normalise_ascii(t: &str) -> String {
        let mut key = String::new();
        super::normalise_ascii(&mut key, t);
        key
    }

    fn normalise_unicode(t: &str) -> String {
        let mut key = String::new();
        super::normalise_unicode(&mut key, t);
        key
    }

    #[test]
    fn the_ascii_path_is_the_unicode_path() {
        let mut titles = crate::synthetic::titles(3_000, 9);
        titles.extend(
            [
                "  India's   Budget ",
                "Leading The Future : Managing Gen Z",
                "a--b__c",
                "'quoted'",
                "X.Y/Z (Part II) 2.0",
                "",
                "   ",
            ]
            .map(String::from),
        );
        for t in titles.iter().filter(|t| t.is_ascii()) {
            assert_eq!(normalise_ascii(t), normalise_unicode(t), "{t:?}");
        }
    }

    #[test]
    fn case_and_punctuation_do_not_split_a_course() {
        assert_eq!(
            normalise("Data Driven Decision Making For Government"),
            normalise("Data Driven Decision Making for Government")
        );
        assert_eq!(
            normalise("Leading The Future : Managing Gen Z"),
            "leading the future managing gen z"
        );
        assert_eq!(
            normalise("ADMINISTRATIVE LAW A Foundation"),
            "administrative law a foundation"
        );
        assert_eq!(normalise("  India's   Budget "), "indias budget");
    }

    #[test]
    fn different_words_stay_different() {
        assert_ne!(
            normalise("Using Behaviour Science for Climate Adaptation"),
            normalise("Using Behaviour Science for Climate Adaptation and Mitigation")
        );
    }

    #[test]
    fn devanagari_keeps_its_marks() {
        assert_eq!(
            normalise("सेवा उत्कृष्टता / Service Excellence"),
            "सेवा उत्कृष्टता service excellence"
        );
    }
}
