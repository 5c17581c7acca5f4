//! `catalogue`, `catalogue sync` and `courses --portal`: the portal's
//! catalogue, fetched once and then read offline.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::time::Duration;

use serde::Serialize;

use super::args::{CatalogueAction, CatalogueArgs, CoursesArgs, SyncArgs};
use super::output::{emit, json, Table};
use super::{Context, Failure, Outcome, Problem};
use crate::catalogue::portal::{PortalCourse, PortalSnapshot, SNAPSHOT_FORMAT};
use crate::catalogue::portal_match::PortalIndex;
use crate::catalogue::{Catalogue, Competency};
use crate::portal::fetch::{fetch_all, Progress, Reach};
use crate::units::hours::hours_value;
use crate::units::words::count;

/// The snapshot `catalogue sync` keeps, if there is one.
pub fn snapshot_in_use() -> Result<Option<PortalSnapshot>, Failure> {
    crate::portal::load().map_err(|e| Problem::Snapshot(e).into())
}

fn day(d: chrono::NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

pub fn catalogue(ctx: &Context, args: &CatalogueArgs) -> Outcome {
    match &args.action {
        Some(CatalogueAction::Sync(a)) => sync(ctx, a),
        None => status(ctx, args.json),
    }
}

#[derive(Serialize)]
struct StatusJson {
    snapshot: Option<SnapshotJson>,
}

#[derive(Serialize)]
struct SnapshotJson {
    path: String,
    portal: String,
    fetched: chrono::NaiveDate,
    courses: usize,
    with_duration: usize,
    listed: usize,
    matched: usize,
    missing: Vec<String>,
}

fn status(ctx: &Context, as_json: bool) -> Outcome {
    let path = crate::portal::snapshot_path().map_err(Problem::Snapshot)?;
    let Some(snap) = snapshot_in_use()? else {
        if as_json {
            return json(&StatusJson { snapshot: None });
        }
        return emit("No portal catalogue yet: `karmadash catalogue sync` fetches it, the only command that uses the network.\n");
    };
    let c = &ctx.catalogue;
    let index = PortalIndex::new(c, &snap);
    let listed = index.listed(c);
    let with_duration = snap.courses.iter().filter(|p| p.seconds.is_some()).count();
    let s = SnapshotJson {
        path: path.display().to_string(),
        portal: snap.portal.clone(),
        fetched: snap.fetched,
        courses: snap.courses.len(),
        with_duration,
        listed: listed.listed,
        matched: listed.matched,
        missing: listed
            .missing
            .iter()
            .map(|&m| c.courses[m].title.clone())
            .collect(),
    };
    if as_json {
        return json(&StatusJson { snapshot: Some(s) });
    }
    emit(&format!(
        "Portal catalogue of {}: {} from {}, {} with a duration.\n\
         Kept in {}.\n\
         It has {} of the {} titles the orders list; `karmadash lint` names the {} it lacks.\n\
         Plans take durations from your hours, then imported reports, then this catalogue, then a course CSV.\n",
        day(s.fetched),
        count(s.courses as i64, "course", "courses"),
        s.portal,
        s.with_duration,
        s.path,
        s.matched,
        s.listed,
        s.listed - s.matched,
    ))
}

/// `--timeout` and `--tries` within their bounds.
fn reach(args: &SyncArgs) -> Result<Reach, Failure> {
    if !(1..=600).contains(&args.timeout) {
        return Err(Problem::SyncOption {
            option: "--timeout",
            value: args.timeout,
            range: "1 to 600 seconds",
        }
        .into());
    }
    if !(1..=10).contains(&args.tries) {
        return Err(Problem::SyncOption {
            option: "--tries",
            value: args.tries,
            range: "1 to 10",
        }
        .into());
    }
    Ok(Reach {
        portal: args.portal.clone(),
        timeout: Duration::from_secs(args.timeout as u64),
        tries: args.tries as u32,
        backoff: Duration::from_secs(1),
    })
}

fn sync(ctx: &Context, args: &SyncArgs) -> Outcome {
    let before = snapshot_in_use().ok().flatten();
    let snap = match &args.from {
        Some(file) => match crate::portal::load_from(file).map_err(Problem::Snapshot)? {
            Some(s) => s,
            None => return Err(Problem::NoSnapshotFile { path: file.clone() }.into()),
        },
        None => {
            let reach = reach(args)?;
            let mut line = ProgressLine::new();
            let fetched = fetch_all(&reach, &mut |p| line.show(&p));
            line.clear();
            PortalSnapshot {
                format: SNAPSHOT_FORMAT,
                portal: reach.portal.trim().trim_end_matches('/').to_string(),
                fetched: ctx.today,
                courses: fetched.map_err(|error| Problem::Sync {
                    error,
                    kept: before.as_ref().map(|b| b.fetched),
                })?,
            }
        }
    };
    let path = crate::portal::save(&snap).map_err(Problem::Snapshot)?;
    let index = PortalIndex::new(&ctx.catalogue, &snap);
    let listed = index.listed(&ctx.catalogue);
    let mut out = format!(
        "Kept {} of {}, {}, in {}.\n",
        count(snap.courses.len() as i64, "course", "courses"),
        snap.portal,
        day(snap.fetched),
        path.display()
    );
    if let Some(old) = before {
        out.push_str(&changes(&old, &snap));
    }
    out.push_str(&format!(
        "It has {} of the {} titles the orders list; `karmadash lint` names the rest.\n",
        listed.matched, listed.listed
    ));
    emit(&out)
}

/// What a sync changed against the snapshot it replaced.
fn changes(old: &PortalSnapshot, new: &PortalSnapshot) -> String {
    let was: HashMap<&str, Option<u32>> = old
        .courses
        .iter()
        .map(|c| (c.identifier.as_str(), c.seconds))
        .collect();
    let now: HashMap<&str, Option<u32>> = new
        .courses
        .iter()
        .map(|c| (c.identifier.as_str(), c.seconds))
        .collect();
    let added = now.keys().filter(|k| !was.contains_key(*k)).count();
    let gone = was.keys().filter(|k| !now.contains_key(*k)).count();
    let retimed = now
        .iter()
        .filter(|(k, s)| was.get(*k).is_some_and(|w| w != *s))
        .count();
    format!(
        "It replaces the catalogue of {} ({}): {added} added, {gone} gone, {retimed} with a new duration.\n",
        day(old.fetched),
        count(old.courses.len() as i64, "course", "courses"),
    )
}

/// The sync's progress on a terminal's stderr, one line redrawn; nothing
/// when stderr is not a terminal (a script's log stays clean).
struct ProgressLine {
    on: bool,
}

impl ProgressLine {
    fn new() -> ProgressLine {
        ProgressLine {
            on: std::io::stderr().is_terminal(),
        }
    }

    fn show(&mut self, p: &Progress) {
        if !self.on {
            return;
        }
        let text = match p {
            Progress::Page {
                page,
                pages,
                courses,
            } => format!("page {page} of {pages}: {courses} courses"),
            Progress::Retry {
                page,
                wait,
                failure,
            } => format!(
                "page {page}: {failure}; trying again in {} s",
                wait.as_secs()
            ),
        };
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{}", crate::units::text::visible(&text));
        let _ = err.flush();
    }

    fn clear(&mut self) {
        if self.on {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
    }
}

/// The portal areas of a course as `BF-` badges, `-` when it names none.
pub fn portal_badges(courses: &[&PortalCourse]) -> String {
    let kinds: Vec<Competency> = courses.iter().flat_map(|p| p.kinds()).collect();
    if kinds.is_empty() {
        return "-".into();
    }
    Competency::badges(&kinds, '-')
}

/// Hours of one or two portal courses of a title: `1.50`, `0.25|2.00`, `?`.
pub fn portal_hours(courses: &[&PortalCourse]) -> String {
    let mut hours: Vec<u32> = courses.iter().filter_map(|p| p.seconds).collect();
    hours.sort_unstable();
    hours.dedup();
    if hours.is_empty() {
        return "?".into();
    }
    hours
        .iter()
        .map(|s| format!("{:.2}", hours_value(u64::from(*s))))
        .collect::<Vec<_>>()
        .join("|")
}

/// `courses --portal [--competency C] [--theme T]`.
pub fn courses(_catalogue: &Catalogue, args: &CoursesArgs) -> Outcome {
    let Some(snap) = snapshot_in_use()? else {
        return Err(Problem::NoSnapshot.into());
    };
    let competency: Option<Competency> = args.competency.map(Into::into);
    let theme = args.theme.as_deref().map(str::to_lowercase);
    // Each course under each of its area and theme pairs it names.
    let mut rows: Vec<(String, String, &PortalCourse)> = Vec::new();
    for p in &snap.courses {
        let mut pairs: Vec<(String, String)> = p
            .competencies
            .iter()
            .filter(|c| competency.is_none_or(|k| c.kind() == Some(k)))
            .filter(|c| {
                theme
                    .as_ref()
                    .is_none_or(|t| c.theme.to_lowercase().contains(t))
            })
            .map(|c| (c.area.clone(), c.theme.clone()))
            .collect();
        if p.competencies.is_empty() && competency.is_none() && theme.is_none() {
            pairs.push(("(no competency)".into(), String::new()));
        }
        pairs.dedup();
        rows.extend(pairs.into_iter().map(|(a, t)| (a, t, p)));
    }
    rows.sort_by(|a, b| (&a.0, &a.1, &a.2.name).cmp(&(&b.0, &b.1, &b.2.name)));
    if args.json {
        let mut seen = std::collections::HashSet::new();
        let list: Vec<&PortalCourse> = rows
            .iter()
            .map(|r| r.2)
            .filter(|p| seen.insert(&p.identifier))
            .collect();
        return json(&list);
    }
    if rows.is_empty() {
        return emit("No course of the portal's catalogue matches these filters.\n");
    }
    let mut out = String::new();
    let mut t = Table::new(&["HOURS", "THEME", "COURSE"]).right(0);
    let mut area = None;
    for (a, theme, p) in &rows {
        if area != Some(a) {
            if area.is_some() {
                out.push_str(&t.render());
                out.push('\n');
                t = Table::new(&["HOURS", "THEME", "COURSE"]).right(0);
            }
            out.push_str(&format!("{a}:\n"));
            area = Some(a);
        }
        t.row(vec![portal_hours(&[p]), theme.clone(), p.name.clone()]);
    }
    out.push_str(&t.render());
    out.push_str(&format!(
        "\nThe portal's catalogue of {}; a course of several themes is under each.\n",
        day(snap.fetched)
    ));
    emit(&out)
}
