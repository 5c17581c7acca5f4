//! The dashboard's state: what was read from the store (`Data`), every
//! view with its own state, the stack of popups, and the key dispatch.
//! Actions change it in `update.rs`; each popup takes its own keys.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::error::Error;
use std::path::Path;
use std::sync::Arc;

use super::data::Data;
use super::keymap::action_for;
use super::overlays::{Form, Help, Overlay, Then};
use super::portal_shelf::Shelf;
use super::roster_data::Roster;
use super::search_worker::SearchWorker;
use super::views::catalogue;
pub use super::views::View;
use super::views::Views;
use super::wording::{NoStatus, StoreFailure};
use crate::catalogue::portal::PortalSnapshot;
use crate::catalogue::{Catalogue, CourseId, Listing};
use crate::roster::cell_table::CellTableError;
use crate::roster::designations::Designations;
use crate::rules::engine::{evaluate, Inputs};
use crate::rules::fy::FinancialYear;
use crate::rules::record::Completion;
use crate::store::{Snapshot, Store, UiState};
use crate::units::lang::{Chosen, Lang};

/// A reading of the store, or why it failed (the shell's reading arrives
/// already worded, the dashboard's own as a `StoreFailure`).
pub type Read = Result<Snapshot, Box<dyn Error + Send + Sync>>;

pub struct App {
    /// What the dashboard read: every view and popup draws from it.
    pub data: Data,
    pub view: View,
    /// Every view, each with its own state.
    pub views: Views,
    /// The open popups, the top one last: it takes the keys.
    overlays: Vec<Box<dyn Overlay>>,
    pub message: Option<(String, bool)>,
    pub quit: bool,
    /// Ctrl-C ended the dashboard: the process exits 130, as after SIGINT.
    pub interrupted: bool,
    /// Rows the last frame showed in a list, for PgUp/PgDn.
    pub page: usize,
    pub(super) search: SearchWorker,
    /// The designations table the roster is read with (or why it cannot be).
    designations: Result<Designations, CellTableError>,
    /// The store's change marker when the snapshot was last read; `None`
    /// until the first check, which reloads once (the first snapshot was
    /// read before the marker could be).
    seen_change: Option<String>,
    /// The language the dashboard's key chose, kept in the store; a
    /// language given for one run (`--lang`) is not remembered.
    remembered_lang: Option<Lang>,
}

impl App {
    pub fn new(catalogue: Arc<Catalogue>, store: Store, today: NaiveDate) -> App {
        let first = store.snapshot().map_err(|e| StoreFailure(e).into());
        App::with_snapshot(catalogue, store, today, first, None)
    }

    /// `new`, with the store's contents already read (the shell reads them
    /// while the catalogue loads, so the first frame comes sooner), and the
    /// `--data DIR` whose `designations.toml` places the roster's officers.
    pub fn with_snapshot(
        catalogue: Arc<Catalogue>,
        store: Store,
        today: NaiveDate,
        first: Read,
        data: Option<&Path>,
    ) -> App {
        let designations = crate::roster::cell_table::designations(&catalogue, data);
        // A damaged snapshot is said once; the dashboard works without it.
        let (portal, portal_problem) = match crate::portal::load() {
            Ok(p) => (p, None),
            Err(e) => (None, Some(super::wording::portal_snapshot(&e))),
        };
        let search = SearchWorker::start(Arc::clone(&catalogue), portal_titles(portal.as_ref()));
        let shelf = Shelf::new(portal.as_ref());
        let mut app = App {
            data: Data {
                catalogue,
                store,
                today,
                snapshot: Snapshot::default(),
                status: Err(NoStatus::NoProfile),
                roster: Roster::default(),
                officer: None,
                portal,
                shelf,
                lang: Lang::En,
            },
            view: catalogue::VIEW,
            views: Views::default(),
            overlays: Vec::new(),
            message: None,
            quit: false,
            interrupted: false,
            page: 10,
            search,
            designations,
            seen_change: None,
            remembered_lang: None,
        };
        app.take_snapshot(first);
        app.restore_ui();
        if let Some(problem) = portal_problem {
            app.message = Some((problem, true));
        }
        if app.data.snapshot.profile.is_none() {
            app.view = catalogue::VIEW;
            app.open(Box::new(Form::profile(None)));
        }
        app
    }

