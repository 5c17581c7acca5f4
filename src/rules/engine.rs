//! The compliance engine: for one financial year, every requirement that
//! applies to a profile, with what is done, the target, and whether it is
//! met. A pure function of its inputs; "today" is an argument.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};
use std::collections::BTreeSet;

use super::fy::{FinancialYear, HalfYear};
use super::pace;
use super::record::{Assessment, Assignment, Completion, Profile};
use super::tier::{self, TierChoice};
use crate::catalogue::{
    Catalogue, CountWindow, CourseScope, ListingStatus, RequirementKind, RequirementSpec, Rulebook,
};
use crate::units::hours::{hours_value, HOUR};
use crate::units::words::count;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Courses,
    Hours,
    Assessment,
    Registration,
}

/// Where a requirement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
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

fn whole_if_possible<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64((v * 100.0).round() / 100.0)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RequirementStatus {
    pub kind: &'static str,
    pub rulebook: String,
    pub citation: String,
    pub text: String,
    #[serde(serialize_with = "whole_if_possible")]
    pub done: f64,
    #[serde(serialize_with = "whole_if_possible")]
    pub target: f64,
    pub unit: Unit,
    /// For hours: the exact seconds summed (`done` is them in hours, 2 decimals).
    pub seconds: Option<u64>,
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
}

#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub fy: FinancialYear,
    pub as_of: NaiveDate,
    pub tier: TierChoice,
    pub requirements: Vec<RequirementStatus>,
    pub on_track: bool,
}

impl Status {
    /// One line for a prompt: "karmadash 2026-27: 3/5 met, 12.0/52 h, next due 31.03.2027 (128 days), on track".
    pub fn short_line(&self) -> String {
        let met = self.requirements.iter().filter(|r| r.met).count();
        let mut parts = vec![format!(
            "karmadash {}: {met}/{} met",
            self.fy,
            self.requirements.len()
        )];
        if let Some(h) = self.requirements.iter().find(|r| r.unit == Unit::Hours) {
            parts.push(h.progress_text());
        }
        let next = self
            .requirements
            .iter()
            .filter(|r| !r.met)
            .filter_map(|r| r.due.zip(r.days_left))
            .filter(|(_, n)| *n >= 0)
            .min();
        if let Some((due, days)) = next {
            parts.push(format!(
                "next due {} ({})",
                due.format("%d.%m.%Y"),
                count(days, "day", "days")
            ));
        }
        let overdue = self
            .requirements
            .iter()
            .filter(|r| r.standing == Standing::Overdue)
            .count();
        if overdue > 0 {
            parts.push(format!("{overdue} OVERDUE"));
        }
        parts.push(self.verdict().into());
        parts.join(", ")
    }

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

