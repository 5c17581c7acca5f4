//! The dashboard's state: what was read from the store, each view's own
//! state, the open popup, and the key dispatch. Actions change it in
//! `update.rs`, popup keys in `overlay_keys.rs`.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::sync::Arc;

use super::forms::Form;
use super::keymap::action_for;
use super::roster_data::{OfficerProgress, Roster};
use super::search_worker::SearchWorker;
use super::views::catalogue;
pub use super::views::View;
use super::views::{ViewStates, VIEWS};
use crate::catalogue::{Catalogue, Competency, CourseId, Listing, ListingStatus};
use crate::roster::designations::Designations;
use crate::rules::engine::{evaluate, Inputs, Status};
use crate::rules::fy::FinancialYear;
use crate::rules::record::Completion;
use crate::search::Hit;
use crate::store::{Snapshot, Store, UiState};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tiers,
    Listings,
}

pub struct SearchBox {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    pub waiting: bool,
}

pub enum Overlay {
    Help,
    Search(SearchBox),
    Form(Form),
    Detail(CourseId),
    ConfirmRemove(u64),
    /// A requirement's full text and citation: its row in the Progress view.
    Requirement(usize),
    /// The Roster view's find box; what is typed is the view's `find`.
    FindOfficer,
}

pub struct App {
    pub catalogue: Arc<Catalogue>,
    pub store: Store,
    pub today: NaiveDate,
    pub view: View,
    pub snapshot: Snapshot,
    /// The engine's answer for this FY, or why there is none (no profile...).
    pub status: Result<Status, String>,
    // The Catalogue view's state stays here: the search box and the saved
    // UI state move it too.
    pub tier: usize,
    pub focus: Focus,
    pub row: usize,
    pub competency: Option<Competency>,
    pub listing_status: Option<ListingStatus>,
    /// Every other view's own state, made from the views table.
    pub views: ViewStates,
    /// The cell's officers, evaluated when the snapshot is read.
    pub roster: Roster,
    /// The designations table the roster is read with (or why it cannot be).
    designations: Result<Designations, String>,
    /// A roster officer whose Progress is shown, read-only, instead of yours.
    pub officer: Option<OfficerProgress>,
    pub overlay: Option<Overlay>,
    pub message: Option<(String, bool)>,
    pub quit: bool,
    /// Ctrl-C ended the dashboard: the process exits 130, as after SIGINT.
    pub interrupted: bool,
    /// Rows the last frame showed in a list, for PgUp/PgDn.
    pub page: usize,
    pub(super) search: SearchWorker,
    /// The store's change marker when the snapshot was last read; `None`
    /// until the first check, which reloads once (the first snapshot was
    /// read before the marker could be).
    seen_change: Option<String>,
    /// The popup that help was opened over; it comes back when help closes.
    pub(super) covered: Option<Overlay>,
}

pub(super) fn cycle<T: Copy + PartialEq>(all: &[T], current: Option<T>) -> Option<T> {
    match current {
        None => all.first().copied(),
        Some(c) => all
            .iter()
            .position(|x| *x == c)
            .and_then(|i| all.get(i + 1))
            .copied(),
    }
}

impl App {
    pub fn new(catalogue: Arc<Catalogue>, store: Store, today: NaiveDate) -> App {
        let first = store.snapshot().map_err(|e| e.0);
        App::with_snapshot(catalogue, store, today, first, None)
    }

    /// `new`, with the store's contents already read (the shell reads them
    /// while the catalogue loads, so the first frame comes sooner), and the
    /// `--data DIR` whose `designations.toml` places the roster's officers.
    pub fn with_snapshot(
        catalogue: Arc<Catalogue>,
        store: Store,
        today: NaiveDate,
        first: Result<Snapshot, String>,
        data: Option<&Path>,
    ) -> App {
        let search = SearchWorker::start(Arc::clone(&catalogue));
        let designations =
            crate::roster::cell_table::designations(&catalogue, data).map_err(|e| e.to_string());
        let mut app = App {
            catalogue,
            store,
            today,
            view: catalogue::VIEW,
            snapshot: Snapshot::default(),
            status: Err(String::new()),
            tier: 0,
            focus: Focus::Tiers,
            row: 0,
            competency: None,
            listing_status: None,
            views: ViewStates::new(),
            roster: Roster::default(),
            designations,
            officer: None,
            overlay: None,
            message: None,
            quit: false,
            interrupted: false,
            page: 10,
            search,
            seen_change: None,
            covered: None,
        };
        app.take_snapshot(first);
        app.restore_ui();
        if app.snapshot.profile.is_none() {
            app.view = catalogue::VIEW;
            app.overlay = Some(Overlay::Form(Form::profile(None)));
        }
        app
    }

    /// Reads the store again (opened and closed at once) and re-evaluates.
    pub fn reload(&mut self) {
        // The marker first: a write landing between the two readings then
        // shows as a change on the next check, never as a missed one.
        self.seen_change = self.store.change_marker();
        let read = self.store.snapshot().map_err(|e| e.0);
        self.take_snapshot(read);
        // Every view's cursor stays on a row that still exists.
        for entry in VIEWS {
            let last = (entry.rows)(self).saturating_sub(1);
            let cursor = (entry.cursor)(self);
            *cursor = (*cursor).min(last);
        }
    }

