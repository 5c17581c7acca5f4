//! The roster's one order, most urgent first, for every shell that lists it.

use std::cmp::Ordering;

use super::evaluate::{OfficerStatus, Verdict};

/// Where an officer stands in the roster's order, kept apart from the
/// officer so a listing of 100k officers can rank them and drop the rest.
#[derive(Debug, Clone)]
pub struct UrgencyKey {
    verdict: Verdict,
    /// The share of the hours target done; 2.0 without an hours rule, so
    /// those officers come after everyone with one.
    share: f64,
    name: String,
}

impl UrgencyKey {
    pub fn of(s: &OfficerStatus) -> UrgencyKey {
        UrgencyKey {
            verdict: s.verdict(),
            share: s.hours().map_or(2.0, |h| h.done / h.target.max(1e-9)),
            name: s.officer.name.clone(),
        }
    }
}

impl Ord for UrgencyKey {
    /// Most urgent verdict first; then the least share of the hours done;
    /// then by name, so equal officers keep one order.
    fn cmp(&self, other: &Self) -> Ordering {
        self.verdict
            .cmp(&other.verdict)
            .then(self.share.total_cmp(&other.share))
            .then(self.name.cmp(&other.name))
    }
}

impl PartialOrd for UrgencyKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for UrgencyKey {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for UrgencyKey {}

/// The roster's order of two evaluated officers.
pub fn by_urgency(a: &OfficerStatus, b: &OfficerStatus) -> Ordering {
    UrgencyKey::of(a).cmp(&UrgencyKey::of(b))
}
