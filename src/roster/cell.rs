//! What a training cell says of its officers beyond the reports: the list
//! of officers it answers for, and the exemptions it grants. Kept apart
//! from the officers' report figures, which a newer report replaces.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::evaluate::OfficerStatus;
use super::officer::{Flag, FlagKind, Officer, OfficerId};
use crate::rules::engine::Standing;

/// One officer on the cell's own list (`expect`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expected {
    pub id: OfficerId,
    pub name: String,
    pub designation: Option<String>,
    pub service: Option<crate::catalogue::Service>,
    pub department: Option<String>,
}

/// An officer the orders do not hold to a requirement, or to all of
/// them, for a reason the cell records ("without good reason" is what the
/// orders penalise: long leave, deputation, training abroad).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exemption {
    pub officer: OfficerId,
    pub reason: String,
    /// One requirement (its kind, e.g. `hours`), or every one.
    pub requirement: Option<String>,
    /// The last day the exemption holds; none: until lifted.
    pub until: Option<NaiveDate>,
    /// The day the cell granted it.
    pub granted: NaiveDate,
}

impl Exemption {
    pub fn holds_on(&self, day: NaiveDate) -> bool {
        self.until.is_none_or(|u| day <= u)
    }

    /// "since 23.11.2026 until 31.03.2027: Training abroad".
    pub fn period_and_reason(&self) -> String {
        format!(
            "since {}{}: {}",
            self.granted.format("%d.%m.%Y"),
            self.until.map_or(String::new(), |u| format!(
                " until {}",
                u.format("%d.%m.%Y")
            )),
            self.reason
        )
    }
}

/// The cell's list and exemptions, as the store holds them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CellRecords {
    pub expected: Vec<Expected>,
    pub exemptions: Vec<Exemption>,
}

/// The report's officers, then one officer for each listed officer that
/// no report names: name, designation, service and department from the
/// list, and nothing done.
pub fn with_expected(officers: &[Officer], expected: &[Expected]) -> Vec<Officer> {
    let known: HashSet<&OfficerId> = officers.iter().map(|o| &o.id).collect();
    let mut out = officers.to_vec();
    out.extend(unreported(expected, |id| known.contains(id)));
    out
}

/// One officer for each listed officer that no report names (`known`
/// says which the reports name).
pub fn unreported(expected: &[Expected], known: impl Fn(&OfficerId) -> bool) -> Vec<Officer> {
    expected
        .iter()
        .filter(|e| !known(&e.id))
        .map(|e| {
            let mut o = Officer::new(e.id.clone());
            o.name = e.name.clone();
            o.designation = e.designation.clone();
            o.service = e.service;
            o.organisation = e.department.clone();
            o
        })
        .collect()
}

/// Marks each status with what the cell says: `unregistered` for a
/// listed officer no report names, `not-on-list` for a reported one the
/// list leaves out (when there is a list), `profile-incomplete`, and the
/// exemptions that hold on `today` (one requirement's leaves the verdict;
/// a whole one makes it `exempt`).
pub fn apply(
    statuses: &mut [OfficerStatus],
    reported: &[Officer],
    cell: &CellRecords,
    today: NaiveDate,
) {
    let in_reports: HashSet<&OfficerId> = reported.iter().map(|o| &o.id).collect();
    let listed = cell.listed();
    for s in statuses.iter_mut() {
        let reported = in_reports.contains(&s.officer.id);
        apply_one(s, reported, &listed, cell, today);
    }
}

impl CellRecords {
    /// The officers on the cell's list.
    pub fn listed(&self) -> HashSet<&OfficerId> {
        self.expected.iter().map(|e| &e.id).collect()
    }
}

/// `apply` for one officer: `reported` when a report names them, `listed`
/// the cell's list (`CellRecords::listed`).
pub fn apply_one(
    s: &mut OfficerStatus,
    reported: bool,
    listed: &HashSet<&OfficerId>,
    cell: &CellRecords,
    today: NaiveDate,
) {
    let id = &s.officer.id;
    if !reported {
        s.unregistered = listed.contains(id);
    } else {
        if !listed.is_empty() && !listed.contains(id) {
            s.flags.push(Flag {
                kind: FlagKind::NotOnList,
                text: "in the portal's reports, not on the cell's list of its officers".into(),
            });
        }
        if let Some(text) = incomplete_profile(s.officer) {
            s.flags.push(Flag {
                kind: FlagKind::ProfileIncomplete,
                text,
            });
        }
    }
    for e in cell
        .exemptions
        .iter()
        .filter(|e| &e.officer == id && e.holds_on(today))
    {
        match &e.requirement {
            None => s.exemption = Some(e.clone()),
            Some(kind) => {
                exempt_requirement(s, kind);
                s.flags.push(Flag {
                    kind: FlagKind::ExemptRequirement,
                    text: format!("exempt from {kind} {}", e.period_and_reason()),
                });
                s.exempted_from.push(e.clone());
            }
        }
    }
}

/// The UserReport's profile without a designation or a cadre batch. An
/// officer the user report lists has its registration date (every
/// profile has one); one it does not list says nothing of a profile.
fn incomplete_profile(o: &Officer) -> Option<String> {
    o.registered?;
    let designation = o
        .designation
        .as_deref()
        .is_some_and(|d| !d.trim().is_empty());
    let missing: Vec<&str> = [
        (!designation).then_some("designation"),
        o.batch.is_none().then_some("cadre batch"),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!missing.is_empty()).then(|| {
        format!(
            "the portal profile has no {}: the portal's targets do not reach the officer",
            missing.join(" and no ")
        )
    })
}

/// A requirement the cell exempted leaves the officer's standing.
fn exempt_requirement(s: &mut OfficerStatus, kind: &str) {
    let Some(status) = s.status.as_mut() else {
        return;
    };
    status.requirements.retain(|r| r.kind != kind);
    status.on_track = status
        .requirements
        .iter()
        .all(|r| matches!(r.standing, Standing::Met | Standing::Open));
}

/// The requirement kinds an officer's standing has, for a cell naming one.
pub fn requirement_kinds(s: &OfficerStatus) -> Vec<&'static str> {
    let mut kinds: Vec<&'static str> = s
        .status
        .iter()
        .flat_map(|st| st.requirements.iter().map(|r| r.kind))
        .collect();
    kinds.dedup();
    kinds
}
