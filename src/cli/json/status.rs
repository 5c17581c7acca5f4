//! The wire types of `status`, `profile`, `done`, `log` and `report`:
//! one officer's own records and verdict.

use chrono::NaiveDate;
use serde::Serialize;

use super::{RequirementJson, TierJson};
use crate::rules::engine::{Status, COUNTING_RULE};
use crate::rules::record::{Completion, Profile};
use crate::units::fy::FinancialYear;

pub const STATUS_HELP: &str = "Print JSON (keys: fy, as_of, profile, tier{id, basis}, requirements[kind, rulebook, citation, text, done, target, unit, seconds, met, due, done_on, days_left, standing (met, open, behind, overdue, late), open, counted], on_track, counting)";
pub const PROFILE_HELP: &str = "Print JSON (keys: profile, fy, tier{id, basis}, rulebooks)";
pub const DONE_HELP: &str = "Print the recorded completion as JSON (keys: id, course, title, in_catalogue, date, hours, certificate, fy)";
pub const LOG_HELP: &str =
    "Print JSON (a list; keys: id, course, title, in_catalogue, date, hours, certificate, fy)";
pub const REPORT_HELP: &str = "md or csv for a table; json (keys: fy, name, tier, rows[id, course, competency, date, hours, certificate, served], total_courses, total_hours, requirements_met, requirements)";

/// The profile as recorded (`status` and `profile` print it whole).
#[derive(Serialize)]
pub struct ProfileJson<'a> {
    service: &'static str,
    state: Option<&'a str>,
    batch: Option<i32>,
    tier: Option<&'a str>,
    name: Option<&'a str>,
    registered: Option<NaiveDate>,
}

pub fn profile(p: &Profile) -> ProfileJson<'_> {
    ProfileJson {
        service: p.service.id(),
        state: p.state.as_deref(),
        batch: p.batch,
        tier: p.tier.as_deref(),
        name: p.name.as_deref(),
        registered: p.registered,
    }
}

#[derive(Serialize)]
pub struct StatusJson<'a> {
    fy: String,
    as_of: NaiveDate,
    profile: ProfileJson<'a>,
    tier: TierJson,
    requirements: Vec<RequirementJson<'a>>,
    on_track: bool,
    counting: &'static str,
}

pub fn status<'a>(p: &'a Profile, st: &'a Status) -> StatusJson<'a> {
    StatusJson {
        fy: super::fy(st.fy),
        as_of: st.as_of,
        profile: profile(p),
        tier: super::tier(&st.tier),
        requirements: super::requirements(&st.requirements),
        on_track: st.on_track,
        counting: COUNTING_RULE,
    }
}

/// `profile --json`: the profile, this year's tier and its rulebooks.
#[derive(Serialize)]
pub struct ProfileView<'a> {
    pub profile: ProfileJson<'a>,
    pub fy: String,
    pub tier: TierJson,
    pub rulebooks: Vec<&'a str>,
}

/// A completion as `done` and `log` print it.
#[derive(Serialize)]
pub struct CompletionJson<'a> {
    id: u64,
    course: &'a str,
    title: &'a str,
    in_catalogue: bool,
    date: NaiveDate,
    hours: f64,
    certificate: Option<&'a str>,
    fy: String,
}

pub fn completion(c: &Completion) -> CompletionJson<'_> {
    CompletionJson {
        id: c.id,
        course: &c.course,
        title: &c.title,
        in_catalogue: c.in_catalogue,
        date: c.date,
        hours: crate::units::hours::hours_value(u64::from(c.seconds)),
        certificate: c.certificate.as_deref(),
        fy: super::fy(FinancialYear::containing(c.date)),
    }
}

/// One row of `report`: a completion of the year and what it served.
#[derive(Serialize)]
pub struct ReportRow {
    pub id: u64,
    pub course: String,
    pub competency: String,
    pub date: NaiveDate,
    pub hours: f64,
    #[serde(skip)]
    pub seconds: u32,
    pub certificate: String,
    pub served: Vec<String>,
}

/// `report`: the year's completions for an appraisal (APAR), in every
/// format; JSON prints it as it is.
#[derive(Serialize)]
pub struct Report {
    #[serde(serialize_with = "as_text")]
    pub fy: FinancialYear,
    pub name: Option<String>,
    pub tier: Option<String>,
    pub rows: Vec<ReportRow>,
    pub total_courses: usize,
    pub total_hours: f64,
    #[serde(skip)]
    pub total_seconds: u64,
    pub requirements_met: usize,
    pub requirements: usize,
}

fn as_text<S: serde::Serializer>(fy: &FinancialYear, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(fy)
}
