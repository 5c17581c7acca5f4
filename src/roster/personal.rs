//! One officer's own rows of a report, as completions for their personal
//! store (`karmadash import-igot`): the same reading as the roster's, and
//! the same checks as a completion typed by hand.

use chrono::NaiveDate;

use crate::catalogue::identity::normalise;
use crate::catalogue::Catalogue;
use crate::igot::{ConsumptionRow, Progress};
use crate::rules::record::Completion;
use crate::units::dates::EARLIEST;
use crate::units::hours::MAX_HOURS;
use crate::units::text::check_title;

use super::officer::{OfficerId, RowRef};

/// A row of the officer's that cannot become a completion, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable {
    pub source: RowRef,
    pub title: String,
    pub why: String,
}

/// What the report holds for one officer.
#[derive(Debug, Default)]
pub struct OwnRows {
    /// One per course (the earliest completion), ids still to be given.
    pub completions: Vec<Completion>,
    pub unusable: Vec<Unusable>,
    /// Rows of the officer that are not completions (in progress...).
    pub not_completed: usize,
}

impl OwnRows {
    /// Adds a row if it is the officer's (`who`); other officers' rows are
    /// not looked at.
    pub fn add(
        &mut self,
        who: &OfficerId,
        file: &str,
        row: ConsumptionRow,
        catalogue: &Catalogue,
        today: NaiveDate,
    ) {
        let id = OfficerId::from_parts(row.email.as_deref(), row.external_id.as_deref(), None);
        if id.as_ref() != Some(who) {
            return;
        }
        if row.progress != Progress::Completed {
            self.not_completed += 1;
            return;
        }
        let source = RowRef {
            file: file.to_string(),
            line: row.line,
        };
        let unusable = |why: String| Unusable {
            source: source.clone(),
            title: row.content.clone(),
            why,
        };
        let Some(date) = row.completed_on.map(|t| t.date()) else {
            return; // the reader refuses a completed row without a date
        };
        if let Some(why) = why_unusable(&row, date, today) {
            self.unusable.push(unusable(why));
            return;
        }
        let (course, title, in_catalogue) = match catalogue.course_by_title(&row.content) {
            Some(i) => (
                catalogue.courses[i].key().into_owned(),
                catalogue.courses[i].title.clone(),
                true,
            ),
            None => (normalise(&row.content), row.content.clone(), false),
        };
        let completion = Completion {
            id: 0,
            course,
            title,
            in_catalogue,
            date,
            // The portal counts a Program's courses, not the Program.
            seconds: if row.is_course() {
                row.duration.unwrap_or(0)
            } else {
                0
            },
            certificate: row.certificate,
        };
        if completion.seconds == 0 {
            self.unusable.push(unusable(format!(
                "a {} adds no hours by itself, as the portal counts: its courses do",
                row.content_type.as_deref().unwrap_or("item")
            )));
            return;
        }
        self.keep_earliest(completion);
    }

    /// One completion per course: the earliest.
    fn keep_earliest(&mut self, completion: Completion) {
        match self
            .completions
            .iter_mut()
            .find(|c| c.course == completion.course)
        {
            Some(known) if completion.date < known.date => *known = completion,
            Some(_) => {}
            None => self.completions.push(completion),
        }
    }
}

/// Why a completed row cannot be recorded as it stands, if it cannot.
fn why_unusable(row: &ConsumptionRow, date: NaiveDate, today: NaiveDate) -> Option<String> {
    if let Err(e) = check_title(&row.content) {
        Some(e)
    } else if date > today || date < EARLIEST {
        Some(format!("completed on {date}, outside 02.09.2020 to today"))
    } else {
        match row.duration {
            None => Some("the report gives no duration: record it with `karmadash done` and the certificate's hours".into()),
            Some(0) => Some("the report gives a duration of 0".into()),
            Some(s) if s > MAX_HOURS * 3600 => Some(format!("a duration of {s} s is past any course")),
            Some(_) => None,
        }
    }
}
