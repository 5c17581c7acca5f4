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
            .completion_departments
            .iter()
            .map(String::as_str)
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

    /// Two spellings of one department's name (case and spaces aside).
    pub fn same_name(a: &str, b: &str) -> bool {
        Departments::key(a) == Departments::key(b)
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

/// When each officer and each department last appeared in the completion
/// reports of one import: two snapshots of one department given in one
/// command are still two snapshots, and an officer only the older one
/// lists is missing from the newer.
#[derive(Debug, Default)]
pub struct LatestSeen {
    officers: rustc_hash::FxHashMap<super::OfficerId, chrono::NaiveDateTime>,
    /// By the department as the rows write it (rows repeat it): no
    /// case-folded copy per row.
    written: rustc_hash::FxHashMap<String, chrono::NaiveDateTime>,
}

impl LatestSeen {
    /// A row of `officer`'s, of a report generated `at`, of `department`.
    pub fn note(
        &mut self,
        officer: &super::OfficerId,
        department: Option<&str>,
        at: chrono::NaiveDateTime,
    ) {
        match self.officers.get_mut(officer) {
            Some(seen) => *seen = (*seen).max(at),
            None => {
                self.officers.insert(officer.clone(), at);
            }
        }
        if let Some(d) = department {
            match self.written.get_mut(d) {
                Some(latest) => *latest = (*latest).max(at),
                None => {
                    self.written.insert(d.to_string(), at);
                }
            }
        }
    }

    /// The latest report of the department, however the rows wrote it.
    fn department(&self, department: &str) -> Option<chrono::NaiveDateTime> {
        let key = Departments::key(department);
        self.written
            .iter()
            .filter(|(d, _)| Departments::key(d) == key)
            .map(|(_, at)| *at)
            .max()
    }

    /// The newer report of the officer's department that did not list
    /// them, if one was given.
    pub fn missing_from(&self, officer: &Officer) -> Option<chrono::NaiveDateTime> {
        let seen = self.officers.get(&officer.id)?;
        let department = officer.organisation.as_deref()?;
        let latest = self.department(department)?;
        (latest > *seen).then_some(latest)
    }
}
