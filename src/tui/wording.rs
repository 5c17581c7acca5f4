//! The dashboard's errors, and the core's errors and advice, worded for
//! the dashboard in this one place: fields, forms and the keys that open
//! them (read from the keymap, so a rebound key is named right), never the
//! shell's options. Each error is a type a caller can match; its words are
//! its `Display`.

use super::keymap::{Action, BINDINGS};
use super::views::VIEWS;
use crate::app::progress::ProgressError;
use crate::catalogue::CourseError;
use crate::rules::engine::{RequirementStatus, ToRecord};
use crate::rules::steps::StepAction;
use crate::rules::tier::{TierBasis, TierError};
use crate::store::{IdError, NotAStore, Op, SchemaError, StoreError};
use crate::units::dates::DateError;
use crate::units::words::count;

/// Why the dashboard could not run, or stopped.
#[derive(Debug, thiserror::Error)]
pub enum DashError {
    #[error("the dashboard needs a terminal; from scripts use `karmadash status` (or `karmadash --help`)")]
    NoTerminal,
    #[error("cannot watch signals: {0}")]
    Signals(std::io::Error),
    #[error("cannot set up the terminal: {0}")]
    Terminal(std::io::Error),
    #[error("cannot draw: {0}")]
    Draw(std::io::Error),
    #[error("cannot read keys: {0}")]
    Keys(std::io::Error),
    #[error("cannot read keys: input closed")]
    InputClosed,
}

/// Why the Progress and Plan views have no status to show.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoStatus {
    #[error("No profile yet: press {} to create one.", key(Action::EditProfile))]
    NoProfile,
    #[error(transparent)]
    Tier(#[from] TierError),
    /// A roster officer whom neither their report nor the designations
    /// table places in a tier; the cell sets one from the shell.
    #[error(
        "{name} has no tier ({why}); the cell sets one with `karmadash roster tier {id} TIER`."
    )]
    OfficerUnplaced {
        name: String,
        id: String,
        why: String,
    },
}

/// Why there is no status, in the chosen language where the dashboard
/// has its words (the tier's reasons are the core's, in English).
pub fn no_status(e: &NoStatus, lang: crate::i18n::Lang) -> String {
    match e {
        NoStatus::NoProfile => crate::i18n::tr(
            lang,
            "tui-no-profile",
            &[("key", key(Action::EditProfile).into())],
        ),
        other => other.to_string(),
    }
}

/// Why a form was not saved: shown in the form, which stays open.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    /// The form's only date field does not read as a date.
    #[error(transparent)]
    Date(DateError),
    /// One of several date fields does not: the reason names it.
    #[error("{field}: {source}")]
    DateField {
        field: &'static str,
        source: DateError,
    },
    #[error("{}", progress_error(.0))]
    Refused(#[from] ProgressError),
}

