//! A proposal, not a dump: the courses that close the gaps, each once with
//! all its competencies. Mandatory and assigned courses first, then the
//! officer's shortlist, then optional courses of the tier that cover the
//! competencies least covered so far, until the count and own-choice
//! requirements are met and the known hours reach the hours target.

use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

use super::durations::{DurationSource, Durations};
use super::engine::{RequirementStatus, Standing, Status, Unit};
use super::record::{Assignment, Completion};
use super::steps::{courses_missing, hours_missing};
use crate::catalogue::{Catalogue, Competency, CourseId, ListingStatus};
use crate::units::hours::hours_value;

/// Optional courses proposed when `--limit` is not given.
pub const DEFAULT_LIMIT: usize = 10;

/// Why a course is in the proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Mandatory,
    Assigned,
    Shortlist,
    /// An optional course of the tier, for the competencies least covered.
    LeastCovered,
    /// A course of the portal's catalogue, for the hours (`--from-portal`).
    Portal,
}

impl Reason {
    /// The reason in a word or two, the same in every shell.
    pub fn word(self) -> &'static str {
        match self {
            Reason::Mandatory => "mandatory",
            Reason::Assigned => "assigned",
            Reason::Shortlist => "shortlist",
            Reason::LeastCovered => "least covered",
            Reason::Portal => "portal",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Proposed {
    pub title: String,
    /// Course identity (catalogue key or normalised title).
    pub course: String,
    /// The listing in your tier, if the tier lists it.
    pub listing: Option<String>,
    pub reason: Reason,
    pub competencies: Vec<Competency>,
    /// The duration planned with, in hours; None: unknown.
    pub hours: Option<f64>,
    /// Every known duration of the best source (two when a title has two).
    pub durations: Vec<f64>,
    /// yours, report, portal, course-csv, or unknown.
    pub duration_source: &'static str,
    /// The competency theme a portal course is proposed for.
    pub theme: Option<String>,
    /// The earliest due date among what it serves.
    pub due: Option<NaiveDate>,
    /// Not to be taken before (a later half year's own-choice programme).
    pub not_before: Option<NaiveDate>,
    /// It serves a requirement behind its pace or overdue.
    pub behind: bool,
    /// The kinds of the requirements it counts toward.
    pub serves: Vec<&'static str>,
    pub seconds: Option<u32>,
    /// The due date of the own-choice half year it is proposed for.
    pub own_choice_due: Option<NaiveDate>,
}

/// How many tier courses of each competency are done and proposed.
#[derive(Debug, Clone)]
pub struct Coverage {
    /// None: the order gives no competency (the IAS list).
    pub competency: Option<Competency>,
    pub done: usize,
    pub proposed: usize,
}

#[derive(Debug, Clone, Default)]
pub struct ProposalOptions {
    /// Only optional courses of this competency.
    pub competency: Option<Competency>,
    /// At most this many optional courses (default `DEFAULT_LIMIT`).
    pub limit: Option<usize>,
}

pub struct ProposalInputs<'a> {
    pub catalogue: &'a Catalogue,
    pub status: &'a Status,
    pub completions: &'a [Completion],
    pub assignments: &'a [Assignment],
    /// Course keys the officer shortlisted.
    pub shortlist: &'a [String],
    pub durations: &'a Durations,
    pub options: &'a ProposalOptions,
    /// The portal's courses to fill the hours from; empty: none.
    pub portal: &'a [super::portal_fill::PortalOffer],
}

#[derive(Debug, Clone)]
pub struct Proposal {
    pub courses: Vec<Proposed>,
    pub coverage: Vec<Coverage>,
    /// Optional courses of the tier left out by `--limit` or `--competency`
    /// while a need remained.
    pub left_out: usize,
}

struct Context<'a> {
    inputs: &'a ProposalInputs<'a>,
    tier: Option<&'a str>,
    done: BTreeSet<String>,
    mandatory: BTreeSet<String>,
    tier_keys: BTreeSet<String>,
    assigned: BTreeSet<String>,
}

