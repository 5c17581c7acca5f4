//! Where a course's duration comes from. The orders give none, so the plan
//! takes, in this order: what the officer said, what imported portal
//! reports showed, the portal's own catalogue (a synced snapshot), a course
//! CSV's `duration` column; else the duration is unknown, and the plan
//! says so.

use std::collections::BTreeMap;

/// A source of durations, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DurationSource {
    /// `karmadash shortlist add COURSE --hours H`.
    Yours,
    /// A portal report imported with `karmadash roster import`.
    Report,
    /// The portal's catalogue, as last synced.
    Portal,
    /// The `duration` column of a course CSV in `--data DIR`.
    CourseCsv,
}

impl DurationSource {
    /// How the plan names it: "your hours", "portal report", "course CSV"...
    pub fn words(self) -> &'static str {
        match self {
            DurationSource::Yours => "your hours",
            DurationSource::Report => "portal report",
            DurationSource::Portal => "portal catalogue",
            DurationSource::CourseCsv => "course CSV",
        }
    }
}

/// What is known of one course's duration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownDuration {
    /// The figure to plan with: the largest of the best source's, so a plan
    /// never counts on the shorter of two versions of a course.
    pub seconds: Option<u32>,
    pub source: Option<DurationSource>,
    /// Every distinct duration of the best source, shortest first: two
    /// when a title stands for two courses of different lengths.
    pub all: Vec<u32>,
}

/// Durations by course key, from every source.
#[derive(Debug, Clone, Default)]
pub struct Durations {
    known: BTreeMap<String, Vec<(DurationSource, u32)>>,
}

impl Durations {
    pub fn add(&mut self, course: &str, source: DurationSource, seconds: u32) {
        let list = self.known.entry(course.to_string()).or_default();
        if !list.contains(&(source, seconds)) {
            list.push((source, seconds));
        }
    }

    /// The best source's durations of `course`, or unknown.
    pub fn of(&self, course: &str) -> KnownDuration {
        let Some(list) = self.known.get(course) else {
            return KnownDuration::default();
        };
        let Some(best) = list.iter().map(|(s, _)| *s).min() else {
            return KnownDuration::default();
        };
        let mut all: Vec<u32> = list
            .iter()
            .filter(|(s, _)| *s == best)
            .map(|(_, n)| *n)
            .collect();
        all.sort_unstable();
        all.dedup();
        KnownDuration {
            seconds: all.last().copied(),
            source: Some(best),
            all,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_officers_word_beats_a_report_which_beats_a_csv() {
        let mut d = Durations::default();
        d.add("a", DurationSource::CourseCsv, 3600);
        assert_eq!(d.of("a").source, Some(DurationSource::CourseCsv));
        d.add("a", DurationSource::Portal, 900);
        assert_eq!(d.of("a").seconds, Some(900), "the portal's beats a CSV's");
        d.add("a", DurationSource::Report, 5400);
        d.add("a", DurationSource::Report, 7200);
        let a = d.of("a");
        assert_eq!(a.source, Some(DurationSource::Report));
        assert_eq!(a.all, vec![5400, 7200], "both of a title's durations");
        assert_eq!(a.seconds, Some(7200));
        d.add("a", DurationSource::Yours, 1800);
        assert_eq!(d.of("a").seconds, Some(1800));
        assert_eq!(d.of("b"), KnownDuration::default());
    }
}
