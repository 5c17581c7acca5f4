//! From report rows to officers: identity across reports, one completion
//! per officer and course (title, provider, duration) whatever the
//! batches, the durations the reports show, and the flags a training cell
//! should see. A row that cannot be
//! used is kept as an error with its file and line, never dropped.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap, FxHashSet};

use chrono::NaiveDateTime;

use crate::catalogue::identity::normalise;
use crate::catalogue::{Catalogue, Service};
use crate::igot::{AssessmentRow, ConsumptionRow, Enrolment, Progress, ReportError, User};
use crate::units::duration::format_clock;

use super::departments::LatestSeen;
use super::officer::{
    FlagKind, Officer, OfficerId, PortalHours, ReportAssessment, ReportAssignment,
    ReportCompletion, RowRef,
};

/// A duration a report gave a title, and where.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DurationSeen {
    /// Course identity (catalogue key or normalised title).
    pub course: String,
    pub title: String,
    pub seconds: u32,
    pub source: RowRef,
}

/// What reading a set of reports gave.
#[derive(Debug, Default)]
pub struct Gathered {
    pub officers: Vec<Officer>,
    /// Every distinct (course, duration) the reports showed, first source.
    pub durations: Vec<DurationSeen>,
    pub rejected: Vec<ReportError>,
    pub rows: u64,
    /// The rows that could not be read, by the officer they name.
    pub unreadable: BTreeMap<OfficerId, Vec<RowRef>>,
    /// Officers these reports name only in rows that could not be read:
    /// in `officers` (a new one is still on the roster, flagged), but
    /// what is known of one already there is kept.
    pub refused_only: BTreeSet<OfficerId>,
    /// The departments (`MDO_Name`) the completion rows name: only a
    /// completion report speaks for who is missing from it.
    pub completion_departments: BTreeSet<String>,
}

pub struct Gathering<'a> {
    catalogue: &'a Catalogue,
    /// Hashed, not ordered, for a state's millions of rows: sorted by id
    /// once, in `finish`.
    officers: FxHashMap<OfficerId, Officer>,
    /// By course, then duration: looked up without a copy of the title.
    durations: BTreeMap<String, BTreeMap<u32, DurationSeen>>,
    /// Each report title's identity, worked out once per title.
    identities: FxHashMap<String, (String, String, bool)>,
    /// Durations earlier imports showed: a title that now shows another
    /// one gets the `duration-conflict` note too.
    earlier: Vec<DurationSeen>,
    rejected: Vec<ReportError>,
    rows: u64,
    unreadable: BTreeMap<OfficerId, Vec<RowRef>>,
    /// Officers with at least one row that could be read.
    read: FxHashSet<OfficerId>,
    latest: LatestSeen,
    completion_departments: BTreeSet<String>,
}

/// The service a UserReport's `Civil Services` names, by the portal's
/// long name or karmadash's id ("Bihar Administrative Service", "bas").
pub fn service_named(text: &str) -> Option<Service> {
    let t = text.trim();
    Service::ALL
        .iter()
        .copied()
        .find(|s| s.id().eq_ignore_ascii_case(t) || s.name().eq_ignore_ascii_case(t))
}

impl<'a> Gathering<'a> {
    pub fn new(catalogue: &'a Catalogue) -> Self {
        Gathering {
            catalogue,
            officers: FxHashMap::default(),
            durations: BTreeMap::new(),
            identities: FxHashMap::default(),
            earlier: Vec::new(),
            rejected: Vec::new(),
            rows: 0,
            unreadable: BTreeMap::new(),
            read: FxHashSet::default(),
            latest: LatestSeen::default(),
            completion_departments: BTreeSet::new(),
        }
    }

    /// The durations earlier imports showed, for `duration-conflict`.
    pub fn with_earlier_durations(mut self, earlier: Vec<DurationSeen>) -> Self {
        self.earlier = earlier;
        self
    }

    /// A row that could not be read at all (from the reader), kept by the
    /// officer it names when its cells say: that officer is on the roster
    /// even when none of their rows could be read.
    pub fn reject(&mut self, error: ReportError) {
        self.rows += 1;
        let who = &error.who;
        if let Some(id) =
            OfficerId::from_parts(who.email.as_deref(), who.external_id.as_deref(), None)
        {
            self.unreadable.entry(id.clone()).or_default().push(RowRef {
                file: error.file.clone(),
                line: error.line,
            });
            let officer = self
                .officers
                .entry(id.clone())
                .or_insert_with(|| Officer::new(id));
            fill(&mut officer.name, who.name.as_deref().unwrap_or_default());
            fill_opt(&mut officer.designation, &who.designation);
            fill_opt(&mut officer.organisation, &who.organisation);
        }
        self.rejected.push(error);
    }

