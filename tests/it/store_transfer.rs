//! The progress store through the real binary: export and import round
//! trips, and imports refused whole.

use crate::bin_fixtures::bihar_bas;
use crate::store_fixtures;

use store_fixtures::*;

// ---------------------------------------------------------------------------
// Export and import

#[test]
fn export_import_export_is_byte_identical() {
    let (dir, a) = temp();
    populate(&a);
    let file = dir.path().join("backup.json");
    assert_eq!(
        ok(&a, &["export", file.to_str().unwrap()]),
        "",
        "silent when writing a file"
    );
    let text = fs::read_to_string(&file).unwrap();
    assert_eq!(text, export(&a), "file and standard output agree");
    assert!(
        !dir.path().join("backup.tmp").exists(),
        "no temporary left behind"
    );

    // Everything is in it.
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema"], 2);
    assert_eq!(v["profile"]["name"], "अधिकारी Officer");
    assert_eq!(v["completions"].as_array().unwrap().len(), 2);
    assert_eq!(v["completions"][1]["title"], "सेवा उत्कृष्टता, \"quoted\"");
    assert_eq!(v["assignments"].as_array().unwrap().len(), 2);
    assert_eq!(v["assessments"].as_array().unwrap().len(), 1);
    assert_eq!(
        v["shortlist"],
        json!(["cybersecurity", "noting and drafting"])
    );
    assert_eq!(v["ui"]["view"], "plan");
    assert_eq!(v["next_id"], 7);

    let (_d2, b) = temp();
    assert_eq!(ok(&b, &["import", file.to_str().unwrap()]), "");
    assert_eq!(export(&b), text, "byte-identical after the round trip");
    assert_eq!(ok(&b, &["status", "--json"]), ok(&a, &["status", "--json"]));
    // And the imported store goes on where the old one stopped: ids are not reused.
    let c: Value = serde_json::from_str(&ok(
        &b,
        &[
            "done",
            "public policy writing",
            "--hours",
            "1",
            "--date",
            "2026-06-01",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(c["id"], 7);
}

#[test]
fn import_replaces_the_contents_exactly() {
    let (dir, a) = temp();
    let (_d2, b) = temp();
    // A: small.
    ok(&a, &bihar_bas(&[]));
    ok(
        &a,
        &[
            "done",
            "yuva ai for all",
            "--hours",
            "2",
            "--date",
            "2026-06-01",
        ],
    );
    let file = dir.path().join("a.json");
    ok(&a, &["export", file.to_str().unwrap()]);
    // B: more of everything, and other ids.
    populate(&b);
    ok(&b, &["import", file.to_str().unwrap()]);
    assert_eq!(export(&b), fs::read_to_string(&file).unwrap());
    let log: Value = serde_json::from_str(&ok(&b, &["log", "--json"])).unwrap();
    assert_eq!(log.as_array().unwrap().len(), 1);
    assert_eq!(log[0]["title"], "Yuva AI for All");
    // B's old records are gone, so B can record GenAI again.
    ok(
        &b,
        &[
            "done",
            "genai for everyone",
            "--hours",
            "4",
            "--date",
            "2026-05-10",
        ],
    );

    // Importing an empty export empties the store.
    let (_d3, empty) = temp();
    let efile = dir.path().join("empty.json");
    ok(&empty, &["export", efile.to_str().unwrap()]);
    assert!(!empty.exists(), "export of an absent store creates nothing");
    ok(&b, &["import", efile.to_str().unwrap()]);
    assert_eq!(export(&b), fs::read_to_string(&efile).unwrap());
}

#[test]
fn an_import_that_is_not_an_export_is_refused_and_changes_nothing() {
    let (dir, db) = temp();
    populate(&db);
    let good: Value = serde_json::from_str(&export(&db)).unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };

    let f = write("notes.txt", "these are my notes, not JSON\n");
    let e = refused(&db, &["import", &f]);
    assert!(e.contains("not a karmadash export"), "{e}");
    let f = write("other.json", "{\"hello\": [1, 2, 3]}");
    assert!(refused(&db, &["import", &f]).contains("not a karmadash export"));
    let e = refused(
        &db,
        &["import", dir.path().join("missing.json").to_str().unwrap()],
    );
    assert!(e.contains("cannot read"), "{e}");

    // Exports with one bad record: the whole file is refused.
    let bad = |name: &str, edit: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        edit(&mut v);
        write(name, &serde_json::to_string_pretty(&v).unwrap())
    };
    let cases: Vec<(String, &str)> = vec![
        (
            bad("zero.json", &|v| v["completions"][0]["seconds"] = json!(0)),
            "plausible",
        ),
        (
            bad("huge.json", &|v| {
                v["completions"][0]["seconds"] = json!(200 * 3600 + 1)
            }),
            "plausible",
        ),
        (
            bad("future.json", &|v| {
                v["completions"][0]["date"] = json!("2026-12-01")
            }),
            "future",
        ),
        (
            bad("baddate.json", &|v| {
                v["completions"][0]["date"] = json!("2026-02-30")
            }),
            "not a karmadash export",
        ),
        (
            bad("negative.json", &|v| {
                v["completions"][0]["seconds"] = json!(-60)
            }),
            "not a karmadash export",
        ),
        (
            bad("unknown.json", &|v| {
                v["completions"][0]["course"] = json!("a course nobody lists")
            }),
            "not in this catalogue",
        ),
        (
            bad("dupid.json", &|v| {
                v["completions"][1]["id"] = v["completions"][0]["id"].clone()
            }),
            "used twice",
        ),
        (
            bad("zeroid.json", &|v| v["assessments"][0]["id"] = json!(0)),
            "zero",
        ),
        (bad("nextid.json", &|v| v["next_id"] = json!(2)), "next_id"),
        (
            bad("dupcourse.json", &|v| {
                v["completions"][1]["course"] = v["completions"][0]["course"].clone();
                v["completions"][1]["in_catalogue"] = json!(true);
            }),
            "recorded twice",
        ),
        (bad("schema.json", &|v| v["schema"] = json!(99)), "schema"),
        (
            bad("service.json", &|v| v["profile"]["service"] = json!("ifs")),
            "not a karmadash export",
        ),
        (
            bad("registered.json", &|v| {
                v["profile"]["registered"] = json!("2027-01-01")
            }),
            "registration date 01.01.2027 is in the future",
        ),
        (
            bad("batch.json", &|v| v["profile"]["batch"] = json!(1066)),
            "batch '1066'",
        ),
        (
            bad("tier.json", &|v| v["profile"]["tier"] = json!("ias-99")),
            "the profile",
        ),
        (
            bad("assigned.json", &|v| {
                v["assignments"][0]["assigned"] = json!("2026-12-25")
            }),
            "assigned date 25.12.2026 is in the future",
        ),
        (
            bad("due.json", &|v| {
                v["assignments"][0]["due"] = json!("2002-01-31")
            }),
            "before Mission Karmayogi",
        ),
        (
            bad("nocourse.json", &|v| {
                v["assignments"][1]["course"] = json!(" ")
            }),
            "names no course",
        ),
        (
            bad("passed.json", &|v| {
                v["assessments"][0]["passed"] = json!("2019-08-14")
            }),
            "assessment date 14.08.2019 is before Mission Karmayogi",
        ),
    ];
    for (file, want) in cases {
        let e = refused(&db, &["import", &file]);
        assert!(e.contains(want), "{file}: {e}");
    }
}

fn igot(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/igot_fixtures")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn export_and_import_carry_the_roster_whole() {
    let (dir, a) = temp();
    let users = igot("month/UserReport.csv");
    ok(
        &a,
        &[
            "roster",
            "import",
            &igot("month/ConsumptionReport-2026-10-01.csv"),
            &users,
        ],
    );
    ok(
        &a,
        &[
            "roster",
            "import",
            &igot("tour/ConsumptionReport.csv"),
            &users,
        ],
    );
    ok(&a, &["roster", "expect", &igot("month/officers.csv")]);
    ok(
        &a,
        &[
            "roster",
            "exempt",
            "ravi",
            "--reason",
            "Deputation",
            "--until",
            "31.03.2027",
        ],
    );
    ok(
        &a,
        &[
            "roster",
            "exempt",
            "sunita",
            "--reason",
            "Training abroad",
            "--requirement",
            "hours-per-fy",
        ],
    );
    let file = dir.path().join("backup.json");
    ok(&a, &["export", file.to_str().unwrap()]);

    // Into a new store, and over a store with a roster of its own.
    let (_d2, b) = temp();
    let (_d3, c) = temp();
    ok(
        &c,
        &[
            "roster",
            "import",
            &igot("month/ConsumptionReport-2026-11-23.csv"),
        ],
    );
    for to in [&b, &c] {
        assert_eq!(ok(to, &["import", file.to_str().unwrap()]), "");
        for view in [
            &["roster", "--json"][..],
            &["roster", "history", "--json"],
            &["roster", "show", "sunita"],
            &["roster", "report", "--format", "json"],
        ] {
            assert_eq!(ok(to, view), ok(&a, view), "{view:?} after the import");
        }
        let roster =
            |db: &Path| serde_json::from_str::<Value>(&export(db)).unwrap()["roster"].clone();
        assert!(roster(to) == roster(&a), "the roster replaced whole");
    }
    // B had nothing: its export is A's byte for byte, audit log included.
    assert!(
        export(&b) == export(&a),
        "byte-identical after the round trip"
    );
    // The audit log is merged, never replaced: C keeps its own import's entry.
    let log = |db: &Path| -> Vec<Value> {
        serde_json::from_str(&ok(db, &["roster", "audit", "--json"])).unwrap()
    };
    assert_eq!(log(&b), log(&a));
    assert_eq!(log(&c).len(), log(&a).len() + 1);
    let v: Value = serde_json::from_str(&export(&a)).unwrap();
    assert_eq!(v["roster"]["officers"].as_array().unwrap().len(), 5);
    assert_eq!(v["roster"]["imports"].as_array().unwrap().len(), 2);
    assert_eq!(v["roster"]["exemptions"].as_array().unwrap().len(), 2);
    assert_eq!(v["roster"]["expected"].as_array().unwrap().len(), 6);
    assert!(!v["roster"]["history"].as_array().unwrap().is_empty());
}

/// An export with no roster (made before exports carried one, or by an
/// officer's own store) restores the personal records and leaves the
/// cell's roster as it is: an old backup never empties a roster.
#[test]
fn an_export_without_a_roster_leaves_the_stores_roster() {
    let (dir, officer) = temp();
    ok(
        &officer,
        &["profile", "set", "--service", "ias", "--batch", "2015"],
    );
    let file = dir.path().join("officer.json");
    ok(&officer, &["export", file.to_str().unwrap()]);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert!(v.get("roster").is_none(), "{v}");

    let (_d, cell) = temp();
    ok(
        &cell,
        &["roster", "import", &igot("tour/ConsumptionReport.csv")],
    );
    let before = ok(&cell, &["roster", "--json"]);
    assert_eq!(ok(&cell, &["import", file.to_str().unwrap()]), "");
    assert_eq!(ok(&cell, &["roster", "--json"]), before);
}
