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
use crate::units::text::{check_title, TextError};

use super::officer::{OfficerId, RowRef};

/// A row of the officer's that cannot become a completion, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable {
    pub source: RowRef,
    pub title: String,
    pub why: WhyUnusable,
}

/// Why a completed row cannot become a completion as it stands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WhyUnusable {
    #[error(transparent)]
    Title(#[from] TextError),
    #[error("completed on {0}, outside 02.09.2020 to today")]
    OutsideDates(NaiveDate),
    /// Recorded by hand it counts: the certificate gives the hours.
    #[error("the report gives no duration: record it by hand with the certificate's hours")]
    NoDuration,
    #[error("the report gives a duration of 0")]
    ZeroDuration,
    #[error("a duration of {0} s is past any course")]
    DurationPastAny(u32),
    /// A programme or another container: its courses carry the hours.
    #[error("a {content_type} adds no hours by itself, as the portal counts: its courses do")]
    NoHoursByItself { content_type: String },
}

/// What the report holds for one officer.
#[derive(Debug, Default)]
pub struct OwnRows {
    /// One per course (the earliest completion), ids still to be given.
    pub completions: Vec<Completion>,
    pub unusable: Vec<Unusable>,
    /// Rows of the officer that are not completions (in progress...).
    pub not_completed: usize,
    /// The provider of each completion: with the title and duration, what
    /// tells two courses of one title apart within a report.
    providers: Vec<Option<String>>,
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
        let unusable = |why: WhyUnusable| Unusable {
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
            self.unusable.push(unusable(WhyUnusable::NoHoursByItself {
                content_type: row.content_type.as_deref().unwrap_or("item").to_string(),
            }));
            return;
        }
        let provider = row.provider.as_deref().map(normalise);
        self.keep_earliest(completion, provider);
    }

    /// One completion per course (title, provider, duration, as the
    /// roster counts): the earliest; two durations are two courses.
    fn keep_earliest(&mut self, completion: Completion, provider: Option<String>) {
        let same = self
            .completions
            .iter()
            .zip(&self.providers)
            .position(|(c, p)| {
                c.course == completion.course && c.seconds == completion.seconds && *p == provider
            });
        match same {
            Some(i) if completion.date < self.completions[i].date => {
                self.completions[i] = completion;
            }
            Some(_) => {}
            None => {
                self.completions.push(completion);
                self.providers.push(provider);
            }
        }
    }
}

/// Why a completed row cannot be recorded as it stands, if it cannot.
fn why_unusable(row: &ConsumptionRow, date: NaiveDate, today: NaiveDate) -> Option<WhyUnusable> {
    if let Err(e) = check_title(&row.content) {
        Some(e.into())
    } else if date > today || date < EARLIEST {
        Some(WhyUnusable::OutsideDates(date))
    } else {
        match row.duration {
            None => Some(WhyUnusable::NoDuration),
            Some(0) => Some(WhyUnusable::ZeroDuration),
            Some(s) if s > MAX_HOURS * 3600 => Some(WhyUnusable::DurationPastAny(s)),
            Some(_) => None,
        }
    }
}
