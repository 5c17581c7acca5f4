//! `--data DIR` with a course CSV: the courses are searchable and listed,
//! and a bad row stops the command with `file:line`.

use assert_cmd::Command;

fn karmadash(dir: &std::path::Path) -> Command {
    let mut cmd = crate::bin_fixtures::karmadash();
    // The compiled catalogue goes beside the data, not in the real cache.
    cmd.env("XDG_CACHE_HOME", dir.join("cache"))
        .arg("--data")
        .arg(dir);
    cmd
}

#[test]
fn csv_courses_are_found_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("portal.csv"),
        "title,tier,status,competencies\nZebra Crossing Safety,,,\nQuokka Studies,ias-0-9,optional,domain\n",
    )
    .unwrap();
    let out = karmadash(dir.path())
        .args(["search", "zebra", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(found["hits"][0]["title"], "Zebra Crossing Safety");
    assert_eq!(found["hits"][0]["tiers"], serde_json::json!([]));

    let out = karmadash(dir.path())
        .args(["courses", "--tier", "ias-0-9", "--json"])
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quokka = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"] == "Quokka Studies")
        .expect("the CSV row is a listing of the tier");
    assert_eq!(quokka["competencies"], serde_json::json!(["domain"]));
    assert!(quokka["source"].as_str().unwrap().ends_with("portal.csv:3"));
}

#[test]
fn a_bad_csv_row_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("portal.csv"),
        "title,tier,status\nFine,,\nBad,ias-0-9,sometimes\n",
    )
    .unwrap();
    let out = karmadash(dir.path())
        .args(["search", "fine"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("portal.csv:3"), "{err}");
    assert!(err.contains("status 'sometimes'"), "{err}");
}

/// A duration cell with a letter past ASCII once panicked the unit reader
/// (it cut the text inside the letter); now it is one line with the row.
#[test]
fn a_duration_with_a_foreign_letter_is_refused_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    for cell in ["2é", "2hé", "1h 5म"] {
        std::fs::write(
            dir.path().join("portal.csv"),
            format!("title,duration\nFine,2h\nBad,{cell}\n"),
        )
        .unwrap();
        let out = karmadash(dir.path())
            .args(["search", "fine"])
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{cell}: {err}");
        assert!(
            err.contains("portal.csv:3") && err.contains(&format!("'{cell}' is not a duration")),
            "{cell}: {err}"
        );
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
}
