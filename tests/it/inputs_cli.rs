//! What people type, through the real binary on a temporary store: states
//! from India's closed list, tier ids and services with the nearest
//! suggestion, `profile set` changing only what is given, dates day first,
//! and the completion scripts and manual page generated from clap.

use crate::progress_fixtures;

use progress_fixtures::*;

// ---------------------------------------------------------------------------
// states, tiers, services

#[test]
fn a_mistyped_state_is_refused_with_the_nearest_and_the_store_unchanged() {
    let s = Store::new();
    for (typed, want) in [
        ("del", "unknown state 'del': did you mean delhi?"),
        ("dehli", "unknown state 'dehli': did you mean delhi?"),
        ("Bihaar", "unknown state 'Bihaar': did you mean bihar?"),
    ] {
        let e = s.refused(&[
            "profile",
            "set",
            "--service",
            "ias",
            "--batch",
            "2012",
            "--state",
            typed,
        ]);
        assert_eq!(e.trim_end(), format!("karmadash: {want}"));
    }
    assert!(!s.db.exists(), "a refused profile creates no store");
    // The same typo against an existing profile leaves it as it was.
    s.profile_delhi_ias();
    s.refused(&["profile", "set", "--state", "dehli"]);
}

#[test]
fn the_names_people_write_for_delhi_all_bring_the_delhi_om() {
    for typed in [
        "New Delhi",
        "nct-delhi",
        "NCT of Delhi",
        "Delhi NCT",
        "DL",
        "दिल्ली",
    ] {
        let s = Store::new();
        s.ok(&[
            "profile",
            "set",
            "--service",
            "ias",
            "--batch",
            "2012",
            "--state",
            typed,
        ]);
        let j = s.json(&["profile", "--json"]);
        assert_eq!(j["profile"]["state"], "delhi", "{typed}");
        let rulebooks = j["rulebooks"].as_array().unwrap();
        assert!(
            rulebooks.contains(&"delhi-om-2026-01-02".into()),
            "{typed}: {rulebooks:?}"
        );
    }
}

#[test]
fn a_tier_in_any_case_is_taken_and_a_typo_gets_only_the_nearest_ids() {
    let s = Store::new();
    let e = s.refused(&["profile", "set", "--service", "bas", "--tier", "bas-basic"]);
    assert!(e.contains("did you mean bas-basic-ac?"), "{e}");
    assert!(!e.contains("ias-0-9"), "not the whole list: {e}");
    s.ok(&[
        "profile",
        "set",
        "--service",
        "BAS",
        "--tier",
        "BAS-Basic-AC",
    ]);
    let j = s.json(&["profile", "--json"]);
    assert_eq!(j["profile"]["tier"], "bas-basic-ac");
    assert_eq!(j["profile"]["service"], "bas");
    // `courses` and `search` read --tier the same way.
    let out = s.ok(&["courses", "--tier", "IAS-10-16"]);
    assert!(out.contains("ias-10-16/m1"), "{out}");
    let e = s.refused(&["courses", "--tier", "ias-10-61"]);
    assert!(e.contains("did you mean ias-10-16?"), "{e}");
    let e = s.refused(&["search", "noting", "--tier", "bss-aso"]);
    assert!(e.contains("did you mean bss-aso-us?"), "{e}");
}

#[test]
fn a_mistyped_service_gets_the_nearest() {
    let s = Store::new();
    let e = s.refused(&["profile", "set", "--service", "iass", "--batch", "2012"]);
    assert!(
        e.contains("unknown service 'iass': did you mean ias?"),
        "{e}"
    );
}

