//! What closes the gaps: open mandatory courses, optional titles grouped by
//! the competencies least covered so far, and the hours still needed.

use chrono::NaiveDate;
use serde::Serialize;

use super::engine::{Status, Unit};
use super::record::Completion;
use crate::catalogue::{Catalogue, Competency, ListingStatus};
use crate::units::hours::{hours_value, HOUR};

#[derive(Debug, Clone, Serialize)]
pub struct PlanCourse {
    pub title: String,
    pub listing: String,
    pub competencies: Vec<Competency>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CompetencyGroup {
    /// None: the order gives no competency (the IAS list).
    pub competency: Option<Competency>,
    /// Courses of this competency completed so far.
    pub covered: usize,
    pub courses: Vec<PlanCourse>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HoursGap {
    pub target: f64,
    pub done: f64,
    pub needed: f64,
    /// `done` and `needed` exactly, for display with `format_hours`.
    #[serde(skip)]
    pub done_seconds: u64,
    #[serde(skip)]
    pub needed_seconds: u64,
    pub due: NaiveDate,
    pub weeks_left: f64,
    pub per_week: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub open_mandatory: Vec<PlanCourse>,
    pub optional: Vec<CompetencyGroup>,
    pub hours: Option<HoursGap>,
}

pub fn plan(catalogue: &Catalogue, status: &Status, completions: &[Completion]) -> Plan {
    let done = |key: &str| {
        completions
            .iter()
            .any(|c| c.course == key && c.date <= status.as_of)
    };
    let mut open_mandatory = Vec::new();
    let mut groups: Vec<CompetencyGroup> = Vec::new();
    if let Some(tier) = &status.tier.id {
        let mut seen = Vec::new();
        for l in catalogue.tier_listings(tier) {
            let Some(course) = l.course else { continue };
            let key = catalogue.courses[course].key();
            if seen.contains(&course) || done(&key) {
                continue;
            }
            seen.push(course);
            let item = PlanCourse {
                title: catalogue.courses[course].title.clone(),
                listing: l.id.clone(),
                competencies: l.competencies.clone(),
            };
            if l.status == ListingStatus::Mandatory
                || catalogue
                    .tier_courses(tier, Some(ListingStatus::Mandatory))
                    .contains(&course)
            {
                if l.status == ListingStatus::Mandatory {
                    open_mandatory.push(item);
                }
                continue;
            }
            let kinds: Vec<Option<Competency>> = if l.competencies.is_empty() {
                vec![None]
            } else {
                l.competencies.iter().copied().map(Some).collect()
            };
            for k in kinds {
                match groups.iter_mut().find(|g| g.competency == k) {
                    Some(g) => g.courses.push(item.clone()),
                    None => groups.push(CompetencyGroup {
                        competency: k,
                        covered: 0,
                        courses: vec![item.clone()],
                    }),
                }
            }
        }
        for g in &mut groups {
            g.covered = catalogue
                .tier_listings(tier)
                .filter(|l| l.course.is_some_and(|c| done(&catalogue.courses[c].key())))
                .filter(|l| match g.competency {
                    Some(k) => l.competencies.contains(&k),
                    None => l.competencies.is_empty(),
                })
                .filter_map(|l| l.course)
                .collect::<std::collections::BTreeSet<_>>()
                .len();
        }
        groups.sort_by_key(|g| (g.covered, g.competency));
    }
    let hours = status
        .requirements
        .iter()
        .find(|r| r.unit == Unit::Hours && !r.met)
        .and_then(|r| {
            let due = r.due?;
            let days = (due - status.as_of).num_days().max(0) as f64;
            let weeks_left = (days / 7.0).max(1.0 / 7.0);
            let hour = u64::from(HOUR);
            let done_seconds = r.seconds.unwrap_or(0);
            let target_seconds = (r.target * hour as f64).round() as u64;
            let needed_seconds = target_seconds.saturating_sub(done_seconds);
            let needed = needed_seconds as f64 / hour as f64;
            Some(HoursGap {
                target: r.target,
                done: hours_value(done_seconds),
                needed: hours_value(needed_seconds),
                done_seconds,
                needed_seconds,
                due,
                weeks_left,
                per_week: needed / weeks_left,
            })
        });
    Plan {
        open_mandatory,
        optional: groups,
        hours,
    }
}