impl Context<'_> {
    fn key(&self, c: CourseId) -> String {
        self.inputs.catalogue.courses[c].key().into_owned()
    }

    /// The competencies of every listing of `c` in the tier, once each.
    fn competencies(&self, c: CourseId) -> Vec<Competency> {
        let mut all: Vec<Competency> = self
            .tier_listings_of(c)
            .flat_map(|l| l.competencies.iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    fn tier_listings_of(&self, c: CourseId) -> impl Iterator<Item = &crate::catalogue::Listing> {
        let tier = self.tier;
        self.inputs
            .catalogue
            .course_listings(c)
            .filter(move |l| Some(l.tier.as_str()) == tier)
    }

    fn item(
        &self,
        course: String,
        title: String,
        listing: Option<String>,
        reason: Reason,
        competencies: Vec<Competency>,
    ) -> Proposed {
        let known = self.inputs.durations.of(&course);
        Proposed {
            title,
            course,
            listing,
            reason,
            competencies,
            hours: known.seconds.map(|s| hours_value(u64::from(s))),
            durations: known
                .all
                .iter()
                .map(|s| hours_value(u64::from(*s)))
                .collect(),
            duration_source: match known.source {
                Some(DurationSource::Yours) => "yours",
                Some(DurationSource::Report) => "report",
                Some(DurationSource::Portal) => "portal",
                Some(DurationSource::CourseCsv) => "course-csv",
                None => "unknown",
            },
            theme: None,
            due: None,
            not_before: None,
            behind: false,
            serves: Vec::new(),
            seconds: known.seconds,
            own_choice_due: None,
        }
    }

    fn catalogue_item(&self, c: CourseId, reason: Reason) -> Proposed {
        let listing = self.tier_listings_of(c).next().map(|l| l.id.clone());
        self.item(
            self.key(c),
            self.inputs.catalogue.courses[c].title.clone(),
            listing,
            reason,
            self.competencies(c),
        )
    }

    fn own_choice(&self, key: &str) -> bool {
        !self.mandatory.contains(key) && !self.assigned.contains(key)
    }

    /// Whether completing `key` counts toward `r` (ignoring how many are needed).
    fn counts_toward(&self, r: &RequirementStatus, key: &str) -> bool {
        match r.kind {
            "all-mandatory" => self.mandatory.contains(key),
            "share-of-prescribed" if self.tier.is_some() => self.tier_keys.contains(key),
            "share-of-prescribed" | "assigned-courses" => self.assigned.contains(key),
            "hours-per-fy" => true,
            "courses-by-date" => r.open.is_empty() || self.mandatory.contains(key),
            "own-choice-per-half-year" => self.own_choice(key),
            _ => false,
        }
    }
}

/// What is still needed once `courses` are done: courses per count
/// requirement, and seconds of the hours one.
struct Needs {
    counts: Vec<(usize, usize)>,
    seconds: u64,
}

/// Open count requirements that optional courses of the tier can close:
/// not the mandatory or assigned lists, which only their own courses close.
fn open_count_requirements(status: &Status) -> impl Iterator<Item = (usize, &RequirementStatus)> {
    let has_tier = status.tier.id.is_some();
    status
        .requirements
        .iter()
        .enumerate()
        .filter(move |(_, r)| {
            !r.met
                && r.unit == Unit::Courses
                && r.standing != Standing::Overdue
                && match r.kind {
                    "share-of-prescribed" => has_tier,
                    "courses-by-date" => r.open.is_empty(),
                    "own-choice-per-half-year" => true,
                    _ => false,
                }
        })
}

fn needs(cx: &Context, courses: &[Proposed]) -> Needs {
    let status = cx.inputs.status;
    let mut counts = Vec::new();
    // Own-choice halves share the proposal: each course counts for one half.
    let mut own_used = 0usize;
    for (i, r) in open_count_requirements(status) {
        let eligible = courses
            .iter()
            .filter(|p| cx.counts_toward(r, &p.course))
            .count();
        let missing = courses_missing(r);
        let left = if r.kind == "own-choice-per-half-year" {
            let available = eligible.saturating_sub(own_used);
            let used = available.min(missing);
            own_used += used;
            missing - used
        } else {
            missing.saturating_sub(eligible)
        };
        counts.push((i, left));
    }
    let hours = status
        .requirements
        .iter()
        .filter(|r| !r.met && r.unit == Unit::Hours)
        .map(hours_missing)
        .max()
        .unwrap_or(0);
    let known: u64 = courses
        .iter()
        .filter_map(|p| p.seconds)
        .map(u64::from)
        .sum();
    Needs {
        counts,
        seconds: hours.saturating_sub(known),
    }
}

impl Needs {
    fn any(&self) -> bool {
        self.seconds > 0 || self.counts.iter().any(|(_, n)| *n > 0)
    }
}

/// Which requirements each course serves, its due date and earliest start.
fn link(cx: &Context, courses: &mut [Proposed]) {
    let status = cx.inputs.status;
    let fy_end = status.fy.end();
    // Own-choice halves, earliest first, each taking the courses it needs.
    let mut halves: Vec<(&RequirementStatus, usize)> = status
        .requirements
        .iter()
        .filter(|r| {
            r.kind == "own-choice-per-half-year" && !r.met && r.standing != Standing::Overdue
        })
        .map(|r| (r, courses_missing(r)))
        .collect();
    halves.sort_by_key(|(r, _)| r.due);
    for p in courses.iter_mut() {
        let mut due: Option<NaiveDate> = None;
        for r in status.requirements.iter().filter(|r| !r.met) {
            if r.kind == "own-choice-per-half-year" || !cx.counts_toward(r, &p.course) {
                continue;
            }
            p.serves.push(r.kind);
            p.behind |= matches!(r.standing, Standing::Behind | Standing::Overdue);
            if r.standing != Standing::Overdue {
                due = due.min(r.due).or(due).or(r.due);
            }
        }
        if cx.own_choice(&p.course) {
            if let Some((r, left)) = halves.iter_mut().find(|(_, left)| *left > 0) {
                *left -= 1;
                p.serves.push(r.kind);
                p.behind |= r.standing == Standing::Behind;
                p.own_choice_due = r.due;
                if let Some(d) = r.due {
                    // A later half's programme: taken inside that half.
                    let start = status
                        .fy
                        .halves()
                        .into_iter()
                        .find(|h| h.contains(d))
                        .map(|h| h.start());
                    p.not_before = start.filter(|s| *s > status.as_of);
                    due = Some(due.map_or(d, |x| x.min(d)));
                }
            }
        }
        if let Some(a) = cx.inputs.assignments.iter().find(|a| a.course == p.course) {
            due = match (due, a.due) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            };
        }
        p.due = due.or(Some(fy_end)).map(|d| d.max(status.as_of));
    }
}

