//! Which officers a roster listing keeps by verdict: the one "needs
//! action" rule, shared by every shell that filters the roster.

use super::evaluate::Verdict;

/// Which verdicts a listing keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VerdictFilter {
    #[default]
    All,
    /// Overdue, behind, unregistered or unmapped: something for the cell to do.
    NeedsAction,
    Only(Verdict),
}

/// Every verdict, most urgent first.
const VERDICTS: [Verdict; 7] = [
    Verdict::Overdue,
    Verdict::Behind,
    Verdict::Unregistered,
    Verdict::Unmapped,
    Verdict::OnPace,
    Verdict::Met,
    Verdict::Exempt,
];

impl Verdict {
    /// Overdue, behind, unregistered, or not yet placed in a tier: the cell has
    /// something to do (`Verdict`'s order puts these first).
    pub fn needs_action(self) -> bool {
        self <= Verdict::Unmapped
    }
}

impl VerdictFilter {
    /// The filter after this one: all, needing action, then each verdict
    /// most urgent first, then all again.
    pub fn next(self) -> VerdictFilter {
        match self {
            VerdictFilter::All => VerdictFilter::NeedsAction,
            VerdictFilter::NeedsAction => VerdictFilter::Only(VERDICTS[0]),
            VerdictFilter::Only(v) => VERDICTS
                .iter()
                .position(|x| *x == v)
                .and_then(|i| VERDICTS.get(i + 1))
                .map_or(VerdictFilter::All, |v| VerdictFilter::Only(*v)),
        }
    }

    pub fn keeps(self, v: Verdict) -> bool {
        match self {
            VerdictFilter::All => true,
            VerdictFilter::NeedsAction => v.needs_action(),
            VerdictFilter::Only(only) => v == only,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            VerdictFilter::All => "all",
            VerdictFilter::NeedsAction => "needing action",
            VerdictFilter::Only(v) => v.word(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Verdict, VerdictFilter, VERDICTS};

    #[test]
    fn needing_action_is_overdue_behind_unregistered_or_unmapped() {
        let kept: Vec<Verdict> = VERDICTS
            .into_iter()
            .filter(|v| VerdictFilter::NeedsAction.keeps(*v))
            .collect();
        assert_eq!(
            kept,
            [
                Verdict::Overdue,
                Verdict::Behind,
                Verdict::Unregistered,
                Verdict::Unmapped
            ]
        );
        assert!(VERDICTS.iter().all(|v| VerdictFilter::All.keeps(*v)));
        assert!(VerdictFilter::Only(Verdict::Met).keeps(Verdict::Met));
        assert!(!VerdictFilter::Only(Verdict::Met).keeps(Verdict::OnPace));
    }

    #[test]
    fn the_filters_step_through_every_verdict_and_back_to_all() {
        let mut f = VerdictFilter::All;
        let mut words = Vec::new();
        for _ in 0..9 {
            f = f.next();
            words.push(f.word());
        }
        assert_eq!(
            words,
            [
                "needing action",
                "overdue",
                "behind",
                "unregistered",
                "unmapped",
                "on pace",
                "met",
                "exempt",
                "all"
            ]
        );
    }
}
