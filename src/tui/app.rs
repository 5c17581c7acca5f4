//! The dashboard's state and `update`: every change of state happens here,
//! from an `Action` or a key typed into a form or the search box.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

use super::forms::Form;
use super::keymap::{action_for, Action};
use super::search_worker::SearchWorker;
use crate::catalogue::{Catalogue, Competency, CourseId, Listing, ListingStatus};
use crate::rules::engine::{evaluate, Inputs, Status};
use crate::rules::fy::FinancialYear;
use crate::search::Hit;
use crate::store::{Snapshot, Store, UiState};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Catalogue,
    Progress,
    Plan,
    Log,
}

impl View {
    pub const ALL: [View; 4] = [View::Catalogue, View::Progress, View::Plan, View::Log];

    pub fn name(self) -> &'static str {
        match self {
            View::Catalogue => "Catalogue",
            View::Progress => "Progress",
            View::Plan => "Plan",
            View::Log => "Log",
        }
    }

    fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).expect("listed")
    }
}

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
}

pub struct App {
    pub catalogue: Arc<Catalogue>,
    pub store: Store,
    pub today: NaiveDate,
    pub view: View,
    pub snapshot: Snapshot,
    /// The engine's answer for this FY, or why there is none (no profile...).
    pub status: Result<Status, String>,
    pub tier: usize,
    pub focus: Focus,
    pub row: usize,
    pub competency: Option<Competency>,
    pub listing_status: Option<ListingStatus>,
    pub plan_row: usize,
    pub progress_row: usize,
    pub log_row: usize,
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

fn cycle<T: Copy + PartialEq>(all: &[T], current: Option<T>) -> Option<T> {
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
        App::with_snapshot(catalogue, store, today, first)
    }