/// The proposal for the gaps of `status`.
pub fn propose(inputs: &ProposalInputs) -> Proposal {
    let this_year = assignments_this_year(inputs);
    let cx = Context::new(inputs, &this_year);
    let mut taken = BTreeSet::new();
    let mut out = required_courses(&cx, &this_year, &mut taken);
    let mut coverage = coverage_done(&cx);
    for p in out.iter().filter(|p| cx.tier_keys.contains(&p.course)) {
        count_proposed(&mut coverage, p);
    }
    let (candidates, mut left_out) = optional_candidates(&cx, &taken);
    left_out += pick_least_covered(&cx, &mut out, candidates, &mut coverage);
    let fill = super::portal_fill::Fill {
        offers: inputs.portal,
        done: &cx.done,
        only: inputs.options.competency,
        limit: inputs.options.limit.unwrap_or(DEFAULT_LIMIT),
    };
    fill.run(
        &mut out,
        &mut coverage,
        |out| needs(&cx, out).seconds,
        |o| {
            let mut p = cx.item(
                o.course.clone(),
                o.title.clone(),
                None,
                Reason::Portal,
                o.competencies.clone(),
            );
            p.theme = o.theme.clone();
            p
        },
    );
    if !needs(&cx, &out).any() {
        left_out = 0;
    }
    link(&cx, &mut out);
    Proposal {
        courses: out,
        coverage: coverage
            .into_iter()
            .map(|(competency, (done, proposed))| Coverage {
                competency,
                done,
                proposed,
            })
            .collect(),
        left_out,
    }
}

