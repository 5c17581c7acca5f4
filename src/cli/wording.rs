//! The core's errors worded for the shell: each says which option or
//! command fixes it (the core names none).

use super::failure::{Failure, Problem};
use crate::app::profile_edit::StoredStateWarning;
use crate::app::progress::{quoted, ImportError, ProgressError, RecordProblem};
use crate::catalogue::{CourseError, TierNameError};
use crate::roster::cell_table::CellTableError;
use crate::roster::designations::{TableError, TableProblem};
use crate::roster::personal::WhyUnusable;
use crate::roster::{Flag, FlagKind, OfficerStatus, PlacementError};
use crate::rules::engine::{RequirementStatus, Status, ToRecord};
use crate::rules::steps::StepAction;
use crate::rules::tier::{TierBasis, TierError};
use crate::store::{IdError, Missing, NotAStore, Op, SchemaError, StoreError};
use crate::units::words::count;

/// A requirement's text with the command that adds what it lacks.
pub fn requirement_text(r: &RequirementStatus) -> String {
    const ADD: &str = "add them with `karmadash assign`";
    match r.to_record {
        None => r.text.clone(),
        Some(ToRecord::PrescribedCourses) => format!("{}, {ADD}", r.text),
        // "(N of M assigned so far)": the advice goes inside the brackets.
        Some(ToRecord::AssignedCourses) => match r.text.strip_suffix(')') {
            Some(text) => format!("{text}: {ADD})"),
            None => format!("{}: {ADD}", r.text),
        },
    }
}

/// A status as every CLI output shows it: each requirement's text with
/// the command that adds what it lacks.
pub fn worded(mut st: Status) -> Status {
    for r in &mut st.requirements {
        r.text = requirement_text(r);
        r.to_record = None;
    }
    st
}

/// A plan's next step, with the command that records what it asks for.
pub fn step_action(a: &StepAction) -> String {
    match a {
        StepAction::RecordPrescribed => "record the courses your ministry or cadre prescribes for your level with `karmadash assign \"COURSE\" --due DATE`, then take half of them".into(),
        StepAction::PassAssessment { by } => format!(
            "pass the comprehensive assessment for your level on iGOT {by}, then record it with `karmadash assessment --passed DATE`"
        ),
        StepAction::Register => "register on iGOT and keep designation and batch current, then record the date with `karmadash profile set --registered DATE`".into(),
        StepAction::AskForAssigned { still_to_record } => format!(
            "ask your Administrative Secretary for the courses named for the year and record each with `karmadash assign \"COURSE\" --due DATE` ({} still to record)",
            count(*still_to_record as i64, "course", "courses")
        ),
        other => other.to_string(),
    }
}

/// How the tier was chosen, with the option or command that changes it.
pub fn tier_basis(b: &TierBasis) -> String {
    match b {
        TierBasis::SetByHand => "set by hand (profile --tier)".into(),
        TierBasis::NoList { service } => format!(
            "no list for {service} in the catalogue: add the courses your ministry or cadre authority prescribes with `karmadash assign`"
        ),
        other => other.to_string(),
    }
}

/// A tier error with the options that fix it.
pub fn tier_error(e: &TierError) -> String {
    match e {
        TierError::NeedsBatch => {
            "an IAS profile needs --batch YEAR (to derive the tier from years of service) or --tier"
                .into()
        }
        TierError::BatchAfterYear { batch, fy } => {
            format!("batch {batch} starts after financial year {fy}: check --batch or --fy")
        }
        TierError::NeedsTier { service, choices } => {
            format!(
                "a {service} profile needs --tier: one of {}",
                choices.join(", ")
            )
        }
        other => other.to_string(),
    }
}

/// A mistyped tier id; the nearest ones, with the command listing all.
pub fn tier_name_error(e: &TierNameError) -> String {
    match e {
        TierNameError::Near { .. } => format!("{e} (`karmadash tiers` lists them all)"),
        TierNameError::NothingNear { .. } => e.to_string(),
    }
}

/// A refused tier as the one failure line, after the option or argument
/// that gave it (`--tier`, `tier`).
pub fn tier_failure(given_by: &'static str, e: &TierNameError) -> Failure {
    Problem::TierName {
        given_by,
        error: e.clone(),
    }
    .into()
}