    /// `new`, with the store's contents already read (the shell reads them
    /// while the catalogue loads, so the first frame comes sooner).
    pub fn with_snapshot(
        catalogue: Arc<Catalogue>,
        store: Store,
        today: NaiveDate,
        first: Result<Snapshot, String>,
    ) -> App {
        let search = SearchWorker::start(Arc::clone(&catalogue));
        let mut app = App {
            catalogue,
            store,
            today,
            view: View::Catalogue,
            snapshot: Snapshot::default(),
            status: Err(String::new()),
            tier: 0,
            focus: Focus::Tiers,
            row: 0,
            competency: None,
            listing_status: None,
            plan_row: 0,
            progress_row: 0,
            log_row: 0,
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
            app.view = View::Catalogue;
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
        self.log_row = self.log_row.min(self.log_rows().len().saturating_sub(1));
        self.plan_row = self
            .plan_row
            .min(self.plan_courses().len().saturating_sub(1));
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

    /// Takes a read of the store (or says why it failed) and re-evaluates.
    fn take_snapshot(&mut self, read: Result<Snapshot, String>) {
        match read {
            Ok(s) => self.snapshot = s,
            Err(e) => self.message = Some((e, true)),
        }
        self.status = match &self.snapshot.profile {
            None => Err("No profile yet: press p to create one.".into()),
            Some(profile) => evaluate(
                &Inputs {
                    catalogue: &self.catalogue,
                    profile,
                    completions: &self.snapshot.completions,
                    assignments: &self.snapshot.assignments,
                    assessments: &self.snapshot.assessments,
                    today: self.today,
                },
                FinancialYear::containing(self.today),
            ),
        };
    }

    fn restore_ui(&mut self) {
        let ui = self.snapshot.ui.clone();
        if let Some(v) = ui
            .view
            .as_deref()
            .and_then(|v| View::ALL.into_iter().find(|x| x.name() == v))
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

    /// Rows of the plan view: open mandatory first, then the shortlist.
    pub fn plan_courses(&self) -> Vec<CourseId> {
        let mut out = Vec::new();
        if let Ok(st) = &self.status {
            if let Some(t) = &st.tier.id {
                // In the order the tier's list prints them.
                let open = self
                    .catalogue
                    .tier_listings(t)
                    .filter(|l| l.status == ListingStatus::Mandatory)
                    .filter_map(|l| l.course);
                for id in open {
                    if self.completed(id).is_none() && !out.contains(&id) {
                        out.push(id);
                    }
                }
            }
        }
        for key in &self.snapshot.shortlist {
            if let Some(id) = self.catalogue.course_by_title(key) {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        out
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

    fn selected_course(&self) -> Option<CourseId> {
        match self.view {
            View::Catalogue if self.focus == Focus::Listings => {
                self.visible_listings().get(self.row).and_then(|l| l.course)
            }
            View::Plan => self.plan_courses().get(self.plan_row).copied(),
            _ => None,
        }
    }

    fn rows_in_view(&self) -> usize {
        match self.view {
            View::Catalogue if self.focus == Focus::Tiers => self.catalogue.tiers.len(),
            View::Catalogue => self.visible_listings().len(),
            View::Plan => self.plan_courses().len(),
            View::Log => self.log_rows().len(),
            View::Progress => self.status.as_ref().map_or(0, |s| s.requirements.len()),
        }
    }

    fn cursor(&mut self) -> &mut usize {
        match self.view {
            View::Catalogue if self.focus == Focus::Tiers => &mut self.tier,
            View::Plan => &mut self.plan_row,
            View::Log => &mut self.log_row,
            View::Progress => &mut self.progress_row,
            View::Catalogue => &mut self.row,
        }
    }

    fn move_cursor(&mut self, to: impl FnOnce(usize, usize) -> usize) {
        let n = self.rows_in_view();
        let tiers_before = self.tier;
        let c = self.cursor();
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

    pub fn update(&mut self, action: Action) {
        let page = self.page.max(1);
        match action {
            Action::Quit => self.quit = true,
            Action::Back => {
                if self.view == View::Catalogue && self.focus == Focus::Listings {
                    self.focus = Focus::Tiers;
                } else {
                    self.message = Some(("Nothing to close: q quits.".into(), false));
                }
            }
            Action::RecordOther => self.overlay = Some(Overlay::Form(Form::other(self.today))),
            Action::RecordAssigned => self.overlay = Some(Overlay::Form(Form::assigned())),
            Action::RecordAssessment => {
                self.overlay = Some(Overlay::Form(Form::assessment(self.today)))
            }
            Action::NextView => self.view = View::ALL[(self.view.index() + 1) % 4],
            Action::PrevView => self.view = View::ALL[(self.view.index() + 3) % 4],
            Action::GoView(v) => self.view = v,
            Action::Up => self.move_cursor(|c, _| c.saturating_sub(1)),
            Action::Down => self.move_cursor(|c, _| c + 1),
            Action::PageUp => self.move_cursor(|c, _| c.saturating_sub(page)),
            Action::PageDown => self.move_cursor(|c, _| c + page),
            Action::Top => self.move_cursor(|_, _| 0),
            Action::Bottom => self.move_cursor(|_, n| n.saturating_sub(1)),
            Action::FocusLeft => self.focus = Focus::Tiers,
            Action::FocusRight => self.focus = Focus::Listings,
            Action::Open => match self.view {
                View::Catalogue if self.focus == Focus::Tiers => {
                    self.focus = Focus::Listings;
                    self.row = 0;
                }
                View::Progress if self.rows_in_view() > 0 => {
                    self.overlay = Some(Overlay::Requirement(self.progress_row));
                }
                _ => {
                    if let Some(c) = self.selected_course() {
                        self.overlay = Some(Overlay::Detail(c));
                    }
                }
            },
            Action::Search => {
                self.overlay = Some(Overlay::Search(SearchBox {
                    query: String::new(),
                    hits: Vec::new(),
                    selected: 0,
                    waiting: false,
                }))
            }
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::CycleCompetency => {
                self.competency = cycle(&Competency::ALL, self.competency);
                self.row = 0;
            }
            Action::CycleStatus => {
                self.listing_status = cycle(
                    &[ListingStatus::Mandatory, ListingStatus::Optional],
                    self.listing_status,
                );
                self.row = 0;
            }
            Action::RecordDone => match self.selected_course() {
                Some(c) if self.completed(c).is_some() => {
                    self.message = Some(("Already recorded: see the Log view (4).".into(), true))
                }
                Some(c) => {
                    self.overlay = Some(Overlay::Form(Form::completion(
                        c,
                        &self.catalogue.courses[c].title,
                        self.today,
                    )))
                }
                None => {
                    self.message =
                        Some(("Select a course first (→ to the course list).".into(), true))
                }
            },
            Action::ToggleShortlist => {
                if let Some(c) = self.selected_course() {
                    let on = !self.shortlisted(c);
                    match self
                        .store
                        .set_shortlisted(&self.catalogue.courses[c].key(), on)
                    {
                        Ok(()) => {
                            self.message = Some((
                                if on {
                                    "Added to your shortlist (Plan view, 3)."
                                } else {
                                    "Dropped from your shortlist."
                                }
                                .into(),
                                false,
                            ))
                        }
                        Err(e) => self.message = Some((e.0, true)),
                    }
                    self.reload();
                }
            }
            Action::Remove => {
                if let Some(c) = self.log_rows().get(self.log_row) {
                    self.overlay = Some(Overlay::ConfirmRemove(c.id));
                }
            }
            Action::EditProfile => {
                self.overlay = Some(Overlay::Form(Form::profile(self.snapshot.profile.as_ref())))
            }
        }
    }

    fn on_overlay_key(&mut self, key: KeyEvent) {
        let Some(overlay) = self.overlay.take() else {
            return;
        };
        self.overlay = match overlay {
            Overlay::Help => match key.code {
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('?') | KeyCode::Enter => {
                    self.covered.take()
                }
                _ => Some(overlay),
            },
            Overlay::Detail(_) | Overlay::ConfirmRemove(_) | Overlay::Requirement(_)
                if matches!(key.code, KeyCode::Char('?')) =>
            {
                self.covered = Some(overlay);
                Some(Overlay::Help)
            }
            Overlay::Requirement(_) => match key.code {
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Enter => None,
                _ => Some(overlay),
            },
            Overlay::Detail(_) => match key.code {
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Enter => None,
                KeyCode::Char('d') => {
                    self.overlay = Some(overlay);
                    if let Some(Overlay::Detail(c)) = self.overlay.take() {
                        if self.completed(c).is_none() {
                            self.overlay = Some(Overlay::Form(Form::completion(
                                c,
                                &self.catalogue.courses[c].title,
                                self.today,
                            )));
                            return;
                        }
                        Some(Overlay::Detail(c))
                    } else {
                        None
                    }
                }
                _ => Some(overlay),
            },
            Overlay::ConfirmRemove(id) => {
                if matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y')) {
                    match self.store.remove_completion(id) {
                        Ok(c) => self.message = Some((format!("Removed \"{}\".", c.title), false)),
                        Err(e) => self.message = Some((e.0, true)),
                    }
                    self.reload();
                    self.log_row = self.log_row.min(self.log_rows().len().saturating_sub(1));
                }
                None
            }
            // Closing may open another overlay (Enter in search opens the course).
            Overlay::Search(mut b) => {
                if self.on_search_key(&mut b, key) {
                    Some(Overlay::Search(b))
                } else {
                    self.overlay.take()
                }
            }
            Overlay::Form(mut f) => {
                if self.on_form_key(&mut f, key) {
                    Some(Overlay::Form(f))
                } else {
                    self.overlay.take()
                }
            }
        };
    }
}
