//! Hostile text, through the real binary: escape sequences and line breaks
//! in titles (typed, from data files, from imports, already in a store),
//! titles no course could have, bytes that are not UTF-8, and row numbers
//! that would make lint run away. Each is refused with one line (and
//! file:line where there is a file) or shown harmlessly.

use crate::progress_fixtures;

use progress_fixtures::*;
use std::path::Path;

/// Clears the screen and retitles the pane, as measured in tmux.
const ESCAPES: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}X";
const BROKEN_ROW: &str = "line one\nline two | with a pipe";

fn assert_harmless(what: &str, out: &str) {
    assert!(
        !out.contains(['\u{1b}', '\u{7}', '\u{9b}']),
        "{what} printed a control character:\n{}",
        out.escape_debug()
    );
}

/// A data directory holding `name` with `bytes`, run with `args`.
fn run_with_data(name: &str, bytes: &[u8], args: &[&str]) -> Run {
    let store = Store::new();
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join(name), bytes).expect("write the data file");
    let out = store
        .cmd()
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .arg("--data")
        .arg(dir.path())
        .args(args)
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A real rulebook of data/ with one row's title replaced by `title`
/// (TOML text, escapes allowed), and the line that row is on.
fn rulebook_with_title(title: &str) -> (String, usize) {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dopt-ias-list-2025-10-16.toml"),
    )
    .expect("the rulebook");
    let row = "\"Noting and Drafting\"";
    let at = text.find(row).expect("a row titled Noting and Drafting");
    let line = 1 + text[..at].matches('\n').count();
    let changed = format!("{}\"{title}\"{}", &text[..at], &text[at + row.len()..]);
    (changed, line)
}

#[test]
fn typed_titles_with_control_characters_are_refused() {
    let s = Store::new();
    s.profile_bihar_bas();
    let date = ["--hours", "1", "--date", "2026-06-01"];
    for title in [ESCAPES, BROKEN_ROW] {
        let mut done = vec!["done", title, "--other"];
        done.extend(date);
        let err = s.refused(&done);
        assert!(err.contains("control character"), "{err}");
        assert_harmless("done's error", &err);
        let err = s.refused(&["assign", title]);
        assert!(err.contains("control character"), "{err}");
        let mut listed = vec!["done", "Noting and Drafting", "--certificate", title];
        listed.extend(date);
        let err = s.refused(&listed);
        assert!(err.contains("the certificate contains"), "{err}");
    }
}

#[test]
fn a_typed_title_longer_than_any_course_is_refused() {
    let s = Store::new();
    s.profile_bihar_bas();
    // A command-line argument can hold at most 128 KiB on Linux.
    let long = "Data ".repeat(20_000);
    let err = s.refused(&[
        "done",
        &long,
        "--other",
        "--hours",
        "1",
        "--date",
        "2026-06-01",
    ]);
    assert!(err.contains("100000 characters long"), "{err}");
    assert!(err.len() < 300, "the error repeats the title: {err}");
    s.refused(&["assign", &long]);
}

/// A store holding hostile titles, as one written before titles were
/// checked: made from a real export, written through the store's API.
fn store_with_hostile_titles() -> Store {
    let s = Store::new();
    s.profile_bihar_bas();
    for (course, date) in [
        ("First Other", "2026-06-01"),
        ("Second Other", "2026-06-02"),
    ] {
        s.ok(&["done", course, "--other", "--hours", "1", "--date", date]);
    }
    let mut snap: Value = serde_json::from_str(&s.export()).expect("export is JSON");
    let completions = snap["completions"].as_array_mut().expect("completions");
    completions[0]["title"] = ESCAPES.into();
    completions[1]["title"] = BROKEN_ROW.into();
    let snap: karmadash::store::Snapshot = serde_json::from_value(snap).expect("a snapshot");
    karmadash::store::Store::at(&s.db)
        .import(&snap)
        .expect("the store takes it");
    s
}

#[test]
fn titles_already_stored_never_reach_the_terminal_or_break_a_row() {
    let s = store_with_hostile_titles();
    for args in [
        &["log"][..],
        &["report"],
        &["report", "--format", "csv"],
        &["status"],
        &["plan"],
    ] {
        assert_harmless(&format!("{args:?}"), &s.ok(args));
    }
    // log: a header and one line per completion.
    let log = s.ok(&["log"]);
    assert_eq!(log.lines().count(), 3, "{log}");
    assert!(
        log.contains("\\u001b[2J"),
        "the escape is shown, not dropped: {log}"
    );
    // report md: every table row is one line with the header's cells.
    let md = s.ok(&["report"]);
    let cells = |l: &str| l.replace("\\|", "").matches('|').count();
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 4, "{md}");
    assert!(rows.iter().all(|r| cells(r) == cells(rows[0])), "{md}");
    // csv: one record per completion, plus the header and the total.
    assert_eq!(s.ok(&["report", "--format", "csv"]).lines().count(), 4);
    // JSON keeps the title exactly, escaped.
    let log = s.json(&["log", "--json"]);
    assert_eq!(log[0]["title"], ESCAPES);
}