/// Assignments given or due in the status's financial year.
fn assignments_this_year<'a>(inputs: &ProposalInputs<'a>) -> Vec<&'a Assignment> {
    let fy = inputs.status.fy;
    inputs
        .assignments
        .iter()
        .filter(|a| fy.contains(a.assigned) || a.due.is_some_and(|d| fy.contains(d)))
        .collect()
}

impl<'a> Context<'a> {
    fn new(inputs: &'a ProposalInputs<'a>, this_year: &[&Assignment]) -> Self {
        let status = inputs.status;
        let tier = status.tier.id.as_deref();
        let done = inputs
            .completions
            .iter()
            .filter(|c| c.date <= status.as_of)
            .map(|c| c.course.clone())
            .collect();
        let keys = |s: Option<ListingStatus>| -> BTreeSet<String> {
            tier.map(|t| {
                let catalogue = inputs.catalogue;
                catalogue
                    .tier_courses(t, s)
                    .into_iter()
                    .map(|c| catalogue.courses[c].key().into_owned())
                    .collect()
            })
            .unwrap_or_default()
        };
        Context {
            inputs,
            tier,
            mandatory: keys(Some(ListingStatus::Mandatory)),
            tier_keys: keys(None),
            assigned: this_year.iter().map(|a| a.course.clone()).collect(),
            done,
        }
    }
}

/// The courses the officer must or chose to take: the tier's mandatory
/// ones in printed order, this year's assignments, then the shortlist;
/// each once, none already done. `taken` collects their keys.
fn required_courses(
    cx: &Context,
    this_year: &[&Assignment],
    taken: &mut BTreeSet<String>,
) -> Vec<Proposed> {
    let catalogue = cx.inputs.catalogue;
    let mut out: Vec<Proposed> = Vec::new();
    let mut push = |p: Proposed| {
        if !cx.done.contains(&p.course) && taken.insert(p.course.clone()) {
            out.push(p);
        }
    };
    if let Some(t) = cx.tier {
        for l in catalogue
            .tier_listings(t)
            .filter(|l| l.status == ListingStatus::Mandatory)
        {
            if let Some(c) = l.course {
                push(cx.catalogue_item(c, Reason::Mandatory));
            }
        }
    }
    for a in this_year {
        push(cx.titled_item(&a.course, &a.title, Reason::Assigned));
    }
    for key in cx.inputs.shortlist {
        push(cx.titled_item(key, key, Reason::Shortlist));
    }
    out
}

impl Context<'_> {
    /// The catalogue's course of this title, or a bare item when the
    /// catalogue does not know it.
    fn titled_item(&self, course: &str, title: &str, reason: Reason) -> Proposed {
        match self.inputs.catalogue.course_by_title(course) {
            Some(c) => self.catalogue_item(c, reason),
            None => self.item(
                course.to_string(),
                title.to_string(),
                None,
                reason,
                Vec::new(),
            ),
        }
    }
}

/// The coverage buckets of a course: its competencies, or None when it has none.
fn competency_buckets(ks: &[Competency]) -> Vec<Option<Competency>> {
    if ks.is_empty() {
        vec![None]
    } else {
        ks.iter().copied().map(Some).collect()
    }
}

