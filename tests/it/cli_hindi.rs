//! The shell commands in Hindi (`--lang hi`): status, its short line and
//! the rest speak the glossary's words; English stays as it was.

use crate::progress_fixtures::*;

fn store_with_progress() -> Store {
    let s = Store::new();
    s.profile_delhi_ias();
    s.done("genai for everyone", "4", "2026-05-10");
    s
}

#[test]
fn status_in_hindi_uses_the_glossary_words() {
    let s = store_with_progress();
    let hi = s.ok(&["--lang", "hi", "status"]);
    for word in ["वित्तीय वर्ष", "स्तर", "अंतिम तिथि", "गणना"]
    {
        assert!(hi.contains(word), "no {word:?} in:\n{hi}");
    }
    for english in [
        "Financial year",
        "Tier:",
        "Counting:",
        " left)",
        "On track",
        "Behind:",
    ] {
        assert!(!hi.contains(english), "{english:?} left in:\n{hi}");
    }
    let en = s.ok(&["--lang", "en", "status"]);
    assert!(en.starts_with("Financial year 2026-27 as of "), "{en}");
    assert!(en.contains("Counting: a course once completed"), "{en}");
    assert_eq!(s.ok(&["status"]), en, "English is the default");
}

/// The prompt's kept line is keyed by the language too: a Hindi answer
/// is never printed to an English prompt, nor the reverse.
#[test]
fn status_short_speaks_the_language_asked_each_time() {
    let s = store_with_progress();
    let en = s.ok(&["--lang", "en", "status", "--short"]);
    assert!(
        en.starts_with("karmadash 2026-27: ") && en.contains(" met"),
        "{en}"
    );
    for _ in 0..2 {
        let hi = s.ok(&["--lang", "hi", "status", "--short"]);
        assert!(hi.contains("पूर्ण"), "{hi}");
        assert!(!hi.contains(" met") && !hi.contains("next due"), "{hi}");
        assert_eq!(s.ok(&["--lang", "en", "status", "--short"]), en);
    }
}

#[test]
fn help_in_hindi_names_the_commands_in_the_glossary_words() {
    let s = Store::new();
    let hi = s.ok(&["--lang", "hi", "--help"]);
    for word in ["अनिवार्य", "पाठ्यक्रम", "वित्तीय वर्ष", "निकास कोड"]
    {
        assert!(hi.contains(word), "no {word:?} in:\n{hi}");
    }
    assert!(!hi.contains("Record a completed course"), "{hi}");
    let status = s.ok(&["status", "--help", "--lang=hi"]);
    assert!(status.contains("वित्तीय वर्ष (जैसे 2026-27)"), "{status}");
    assert!(status.contains("शेल प्रॉम्प्ट"), "{status}");
    assert!(!status.contains("Financial year (e.g."), "{status}");
    let by_var = s
        .cmd()
        .env("KARMADASH_LANG", "hi")
        .arg("--help")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(by_var.stdout).unwrap(), hi);
    let en = s.ok(&["--lang", "en", "--help"]);
    assert!(en.contains("Record a completed course"), "{en}");
    assert!(!en.contains("पाठ्यक्रम"), "{en}");
}

#[test]
fn tiers_in_hindi_has_hindi_headings_and_the_same_rows() {
    let s = Store::new();
    let hi = s.ok(&["--lang", "hi", "tiers"]);
    let head = hi.lines().next().unwrap_or_default();
    for word in ["स्तर", "सेवा", "अनिवार्य", "वैकल्पिक"]
    {
        assert!(head.contains(word), "no {word:?} in {head:?}");
    }
    assert!(
        !hi.contains("TIER") && !hi.contains("distinct mandatory"),
        "{hi}"
    );
    assert!(hi.contains("bas-basic-ac"), "ids stay: {hi}");
    let en = s.ok(&["--lang", "en", "tiers"]);
    assert!(en.starts_with("TIER "), "{en}");
    assert_eq!(hi.lines().count(), en.lines().count());
}

#[test]
fn roster_in_hindi_has_hindi_headings_and_verdicts() {
    let s = Store::new();
    let reports: Vec<String> = ["consumption-gen3.csv", "users.csv", "enrolments.csv"]
        .iter()
        .map(|f| format!("{}/tests/igot_fixtures/{f}", env!("CARGO_MANIFEST_DIR")))
        .collect();
    let import: Vec<&str> = ["roster", "import"]
        .into_iter()
        .chain(reports.iter().map(String::as_str))
        .collect();
    s.ok(&import);
    let hi = s.ok(&["--lang", "hi", "roster"]);
    assert!(hi.starts_with("वित्तीय वर्ष 2026-27, "), "{hi}");
    for word in ["अधिकारी", "नाम", "अगली अंतिम तिथि"]
    {
        assert!(hi.contains(word), "no {word:?} in:\n{hi}");
    }
    let head = hi.lines().nth(2).unwrap_or_default();
    assert!(
        !head.contains("NAME") && !head.contains("VERDICT"),
        "{head}"
    );
    for english in ["officers", "gives one officer", "behind"] {
        assert!(!hi.contains(english), "{english:?} left in:\n{hi}");
    }
    let en = s.ok(&["--lang", "en", "roster"]);
    assert!(en.starts_with("Financial year 2026-27 as of "), "{en}");
    assert!(en.contains("NAME "), "{en}");
    // Scripts read CSV: its header and verdicts stay English.
    let csv_hi = s.ok(&["--lang", "hi", "roster", "--csv"]);
    assert_eq!(csv_hi, s.ok(&["--lang", "en", "roster", "--csv"]));
}