/// An export refused whole; a course this catalogue lacks points at the
/// option that loads other data files.
pub fn import_error(e: &ImportError) -> String {
    match e {
        ImportError::Completion {
            id,
            title,
            why: RecordProblem::NotInCatalogue,
        } => format!(
            "completion {id} (\"{}\"): the course is not in this catalogue (was the export made with --data?)",
            quoted(title)
        ),
        other => other.to_string(),
    }
}

/// A report row `import-igot` cannot record, with the command that can.
pub fn unusable(why: &WhyUnusable) -> String {
    match why {
        WhyUnusable::NoDuration => "the report gives no duration: record it with `karmadash done` and the certificate's hours".into(),
        other => other.to_string(),
    }
}

/// An officer the roster cannot place, with the option that adds a
/// cell's designations.
pub fn placement_error(e: &PlacementError) -> String {
    match e {
        PlacementError::NoTier {
            designation,
            service,
        } => format!(
            "the designation \"{designation}\" maps to no {} tier: add it to a designations.toml in --data DIR, or set the officer's tier",
            service.id().to_uppercase()
        ),
        other => other.to_string(),
    }
}

/// An officer's flags as the CLI prints them: the `unmapped` one worded
/// with the option that fixes it.
pub fn officer_flags(s: &OfficerStatus) -> Vec<Flag> {
    let mut flags = s.flags.clone();
    if let Some(why) = &s.unplaced {
        let text = why.to_string();
        for f in flags
            .iter_mut()
            .filter(|f| f.kind == FlagKind::Unmapped && f.text == text)
        {
            f.text = placement_error(why);
        }
    }
    flags
}

/// A designations table that cannot be used; an unknown tier points at
/// the command listing them.
pub fn cell_table_error(e: &CellTableError) -> String {
    let worded = |t: &TableError| match &t.problem {
        TableProblem::UnknownTier { .. } => format!("{t} (see `karmadash tiers`)"),
        _ => t.to_string(),
    };
    match e {
        CellTableError::Builtin(t) => worded(t),
        CellTableError::Invalid(t) => format!("the data file {}", worded(t)),
        other => other.to_string(),
    }
}

/// A stored state off India's list, with the command that fixes it.
pub fn stored_state_warning(w: &StoredStateWarning) -> String {
    format!(
        "the profile's {} No state order applies until it is fixed with `karmadash profile set --state NAME`.",
        w.0
    )
}

/// A refused record or profile edit, with the options that fix it.
pub fn progress_error(e: &ProgressError) -> String {
    match e {
        ProgressError::Tier(t) => tier_error(t),
        ProgressError::TierName(t) => tier_name_error(t),
        ProgressError::Import(i) => import_error(i),
        ProgressError::Course(c @ CourseError::NotListed { .. }) => format!(
            "{c}. Give the exact title or a listing id (`karmadash search`), or add --other for a course outside the lists"
        ),
        ProgressError::ListedAsOther { title } => format!(
            "\"{title}\" is a listed course: record it without --other so it counts for your lists"
        ),
        ProgressError::GivenAndCleared(f) => {
            format!("--{0} and --clear {0} were both given: keep one", f.id())
        }
        ProgressError::EmptyValue(f) => format!(
            "--{0} is empty: give a value, or --clear {0} to empty it",
            f.id()
        ),
        ProgressError::NoService { choices } => format!(
            "no profile yet: give --service ({}) to create one",
            choices.join(", ")
        ),
        other => other.to_string(),
    }
}

