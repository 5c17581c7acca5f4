//! `karmadash lint`: every defect of the source tables that DOMAIN.md lists,
//! named with its file and line, found from the data itself.

use crate::catalogue_fixtures;

use catalogue_fixtures::*;

// ---------------------------------------------------------------------------
// lint

/// The one finding with this code whose message holds every fragment; it
/// must name a file and a line that holds `at` (the row it is about).
fn expect_finding<'a>(
    report: &'a LintReport,
    code: &str,
    fragments: &[&str],
    at: &str,
) -> &'a Finding {
    let found: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.code == code && fragments.iter().all(|s| f.message.contains(s)))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "want one {code} finding with {fragments:?}, got {found:?}"
    );
    let f = found[0];
    assert!(
        f.file.starts_with("data/") && f.file.ends_with(".toml"),
        "{f:?}"
    );
    assert!(
        line_of(&f.file, f.line).contains(at),
        "{}:{} is `{}`, not the row with {at:?}",
        f.file,
        f.line,
        line_of(&f.file, f.line)
    );
    f
}

#[test]
fn lint_names_every_defect_of_the_source_tables() {
    let (code, report) = lint_report(&[]);
    assert_eq!(code, 0, "warnings are not errors");
    assert_eq!(report.errors, 0);
    assert_eq!(
        report.warnings,
        report
            .findings
            .iter()
            .filter(|f| f.severity == "warning")
            .count()
    );
    let schedules = "data/bihar-schedules-2026-05-15.toml";
    let ias = "data/dopt-ias-list-2025-10-16.toml";

    // BAS Basic-grade mandatory repeats.
    let f = expect_finding(
        &report,
        "duplicate",
        &[
            "bas-basic-ac",
            "rows 1 and 3",
            "Leadership Skills for Professionals",
        ],
        "row = 3,",
    );
    assert_eq!(f.file, schedules);
    expect_finding(
        &report,
        "duplicate",
        &["bas-basic-ac", "rows 7 and 12", "Delegation of power"],
        "row = 12,",
    );
    // BAS Joint-Secretary optional repeats and editing notes.
    expect_finding(
        &report,
        "duplicate",
        &["bas-js-ss", "rows 35 and 54", "Public Financial Management"],
        "row = 54,",
    );
    expect_finding(
        &report,
        "duplicate",
        &[
            "bas-js-ss",
            "rows 5 and 64",
            "Citizen Centricity Design Thinking",
        ],
        "row = 64,",
    );
    expect_finding(
        &report,
        "editing-note",
        &["bas-js-ss", "row 52"],
        "row = 52,",
    );
    expect_finding(
        &report,
        "editing-note",
        &["bas-js-ss", "row 62", "User?"],
        "row = 62,",
    );
    // Cut-off titles.
    expect_finding(
        &report,
        "truncated",
        &["bas-basic-ac", "\"Reduction\""],
        "\"Reduction\"",
    );
    expect_finding(
        &report,
        "truncated",
        &["bss-aso-us", "Data Analytics in the Public Sector with"],
        "row = 8,",
    );
    expect_finding(
        &report,
        "truncated",
        &["bss-aso-us", "Reservation Policy Handling matters of"],
        "row = 36,",
    );
    // Missing rows.
    let f = expect_finding(
        &report,
        "numbering-gap",
        &[
            "bas-basic-ac",
            "2, 3, 6, 10, 13, 14, 18, 21, 24, 27, 34, 36, 47, 54",
        ],
        "Active Listening Verbal Fluency",
    );
    assert_eq!(f.file, schedules);
    // UDC/LDC competencies unlike the other tiers.
    let f = expect_finding(
        &report,
        "competency-disagrees",
        &[
            "bscs-udc-ldc",
            "Basic Life Support-Disaster Response Training",
            "functional here",
        ],
        "Basic Life Support",
    );
    assert!(line_of(&f.file, f.line).contains("row = 10,"));
    let f = expect_finding(
        &report,
        "competency-disagrees",
        &["bscs-udc-ldc", "Yuva AI for All", "domain here"],
        "Yuva AI for All",
    );
    assert!(line_of(&f.file, f.line).contains("row = 15,"));
    // The IAS list.
    let f = expect_finding(
        &report,
        "status-differs",
        &["PM Gatishakti"],
        "PM Gatishakti",
    );
    assert_eq!(f.file, ias);
    let f = expect_finding(
        &report,
        "several-tiers",
        &["GenAI for Everyone", "ias-0-9", "ias-10-16"],
        "GenAI for Everyone",
    );
    assert_eq!(f.file, ias);

    for f in &report.findings {
        assert!(
            ["error", "warning", "info"].contains(&f.severity.as_str()),
            "{f:?}"
        );
        assert!(f.line > 0, "every finding has a line: {f:?}");
    }
}

#[test]
fn lint_text_prints_file_and_line() {
    let out = ok(&["lint"]);
    assert!(
        out.lines().any(|l| l
            .starts_with("data/bihar-schedules-2026-05-15.toml:146: warning[truncated]:")
            && l.contains("Reduction")),
        "{out}"
    );
    let summary = out.lines().last().unwrap();
    assert!(summary.starts_with("0 errors,"), "{summary}");
}
