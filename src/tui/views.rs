//! The views as data: one table gives each view its id, its key, its tab
//! label, how it draws, how many rows it has, its cursor and the actions it
//! handles itself. A new view is one new file and one entry here.

use ratatui::layout::Rect;
use ratatui::Frame;

use super::app::App;
use super::keymap::Action;
use super::theme::Theme;
use super::{view_catalogue, view_log, view_plan, view_progress, view_roster};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Catalogue,
    Progress,
    Plan,
    Log,
    Roster,
}

pub struct ViewEntry {
    pub id: View,
    /// The digit that opens it; the tabs show it before the label.
    pub key: char,
    /// The tab's label, and the name the saved UI state remembers.
    pub label: &'static str,
    pub render: fn(&mut Frame, Rect, &App, &Theme),
    pub rows: fn(&App) -> usize,
    /// The row the cursor keys move in this view.
    pub cursor: fn(&mut App) -> &mut usize,
    /// The actions this view answers itself; `false` leaves the action to
    /// the app's common handling.
    pub act: fn(&mut App, Action) -> bool,
}

pub const VIEWS: &[ViewEntry] = &[
    ViewEntry {
        id: View::Catalogue,
        key: '1',
        label: "Catalogue",
        render: view_catalogue::render,
        rows: view_catalogue::rows,
        cursor: view_catalogue::cursor,
        act: view_catalogue::act,
    },
    ViewEntry {
        id: View::Progress,
        key: '2',
        label: "Progress",
        render: view_progress::render,
        rows: view_progress::rows,
        cursor: view_progress::cursor,
        act: view_progress::act,
    },
    ViewEntry {
        id: View::Plan,
        key: '3',
        label: "Plan",
        render: view_plan::render,
        rows: view_plan::rows,
        cursor: view_plan::cursor,
        act: view_plan::act,
    },
    ViewEntry {
        id: View::Log,
        key: '4',
        label: "Log",
        render: view_log::render,
        rows: view_log::rows,
        cursor: view_log::cursor,
        act: view_log::act,
    },
    ViewEntry {
        id: View::Roster,
        key: '5',
        label: "Roster",
        render: view_roster::render,
        rows: view_roster::rows,
        cursor: view_roster::cursor,
        act: view_roster::act,
    },
];

impl View {
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

    pub fn name(self) -> &'static str {
        self.entry().label
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
}
