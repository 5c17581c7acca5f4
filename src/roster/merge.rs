//! How an import changes the roster, decided here and only written by the
//! store: a report is a snapshot, and an import replaces, for each officer
//! it names, what that kind of report says (completions from a
//! ConsumptionReport, plan courses from a CBPEnrollmentReport, details from
//! a UserReport), never with an older report's; officers missing from their
//! department's newer report are kept and flagged; the same files again
//! change nothing.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::gather::unreadable_text;
use super::{
    Departments, DurationSeen, FlagKind, Gathered, Officer, OfficerId, ReportAssessment, Snapshot,
};

/// One `roster import`: which files, how many rows, and the report's own
/// date, so a cell can tell which day's figures it is looking at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRecord {
    pub number: u64,
    pub files: Vec<ImportedFile>,
    pub officers: usize,
    pub imported_on: chrono::NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedFile {
    pub name: String,
    /// `consumption`, `users` or `enrolments`.
    pub kind: String,
    pub rows: u64,
    pub rejected: u64,
    /// `Report_Last_Generated_On`, where the report gives it.
    pub generated_on: Option<String>,
    /// When the portal made the report: `generated_on`, else the file's
    /// modification time (IST); imports are ordered by it.
    #[serde(default)]
    pub snapshot_at: Option<chrono::NaiveDateTime>,
    /// xxh3 of the file's bytes: the same file again is no new import.
    pub fingerprint: String,
}

/// Which parts of an officer a set of reports speaks for, and the
/// snapshot (files and time) of each.
#[derive(Debug, Clone, Default)]
pub struct Covers {
    pub completions: Option<Snapshot>,
    pub assignments: Option<Snapshot>,
    pub details: Option<Snapshot>,
    pub assessments: Option<Snapshot>,
}

/// What an import would change, officer by officer.
#[derive(Debug, Default)]
pub struct Changes {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: usize,
    pub not_in_latest: Vec<String>,
    /// Officers this (older) report lists and a newer report of their
    /// department, already imported, does not: flagged so.
    pub not_in_newer: Vec<String>,
    /// Officers whose figures come from a newer report than this one:
    /// kept as they are (the import is recorded as history).
    pub kept_newer: Vec<String>,
    /// The same files were imported before: nothing is written.
    pub already_imported: Option<u64>,
}

/// Everything of the roster, read at once.
#[derive(Debug, Default)]
pub struct RosterSnapshot {
    pub officers: Vec<Officer>,
    pub imports: Vec<ImportRecord>,
    pub durations: Vec<DurationSeen>,
}

/// The latest import of exactly these files (by fingerprint, in any
/// order): importing them again changes nothing.
pub fn latest_import_of<'a>(log: &'a [ImportRecord], prints: &[&str]) -> Option<&'a ImportRecord> {
    let mut ours = prints.to_vec();
    ours.sort_unstable();
    log.iter().rev().find(|i| {
        let mut theirs: Vec<&str> = i.files.iter().map(|f| f.fingerprint.as_str()).collect();
        theirs.sort_unstable();
        theirs == ours
    })
}

/// A part of an officer the import speaks for, unless the part already
/// comes from a newer report: then None, and the part is kept.
fn applies(new: &Option<Snapshot>, old: &Option<Snapshot>) -> Option<Snapshot> {
    let new = new.as_ref()?;
    match old {
        Some(old) if new.older_than(old) => None,
        _ => Some(new.clone()),
    }
}