    /// Shows `portal` instead of the snapshot the cache held: the Catalogue
    /// view's shelf and the search box both (tests, and a sync to come).
    pub fn use_portal(&mut self, portal: Option<PortalSnapshot>) {
        self.search = SearchWorker::start(
            Arc::clone(&self.data.catalogue),
            portal_titles(portal.as_ref()),
        );
        self.data.shelf = Shelf::new(portal.as_ref());
        self.data.portal = portal;
        let view: &mut dyn crate::tui::views::Component = &mut self.views.catalogue;
        view.move_cursor(&self.data, &|c, _| c);
    }

    /// Reads the store again (opened and closed at once) and re-evaluates.
    pub fn reload(&mut self) {
        // The marker first: a write landing between the two readings then
        // shows as a change on the next check, never as a missed one.
        self.seen_change = self.data.store.change_marker();
        let read = self
            .data
            .store
            .snapshot()
            .map_err(|e| StoreFailure(e).into());
        self.take_snapshot(read);
        // Every view's cursor stays on a row that still exists.
        for view in self.views.all_mut() {
            view.move_cursor(&self.data, &|c, _| c);
        }
    }

    /// Reloads when another process (a shell `karmadash done`) wrote to the
    /// store since the last reading; returns whether it did. One small file
    /// read, no sled open, so the event loop may call it on every wake-up.
    pub fn notice_changes(&mut self) -> bool {
        let now = self.data.store.change_marker();
        if now.is_none() || now == self.seen_change {
            return false;
        }
        self.reload();
        true
    }

    /// Takes a read of the store (or says why it failed) and re-evaluates,
    /// the roster's officers too, and every view: never per frame.
    fn take_snapshot(&mut self, read: Read) {
        match read {
            Ok(s) => self.data.snapshot = s,
            Err(e) => self.message = Some((e.to_string(), true)),
        }
        let d = &mut self.data;
        d.roster = match &self.designations {
            Ok(table) => Roster::read(&d.catalogue, &d.store, table, d.today),
            Err(why) => Roster::failed(why.to_string()),
        };
        if let Some(shown) = &d.officer {
            d.officer = d.roster.progress_of(&shown.id, d.today);
        }
        d.status = match &d.snapshot.profile {
            None => Err(NoStatus::NoProfile),
            Some(profile) => evaluate(
                &Inputs::from_records(&d.catalogue, profile, d.snapshot.records(), d.today),
                FinancialYear::containing(d.today),
            )
            .map_err(NoStatus::Tier),
        };
        for view in self.views.all_mut() {
            view.refresh(&self.data);
        }
    }

    fn restore_ui(&mut self) {
        let ui = self.data.snapshot.ui.clone();
        self.remembered_lang = ui.lang.as_deref().and_then(|l| l.parse().ok());
        if let Some(lang) = self.remembered_lang {
            self.data.lang = lang;
        }
        if let Some(v) = ui
            .view
            .as_deref()
            .and_then(|v| View::all().find(|x| x.name() == v))
        {
            self.view = v;
        }
        let mine = self
            .data
            .status
            .as_ref()
            .ok()
            .and_then(|s| s.tier.id.clone());
        self.views
            .catalogue
            .restore(&self.data.catalogue, &ui, mine.as_deref());
    }

    pub fn ui_state(&self) -> UiState {
        let mut ui = UiState {
            view: Some(self.view.name().to_string()),
            lang: self.remembered_lang.map(|l| l.code().to_string()),
            ..UiState::default()
        };
        self.views.catalogue.remember(&self.data.catalogue, &mut ui);
        ui
    }

