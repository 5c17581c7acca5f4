//! Keys inside a popup: help, course details, a requirement, the remove
//! confirmation, and handing the search box, forms and find box their keys.

use crossterm::event::{KeyCode, KeyEvent};

use super::app::{App, Overlay};
use super::forms::Form;

impl App {
    pub(super) fn on_overlay_key(&mut self, key: KeyEvent) {
        let Some(overlay) = self.overlay.take() else {
            return;
        };
        self.overlay = match overlay {
            Overlay::Help => match key.code {
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('?') | KeyCode::Enter => {
                    self.covered.take()
                }
                _ => Some(overlay),
            },
            Overlay::Detail(_) | Overlay::ConfirmRemove(_) | Overlay::Requirement(_)
                if matches!(key.code, KeyCode::Char('?')) =>
            {
                self.covered = Some(overlay);
                Some(Overlay::Help)
            }
            Overlay::Requirement(_) => match key.code {
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Enter => None,
                _ => Some(overlay),
            },
            Overlay::Detail(_) => match key.code {
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Enter => None,
                KeyCode::Char('d') => {
                    self.overlay = Some(overlay);
                    if let Some(Overlay::Detail(c)) = self.overlay.take() {
                        if self.completed(c).is_none() {
                            self.overlay = Some(Overlay::Form(Form::completion(
                                c,
                                &self.catalogue.courses[c].title,
                                self.today,
                            )));
                            return;
                        }
                        Some(Overlay::Detail(c))
                    } else {
                        None
                    }
                }
                _ => Some(overlay),
            },
            Overlay::ConfirmRemove(id) => {
                if matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y')) {
                    match self.store.remove_completion(id) {
                        Ok(c) => self.message = Some((format!("Removed \"{}\".", c.title), false)),
                        Err(e) => self.message = Some((e.0, true)),
                    }
                    self.reload();
                }
                None
            }
            Overlay::FindOfficer => {
                if super::views::roster::on_find_key(self, key) {
                    Some(Overlay::FindOfficer)
                } else {
                    None
                }
            }
            // Closing may open another overlay (Enter in search opens the course).
            Overlay::Search(mut b) => {
                if self.on_search_key(&mut b, key) {
                    Some(Overlay::Search(b))
                } else {
                    self.overlay.take()
                }
            }
            Overlay::Form(mut f) => {
                if self.on_form_key(&mut f, key) {
                    Some(Overlay::Form(f))
                } else {
                    self.overlay.take()
                }
            }
        };
    }
}