/// The officer as the new reports leave them: what the reports cover is
/// replaced, unless a newer report gave it; the rest (and the cell's tier
/// override) kept. Also says whether a newer part was kept.
fn updated(old: Option<&Officer>, new: &Officer, covers: &Covers) -> (Officer, bool) {
    let Some(old) = old else {
        let mut o = new.clone();
        o.snapshots.completions.clone_from(&covers.completions);
        o.snapshots.assignments.clone_from(&covers.assignments);
        o.snapshots.details.clone_from(&covers.details);
        o.snapshots.assessments.clone_from(&covers.assessments);
        return (o, false);
    };
    let mut o = old.clone();
    let completions = applies(&covers.completions, &old.snapshots.completions);
    let assignments = applies(&covers.assignments, &old.snapshots.assignments);
    let details = applies(&covers.details, &old.snapshots.details);
    let assessments = applies(&covers.assessments, &old.snapshots.assessments);
    let kept = (covers.completions.is_some() && completions.is_none())
        || (covers.assignments.is_some() && assignments.is_none())
        || (covers.details.is_some() && details.is_none())
        || (covers.assessments.is_some() && assessments.is_none());
    if completions.is_some() {
        // A transfer stays a fact whatever the next report says.
        o.flags
            .retain(|f| matches!(f.kind, FlagKind::Unmapped | FlagKind::TwoDepartments));
        o.completions.clone_from(&new.completions);
        o.flags.extend(new.flags.iter().cloned());
        o.snapshots.completions = completions;
    } else {
        // Rows of this import that could not be read are still worth a look.
        for f in new
            .flags
            .iter()
            .filter(|f| f.kind == FlagKind::RowsUnreadable)
        {
            o.flag(f.kind, f.text.clone());
        }
    }
    if assignments.is_some() {
        o.assignments.clone_from(&new.assignments);
        o.snapshots.assignments = assignments;
    }
    if assessments.is_some() {
        o.assessments = with_earlier_attempts(&old.assessments, &new.assessments);
        o.snapshots.assessments = assessments;
    } else if covers.assessments.is_some() {
        // An older report's attempts are history beside the newer ones.
        let older = with_earlier_attempts(&new.assessments, &old.assessments);
        o.assessments = older;
    }
    transferred(&mut o, old, new, covers, kept);
    if details.is_some() || o.name.is_empty() {
        o.name.clone_from(&new.name);
    }
    if details.is_some() {
        o.portal_hours.clone_from(&new.portal_hours);
        o.service = new.service.or(o.service);
        o.batch = new.batch.or(o.batch);
        o.registered = new.registered.or(o.registered);
        o.snapshots.details = details;
    }
    if !kept {
        o.designation = new.designation.clone().or(o.designation);
        o.organisation = new.organisation.clone().or(o.organisation);
    }
    (o, kept)
}

/// The new report's attempts, and the earlier ones only an older report
/// showed (a failed attempt before a retake), kept as history.
fn with_earlier_attempts(
    old: &[ReportAssessment],
    new: &[ReportAssessment],
) -> Vec<ReportAssessment> {
    let mut all: Vec<ReportAssessment> = old
        .iter()
        .filter(|a| !new.iter().any(|n| n.same_attempt(a)))
        .map(|a| ReportAssessment {
            earlier: true,
            ..a.clone()
        })
        .collect();
    all.extend(new.iter().cloned());
    all
}

/// An officer a report lists under another department than the one the
/// roster had: one officer, flagged `two-departments`, and under the new
/// department unless an older report gave it.
fn transferred(o: &mut Officer, old: &Officer, new: &Officer, covers: &Covers, kept: bool) {
    let (Some(was), Some(now)) = (&old.organisation, &new.organisation) else {
        return;
    };
    if Departments::same_name(was, now) {
        return;
    }
    let at = [
        &covers.completions,
        &covers.details,
        &covers.assessments,
        &covers.assignments,
    ]
    .into_iter()
    .flatten()
    .flat_map(|s| s.files.first())
    .next()
    .cloned()
    .unwrap_or_default();
    let (first, then) = if kept { (now, was) } else { (was, now) };
    o.flag(
        FlagKind::TwoDepartments,
        format!("listed by \"{first}\" and then by \"{then}\" ({at}): a transfer? one officer, under the latest report's department"),
    );
    if !kept {
        o.mdoid.clone_from(&new.mdoid);
    }
}

/// What a cell reads of an officer: everything but where it came from, so
/// a newer file with the same figures leaves the officer "unchanged".
fn figures(o: &Officer) -> impl PartialEq + '_ {
    let completions: Vec<_> = o
        .completions
        .iter()
        .map(|c| (&c.course, &c.title, c.date, c.seconds, &c.certificate))
        .collect();
    let assignments: Vec<_> = o
        .assignments
        .iter()
        .map(|a| (&a.course, a.allocated, a.due))
        .collect();
    let attempts: Vec<_> = o
        .assessments
        .iter()
        .map(|a| (&a.name, a.attempted, a.passed, a.attempts))
        .collect();
    let mut flags: Vec<FlagKind> = o.flags.iter().map(|f| f.kind).collect();
    flags.sort();
    flags.dedup();
    (
        (&o.name, &o.designation, &o.organisation, o.service, o.batch),
        (
            o.registered,
            &o.tier_override,
            completions,
            assignments,
            flags,
        ),
        (o.portal_hours.as_ref().map(|p| p.seconds), attempts),
    )
}

