//! Bad input to the catalogue commands (one line, exit 2) and `--data DIR`:
//! replacing a built-in rulebook, adding aliases, and broken files named
//! with their line.

use crate::catalogue_fixtures;

use catalogue_fixtures::*;

// ---------------------------------------------------------------------------
// bad input

fn assert_one_line(stderr: &str) {
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "want a one-line message, got:\n{stderr}"
    );
}

#[test]
fn unknown_tier_exits_2_naming_the_tiers() {
    for args in [
        &["courses", "--tier", "nope"][..],
        &["search", "yuva", "--tier", "nope"][..],
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}");
        assert_eq!(r.stdout, "", "{args:?}");
        assert_one_line(&r.stderr);
        assert!(r.stderr.contains("'nope'"), "{}", r.stderr);
        for id in NINE_TIERS {
            assert!(r.stderr.contains(id), "{id} not named in {}", r.stderr);
        }
    }
}

#[test]
fn unknown_competency_exits_2_naming_the_choices() {
    let r = run(&["courses", "--competency", "nope"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("nope"), "{}", r.stderr);
    for k in ["behavioural", "functional", "domain"] {
        assert!(r.stderr.contains(k), "{k} not named in {}", r.stderr);
    }
}

#[test]
fn unknown_competency_message_is_one_line() {
    let r = run(&["courses", "--competency", "nope"]);
    assert_eq!(r.code, 2);
    assert_one_line(&r.stderr);
}

#[test]
fn an_impossible_today_exits_2() {
    let r = run(&["--today", "2026-02-30", "tiers"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert_one_line(&r.stderr);
    assert!(r.stderr.contains("2026-02-30"), "{}", r.stderr);
    assert!(
        r.stderr.contains("write 15.09.2026 or 2026-09-15"),
        "{}",
        r.stderr
    );

    // Every spelling of a real date is taken, day first or year first.
    ok(&["--today", "2026-03-31", "tiers"]);
    ok(&["--today", "31.03.2026", "tiers"]);
    ok(&["--today", "31/03/2026", "tiers"]);
    ok(&["--today", "31-03-2026", "tiers"]);
}

#[test]
fn environment_options_are_read_too() {
    let r = karmadash()
        .env("KARMADASH_TODAY", "2026-02-30")
        .arg("tiers")
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
}

// ---------------------------------------------------------------------------
// --data DIR

/// A small valid rulebook with the id of the built-in IAS list.
const REPLACEMENT_IAS_LIST: &str = r#"# A training cell's own IAS list.
id = "dopt-ias-list-2025-10-16"
short = "Test IAS list"

[citation]
authority = "Test authority"
reference = "T-1"
date = "2025-10-16"
subject = "A replacement list for the tests"

[applies]
services = ["ias"]

[[requirement]]
kind = "all-mandatory"
clause = "para 1"
text = "Complete every mandatory course"

[[tier]]
id = "ias-0-9"
service = "ias"
label = "IAS, test tier"
min_years = 0
max_years = 9
mandatory = [
  { row = 1, title = "Only Test Course" },
]
optional = [
  { row = 2, competencies = ["domain"], title = "Optional Test Course" },
]
"#;

fn data_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn a_rulebook_with_a_built_in_id_replaces_it() {
    let dir = data_dir(&[("my-ias-list.toml", REPLACEMENT_IAS_LIST)]);
    let d = dir.path().to_str().unwrap();

    let tiers = ok_json(&["--data", d, "tiers", "--json"]);
    let ids: Vec<&str> = tiers
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "ias-0-9",
            "bas-js-ss",
            "bas-basic-ac",
            "bss-ds-js",
            "bss-aso-us",
            "bscs-udc-ldc"
        ],
        "the built-in IAS tiers are gone, the Bihar ones stay"
    );
    assert_eq!(tiers[0]["label"], "IAS, test tier");
    assert_eq!(
        (
            tiers[0]["mandatory"].as_u64(),
            tiers[0]["optional"].as_u64()
        ),
        (Some(1), Some(1))
    );

    let rows = listings(&["--data", d, "--tier", "ias-0-9"]);
    let got: Vec<(&str, &str, String)> = rows
        .iter()
        .map(|l| (l.id.as_str(), l.title.as_str(), badge(&l.competencies)))
        .collect();
    assert_eq!(
        got,
        [
            ("ias-0-9/m1", "Only Test Course", "---".to_string()),
            ("ias-0-9/o2", "Optional Test Course", "--D".to_string()),
        ]
    );
    let (file, line) = split_source(&rows[1].source);
    assert!(file.ends_with("my-ias-list.toml"), "{file}");
    assert!(line_of(file, line).contains("Optional Test Course"));

    // The environment variable does the same.
    let out = karmadash()
        .env("KARMADASH_DATA", d)
        .args(["courses", "--tier", "ias-10-16"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "ias-10-16 was replaced away");
}

#[test]
fn an_aliases_file_in_the_data_dir_adds_aliases() {
    let aliases = r#"[[alias]]
title = "Conflict Resolution Negotiation"
same_as = "Conflict Resolution and Negotiation"
why = "test: the optional title drops a small word"
"#;
    let before = listings(&["--tier", "bas-js-ss"]);
    assert_ne!(
        course_of(&before, "bas-js-ss/o7"),
        course_of(&before, "bas-js-ss/m2")
    );

    let dir = data_dir(&[("aliases.toml", aliases)]);
    let after = listings(&[
        "--data",
        dir.path().to_str().unwrap(),
        "--tier",
        "bas-js-ss",
    ]);
    assert_eq!(
        course_of(&after, "bas-js-ss/o7"),
        course_of(&after, "bas-js-ss/m2")
    );
}

#[test]
fn a_malformed_data_file_exits_2_naming_file_and_line() {
    let dir = data_dir(&[(
        "broken.toml",
        "id = \"broken\"\nshort = \"B\"\n[citation\nauthority = \"A\"\n",
    )]);
    let d = dir.path().to_str().unwrap();
    for args in [
        &["tiers"][..],
        &["courses", "--json"][..],
        &["search", "yuva"][..],
    ] {
        let mut full = vec!["--data", d];
        full.extend_from_slice(args);
        let r = run(&full);
        assert_eq!(r.code, 2, "{args:?}");
        assert_eq!(r.stdout, "", "{args:?}");
        assert_one_line(&r.stderr);
        assert!(r.stderr.contains("broken.toml:3:"), "{}", r.stderr);
    }
}

#[test]
fn a_bad_value_in_a_data_file_names_its_line() {
    let text =
        REPLACEMENT_IAS_LIST.replace("competencies = [\"domain\"]", "competencies = [\"maybe\"]");
    let line = text.lines().position(|l| l.contains("\"maybe\"")).unwrap() + 1;
    let dir = data_dir(&[("my-ias-list.toml", &text)]);
    let r = run(&["--data", dir.path().to_str().unwrap(), "tiers"]);
    assert_eq!(r.code, 2);
    assert_one_line(&r.stderr);
    assert!(
        r.stderr.contains(&format!("my-ias-list.toml:{line}:")),
        "line {line} not named: {}",
        r.stderr
    );
    assert!(r.stderr.contains("'maybe'"), "{}", r.stderr);
}

#[test]
fn lint_of_a_broken_data_dir_exits_1_with_file_and_line() {
    let dir = data_dir(&[(
        "broken.toml",
        "id = \"broken\"\nshort = \"B\"\n[citation\nauthority = \"A\"\n",
    )]);
    let d = dir.path().to_str().unwrap();

    let r = run(&["--data", d, "lint"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .lines()
            .any(|l| l.contains("broken.toml:3: error[")),
        "{}",
        r.stdout
    );

    let (code, report) = lint_report(&["--data", d]);
    assert_eq!(code, 1);
    assert_eq!(report.errors, 1);
    let f = &report.findings[0];
    assert_eq!(f.severity, "error");
    assert!(f.file.ends_with("broken.toml"), "{f:?}");
    assert_eq!(f.line, 3);
}

#[test]
fn lint_of_a_good_data_dir_passes() {
    let dir = data_dir(&[("my-ias-list.toml", REPLACEMENT_IAS_LIST)]);
    let (code, report) = lint_report(&["--data", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(report.errors, 0);
    // The replaced list no longer has PM Gatishakti in two tiers.
    assert!(!report
        .findings
        .iter()
        .any(|f| f.message.contains("PM Gatishakti")));
    // The Bihar defects are still reported.
    assert!(report.findings.iter().any(|f| f.code == "numbering-gap"));
}

#[test]
fn a_missing_data_dir_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dir");
    let r = run(&["--data", missing.to_str().unwrap(), "tiers"]);
    assert_eq!(r.code, 2);
    assert_one_line(&r.stderr);
    assert!(r.stderr.contains("no-such-dir"), "{}", r.stderr);
}

#[test]
fn a_misspelt_state_in_a_data_file_is_refused_not_silently_never_applied() {
    let delhi = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/delhi-om-2026-01-02.toml"),
    )
    .unwrap();
    let text = delhi.replace("states = [\"delhi\"]", "states = [\"dehli\"]");
    assert_ne!(text, delhi, "the fixture names the state");
    let line = text.lines().position(|l| l.contains("\"dehli\"")).unwrap() + 1;
    let dir = data_dir(&[("my-delhi-om.toml", &text)]);
    let r = run(&["--data", dir.path().to_str().unwrap(), "tiers"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_one_line(&r.stderr);
    assert!(
        r.stderr.contains(&format!("my-delhi-om.toml:{line}:")),
        "line {line} not named: {}",
        r.stderr
    );
    assert!(r.stderr.contains("did you mean delhi"), "{}", r.stderr);
    // A spelling people use is the same state.
    let dir = data_dir(&[(
        "my-delhi-om.toml",
        &delhi.replace("states = [\"delhi\"]", "states = [\"NCT of Delhi\"]"),
    )]);
    assert_eq!(
        run(&["--data", dir.path().to_str().unwrap(), "tiers"]).code,
        0
    );
}
