//! The compliance engine: for one financial year, every requirement that
//! applies to a profile, with what is done, the target, and whether it is
//! met. A pure function of its inputs; "today" is an argument.

use chrono::NaiveDate;
use std::collections::BTreeSet;

use super::fy::{FinancialYear, HalfYear};
use super::pace;
use super::record::{Assessment, Assignment, Completion, Profile};
use super::tier::{self, TierChoice};
pub use super::to_record::ToRecord;
use crate::catalogue::{
    Catalogue, CountWindow, CourseScope, ListingStatus, RequirementKind, RequirementSpec, Rulebook,
};
use crate::units::amount::{Amount, Count, Seconds};
use crate::units::hours::hours_value;

/// This project's reading of the orders, which do not spell it out.
pub const COUNTING_RULE: &str =
    "Counting: a course once completed stays completed for every course-list requirement; \
hours and per-period counts use only completions dated inside the period.";

/// Everything the engine looks at.
pub struct Inputs<'a> {
    pub catalogue: &'a Catalogue,
    pub profile: &'a Profile,
    pub completions: &'a [Completion],
    pub assignments: &'a [Assignment],
    pub assessments: &'a [Assessment],
    pub today: NaiveDate,
}

/// One officer's records, as the engine reads them: from the store's
/// snapshot, or from a roster built from the portal's reports. The engine
/// tells records apart by course, never by id: `counted` only reports the
/// ids the source gave, so a source need not be the store.
#[derive(Debug, Clone, Copy)]
pub struct Records<'a> {
    pub completions: &'a [Completion],
    pub assignments: &'a [Assignment],
    pub assessments: &'a [Assessment],
}

impl<'a> Inputs<'a> {
    /// The one way every shell (CLI, dashboard, roster) assembles inputs.
    pub fn from_records(
        catalogue: &'a Catalogue,
        profile: &'a Profile,
        records: Records<'a>,
        today: NaiveDate,
    ) -> Inputs<'a> {
        Inputs {
            catalogue,
            profile,
            completions: records.completions,
            assignments: records.assignments,
            assessments: records.assessments,
            today,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Courses,
    Hours,
    Assessment,
    Registration,
}

/// Where a requirement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Met,
    /// Not met, not yet due, on pace.
    Open,
    /// Not met, not yet due, and behind the pace of its window (see `pace`).
    Behind,
    /// Not met and the due date has passed.
    Overdue,
    /// Done, but after the due date: a shortfall for that order.
    Late,
}

#[derive(Debug, Clone)]
pub struct RequirementStatus {
    pub kind: &'static str,
    pub rulebook: String,
    pub citation: String,
    pub text: String,
    pub done: f64,
    pub target: f64,
    pub unit: Unit,
    /// For hours: the exact seconds summed (`done` is them in hours, 2 decimals).
    pub seconds: Option<u64>,
    /// Done against target as whole numbers (courses, seconds): compare
    /// this, not the `done`/`target` figures shown to people.
    pub amount: Amount,
    pub met: bool,
    pub due: Option<NaiveDate>,
    /// When a one-off requirement (registration) was done.
    pub done_on: Option<NaiveDate>,
    pub days_left: Option<i64>,
    pub standing: Standing,
    /// Courses of the requirement's list still open (titles).
    pub open: Vec<String>,
    /// Completions that counted toward it (ids).
    pub counted: Vec<u64>,
    /// Records only the officer can add before it counts at all.
    pub to_record: Option<ToRecord>,
}

#[derive(Debug, Clone)]
pub struct Status {
    pub fy: FinancialYear,
    pub as_of: NaiveDate,
    pub tier: TierChoice,
    pub requirements: Vec<RequirementStatus>,
    pub on_track: bool,
}

impl Status {
    /// The one verdict every output shows: "on track" or "behind".
    pub fn verdict(&self) -> &'static str {
        if self.on_track {
            "on track"
        } else {
            "behind"
        }
    }

    /// The requirements that make the verdict "behind": behind, overdue or late.
    pub fn shortfalls(&self) -> impl Iterator<Item = &RequirementStatus> {
        self.requirements
            .iter()
            .filter(|r| !matches!(r.standing, Standing::Met | Standing::Open))
    }

    /// Unmet requirements whose due date falls in the financial year.
    pub fn unmet_due_in_fy(&self) -> impl Iterator<Item = &RequirementStatus> {
        let fy = self.fy;
        self.requirements
            .iter()
            .filter(move |r| !r.met && r.due.is_none_or(|d| fy.contains(d)))
    }
}

