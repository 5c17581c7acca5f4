//! Bad input to the progress commands: exit 2, one line on stderr, and the
//! store unchanged (or never created).

use crate::progress_fixtures;

use progress_fixtures::*;

// ---------------------------------------------------------------------------
// Bad input: exit 2, one line, the store unchanged

/// A store with a profile and one completion, to compare exports against.
fn populated() -> Store {
    let s = Store::new();
    s.profile_delhi_ias();
    s.done("genai for everyone", "4", "2026-05-10");
    s
}

#[test]
fn an_impossible_date_is_refused() {
    let s = populated();
    let e = s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "1",
        "--date",
        "2026-02-30",
    ]);
    assert!(e.contains("2026-02-30") && e.contains("not a date"), "{e}");
    s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "1",
        "--date",
        "yesterday",
    ]);
    // Before Mission Karmayogi.
    let e = s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "1",
        "--date",
        "2019-05-01",
    ]);
    assert!(e.contains("before Mission Karmayogi"), "{e}");
}

#[test]
fn negative_zero_and_absurd_hours_are_refused() {
    let s = populated();
    let e = s.refused(&[
        "done",
        "cybersecurity",
        "--hours=-3",
        "--date",
        "2026-05-01",
    ]);
    assert!(e.contains("negative"), "{e}");
    let e = s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "-3",
        "--date",
        "2026-05-01",
    ]);
    assert!(e.contains("negative"), "{e}");
    let e = s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "500",
        "--date",
        "2026-05-01",
    ]);
    assert!(e.contains("500") && e.contains("slip"), "{e}");
    s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "0",
        "--date",
        "2026-05-01",
    ]);
    s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "two",
        "--date",
        "2026-05-01",
    ]);
    s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "1:75",
        "--date",
        "2026-05-01",
    ]);
}

#[test]
fn a_future_date_is_refused() {
    let s = populated();
    let e = s.refused(&[
        "done",
        "cybersecurity",
        "--hours",
        "1",
        "--date",
        "2026-11-24",
    ]);
    // Dates in messages are day first, as everywhere on screen.
    assert!(
        e.contains("future") && e.contains("today is 23.11.2026"),
        "{e}"
    );
}

#[test]
fn an_unknown_course_is_refused_naming_the_nearest_titles() {
    let s = populated();
    let e = s.refused(&[
        "done",
        "noting and draftin",
        "--hours",
        "1",
        "--date",
        "2026-05-01",
    ]);
    assert!(
        e.contains("no listed course is titled \"noting and draftin\""),
        "{e}"
    );
    assert!(e.contains("nearest: \"Noting and Drafting\""), "{e}");
    assert!(e.contains("--other"), "{e}");
    let e = s.refused(&[
        "done",
        "bas-js-ss/o52",
        "--hours",
        "1",
        "--date",
        "2026-05-01",
    ]);
    assert!(e.contains("editing note"), "{e}");
}

#[test]
fn a_second_record_of_a_course_is_refused() {
    let s = populated();
    let e = s.refused(&[
        "done",
        "GenAI for Everyone",
        "--hours",
        "2",
        "--date",
        "2026-06-10",
    ]);
    assert!(
        e.contains("already recorded") && e.contains("remove 1"),
        "{e}"
    );
    // Via its listing id in another tier too.
    s.refused(&["done", "ias-0-9/m2", "--hours", "2", "--date", "2026-06-10"]);
}

#[test]
fn bad_input_on_a_fresh_path_creates_no_store() {
    let s = Store::new();
    for args in [
        &[
            "done",
            "cybersecurity",
            "--hours",
            "1",
            "--date",
            "2026-02-30",
        ][..],
        &[
            "done",
            "cybersecurity",
            "--hours",
            "500",
            "--date",
            "2026-05-01",
        ],
        &[
            "done",
            "cybersecurity",
            "--hours",
            "1",
            "--date",
            "2027-01-01",
        ],
        &[
            "done",
            "no such course at all",
            "--hours",
            "1",
            "--date",
            "2026-05-01",
        ],
    ] {
        s.refused(args);
        assert!(!s.db.exists(), "{args:?} created {}", s.db.display());
    }
}
