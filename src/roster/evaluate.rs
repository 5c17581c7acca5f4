//! Each officer of the roster through the engine that `status` uses: one
//! source of truth for a verdict, whether one officer asks or a cell.

use chrono::NaiveDate;

use crate::catalogue::{Catalogue, Service};
use crate::rules::engine::{evaluate, Inputs, Records, RequirementStatus, Standing, Status, Unit};
use crate::rules::fy::FinancialYear;
use crate::rules::record::{Assessment, Assignment, Completion, Profile};
use crate::rules::tier::TierBasis;
use crate::units::amount::Amount;

use super::designations::{Designations, Mapping};
use super::officer::{Flag, FlagKind, Officer};

/// What the cell said of the whole import: the service when one report
/// covers one service, and the state whose orders apply.
#[derive(Debug, Clone, Default)]
pub struct Defaults {
    pub service: Option<Service>,
    pub state: Option<String>,
}

/// One officer's standing for a financial year.
#[derive(Debug, Clone)]
pub struct OfficerStatus<'a> {
    pub officer: &'a Officer,
    /// None when the officer has no tier (flagged `unmapped`) or the
    /// engine could not place them.
    pub status: Option<Status>,
    /// The officer's own flags, and `unmapped` where it applies.
    pub flags: Vec<Flag>,
    /// Why the officer has no tier, when the designation is at fault (the
    /// `unmapped` flag says it in the domain's words).
    pub unplaced: Option<PlacementError>,
    /// The cell's exemption of the whole officer, while it lasts
    /// (`cell::apply`): out of every denominator.
    pub exemption: Option<super::cell::Exemption>,
    /// The cell's exemptions from one requirement each, while they last
    /// (`cell::apply`): those requirements left the standing.
    pub exempted_from: Vec<super::cell::Exemption>,
    /// On the cell's list and in no report (`cell::apply`).
    pub unregistered: bool,
}

/// The one word a cell needs, from the same standings as `status`; in
/// order of urgency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Overdue,
    Behind,
    /// On the cell's list, in no report: not registered on the portal
    /// (the Bihar orders give 15 days).
    Unregistered,
    /// No tier: no verdict can be given until the cell places the officer.
    Unmapped,
    OnPace,
    Met,
    /// Exempted by the cell, with a reason: out of the totals.
    Exempt,
}

impl Verdict {
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Overdue => "overdue",
            Verdict::Behind => "behind",
            Verdict::Unmapped => "unmapped",
            Verdict::OnPace => "on pace",
            Verdict::Met => "met",
            Verdict::Exempt => "exempt",
            Verdict::Unregistered => "unregistered",
        }
    }
}

impl OfficerStatus<'_> {
    pub fn verdict(&self) -> Verdict {
        if self.unregistered {
            return Verdict::Unregistered;
        }
        if self.exemption.is_some() {
            return Verdict::Exempt;
        }
        let Some(status) = &self.status else {
            return Verdict::Unmapped;
        };
        if status
            .requirements
            .iter()
            .any(|r| r.standing == Standing::Overdue)
        {
            Verdict::Overdue
        } else if !status.on_track {
            Verdict::Behind
        } else if status.requirements.iter().all(|r| r.met) {
            Verdict::Met
        } else {
            Verdict::OnPace
        }
    }

    /// The hours requirement (Bihar's 52 hours), if one applies.
    pub fn hours(&self) -> Option<&RequirementStatus> {
        self.requirement(|r| r.unit == Unit::Hours)
    }

    /// The tier's mandatory list, if one applies.
    pub fn mandatory(&self) -> Option<&RequirementStatus> {
        self.requirement(|r| r.kind == "all-mandatory")
    }

    fn requirement(&self, f: impl Fn(&RequirementStatus) -> bool) -> Option<&RequirementStatus> {
        self.status.as_ref()?.requirements.iter().find(|r| f(r))
    }

    /// The earliest due date of what is still to do: a requirement met
    /// late is a shortfall on record, with nothing left to do by a date.
    pub fn next_due(&self) -> Option<NaiveDate> {
        self.status
            .as_ref()?
            .requirements
            .iter()
            .filter(|r| !r.met && r.standing != Standing::Late)
            .filter_map(|r| r.due)
            .min()
    }
}

/// Why an officer cannot be placed in a tier, with the designation at
/// fault; each shell says where a cell adds a designation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlacementError {
    #[error("no service: the user report does not give one and the designation \"{designation}\" does not imply one")]
    NoService { designation: String },
    #[error("the designation \"{designation}\" maps to no {} tier: add it to the cell's designations table, or set the officer's tier", .service.id().to_uppercase())]
    NoTier {
        designation: String,
        service: Service,
    },
    #[error("the designation \"{designation}\" maps to several tiers ({}): set the officer's tier", .tiers.join(", "))]
    SeveralTiers {
        designation: String,
        tiers: Vec<String>,
    },
}