    /// Reloads when another process (a shell `karmadash done`) wrote to the
    /// store since the last reading; returns whether it did. One small file
    /// read, no sled open, so the event loop may call it every tick.
    pub fn notice_changes(&mut self) -> bool {
        let now = self.store.change_marker();
        if now.is_none() || now == self.seen_change {
            return false;
        }
        self.reload();
        true
    }

    /// Takes a read of the store (or says why it failed) and re-evaluates,
    /// the roster's officers too: never per frame.
    fn take_snapshot(&mut self, read: Result<Snapshot, String>) {
        match read {
            Ok(s) => self.snapshot = s,
            Err(e) => self.message = Some((e, true)),
        }
        self.roster = match &self.designations {
            Ok(table) => Roster::read(&self.catalogue, &self.store, table, self.today),
            Err(why) => Roster::failed(why.clone()),
        };
        if let Some(shown) = &self.officer {
            self.officer = self.roster.progress_of(&shown.id, self.today);
        }
        self.status = match &self.snapshot.profile {
            None => Err("No profile yet: press p to create one.".into()),
            Some(profile) => evaluate(
                &Inputs::from_records(
                    &self.catalogue,
                    profile,
                    self.snapshot.records(),
                    self.today,
                ),
                FinancialYear::containing(self.today),
            )
            .map_err(|e| e.to_string()),
        };
        for entry in VIEWS {
            (entry.refresh)(self);
        }
    }

    fn restore_ui(&mut self) {
        let ui = self.snapshot.ui.clone();
        if let Some(v) = ui
            .view
            .as_deref()
            .and_then(|v| View::all().find(|x| x.name() == v))
        {
            self.view = v;
        }
        let profile_tier = self.status.as_ref().ok().and_then(|s| s.tier.id.clone());
        if let Some(i) = ui
            .tier
            .or(profile_tier)
            .and_then(|t| self.catalogue.tiers.iter().position(|x| x.id == t))
        {
            self.tier = i;
        }
        self.competency = ui.competency.as_deref().and_then(Competency::parse);
        self.listing_status = match ui.status.as_deref() {
            Some("mandatory") => Some(ListingStatus::Mandatory),
            Some("optional") => Some(ListingStatus::Optional),
            _ => None,
        };
    }

    pub fn ui_state(&self) -> UiState {
        UiState {
            view: Some(self.view.name().to_string()),
            tier: self.catalogue.tiers.get(self.tier).map(|t| t.id.clone()),
            competency: self.competency.map(|c| c.id().to_string()),
            status: self.listing_status.map(|s| s.id().to_string()),
        }
    }

    /// Saves the remembered view and filters (on the way out).
    pub fn save_ui(&self) {
        let _ = self.store.set_ui(&self.ui_state());
    }

    pub fn tier_id(&self) -> &str {
        &self.catalogue.tiers[self.tier].id
    }

    /// The listings the catalogue view shows, filters applied.
    pub fn visible_listings(&self) -> Vec<&Listing> {
        self.catalogue
            .tier_listings(self.tier_id())
            .filter(|l| self.listing_status.is_none_or(|s| l.status == s))
            .filter(|l| self.competency.is_none_or(|c| l.competencies.contains(&c)))
            .collect()
    }

    pub fn completed(&self, course: CourseId) -> Option<&crate::rules::record::Completion> {
        let key = self.catalogue.courses[course].key();
        self.snapshot.completions.iter().find(|c| c.course == key)
    }

    pub fn shortlisted(&self, course: CourseId) -> bool {
        let key = self.catalogue.courses[course].key();
        self.snapshot.shortlist.iter().any(|k| *k == key)
    }

    /// The status the Progress view shows: a roster officer's while one is
    /// open from the Roster view, else yours.
    pub fn shown_status(&self) -> &Result<Status, String> {
        self.officer.as_ref().map_or(&self.status, |o| &o.status)
    }

    /// The completions behind `shown_status`.
    pub fn shown_completions(&self) -> &[Completion] {
        self.officer
            .as_ref()
            .map_or(&self.snapshot.completions, |o| &o.completions)
    }

    /// Completions of the FY, newest first.
    pub fn log_rows(&self) -> Vec<&crate::rules::record::Completion> {
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

    /// The course the current view's selected row stands for.
    pub fn selected_course(&self) -> Option<CourseId> {
        (self.view.entry().course)(self)
    }

    pub(super) fn rows_in_view(&self) -> usize {
        (self.view.entry().rows)(self)
    }

    pub(super) fn move_cursor(&mut self, to: impl FnOnce(usize, usize) -> usize) {
        let n = self.rows_in_view();
        let tiers_before = self.tier;
        let c = (self.view.entry().cursor)(self);
        *c = if n == 0 { 0 } else { to(*c, n).min(n - 1) };
        if self.tier != tiers_before {
            self.row = 0;
        }
    }

    /// Handles one key press.
    pub fn on_key(&mut self, key: KeyEvent) {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            self.interrupted = true;
            return;
        }
        // F1 is help over any popup, even those that take `?` as text.
        if key.code == KeyCode::F(1) && !matches!(self.overlay, None | Some(Overlay::Help)) {
            self.covered = self.overlay.take();
            self.overlay = Some(Overlay::Help);
            return;
        }
        if self.overlay.is_some() {
            self.on_overlay_key(key);
            return;
        }
        self.message = None;
        if let Some(action) = action_for(self.view, &key) {
            self.update(action);
        }
    }
}
