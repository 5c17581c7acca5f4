//! Recording progress: the checks and the store calls that the shell
//! commands and the dashboard share, so both change the store one way.

use chrono::NaiveDate;

use crate::catalogue::identity::normalise;
use crate::catalogue::{Catalogue, Service};
use crate::rules::fy::FinancialYear;
use crate::rules::record::{Assessment, Assignment, Completion, Profile};
use crate::rules::tier::{self, TierChoice};
use crate::search::SearchIndex;
use crate::store::{Snapshot, Store};
pub use crate::units::dates::{parse_date, EARLIEST};
pub use crate::units::hours::{parse_hours, MAX_HOURS};

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

/// A course named by a listing id (`bas-basic-ac/m8`) or a title or alias.
/// Never a fuzzy guess: no exact match is an error naming the nearest titles.
pub fn resolve_course(catalogue: &Catalogue, text: &str) -> Result<usize, String> {
    let text = text.trim();
    if let Some(listing) = catalogue.listing(text) {
        return listing.course.ok_or_else(|| {
            format!("listing {text} is an editing note in the source, not a course")
        });
    }
    if let Some(id) = catalogue.course_by_title(text) {
        return Ok(id);
    }
    let nearest: Vec<String> = SearchIndex::new(catalogue)
        .search(text, 3, &|_| true)
        .into_iter()
        .map(|h| format!("\"{}\"", catalogue.courses[h.course].title))
        .collect();
    let hint = if nearest.is_empty() {
        String::new()
    } else {
        format!("; nearest: {}", nearest.join(", "))
    };
    Err(format!(
        "no listed course is titled \"{text}\"{hint}. Give the exact title or a listing id (`karmadash search`), or add --other for a course outside the lists"
    ))
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
) -> Result<Completion, String> {
    let minutes = parse_hours(input.hours)?;
    check_past_date(input.date, today, "completion date")?;
    let (course, title, in_catalogue) = if input.other {
        let title = input.course.trim();
        if normalise(title).is_empty() {
            return Err("give the course's title as iGOT shows it".into());
        }
        if let Some(id) = catalogue.course_by_title(title) {
            return Err(format!(
                "\"{}\" is a listed course: record it without --other so it counts for your lists",
                catalogue.courses[id].title
            ));
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
        minutes,
        certificate,
    };
    store.add_completion(completion).map_err(|e| e.0)
}

pub fn record_assignment(
    catalogue: &Catalogue,
    store: &Store,
    today: NaiveDate,
    course: &str,
    due: Option<NaiveDate>,
) -> Result<Assignment, String> {
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
        return Err("give the assigned course's title as iGOT shows it".into());
    }
    due.map(check_due_date).transpose()?;
    store
        .add_assignment(Assignment {
            id: 0,
            course: key,
            title,
            assigned: today,
            due,
        })
        .map_err(|e| e.0)
}