    /// Saves the remembered view and filters (on the way out).
    pub fn save_ui(&self) {
        let _ = self.data.store.set_ui(&self.ui_state());
    }

    /// The language to open in: one asked for this run (`--lang`,
    /// `KARMADASH_LANG`) wins; else the one the dashboard remembers; else
    /// the locale's.
    pub fn open_in(&mut self, chosen: Chosen) {
        self.data.lang = match self.remembered_lang {
            Some(remembered) if !chosen.explicit() => remembered,
            _ => chosen.lang,
        };
    }

    /// Switches the language (the `L` key) and remembers it.
    pub fn switch_lang(&mut self) {
        let next = self.data.lang.next();
        self.data.lang = next;
        self.remembered_lang = Some(next);
    }

    /// The Catalogue view's tier.
    pub fn tier_id(&self) -> &str {
        self.views.catalogue.tier_id(&self.data.catalogue)
    }

    /// The listings the Catalogue view shows, filters applied.
    pub fn visible_listings(&self) -> Vec<&Listing> {
        self.views.catalogue.visible(&self.data.catalogue)
    }

    /// Completions of the FY, newest first, as the Log view lists them.
    pub fn log_rows(&self) -> Vec<&Completion> {
        self.data.log_rows()
    }

    /// The course the current view's selected row stands for.
    pub fn selected_course(&self) -> Option<CourseId> {
        self.views.get(self.view).course(&self.data)
    }

    pub(super) fn move_cursor(&mut self, to: impl Fn(usize, usize) -> usize) {
        self.views.get_mut(self.view).move_cursor(&self.data, &to);
    }

    /// Opens a popup over whatever is shown.
    pub fn open(&mut self, overlay: Box<dyn Overlay>) {
        self.overlays.push(overlay);
    }

    /// The open popups, the top one last.
    pub fn overlays(&self) -> impl Iterator<Item = &dyn Overlay> {
        self.overlays.iter().map(|o| o.as_ref())
    }

    /// The top popup, if it is a `T` (for the tests).
    pub fn overlay<T: 'static>(&self) -> Option<&T> {
        self.overlays.last()?.as_any().downcast_ref()
    }

    /// Takes any search results that arrived, for a search box wherever it
    /// lies in the stack; returns whether some did (the screen changes).
    pub fn poll_search(&mut self) -> bool {
        let mut came = false;
        for o in &mut self.overlays {
            came |= o.receive(&self.search, false);
        }
        came
    }

    /// Blocks until the search answers (tests and screenshots).
    pub fn wait_search(&mut self) {
        for o in &mut self.overlays {
            o.receive(&self.search, true);
        }
    }

    /// Handles one key press: the top popup's, or the view's.
    pub fn on_key(&mut self, key: KeyEvent) {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            self.interrupted = true;
            return;
        }
        let Some(mut top) = self.overlays.pop() else {
            self.message = None;
            if let Some(action) = action_for(self.view, &key) {
                self.update(action);
            }
            return;
        };
        // Esc closes the top popup, whatever it is; what lies under it
        // comes back as it was.
        if key.code == KeyCode::Esc {
            top.cancel(self);
            return;
        }
        if top.opens_help(&key) {
            let keys = top.keys();
            self.overlays.push(top);
            self.open(Box::new(Help::over(Some(keys))));
            return;
        }
        match top.on_key(key, self) {
            Then::Stay => self.overlays.push(top),
            Then::Close => {}
            Then::Replace(next) => self.overlays.push(next),
        }
    }
}

/// The portal's course titles, in the snapshot's order, for the search box.
fn portal_titles(portal: Option<&PortalSnapshot>) -> Vec<String> {
    portal.map_or_else(Vec::new, |p| {
        p.courses.iter().map(|c| c.name.clone()).collect()
    })
}
