//! What a requirement counts, as whole numbers: courses (or single events)
//! as a `Count`, training time as `Seconds`. Compared exactly, never as
//! floats; shown as hours only at the edge (`hours::hours_value`).

use super::hours::HOUR;

/// Whole things counted: distinct courses, an assessment, a registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Count(pub u32);

/// Training time in whole seconds, as the portal keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Seconds(pub u64);

impl Count {
    /// A length of a list, saturating (a list of 4 billion courses is not real).
    pub fn of_len(len: usize) -> Count {
        Count(u32::try_from(len).unwrap_or(u32::MAX))
    }
}

impl Seconds {
    /// A target in hours (`52`, `52.5`) as seconds, rounded up: whole
    /// seconds meet it exactly when their hours reach it.
    pub fn from_hours(hours: f64) -> Seconds {
        Seconds((hours * f64::from(HOUR)).ceil().max(0.0) as u64)
    }

    /// Exact hours, unrounded (for the pace).
    pub fn hours(self) -> f64 {
        self.0 as f64 / f64::from(HOUR)
    }
}

/// A requirement's progress: what is done against its target, in one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    Count { done: Count, target: Count },
    Time { done: Seconds, target: Seconds },
}

impl Amount {
    /// Whole numbers against whole numbers: no rounding decides "met".
    pub fn reached(self) -> bool {
        match self {
            Amount::Count { done, target } => done >= target,
            Amount::Time { done, target } => done >= target,
        }
    }

    /// Done and target as plain numbers in the unit's own terms (courses,
    /// exact hours), for the pace and the JSON figures.
    pub fn as_f64(self) -> (f64, f64) {
        match self {
            Amount::Count { done, target } => (f64::from(done.0), f64::from(target.0)),
            Amount::Time { done, target } => (done.hours(), target.hours()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_hours_target_is_met_by_its_whole_seconds_exactly() {
        let target = Seconds::from_hours(52.0);
        assert_eq!(target, Seconds(187_200));
        let at = |s| {
            Amount::Time {
                done: Seconds(s),
                target,
            }
            .reached()
        };
        assert!(!at(187_199));
        assert!(at(187_200));
        // A fractional target rounds up, so 1 second short never meets it.
        assert_eq!(Seconds::from_hours(0.0001), Seconds(1));
        let two = Amount::Count {
            done: Count(2),
            target: Count(3),
        };
        assert!(!two.reached());
        assert_eq!(two.as_f64(), (2.0, 3.0));
    }
}
