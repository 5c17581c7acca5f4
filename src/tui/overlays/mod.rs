//! The popups over a view: each is a type in a file of its own that
//! implements `Overlay`, and the app keeps them on a stack, so help over a
//! form over a view is natural: Esc closes the top one and what lies under
//! it comes back as it was. A new popup is one new file and one line below;
//! whoever opens it (a view's `Reply::Open`, a key) makes it.

mod confirm_remove;
mod detail;
mod exempt_officer;
mod find_officer;
mod form;
mod form_submit;
mod help;
mod requirement;
mod scroll;
mod search;

pub use confirm_remove::ConfirmRemove;
pub use detail::Detail;
pub use exempt_officer::ExemptOfficer;
pub use find_officer::FindOfficer;
pub use form::{Form, FormKind};
pub use help::Help;
pub use requirement::Requirement;
pub use search::SearchBox;

use std::any::Any;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::Frame;

use super::app::App;
use super::search_worker::SearchWorker;
use super::theme::Theme;

/// A popup's keys for the footer and help: the key, and the message id of
/// its words (`tui-hint-...`).
pub type Keys = &'static [(&'static str, &'static str)];

/// What every popup is. While it handles a key it is off the stack, so it
/// may change the app (save through the store, move a view, open another
/// popup); what it returns says whether it goes back on.
pub trait Overlay: AsAny {
    /// Draws it over `area`, the view's part of the screen.
    fn draw(&self, f: &mut Frame, area: Rect, app: &App, theme: &Theme);

    /// A key other than Esc (which closes the top popup, after `cancel`)
    /// and help's keys (see `opens_help`).
    fn on_key(&mut self, key: KeyEvent, app: &mut App) -> Then;

    /// Its keys, for the footer and for help opened over it.
    fn keys(&self) -> Keys;

    /// Whether `key` opens help over it: F1 anywhere, and `?` where it is
    /// not text (popups that take text answer F1 only).
    fn opens_help(&self, key: &KeyEvent) -> bool {
        matches!(key.code, KeyCode::F(1) | KeyCode::Char('?'))
    }

    /// Esc closed it.
    fn cancel(&mut self, _app: &mut App) {}

    /// Takes search results for it, if it asked for any (`wait`: block
    /// until they come); returns whether some came.
    fn receive(&mut self, _search: &SearchWorker, _wait: bool) -> bool {
        false
    }
}

/// After a key: the popup stays, closes, or gives way to another.
pub enum Then {
    Stay,
    Close,
    Replace(Box<dyn Overlay>),
}

/// Lets a test (and only a test) see which popup is on top, by its type.
pub trait AsAny: Any {
    fn as_any(&self) -> &dyn Any;
}

impl<T: Any> AsAny for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A box in the middle of `area`; as wide as `area` when it would leave
/// only thin strips of the view beside it.
pub(super) fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = if area.width.saturating_sub(width) < 12 {
        area.width
    } else {
        width
    };
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    h
}
