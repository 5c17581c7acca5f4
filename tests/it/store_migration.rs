//! Schema 2 keeps seconds: a real v1 store, made by the v1 binary
//! (tests/fixtures/store-v1), opens, migrates and keeps every record; a v1
//! export imports. The fixture is copied before each use, never opened in place.

use crate::progress_fixtures;

use progress_fixtures::*;
use std::path::Path;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store-v1");

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).unwrap();
        }
    }
}

/// A fresh copy of the v1 store.
fn v1_store() -> Store {
    let s = Store::new();
    copy_dir(&Path::new(FIXTURE).join("db"), &s.db);
    s
}

/// What the v1 binary recorded, with minutes turned into seconds.
fn assert_every_v1_record(export: &Value) {
    assert_eq!(export["schema"], 2, "{export:#}");
    assert_eq!(export["profile"]["name"], "Test Officer");
    assert_eq!(export["profile"]["batch"], 2019);
    assert_eq!(export["profile"]["registered"], "2025-10-01");
    let cs = export["completions"].as_array().unwrap();
    let got: Vec<(u64, &str, u64, &str)> = cs
        .iter()
        .map(|c| {
            assert!(c.get("minutes").is_none(), "{c}");
            (
                c["id"].as_u64().unwrap(),
                c["title"].as_str().unwrap(),
                c["seconds"].as_u64().unwrap(),
                c["date"].as_str().unwrap(),
            )
        })
        .collect();
    // v1 kept whole minutes: 00:45:30 was stored as 46.
    assert_eq!(
        got,
        [
            (1, "Noting and Drafting", 46 * 60, "2025-06-12"),
            (2, "GenAI for Everyone", 255 * 60, "2025-09-01"),
            (3, "Digital Payments in Government", 150 * 60, "2026-01-05"),
        ]
    );
    assert_eq!(cs[0]["certificate"], "IGOT-1");
    assert_eq!(cs[2]["in_catalogue"], false);
    assert_eq!(export["assignments"][0]["title"], "Cybersecurity");
    assert_eq!(export["assignments"][0]["due"], "2026-03-31");
    assert_eq!(export["assessments"][0]["passed"], "2026-02-01");
    assert_eq!(export["shortlist"], serde_json::json!(["cybersecurity"]));
    assert_eq!(export["ui"]["view"], "progress");
    assert_eq!(export["next_id"], 6);
}

#[test]
fn a_v1_store_opens_migrates_and_keeps_every_record() {
    let s = v1_store();
    // A read opens it first: it works, with the hours exact.
    let log = s.json(&["log", "--json", "--fy", "2025-26"]);
    let hours: Vec<f64> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["hours"].as_f64().unwrap())
        .collect();
    assert_eq!(hours, [0.77, 4.25, 2.5]);
    {
        let raw = sled::open(&s.db).unwrap();
        assert_eq!(raw.get("schema").unwrap().unwrap().as_ref(), b"2");
        let first: Value = serde_json::from_slice(
            &raw.get(format!("v1/completion/{:020}", 1))
                .unwrap()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(first["seconds"], 2760, "{first}");
    }
    let export: Value = serde_json::from_str(&s.export()).unwrap();
    assert_every_v1_record(&export);
    // The migrated store takes new records, with ids after the old ones.
    let added = s.done("Public Policy Writing", "00:45:30", "2026-06-01");
    assert_eq!(added["id"], 6);
    let export: Value = serde_json::from_str(&s.export()).unwrap();
    assert_eq!(export["completions"][3]["seconds"], 2730);
}

#[test]
fn a_v1_store_migrates_on_a_first_write_too() {
    let s = v1_store();
    s.ok(&["assessment", "--passed", "2026-06-01"]);
    let export: Value = serde_json::from_str(&s.export()).unwrap();
    assert_eq!(export["assessments"].as_array().unwrap().len(), 2);
    assert_eq!(export["next_id"], 7);
    assert_eq!(export["completions"][0]["seconds"], 2760);
}

#[test]
fn a_v1_export_imports_into_v2_and_matches_the_migrated_store() {
    let s = Store::new();
    let file = Path::new(FIXTURE).join("export-v1.json");
    s.ok(&["import", file.to_str().unwrap()]);
    let imported: Value = serde_json::from_str(&s.export()).unwrap();
    assert_every_v1_record(&imported);
    let migrated = v1_store();
    assert_eq!(
        migrated.export(),
        s.export(),
        "both roads give the same store"
    );
}

#[test]
fn an_export_of_an_unknown_schema_is_refused_with_one_line() {
    let s = Store::new();
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(Path::new(FIXTURE).join("export-v1.json")).unwrap();
    let file = dir.path().join("v9.json");
    std::fs::write(&file, text.replace("\"schema\": 1", "\"schema\": 9")).unwrap();
    let e = s.refused(&["import", file.to_str().unwrap()]);
    assert!(
        e.contains("schema 9, this karmadash reads schema 1 or 2"),
        "{e}"
    );
}

/// A v1 store with one bad record (0 minutes, or more than any course):
/// the migration used to write it as 0 s (or a wrapped number) and carry
/// on. It is refused in one line naming the record, and the store is left
/// exactly as it was, still schema 1.
#[test]
fn a_v1_store_with_a_bad_record_is_refused_not_migrated_to_zero() {
    for minutes in [0u64, 200 * 60 + 1, u64::MAX / 30] {
        let s = v1_store();
        let key = format!("v1/completion/{:020}", 2);
        {
            let raw = sled::open(&s.db).unwrap();
            let mut record: Value =
                serde_json::from_slice(&raw.get(&key).unwrap().unwrap()).unwrap();
            record["minutes"] = minutes.into();
            raw.insert(key.as_bytes(), serde_json::to_vec(&record).unwrap())
                .unwrap();
            raw.flush().unwrap();
        }
        for args in [&["log", "--json", "--fy", "2025-26"][..], &["status"]] {
            let r = s.run(args);
            assert_eq!(r.code, 2, "{minutes} minutes: {args:?}: {}", r.stdout);
            assert_one_line(&r.stderr, args);
            assert!(
                r.stderr.contains(&format!("{minutes} minutes")) && r.stderr.contains(&key),
                "{}",
                r.stderr
            );
        }
        // Left exactly as it was: still schema 1, the record still in minutes.
        let raw = sled::open(&s.db).unwrap();
        assert_eq!(raw.get("schema").unwrap().unwrap().as_ref(), b"1");
        let record: Value = serde_json::from_slice(&raw.get(&key).unwrap().unwrap()).unwrap();
        assert_eq!(record["minutes"], minutes, "{record}");
        assert!(record.get("seconds").is_none(), "{record}");
    }
}

#[test]
fn a_v1_export_with_a_bad_record_is_refused_naming_it() {
    let s = Store::new();
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(Path::new(FIXTURE).join("export-v1.json")).unwrap();
    let file = dir.path().join("bad-v1.json");
    std::fs::write(&file, text.replace("\"minutes\": 255", "\"minutes\": 0")).unwrap();
    let e = s.refused(&["import", file.to_str().unwrap()]);
    assert!(e.contains("completion 2") && e.contains("0 minutes"), "{e}");
}
