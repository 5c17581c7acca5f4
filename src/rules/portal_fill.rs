//! `plan --from-portal`: what the hours still lack, filled from the
//! portal's own courses (any iGOT course counts toward the hours) of the
//! competencies least covered, a theme not yet proposed first, and the
//! course that fits the hours left best.

use std::collections::BTreeSet;

use super::proposal::{CoverageMap, Proposed};
use crate::catalogue::Competency;

/// A course of the portal's catalogue the plan may propose.
#[derive(Debug, Clone)]
pub struct PortalOffer {
    /// Its course key (the catalogue's, or its normalised title).
    pub course: String,
    pub title: String,
    pub seconds: Option<u32>,
    pub competencies: Vec<Competency>,
    pub theme: Option<String>,
}

/// What the filling may use and must respect.
pub(super) struct Fill<'a> {
    pub offers: &'a [PortalOffer],
    pub done: &'a BTreeSet<String>,
    pub only: Option<Competency>,
    pub limit: usize,
}

impl Fill<'_> {
    /// Adds portal courses to `out` while `seconds_needed` says hours are
    /// short, at most `limit`; `make` turns an offer into a proposed course.
    pub(super) fn run(
        &self,
        out: &mut Vec<Proposed>,
        coverage: &mut CoverageMap,
        seconds_needed: impl Fn(&[Proposed]) -> u64,
        make: impl Fn(&PortalOffer) -> Proposed,
    ) {
        let mut seen: BTreeSet<&str> = out.iter().map(|p| p.course.as_str()).collect();
        let mut pool: Vec<&PortalOffer> = Vec::new();
        for o in self.offers {
            // A course of no known duration or competency fills nothing.
            let usable = o.seconds.is_some()
                && !o.competencies.is_empty()
                && self.only.is_none_or(|k| o.competencies.contains(&k))
                && !self.done.contains(&o.course);
            if usable && seen.insert(&o.course) {
                pool.push(o);
            }
        }
        let mut themes: BTreeSet<String> = out.iter().filter_map(|p| p.theme.clone()).collect();
        for _ in 0..self.limit {
            let need = seconds_needed(out);
            if need == 0 || pool.is_empty() {
                return;
            }
            let covered = |k: &Competency| coverage.get(&Some(*k)).map_or(0, |(d, q)| d + q);
            let best = pool
                .iter()
                .enumerate()
                .min_by_key(|(_, o)| {
                    let s = u64::from(o.seconds.unwrap_or(0));
                    (
                        o.competencies.iter().map(covered).min().unwrap_or(0),
                        o.theme.as_ref().is_some_and(|t| themes.contains(t)),
                        // What fits the hours left, the longest; else the shortest.
                        if s <= need { (0, need - s) } else { (1, s) },
                        o.title.as_str(),
                    )
                })
                .map(|(i, _)| i)
                .expect("the pool is not empty");
            let o = pool.remove(best);
            let p = make(o);
            for k in &p.competencies {
                coverage.entry(Some(*k)).or_insert((0, 0)).1 += 1;
            }
            themes.extend(o.theme.clone());
            out.push(p);
        }
    }
}
