//! Forms saved through the same `progress` functions as the shell
//! commands, so the dashboard and the CLI change the store one way and
//! refuse the same input.

use crate::units::hours::format_hours;
use chrono::NaiveDate;

use super::form::{Form, FormKind};
use crate::app::profile_edit::save_profile;
use crate::app::progress::{self, CompletionInput};
use crate::tui::app::App;
use crate::tui::data::Data;
use crate::tui::wording::{tier_basis, FormError};

impl Form {
    /// Saves the form through the same code as the shell commands; returns
    /// whether it succeeded (the form closes) or shows the reason.
    pub(super) fn submit(&mut self, app: &mut App) -> bool {
        let d = &app.data;
        let result = match &self.kind {
            FormKind::Other => submit_other(d, self),
            FormKind::Assigned => submit_assigned(d, self),
            FormKind::Assessment => submit_assessment(d, self),
            FormKind::Completion(course) => submit_completion(d, *course, self),
            FormKind::Profile => submit_profile(d, self),
        };
        match result {
            Ok(msg) => {
                app.message = Some((msg, false));
                app.reload();
                if matches!(self.kind, FormKind::Profile) {
                    // The catalogue turns to the tier the profile now gives.
                    if let Some(t) = app
                        .data
                        .status
                        .as_ref()
                        .ok()
                        .and_then(|s| s.tier.id.clone())
                    {
                        app.views.catalogue.select_tier(&app.data.catalogue, &t);
                    }
                }
                true
            }
            Err(e) => {
                self.error = Some(e.to_string());
                false
            }
        }
    }
}

fn submit_profile(d: &Data, f: &Form) -> Result<String, FormError> {
    let t = save_profile(&d.catalogue, &d.store, d.today, &f.profile_input())?;
    Ok(match (&t.id, &t.basis) {
        (Some(id), _) => format!("Profile saved: tier {id}."),
        // No tier: say why, and which key records the courses.
        (None, basis) => format!("Profile saved: {}.", tier_basis(basis)),
    })
}

fn submit_other(d: &Data, f: &Form) -> Result<String, FormError> {
    let date = progress::parse_date(&f.values[2]).map_err(|source| FormError::DateField {
        field: "date",
        source,
    })?;
    let input = CompletionInput {
        course: &f.values[0],
        other: true,
        hours: &f.values[1],
        date,
        certificate: Some(f.values[3].as_str()),
    };
    let c = progress::record_completion(&d.catalogue, &d.store, d.today, &input)?;
    Ok(format!(
        "Recorded \"{}\" ({} h), outside the lists.",
        c.title,
        format_hours(u64::from(c.seconds))
    ))
}

fn submit_assigned(d: &Data, f: &Form) -> Result<String, FormError> {
    let due = optional_date(&f.values[1]).map_err(|source| FormError::DateField {
        field: "due date",
        source,
    })?;
    let a = progress::record_assignment(&d.catalogue, &d.store, d.today, &f.values[0], due)?;
    Ok(match a.due {
        Some(d) => format!(
            "Assigned \"{}\", due {}: see Progress (2).",
            a.title,
            d.format("%d.%m.%Y")
        ),
        None => format!("Assigned \"{}\": see Progress (2).", a.title),
    })
}

fn submit_assessment(d: &Data, f: &Form) -> Result<String, FormError> {
    let date = progress::parse_date(&f.values[0]).map_err(|source| FormError::DateField {
        field: "date passed",
        source,
    })?;
    let a = progress::record_assessment(&d.store, d.today, date)?;
    Ok(format!(
        "Assessment passed on {} recorded.",
        a.passed.format("%d.%m.%Y")
    ))
}

fn submit_completion(d: &Data, course: usize, f: &Form) -> Result<String, FormError> {
    let date = progress::parse_date(&f.values[0]).map_err(FormError::Date)?;
    let input = CompletionInput {
        course: &d.catalogue.courses[course].key(),
        other: false,
        hours: &f.values[1],
        date,
        certificate: Some(f.values[2].as_str()),
    };
    let c = progress::record_completion(&d.catalogue, &d.store, d.today, &input)?;
    let h = format_hours(u64::from(c.seconds));
    Ok(format!("Recorded \"{}\" ({h} h).", c.title))
}

/// A date field that may be left empty.
fn optional_date(text: &str) -> Result<Option<NaiveDate>, crate::units::dates::DateError> {
    match text.trim() {
        "" => Ok(None),
        t => progress::parse_date(t).map(Some),
    }
}
