//! Recording progress: the checks and the store calls that the shell
//! commands and the dashboard share, so both change the store one way.

use chrono::NaiveDate;

use crate::catalogue::identity::normalise;
use crate::catalogue::{resolve_course as resolve_course_exactly, Catalogue, CourseError};
use crate::profile_edit::ProfileField;
use crate::rules::fy::FinancialYear;
use crate::rules::record::{Assessment, Assignment, Completion, Profile};
use crate::rules::tier::{self, TierChoice, TierError};
use crate::search::SearchIndex;
use crate::store::{Snapshot, Store};
pub use crate::units::dates::{parse_date, EARLIEST};
pub use crate::units::hours::{parse_hours, MAX_HOURS};
use crate::units::states::parse_state;
use crate::units::text::{check_text, check_title};

/// A certificate number is a short code; this refuses a pasted page.
const MAX_CERTIFICATE_CHARS: usize = 100;

/// A completion or assessment date must be real, past and after iGOT began.
pub fn check_past_date(date: NaiveDate, today: NaiveDate, what: &str) -> Result<(), String> {
    if date > today {
        return Err(format!(
            "{what} {date} is in the future (today is {today}): record it once it has happened"
        ));
    }
    if date < EARLIEST {
        return Err(format!(
            "{what} {date} is before Mission Karmayogi began (02.09.2020): check the year"
        ));
    }
    Ok(())
}

/// A due date may lie ahead; only a year typed wrong is refused.
pub fn check_due_date(due: NaiveDate) -> Result<(), String> {
    if due < EARLIEST {
        return Err(format!(
            "due date {due} is before Mission Karmayogi began: check the year"
        ));
    }
    Ok(())
}

/// Why a record or a profile was refused, in the domain's words; the CLI
/// and the dashboard each add how to fix it (`cli::wording`, the forms).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProgressError {
    /// A value that fails a check (hours, a date, a title): the sentence
    /// names the value and the forms it may take, never a flag or a key.
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Tier(#[from] TierError),
    #[error(transparent)]
    Course(#[from] CourseError),
    /// A course outside the lists was named with a listed course's title.
    #[error("\"{title}\" is a listed course: record it as listed so it counts for your lists")]
    ListedAsOther { title: String },
    /// A field both given and cleared in one edit.
    #[error("the {} was both given and cleared: keep one", .0.id())]
    GivenAndCleared(ProfileField),
    /// A field given as empty text (clearing it is explicit).
    #[error("the {} is empty: give a value, or clear it", .0.id())]
    EmptyValue(ProfileField),
    /// No profile yet, and the edit gives no service to create one with.
    #[error("no profile yet: give the service ({}) to create one", .choices.join(", "))]
    NoService { choices: Vec<String> },
    #[error("{0}")]
    Store(String),
}

impl From<String> for ProgressError {
    fn from(sentence: String) -> Self {
        ProgressError::Invalid(sentence)
    }
}

impl From<crate::store::StoreError> for ProgressError {
    fn from(e: crate::store::StoreError) -> Self {
        ProgressError::Store(e.0)
    }
}

/// `resolve_course` with the nearest titles a search finds, for a person
/// who typed a title that is not listed.
pub fn resolve_course(catalogue: &Catalogue, text: &str) -> Result<usize, CourseError> {
    resolve_course_exactly(catalogue, text).map_err(|e| match e {
        CourseError::NotListed { text, .. } => {
            let nearest = SearchIndex::new(catalogue)
                .search(&text, 3, &|_| true)
                .into_iter()
                .map(|h| format!("\"{}\"", catalogue.courses[h.course].title))
                .collect();
            CourseError::NotListed { text, nearest }
        }
        other => other,
    })
}

/// What a person typed to record a completion.
pub struct CompletionInput<'a> {
    pub course: &'a str,
    pub other: bool,
    pub hours: &'a str,
    pub date: NaiveDate,
    pub certificate: Option<&'a str>,
}

/// Validates everything first, then writes once; on any error nothing changes.
pub fn record_completion(
    catalogue: &Catalogue,
    store: &Store,
    today: NaiveDate,
    input: &CompletionInput,
) -> Result<Completion, ProgressError> {
    let seconds = parse_hours(input.hours)?;
    check_past_date(input.date, today, "completion date")?;
    check_title(input.course)?;
    if let Some(c) = input.certificate {
        check_text("the certificate", c, MAX_CERTIFICATE_CHARS)?;
    }
    let (course, title, in_catalogue) = if input.other {
        let title = input.course.trim();
        if normalise(title).is_empty() {
            return Err(ProgressError::Invalid(
                "give the course's title as iGOT shows it".into(),
            ));
        }
        if let Some(id) = catalogue.course_by_title(title) {
            return Err(ProgressError::ListedAsOther {
                title: catalogue.courses[id].title.clone(),
            });
        }
        (normalise(title), title.to_string(), false)
    } else {
        let id = resolve_course(catalogue, input.course)?;
        (
            catalogue.courses[id].key().into_owned(),
            catalogue.courses[id].title.clone(),
            true,
        )
    };
    let certificate = input
        .certificate
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string);
    let completion = Completion {
        id: 0,
        course,
        title,
        in_catalogue,
        date: input.date,
        seconds,
        certificate,
    };
    Ok(store.add_completion(completion)?)
}

