//! Shared by the engine tests: the built-in catalogue, dates, profiles,
//! completions, and a `World` of records evaluated for a financial year,
//! all through the library API.
#![allow(dead_code, unused_imports)] // each test file uses its own share

pub use chrono::NaiveDate;
pub use proptest::prelude::*;
pub use std::collections::BTreeSet;
pub use std::sync::OnceLock;

pub use karmadash::catalogue::{Catalogue, ListingStatus, Service};
pub use karmadash::rules::engine::{evaluate, Inputs, RequirementStatus, Standing, Status, Unit};
pub use karmadash::rules::fy::FinancialYear;
pub use karmadash::rules::record::{Assessment, Assignment, Completion, Profile};

// ---------------------------------------------------------------------------
// Helpers

pub fn cat() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| Catalogue::builtin().expect("the built-in catalogue loads"))
}

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a test date")
}

pub fn fy(s: &str) -> FinancialYear {
    s.parse().expect("a test FY")
}

pub fn profile(
    service: Service,
    state: Option<&str>,
    batch: Option<i32>,
    tier: Option<&str>,
) -> Profile {
    Profile {
        service,
        state: state.map(str::to_string),
        batch,
        tier: tier.map(str::to_string),
        name: None,
        registered: None,
    }
}

pub fn bas(tier: &str) -> Profile {
    profile(Service::Bas, Some("bihar"), None, Some(tier))
}

pub fn delhi_ias(batch: i32) -> Profile {
    profile(Service::Ias, Some("delhi"), Some(batch), None)
}

/// The catalogue key of a course named by title or alias (as `done` records it).
pub fn key(title: &str) -> String {
    let id = cat()
        .course_by_title(title)
        .unwrap_or_else(|| panic!("{title} is in the catalogue"));
    cat().courses[id].key().into_owned()
}

/// A completion of a catalogue course.
pub fn listed(id: u64, title: &str, date: &str, hours: u32) -> Completion {
    let cid = cat().course_by_title(title).expect("a listed course");
    Completion {
        id,
        course: cat().courses[cid].key().into_owned(),
        title: cat().courses[cid].title.clone(),
        in_catalogue: true,
        date: d(date),
        seconds: hours * 3600,
        certificate: None,
    }
}

/// A completion of a course outside the lists (`done --other`).
pub fn other(id: u64, title: &str, date: &str, minutes: u32) -> Completion {
    Completion {
        id,
        course: karmadash::catalogue::identity::normalise(title),
        title: title.to_string(),
        in_catalogue: false,
        date: d(date),
        seconds: minutes * 60,
        certificate: None,
    }
}

pub struct World {
    pub profile: Profile,
    pub completions: Vec<Completion>,
    pub assignments: Vec<Assignment>,
    pub assessments: Vec<Assessment>,
    pub today: NaiveDate,
}

impl World {
    pub fn new(profile: Profile, today: &str) -> World {
        World {
            profile,
            completions: Vec::new(),
            assignments: Vec::new(),
            assessments: Vec::new(),
            today: d(today),
        }
    }

    pub fn with(mut self, completions: Vec<Completion>) -> World {
        self.completions = completions;
        self
    }

    pub fn eval(&self, year: &str) -> Status {
        let inputs = Inputs {
            catalogue: cat(),
            profile: &self.profile,
            completions: &self.completions,
            assignments: &self.assignments,
            assessments: &self.assessments,
            today: self.today,
        };
        evaluate(&inputs, fy(year)).expect("the profile evaluates")
    }
}

pub fn of_kind<'a>(st: &'a Status, kind: &str) -> Vec<&'a RequirementStatus> {
    st.requirements.iter().filter(|r| r.kind == kind).collect()
}

pub fn one(st: &Status, kind: &str, rulebook: &str) -> RequirementStatus {
    let found: Vec<_> = st
        .requirements
        .iter()
        .filter(|r| r.kind == kind && r.rulebook == rulebook)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one {kind} from {rulebook} in {:#?}",
        st.requirements
    );
    found[0].clone()
}

pub fn hours(st: &Status) -> RequirementStatus {
    let h: Vec<_> = st
        .requirements
        .iter()
        .filter(|r| r.unit == Unit::Hours)
        .collect();
    assert_eq!(h.len(), 1, "one hours requirement: {:#?}", st.requirements);
    h[0].clone()
}
