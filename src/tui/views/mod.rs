//! The views as data: one table gives each view its id, its digit, its own
//! keys, how it draws, its rows and cursor, the actions it handles itself,
//! and its own state. A new view is one new file (its `VIEW` id, `KEYS`,
//! `State` and functions) and one entry here: the app builds every view's
//! state from this table, and the keymap, footer and help read its keys.

use ratatui::layout::Rect;
use ratatui::Frame;
use std::any::Any;

use super::app::App;
use super::keymap::{Action, Binding};
use super::theme::Theme;
use crate::catalogue::CourseId;

/// A view's id: its tab label, which is also the name the saved UI state
/// remembers. Each view's file defines its own (`plan::VIEW`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct View(&'static str);

pub struct ViewEntry {
    pub id: View,
    /// The digit that opens it; the tabs show it before the label.
    pub key: char,
    /// Its own keys, which win over the global ones (`KEYS` in its file).
    pub keys: &'static [Binding],
    /// Its own state, made once when the dashboard starts.
    pub new_state: fn() -> Box<dyn Any>,
    /// Works out again what it shows from a fresh reading of the store
    /// (never per frame).
    pub refresh: fn(&mut App),
    pub render: fn(&mut Frame, Rect, &App, &Theme),
    pub rows: fn(&App) -> usize,
    /// The row the cursor keys move in this view.
    pub cursor: fn(&mut App) -> &mut usize,
    /// The actions this view answers itself; `false` leaves the action to
    /// the app's common handling.
    pub act: fn(&mut App, Action) -> bool,
    /// The course its selected row stands for: what d, s and Enter act on.
    pub course: fn(&App) -> Option<CourseId>,
}

/// Declares each view's file (`views/NAME.rs`) and its entry in `VIEWS`
/// at once, so a new view is that file and one line in the list below.
/// Every view's file gives the same items: `VIEW`, `KEYS`, `State`,
/// `refresh`, `render`, `rows`, `cursor`, `act` and `course`.
macro_rules! views {
    ($($key:literal => $view:ident),* $(,)?) => {
        $(pub mod $view;)*

        pub const VIEWS: &[ViewEntry] = &[$(ViewEntry {
            id: $view::VIEW,
            key: $key,
            keys: $view::KEYS,
            new_state: || Box::<$view::State>::default(),
            refresh: $view::refresh,
            render: $view::render,
            rows: $view::rows,
            cursor: $view::cursor,
            act: $view::act,
            course: $view::course,
        }),*];
    };
}

// The tabs, in order, with the digit that opens each.
views! {
    '1' => catalogue,
    '2' => progress,
    '3' => plan,
    '4' => log,
    '5' => roster,
}

/// Every view's own state, built from `VIEWS`; a view's file reaches its
/// own by its type (`app.views.get::<State>()`).
pub struct ViewStates(Vec<Box<dyn Any>>);

impl ViewStates {
    pub fn new() -> ViewStates {
        ViewStates(VIEWS.iter().map(|e| (e.new_state)()).collect())
    }

    pub fn get<S: 'static>(&self) -> &S {
        self.0
            .iter()
            .find_map(|s| s.downcast_ref())
            .expect("every view's state is made from its VIEWS entry")
    }

    pub fn get_mut<S: 'static>(&mut self) -> &mut S {
        self.0
            .iter_mut()
            .find_map(|s| s.downcast_mut())
            .expect("every view's state is made from its VIEWS entry")
    }
}

impl Default for ViewStates {
    fn default() -> ViewStates {
        ViewStates::new()
    }
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
    /// A view's id from its tab label.
    pub const fn named(label: &'static str) -> View {
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

    /// The tab's label, and the name the saved UI state remembers.
    pub fn name(self) -> &'static str {
        self.0
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
    fn each_view_has_a_state_of_its_own_type() {
        // Two views sharing a state type would read each other's cursor.
        let states = ViewStates::new();
        let types: std::collections::BTreeSet<_> =
            states.0.iter().map(|s| (**s).type_id()).collect();
        assert_eq!(types.len(), VIEWS.len(), "one state type per view");
    }
}