pub fn record_assignment(
    catalogue: &Catalogue,
    store: &Store,
    today: NaiveDate,
    course: &str,
    due: Option<NaiveDate>,
) -> Result<Assignment, ProgressError> {
    check_title(course)?;
    let (key, title) = match catalogue
        .course_by_title(course)
        .or_else(|| catalogue.listing(course.trim()).and_then(|l| l.course))
    {
        Some(id) => (
            catalogue.courses[id].key().into_owned(),
            catalogue.courses[id].title.clone(),
        ),
        None => (normalise(course), course.trim().to_string()),
    };
    if key.is_empty() {
        return Err(ProgressError::Invalid(
            "give the assigned course's title as iGOT shows it".into(),
        ));
    }
    due.map(check_due_date).transpose()?;
    Ok(store.add_assignment(Assignment {
        id: 0,
        course: key,
        title,
        assigned: today,
        due,
    })?)
}

/// Records the comprehensive assessment, passed on `passed`.
pub fn record_assessment(
    store: &Store,
    today: NaiveDate,
    passed: NaiveDate,
) -> Result<Assessment, ProgressError> {
    check_past_date(passed, today, "assessment date")?;
    Ok(store.add_assessment(passed)?)
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
/// as `profile set` (`profile_edit`), so the form refuses the same typos.
pub fn save_profile(
    catalogue: &Catalogue,
    store: &Store,
    today: NaiveDate,
    input: &ProfileInput,
) -> Result<TierChoice, ProgressError> {
    use crate::profile_edit::{apply_edit, ProfileEdit, ProfileField};
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
        return Err(ProgressError::Invalid(format!(
            "give your service: one of {}",
            crate::catalogue::Service::ALL.map(|s| s.id()).join(", ")
        )));
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

/// A profile the engine can use: dates that have happened, a plausible
/// batch, and a tier it can derive or that exists. Checked before any
/// profile is written, typed or imported.
pub fn check_profile(
    catalogue: &Catalogue,
    profile: &Profile,
    today: NaiveDate,
) -> Result<TierChoice, ProgressError> {
    if let Some(d) = profile.registered {
        check_past_date(d, today, "registration date")?;
    }
    let this_year = chrono::Datelike::year(&today);
    if let Some(b) = profile.batch.filter(|b| !(1950..=this_year).contains(b)) {
        return Err(ProgressError::Invalid(format!(
            "batch '{b}' is not a year between 1950 and {this_year}"
        )));
    }
    // Any spelling of the closed list is read right (`Rulebook::applies_to`);
    // anything else would drop a state's orders without a word.
    if let Some(state) = &profile.state {
        parse_state(state)?;
    }
    Ok(tier::resolve(
        catalogue,
        profile,
        FinancialYear::containing(today),
    )?)
}

/// An export about to be imported, checked whole before anything is
/// written, by the rules that recording each record by hand follows.
pub fn check_import(
    catalogue: &Catalogue,
    snap: &Snapshot,
    today: NaiveDate,
) -> Result<(), ProgressError> {
    let mut ids = std::collections::HashSet::new();
    let all_ids = snap
        .completions
        .iter()
        .map(|c| c.id)
        .chain(snap.assignments.iter().map(|a| a.id))
        .chain(snap.assessments.iter().map(|a| a.id));
    for id in all_ids {
        if id == 0 || !ids.insert(id) {
            return Err(format!("id {id} is zero or used twice").into());
        }
        if id >= snap.next_id {
            return Err(format!("id {id} is not below next_id {}", snap.next_id).into());
        }
    }
    if let Some(p) = &snap.profile {
        check_profile(catalogue, p, today).map_err(|e| format!("the profile: {e}"))?;
    }
    for a in &snap.assignments {
        let bad = |why: String| format!("assignment {} (\"{}\"): {why}", a.id, quoted(&a.title));
        check_title(&a.title).map_err(&bad)?;
        if a.course.trim().is_empty() {
            return Err(bad("it names no course".into()).into());
        }
        check_past_date(a.assigned, today, "assigned date").map_err(bad)?;
        a.due.map(check_due_date).transpose().map_err(bad)?;
    }
    for a in &snap.assessments {
        check_past_date(a.passed, today, "assessment date")
            .map_err(|e| format!("assessment {}: {e}", a.id))?;
    }
    let mut courses = std::collections::HashSet::new();
    for c in &snap.completions {
        let bad = |why: &str| format!("completion {} (\"{}\"): {why}", c.id, quoted(&c.title));
        check_imported_completion(catalogue, c, today).map_err(|e| bad(&e))?;
        if !courses.insert(&c.course) {
            return Err(bad("the course is recorded twice").into());
        }
    }
    Ok(())
}

/// A title quoted in an error: shortened, so a hostile one cannot flood
/// the one line the error gets.
fn quoted(title: &str) -> String {
    const SHOWN: usize = 60;
    match title.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{}...", &title[..end]),
        None => title.to_string(),
    }
}

fn check_imported_completion(
    catalogue: &Catalogue,
    c: &Completion,
    today: NaiveDate,
) -> Result<(), String> {
    if c.seconds == 0 || c.seconds > MAX_HOURS * crate::units::hours::HOUR {
        return Err(format!(
            "{} seconds is not a plausible course length",
            c.seconds
        ));
    }
    check_past_date(c.date, today, "completion date")?;
    check_title(&c.title)?;
    if let Some(cert) = &c.certificate {
        check_text("the certificate", cert, MAX_CERTIFICATE_CHARS)?;
    }
    if c.in_catalogue && catalogue.course_by_title(&c.course).is_none() {
        return Err(
            "the course is not in this catalogue (was the export made with --data?)".into(),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_past_and_after_karmayogi() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert!(check_past_date(today, today, "x").is_ok());
        assert!(check_past_date(today.succ_opt().unwrap(), today, "x").is_err());
        assert!(check_past_date(NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(), today, "x").is_err());
    }
}
