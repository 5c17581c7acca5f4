//! The keymap as data: one table drives dispatch, the footer and the `?`
//! overlay, so they cannot drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::views::catalogue;
use super::views::View;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextView,
    PrevView,
    GoView(View),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    FocusLeft,
    FocusRight,
    Open,
    Search,
    Help,
    CycleCompetency,
    CycleStatus,
    RecordDone,
    ToggleShortlist,
    Remove,
    EditProfile,
    RecordOther,
    RecordAssigned,
    RecordAssessment,
    CycleTier,
    CycleVerdict,
    CycleDepartment,
    FindOfficer,
    ExemptOfficer,
    /// Esc on the main screen: closes what is open (nothing quits on Esc).
    Back,
}

/// A key of the dashboard: the global ones are in `BINDINGS` below, a
/// view's own in its file (its `KEYS`, listed in the views table).
pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub label: &'static str,
    pub help: &'static str,
    pub action: Action,
    /// The footer's word for it; empty: not in the footer.
    pub hint: &'static str,
}

pub const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

macro_rules! b {
    ([$($k:expr),+], $label:expr, $help:expr, $action:expr, $hint:expr) => {
        $crate::tui::keymap::Binding { keys: &[$($k),+], label: $label, help: $help, action: $action, hint: $hint }
    };
}
pub(super) use b;

/// `d` on a selected course, in every view that lists courses.
pub const RECORD_DONE: Binding = b!(
    [(KeyCode::Char('d'), NONE)],
    "d",
    "record the selected course as done",
    Action::RecordDone,
    "done"
);

use KeyCode::*;

pub const BINDINGS: &[Binding] = &[
    b!(
        [(Char('/'), NONE)],
        "/",
        "search every course",
        Action::Search,
        "search"
    ),
    b!([(Tab, NONE)], "Tab", "next view", Action::NextView, "view"),
    b!(
        [(BackTab, SHIFT), (BackTab, NONE)],
        "S-Tab",
        "previous view",
        Action::PrevView,
        ""
    ),
    // The digits of the views table (views.rs): matched by `action_for`,
    // spelled out by the help from the table, so a new view needs no entry.
    Binding {
        keys: &[],
        label: "",
        help: "",
        action: Action::GoView(catalogue::VIEW),
        hint: "",
    },
    b!(
        [(Up, NONE), (Char('k'), NONE)],
        "↑/k",
        "move up",
        Action::Up,
        ""
    ),
    b!(
        [(Down, NONE), (Char('j'), NONE)],
        "↓/j",
        "move down",
        Action::Down,
        ""
    ),
    b!([(PageUp, NONE)], "PgUp", "page up", Action::PageUp, ""),
    b!(
        [(PageDown, NONE)],
        "PgDn",
        "page down",
        Action::PageDown,
        ""
    ),
    b!(
        [(Char('g'), NONE), (Home, NONE)],
        "g",
        "first row",
        Action::Top,
        ""
    ),
    b!(
        [(Char('G'), SHIFT), (Char('G'), NONE), (End, NONE)],
        "G",
        "last row",
        Action::Bottom,
        ""
    ),
    b!(
        [(Char('p'), NONE)],
        "p",
        "edit your profile (service, tier, iGOT registration date)",
        Action::EditProfile,
        ""
    ),
    b!(
        [(Char('o'), NONE)],
        "o",
        "record a course outside the lists (own choice, any iGOT course)",
        Action::RecordOther,
        ""
    ),
    b!(
        [(Char('a'), NONE)],
        "a",
        "record a course assigned to you, with its due date",
        Action::RecordAssigned,
        ""
    ),
    b!(
        [(Char('e'), NONE)],
        "e",
        "record the comprehensive assessment you passed",
        Action::RecordAssessment,
        ""
    ),
    b!(
        [(Char('?'), NONE), (Char('?'), SHIFT), (F(1), NONE)],
        "?",
        "this help (F1 too, and in the search box and forms)",
        Action::Help,
        "help"
    ),
    b!(
        [(Esc, NONE)],
        "Esc",
        "close a popup or go back; never quits",
        Action::Back,
        ""
    ),
    b!([(Char('q'), NONE)], "q", "quit", Action::Quit, "quit"),
    b!(
        [(Char('c'), CTRL)],
        "Ctrl-C",
        "works everywhere, even in search and forms",
        Action::Quit,
        ""
    ),
];

/// Keys inside the search box and forms (they take text, so they are not in the table above).
pub const TEXT_KEYS: &[(&str, &str)] = &[
    ("type", "narrow / fill"),
    ("↑↓", "choose"),
    ("Tab", "next field"),
    ("Enter", "go to course / save"),
    ("F1", "help"),
    ("Esc", "cancel"),
];

fn matches(binding: &Binding, key: &KeyEvent) -> bool {
    binding.keys.iter().any(|(code, mods)| {
        *code == key.code
            && (*mods == key.modifiers
                || (key.modifiers == SHIFT
                    && matches!(code, Char(_))
                    && *mods == NONE
                    && *code != Char('c')))
    })
}

/// The action a key means in a view; view bindings win over global ones.
pub fn action_for(view: View, key: &KeyEvent) -> Option<Action> {
    if key.code == Char('c') && key.modifiers.contains(CTRL) {
        return Some(Action::Quit);
    }
    if let (Char(digit), NONE | SHIFT) = (key.code, key.modifiers) {
        if let Some(to) = View::for_key(digit) {
            return Some(Action::GoView(to));
        }
    }
    view.entry()
        .keys
        .iter()
        .chain(BINDINGS)
        .find(|b| matches(b, key))
        .map(|b| b.action)
}

/// The bindings that work in a view, view-specific first; a global binding
/// whose key the view takes for itself (`/` in the Roster) is left out.
pub fn bindings_for(view: View) -> impl Iterator<Item = &'static Binding> {
    let own = view.entry().keys;
    own.iter().chain(BINDINGS.iter().filter(move |b| {
        !b.keys
            .iter()
            .any(|k| own.iter().any(|o| o.keys.contains(k)))
    }))
}
