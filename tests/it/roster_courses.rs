//! What a course is in a report that has no course id: its title,
//! provider and duration. Two courses that share a title are two
//! completions, each counted for hours; the same course in two batches is
//! one; and one title with two durations is a note, within an import or
//! across imports, that changes no count.

use serde_json::Value;
use std::path::Path;

use karmadash::catalogue::Catalogue;
use karmadash::igot;
use karmadash::roster::{FlagKind, Gathered, Gathering};

fn gather(text: &str) -> Gathered {
    let catalogue = Catalogue::builtin().unwrap();
    let mut g = Gathering::new(&catalogue);
    for row in igot::read_consumption("c.csv", text.as_bytes()).unwrap() {
        g.consumption("c.csv", row.unwrap());
    }
    g.finish()
}

const HEADER: &str =
    "Full_Name,Email,Content_Provider,Content_Name,Content_Type,Content_Duration,Batch_Id,Status,Completed_On\n";

#[test]
fn two_courses_with_one_title_are_two_completions_each_counted() {
    let text = format!(
        "{HEADER}\
        A,a@x.in,iGOT,Project Management,Course,01:59:28,b1,completed,2026-05-01 10:00:00\n\
        A,a@x.in,iGOT,Project Management,Course,00:15:00,b2,completed,2026-05-02 10:00:00\n\
        A,a@x.in,ISTM,Conflict Resolution and Negotiation,Course,01:00:00,b3,completed,2026-05-03 10:00:00\n\
        A,a@x.in,ISTM,Conflict Resolution and Negotiation,Course,00:30:00,b4,completed,2026-05-04 10:00:00\n\
        A,a@x.in,ISTM,Conflict Resolution and Negotiation,Course,00:30:00,b5,completed,2026-06-04 10:00:00\n"
    );
    let g = gather(&text);
    let a = &g.officers[0];
    let mut got: Vec<(String, u32, usize)> = a
        .completions
        .iter()
        .map(|c| (c.title.clone(), c.seconds, c.also.len()))
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("Conflict Resolution and Negotiation".to_string(), 1800, 1),
            ("Conflict Resolution and Negotiation".to_string(), 3600, 0),
            ("Project Management".to_string(), 900, 0),
            ("Project Management".to_string(), 7168, 0),
        ],
        "two durations are two courses; the same course in two batches is one"
    );
    let total: u32 = a.completions.iter().map(|c| c.seconds).sum();
    assert_eq!(total, 7168 + 900 + 3600 + 1800);
    // The note stays, and names both durations.
    assert!(
        a.flags.iter().any(|f| f.kind == FlagKind::DurationConflict
            && f.text.contains("01:59:28")
            && f.text.contains("00:15:00")),
        "{:?}",
        a.flags
    );
}

#[test]
fn the_same_title_from_two_providers_is_two_courses() {
    let text = format!(
        "{HEADER}\
        A,a@x.in,iGOT,Office Procedure,Course,01:00:00,b1,completed,2026-05-01 10:00:00\n\
        A,a@x.in,ISTM,Office Procedure,Course,01:00:00,b2,completed,2026-05-02 10:00:00\n"
    );
    let g = gather(&text);
    assert_eq!(g.officers[0].completions.len(), 2);
}

const HEADER_SO: &str =
    "Full_Name,Email,Designation,Content_Provider,Content_Name,Content_Type,Content_Duration,Batch_Id,Status,Completed_On\n";

fn run(db: &Path, args: &[&str]) -> (i32, String, String) {
    crate::bin_fixtures::run_on(db, "2026-11-23", args)
}

#[test]
fn a_title_with_another_duration_in_a_later_import_gets_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let first = dir.path().join("ConsumptionReport-1.csv");
    let second = dir.path().join("ConsumptionReport-2.csv");
    std::fs::write(
        &first,
        format!("{HEADER_SO}A,a@x.in,Section Officer,iGOT,Project Management,Course,01:59:28,b1,completed,2026-05-01 10:00:00\n"),
    )
    .unwrap();
    std::fs::write(
        &second,
        format!("{HEADER_SO}B,b@x.in,Section Officer,iGOT,Project Management,Course,00:15:00,b2,completed,2026-05-02 10:00:00\n"),
    )
    .unwrap();
    for f in [&first, &second] {
        let (code, out, err) = run(
            &db,
            &["roster", "import", "--service", "bss", f.to_str().unwrap()],
        );
        assert_eq!(code, 0, "{out}{err}");
    }
    let (_, out, _) = run(&db, &["roster", "--json", "--service", "bss"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let b = v["officers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["officer"] == "b@x.in")
        .unwrap();
    let flags = b["flags"].to_string();
    assert!(
        flags.contains("duration-conflict")
            && flags.contains("01:59:28")
            && flags.contains("ConsumptionReport-1.csv"),
        "{flags}"
    );
    let hours = b["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["unit"] == "hours")
        .unwrap();
    assert_eq!(hours["seconds"], 900, "the note changes no count");
}