#[test]
fn a_state_stored_before_the_list_is_still_read_and_status_says_how_to_fix_it() {
    let s = Store::new();
    s.profile_delhi_ias();
    let mut p = karmadash::store::Store::at(&s.db)
        .snapshot()
        .unwrap()
        .profile
        .unwrap();
    p.state = Some("dehli".into());
    karmadash::store::Store::at(&s.db).set_profile(&p).unwrap();
    let r = s.run(&["status", "--short"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("karmadash 2026-27"), "{}", r.stdout);
    assert!(
        r.stderr
            .contains("unknown state 'dehli': did you mean delhi?")
            && r.stderr.contains("profile set --state"),
        "{}",
        r.stderr
    );
    // A spelling from the list, stored as typed, is read as its state.
    p.state = Some("New Delhi".into());
    karmadash::store::Store::at(&s.db).set_profile(&p).unwrap();
    let r = s.run(&["status", "--json"]);
    assert_eq!(r.stderr, "");
    assert!(r.stdout.contains("delhi-om-2026-01-02"), "{}", r.stdout);
}

// ---------------------------------------------------------------------------
// profile set changes only what is given

#[test]
fn changing_only_the_state_keeps_the_registration_date_and_says_what_changed() {
    let s = Store::new();
    s.profile_bihar_bas_with(&["--name", "A. Officer", "--registered", "15.03.2026"]);
    let out = s.ok(&["profile", "set", "--state", "delhi"]);
    assert_eq!(
        out,
        "Changed: state bihar -> delhi. Tier stays bas-basic-ac (set by hand (profile --tier)).\n"
    );
    let j = s.json(&["profile", "--json"]);
    assert_eq!(j["profile"]["state"], "delhi");
    assert_eq!(j["profile"]["registered"], "2026-03-15");
    assert_eq!(j["profile"]["name"], "A. Officer");
    assert_eq!(j["profile"]["tier"], "bas-basic-ac");
}

#[test]
fn clearing_is_explicit_and_nothing_to_change_says_so() {
    let s = Store::new();
    s.ok(&[
        "profile",
        "set",
        "--service",
        "ias",
        "--batch",
        "2012",
        "--state",
        "delhi",
        "--registered",
        "2025-10-01",
        "--name",
        "A. Officer",
    ]);
    let out = s.ok(&["profile", "set", "--clear", "registered", "--clear", "name"]);
    assert_eq!(
        out,
        "Changed: name A. Officer cleared; registered 01.10.2025 cleared. Tier stays ias-10-16 \
(14 years of service in FY 2026-27 (2026 minus batch 2012): IAS, above 9 to 16 years of service).\n"
    );
    let j = s.json(&["profile", "--json"]);
    assert_eq!(j["profile"]["registered"], Value::Null);
    assert_eq!(j["profile"]["name"], Value::Null);
    assert_eq!(j["profile"]["batch"], 2012);
    let before = s.export();
    let out = s.ok(&["profile", "set", "--state", "DL"]);
    assert_eq!(out, "Nothing to change: the profile already says that.\n");
    assert_eq!(s.export(), before);
    let e = s.refused(&["profile", "set", "--state", "bihar", "--clear", "state"]);
    assert!(
        e.contains("--state and --clear state were both given"),
        "{e}"
    );
    let e = s.refused(&["profile", "set", "--clear", "batch"]);
    assert!(e.contains("--batch"), "an IAS profile needs its batch: {e}");
    let help = s.ok(&["profile", "set", "--help"]);
    assert!(help.contains("--clear <FIELD>"), "{help}");
    assert!(
        help.contains("state, batch, tier, name, registered"),
        "{help}"
    );
}

#[test]
fn without_a_profile_the_service_is_required_in_one_line() {
    let s = Store::new();
    let e = s.refused(&["profile", "set", "--state", "delhi"]);
    assert!(e.contains("no profile yet: give --service"), "{e}");
}

// ---------------------------------------------------------------------------
// dates

#[test]
fn dates_are_taken_day_first_with_any_separator_or_year_first() {
    let s = Store::new();
    s.profile_delhi_ias();
    s.ok(&[
        "done",
        "Noting and Drafting",
        "--hours",
        "1",
        "--date",
        "15.09.2026",
    ]);
    s.ok(&[
        "done",
        "GenAI for Everyone",
        "--hours",
        "1",
        "--date",
        "31/12/2025",
    ]);
    s.ok(&[
        "done",
        "Public Policy Writing",
        "--hours",
        "1",
        "--date",
        "1-10-2026",
    ]);
    s.ok(&["assign", "Cybersecurity", "--due", "31/03/2027"]);
    s.ok(&["assessment", "--passed", "2026-10-02"]);
    s.ok(&["profile", "set", "--registered", "05/01/2026"]);
    let log = s.json(&["log", "--json"]);
    let dates: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2025-12-31", "2026-09-15", "2026-10-01"]);
    assert_eq!(
        s.json(&["profile", "--json"])["profile"]["registered"],
        "2026-01-05"
    );
    let out = today_is(&s, "15/09/2026")
        .args(["status", "--json"])
        .output()
        .unwrap();
    let status: Value = serde_json::from_slice(&out.stdout).expect("status --json");
    assert_eq!(status["as_of"], "2026-09-15");
}

/// The binary on the store with a `--today` of the test's choosing (the
/// fixture's own command fixes it already).
fn today_is(s: &Store, today: &str) -> Command {
    let mut cmd = crate::bin_fixtures::karmadash();
    cmd.env("KARMADASH_TODAY", today).arg("--db").arg(&s.db);
    cmd
}

#[test]
fn a_wrong_date_names_the_forms_that_work() {
    let s = Store::new();
    s.profile_delhi_ias();
    let e = s.refused(&[
        "done",
        "Noting and Drafting",
        "--hours",
        "1",
        "--date",
        "2026/13/01",
    ]);
    assert!(e.contains("write 15.09.2026 or 2026-09-15"), "{e}");
    let e = s.refused(&[
        "done",
        "Noting and Drafting",
        "--hours",
        "1",
        "--date",
        "31.02.2026",
    ]);
    assert!(e.contains("has no day 31"), "{e}");
    let e = s.refused(&["assessment", "--passed", "15.09.26"]);
    assert!(e.contains("two-digit year"), "{e}");
    let e = s.refused(&["assign", "Cybersecurity", "--due", "09/15/2026"]);
    assert!(e.contains("no month 15: the day comes first"), "{e}");
    let e = s.refused(&["profile", "set", "--registered", "yesterday"]);
    assert!(e.contains("15.09.2026 or 2026-09-15"), "{e}");
    let out = today_is(&s, "30.02.2026").arg("status").output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr,
        "karmadash: --today: '30.02.2026' is not a date: month 2 of 2026 has no day 30 (write 15.09.2026 or 2026-09-15)\n"
    );
}