#[test]
fn an_import_with_a_hostile_title_is_refused_naming_the_record() {
    let s = Store::new();
    s.profile_bihar_bas();
    s.ok(&[
        "done",
        "First Other",
        "--other",
        "--hours",
        "1",
        "--date",
        "2026-06-01",
    ]);
    let mut snap: Value = serde_json::from_str(&s.export()).expect("export is JSON");
    for (title, why) in [
        (ESCAPES.to_string(), "control character"),
        ("x".repeat(1_000_000), "1000000 characters long"),
    ] {
        snap["completions"][0]["title"] = title.into();
        let file = s.db.with_file_name("hostile.json");
        std::fs::write(&file, snap.to_string()).expect("write the export");
        let err = s.refused(&["import", file.to_str().expect("UTF-8 path")]);
        assert!(err.contains("completion 1") && err.contains(why), "{err}");
        assert_harmless("import's error", &err);
        assert!(
            err.len() < 400,
            "the error repeats the title: {}",
            err.len()
        );
    }
}

#[test]
fn data_file_titles_with_control_characters_are_refused_with_file_and_line() {
    let (toml, line) = rulebook_with_title("\\u001b[2J\\u001b]0;pwned\\u0007X");
    for args in [&["courses", "--tier", "ias-0-9"][..], &["search", "pwned"]] {
        let r = run_with_data("list.toml", toml.as_bytes(), args);
        assert_eq!(r.code, 2, "{args:?}: {}{}", r.stdout, r.stderr);
        assert!(
            r.stderr.contains(&format!("list.toml:{line}:")),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains("control character"), "{}", r.stderr);
        assert_harmless("the load error", &r.stderr);
        assert_harmless("stdout", &r.stdout);
    }
    let csv = format!("title\nFine Course\n\"{BROKEN_ROW}\"\n{ESCAPES}\n");
    let r = run_with_data("portal.csv", csv.as_bytes(), &["search", "line"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("portal.csv:3:"), "{}", r.stderr);
}

#[test]
fn a_data_file_title_longer_than_any_course_is_refused_with_file_and_line() {
    let csv = format!("title\nFine Course\n{}\n", "x".repeat(1 << 20));
    let r = run_with_data("portal.csv", csv.as_bytes(), &["search", "fine"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("portal.csv:3:"), "{}", r.stderr);
    assert!(r.stderr.len() < 400, "the error repeats the title");
    let (toml, line) = rulebook_with_title(&"x".repeat(1 << 20));
    let r = run_with_data("list.toml", toml.as_bytes(), &["tiers"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("list.toml:{line}:")),
        "{}",
        r.stderr
    );
}

#[test]
fn a_toml_file_that_is_not_utf8_names_its_line() {
    let (toml, line) = rulebook_with_title("Noting and Drafting");
    let mut bytes = toml.into_bytes();
    let at = String::from_utf8_lossy(&bytes)
        .find("Noting and Drafting")
        .expect("the row");
    bytes[at] = 0xe9; // 'é' in Latin-1, as a legacy editor saves it
    for args in [&["tiers"][..], &["lint"]] {
        let r = run_with_data("list.toml", &bytes, args);
        assert!(r.code == 2 || r.code == 1, "{args:?}: {}", r.stderr);
        let out = format!("{}{}", r.stdout, r.stderr);
        assert!(
            out.contains(&format!("list.toml:{line}:")),
            "{args:?}: {out}"
        );
        assert!(out.contains("not UTF-8"), "{out}");
    }
}

#[test]
fn lint_refuses_a_row_number_past_any_list_with_file_and_line() {
    let csv = "title,tier,status,row\nHuge Row,ias-0-9,optional,100000000\n";
    let r = run_with_data("portal.csv", csv.as_bytes(), &["lint"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("portal.csv:2: error[load]: row 100000000 is past 10000"),
        "{}",
        r.stdout
    );
    // The highest u32, then a row that follows it: no wrap to row 0.
    let csv = "title,tier,status,row\nTop,ias-0-9,optional,4294967295\nNext,ias-0-9,optional,\n";
    let r = run_with_data("portal.csv", csv.as_bytes(), &["lint"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("portal.csv:2: error[load]"),
        "{}",
        r.stdout
    );
    let (toml, _) = rulebook_with_title("Noting and Drafting");
    let toml = toml.replacen("row = 1,", "row = 100000000,", 1);
    let r = run_with_data("list.toml", toml.as_bytes(), &["lint"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("row 100000000 is past"), "{}", r.stdout);
    assert!(r.stdout.contains("list.toml:"), "{}", r.stdout);
}

#[test]
fn lint_reports_a_long_gap_as_one_range() {
    let csv = "title,tier,status,row\nFar Row,ias-0-9,optional,9999\n";
    let r = run_with_data("portal.csv", csv.as_bytes(), &["lint"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let gap = r
        .stdout
        .lines()
        .find(|l| l.contains("ias-0-9 optional list skips"))
        .expect("a numbering gap");
    assert!(gap.contains("skips row numbers 8-9998:"), "{gap}");
}

/// Characters that take no cell but leave stray gaps and breaks on screen
/// (issue 18, item 13), and the bidi overrides and isolates.
const INVISIBLE: [char; 11] = [
    '\u{2028}', '\u{2029}', '\u{feff}', '\u{200b}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202e}',
    '\u{2066}', '\u{2069}', '\u{2060}',
];

/// Every other Unicode format character (category Cf) is as invisible:
/// the soft hyphen, the interlinear annotation marks, tag characters, the
/// Arabic and Kaithi number signs.
const FORMAT: [char; 9] = [
    '\u{00ad}',
    '\u{fff9}',
    '\u{fffa}',
    '\u{fffb}',
    '\u{e0001}',
    '\u{e0041}',
    '\u{e007f}',
    '\u{0600}',
    '\u{110bd}',
];

#[test]
fn typed_titles_and_names_with_invisible_characters_are_refused() {
    let s = Store::new();
    s.profile_bihar_bas();
    for c in INVISIBLE.into_iter().chain(FORMAT) {
        let title = format!("Public{c} Policy");
        let err = s.refused(&[
            "done",
            &title,
            "--other",
            "--hours",
            "1",
            "--date",
            "2026-06-01",
        ]);
        assert!(err.contains("character 7"), "{c:?}: {err}");
        assert!(
            err.contains(&format!("\\u{:04x}", u32::from(c))),
            "{c:?} is named as an escape: {err}"
        );
        assert!(!err.contains(c), "{c:?} printed raw: {err}");
        s.refused(&["assign", &title]);
        let name = format!("Ravi{c} Prasad");
        let err = s.refused(&["profile", "set", "--name", &name]);
        assert!(err.contains("the name contains"), "{c:?}: {err}");
    }
    // Devanagari's joiners are text, and stay.
    s.ok(&["profile", "set", "--name", "क्\u{200d}ष अधिकारी"]);
}

#[test]
fn an_import_with_invisible_characters_is_refused() {
    let s = Store::new();
    s.profile_bihar_bas();
    s.ok(&[
        "done",
        "First Other",
        "--other",
        "--hours",
        "1",
        "--date",
        "2026-06-01",
    ]);
    let snap: Value = serde_json::from_str(&s.export()).expect("export is JSON");
    let file = s.db.with_file_name("invisible.json");
    for c in ['\u{2028}', '\u{200b}', '\u{feff}'] {
        let mut title = snap.clone();
        title["completions"][0]["title"] = format!("First{c} Other").into();
        std::fs::write(&file, title.to_string()).unwrap();
        let err = s.refused(&["import", file.to_str().unwrap()]);
        assert!(
            err.contains("completion 1") && err.contains("invisible character"),
            "{err}"
        );
        let mut name = snap.clone();
        name["profile"]["name"] = format!("Ravi{c}").into();
        std::fs::write(&file, name.to_string()).unwrap();
        let err = s.refused(&["import", file.to_str().unwrap()]);
        assert!(err.contains("the name contains"), "{c:?}: {err}");
    }
}

#[test]
fn roster_fields_with_invisible_characters_are_shown_as_escapes() {
    let s = Store::new();
    let dir = tempfile::tempdir().unwrap();
    let tour = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/igot_fixtures/tour");
    let text = std::fs::read_to_string(tour.join("ConsumptionReport.csv")).unwrap();
    let text = text.replace("Sunita Devi", "Sunita\u{2028}Devi\u{200b}\u{202e}");
    let file = dir.path().join("ConsumptionReport.csv");
    std::fs::write(&file, text).unwrap();
    let r = s.run(&["roster", "import", file.to_str().unwrap()]);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    for args in [&["roster"][..], &["roster", "--csv"], &["roster", "report"]] {
        let out = s.ok(args);
        assert!(
            !out.contains(['\u{2028}', '\u{200b}', '\u{202e}']),
            "{args:?} printed an invisible character: {}",
            out.escape_debug()
        );
        assert!(
            out.contains("Sunita\\u2028Devi\\u200b\\u202e"),
            "{args:?}: {out}"
        );
    }
    let json = s.ok(&["roster", "--json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert!(
        v.to_string().contains("Sunita\u{2028}Devi\u{200b}\u{202e}"),
        "JSON is exact"
    );
}
