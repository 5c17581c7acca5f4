//! Word wrapping by display cells, so long sentences (form errors, the Plan
//! view's note, a requirement's full text) show whole instead of cut, and
//! a popup can size itself to the lines it will really take.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// `text` broken into lines of at most `width` cells, at spaces where it
/// can; a word longer than a line is broken between grapheme clusters, so
/// Devanagari is never split inside a cluster.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() { 0 } else { 1 } + word.width();
        if line.width() + needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for g in word.graphemes(true) {
            if line.width() + g.width() > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.push_str(g);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_keeps_every_word() {
        let text = "hours 25 is more than one course takes: give the hours on the certificate";
        let lines = wrap(text, 20);
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(lines[0], "hours 25 is more");
    }

    #[test]
    fn a_long_word_breaks_between_clusters() {
        let lines = wrap("प्रशिक्षणप्रशिक्षण", 5);
        assert!(lines.iter().all(|l| l.width() <= 5), "{lines:?}");
        assert_eq!(lines.concat(), "प्रशिक्षणप्रशिक्षण");
        assert!(lines[0].starts_with("प्र"));
    }
}
