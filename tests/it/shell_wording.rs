//! What the core leaves out, each shell words: the CLI with its commands
//! and options (the sentences it printed before the core stopped speaking
//! shell, so scripts and the README see no change), the dashboard with
//! its keys. The core's own words name neither (`core_wording.rs`).

use karmadash::app::progress::{ImportError, ProgressError, RecordProblem};
use karmadash::catalogue::Catalogue;
use karmadash::cli::wording as cli;
use karmadash::roster::personal::WhyUnusable;
use karmadash::roster::PlacementError;
use karmadash::rules::steps::StepAction;
use karmadash::rules::tier::TierBasis;
use karmadash::tui::wording as tui;

/// The domain's words: no command, no option.
fn plain(text: &str) {
    assert!(
        !text.contains("karmadash ") && !text.contains("--"),
        "the core speaks shell: {text}"
    );
}

#[test]
fn a_mistyped_tier() {
    let c = Catalogue::builtin().unwrap();
    let e = c.find_tier("bas-basic").unwrap_err();
    plain(&e.to_string());
    assert_eq!(
        e.to_string(),
        "unknown tier 'bas-basic': did you mean bas-basic-ac?"
    );
    assert_eq!(
        cli::progress_error(&ProgressError::TierName(e)),
        "unknown tier 'bas-basic': did you mean bas-basic-ac? (`karmadash tiers` lists them all)"
    );
}

#[test]
fn the_tier_basis() {
    let by_hand = TierBasis::SetByHand;
    assert_eq!(by_hand.to_string(), "set by hand");
    assert_eq!(cli::tier_basis(&by_hand), "set by hand (profile --tier)");
    assert_eq!(tui::tier_basis(&by_hand), "set by hand (profile: p)");
    let no_list = TierBasis::NoList {
        service: "CENTRAL".into(),
    };
    plain(&no_list.to_string());
    assert!(cli::tier_basis(&no_list).ends_with("with `karmadash assign`"));
    assert!(tui::tier_basis(&no_list).contains("press a"));
}

#[test]
fn every_step_action() {
    let by = || "by 31.03.2027".to_string();
    let all = [
        StepAction::TakeMandatory { open: 2, by: by() },
        StepAction::RecordPrescribed,
        StepAction::CompleteFromList {
            courses: 1,
            by: by(),
        },
        StepAction::LearnHours {
            seconds: 3600,
            by: by(),
        },
        StepAction::CompleteCourses {
            courses: 3,
            by: by(),
        },
        StepAction::HalfYearMissed { ended: None },
        StepAction::TakeOwnChoice {
            programmes: 1,
            by: by(),
        },
        StepAction::PassAssessment { by: by() },
        StepAction::RegisteredLate,
        StepAction::Register,
        StepAction::AskForAssigned { still_to_record: 2 },
        StepAction::TakeAssigned { open: 1, by: by() },
        StepAction::Other {
            missing: "1 course".into(),
            by: by(),
        },
    ];
    for a in &all {
        plain(&a.to_string());
        plain(&tui::step_action(a));
    }
    for (a, cli_words, key) in [
        (
            &all[1],
            "with `karmadash assign \"COURSE\" --due DATE`, then take half of them",
            "press a",
        ),
        (
            &all[7],
            "then record it with `karmadash assessment --passed DATE`",
            "press e",
        ),
        (
            &all[9],
            "then record the date with `karmadash profile set --registered DATE`",
            "press p",
        ),
        (
            &all[10],
            "record each with `karmadash assign \"COURSE\" --due DATE` (2 courses still to record)",
            "press a",
        ),
    ] {
        assert!(
            cli::step_action(a).contains(cli_words),
            "{}",
            cli::step_action(a)
        );
        assert!(tui::step_action(a).contains(key), "{}", tui::step_action(a));
    }
}

