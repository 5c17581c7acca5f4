//! The roster's one order, most urgent first, for every shell that lists it.

use std::cmp::Ordering;

use super::evaluate::OfficerStatus;

/// The share of the hours target done; officers without an hours
/// requirement come after those with one.
fn hours_share(s: &OfficerStatus) -> f64 {
    s.hours().map_or(2.0, |h| h.done / h.target.max(1e-9))
}

/// Most urgent verdict first; then the least share of the hours done; then
/// by name, so equal officers keep one order.
pub fn by_urgency(a: &OfficerStatus, b: &OfficerStatus) -> Ordering {
    a.verdict()
        .cmp(&b.verdict())
        .then(hours_share(a).total_cmp(&hours_share(b)))
        .then(a.officer.name.cmp(&b.officer.name))
}
