//! What the plan needs from the store, gathered once for the CLI and the
//! dashboard alike: the durations of every source, and the shortlist.

use crate::catalogue::Catalogue;
use crate::roster::DurationSeen;
use crate::rules::durations::{DurationSource, Durations};
use crate::rules::engine::Status;
use crate::rules::plan::{plan, Plan, PlanInputs, PlanOptions};
use crate::rules::proposal::ProposalInputs;
use crate::store::Snapshot;

/// Every known duration: the officer's own, the imported reports', the
/// course CSVs'. `Durations` keeps the order of precedence.
pub fn durations(
    catalogue: &Catalogue,
    snapshot: &Snapshot,
    reports: &[DurationSeen],
) -> Durations {
    let mut d = Durations::default();
    for (course, seconds) in &snapshot.shortlist_hours {
        d.add(course, DurationSource::Yours, *seconds);
    }
    for seen in reports {
        d.add(&seen.course, DurationSource::Report, seen.seconds);
    }
    for csv in &catalogue.durations {
        d.add(
            &catalogue.courses[csv.course].key(),
            DurationSource::CourseCsv,
            csv.seconds,
        );
    }
    d
}

/// The plan of `status`, from the store's records.
pub fn plan_of(
    catalogue: &Catalogue,
    status: &Status,
    snapshot: &Snapshot,
    durations: &Durations,
    options: &PlanOptions,
) -> Plan {
    plan(&PlanInputs {
        proposal: ProposalInputs {
            catalogue,
            status,
            completions: &snapshot.completions,
            assignments: &snapshot.assignments,
            shortlist: &snapshot.shortlist,
            durations,
            options: &options.proposal,
        },
        hours_per_week: options.hours_per_week,
    })
}