    /// The catalogue course a report title names, or the title itself.
    fn identity(&mut self, title: &str) -> (String, String, bool) {
        if let Some(known) = self.identities.get(title) {
            return known.clone();
        }
        let identity = self.identity_of(title);
        self.identities.insert(title.to_string(), identity.clone());
        identity
    }

    fn identity_of(&self, title: &str) -> (String, String, bool) {
        match self.catalogue.course_by_title(title) {
            Some(id) => {
                let c = &self.catalogue.courses[id];
                (c.key().into_owned(), c.title.clone(), true)
            }
            None => (normalise(title), title.to_string(), false),
        }
    }

    fn officer(&mut self, file: &str, line: u64, id: Option<OfficerId>) -> Option<&mut Officer> {
        let Some(id) = id else {
            self.rejected.push(ReportError::new(
                file,
                line,
                Some("Email"),
                crate::igot::ReportProblem::NoOfficer,
            ));
            return None;
        };
        if !self.read.contains(&id) {
            self.read.insert(id.clone());
        }
        if !self.officers.contains_key(&id) {
            self.officers.insert(id.clone(), Officer::new(id.clone()));
        }
        self.officers.get_mut(&id)
    }

    pub fn consumption(&mut self, file: &str, row: ConsumptionRow) {
        self.rows += 1;
        let source = RowRef {
            file: file.to_string(),
            line: row.line,
        };
        let (course, title, in_catalogue) = self.identity(&row.content);
        if let Some(seconds) = row.duration {
            let seen = match self.durations.get_mut(course.as_str()) {
                Some(seen) => seen,
                None => self.durations.entry(course.clone()).or_default(),
            };
            seen.entry(seconds).or_insert_with(|| DurationSeen {
                course: course.clone(),
                title: title.clone(),
                seconds,
                source: source.clone(),
            });
        }
        let id = OfficerId::from_parts(row.email.as_deref(), row.external_id.as_deref(), None);
        if let Some(d) = &row.organisation {
            if !self.completion_departments.contains(d) {
                self.completion_departments.insert(d.clone());
            }
        }
        if let (Some(id), Some(at)) = (&id, row.generated_on) {
            self.latest.note(id, row.organisation.as_deref(), at);
        }
        let Some(officer) = self.officer(file, row.line, id) else {
            return;
        };
        fill(&mut officer.name, &row.name);
        fill_opt(&mut officer.designation, &row.designation);
        department(officer, &row.organisation, &row.mdoid, &source);
        if row.progress != Progress::Completed {
            return;
        }
        let Some(completed) = row.completed_on else {
            return; // the reader refuses a completed row without a date
        };
        let dated_after_report = check_dates(officer, &row, completed, &title, &source);
        let counts_hours = row.is_course();
        if counts_hours && row.duration.is_none() {
            officer.flag(
                FlagKind::NoDuration,
                format!(
                    "\"{title}\": no report gives its duration, so it adds no hours ({source})"
                ),
            );
        }
        let completion = ReportCompletion {
            course,
            title,
            in_catalogue,
            date: completed.date(),
            seconds: if counts_hours {
                row.duration.unwrap_or(0)
            } else {
                0
            },
            duration_known: row.duration.is_some(),
            content_type: row.content_type,
            batch: row.batch,
            certificate: row.certificate,
            source,
            also: Vec::new(),
            provider: row.provider,
            duration: row.duration,
            dated_after_report,
        };
        merge_completion(officer, completion);
    }

