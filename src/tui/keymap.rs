//! The keymap as data: one table drives dispatch, the footer and the `?`
//! overlay, so they cannot drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::Overlay;
use super::views::View;
use super::{view_catalogue, view_log, view_plan, view_progress, view_roster};

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
    FindOfficer,
    /// Esc on the main screen: closes what is open (nothing quits on Esc).
    Back,
}

/// Where a binding works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    View(View),
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub label: &'static str,
    pub help: &'static str,
    pub action: Action,
    /// The footer's word for it; empty: not in the footer.
    pub hint: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

macro_rules! b {
    ($scope:expr, [$($k:expr),+], $label:expr, $help:expr, $action:expr, $hint:expr) => {
        Binding { scope: $scope, keys: &[$($k),+], label: $label, help: $help, action: $action, hint: $hint }
    };
}

use KeyCode::*;

pub const BINDINGS: &[Binding] = &[
    b!(
        Scope::View(view_catalogue::VIEW),
        [(Left, NONE), (Char('h'), NONE)],
        "←/h",
        "focus the tier list",
        Action::FocusLeft,
        ""
    ),
    b!(
        Scope::View(view_catalogue::VIEW),
        [(Right, NONE), (Char('l'), NONE)],
        "→/l",
        "focus the course list",
        Action::FocusRight,
        ""
    ),
    b!(
        Scope::View(view_catalogue::VIEW),
        [(Enter, NONE)],
        "Enter",
        "course details: every tier and order that lists it",
        Action::Open,
        "details"
    ),
    b!(
        Scope::View(view_catalogue::VIEW),
        [(Char('c'), NONE)],
        "c",
        "competency filter: all, behavioural, functional, domain",
        Action::CycleCompetency,
        "B/F/D"
    ),
    b!(
        Scope::View(view_catalogue::VIEW),
        [(Char('m'), NONE)],
        "m",
        "status filter: all, mandatory, optional",
        Action::CycleStatus,
        "M/O"
    ),
    b!(
        Scope::View(view_catalogue::VIEW),
        [(Char('d'), NONE)],
        "d",
        "record the selected course as done",
        Action::RecordDone,
        "done"
    ),
    b!(
        Scope::View(view_catalogue::VIEW),
        [(Char('s'), NONE)],
        "s",
        "add to or drop from your shortlist",
        Action::ToggleShortlist,
        "list"
    ),
    b!(
        Scope::View(view_progress::VIEW),
        [(Enter, NONE)],
        "Enter",
        "the requirement's full text and the order that imposes it",
        Action::Open,
        "full text"
    ),
    b!(
        Scope::View(view_plan::VIEW),
        [(Char('d'), NONE)],
        "d",
        "record the selected course as done",
        Action::RecordDone,
        "done"
    ),
    b!(
        Scope::View(view_plan::VIEW),
        [(Char('s'), NONE)],
        "s",
        "add the selected course to your shortlist, or drop it; the total follows",
        Action::ToggleShortlist,
        "list"
    ),
    b!(
        Scope::View(view_plan::VIEW),
        [(Enter, NONE)],
        "Enter",
        "the selected step's requirement in full, or the course's details",
        Action::Open,
        "details"
    ),
    b!(
        Scope::View(view_log::VIEW),
        [(Char('x'), NONE), (Delete, NONE)],
        "x/Del",
        "remove the selected completion",
        Action::Remove,
        "remove"
    ),
    b!(
        Scope::View(view_roster::VIEW),
        [(Enter, NONE)],
        "Enter",
        "the selected officer's Progress, read-only (Esc: back)",
        Action::Open,
        "progress"
    ),
    b!(
        Scope::View(view_roster::VIEW),
        [(Char('t'), NONE)],
        "t",
        "tier filter: all, then each tier in the roster",
        Action::CycleTier,
        "tier"
    ),
    b!(
        Scope::View(view_roster::VIEW),
        [(Char('v'), NONE)],
        "v",
        "verdict filter: all, needing action, then each verdict",
        Action::CycleVerdict,
        "verdict"
    ),
    b!(
        Scope::View(view_roster::VIEW),
        [(Char('/'), NONE)],
        "/",
        "find officers by name or e-mail",
        Action::FindOfficer,
        "find"
    ),
    b!(
        Scope::Global,
        [(Char('/'), NONE)],
        "/",
        "search every course",
        Action::Search,
        "search"
    ),
    b!(
        Scope::Global,
        [(Tab, NONE)],
        "Tab",
        "next view",
        Action::NextView,
        "view"
    ),
    b!(
        Scope::Global,
        [(BackTab, SHIFT), (BackTab, NONE)],
        "S-Tab",
        "previous view",
        Action::PrevView,
        ""
    ),
    // The digits of the views table (views.rs): matched by `action_for`,
    // spelled out by the help from the table, so a new view needs no entry.
    Binding {
        scope: Scope::Global,
        keys: &[],
        label: "",
        help: "",
        action: Action::GoView(view_catalogue::VIEW),
        hint: "",
    },
    b!(
        Scope::Global,
        [(Up, NONE), (Char('k'), NONE)],
        "↑/k",
        "move up",
        Action::Up,
        ""
    ),
    b!(
        Scope::Global,
        [(Down, NONE), (Char('j'), NONE)],
        "↓/j",
        "move down",
        Action::Down,
        ""
    ),
    b!(
        Scope::Global,
        [(PageUp, NONE)],
        "PgUp",
        "page up",
        Action::PageUp,
        ""
    ),
    b!(
        Scope::Global,
        [(PageDown, NONE)],
        "PgDn",
        "page down",
        Action::PageDown,
        ""
    ),
    b!(
        Scope::Global,
        [(Char('g'), NONE), (Home, NONE)],
        "g",
        "first row",
        Action::Top,
        ""
    ),
    b!(
        Scope::Global,
        [(Char('G'), SHIFT), (Char('G'), NONE), (End, NONE)],
        "G",
        "last row",
        Action::Bottom,
        ""
    ),
    b!(
        Scope::Global,
        [(Char('p'), NONE)],
        "p",
        "edit your profile (service, tier, iGOT registration date)",
        Action::EditProfile,
        ""
    ),
    b!(
        Scope::Global,
        [(Char('o'), NONE)],
        "o",
        "record a course outside the lists (own choice, any iGOT course)",
        Action::RecordOther,
        ""
    ),
    b!(
        Scope::Global,
        [(Char('a'), NONE)],
        "a",
        "record a course assigned to you, with its due date",
        Action::RecordAssigned,
        ""
    ),
    b!(
        Scope::Global,
        [(Char('e'), NONE)],
        "e",
        "record the comprehensive assessment you passed",
        Action::RecordAssessment,
        ""
    ),
    b!(
        Scope::Global,
        [(Char('?'), NONE), (Char('?'), SHIFT), (F(1), NONE)],
        "?",
        "this help (F1 too, and in the search box and forms)",
        Action::Help,
        "help"
    ),
    b!(
        Scope::Global,
        [(Esc, NONE)],
        "Esc",
        "close a popup or go back; never quits",
        Action::Back,
        ""
    ),
    b!(
        Scope::Global,
        [(Char('q'), NONE)],
        "q",
        "quit",
        Action::Quit,
        "quit"
    ),
    b!(
        Scope::Global,
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

/// The keys of each popup, for the footer and for `?` over the popup.
pub fn popup_keys(overlay: &Overlay) -> &'static [(&'static str, &'static str)] {
    match overlay {
        Overlay::Search(_) => &[
            ("type", "search"),
            ("↑↓", "choose"),
            ("Enter", "go to course"),
            ("F1", "help"),
            ("Esc", "cancel"),
        ],
        Overlay::Form(_) => &[
            ("Tab", "next field"),
            ("Enter", "save"),
            ("F1", "help"),
            ("Esc", "cancel"),
        ],
        Overlay::ConfirmRemove(_) => &[("y", "remove"), ("?", "help"), ("other", "keep")],
        Overlay::Detail(_) => &[("d", "record done"), ("?", "help"), ("Esc", "close")],
        Overlay::Requirement(_) => &[("?", "help"), ("Esc", "close")],
        Overlay::FindOfficer => &[
            ("type", "find"),
            ("Enter", "keep"),
            ("F1", "help"),
            ("Esc", "clear"),
        ],
        Overlay::Help => &[("Esc", "close help")],
    }
}

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
    BINDINGS
        .iter()
        .filter(|b| b.scope == Scope::View(view))
        .chain(BINDINGS.iter().filter(|b| b.scope == Scope::Global))
        .find(|b| matches(b, key))
        .map(|b| b.action)
}

/// The bindings that work in a view, view-specific first; a global binding
/// whose key the view takes for itself (`/` in the Roster) is left out.
pub fn bindings_for(view: View) -> impl Iterator<Item = &'static Binding> {
    let own = move || {
        BINDINGS
            .iter()
            .filter(move |b| b.scope == Scope::View(view))
    };
    own().chain(
        BINDINGS
            .iter()
            .filter(|b| b.scope == Scope::Global)
            .filter(move |b| !b.keys.iter().any(|k| own().any(|o| o.keys.contains(k)))),
    )
}
