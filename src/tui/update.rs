//! `update`: what an action does. The current view answers its own actions
//! first (its `act`), and asks the app in its reply for what lies outside
//! it; the rest is common to every view.

use super::app::{App, View};
use super::keymap::Action;
use super::overlays::{Detail, Form, Help, SearchBox};
use super::views::{progress, Reply};
use crate::i18n::tr;
use crate::roster::OfficerId;

impl App {
    pub fn update(&mut self, action: Action) {
        if let Some(shown) = &self.data.officer {
            if writes(action) {
                let name = shown.name.as_str();
                let why = tr(self.data.lang, "tui-read-only", &[("name", name.into())]);
                self.message = Some((why, true));
                return;
            }
        }
        match self.views.get_mut(self.view).act(action, &self.data) {
            Reply::Pass => self.common(action),
            Reply::Done => {}
            Reply::Open(overlay) => self.open(overlay),
            Reply::GoTo(view) => self.go_to(view),
            Reply::Refuse(why) => self.message = Some((why, true)),
            Reply::ToggleShortlist => self.toggle_shortlist(),
            Reply::ShowOfficer(id) => self.show_officer(&id),
        }
    }

    /// What an action does in any view that leaves it to the app.
    fn common(&mut self, action: Action) {
        let page = self.page.max(1);
        let today = self.data.today;
        match action {
            Action::Quit => self.quit = true,
            Action::Back => {
                let why = tr(self.data.lang, "tui-nothing-to-close", &[]);
                self.message = Some((why, false))
            }
            Action::SwitchLanguage => self.switch_lang(),
            Action::RecordOther => self.open(Box::new(Form::other(today))),
            Action::RecordAssigned => self.open(Box::new(Form::assigned())),
            Action::RecordAssessment => self.open(Box::new(Form::assessment(today))),
            Action::NextView => self.go_to(self.view.step(1)),
            Action::PrevView => self.go_to(self.view.step(-1)),
            Action::GoView(v) => self.go_to(v),
            Action::Up => self.move_cursor(|c, _| c.saturating_sub(1)),
            Action::Down => self.move_cursor(|c, _| c + 1),
            Action::PageUp => self.move_cursor(|c, _| c.saturating_sub(page)),
            Action::PageDown => self.move_cursor(|c, _| c + page),
            Action::Top => self.move_cursor(|_, _| 0),
            Action::Bottom => self.move_cursor(|_, n| n.saturating_sub(1)),
            Action::Open => {
                if let Some(c) = self.selected_course() {
                    self.open(Box::new(Detail::new(c)));
                }
            }
            Action::Search => self.open(Box::<SearchBox>::default()),
            Action::Help => self.open(Box::new(Help::over(None))),
            Action::RecordDone => self.record_selected(),
            Action::ToggleShortlist => self.toggle_shortlist(),
            Action::EditProfile => {
                let form = Form::profile(self.data.snapshot.profile.as_ref());
                self.open(Box::new(form))
            }
            // Each answered by its own view, and bound in no other.
            Action::FocusLeft
            | Action::FocusRight
            | Action::CycleCompetency
            | Action::CycleStatus
            | Action::Remove
            | Action::CycleTier
            | Action::CycleVerdict
            | Action::CycleDepartment
            | Action::FindOfficer
            | Action::ExemptOfficer => {}
        }
    }

    /// Opens a view; a roster officer's Progress closes on the way.
    pub(super) fn go_to(&mut self, view: View) {
        self.data.officer = None;
        self.view = view;
    }

    /// A roster officer's Progress, read-only, from its first requirement.
    fn show_officer(&mut self, id: &OfficerId) {
        let shown = self.data.roster.progress_of(id, self.data.today);
        self.go_to(progress::VIEW);
        self.views.progress.row = 0;
        self.data.officer = shown;
    }

    pub(super) fn record_selected(&mut self) {
        match self.selected_course() {
            Some(c) if self.data.completed(c).is_some() => {
                let why = tr(self.data.lang, "tui-already-recorded", &[]);
                self.message = Some((why, true))
            }
            Some(c) => {
                let title = &self.data.catalogue.courses[c].title;
                let form = Form::completion(c, title, self.data.today);
                self.open(Box::new(form))
            }
            None => {
                let why = tr(self.data.lang, "tui-select-a-course", &[]);
                self.message = Some((why, true))
            }
        }
    }

    pub(super) fn toggle_shortlist(&mut self) {
        let Some(c) = self.selected_course() else {
            return;
        };
        let on = !self.data.shortlisted(c);
        let key = self.data.catalogue.courses[c].key();
        match self.data.store.set_shortlisted(&key, on) {
            Ok(()) => {
                let id = if on && self.view == super::views::plan::VIEW {
                    "tui-shortlist-added-here"
                } else if on {
                    "tui-shortlist-added"
                } else {
                    "tui-shortlist-dropped"
                };
                self.message = Some((tr(self.data.lang, id, &[]), false))
            }
            Err(e) => self.message = Some((super::wording::store_error(&e), true)),
        }
        self.reload();
    }
}

/// Actions that write to your own store: refused while a roster officer's
/// Progress is shown, so nothing typed there lands in your record.
fn writes(action: Action) -> bool {
    matches!(
        action,
        Action::RecordDone
            | Action::RecordOther
            | Action::RecordAssigned
            | Action::RecordAssessment
            | Action::EditProfile
            | Action::ToggleShortlist
            | Action::Remove
    )
}