    pub fn user(&mut self, file: &str, user: User) {
        self.rows += 1;
        let id = OfficerId::from_parts(
            user.email.as_deref(),
            user.external_id.as_deref(),
            user.employee_id.as_deref(),
        );
        let Some(officer) = self.officer(file, user.line, id) else {
            return;
        };
        let source = RowRef {
            file: file.to_string(),
            line: user.line,
        };
        // The user report is the authority on who an officer is.
        if !user.name.is_empty() {
            officer.name = user.name;
        }
        officer.designation = user.designation.or(officer.designation.take());
        department(officer, &user.organisation, &user.mdoid, &source);
        officer.organisation = user.organisation.or(officer.organisation.take());
        officer.mdoid = user.mdoid.or(officer.mdoid.take());
        if let Some(seconds) = user.course_seconds {
            officer.portal_hours = Some(PortalHours { seconds, source });
        }
        officer.service = user
            .service
            .as_deref()
            .and_then(service_named)
            .or(officer.service);
        officer.batch = user.batch.or(officer.batch);
        officer.registered = user.registered.or(officer.registered);
    }

    pub fn enrolment(&mut self, file: &str, row: Enrolment) {
        self.rows += 1;
        let (course, title, _) = self.identity(&row.course);
        let source = RowRef {
            file: file.to_string(),
            line: row.line,
        };
        let id = OfficerId::from_parts(row.email.as_deref(), None, None);
        let Some(officer) = self.officer(file, row.line, id) else {
            return;
        };
        fill(&mut officer.name, &row.name);
        fill_opt(&mut officer.designation, &row.designation);
        department(officer, &row.organisation, &None, &source);
        let assignment = ReportAssignment {
            course,
            title,
            allocated: row.allocated_on,
            due: row.due,
            source,
        };
        match officer
            .assignments
            .iter_mut()
            .find(|a| a.course == assignment.course)
        {
            // A newer plan row for the same course: its dates win.
            Some(known) => *known = assignment,
            None => officer.assignments.push(assignment),
        }
    }

    /// A row of UserAssessmentReport: the latest attempt at one assessment.
    pub fn assessment(&mut self, file: &str, row: AssessmentRow) {
        self.rows += 1;
        let source = RowRef {
            file: file.to_string(),
            line: row.line,
        };
        let id = OfficerId::from_parts(row.email.as_deref(), None, None);
        let Some(officer) = self.officer(file, row.line, id) else {
            return;
        };
        fill(&mut officer.name, &row.name);
        fill_opt(&mut officer.designation, &row.designation);
        department(officer, &row.organisation, &row.mdoid, &source);
        let comprehensive = row.is_comprehensive();
        let attempt = ReportAssessment {
            name: row.assessment,
            kind: row.kind,
            course: row.course,
            attempted: row.attempted,
            percentage: row.percentage,
            cut_off: row.cut_off,
            passed: row.passed,
            attempts: row.attempts,
            comprehensive,
            source,
            earlier: false,
        };
        if !officer.assessments.iter().any(|a| a.same_attempt(&attempt)) {
            officer.assessments.push(attempt);
        }
    }

    /// The officers, with duration conflicts flagged: within these
    /// reports, and against the durations earlier imports showed.
    pub fn finish(mut self) -> Gathered {
        let mut all: BTreeMap<(&str, u32), &DurationSeen> = BTreeMap::new();
        for d in self
            .earlier
            .iter()
            .chain(self.durations.values().flat_map(BTreeMap::values))
        {
            all.entry((d.course.as_str(), d.seconds)).or_insert(d);
        }
        let mut seen: BTreeMap<&str, Vec<&DurationSeen>> = BTreeMap::new();
        for d in all.into_values() {
            seen.entry(d.course.as_str()).or_default().push(d);
        }
        for officer in self.officers.values_mut() {
            let mut texts = Vec::new();
            for c in &officer.completions {
                if let Some(ds) = seen.get(c.course.as_str()).filter(|ds| ds.len() > 1) {
                    texts.push(conflict_text(&c.title, ds));
                }
            }
            for text in texts {
                officer.flag(FlagKind::DurationConflict, text);
            }
            if let Some(rows) = self.unreadable.get(&officer.id) {
                officer.flag(FlagKind::RowsUnreadable, unreadable_text(rows));
            }
            if let Some(newer) = self.latest.missing_from(officer) {
                officer.flag(
                    FlagKind::NotInLatestReport,
                    format!(
                        "not in the newer report of {} given with it",
                        newer.format("%d.%m.%Y %H:%M")
                    ),
                );
            }
        }
        let refused_only = self
            .unreadable
            .keys()
            .filter(|id| !self.read.contains(*id))
            .cloned()
            .collect();
        Gathered {
            officers: by_id(self.officers),
            durations: self
                .durations
                .into_values()
                .flat_map(BTreeMap::into_values)
                .collect(),
            rejected: self.rejected,
            rows: self.rows,
            unreadable: self.unreadable,
            refused_only,
            completion_departments: self.completion_departments,
        }
    }
}

