//! The core's errors say what is wrong in the domain's words and name no
//! shell: no CLI option (`--batch`), no command (`karmadash assign`). The
//! CLI and the dashboard each word the fix for their own user.

use karmadash::app::profile_edit::ProfileField;
use karmadash::app::progress::ProgressError;
use karmadash::catalogue::CourseError;
use karmadash::rules::fy::FinancialYear;
use karmadash::rules::tier::TierError;

fn tier_errors() -> Vec<TierError> {
    vec![
        TierError::Unknown {
            id: "x".into(),
            known: vec!["ias-0-9".into()],
        },
        TierError::OtherService {
            id: "bas-js-ss".into(),
            tier_service: "BAS".into(),
            service: "IAS".into(),
            choices: vec!["ias-0-9".into()],
        },
        TierError::NeedsBatch,
        TierError::BatchAfterYear {
            batch: 2030,
            fy: FinancialYear::new(2026),
        },
        TierError::NoIasTier { years: 99 },
        TierError::NeedsTier {
            service: "BAS".into(),
            choices: vec!["bas-js-ss".into(), "bas-basic-ac".into()],
        },
    ]
}

fn progress_errors() -> Vec<ProgressError> {
    let mut all: Vec<ProgressError> = tier_errors().into_iter().map(Into::into).collect();
    all.extend([
        ProgressError::Course(CourseError::NotListed {
            text: "yuva ai".into(),
            nearest: vec!["\"Yuva AI for All\"".into()],
        }),
        ProgressError::Course(CourseError::EditingNote {
            listing: "bas-js-ss/o52".into(),
        }),
        ProgressError::ListedAsOther {
            title: "Yuva AI for All".into(),
        },
        ProgressError::NoService {
            choices: vec!["ias".into(), "bas".into()],
        },
    ]);
    for f in ProfileField::ALL {
        all.push(ProgressError::GivenAndCleared(f));
        all.push(ProgressError::EmptyValue(f));
    }
    all
}

#[test]
fn no_core_error_names_a_flag_or_a_command() {
    for e in progress_errors() {
        let text = e.to_string();
        assert!(
            !text.contains("--") && !text.contains("karmadash "),
            "a core message speaks shell: {text}"
        );
    }
}

#[test]
fn the_cli_words_the_same_errors_with_its_options() {
    let cli = |e: &ProgressError| karmadash::cli::wording::progress_error(e);
    let worded: Vec<String> = progress_errors().iter().map(cli).collect();
    for (e, flag) in [
        (ProgressError::Tier(TierError::NeedsBatch), "--batch YEAR"),
        (
            ProgressError::ListedAsOther {
                title: "Yuva AI for All".into(),
            },
            "without --other",
        ),
        (
            ProgressError::GivenAndCleared(ProfileField::State),
            "--state and --clear state",
        ),
    ] {
        assert!(cli(&e).contains(flag), "{}", cli(&e));
    }
    assert!(worded
        .iter()
        .any(|w| w.contains("or add --other for a course outside the lists")));
}
