//! What an officer records: profile, completions, assigned courses,
//! assessments. Plain data, shared by the engine, the store and export.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalogue::Service;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub service: Service,
    /// Lower-case state slug: bihar, delhi, himachal...
    pub state: Option<String>,
    /// Year of the IAS batch, used to derive the tier.
    pub batch: Option<i32>,
    /// A tier chosen by hand, overriding derivation.
    pub tier: Option<String>,
    pub name: Option<String>,
    /// When the officer registered on iGOT.
    pub registered: Option<NaiveDate>,
}

/// A course the officer finished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completion {
    pub id: u64,
    /// Course identity: the catalogue course's key, or the normalised
    /// title of a course outside the lists.
    pub course: String,
    /// The title as the officer gave it or the catalogue prints it.
    pub title: String,
    /// False for `--other`: any iGOT course outside the lists.
    pub in_catalogue: bool,
    pub date: NaiveDate,
    /// Seconds from the certificate, as the portal keeps them.
    pub seconds: u32,
    pub certificate: Option<String>,
}

impl Completion {
    /// Exact hours, for charts; show hours with `units::hours::format_hours`.
    pub fn hours(&self) -> f64 {
        f64::from(self.seconds) / f64::from(crate::units::hours::HOUR)
    }
}

/// A course named for the officer (Delhi department or Services lists).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub id: u64,
    pub course: String,
    pub title: String,
    /// The day it was recorded: it counts in that financial year.
    pub assigned: NaiveDate,
    pub due: Option<NaiveDate>,
}

/// A comprehensive assessment passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: u64,
    pub passed: NaiveDate,
}