/// The store failed or refused, in the dashboard's words: a fix that
/// takes a command is one for a shell.
#[derive(Debug, thiserror::Error)]
#[error("{}", store_error(.0))]
pub struct StoreFailure(#[from] pub StoreError);

/// A store error with how to fix it from the dashboard, or from a shell.
pub fn store_error(e: &StoreError) -> String {
    const RESTORE: &str = "restore it from an export with `karmadash import` in a shell";
    match e {
        StoreError::DamagedRecord { .. } => format!("{e}: {RESTORE}"),
        StoreError::Schema(SchemaError::Upgrade { .. }) => format!("{e}; {RESTORE}"),
        StoreError::Damaged { .. } => format!(
            "{e}, then restore your last export into a new store with `karmadash --db NEW_PATH import FILE` in a shell"
        ),
        StoreError::NotAStore {
            why: NotAStore::Foreign(_),
            ..
        } => format!("{e}. Start the dashboard with another --db PATH"),
        StoreError::NotAStore { .. } | StoreError::NoHome | StoreError::Io { op: Op::Create, .. } => {
            format!("{e}: start the dashboard with another --db PATH")
        }
        StoreError::AlreadyRecorded { .. } => {
            format!("{e}: to change it, remove it and record it again")
        }
        StoreError::Ids(IdError::NextPastLast { .. } | IdError::NextTaken { .. }) => format!(
            "{e}: in a shell, `karmadash export`, set \"next_id\" to one more than the largest id in the file, and import it"
        ),
        other => other.to_string(),
    }
}

/// A refused form, in the dashboard's words.
pub fn progress_error(e: &ProgressError) -> String {
    match e {
        ProgressError::Store(s) => store_error(s),
        ProgressError::Course(c @ CourseError::NotListed { .. }) => format!(
            "{c}. Give the exact title or a listing id, or record it with the form for a course outside the lists"
        ),
        ProgressError::ListedAsOther { title } => format!(
            "\"{title}\" is a listed course: select it in the catalogue and press {}, so it counts for your lists",
            key(Action::RecordDone)
        ),
        other => other.to_string(),
    }
}

/// The key that does `action`, as the help shows it.
/// Global keys first, then each view's own (`d` lives in the views that
/// show courses).
fn key(action: Action) -> &'static str {
    BINDINGS
        .iter()
        .chain(VIEWS.iter().flat_map(|v| v.keys))
        .find(|b| b.action == action)
        .map_or("?", |b| b.label)
}

/// A requirement's text with the key that adds what it lacks.
pub fn requirement_text(r: &RequirementStatus) -> String {
    let add = format!("press {} to add them", key(Action::RecordAssigned));
    match r.to_record {
        None => r.text.clone(),
        Some(ToRecord::PrescribedCourses) => format!("{}, {add}", r.text),
        // "(N of M assigned so far)": the advice goes inside the brackets.
        Some(ToRecord::AssignedCourses) => match r.text.strip_suffix(')') {
            Some(text) => format!("{text}: {add})"),
            None => format!("{}: {add}", r.text),
        },
    }
}

/// A plan's next step, with the key of the form that records it.
pub fn step_action(a: &StepAction) -> String {
    let assign = key(Action::RecordAssigned);
    match a {
        StepAction::RecordPrescribed => format!(
            "record the courses your ministry or cadre prescribes for your level (press {assign} for each), then take half of them"
        ),
        StepAction::PassAssessment { by } => format!(
            "pass the comprehensive assessment for your level on iGOT {by}, then press {} to record it",
            key(Action::RecordAssessment)
        ),
        StepAction::Register => format!(
            "register on iGOT and keep designation and batch current, then press {} and give the registration date",
            key(Action::EditProfile)
        ),
        StepAction::AskForAssigned { still_to_record } => format!(
            "ask your Administrative Secretary for the courses named for the year and press {assign} to record each ({} still to record)",
            count(*still_to_record as i64, "course", "courses")
        ),
        other => other.to_string(),
    }
}

/// How the tier was chosen, with the key of the form that changes it.
pub fn tier_basis(b: &TierBasis) -> String {
    match b {
        TierBasis::SetByHand => format!("set by hand (profile: {})", key(Action::EditProfile)),
        TierBasis::NoList { service } => format!(
            "no list for {service} in the catalogue: press {} to record the courses your ministry or cadre authority prescribes",
            key(Action::RecordAssigned)
        ),
        other => other.to_string(),
    }
}

/// A portal snapshot the dashboard cannot read, with what fixes it.
pub fn portal_snapshot(e: &crate::portal::SnapshotFileError) -> String {
    format!(
        "The portal catalogue cannot be read ({e}); `karmadash catalogue sync` fetches it again."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key the dashboard's advice names is bound somewhere: a key
    /// that moved into a view's own table must not turn into "?".
    #[test]
    fn every_key_the_advice_names_is_bound() {
        for action in [
            Action::RecordDone,
            Action::RecordAssigned,
            Action::RecordAssessment,
            Action::EditProfile,
        ] {
            assert_ne!(key(action), "?", "{action:?} has no key");
        }
    }
}
