//! The small forms: record a completion (listed or outside the lists), an
//! assigned course, the assessment; create or edit the profile.
//! They only hold text; checking happens in `progress`, shared with the CLI.

use chrono::NaiveDate;

use crate::app::profile_edit::ProfileInput;
use crate::catalogue::CourseId;
use crate::rules::record::Profile;

pub enum FormKind {
    Completion(CourseId),
    /// A course outside the lists (`done --other`).
    Other,
    /// A course assigned to the officer (`assign`).
    Assigned,
    /// The comprehensive assessment (`assessment --passed`).
    Assessment,
    Profile,
}

pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub labels: Vec<&'static str>,
    pub hints: Vec<&'static str>,
    pub values: Vec<String>,
    pub focus: usize,
    pub error: Option<String>,
}

/// A date as the rest of the screen shows it, day first; the form takes
/// ISO dates too.
fn day_first(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

impl Form {
    pub fn completion(course: CourseId, title: &str, today: NaiveDate) -> Form {
        Form {
            kind: FormKind::Completion(course),
            title: format!("Done: {title}"),
            labels: vec!["Date", "Hours", "Certificate"],
            hints: vec![
                "15.09.2026 or 2026-09-15",
                "from the certificate: 1.5 or 1:30",
                "optional",
            ],
            values: vec![day_first(today), String::new(), String::new()],
            focus: 1,
            error: None,
        }
    }

    pub fn other(today: NaiveDate) -> Form {
        Form {
            kind: FormKind::Other,
            title: "Done: a course outside the lists".into(),
            labels: vec!["Title", "Hours", "Date", "Certificate"],
            hints: vec![
                "as iGOT shows it",
                "from the certificate: 1.5 or 1:30",
                "15.09.2026 or 2026-09-15",
                "optional",
            ],
            values: vec![
                String::new(),
                String::new(),
                day_first(today),
                String::new(),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn assigned() -> Form {
        Form {
            kind: FormKind::Assigned,
            title: "A course assigned to you".into(),
            labels: vec!["Course", "Due"],
            hints: vec!["title or listing id", "15.09.2026 or 2026-09-15, optional"],
            values: vec![String::new(), String::new()],
            focus: 0,
            error: None,
        }
    }

    pub fn assessment(today: NaiveDate) -> Form {
        Form {
            kind: FormKind::Assessment,
            title: "Comprehensive assessment passed".into(),
            labels: vec!["Date passed"],
            hints: vec!["15.09.2026 or 2026-09-15"],
            values: vec![day_first(today)],
            focus: 0,
            error: None,
        }
    }

    pub fn profile(current: Option<&Profile>) -> Form {
        let text = |o: Option<String>| o.unwrap_or_default();
        let values = match current {
            Some(p) => vec![
                p.service.id().to_string(),
                text(p.state.clone()),
                text(p.batch.map(|b| b.to_string())),
                text(p.tier.clone()),
                text(p.registered.map(|d| d.to_string())),
                text(p.name.clone()),
            ],
            None => vec![String::new(); 6],
        };
        Form {
            kind: FormKind::Profile,
            title: if current.is_some() {
                "Your profile".into()
            } else {
                "Welcome: who are you? (Esc to browse first)".into()
            },
            labels: vec!["Service", "State", "Batch", "Tier", "Registered", "Name"],
            hints: vec![
                "ias bas bss bscs danics central",
                "bihar, delhi, himachal...",
                "IAS: year, gives the tier",
                "or a tier id, as in view 1",
                "iGOT registration date",
                "optional, for the report",
            ],
            values,
            focus: 0,
            error: None,
        }
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.values.len();
    }

    pub fn prev(&mut self) {
        self.focus = (self.focus + self.values.len() - 1) % self.values.len();
    }

    pub fn current_mut(&mut self) -> &mut String {
        self.error = None;
        &mut self.values[self.focus]
    }

    pub fn profile_input(&self) -> ProfileInput {
        ProfileInput {
            service: self.values[0].clone(),
            state: self.values[1].clone(),
            batch: self.values[2].clone(),
            tier: self.values[3].clone(),
            name: self.values[5].clone(),
            registered: self.values[4].clone(),
        }
    }
}