/// Records the comprehensive assessment, passed on `passed`.
pub fn record_assessment(
    store: &Store,
    today: NaiveDate,
    passed: NaiveDate,
) -> Result<Assessment, String> {
    check_past_date(passed, today, "assessment date")?;
    store.add_assessment(passed).map_err(|e| e.0)
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

fn given(s: &str) -> Option<&str> {
    Some(s.trim()).filter(|s| !s.is_empty())
}

/// Validates a profile and saves it; returns the tier it maps to today.
pub fn save_profile(
    catalogue: &Catalogue,
    store: &Store,
    today: NaiveDate,
    input: &ProfileInput,
) -> Result<TierChoice, String> {
    let service = Service::parse(&input.service.trim().to_ascii_lowercase()).ok_or_else(|| {
        format!(
            "unknown service '{}': choose one of {}",
            input.service.trim(),
            Service::ALL
                .iter()
                .map(|s| s.id())
                .collect::<Vec<_>>()
                .join(", ")
        )
    })?;
    let registered = given(&input.registered)
        .map(|s| {
            let d = parse_date(s).map_err(|e| format!("registration date: {e}"))?;
            check_past_date(d, today, "registration date")?;
            Ok::<_, String>(d)
        })
        .transpose()?;
    let batch = given(&input.batch)
        .map(|b| {
            let this_year = chrono::Datelike::year(&today);
            match b.parse::<i32>() {
                Ok(y) if (1950..=this_year).contains(&y) => Ok(y),
                _ => Err(format!(
                    "batch '{b}' is not a year between 1950 and {this_year}"
                )),
            }
        })
        .transpose()?;
    // The Bihar services exist only in Bihar: their orders need the state.
    let state = given(&input.state).map(str::to_lowercase).or_else(|| {
        matches!(service, Service::Bas | Service::Bss | Service::Bscs).then(|| "bihar".to_string())
    });
    let profile = Profile {
        service,
        state,
        batch,
        tier: given(&input.tier).map(str::to_string),
        name: given(&input.name).map(str::to_string),
        registered,
    };
    let choice = check_profile(catalogue, &profile, today)?;
    store.set_profile(&profile).map_err(|e| e.0)?;
    Ok(choice)
}

/// A profile the engine can use: dates that have happened, a plausible
/// batch, and a tier it can derive or that exists. Checked before any
/// profile is written, typed or imported.
pub fn check_profile(
    catalogue: &Catalogue,
    profile: &Profile,
    today: NaiveDate,
) -> Result<TierChoice, String> {
    if let Some(d) = profile.registered {
        check_past_date(d, today, "registration date")?;
    }
    let this_year = chrono::Datelike::year(&today);
    if let Some(b) = profile.batch.filter(|b| !(1950..=this_year).contains(b)) {
        return Err(format!(
            "batch '{b}' is not a year between 1950 and {this_year}"
        ));
    }
    tier::resolve(catalogue, profile, FinancialYear::containing(today))
}

/// An export about to be imported, checked whole before anything is
/// written, by the rules that recording each record by hand follows.
pub fn check_import(
    catalogue: &Catalogue,
    snap: &Snapshot,
    today: NaiveDate,
) -> Result<(), String> {
    let mut ids = std::collections::HashSet::new();
    let all_ids = snap
        .completions
        .iter()
        .map(|c| c.id)
        .chain(snap.assignments.iter().map(|a| a.id))
        .chain(snap.assessments.iter().map(|a| a.id));
    for id in all_ids {
        if id == 0 || !ids.insert(id) {
            return Err(format!("id {id} is zero or used twice"));
        }
        if id >= snap.next_id {
            return Err(format!("id {id} is not below next_id {}", snap.next_id));
        }
    }
    if let Some(p) = &snap.profile {
        check_profile(catalogue, p, today).map_err(|e| format!("the profile: {e}"))?;
    }
    for a in &snap.assignments {
        let bad = |why: String| format!("assignment {} (\"{}\"): {why}", a.id, a.title);
        if a.course.trim().is_empty() {
            return Err(bad("it names no course".into()));
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
        let bad = |why: &str| format!("completion {} (\"{}\"): {why}", c.id, c.title);
        check_imported_completion(catalogue, c, today).map_err(|e| bad(&e))?;
        if !courses.insert(&c.course) {
            return Err(bad("the course is recorded twice"));
        }
    }
    Ok(())
}

fn check_imported_completion(
    catalogue: &Catalogue,
    c: &Completion,
    today: NaiveDate,
) -> Result<(), String> {
    if c.minutes == 0 || c.minutes > MAX_HOURS * 60 {
        return Err(format!(
            "{} minutes is not a plausible course length",
            c.minutes
        ));
    }
    check_past_date(c.date, today, "completion date")?;
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

    #[test]
    fn courses_resolve_by_title_alias_or_listing_id_never_fuzzily() {
        let c = Catalogue::builtin().unwrap();
        let a = resolve_course(&c, "yuva ai for all").unwrap();
        assert_eq!(resolve_course(&c, "bscs-udc-ldc/m15").unwrap(), a);
        let full = resolve_course(
            &c,
            "Using Behaviour Science for Climate Adaptation and Mitigation",
        )
        .unwrap();
        assert_eq!(
            resolve_course(&c, "Using Behaviour Science for Climate Adaptation").unwrap(),
            full
        );
        let e = resolve_course(&c, "yuva ai").unwrap_err();
        assert!(e.contains("Yuva AI for All"), "{e}");
        assert!(resolve_course(&c, "bas-js-ss/o52")
            .unwrap_err()
            .contains("editing note"));
    }
}