/// The rulebooks that apply to a profile, oldest first.
pub fn applicable_rulebooks<'a>(catalogue: &'a Catalogue, profile: &Profile) -> Vec<&'a Rulebook> {
    catalogue
        .rulebooks
        .iter()
        .filter(|r| r.applies_to(profile.service, profile.state.as_deref()))
        .collect()
}

struct Eval<'a> {
    inputs: &'a Inputs<'a>,
    fy: FinancialYear,
    as_of: NaiveDate,
    tier: Option<&'a str>,
}

/// One requirement of one rulebook, as it is being evaluated.
struct Req<'a> {
    rulebook: &'a Rulebook,
    spec: &'a RequirementSpec,
    /// The due date inside the FY: the rulebook's, or the FY's end.
    fy_due: NaiveDate,
}

/// Of `completions`, the distinct courses, and the completion that first
/// counted for each (ids). Every count of courses goes through here.
fn distinct_courses<'c>(
    completions: impl Iterator<Item = &'c Completion>,
) -> (BTreeSet<String>, Vec<u64>) {
    let mut courses = BTreeSet::new();
    let mut counted = Vec::new();
    for c in completions {
        if courses.insert(c.course.clone()) {
            counted.push(c.id);
        }
    }
    (courses, counted)
}

impl<'a> Eval<'a> {
    /// Completions the engine may see: none dated after "today".
    fn seen(&self) -> impl Iterator<Item = &'a Completion> + '_ {
        let as_of = self.as_of;
        self.inputs
            .completions
            .iter()
            .filter(move |c| c.date <= as_of)
    }

    fn tier_courses(&self, status: Option<ListingStatus>) -> Vec<String> {
        let Some(tier) = self.tier else {
            return Vec::new();
        };
        let c = self.inputs.catalogue;
        c.tier_courses(tier, status)
            .into_iter()
            .map(|id| c.courses[id].key().into_owned())
            .collect()
    }

    fn title_of(&self, key: &str) -> String {
        let c = self.inputs.catalogue;
        c.course_by_title(key)
            .map(|id| c.courses[id].title.clone())
            .unwrap_or_else(|| {
                self.inputs
                    .assignments
                    .iter()
                    .find(|a| a.course == key)
                    .map_or_else(|| key.to_string(), |a| a.title.clone())
            })
    }

    /// Titles of `keys` not among `done`, in the list's order.
    fn still_open(&self, keys: &[String], done: &BTreeSet<String>) -> Vec<String> {
        keys.iter()
            .filter(|k| !done.contains(*k))
            .map(|k| self.title_of(k))
            .collect()
    }

    fn assigned_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .inputs
            .assignments
            .iter()
            .filter(|a| self.fy.contains(a.assigned) || a.due.is_some_and(|d| self.fy.contains(d)))
            .map(|a| a.course.clone())
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// A list of courses, each done once on or before `due`.
    fn course_list(&self, keys: Vec<String>, target: Count, due: NaiveDate) -> Partial {
        let (done, counted) = distinct_courses(
            self.seen()
                .filter(|c| c.date <= due && keys.contains(&c.course)),
        );
        Partial {
            open: self.still_open(&keys, &done),
            counted,
            ..Partial::courses(Count::of_len(done.len()), target)
        }
    }

    fn evaluate(
        &self,
        rulebook: &'a Rulebook,
        spec: &'a RequirementSpec,
    ) -> Vec<RequirementStatus> {
        let req = Req {
            rulebook,
            spec,
            fy_due: spec.due.unwrap_or(self.fy.end()),
        };
        let one = |(p, text): (Partial, String)| vec![self.finish_in_fy(&req, p, text)];
        match &spec.kind {
            RequirementKind::AllMandatory => one(self.all_mandatory(&req)),
            RequirementKind::ShareOfPrescribed { share } => {
                one(self.share_of_prescribed(&req, *share))
            }
            RequirementKind::HoursPerFy { hours } => one(self.hours_per_fy(&req, *hours)),
            RequirementKind::CoursesByDate {
                count,
                scope,
                window,
            } => one(self.courses_by_date(&req, Count(*count), *scope, *window)),
            RequirementKind::OwnChoicePerHalfYear { count } => {
                self.own_choice_per_half_year(&req, Count(*count))
            }
            RequirementKind::AssessmentPassed => one(self.assessment_passed(&req)),
            RequirementKind::Registration => vec![self.registration(&req)],
            RequirementKind::AssignedCourses { count } => {
                one(self.assigned_courses(&req, Count(*count)))
            }
        }
    }

    fn all_mandatory(&self, req: &Req) -> (Partial, String) {
        let keys = self.tier_courses(Some(ListingStatus::Mandatory));
        let n = Count::of_len(keys.len());
        // The distinct count the engine counts, not the rows as printed.
        let text = req.spec.text.replace("{count}", &n.0.to_string());
        (self.course_list(keys, n, req.fy_due), text)
    }

