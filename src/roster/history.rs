//! The roster over time: each import a dated snapshot (the report's
//! generation time), per department and tier, of how many officers are on
//! pace and behind and the hours they have done, since the portal keeps
//! no history of its own (its tables are rebuilt daily).

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::evaluate::{OfficerStatus, Verdict};
use crate::rules::fy::FinancialYear;

/// One department's tier at one report's time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryPoint {
    pub at: NaiveDateTime,
    pub department: String,
    pub tier: String,
    /// Officers counted: neither exempt nor outside the reports.
    pub officers: usize,
    /// On pace or met.
    pub on_pace: usize,
    /// Behind or overdue.
    pub behind: usize,
    pub seconds_done: u64,
    /// The hours targets of those officers, summed.
    pub hours_target: f64,
}

/// The placeholder of no department or no tier, karmadash's own.
pub const NONE: &str = "-";

/// The snapshot of `statuses` at `at`, one point per department and tier.
pub fn snapshot(at: NaiveDateTime, statuses: &[OfficerStatus]) -> Vec<HistoryPoint> {
    let mut by: BTreeMap<(String, String), HistoryPoint> = BTreeMap::new();
    for s in statuses {
        let v = s.verdict();
        if matches!(v, Verdict::Exempt | Verdict::Unregistered) {
            continue;
        }
        let department = s
            .officer
            .organisation
            .clone()
            .unwrap_or_else(|| NONE.into());
        let tier = s
            .status
            .as_ref()
            .and_then(|st| st.tier.id.clone())
            .unwrap_or_else(|| NONE.into());
        let p = by
            .entry((department.clone(), tier.clone()))
            .or_insert_with(|| HistoryPoint {
                at,
                department,
                tier,
                officers: 0,
                on_pace: 0,
                behind: 0,
                seconds_done: 0,
                hours_target: 0.0,
            });
        p.officers += 1;
        match v {
            Verdict::OnPace | Verdict::Met => p.on_pace += 1,
            Verdict::Behind | Verdict::Overdue => p.behind += 1,
            _ => {}
        }
        if let Some(h) = s.hours() {
            p.seconds_done += h.seconds.unwrap_or(0);
            p.hours_target += h.target;
        }
    }
    by.into_values().collect()
}

/// One point of the whole roster over time: every department and tier of
/// one snapshot added up.
#[derive(Debug, Clone, PartialEq)]
pub struct Total {
    pub at: NaiveDateTime,
    pub officers: usize,
    pub behind: usize,
    pub hours_done: f64,
    pub hours_target: f64,
}

/// The roster's totals at each snapshot time, oldest first.
pub fn totals(points: &[HistoryPoint]) -> Vec<Total> {
    let mut by: BTreeMap<NaiveDateTime, Total> = BTreeMap::new();
    for p in points {
        let t = by.entry(p.at).or_insert(Total {
            at: p.at,
            officers: 0,
            behind: 0,
            hours_done: 0.0,
            hours_target: 0.0,
        });
        t.officers += p.officers;
        t.behind += p.behind;
        t.hours_done += p.seconds_done as f64 / 3600.0;
        t.hours_target += p.hours_target;
    }
    by.into_values().collect()
}

/// The share of the year's hours an even pace has done by `at`: none on
/// 1 April, all of them on 31 March.
pub fn even_pace_share(fy: FinancialYear, at: NaiveDateTime) -> f64 {
    let start = fy.start();
    let days = (fy.end() - start).num_days() + 1;
    let done = (at.date() - start).num_days() + 1;
    (done.clamp(0, days) as f64) / days as f64
}
