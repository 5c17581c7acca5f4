//! Recording progress: the checks and the store calls that the shell
//! commands and the dashboard share, so both change the store one way.

use chrono::NaiveDate;

use crate::catalogue::identity::normalise;
use crate::catalogue::{resolve_course as resolve_course_exactly, Catalogue, CourseError};
use crate::rules::fy::FinancialYear;
use crate::rules::record::{Assessment, Assignment, Completion, Profile};
use crate::rules::tier::{self, TierChoice};
use crate::search::SearchIndex;
use crate::store::{Snapshot, Store};
pub use crate::units::dates::{parse_date, EARLIEST};
pub use crate::units::duration::parse_hours;
pub use crate::units::hours::MAX_HOURS;
use crate::units::states::parse_state;
use crate::units::text::{check_text, check_title, MAX_NAME_CHARS};

mod errors;
pub use errors::{
    quoted, BatchError, ImportError, ProfileField, ProgressError, RecordDateError, RecordProblem,
};

/// A certificate number is a short code; this refuses a pasted page.
const MAX_CERTIFICATE_CHARS: usize = 100;

/// A completion or assessment date must be real, past and after iGOT began.
pub fn check_past_date(
    date: NaiveDate,
    today: NaiveDate,
    what: &'static str,
) -> Result<(), RecordDateError> {
    if date > today {
        return Err(RecordDateError::Future { what, date, today });
    }
    if date < EARLIEST {
        return Err(RecordDateError::BeforeKarmayogi { what, date });
    }
    Ok(())
}

/// A due date may lie ahead; only a year typed wrong is refused.
pub fn check_due_date(due: NaiveDate) -> Result<(), RecordDateError> {
    if due < EARLIEST {
        return Err(RecordDateError::DueBeforeKarmayogi { due });
    }
    Ok(())
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
            return Err(ProgressError::NoTitle { assigned: false });
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
        return Err(ProgressError::NoTitle { assigned: true });
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
    // Typed or imported, a name is shown in every view: same rules as a title.
    if let Some(name) = &profile.name {
        check_text("the name", name, MAX_NAME_CHARS)?;
    }
    let this_year = chrono::Datelike::year(&today);
    if let Some(b) = profile.batch.filter(|b| !(1950..=this_year).contains(b)) {
        return Err(BatchError {
            typed: b.to_string(),
            this_year,
        }
        .into());
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
            return Err(ImportError::IdReused(id).into());
        }
        if id >= snap.next_id {
            return Err(ImportError::IdPastNext {
                id,
                next_id: snap.next_id,
            }
            .into());
        }
    }
    if let Some(p) = &snap.profile {
        check_profile(catalogue, p, today).map_err(|e| ImportError::Profile(Box::new(e)))?;
    }
    for a in &snap.assignments {
        let bad = |why: RecordProblem| ImportError::Assignment {
            id: a.id,
            title: a.title.clone(),
            why,
        };
        check_title(&a.title).map_err(|e| bad(e.into()))?;
        if a.course.trim().is_empty() {
            return Err(bad(RecordProblem::NoCourse).into());
        }
        check_past_date(a.assigned, today, "assigned date").map_err(|e| bad(e.into()))?;
        a.due
            .map(check_due_date)
            .transpose()
            .map_err(|e| bad(e.into()))?;
    }
    for a in &snap.assessments {
        check_past_date(a.passed, today, "assessment date")
            .map_err(|why| ImportError::Assessment { id: a.id, why })?;
    }
    let mut courses = std::collections::HashSet::new();
    for c in &snap.completions {
        let bad = |why: RecordProblem| ImportError::Completion {
            id: c.id,
            title: c.title.clone(),
            why,
        };
        check_imported_completion(catalogue, c, today).map_err(bad)?;
        if !courses.insert(&c.course) {
            return Err(bad(RecordProblem::RecordedTwice).into());
        }
    }
    Ok(())
}

fn check_imported_completion(
    catalogue: &Catalogue,
    c: &Completion,
    today: NaiveDate,
) -> Result<(), RecordProblem> {
    if c.seconds == 0 || c.seconds > MAX_HOURS * crate::units::hours::HOUR {
        return Err(RecordProblem::Seconds(c.seconds));
    }
    check_past_date(c.date, today, "completion date")?;
    check_title(&c.title)?;
    if let Some(cert) = &c.certificate {
        check_text("the certificate", cert, MAX_CERTIFICATE_CHARS)?;
    }
    if c.in_catalogue && catalogue.course_by_title(&c.course).is_none() {
        return Err(RecordProblem::NotInCatalogue);
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