#[test]
fn an_officer_the_roster_cannot_place() {
    let e = PlacementError::NoTier {
        designation: "Block Officer".into(),
        service: karmadash::catalogue::Service::Bas,
    };
    plain(&e.to_string());
    assert_eq!(
        cli::placement_error(&e),
        "the designation \"Block Officer\" maps to no BAS tier: add it to a designations.toml in --data DIR, or set the officer's tier"
    );
}

#[test]
fn a_report_row_without_a_duration() {
    plain(&WhyUnusable::NoDuration.to_string());
    assert_eq!(
        cli::unusable(&WhyUnusable::NoDuration),
        "the report gives no duration: record it with `karmadash done` and the certificate's hours"
    );
}

#[test]
fn an_export_made_with_other_data_files() {
    let e = ImportError::Completion {
        id: 7,
        title: "Yuva AI for All".into(),
        why: RecordProblem::NotInCatalogue,
    };
    plain(&e.to_string());
    assert_eq!(
        cli::progress_error(&e.into()),
        "completion 7 (\"Yuva AI for All\"): the course is not in this catalogue (was the export made with --data?)"
    );
}

#[test]
fn a_stored_state_off_the_list() {
    let profile = karmadash::rules::record::Profile {
        service: karmadash::catalogue::Service::Ias,
        state: Some("dehli".into()),
        batch: Some(2015),
        tier: None,
        name: None,
        registered: None,
    };
    let w = karmadash::app::profile_edit::stored_state_warning(&profile).unwrap();
    plain(&w.to_string());
    assert_eq!(
        cli::stored_state_warning(&w),
        "the profile's unknown state 'dehli': did you mean delhi? No state order applies until it is fixed with `karmadash profile set --state NAME`."
    );
}

#[test]
fn a_designations_table_naming_an_unknown_tier() {
    use karmadash::roster::cell_table::CellTableError;
    use karmadash::roster::designations::{TableError, TableProblem};
    let e = TableError {
        file: "designations.toml".into(),
        line: 3,
        problem: TableProblem::UnknownTier {
            tier: "bas-x".into(),
            names: vec!["Block Officer".into()],
        },
    };
    plain(&e.to_string());
    assert_eq!(
        cli::cell_table_error(&CellTableError::Invalid(e)),
        "the data file designations.toml:3: unknown tier 'bas-x' for [\"Block Officer\"] (see `karmadash tiers`)"
    );
}

/// The CLI's failures are values: a program matches what went wrong, the
/// exit code and the candidate lines follow from it, and the line a
/// person reads is the sentence the CLI printed before it was typed.
#[test]
fn a_cli_failure_is_a_value_with_its_code_and_its_sentence() {
    use karmadash::cli::{Failure, Problem};
    use karmadash::roster::LookupError;
    let several = Failure::from(LookupError::Several {
        typed: "Ra".into(),
        candidates: vec![
            ("Ravi Kumar".into(), "ravi@gov.in".into()),
            ("Rani Devi".into(), "rani@gov.in".into()),
        ],
    });
    assert!(matches!(
        several.problem(),
        Problem::Lookup(LookupError::Several { typed, .. }) if typed == "Ra"
    ));
    assert_eq!(several.code(), 2);
    assert_eq!(
        several.to_string(),
        "2 officers match 'Ra': give more of the name, or the e-mail"
    );
    assert_eq!(
        several.details(),
        ["Ravi Kumar <ravi@gov.in>", "Rani Devi <rani@gov.in>"]
    );
    // A check that ran and found something unmet ends with 1, not 2.
    let partial = Failure::from(Problem::RowsUnread {
        rows: 1,
        dry_run: true,
    });
    assert_eq!(partial.code(), 1);
    assert_eq!(
        partial.to_string(),
        "1 row could not be read (listed above); the rest would be imported"
    );
    let limit = Failure::from(Problem::LimitZero);
    assert_eq!((limit.code(), limit.details().len()), (2, 0));
}