pub(super) type CoverageMap = BTreeMap<Option<Competency>, (usize, usize)>;

fn count_proposed(coverage: &mut CoverageMap, p: &Proposed) {
    for k in competency_buckets(&p.competencies) {
        coverage.entry(k).or_insert((0, 0)).1 += 1;
    }
}

/// Optional courses of the tier, each course once, in printed order, that
/// are not done, taken or mandatory; and how many `--competency` left out.
fn optional_candidates(cx: &Context, taken: &BTreeSet<String>) -> (Vec<Proposed>, usize) {
    let mut candidates: Vec<Proposed> = Vec::new();
    let mut left_out = 0;
    let Some(t) = cx.tier else {
        return (candidates, left_out);
    };
    let mut seen = BTreeSet::new();
    for l in cx
        .inputs
        .catalogue
        .tier_listings(t)
        .filter(|l| l.status == ListingStatus::Optional)
    {
        let Some(c) = l.course else { continue };
        let key = cx.key(c);
        if cx.done.contains(&key)
            || taken.contains(&key)
            || cx.mandatory.contains(&key)
            || !seen.insert(c)
        {
            continue;
        }
        let p = cx.catalogue_item(c, Reason::LeastCovered);
        if cx
            .inputs
            .options
            .competency
            .is_some_and(|k| !p.competencies.contains(&k))
        {
            left_out += 1;
            continue;
        }
        candidates.push(p);
    }
    (candidates, left_out)
}

/// Adds the least-covered candidates to `out` while a need remains, up to
/// the limit; returns how many candidates the limit left out.
fn pick_least_covered(
    cx: &Context,
    out: &mut Vec<Proposed>,
    mut candidates: Vec<Proposed>,
    coverage: &mut CoverageMap,
) -> usize {
    let limit = cx.inputs.options.limit.unwrap_or(DEFAULT_LIMIT);
    let mut picked = 0;
    loop {
        let need = needs(cx, out);
        if !need.any() || candidates.is_empty() {
            return 0;
        }
        if picked >= limit {
            return candidates.len();
        }
        let least = |p: &Proposed| {
            competency_buckets(&p.competencies)
                .into_iter()
                .map(|k| coverage.get(&k).map_or(0, |(d, q)| d + q))
                .min()
                .unwrap_or(0)
        };
        let best = candidates
            .iter()
            .enumerate()
            .min_by_key(|(i, p)| {
                (
                    // While hours are short, a known duration helps more.
                    need.seconds > 0 && p.seconds.is_none(),
                    least(p),
                    std::cmp::Reverse(p.competencies.len()),
                    *i,
                )
            })
            .map(|(i, _)| i)
            .expect("candidates is not empty");
        let p = candidates.remove(best);
        count_proposed(coverage, &p);
        out.push(p);
        picked += 1;
    }
}

/// Distinct completed courses of the tier per competency (None:
/// unclassified), with every competency of the tier present.
fn coverage_done(cx: &Context) -> CoverageMap {
    let mut map: BTreeMap<Option<Competency>, (BTreeSet<CourseId>, usize)> = BTreeMap::new();
    let Some(t) = cx.tier else {
        return BTreeMap::new();
    };
    for l in cx.inputs.catalogue.tier_listings(t) {
        let Some(c) = l.course else { continue };
        let kinds: Vec<Option<Competency>> = if l.competencies.is_empty() {
            vec![None]
        } else {
            l.competencies.iter().copied().map(Some).collect()
        };
        for k in kinds {
            let entry = map.entry(k).or_default();
            if cx.done.contains(&cx.key(c)) {
                entry.0.insert(c);
            }
        }
    }
    map.into_iter()
        .map(|(k, (d, q))| (k, (d.len(), q)))
        .collect()
}
