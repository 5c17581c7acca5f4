//! Recording progress: the checks and the store calls that the shell
//! commands and the dashboard share, so both change the store one way.

use chrono::NaiveDate;

use crate::catalogue::identity::normalise;
use crate::catalogue::Catalogue;
use crate::rules::fy::FinancialYear;
use crate::rules::record::{Assessment, Assignment, Completion, Profile};
use crate::rules::tier::{self, TierChoice};
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
    let seconds = parse_hours(input.hours)?;
    check_past_date(input.date, today, "completion date")?;
    check_title(input.course)?;
    if let Some(c) = input.certificate {
        check_text("the certificate", c, MAX_CERTIFICATE_CHARS)?;
    }
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
        seconds,
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

/// Validates a whole profile as the form shows it, an empty field meaning
/// none, and saves it; returns the tier it maps to today. The same checks
/// as `profile set` (`profile_edit`), so the form refuses the same typos.
pub fn save_profile(
    catalogue: &Catalogue,
    store: &Store,
    today: NaiveDate,
    input: &ProfileInput,
) -> Result<TierChoice, String> {
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
        return Err(format!(
            "give your service: one of {}",
            crate::catalogue::Service::ALL.map(|s| s.id()).join(", ")
        ));
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
    store.set_profile(&outcome.profile).map_err(|e| e.0)?;
    Ok(outcome.tier)
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
    // Any spelling of the closed list is read right (`Rulebook::applies_to`);
    // anything else would drop a state's orders without a word.
    if let Some(state) = &profile.state {
        parse_state(state)?;
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
        let bad = |why: String| format!("assignment {} (\"{}\"): {why}", a.id, quoted(&a.title));
        check_title(&a.title).map_err(&bad)?;
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
        let bad = |why: &str| format!("completion {} (\"{}\"): {why}", c.id, quoted(&c.title));
        check_imported_completion(catalogue, c, today).map_err(|e| bad(&e))?;
        if !courses.insert(&c.course) {
            return Err(bad("the course is recorded twice"));
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