    fn share_of_prescribed(&self, req: &Req, share: f64) -> (Partial, String) {
        let (keys, basis) = match self.tier {
            Some(_) => (self.tier_courses(None), String::new()),
            None => (
                self.assigned_keys(),
                " (your prescribed list: the courses you assigned)".to_string(),
            ),
        };
        // An unknown list is not met vacuously: at least one course.
        let target = Count((share * keys.len() as f64).ceil().max(1.0) as u32);
        let text = if keys.is_empty() {
            format!("{}{basis}: none recorded yet", req.spec.text)
        } else {
            format!(
                "{}{basis}: {} of {} courses",
                req.spec.text,
                target.0,
                keys.len()
            )
        };
        let to_record = keys.is_empty().then_some(ToRecord::PrescribedCourses);
        let p = self.course_list(keys, target, req.fy_due);
        (Partial { to_record, ..p }, text)
    }

    fn hours_per_fy(&self, req: &Req, hours: f64) -> (Partial, String) {
        let mut counted = Vec::new();
        let mut seconds = 0u64;
        for c in self.seen().filter(|c| self.fy.contains(c.date)) {
            seconds += u64::from(c.seconds);
            counted.push(c.id);
        }
        let amount = Amount::Time {
            done: Seconds(seconds),
            target: Seconds::from_hours(hours),
        };
        let p = Partial {
            counted,
            ..Partial::new(amount, Unit::Hours)
        };
        (p, req.spec.text.clone())
    }

    fn courses_by_date(
        &self,
        req: &Req,
        target: Count,
        scope: CourseScope,
        window: CountWindow,
    ) -> (Partial, String) {
        let mandatory = self.tier_courses(Some(ListingStatus::Mandatory));
        let in_window = |c: &&Completion| match window {
            CountWindow::Fy => self.fy.contains(c.date),
            CountWindow::UntilDue => c.date <= req.fy_due,
        };
        let in_scope = |c: &&Completion| match scope {
            CourseScope::Any => true,
            CourseScope::Mandatory => mandatory.contains(&c.course),
        };
        let (keys, counted) = distinct_courses(self.seen().filter(in_window).filter(in_scope));
        let open = match scope {
            CourseScope::Mandatory => self.still_open(&mandatory, &keys),
            CourseScope::Any => Vec::new(),
        };
        let p = Partial {
            open,
            counted,
            ..Partial::courses(Count::of_len(keys.len()), target)
        };
        (p, req.spec.text.clone())
    }

    /// One requirement per half year still asked for: halves that ended
    /// before the order was issued are not.
    fn own_choice_per_half_year(&self, req: &Req, target: Count) -> Vec<RequirementStatus> {
        let issued = req.rulebook.citation.date;
        let mut not_own = self.tier_courses(Some(ListingStatus::Mandatory));
        not_own.extend(self.inputs.assignments.iter().map(|a| a.course.clone()));
        let halves = self.fy.halves().into_iter().filter(|h| h.end() >= issued);
        halves
            .map(|h: HalfYear| {
                let (keys, counted) = distinct_courses(
                    self.seen()
                        .filter(|c| h.contains(c.date) && !not_own.contains(&c.course)),
                );
                let p = Partial {
                    counted,
                    since: h.start().max(issued),
                    ..Partial::courses(Count::of_len(keys.len()), target)
                };
                let text = format!("{}: {} {}", req.spec.text, h.label(), h.fy);
                self.finish(req, p, Some(h.end()), text)
            })
            .collect()
    }

    fn assessment_passed(&self, req: &Req) -> (Partial, String) {
        let passed = self
            .inputs
            .assessments
            .iter()
            .any(|a| self.fy.contains(a.passed) && a.passed <= self.as_of);
        let amount = Amount::Count {
            done: Count(u32::from(passed)),
            target: Count(1),
        };
        (
            Partial::new(amount, Unit::Assessment),
            req.spec.text.clone(),
        )
    }

    /// Due on the rulebook's date only (it has no FY default).
    fn registration(&self, req: &Req) -> RequirementStatus {
        let on = self.inputs.profile.registered.filter(|d| *d <= self.as_of);
        let amount = Amount::Count {
            done: Count(u32::from(on.is_some())),
            target: Count(1),
        };
        let p = Partial {
            done_on: on,
            // Registered after the deadline: done, but a shortfall.
            late: on.zip(req.spec.due).is_some_and(|(on, due)| on > due),
            since: self.window_start(req),
            ..Partial::new(amount, Unit::Registration)
        };
        self.finish(req, p, req.spec.due, req.spec.text.clone())
    }

