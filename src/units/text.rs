//! Text from outside (typed titles, data files, imports) checked where it
//! enters and made harmless where it is shown: a title must never drive the
//! terminal (clear the screen, retitle the pane) or break a table row.

use std::borrow::Cow;

/// The longest title accepted. The longest title any order prints is 92
/// characters; iGOT titles are one line on a card. 300 leaves room for
/// a long bilingual title and still refuses a pasted page.
pub const MAX_TITLE_CHARS: usize = 300;

/// The longest profile name accepted: a full name with titles, in two
/// scripts, fits many times over; a pasted page does not.
pub const MAX_NAME_CHARS: usize = 120;

/// Characters a terminal acts on instead of showing: the C0 and C1
/// controls and DEL (escape sequences start with them), and the bidi
/// embedding, override and isolate marks, which reorder what follows them
/// on screen ("Trojan Source"); and the invisible ones (`is_invisible`).
/// Joiners (U+200C/U+200D) stay: Devanagari needs them.
pub fn is_hostile(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_invisible(c)
}

/// The bidi embeddings, overrides and isolates: format characters too, but
/// named "control" as they act on what follows them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Characters that take no cell yet are not plain text: they leave stray
/// gaps or breaks in a table row and make two equal-looking titles differ.
/// The line and paragraph separators (U+2028/9) and every format
/// character (Unicode category Cf: the zero-width space and no-break space
/// U+200B and U+FEFF, the direction marks, the soft hyphen U+00AD, the
/// interlinear annotation marks U+FFF9-U+FFFB, the tag characters
/// U+E0000-U+E007F...), but the joiners U+200C/U+200D, which Devanagari
/// needs. The list is Unicode's, so a new format character is refused too.
pub fn is_invisible(c: char) -> bool {
    use finl_unicode::categories::CharacterCategories;
    match c {
        '\u{200c}' | '\u{200d}' => false,
        '\u{2028}' | '\u{2029}' | '\u{180e}' => true,
        c => c.is_format(),
    }
}

/// Why a text was refused; `what` names it ("the title", "the certificate").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// `at` counts characters from 1.
    #[error("{what} contains the {} character {} at character {at}: give it as iGOT prints it, without escape sequences, line breaks or invisible characters", kind(*.hostile), escape(*.hostile))]
    Hostile {
        what: &'static str,
        hostile: char,
        at: usize,
    },
    #[error("{what} is {chars} characters long, more than the {max_chars} any real one needs: give it as iGOT prints it")]
    TooLong {
        what: &'static str,
        chars: usize,
        max_chars: usize,
    },
}

/// Checks a title before it is stored: not hostile, not absurdly long.
/// `what` names it in the message ("the title", "the certificate").
pub fn check_text(what: &'static str, text: &str, max_chars: usize) -> Result<(), TextError> {
    // The usual title: ASCII, whose only hostile bytes are the controls,
    // and whose length in chars is its length in bytes (a tenth of a
    // large course list's load went to the per-char tests).
    if text.is_ascii() && text.len() <= max_chars && !text.bytes().any(|b| b.is_ascii_control()) {
        return Ok(());
    }
    if let Some((at, c)) = text.chars().enumerate().find(|&(_, c)| is_hostile(c)) {
        return Err(TextError::Hostile {
            what,
            hostile: c,
            at: at + 1,
        });
    }
    let chars = text.chars().count();
    if chars > max_chars {
        return Err(TextError::TooLong {
            what,
            chars,
            max_chars,
        });
    }
    Ok(())
}

/// What a refused character is called: "invisible" for a character that
/// takes no cell, else "control".
fn kind(c: char) -> &'static str {
    if is_invisible(c) && !is_bidi_control(c) {
        "invisible"
    } else {
        "control"
    }
}

/// `check_text` for a course title.
pub fn check_title(title: &str) -> Result<(), TextError> {
    check_text("the title", title, MAX_TITLE_CHARS)
}

/// A hostile character as a visible escape: `\n`, `\t`, `\r`, else
/// `\u001b` (the JSON spelling, so it is also valid inside a JSON string).
fn escape(c: char) -> String {
    match c {
        '\n' => "\\n".into(),
        '\t' => "\\t".into(),
        '\r' => "\\r".into(),
        c => format!("\\u{:04x}", u32::from(c)),
    }
}

