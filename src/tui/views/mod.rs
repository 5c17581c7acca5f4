//! The views: each is a type that owns its state (its cursor, filters and
//! what it worked out from the store) and implements `Component`, as
//! gitui's components do. A new view is one new file (its `VIEW` id, its
//! `KEYS`, and a type implementing `Component` and `Default`) and one line
//! in the list below: the app holds every view from that list, and the
//! keymap, tabs, footer and help read its keys from it.

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::Frame;

use super::data::Data;
use super::keymap::{Action, Binding};
use super::overlays::Overlay;
use super::theme::Theme;
use crate::catalogue::CourseId;
use crate::i18n::{tr, Lang};
use crate::roster::OfficerId;

/// What a view is: how it draws, the rows its cursor moves over, what it
/// works out again from a fresh reading of the store, and its answer to
/// an action. It reads what the dashboard read (`Data`) and changes only
/// itself; anything beyond itself it asks of the app in its `Reply`.
pub trait Component {
    fn draw(&self, f: &mut Frame, area: Rect, data: &Data, theme: &Theme);

    /// Works out again what it shows from a fresh reading of the store
    /// (never per frame).
    fn refresh(&mut self, _data: &Data) {}

    /// How many rows its cursor moves over.
    fn rows(&self, data: &Data) -> usize;

    /// The row the cursor keys move.
    fn cursor(&mut self) -> &mut usize;

    /// Moves the cursor to `to(cursor, rows)`, kept on a row that exists.
    fn move_cursor(&mut self, data: &Data, to: &dyn Fn(usize, usize) -> usize) {
        let n = self.rows(data);
        let c = self.cursor();
        *c = if n == 0 { 0 } else { to(*c, n).min(n - 1) };
    }

    /// Its answer to an action; `Reply::Pass` leaves the action to the
    /// app's common handling.
    fn act(&mut self, action: Action, data: &Data) -> Reply;

    /// The course its selected row stands for: what d, s and Enter act on.
    fn course(&self, _data: &Data) -> Option<CourseId> {
        None
    }
}

/// A view's answer to an action: done, not its own, or done and asking
/// the app for what lies outside the view (as gitui's queue of events).
pub enum Reply {
    /// Not this view's action: the app's common handling applies.
    Pass,
    Done,
    /// Opens a popup over the view.
    Open(Box<dyn Overlay>),
    GoTo(View),
    /// A sentence on the status line, as an error.
    Refuse(String),
    /// Adds the selected course to the shortlist or drops it.
    ToggleShortlist,
    /// Opens a roster officer's Progress, read-only.
    ShowOfficer(OfficerId),
}

/// A view's id: its tab label, which is also the name the saved UI state
/// remembers. Each view's file defines its own (`plan::VIEW`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct View(&'static str);

/// What the tabs, keymap and help know of a view without its state.
pub struct ViewEntry {
    pub id: View,
    /// The digit that opens it; the tabs show it before the label.
    pub key: char,
    /// Its own keys, which win over the global ones (`KEYS` in its file).
    pub keys: &'static [Binding],
}

/// Declares each view's file (`views/NAME.rs`), its entry in `VIEWS` and
/// its place in `Views` at once, so a new view is that file and one line
/// in the list below.
macro_rules! views {
    ($($key:literal => $view:ident :: $kind:ident),* $(,)?) => {
        $(pub mod $view;)*

        pub const VIEWS: &[ViewEntry] = &[$(ViewEntry {
            id: $view::VIEW,
            key: $key,
            keys: $view::KEYS,
        }),*];

        /// Every view, each with its own state.
        #[derive(Default)]
        pub struct Views {
            $(pub $view: $view::$kind,)*
        }

        impl Views {
            pub fn get(&self, id: View) -> &dyn Component {
                $(if id == $view::VIEW { return &self.$view; })*
                unreachable!("a view id comes from VIEWS")
            }

            pub fn get_mut(&mut self, id: View) -> &mut dyn Component {
                $(if id == $view::VIEW { return &mut self.$view; })*
                unreachable!("a view id comes from VIEWS")
            }

            pub fn all_mut(&mut self) -> Vec<&mut dyn Component> {
                vec![$(&mut self.$view as &mut dyn Component),*]
            }
        }
    };
}

// The tabs, in order, with the digit that opens each.
views! {
    '1' => catalogue::CatalogueView,
    '2' => progress::ProgressView,
    '3' => plan::PlanView,
    '4' => log::LogView,
    '5' => roster::RosterView,
}

#[allow(non_upper_case_globals)] // read as the names of the tabs
impl View {
    // The built-in views by name, for the tests (inside the dashboard each
    // view's file names its own); a new view needs none of these.
    pub const Catalogue: View = catalogue::VIEW;
    pub const Progress: View = progress::VIEW;
    pub const Plan: View = plan::VIEW;
    pub const Log: View = log::VIEW;
    pub const Roster: View = roster::VIEW;
}

impl View {
    /// A view's id from its tab label (each view's file makes its own).
    pub(super) const fn named(label: &'static str) -> View {
        View(label)
    }

    /// Every view, in the order of the tabs.
    pub fn all() -> impl Iterator<Item = View> {
        VIEWS.iter().map(|e| e.id)
    }

    pub fn entry(self) -> &'static ViewEntry {
        VIEWS
            .iter()
            .find(|e| e.id == self)
            .expect("every view has an entry in VIEWS")
    }

    /// The view's id: the English tab label, and the name the saved UI
    /// state remembers (the same in every language).
    pub fn name(self) -> &'static str {
        self.0
    }

    /// The tab's label in `lang` (message `tui-view-NAME`).
    pub fn label(self, lang: Lang) -> String {
        tr(lang, &format!("tui-view-{}", self.0.to_lowercase()), &[])
    }

    pub fn index(self) -> usize {
        VIEWS.iter().position(|e| e.id == self).expect("listed")
    }

    /// The view `steps` tabs away, wrapping round at either end.
    pub fn step(self, steps: isize) -> View {
        let n = VIEWS.len() as isize;
        VIEWS[(self.index() as isize + steps).rem_euclid(n) as usize].id
    }

    /// The view a digit key opens.
    pub fn for_key(key: char) -> Option<View> {
        VIEWS.iter().find(|e| e.key == key).map(|e| e.id)
    }
}

/// A key typed into a text box, as the find box and forms read it: a
/// character to add, a character to take away, or neither.
pub(super) fn typed(key: &KeyEvent) -> Option<char> {
    use crossterm::event::{KeyCode, KeyModifiers};
    match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_view_has_one_entry_and_its_own_key() {
        let ids: Vec<View> = View::all().collect();
        for (i, v) in ids.iter().enumerate() {
            assert_eq!(v.index(), i, "{v:?} listed once");
            assert_eq!(View::for_key(v.entry().key), Some(*v));
        }
        assert_eq!(View::Catalogue.step(-1), *ids.last().expect("views"));
        assert_eq!(ids.last().expect("views").step(1), View::Catalogue);
    }

    #[test]
    fn each_view_id_reaches_its_own_view() {
        // Two ids reaching one view would share a cursor.
        let mut views = Views::default();
        let n = views.all_mut().len();
        assert_eq!(n, VIEWS.len(), "one view per entry");
        let mut seen = std::collections::BTreeSet::new();
        for v in View::all() {
            let at = views.get(v) as *const dyn Component as *const u8 as usize;
            assert!(seen.insert(at), "{v:?} shares its view");
        }
    }
}
