//! Changing a profile field by field: what a person typed, checked by the
//! core's closed lists, merged into the stored profile, and what changed
//! in words. `profile set` and the dashboard's profile form both go
//! through here, so both refuse the same typos.

use chrono::NaiveDate;

use crate::app::progress::{check_past_date, check_profile, ProgressError};
use crate::catalogue::{Catalogue, Service};
// Here is where a caller looks for them; they live with the errors that name them.
pub use crate::app::progress::{BatchError, ProfileField};
use crate::rules::record::Profile;
use crate::rules::tier::{TierBasis, TierChoice};
use crate::store::Store;
use crate::units::dates::parse_date;
use crate::units::states::{parse_state, StateError};

/// A change as typed: `None` leaves a field as it is, `clear` empties it.
#[derive(Debug, Clone, Default)]
pub struct ProfileEdit {
    pub service: Option<String>,
    pub state: Option<String>,
    pub batch: Option<String>,
    pub tier: Option<String>,
    pub name: Option<String>,
    pub registered: Option<String>,
    pub clear: Vec<ProfileField>,
}

/// What an edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditOutcome {
    pub profile: Profile,
    /// True when there was no profile before.
    pub created: bool,
    /// Each changed field in words: "state bihar -> delhi", "batch cleared".
    pub changes: Vec<String>,
    /// The tier before (None if there was no profile or it had no tier).
    pub tier_before: Option<String>,
    pub tier: TierChoice,
}

impl EditOutcome {
    /// One line for a person: what changed, and where the tier stands,
    /// its basis worded by the shell (`basis`).
    pub fn summary(&self, basis: &dyn Fn(&TierBasis) -> String) -> String {
        let tier = self.tier.id.as_deref().unwrap_or("none");
        let why = basis(&self.tier.basis);
        if self.created {
            return format!("Profile saved. Tier: {tier} ({why}).");
        }
        if self.changes.is_empty() {
            return "Nothing to change: the profile already says that.".into();
        }
        let tier_line = match self.tier_before.as_deref() {
            Some(before) if before == tier => format!("Tier stays {tier} ({why})."),
            Some(before) => format!("Tier: {before} -> {tier} ({why})."),
            None => format!("Tier: {tier} ({why})."),
        };
        format!("Changed: {}. {tier_line}", self.changes.join("; "))
    }
}

/// A batch year an officer could have: 1950 to this year.
pub fn parse_batch(text: &str, today: NaiveDate) -> Result<i32, BatchError> {
    let text = text.trim();
    let this_year = chrono::Datelike::year(&today);
    match text.parse::<i32>() {
        Ok(y) if (1950..=this_year).contains(&y) => Ok(y),
        _ => Err(BatchError {
            typed: text.to_string(),
            this_year,
        }),
    }
}

fn parse_registered(text: &str, today: NaiveDate) -> Result<NaiveDate, ProgressError> {
    let d = parse_date(text).map_err(ProgressError::Registration)?;
    check_past_date(d, today, "registration date")?;
    Ok(d)
}

