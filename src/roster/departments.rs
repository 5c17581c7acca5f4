//! Which departments (MDO) a completion report speaks for, so that one
//! department's report never marks another department's officers as
//! missing from it.

use super::{Gathered, Officer};

/// The departments (MDO) a completion report speaks for: a department's
/// report says nothing of another department's officers. A report that
/// names no department at all (an older generation) speaks for everyone.
pub struct Departments(std::collections::BTreeSet<String>);

impl Departments {
    /// A refused row's department counts too: a file of another
    /// department whose rows could not be read still speaks only for it.
    pub fn of(gathered: &Gathered) -> Departments {
        let names = gathered
            .officers
            .iter()
            .filter_map(|o| o.organisation.as_deref())
            .chain(
                gathered
                    .rejected
                    .iter()
                    .filter_map(|e| e.who.organisation.as_deref()),
            );
        Departments(names.map(Departments::key).collect())
    }

    fn key(name: &str) -> String {
        name.trim().to_lowercase()
    }

    pub fn named(&self) -> bool {
        !self.0.is_empty()
    }

    /// Whether an officer's absence from this report means anything.
    pub fn cover(&self, officer: &Officer) -> bool {
        match &officer.organisation {
            _ if !self.named() => true,
            Some(d) => self.0.contains(&Departments::key(d)),
            None => false,
        }
    }

    /// Whether two officers are of one department, as far as the reports
    /// say: two officers of no named department are taken as one.
    pub fn same(a: &Officer, b: &Officer) -> bool {
        match (&a.organisation, &b.organisation) {
            (Some(x), Some(y)) => Departments::key(x) == Departments::key(y),
            (None, None) => true,
            _ => false,
        }
    }
}