// ---------------------------------------------------------------------------
// hours

/// The forms a person may type for hours, the same for every command.
const HOUR_FORMS: &[(&str, f64)] = &[
    ("2.5", 2.5),
    ("2:30", 2.5),
    ("02:30:00", 2.5),
    ("2h 30m", 2.5),
    ("2h30m", 2.5),
    ("150m", 2.5),
    ("2h", 2.0),
    ("2", 2.0),
    ("45m 36s", 0.76),
];

#[test]
fn hours_are_typed_the_same_way_for_done_and_shortlist() {
    let s = Store::new();
    s.profile_delhi_ias();
    for (i, (typed, hours)) in HOUR_FORMS.iter().enumerate() {
        let title = format!("A course outside the lists {i}");
        let done = s.json(&[
            "done",
            &title,
            "--other",
            "--hours",
            typed,
            "--date",
            "2026-06-10",
            "--json",
        ]);
        assert_eq!(done["hours"].as_f64(), Some(*hours), "done --hours {typed}");
        s.ok(&["shortlist", "add", "Noting and Drafting", "--hours", typed]);
        let list = s.json(&["shortlist", "list", "--json"]);
        assert_eq!(
            list[0]["hours"].as_f64(),
            Some(*hours),
            "shortlist add --hours {typed}: {list}"
        );
    }
    // A slip is refused alike by both, with the forms that work.
    for typed in ["2 hours", "1:75", "h", "2h 2h"] {
        for args in [
            vec!["done", "Cybersecurity", "--hours", typed],
            vec!["shortlist", "add", "Cybersecurity", "--hours", typed],
        ] {
            let e = s.refused(&args);
            assert!(
                e.contains(&format!("'{typed}'"))
                    && e.contains("2.5, 2:30, 02:30:00, 2h 30m, 150m or 2h"),
                "{args:?}: {e}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// completions and the manual page

#[test]
fn completion_scripts_for_every_shell_know_the_commands() {
    let s = Store::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = s.ok(&["completions", shell]);
        for word in ["karmadash", "profile", "status", "completions", "clear"] {
            assert!(out.contains(word), "{shell}: no {word}");
        }
    }
    let bash = s.ok(&["completions", "bash"]);
    assert!(bash.contains("complete -F _karmadash"), "{bash}");
    let e = s.refused(&["completions", "tcsh"]);
    assert!(e.contains("tcsh"), "{e}");
    assert!(!s.db.exists(), "completions never open the store");
}

#[test]
fn the_manual_page_is_roff_with_every_command() {
    let s = Store::new();
    let page = s.ok(&["man"]);
    assert!(page.starts_with(".ie") || page.contains("\n.TH "), "{page}");
    assert!(page.contains(".TH karmadash 1"), "{page}");
    for command in [
        "tiers",
        "courses",
        "profile",
        "done",
        "status",
        "report",
        "completions",
        "man",
    ] {
        assert!(page.contains(command), "no {command} in the page");
    }
    assert!(!s.db.exists(), "the manual page never opens the store");
}
