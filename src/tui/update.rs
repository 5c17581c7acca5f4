//! `update`: what an action does. The current view answers its own actions
//! first (its `act` in the views table); the rest is common to every view.

use super::app::{App, Overlay, SearchBox, View};
use super::forms::Form;
use super::keymap::Action;

impl App {
    pub fn update(&mut self, action: Action) {
        if let Some(shown) = &self.officer {
            if writes(action) {
                self.message = Some((
                    format!(
                        "Read-only: this is {}'s progress from the roster. Esc goes back to the Roster; 2 shows yours.",
                        shown.name
                    ),
                    true,
                ));
                return;
            }
        }
        if (self.view.entry().act)(self, action) {
            return;
        }
        let page = self.page.max(1);
        match action {
            Action::Quit => self.quit = true,
            Action::Back => self.message = Some(("Nothing to close: q quits.".into(), false)),
            Action::RecordOther => self.overlay = Some(Overlay::Form(Form::other(self.today))),
            Action::RecordAssigned => self.overlay = Some(Overlay::Form(Form::assigned())),
            Action::RecordAssessment => {
                self.overlay = Some(Overlay::Form(Form::assessment(self.today)))
            }
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
                    self.overlay = Some(Overlay::Detail(c));
                }
            }
            Action::Search => {
                self.overlay = Some(Overlay::Search(SearchBox {
                    query: String::new(),
                    hits: Vec::new(),
                    selected: 0,
                    waiting: false,
                }))
            }
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::RecordDone => self.record_selected(),
            Action::ToggleShortlist => self.toggle_shortlist(),
            Action::EditProfile => {
                self.overlay = Some(Overlay::Form(Form::profile(self.snapshot.profile.as_ref())))
            }
            // Each answered by its own view, and bound in no other.
            Action::FocusLeft
            | Action::FocusRight
            | Action::CycleCompetency
            | Action::CycleStatus
            | Action::Remove
            | Action::CycleTier
            | Action::CycleVerdict
            | Action::FindOfficer => {}
        }
    }

    /// Opens a view; a roster officer's Progress closes on the way.
    pub(super) fn go_to(&mut self, view: View) {
        self.officer = None;
        self.view = view;
    }

    pub(super) fn record_selected(&mut self) {
        match self.selected_course() {
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
                self.message = Some(("Select a course first (→ to the course list).".into(), true))
            }
        }
    }

    pub(super) fn toggle_shortlist(&mut self) {
        let Some(c) = self.selected_course() else {
            return;
        };
        let on = !self.shortlisted(c);
        match self
            .store
            .set_shortlisted(&self.catalogue.courses[c].key(), on)
        {
            Ok(()) => {
                self.message = Some((
                    if on && self.view == super::views::plan::VIEW {
                        "Added to your shortlist: its hours count in the total above."
                    } else if on {
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