    fn assigned_courses(&self, req: &Req, at_least: Count) -> (Partial, String) {
        let keys = self.assigned_keys();
        let assigned = Count::of_len(keys.len());
        let short = assigned < at_least;
        let text = if short {
            format!(
                "{} ({} of {} assigned so far)",
                req.spec.text, assigned.0, at_least.0
            )
        } else {
            req.spec.text.clone()
        };
        let p = self.course_list(keys, assigned.max(at_least), req.fy_due);
        let to_record = short.then_some(ToRecord::AssignedCourses);
        (Partial { to_record, ..p }, text)
    }

    /// The pace's window opens with the year, or the order if it came later.
    fn window_start(&self, req: &Req) -> NaiveDate {
        self.fy.start().max(req.rulebook.citation.date)
    }

    /// A requirement whose window is the FY's (or the order's) to its due date.
    fn finish_in_fy(&self, req: &Req, p: Partial, text: String) -> RequirementStatus {
        let p = Partial {
            since: self.window_start(req),
            ..p
        };
        self.finish(req, p, Some(req.fy_due), text)
    }

    fn finish(
        &self,
        req: &Req,
        p: Partial,
        due: Option<NaiveDate>,
        text: String,
    ) -> RequirementStatus {
        let met = !p.late && p.amount.reached();
        let (done, target) = p.amount.as_f64();
        let days_left = due.map(|d| (d - self.inputs.today).num_days());
        let progress = pace::Progress {
            done,
            target,
            unit: p.unit,
            met,
            late: p.late,
            since: p.since,
            due,
        };
        let standing = pace::standing(&progress, self.inputs.today, self.as_of);
        let seconds = match p.amount {
            Amount::Time { done, .. } => Some(done.0),
            Amount::Count { .. } => None,
        };
        let (rulebook, spec) = (req.rulebook, req.spec);
        RequirementStatus {
            kind: spec.kind.id(),
            rulebook: rulebook.id.clone(),
            citation: format!(
                "{} of {}, {}",
                rulebook.citation.reference,
                rulebook.citation.date.format("%d.%m.%Y"),
                spec.clause
            ),
            text,
            // Hours as the portal shows them: the summed seconds, 2 decimals.
            done: seconds.map_or(done, hours_value),
            target,
            unit: p.unit,
            seconds,
            amount: p.amount,
            met,
            due,
            done_on: p.done_on,
            days_left,
            standing,
            open: p.open,
            counted: p.counted,
            to_record: p.to_record,
        }
    }
}

struct Partial {
    amount: Amount,
    unit: Unit,
    open: Vec<String>,
    counted: Vec<u64>,
    done_on: Option<NaiveDate>,
    late: bool,
    /// Start of the pace's window; set by `finish_in_fy` or the kind.
    since: NaiveDate,
    to_record: Option<ToRecord>,
}

impl Partial {
    fn new(amount: Amount, unit: Unit) -> Partial {
        Partial {
            amount,
            unit,
            open: Vec::new(),
            counted: Vec::new(),
            done_on: None,
            late: false,
            since: NaiveDate::MIN,
            to_record: None,
        }
    }

    fn courses(done: Count, target: Count) -> Partial {
        Partial::new(Amount::Count { done, target }, Unit::Courses)
    }
}

/// Share of the financial year elapsed at `as_of` (0 to 1): the even pace
/// of a requirement whose window is the whole year.
pub fn elapsed_share(fy: FinancialYear, as_of: NaiveDate) -> f64 {
    pace::window_share(fy.start(), fy.end(), as_of)
}

/// Every requirement that applies to the profile in `fy`, evaluated as of
/// `today` (or the end of `fy`, if that is earlier).
pub fn evaluate(inputs: &Inputs, fy: FinancialYear) -> Result<Status, tier::TierError> {
    let tier = tier::resolve(inputs.catalogue, inputs.profile, fy)?;
    let as_of = inputs.today.min(fy.end());
    let eval = Eval {
        inputs,
        fy,
        as_of,
        tier: tier.id.as_deref(),
    };
    let mut requirements = Vec::new();
    for rulebook in applicable_rulebooks(inputs.catalogue, inputs.profile) {
        for spec in rulebook
            .requirements
            .iter()
            .filter(|s| s.applies_in(fy, inputs.profile.service))
        {
            requirements.extend(eval.evaluate(rulebook, spec));
        }
    }
    let on_track = requirements
        .iter()
        .all(|r| matches!(r.standing, Standing::Met | Standing::Open));
    Ok(Status {
        fy,
        as_of,
        tier,
        requirements,
        on_track,
    })
}