fn escape_where(text: &str, hostile: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hostile(c) {
            out.push_str(&escape(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line of text for a table cell or a message: every hostile
/// character, line breaks included, written as a visible escape.
pub fn visible(text: &str) -> Cow<'_, str> {
    escape_where(text, is_hostile)
}

/// Whole output as printed: line breaks are its own structure and stay;
/// any other hostile character becomes `\u001b`-style, which JSON reads
/// as the same character, so this is safe for text and JSON alike.
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| c != '\n' && is_hostile(c))
}

/// Whether a spreadsheet would run a cell as a formula (or a DDE call):
/// it starts with `=`, `+`, `-` or `@` (ASCII or full-width), or with a tab
/// or carriage return, or with spaces before one of them (importers trim
/// them). OWASP's "CSV injection" list, kept wide on purpose.
fn runs_as_formula(text: &str) -> bool {
    const FIRST: [char; 10] = [
        '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
    ];
    text.starts_with(['\t', '\r']) || text.trim_start().starts_with(FIRST)
}

/// One text cell of a CSV that people open in a spreadsheet: a cell that
/// would run as a formula gets a leading `'`, as OWASP advises, so it is
/// shown as the text it is. Only text from outside goes through here; the
/// numbers and dates karmadash writes itself stay numbers.
pub fn spreadsheet_text(text: &str) -> Cow<'_, str> {
    if runs_as_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// One Markdown table cell: `visible`, and `|` escaped so it stays one cell.
pub fn markdown_cell(text: &str) -> String {
    visible(text).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}X\nY\u{9b}1m\u{202e}Z\u{7f}";

    #[test]
    fn visible_leaves_no_hostile_character() {
        let v = visible(HOSTILE);
        assert!(!v.chars().any(is_hostile), "{v}");
        assert_eq!(
            v,
            "\\u001b[2J\\u001b]0;pwned\\u0007X\\nY\\u009b1m\\u202eZ\\u007f"
        );
        assert!(matches!(visible("Noting and Drafting"), Cow::Borrowed(_)));
        assert_eq!(visible("प्रशिक्षण\u{200d}"), "प्रशिक्षण\u{200d}");
    }

    #[test]
    fn visible_lines_keeps_line_breaks_and_reads_back_as_json() {
        let v = visible_lines(HOSTILE);
        assert_eq!(v.lines().count(), 2);
        assert!(!v.chars().any(|c| c != '\n' && is_hostile(c)), "{v}");
        let json = visible_lines(&serde_json::to_string(HOSTILE).unwrap()).into_owned();
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), HOSTILE);
    }

    #[test]
    fn invisible_characters_are_hostile_and_named_so() {
        for c in [
            '\u{2028}', '\u{2029}', '\u{feff}', '\u{200b}', '\u{200e}', '\u{200f}', '\u{202a}',
            '\u{202e}', '\u{2066}', '\u{2069}', '\u{2060}',
        ] {
            assert!(is_hostile(c), "{c:?}");
            assert!(check_title(&format!("a{c}b")).is_err(), "{c:?}");
        }
        assert_eq!(visible("a\u{200b}b\u{2028}"), "a\\u200bb\\u2028");
        let e = check_title("Noting\u{200b}").unwrap_err().to_string();
        assert!(
            e.contains("invisible character \\u200b at character 7"),
            "{e}"
        );
        // Devanagari's joiners stay.
        assert!(check_title("क्\u{200d}ष \u{200c}").is_ok());
    }

    #[test]
    fn spreadsheet_formulas_are_neutralised_and_plain_text_is_not() {
        for (cell, shown) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1", "'\r=1"),
            ("  =1", "'  =1"),
            ("\u{ff1d}1", "'\u{ff1d}1"),
        ] {
            assert_eq!(spreadsheet_text(cell), shown);
        }
        for plain in ["Noting and Drafting", "IGOT-1", "a=b", "", "सेवा"] {
            assert!(
                matches!(spreadsheet_text(plain), Cow::Borrowed(_)),
                "{plain}"
            );
        }
    }

    #[test]
    fn markdown_cells_stay_one_cell_on_one_line() {
        assert_eq!(markdown_cell("a | b\nc"), "a \\| b\\nc");
    }

    #[test]
    fn titles_with_controls_or_too_long_are_refused() {
        assert!(check_title("Noting and Drafting").is_ok());
        assert!(check_title(&"x".repeat(MAX_TITLE_CHARS)).is_ok());
        let e = check_title(&"x".repeat(MAX_TITLE_CHARS + 1))
            .unwrap_err()
            .to_string();
        assert!(e.contains("301 characters"), "{e}");
        let e = check_title("a\u{1b}[2J").unwrap_err().to_string();
        assert!(e.contains("\\u001b at character 2"), "{e}");
        assert!(check_title("a\u{202e}b").is_err());
        assert!(check_title("line\nbreak").is_err());
    }
}
