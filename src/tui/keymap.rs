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
    /// Hindi or English, live; the store remembers the choice.
    SwitchLanguage,
    /// Esc on the main screen: closes what is open (nothing quits on Esc).
    Back,
}

/// A key of the dashboard: the global ones are in `BINDINGS` below, a
/// view's own in its file (its `KEYS`, listed in the views table).
pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub label: &'static str,
    /// The help's words for it: a message id (`tui-help-...`, data/i18n).
    pub help: &'static str,
    pub action: Action,
    /// The footer's word for it, a message id (`tui-hint-...`); empty:
    /// not in the footer.
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
    "tui-help-record-the-selected-course-as",
    Action::RecordDone,
    "tui-hint-done"
);

use KeyCode::*;

pub const BINDINGS: &[Binding] = &[
    b!(
        [(Char('/'), NONE)],
        "/",
        "tui-help-search-every-course",
        Action::Search,
        "tui-hint-search"
    ),
    b!(
        [(Tab, NONE)],
        "Tab",
        "tui-help-next-view",
        Action::NextView,
        "tui-hint-view"
    ),
    b!(
        [(BackTab, SHIFT), (BackTab, NONE)],
        "S-Tab",
        "tui-help-previous-view",
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
        "tui-help-move-up",
        Action::Up,
        ""
    ),
    b!(
        [(Down, NONE), (Char('j'), NONE)],
        "↓/j",
        "tui-help-move-down",
        Action::Down,
        ""
    ),
    b!(
        [(PageUp, NONE)],
        "PgUp",
        "tui-help-page-up",
        Action::PageUp,
        ""
    ),
    b!(
        [(PageDown, NONE)],
        "PgDn",
        "tui-help-page-down",
        Action::PageDown,
        ""
    ),
    b!(
        [(Char('g'), NONE), (Home, NONE)],
        "g",
        "tui-help-first-row",
        Action::Top,
        ""
    ),
    b!(
        [(Char('G'), SHIFT), (Char('G'), NONE), (End, NONE)],
        "G",
        "tui-help-last-row",
        Action::Bottom,
        ""
    ),
    b!(
        [(Char('p'), NONE)],
        "p",
        "tui-help-edit-your-profile-service-tier",
        Action::EditProfile,
        ""
    ),
    b!(
        [(Char('o'), NONE)],
        "o",
        "tui-help-record-a-course-outside-the",
        Action::RecordOther,
        ""
    ),
    b!(
        [(Char('a'), NONE)],
        "a",
        "tui-help-record-a-course-assigned-to",
        Action::RecordAssigned,
        ""
    ),
    b!(
        [(Char('e'), NONE)],
        "e",
        "tui-help-record-the-comprehensive-assessment-you",
        Action::RecordAssessment,
        ""
    ),
    b!(
        [(Char('L'), SHIFT), (Char('L'), NONE)],
        "L",
        "tui-help-switch-language",
        Action::SwitchLanguage,
        "tui-hint-language"
    ),
    b!(
        [(Char('?'), NONE), (Char('?'), SHIFT), (F(1), NONE)],
        "?",
        "tui-help-this-help-f1-too-and",
        Action::Help,
        "tui-hint-help"
    ),
    b!(
        [(Esc, NONE)],
        "Esc",
        "tui-help-close-a-popup-or-go",
        Action::Back,
        ""
    ),
    b!(
        [(Char('q'), NONE)],
        "q",
        "tui-help-quit",
        Action::Quit,
        "tui-hint-quit"
    ),
    b!(
        [(Char('c'), CTRL)],
        "Ctrl-C",
        "tui-help-works-everywhere-even-in-search",
        Action::Quit,
        ""
    ),
];

/// Keys inside the search box and forms (they take text, so they are not
/// in the table above), each with the message id of its words.
pub const TEXT_KEYS: &[(&str, &str)] = &[
    ("type", "tui-hint-narrow-fill"),
    ("↑↓", "tui-hint-choose"),
    ("Tab", "tui-hint-next-field"),
    ("Enter", "tui-hint-go-to-course-save"),
    ("F1", "tui-hint-help"),
    ("Esc", "tui-hint-cancel"),
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
