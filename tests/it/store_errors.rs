//! The store's errors are a type a caller can match: each kind (not
//! found, not a store, damaged, schema, busy, a record already there)
//! carries its data, the store's own words name no command or option,
//! and the shell adds the fix in one place with exit code 2.

use crate::store_fixtures;

use karmadash::store::{Damage, IdError, Missing, NotAStore, SchemaError, Snapshot, StoreError};
use store_fixtures::*;

fn store_in(dir: &TempDir) -> (PathBuf, LibStore) {
    let db = dir.path().join("db");
    (db.clone(), LibStore::at(db))
}

/// What the store says must not speak shell: the CLI and the dashboard
/// each add how to fix it.
fn no_shell_words(e: &StoreError) {
    let text = e.to_string();
    assert!(!text.contains("`karmadash"), "{e:?}: {text}");
    assert!(!text.contains("--db"), "{e:?}: {text}");
}

#[test]
fn a_caller_matches_records_and_officers_that_are_not_there() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = store_in(&dir);
    let e = store.remove_completion(7).unwrap_err();
    assert_eq!(e, StoreError::NotFound(Missing::Completion { id: 7 }));
    assert_eq!(e.to_string(), "no completion has id 7");
    no_shell_words(&e);
    let e = store
        .set_officer_tier(
            "ghost@gov.in",
            None,
            None,
            &karmadash::roster::audit::AuditEntry {
                at: chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
                    .unwrap()
                    .and_hms_opt(10, 0, 0)
                    .unwrap(),
                user: "cell".into(),
                change: karmadash::roster::audit::Change::Tier {
                    officer: "ghost@gov.in".into(),
                    tier: None,
                },
            },
        )
        .unwrap_err();
    assert_eq!(
        e,
        StoreError::NotFound(Missing::Officer {
            id: "ghost@gov.in".into()
        })
    );
    no_shell_words(&e);
}

#[test]
fn a_caller_matches_what_is_not_a_store_and_what_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    fs::write(&file, "my notes\n").unwrap();
    let e = LibStore::at(&file).snapshot().unwrap_err();
    assert!(
        matches!(&e, StoreError::NotAStore { path, why: NotAStore::File } if *path == file),
        "{e:?}"
    );
    no_shell_words(&e);

    let foreign = dir.path().join("foreign");
    fs::create_dir(&foreign).unwrap();
    fs::write(foreign.join("letter.odt"), "x").unwrap();
    let e = LibStore::at(&foreign).snapshot().unwrap_err();
    assert!(
        matches!(&e, StoreError::NotAStore { why: NotAStore::Foreign(name), .. } if name == "letter.odt"),
        "{e:?}"
    );
    no_shell_words(&e);

    // sled's other files without its log: damaged, never read as new.
    let no_log = dir.path().join("no-log");
    fs::create_dir(&no_log).unwrap();
    fs::write(no_log.join("conf"), "segment_size: 524288\n").unwrap();
    let e = LibStore::at(&no_log).snapshot().unwrap_err();
    assert!(
        matches!(
            &e,
            StoreError::Damaged {
                why: Damage::LogMissing,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(
        e.to_string().contains("Its files are left untouched"),
        "{e}"
    );
    no_shell_words(&e);
}

#[test]
fn a_caller_matches_a_store_of_another_schema_and_an_export_of_one() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = store_in(&dir);
    {
        let sled = sled::open(&db).unwrap();
        sled.insert("schema", "9").unwrap();
        sled.flush().unwrap();
    }
    let e = store.snapshot().unwrap_err();
    assert_eq!(
        e,
        StoreError::Schema(SchemaError::Store {
            path: db.clone(),
            found: "9".into()
        })
    );
    no_shell_words(&e);

    let other = dir.path().join("other");
    let e = LibStore::at(&other)
        .import(&Snapshot {
            schema: 3,
            next_id: 1,
            ..Snapshot::default()
        })
        .unwrap_err();
    assert_eq!(e, StoreError::Schema(SchemaError::Export { found: 3 }));
    let e = LibStore::at(&other)
        .import(&Snapshot {
            schema: karmadash::store::SCHEMA_VERSION,
            next_id: karmadash::store::MAX_ID,
            ..Snapshot::default()
        })
        .unwrap_err();
    assert_eq!(
        e,
        StoreError::Ids(IdError::ExportPastLast {
            reach: karmadash::store::MAX_ID
        })
    );
    assert!(!other.exists(), "a refused import makes no store");
}

#[test]
fn a_caller_matches_a_store_another_karmadash_holds() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = store_in(&dir);
    store.set_ui(&UiState::default()).unwrap();
    let held = sled::open(&db).unwrap();
    let e = store.snapshot().unwrap_err();
    drop(held);
    assert_eq!(e, StoreError::Busy { path: db.clone() });
    assert!(store.snapshot().is_ok(), "free again once let go");
}

/// The shell words the store's error with its fix, as before, exit 2.
#[test]
fn the_shell_adds_the_command_that_fixes_a_store_error() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = store_in(&dir);
    let r = run(&db, &["remove", "7"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "karmadash: no completion has id 7: `karmadash log` lists them\n"
    );
    let r = run(&db, &["roster", "tier", "ghost@gov.in", "--clear"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("`karmadash roster"),
        "the shell names its own commands: {}",
        r.stderr
    );
}