/// A store error with the command or option that fixes it (the store
/// names neither).
pub fn store_error(e: &StoreError) -> String {
    const REPAIR_IDS: &str = "`karmadash export`, set \"next_id\" to one more than the largest id in the file, and import it";
    const RESTORE: &str = "restore it from an export with `karmadash import`";
    match e {
        StoreError::DamagedRecord { .. } => format!("{e}: {RESTORE}"),
        StoreError::Schema(SchemaError::Upgrade { .. }) => format!("{e}; {RESTORE}"),
        StoreError::Damaged { .. } => format!(
            "{e}, then restore your last export into a new store with `karmadash --db NEW_PATH import FILE`"
        ),
        StoreError::NotAStore {
            why: NotAStore::Foreign(_),
            ..
        } => format!("{e}. Pass another --db PATH"),
        StoreError::NotAStore { .. } => format!("{e}: pass another --db PATH"),
        StoreError::NoHome => format!("{e}: pass --db PATH or set KARMADASH_DB"),
        StoreError::Io { op: Op::Create, .. } => {
            format!("{e}. Pass a writable --db PATH or set KARMADASH_DB")
        }
        StoreError::AlreadyRecorded { id, .. } => {
            format!("{e}: to change it, `karmadash remove {id}` and record it again")
        }
        StoreError::NotFound(Missing::Completion { .. }) => {
            format!("{e}: `karmadash log` lists them")
        }
        StoreError::NotFound(Missing::Officer { .. }) => {
            format!("{e}: `karmadash roster` lists them")
        }
        StoreError::Ids(IdError::NextPastLast { .. } | IdError::NextTaken { .. }) => {
            format!("{e}: {REPAIR_IDS}")
        }
        other => other.to_string(),
    }
}

/// An officer not found, or several: the one line (the candidates
/// follow it, each on a line of its own: `Problem::details`).
pub fn lookup_error(e: &crate::roster::LookupError) -> String {
    use crate::roster::LookupError;
    match e {
        LookupError::NotFound { .. } => format!(
            "{e}: give the e-mail, or the start of a name or e-mail (`karmadash roster --json` lists them)"
        ),
        LookupError::Several { .. } => format!("{e}: give more of the name, or the e-mail"),
    }
}

/// An officer not found, or several, as the command's failure.
pub fn lookup_failure(e: &crate::roster::LookupError) -> Failure {
    Problem::Lookup(e.clone()).into()
}

/// A listed course `shortlist` cannot find (it holds listed courses only:
/// no --other to suggest).
pub fn shortlist_course_error(e: &CourseError) -> String {
    match e {
        CourseError::NotListed { .. } => {
            format!("{e}. Give the exact title or a listing id (`karmadash search`)")
        }
        e => e.to_string(),
    }
}

/// A data file that does not load, in one line.
pub fn load_error(e: &crate::catalogue::LoadError) -> String {
    if e.origin.line == 0 {
        format!("--data {}: {}", e.origin.file, e.problem)
    } else {
        format!("the data file {e} (fix the file, or run `karmadash lint` to see every problem)")
    }
}

/// `roster tier` with a tier of a service the officer is not in.
pub fn tier_of_another_service(
    name: &str,
    id: &str,
    service: crate::catalogue::Service,
    tier: &str,
    tier_service: crate::catalogue::Service,
) -> String {
    let up = |s: crate::catalogue::Service| s.id().to_uppercase();
    format!(
        "{tier} is a {} tier, and {} <{}> is {} in the roster (from the user report or an earlier tier): choose a {} tier (see `karmadash tiers`)",
        up(tier_service),
        name,
        id,
        up(service),
        up(service)
    )
}

/// A failed sync in one line: what failed, what to try, and that the
/// snapshot kept before is untouched.
pub fn sync_error(e: &crate::portal::fetch::SyncError, kept: Option<chrono::NaiveDate>) -> String {
    use crate::portal::fetch::{PageFailure, SyncError};
    let hint = match e {
        SyncError::Address(_) => "give --portal https://...",
        SyncError::Page { failure, .. } => match failure {
            PageFailure::Timeout(_) => "on a slow line, try a longer --timeout (e.g. 180)",
            PageFailure::Network(_) | PageFailure::Status(_) => {
                "check the address, and HTTPS_PROXY if your office reaches the web through a proxy"
            }
            PageFailure::TooLarge(_) | PageFailure::Data(_) => {
                "is --portal the iGOT portal (or a proxy's error page)?"
            }
        },
        SyncError::Empty => "is --portal the iGOT portal?",
    };
    let kept = match kept {
        Some(d) => format!("the catalogue of {} is kept", d.format("%d.%m.%Y")),
        None => "no catalogue was kept".to_string(),
    };
    format!("catalogue sync: {e}; {hint}; {kept}")
}
