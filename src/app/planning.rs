//! What the plan needs from the store, gathered once for the CLI and the
//! dashboard alike: the durations of every source, and the shortlist.

use crate::catalogue::portal_match::PortalIndex;
use crate::catalogue::Catalogue;
use crate::roster::DurationSeen;
use crate::rules::durations::{DurationSource, Durations};
use crate::rules::engine::Status;
use crate::rules::plan::{plan, Plan, PlanInputs, PlanOptions};
use crate::rules::portal_fill::PortalOffer;
use crate::rules::proposal::ProposalInputs;
use crate::store::Snapshot;

/// Every known duration: the officer's own, the imported reports', the
/// portal catalogue's (each course of a title), the course CSVs'.
/// `Durations` keeps the order of precedence.
pub fn durations(
    catalogue: &Catalogue,
    snapshot: &Snapshot,
    reports: &[DurationSeen],
    portal: Option<&PortalIndex>,
) -> Durations {
    let mut d = Durations::default();
    for (course, seconds) in &snapshot.shortlist_hours {
        d.add(course, DurationSource::Yours, *seconds);
    }
    for seen in reports {
        d.add(&seen.course, DurationSource::Report, seen.seconds);
    }
    if let Some(index) = portal {
        for (i, p) in index.snapshot.courses.iter().enumerate() {
            if let Some(seconds) = p.seconds {
                d.add(&index.key(catalogue, i), DurationSource::Portal, seconds);
            }
        }
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
    portal: &[PortalOffer],
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
            portal,
        },
        hours_per_week: options.hours_per_week,
    })
}

/// The portal's courses as the plan may propose them, each key once.
pub fn portal_offers(catalogue: &Catalogue, index: &PortalIndex) -> Vec<PortalOffer> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (i, p) in index.snapshot.courses.iter().enumerate() {
        let course = index.key(catalogue, i);
        if seen.insert(course.clone()) {
            out.push(PortalOffer {
                course,
                title: p.name.clone(),
                seconds: p.seconds,
                competencies: p.kinds(),
                theme: p.theme().map(str::to_string),
            });
        }
    }
    out
}