/// The officers in the order of their ids, as every listing reads them.
fn by_id(officers: FxHashMap<OfficerId, Officer>) -> Vec<Officer> {
    let mut out: Vec<Officer> = officers.into_values().collect();
    out.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    out
}

/// The `rows-unreadable` flag's text: how many rows, and the first few.
pub fn unreadable_text(rows: &[RowRef]) -> String {
    let shown: Vec<String> = rows.iter().take(3).map(ToString::to_string).collect();
    let more = match rows.len().saturating_sub(3) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    format!(
        "{} row{} of the reports could not be read ({}{more}): what {} not counted",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        shown.join(", "),
        if rows.len() == 1 {
            "it says is"
        } else {
            "they say is"
        }
    )
}

fn conflict_text(title: &str, ds: &[&DurationSeen]) -> String {
    let list: Vec<String> = ds
        .iter()
        .map(|d| format!("{} ({})", format_clock(d.seconds), d.source))
        .collect();
    format!(
        "\"{title}\" has {} durations in the reports: {}; two courses may share the title, or the portal changed its duration: each completion counts with its own row's duration",
        ds.len(),
        list.join(", ")
    )
}

/// Flags what a completion's dates show: `too-fast` (enrolled to
/// completed in under a tenth of the duration) and `future-date` (dated
/// after the report was generated). Returns the report's generation
/// time in the second case: the completion does not count.
fn check_dates(
    officer: &mut Officer,
    row: &ConsumptionRow,
    completed: NaiveDateTime,
    title: &str,
    source: &RowRef,
) -> Option<NaiveDateTime> {
    if let (Some(enrolled), Some(seconds)) = (row.enrolled_on, row.duration) {
        let took = (completed - enrolled).num_seconds();
        if took >= 0 && took * 10 < i64::from(seconds) {
            officer.flag(
                FlagKind::TooFast,
                format!(
                    "\"{title}\" completed {took} s after enrolment, under a tenth of its {} ({source})",
                    format_clock(seconds)
                ),
            );
        }
    }
    let generated = row.generated_on.filter(|g| completed > *g)?;
    officer.flag(
        FlagKind::FutureDate,
        format!(
            "\"{title}\" is dated {}, after the report was generated ({}): no real completion is, so it does not count; check it on the portal ({source})",
            completed.format("%d.%m.%Y %H:%M"),
            generated.format("%d.%m.%Y %H:%M")
        ),
    );
    Some(generated)
}

/// The officer's department (`MDO_Name`, and `mdoid` where given): the
/// first a report names; another one is a transfer, flagged, and the
/// officer stays one officer.
fn department(officer: &mut Officer, name: &Option<String>, mdoid: &Option<String>, at: &RowRef) {
    let Some(name) = name else {
        return;
    };
    match &officer.organisation {
        None => {
            officer.organisation = Some(name.clone());
            officer.mdoid.clone_from(mdoid);
        }
        Some(known) if !super::Departments::same_name(known, name) => {
            let text = two_departments_text(known, name, at);
            officer.flag(FlagKind::TwoDepartments, text);
        }
        Some(_) => fill_opt(&mut officer.mdoid, mdoid),
    }
}

/// The `two-departments` flag's text.
pub fn two_departments_text(first: &str, then: &str, at: &RowRef) -> String {
    format!("listed by \"{first}\" and by \"{then}\" ({at}): a transfer? counted once, under the latest report's department")
}

fn fill(slot: &mut String, value: &str) {
    if slot.is_empty() && !value.is_empty() {
        *slot = value.to_string();
    }
}

fn fill_opt(slot: &mut Option<String>, value: &Option<String>) {
    if slot.is_none() {
        slot.clone_from(value);
    }
}

/// One completion per course (title, provider, duration): the earliest
/// counts, the other batches' rows are kept as its sources.
fn merge_completion(officer: &mut Officer, new: ReportCompletion) {
    let Some(known) = officer.completions.iter_mut().find(|c| c.same_course(&new)) else {
        officer.completions.push(new);
        return;
    };
    if new.date < known.date {
        let mut replaced = std::mem::replace(known, new);
        known.also.push(replaced.source.clone());
        known.also.append(&mut replaced.also);
    } else {
        known.also.push(new.source);
    }
}