fn given(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// One field's new value: the typed one parsed, `None` if cleared, or the
/// current one; refuses a field both given and cleared.
fn field<T: Clone>(
    edit: &ProfileEdit,
    which: ProfileField,
    typed: &Option<String>,
    current: Option<T>,
    parse: impl FnOnce(&str) -> Result<T, ProgressError>,
) -> Result<Option<T>, ProgressError> {
    let cleared = edit.clear.contains(&which);
    match (given(typed), cleared) {
        (Some(_), true) => Err(ProgressError::GivenAndCleared(which)),
        (Some(text), false) => parse(text).map(Some),
        (None, true) => Ok(None),
        (None, false) if typed.is_some() => Err(ProgressError::EmptyValue(which)),
        (None, false) => Ok(current),
    }
}

/// A profile as typed: every field text, empty meaning "not given".
#[derive(Debug, Clone, Default)]
pub struct ProfileInput {
    pub service: String,
    pub state: String,
    pub batch: String,
    pub tier: String,
    pub name: String,
    pub registered: String,
}

/// Validates a whole profile as the form shows it, an empty field meaning
/// none, and saves it; returns the tier it maps to today. The same checks
/// as `profile set` (`apply_edit`), so the form refuses the same typos.
pub fn save_profile(
    catalogue: &Catalogue,
    store: &Store,
    today: NaiveDate,
    input: &ProfileInput,
) -> Result<TierChoice, ProgressError> {
    let text = |f: ProfileField| match f {
        ProfileField::State => &input.state,
        ProfileField::Batch => &input.batch,
        ProfileField::Tier => &input.tier,
        ProfileField::Name => &input.name,
        ProfileField::Registered => &input.registered,
    };
    let typed = |f| {
        Some(text(f).trim())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    if input.service.trim().is_empty() {
        return Err(ProgressError::ServiceNotGiven {
            choices: crate::catalogue::Service::ALL
                .map(|s| s.id().to_string())
                .to_vec(),
        });
    }
    let edit = ProfileEdit {
        service: Some(input.service.clone()),
        state: typed(ProfileField::State),
        batch: typed(ProfileField::Batch),
        tier: typed(ProfileField::Tier),
        name: typed(ProfileField::Name),
        registered: typed(ProfileField::Registered),
        clear: ProfileField::ALL
            .into_iter()
            .filter(|&f| text(f).trim().is_empty())
            .collect(),
    };
    // Every field is given or cleared: the stored profile is replaced whole.
    let outcome = apply_edit(catalogue, None, today, &edit)?;
    store.set_profile(&outcome.profile)?;
    Ok(outcome.tier)
}

/// Applies an edit to the current profile (or creates one), checked whole.
pub fn apply_edit(
    catalogue: &Catalogue,
    current: Option<&Profile>,
    today: NaiveDate,
    edit: &ProfileEdit,
) -> Result<EditOutcome, ProgressError> {
    let service = match (given(&edit.service), current) {
        (Some(s), _) => Service::parse_typed(s)?,
        (None, Some(p)) => p.service,
        (None, None) => {
            return Err(ProgressError::NoService {
                choices: Service::ALL.map(|s| s.id().to_string()).to_vec(),
            })
        }
    };
    let cur = |f: fn(&Profile) -> Option<String>| current.and_then(f);
    let state = field(
        edit,
        ProfileField::State,
        &edit.state,
        cur(|p| p.state.clone()),
        |s| Ok(parse_state(s)?.to_string()),
    )?
    // The Bihar services exist only in Bihar: their orders need the state.
    .or_else(|| {
        matches!(service, Service::Bas | Service::Bss | Service::Bscs).then(|| "bihar".to_string())
    });
    let batch = field(
        edit,
        ProfileField::Batch,
        &edit.batch,
        current.and_then(|p| p.batch),
        |b| Ok(parse_batch(b, today)?),
    )?;
    let tier = field(
        edit,
        ProfileField::Tier,
        &edit.tier,
        cur(|p| p.tier.clone()),
        |t| Ok(catalogue.find_tier(t)?.id.clone()),
    )?;
    let name = field(
        edit,
        ProfileField::Name,
        &edit.name,
        cur(|p| p.name.clone()),
        |n| Ok(n.to_string()),
    )?;
    let registered = field(
        edit,
        ProfileField::Registered,
        &edit.registered,
        current.and_then(|p| p.registered),
        |d| parse_registered(d, today),
    )?;
    let profile = Profile {
        service,
        state,
        batch,
        tier,
        name,
        registered,
    };
    let choice = check_profile(catalogue, &profile, today)?;
    let tier_before = current
        .and_then(|p| check_profile(catalogue, p, today).ok())
        .and_then(|c| c.id);
    Ok(EditOutcome {
        changes: current.map_or_else(Vec::new, |old| describe_changes(old, &profile)),
        created: current.is_none(),
        profile,
        tier_before,
        tier: choice,
    })
}

/// "state bihar -> delhi", "batch set to 2012", "registered cleared".
fn describe_changes(old: &Profile, new: &Profile) -> Vec<String> {
    let date = |d: Option<NaiveDate>| d.map(|d| d.format("%d.%m.%Y").to_string());
    let fields = [
        (
            "service",
            Some(old.service.id().to_string()),
            Some(new.service.id().to_string()),
        ),
        ("state", old.state.clone(), new.state.clone()),
        (
            "batch",
            old.batch.map(|b| b.to_string()),
            new.batch.map(|b| b.to_string()),
        ),
        ("tier", old.tier.clone(), new.tier.clone()),
        ("name", old.name.clone(), new.name.clone()),
        ("registered", date(old.registered), date(new.registered)),
    ];
    fields
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(what, a, b)| match (a, b) {
            (Some(a), Some(b)) => format!("{what} {a} -> {b}"),
            (None, Some(b)) => format!("{what} set to {b}"),
            (Some(a), None) => format!("{what} {a} cleared"),
            (None, None) => unreachable!("equal values were filtered out"),
        })
        .collect()
}

/// A stored state not on India's list (typed before karmadash checked
/// states): it is still read, but no state order can apply to it, so the
/// commands that evaluate the profile warn, each shell with its fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the profile's {0} No state order applies until it is fixed.")]
pub struct StoredStateWarning(pub StateError);

/// The warning for a stored profile's state, if it needs one.
pub fn stored_state_warning(profile: &Profile) -> Option<StoredStateWarning> {
    parse_state(profile.state.as_deref()?)
        .err()
        .map(StoredStateWarning)
}

/// Reads the stored profile, applies the edit and writes it only if
/// something changed; on any error the store is untouched.
pub fn edit_profile(
    catalogue: &Catalogue,
    store: &Store,
    today: NaiveDate,
    edit: &ProfileEdit,
) -> Result<EditOutcome, ProgressError> {
    let current = store.snapshot()?.profile;
    let outcome = apply_edit(catalogue, current.as_ref(), today, edit)?;
    if outcome.created || !outcome.changes.is_empty() {
        store.set_profile(&outcome.profile)?;
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn edit(f: impl FnOnce(&mut ProfileEdit)) -> ProfileEdit {
        let mut e = ProfileEdit::default();
        f(&mut e);
        e
    }

    #[test]
    fn only_the_fields_given_change_and_clearing_is_explicit() {
        let c = Catalogue::builtin().unwrap();
        let first = apply_edit(
            &c,
            None,
            today(),
            &edit(|e| {
                e.service = Some("IAS".into());
                e.batch = Some("2012".into());
                e.state = Some("Bihar".into());
                e.registered = Some("15.03.2026".into());
            }),
        )
        .unwrap();
        assert!(first.created);
        let moved = apply_edit(
            &c,
            Some(&first.profile),
            today(),
            &edit(|e| e.state = Some("New Delhi".into())),
        )
        .unwrap();
        assert_eq!(moved.profile.state.as_deref(), Some("delhi"));
        assert_eq!(moved.profile.registered, first.profile.registered);
        assert_eq!(moved.profile.batch, Some(2012));
        assert_eq!(
            moved.summary(&|b| b.to_string()),
            "Changed: state bihar -> delhi. Tier stays ias-10-16 (14 years of service in FY 2026-27 (2026 minus batch 2012): IAS, above 9 to 16 years of service)."
        );
        let cleared = apply_edit(
            &c,
            Some(&moved.profile),
            today(),
            &edit(|e| e.clear = vec![ProfileField::Registered]),
        )
        .unwrap();
        assert_eq!(cleared.profile.registered, None);
        assert_eq!(cleared.changes, ["registered 15.03.2026 cleared"]);
        let same = apply_edit(&c, Some(&cleared.profile), today(), &edit(|_| {})).unwrap();
        assert!(same.changes.is_empty() && !same.created);
        assert_eq!(
            same.summary(&|b| b.to_string()),
            "Nothing to change: the profile already says that."
        );
    }

    #[test]
    fn a_field_both_set_and_cleared_or_no_service_at_first_is_refused() {
        let c = Catalogue::builtin().unwrap();
        let e = apply_edit(&c, None, today(), &edit(|e| e.state = Some("delhi".into())));
        assert!(matches!(e.unwrap_err(), ProgressError::NoService { .. }));
        let both = edit(|e| {
            e.service = Some("ias".into());
            e.batch = Some("2012".into());
            e.state = Some("delhi".into());
            e.clear = vec![ProfileField::State];
        });
        assert_eq!(
            apply_edit(&c, None, today(), &both).unwrap_err(),
            ProgressError::GivenAndCleared(ProfileField::State)
        );
    }

    #[test]
    fn the_tier_is_matched_in_any_case_and_stored_as_its_id() {
        let c = Catalogue::builtin().unwrap();
        let e = edit(|e| {
            e.service = Some("bas".into());
            e.tier = Some("BAS-Basic-AC".into());
        });
        let out = apply_edit(&c, None, today(), &e).unwrap();
        assert_eq!(out.profile.tier.as_deref(), Some("bas-basic-ac"));
        assert_eq!(out.profile.state.as_deref(), Some("bihar"));
        let e = edit(|e| {
            e.service = Some("bas".into());
            e.tier = Some("bas-basic".into());
        });
        // The CLI adds where the whole list is (tests/it/core_wording.rs).
        assert_eq!(
            apply_edit(&c, None, today(), &e).unwrap_err().to_string(),
            "unknown tier 'bas-basic': did you mean bas-basic-ac?"
        );
    }
}