    /// Of `keys`, which were completed on or before `by`, and by which completions.
    fn completed_among(&self, keys: &[String], by: NaiveDate) -> (Vec<String>, Vec<u64>) {
        let mut done = BTreeSet::new();
        let mut ids = Vec::new();
        for c in self
            .seen()
            .filter(|c| c.date <= by && keys.contains(&c.course))
        {
            if done.insert(c.course.clone()) {
                ids.push(c.id);
            }
        }
        (done.into_iter().collect(), ids)
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

    fn course_list(
        &self,
        spec: &RequirementSpec,
        keys: Vec<String>,
        target: f64,
        due: NaiveDate,
    ) -> Partial {
        let (done, counted) = self.completed_among(&keys, due);
        let open = keys
            .iter()
            .filter(|k| !done.contains(k))
            .map(|k| self.title_of(k))
            .collect();
        let _ = spec;
        Partial {
            open,
            counted,
            ..Partial::new(done.len() as f64, target, Unit::Courses)
        }
    }

    fn evaluate(&self, rulebook: &Rulebook, spec: &RequirementSpec) -> Vec<RequirementStatus> {
        let fy_due = spec.due.unwrap_or(self.fy.end());
        // The pace's window opens with the year, or the order if it came later.
        let since = self.fy.start().max(rulebook.citation.date);
        let make = |p: Partial, due: Option<NaiveDate>, text: String| {
            self.finish(rulebook, spec, Partial { since, ..p }, due, text)
        };
        match &spec.kind {
            RequirementKind::AllMandatory => {
                let keys = self.tier_courses(Some(ListingStatus::Mandatory));
                let n = keys.len();
                // The distinct count the engine counts, not the rows as printed.
                let text = spec.text.replace("{count}", &n.to_string());
                vec![make(
                    self.course_list(spec, keys, n as f64, fy_due),
                    Some(fy_due),
                    text,
                )]
            }
            RequirementKind::ShareOfPrescribed { share } => {
                let (keys, basis) = match self.tier {
                    Some(_) => (self.tier_courses(None), String::new()),
                    None => (
                        self.assigned_keys(),
                        " (your prescribed list: the courses you assigned)".to_string(),
                    ),
                };
                // An unknown list is not met vacuously: at least one course.
                let target = (share * keys.len() as f64).ceil().max(1.0);
                let text = if keys.is_empty() {
                    format!(
                        "{}{basis}: none recorded yet, add them with `karmadash assign`",
                        spec.text
                    )
                } else {
                    format!("{}{basis}: {} of {} courses", spec.text, target, keys.len())
                };
                vec![make(
                    self.course_list(spec, keys, target, fy_due),
                    Some(fy_due),
                    text,
                )]
            }
            RequirementKind::HoursPerFy { hours } => {
                let mut counted = Vec::new();
                let mut seconds = 0u64;
                for c in self.seen().filter(|c| self.fy.contains(c.date)) {
                    seconds += u64::from(c.seconds);
                    counted.push(c.id);
                }
                let p = Partial {
                    seconds: Some(seconds),
                    counted,
                    ..Partial::new(seconds as f64 / f64::from(HOUR), *hours, Unit::Hours)
                };
                vec![make(p, Some(fy_due), spec.text.clone())]
            }
            RequirementKind::CoursesByDate {
                count,
                scope,
                window,
            } => {
                let mandatory = self.tier_courses(Some(ListingStatus::Mandatory));
                let in_window = |c: &&Completion| match window {
                    CountWindow::Fy => self.fy.contains(c.date),
                    CountWindow::UntilDue => c.date <= fy_due,
                };
                let in_scope = |c: &&Completion| match scope {
                    CourseScope::Any => true,
                    CourseScope::Mandatory => mandatory.contains(&c.course),
                };
                let mut keys = BTreeSet::new();
                let mut counted = Vec::new();
                for c in self.seen().filter(in_window).filter(in_scope) {
                    if keys.insert(c.course.clone()) {
                        counted.push(c.id);
                    }
                }
                let open = if *scope == CourseScope::Mandatory {
                    mandatory
                        .iter()
                        .filter(|k| !keys.contains(*k))
                        .map(|k| self.title_of(k))
                        .collect()
                } else {
                    Vec::new()
                };
                let p = Partial {
                    open,
                    counted,
                    ..Partial::new(keys.len() as f64, f64::from(*count), Unit::Courses)
                };
                vec![make(p, Some(fy_due), spec.text.clone())]
            }
            RequirementKind::OwnChoicePerHalfYear { count } => {
                let mut not_own = self.tier_courses(Some(ListingStatus::Mandatory));
                not_own.extend(self.inputs.assignments.iter().map(|a| a.course.clone()));
                // Halves that ended before the order was issued are not asked for.
                let halves: Vec<HalfYear> = self
                    .fy
                    .halves()
                    .into_iter()
                    .filter(|h| h.end() >= rulebook.citation.date)
                    .collect();
                halves
                    .into_iter()
                    .map(|h| {
                        let mut keys = BTreeSet::new();
                        let mut counted = Vec::new();
                        for c in self
                            .seen()
                            .filter(|c| h.contains(c.date) && !not_own.contains(&c.course))
                        {
                            if keys.insert(c.course.clone()) {
                                counted.push(c.id);
                            }
                        }
                        let p = Partial {
                            counted,
                            ..Partial::new(keys.len() as f64, f64::from(*count), Unit::Courses)
                        };
                        let since = h.start().max(rulebook.citation.date);
                        self.finish(
                            rulebook,
                            spec,
                            Partial { since, ..p },
                            Some(h.end()),
                            format!("{}: {} {}", spec.text, h.label(), h.fy),
                        )
                    })
                    .collect()
            }
            RequirementKind::AssessmentPassed => {
                let passed: Vec<u64> = self
                    .inputs
                    .assessments
                    .iter()
                    .filter(|a| self.fy.contains(a.passed) && a.passed <= self.as_of)
                    .map(|a| a.id)
                    .collect();
                let done = if passed.is_empty() { 0.0 } else { 1.0 };
                let p = Partial::new(done, 1.0, Unit::Assessment);
                vec![make(p, Some(fy_due), spec.text.clone())]
            }
            RequirementKind::Registration => {
                let on = self.inputs.profile.registered.filter(|d| *d <= self.as_of);
                let p = Partial {
                    done_on: on,
                    // Registered after the deadline: done, but a shortfall.
                    late: on.zip(spec.due).is_some_and(|(on, due)| on > due),
                    ..Partial::new(
                        if on.is_some() { 1.0 } else { 0.0 },
                        1.0,
                        Unit::Registration,
                    )
                };
                vec![make(p, spec.due, spec.text.clone())]
            }
            RequirementKind::AssignedCourses { count } => {
                let keys = self.assigned_keys();
                let target = (keys.len() as f64).max(f64::from(*count));
                let text = if keys.len() < *count as usize {
                    format!(
                        "{} ({} of {} assigned so far: add them with `karmadash assign`)",
                        spec.text,
                        keys.len(),
                        count
                    )
                } else {
                    spec.text.clone()
                };
                vec![make(
                    self.course_list(spec, keys, target, fy_due),
                    Some(fy_due),
                    text,
                )]
            }
        }
    }

    fn finish(
        &self,
        rulebook: &Rulebook,
        spec: &RequirementSpec,
        p: Partial,
        due: Option<NaiveDate>,
        text: String,
    ) -> RequirementStatus {
        let met = !p.late
            && match p.seconds {
                // Whole seconds against the target: no rounding decides "met".
                Some(s) => s as f64 >= p.target * f64::from(HOUR),
                None => p.done + 1e-9 >= p.target,
            };
        let days_left = due.map(|d| (d - self.inputs.today).num_days());
        let progress = pace::Progress {
            done: p.done,
            target: p.target,
            unit: p.unit,
            met,
            late: p.late,
            since: p.since,
            due,
        };
        let standing = pace::standing(&progress, self.inputs.today, self.as_of);
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
            done: p.seconds.map_or(p.done, hours_value),
            target: p.target,
            unit: p.unit,
            seconds: p.seconds,
            met,
            due,
            done_on: p.done_on,
            days_left,
            standing,
            open: p.open,
            counted: p.counted,
        }
    }
}

struct Partial {
    done: f64,
    target: f64,
    unit: Unit,
    open: Vec<String>,
    counted: Vec<u64>,
    seconds: Option<u64>,
    done_on: Option<NaiveDate>,
    late: bool,
    /// Start of the pace's window; set by `evaluate`.
    since: NaiveDate,
}

impl Partial {
    fn new(done: f64, target: f64, unit: Unit) -> Partial {
        Partial {
            done,
            target,
            unit,
            open: Vec::new(),
            counted: Vec::new(),
            seconds: None,
            done_on: None,
            late: false,
            since: NaiveDate::MIN,
        }
    }
}

/// Share of the financial year elapsed at `as_of` (0 to 1): the even pace
/// of a requirement whose window is the whole year.
pub fn elapsed_share(fy: FinancialYear, as_of: NaiveDate) -> f64 {
    pace::window_share(fy.start(), fy.end(), as_of)
}

/// Every requirement that applies to the profile in `fy`, evaluated as of
/// `today` (or the end of `fy`, if that is earlier).
pub fn evaluate(inputs: &Inputs, fy: FinancialYear) -> Result<Status, String> {
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
