//! `status --short` from the answer kept beside the store (for shell
//! prompts): taken while every key holds, never once one has changed.
//! Each test plants a false line under the kept key: seeing it proves the
//! kept answer was taken; seeing the true line proves the full path was.

use crate::progress_fixtures;
use crate::store_fixtures::mounts;

use progress_fixtures::*;
use std::fs;
use std::path::PathBuf;

const PLANTED: &str = "karmadash PLANTED";

fn summary(s: &Store) -> PathBuf {
    s.db.join("karmadash-status")
}

/// Replaces the kept line (and verdict) with a planted one, key unchanged.
fn plant(s: &Store) {
    let text = fs::read_to_string(summary(s)).expect("status --short kept its answer");
    let mut kept: serde_json::Value = serde_json::from_str(&text).unwrap();
    kept["line"] = PLANTED.into();
    kept["on_track"] = true.into();
    fs::write(summary(s), kept.to_string()).unwrap();
}

fn officer() -> (Store, String) {
    let s = Store::new();
    s.profile_bihar_bas();
    s.done("yuva ai for all", "13", "2026-06-01");
    let line = s.ok(&["status", "--short"]);
    assert!(line.contains("13.00/52 h"), "{line}");
    (s, line)
}

#[test]
fn the_kept_answer_is_printed_while_every_key_holds() {
    let (s, line) = officer();
    let again = s.ok(&["status", "--short"]);
    assert_eq!(again, line, "the kept answer is the full path's");
    plant(&s);
    assert_eq!(s.ok(&["status", "--short"]), format!("{PLANTED}\n"));
    // --check ends with the kept verdict: exit 0 as planted, 1 in truth.
    s.ok(&["status", "--short", "--check"]);
    let kept = fs::metadata(summary(&s)).unwrap();
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&kept.permissions()) & 0o777,
        0o600
    );
}

#[test]
fn a_write_from_another_process_takes_the_full_path() {
    let (s, _) = officer();
    plant(&s);
    s.done("bas-basic-ac/m6", "2", "2026-07-01");
    let out = s.ok(&["status", "--short"]);
    assert!(out.contains("15.00/52 h"), "{out}");
    // The full path kept the new answer: the next prompt is quick again.
    plant(&s);
    assert_eq!(s.ok(&["status", "--short"]), format!("{PLANTED}\n"));
}

#[test]
fn a_new_change_marker_takes_the_full_path() {
    // A write whose change to sled's log a stat cannot see (a coarse clock,
    // the same size) still rewrites the marker: that alone is enough.
    let (s, line) = officer();
    plant(&s);
    fs::write(s.db.join("karmadash-changed"), "1 2\n").unwrap();
    assert_eq!(s.ok(&["status", "--short"]), line);
}

#[test]
fn a_write_forgets_the_kept_answer() {
    let (s, _) = officer();
    assert!(summary(&s).exists());
    s.done("bas-basic-ac/m6", "2", "2026-07-01");
    assert!(!summary(&s).exists(), "the write dropped the old answer");
}

#[test]
fn any_open_of_the_store_takes_the_full_path() {
    // Another command (or an older karmadash that leaves no marker) opened
    // sled, which rewrites its log: the kept answer is no longer trusted.
    let (s, line) = officer();
    plant(&s);
    s.ok(&["report", "--format", "json"]);
    assert_eq!(s.ok(&["status", "--short"]), line);
}

#[test]
fn a_new_day_takes_the_full_path() {
    let (s, _) = officer();
    plant(&s);
    // KARMADASH_TODAY, as a prompt's environment would set it.
    let out = crate::bin_fixtures::karmadash()
        .env("KARMADASH_TODAY", "2026-11-24")
        .arg("--db")
        .arg(&s.db)
        .args(["status", "--short"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains("next due 31.03.2027 (127 days)"), "{out}");
}

#[test]
fn another_year_takes_the_full_path() {
    let (s, _) = officer();
    plant(&s);
    let out = s.ok(&["status", "--short", "--fy", "2025-26"]);
    assert!(out.starts_with("karmadash 2025-26: "), "{out}");
}

#[test]
fn another_data_directory_takes_the_full_path() {
    let (s, line) = officer();
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    plant(&s);
    assert_eq!(s.ok(&["--data", d, "status", "--short"]), line);
    // Kept for that directory now; a rulebook edited there is a new key.
    plant(&s);
    assert_eq!(
        s.ok(&["--data", d, "status", "--short"]),
        format!("{PLANTED}\n")
    );
    fs::write(data.path().join("aliases.toml"), "").unwrap();
    assert_eq!(s.ok(&["--data", d, "status", "--short"]), line);
    // And the built-in catalogue is a key of its own.
    plant(&s);
    assert_eq!(s.ok(&["status", "--short"]), line);
}

#[test]
fn a_damaged_or_foreign_summary_takes_the_full_path() {
    let (s, line) = officer();
    for damaged in ["", "{", "not json at all", "{\"key\":1}"] {
        fs::write(summary(&s), damaged).unwrap();
        assert_eq!(s.ok(&["status", "--short"]), line, "{damaged:?}");
    }
    // Another store's answer, its key included, copied in.
    let (other, _) = {
        let o = Store::new();
        o.profile_delhi_ias();
        let l = o.ok(&["status", "--short"]);
        (o, l)
    };
    plant(&other);
    fs::copy(summary(&other), summary(&s)).unwrap();
    assert_eq!(s.ok(&["status", "--short"]), line);
    // A summary of another owner (only root can make one here) is not read.
    if crate::store_fixtures::is_root() {
        s.ok(&["status", "--short"]);
        plant(&s);
        std::os::unix::fs::chown(summary(&s), Some(65534), Some(65534)).unwrap();
        assert_eq!(s.ok(&["status", "--short"]), line);
    }
    // A line with a line break in it is not printed either.
    let text = fs::read_to_string(summary(&s)).unwrap();
    let mut kept: serde_json::Value = serde_json::from_str(&text).unwrap();
    kept["line"] = "one\ntwo".into();
    fs::write(summary(&s), kept.to_string()).unwrap();
    assert_eq!(s.ok(&["status", "--short"]), line);
}

#[test]
fn a_read_only_store_answers_in_full_and_keeps_nothing() {
    let s = Store::new();
    s.profile_bihar_bas();
    s.done("yuva ai for all", "13", "2026-06-01");
    let dir = tempfile::tempdir().unwrap();
    let view = dir.path().join("view");
    let Some(_mount) = mounts::read_only_view(&s.db, &view, "read-only kept status test") else {
        return;
    };
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    for _ in 0..2 {
        let out = crate::store_fixtures::karmadash(&view)
            .env("TMPDIR", &tmp)
            .args(["status", "--short"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("13.00/52 h"), "{text}");
    }
    assert!(!summary(&s).exists(), "nothing kept in a read-only store");
}