/// The officer records an import writes, noting each change in `changes`;
/// None when the same files were imported before.
pub fn roster_writes(
    current: &RosterSnapshot,
    gathered: &Gathered,
    files: &[ImportedFile],
    covers: &Covers,
    today: chrono::NaiveDate,
    changes: &mut Changes,
) -> Option<Vec<Officer>> {
    if let Some(number) = previous_import(current, files) {
        changes.already_imported = Some(number);
        return None;
    }
    let known: BTreeMap<&OfficerId, &Officer> =
        current.officers.iter().map(|o| (&o.id, o)).collect();
    let mut writes: Vec<Officer> = Vec::new();
    for new in &gathered.officers {
        let old = known.get(&new.id).copied();
        if old.is_some() && gathered.refused_only.contains(&new.id) {
            continue; // kept as known, and flagged: `unreadable_only`
        }
        let (next, kept) = updated(old, new, covers);
        if kept {
            changes.kept_newer.push(new.id.0.clone());
        }
        let mut next = next;
        if old.is_none() {
            flag_missing_from_newer(current, &mut next, covers, changes);
        }
        match old {
            None => changes.added.push(new.id.0.clone()),
            Some(o) if figures(o) == figures(&next) => changes.unchanged += 1,
            Some(_) => changes.updated.push(new.id.0.clone()),
        }
        writes.push(next);
    }
    writes.extend(unreadable_only(current, gathered, covers, changes));
    // A completion report with no row at all says nothing of anyone.
    let no_row = files
        .iter()
        .filter(|f| f.kind == "consumption")
        .all(|f| f.rows == 0);
    if let Some(snapshot) = covers.completions.as_ref().filter(|_| !no_row) {
        writes.extend(flag_not_in_latest(
            current, gathered, snapshot, today, changes,
        ));
    }
    Some(writes)
}

/// An officer first met in an older report than their department's latest
/// one already imported: that newer report did not list them.
fn flag_missing_from_newer(
    current: &RosterSnapshot,
    officer: &mut Officer,
    covers: &Covers,
    changes: &mut Changes,
) {
    let Some(snapshot) = &covers.completions else {
        return;
    };
    let newer = current.officers.iter().find_map(|o| {
        let theirs = o.snapshots.completions.as_ref()?;
        (Departments::same(o, officer) && snapshot.older_than(theirs)).then_some(theirs)
    });
    if let Some(newer) = newer {
        let when = newer.at.map_or(String::new(), |t| {
            format!(" of {}", t.format("%d.%m.%Y %H:%M"))
        });
        officer.flag(
            FlagKind::NotInLatestReport,
            format!("not in the newer report{when} ({})", newer.files.join(", ")),
        );
        changes.not_in_newer.push(officer.id.0.clone());
    }
}

/// Known officers this import names only in rows it could not read:
/// flagged, the rest of them kept.
fn unreadable_only(
    current: &RosterSnapshot,
    gathered: &Gathered,
    covers: &Covers,
    changes: &mut Changes,
) -> Vec<Officer> {
    let mut writes = Vec::new();
    for o in &current.officers {
        let Some(rows) = gathered.unreadable.get(&o.id) else {
            continue;
        };
        if !gathered.refused_only.contains(&o.id) {
            continue;
        }
        let mut next = o.clone();
        if applies(&covers.completions, &o.snapshots.completions).is_some() {
            next.flags.retain(|f| f.kind != FlagKind::RowsUnreadable);
        }
        next.flag(FlagKind::RowsUnreadable, unreadable_text(rows));
        if figures(o) == figures(&next) {
            changes.unchanged += 1;
        } else {
            changes.updated.push(o.id.0.clone());
        }
        writes.push(next);
    }
    writes
}

/// The number of the latest import of exactly these files, if any.
fn previous_import(current: &RosterSnapshot, files: &[ImportedFile]) -> Option<u64> {
    let prints: Vec<&str> = files.iter().map(|f| f.fingerprint.as_str()).collect();
    latest_import_of(&current.imports, &prints).map(|i| i.number)
}

/// Officers a full completion report no longer lists, newly flagged so;
/// not those whose figures come from a newer report, nor those whose rows
/// this one has but could not read.
fn flag_not_in_latest(
    current: &RosterSnapshot,
    gathered: &Gathered,
    snapshot: &Snapshot,
    today: chrono::NaiveDate,
    changes: &mut Changes,
) -> Vec<Officer> {
    let seen: std::collections::BTreeSet<&OfficerId> = gathered
        .officers
        .iter()
        .map(|o| &o.id)
        .chain(gathered.unreadable.keys())
        .collect();
    let departments = Departments::of(gathered);
    let mut writes = Vec::new();
    for o in current.officers.iter().filter(|o| !seen.contains(&o.id)) {
        if !departments.cover(o) {
            continue;
        }
        let newer = o
            .snapshots
            .completions
            .as_ref()
            .is_some_and(|s| snapshot.older_than(s));
        if newer
            || o.flags
                .iter()
                .any(|f| f.kind == FlagKind::NotInLatestReport)
        {
            continue;
        }
        let mut o = o.clone();
        let which = match &o.organisation {
            Some(d) if departments.named() => format!("{d}'s report"),
            _ => "the report".to_string(),
        };
        o.flag(
            FlagKind::NotInLatestReport,
            format!("not in {which} imported on {today}"),
        );
        changes.not_in_latest.push(o.id.0.clone());
        writes.push(o);
    }
    writes
}