/// The profile the engine needs, or why the officer cannot be placed.
pub fn profile_of(
    officer: &Officer,
    designations: &Designations,
    defaults: &Defaults,
) -> Result<Profile, PlacementError> {
    let designation = officer.designation.as_deref().unwrap_or("");
    let service = officer
        .service
        .or(defaults.service)
        .or_else(|| designations.service_of(designation))
        .ok_or_else(|| PlacementError::NoService {
            designation: designation.to_string(),
        })?;
    let tier = match (&officer.tier_override, service) {
        (Some(t), _) => Some(t.clone()),
        // IAS: the tier follows from the batch, as for one officer.
        (None, Service::Ias) => None,
        (None, _) => match designations.tier(designation, Some(service)) {
            Mapping::Tier(t) => Some(t),
            Mapping::Unknown => {
                return Err(PlacementError::NoTier {
                    designation: designation.to_string(),
                    service,
                })
            }
            Mapping::Ambiguous(tiers) => {
                return Err(PlacementError::SeveralTiers {
                    designation: designation.to_string(),
                    tiers,
                })
            }
        },
    };
    // The Bihar services exist only in Bihar.
    let state = defaults.state.clone().or_else(|| {
        matches!(service, Service::Bas | Service::Bss | Service::Bscs).then(|| "bihar".to_string())
    });
    Ok(Profile {
        service,
        state,
        batch: officer.batch,
        tier,
        name: Some(officer.name.clone()).filter(|n| !n.is_empty()),
        registered: officer.registered,
    })
}

/// The engine's completions and assignments for an officer. Ids follow
/// the officer's own order, so `counted` points into their lists.
pub fn records_of(officer: &Officer, today: NaiveDate) -> (Vec<Completion>, Vec<Assignment>) {
    // A completion dated after its report was made does not count.
    let completions = officer
        .completions
        .iter()
        .enumerate()
        .filter(|(_, c)| c.dated_after_report.is_none())
        .map(|(i, c)| Completion {
            id: i as u64 + 1,
            course: c.course.clone(),
            title: c.title.clone(),
            in_catalogue: c.in_catalogue,
            date: c.date,
            seconds: c.seconds,
            certificate: c.certificate.clone(),
        })
        .collect();
    let first = officer.completions.len() as u64 + 1;
    let assignments = officer
        .assignments
        .iter()
        .enumerate()
        .map(|(i, a)| Assignment {
            id: first + i as u64,
            course: a.course.clone(),
            title: a.title.clone(),
            assigned: a.allocated.or(a.due).unwrap_or(today),
            due: a.due,
        })
        .collect();
    (completions, assignments)
}

/// The comprehensive assessments the reports show passed, on the day of
/// the passing attempt (`Last Attempted Date`).
fn assessments_of(officer: &Officer) -> Vec<Assessment> {
    officer
        .assessments
        .iter()
        .filter(|a| a.comprehensive && a.passed)
        .filter_map(|a| a.attempted)
        .enumerate()
        .map(|(i, passed)| Assessment {
            id: i as u64 + 1,
            passed,
        })
        .collect()
}

/// An officer the portal's reports list has registered on iGOT: only a
/// UserReport gives the date. Without it, registration is met with no date
/// (the words say "date unknown"), never overdue; lateness cannot be told.
fn registered_by_the_reports(status: &mut Status) {
    for r in status
        .requirements
        .iter_mut()
        .filter(|r| r.unit == Unit::Registration && r.done_on.is_none() && !r.met)
    {
        if let Amount::Count { target, .. } = r.amount {
            r.amount = Amount::Count {
                done: target,
                target,
            };
        }
        r.done = r.target;
        r.met = true;
        r.standing = Standing::Met;
        r.to_record = None;
    }
    status.on_track = status
        .requirements
        .iter()
        .all(|r| matches!(r.standing, Standing::Met | Standing::Open));
}

/// `future-date` for each completion dated after today that its report
/// did not already place after its own generation: the engine counts
/// nothing dated after today.
fn after_today(officer: &Officer, today: NaiveDate) -> Vec<Flag> {
    officer
        .completions
        .iter()
        .filter(|c| c.date > today && c.dated_after_report.is_none())
        .map(|c| Flag {
            kind: FlagKind::FutureDate,
            text: format!(
                "\"{}\" is dated {}, after today ({}): it does not count before that day ({})",
                c.title,
                c.date.format("%d.%m.%Y"),
                today.format("%d.%m.%Y"),
                c.source
            ),
        })
        .collect()
}

/// Every requirement of `fy` for one officer, by the engine.
pub fn evaluate_officer<'a>(
    catalogue: &Catalogue,
    designations: &Designations,
    defaults: &Defaults,
    officer: &'a Officer,
    fy: FinancialYear,
    today: NaiveDate,
) -> OfficerStatus<'a> {
    let mut flags = officer.flags.clone();
    flags.extend(after_today(officer, today));
    flags.extend(super::portal::differs(officer));
    let profile = match profile_of(officer, designations, defaults) {
        Ok(p) => p,
        Err(why) => {
            flags.push(Flag {
                kind: FlagKind::Unmapped,
                text: why.to_string(),
            });
            return OfficerStatus {
                officer,
                status: None,
                flags,
                unplaced: Some(why),
                exemption: None,
                exempted_from: Vec::new(),
                unregistered: false,
            };
        }
    };
    let (completions, assignments) = records_of(officer, today);
    let assessments = assessments_of(officer);
    let records = Records {
        completions: &completions,
        assignments: &assignments,
        assessments: &assessments,
    };
    let inputs = Inputs::from_records(catalogue, &profile, records, today);
    let status = match evaluate(&inputs, fy) {
        Ok(mut s) => {
            registered_by_the_reports(&mut s);
            if officer.tier_override.is_some() {
                s.tier.basis = TierBasis::SetByCell;
            } else if profile.tier.is_some() {
                s.tier.basis = TierBasis::Designation {
                    designation: officer.designation.clone().unwrap_or_default(),
                };
            }
            Some(s)
        }
        Err(why) => {
            flags.push(Flag {
                kind: FlagKind::Unmapped,
                text: why.to_string(),
            });
            None
        }
    };
    OfficerStatus {
        officer,
        status,
        flags,
        unplaced: None,
        exemption: None,
        exempted_from: Vec::new(),
        unregistered: false,
    }
}
