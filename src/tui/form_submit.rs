//! Forms typed into and saved: keys inside a form, and saving it through
//! the same `progress` functions as the shell commands, so the dashboard
//! and the CLI change the store one way and refuse the same input.

use crate::units::hours::format_hours;
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::App;
use super::forms::{Form, FormKind};
use super::wording::progress_error;
use crate::app::profile_edit::save_profile;
use crate::app::progress::{self, CompletionInput};

impl App {
    /// Returns whether the form stays open.
    pub(super) fn on_form_key(&mut self, f: &mut Form, key: KeyEvent) -> bool {
        match key.code {
            KeyCode::Esc => return false,
            KeyCode::Tab | KeyCode::Down => f.next(),
            KeyCode::BackTab | KeyCode::Up => f.prev(),
            KeyCode::Backspace => {
                f.current_mut().pop();
            }
            KeyCode::Enter => return !self.submit(f),
            KeyCode::Char(ch) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                f.current_mut().push(ch)
            }
            _ => {}
        }
        true
    }

    /// Saves a form through the same code as the shell commands; returns
    /// whether it succeeded (the form closes) or shows the reason.
    fn submit(&mut self, f: &mut Form) -> bool {
        let result = match &f.kind {
            FormKind::Other => self.submit_other(f),
            FormKind::Assigned => self.submit_assigned(f),
            FormKind::Assessment => self.submit_assessment(f),
            FormKind::Completion(course) => self.submit_completion(*course, f),
            FormKind::Profile => {
                save_profile(&self.catalogue, &self.store, self.today, &f.profile_input())
                    .map(|t| match (&t.id, &t.basis) {
                        (Some(id), _) => format!("Profile saved: tier {id}."),
                        // No tier: say why, and which key records the courses.
                        (None, basis) => {
                            format!("Profile saved: {}.", super::wording::tier_basis(basis))
                        }
                    })
                    .map_err(progress_error)
            }
        };
        match result {
            Ok(msg) => {
                self.message = Some((msg, false));
                self.reload();
                if matches!(f.kind, FormKind::Profile) {
                    if let Some(t) = self.status.as_ref().ok().and_then(|s| s.tier.id.clone()) {
                        self.tier = self
                            .catalogue
                            .tiers
                            .iter()
                            .position(|x| x.id == t)
                            .unwrap_or(self.tier);
                    }
                }
                true
            }
            Err(e) => {
                f.error = Some(e);
                false
            }
        }
    }

    fn submit_other(&self, f: &Form) -> Result<String, String> {
        let date = progress::parse_date(&f.values[2]).map_err(|e| format!("date: {e}"))?;
        let input = CompletionInput {
            course: &f.values[0],
            other: true,
            hours: &f.values[1],
            date,
            certificate: Some(f.values[3].as_str()),
        };
        let c = progress::record_completion(&self.catalogue, &self.store, self.today, &input)
            .map_err(progress_error)?;
        Ok(format!(
            "Recorded \"{}\" ({} h), outside the lists.",
            c.title,
            format_hours(u64::from(c.seconds))
        ))
    }

    fn submit_assigned(&self, f: &Form) -> Result<String, String> {
        let due = optional_date(&f.values[1]).map_err(|e| format!("due date: {e}"))?;
        let a = progress::record_assignment(
            &self.catalogue,
            &self.store,
            self.today,
            &f.values[0],
            due,
        )
        .map_err(progress_error)?;
        Ok(match a.due {
            Some(d) => format!(
                "Assigned \"{}\", due {}: see Progress (2).",
                a.title,
                d.format("%d.%m.%Y")
            ),
            None => format!("Assigned \"{}\": see Progress (2).", a.title),
        })
    }

    fn submit_assessment(&self, f: &Form) -> Result<String, String> {
        let date = progress::parse_date(&f.values[0]).map_err(|e| format!("date passed: {e}"))?;
        let a =
            progress::record_assessment(&self.store, self.today, date).map_err(progress_error)?;
        Ok(format!(
            "Assessment passed on {} recorded.",
            a.passed.format("%d.%m.%Y")
        ))
    }

    fn submit_completion(&self, course: usize, f: &Form) -> Result<String, String> {
        let date = progress::parse_date(&f.values[0]).map_err(|e| e.to_string())?;
        let input = CompletionInput {
            course: &self.catalogue.courses[course].key(),
            other: false,
            hours: &f.values[1],
            date,
            certificate: Some(f.values[2].as_str()),
        };
        let c = progress::record_completion(&self.catalogue, &self.store, self.today, &input)
            .map_err(progress_error)?;
        let h = format_hours(u64::from(c.seconds));
        Ok(format!("Recorded \"{}\" ({h} h).", c.title))
    }
}

/// A date field that may be left empty.
fn optional_date(text: &str) -> Result<Option<NaiveDate>, String> {
    match text.trim() {
        "" => Ok(None),
        t => progress::parse_date(t).map(Some).map_err(|e| e.to_string()),
    }
}
