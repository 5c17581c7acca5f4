//! What the dashboard read and worked out, shared by every view and popup:
//! the catalogue, the store's contents, the engine's answer for the year
//! and the roster. Views and popups draw from it; the app alone changes
//! it, when the store is read again.

use chrono::NaiveDate;
use std::sync::Arc;

use super::roster_data::{OfficerProgress, Roster};
use super::wording::NoStatus;
use crate::catalogue::{Catalogue, CourseId};
use crate::rules::engine::Status;
use crate::rules::fy::FinancialYear;
use crate::rules::record::Completion;
use crate::store::{Snapshot, Store};
use crate::units::lang::Lang;

pub struct Data {
    pub catalogue: Arc<Catalogue>,
    pub store: Store,
    pub today: NaiveDate,
    pub snapshot: Snapshot,
    /// The engine's answer for this FY, or why there is none (no profile...).
    pub status: Result<Status, NoStatus>,
    /// The cell's officers, evaluated when the snapshot is read.
    pub roster: Roster,
    /// A roster officer whose Progress is shown, read-only, instead of yours.
    pub officer: Option<OfficerProgress>,
    /// The portal's catalogue as `catalogue sync` last kept it.
    pub portal: Option<crate::catalogue::portal::PortalSnapshot>,
    /// The portal's courses by area and theme, as the Catalogue view lists them.
    pub shelf: super::portal_shelf::Shelf,
    /// The language every view and popup speaks (`crate::i18n::tr`).
    pub lang: Lang,
}

impl Data {
    pub fn completed(&self, course: CourseId) -> Option<&Completion> {
        let key = self.catalogue.courses[course].key();
        self.snapshot.completions.iter().find(|c| c.course == key)
    }

    pub fn shortlisted(&self, course: CourseId) -> bool {
        let key = self.catalogue.courses[course].key();
        self.snapshot.shortlist.iter().any(|k| *k == key)
    }

    /// The status the Progress view shows: a roster officer's while one is
    /// open from the Roster view, else yours.
    pub fn shown_status(&self) -> &Result<Status, NoStatus> {
        self.officer.as_ref().map_or(&self.status, |o| &o.status)
    }

    /// The completions behind `shown_status`.
    pub fn shown_completions(&self) -> &[Completion] {
        self.officer
            .as_ref()
            .map_or(&self.snapshot.completions, |o| &o.completions)
    }

    /// Completions of the FY, newest first.
    pub fn log_rows(&self) -> Vec<&Completion> {
        let fy = FinancialYear::containing(self.today);
        let mut rows: Vec<_> = self
            .snapshot
            .completions
            .iter()
            .filter(|c| fy.contains(c.date))
            .collect();
        rows.sort_by_key(|c| std::cmp::Reverse((c.date, c.id)));
        rows
    }
}
