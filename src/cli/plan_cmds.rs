//! `plan` and `shortlist`: what closes the gaps, and the courses an officer
//! means to take with the hours planned for them.

use super::args::{PlanArgs, ShortlistAction, ShortlistAdd, ShortlistArgs, ShortlistList};
use super::json::plan::ShortlistRow;
use super::output::{emit, json, Table};
use super::status_cmds::evaluate_year;
use super::{snapshot, store, Context, Failure, Outcome, Problem};
use crate::app::planning::{durations, plan_of, portal_offers};
use crate::app::progress::resolve_course;
use crate::catalogue::portal::PortalSnapshot;
use crate::catalogue::portal_match::PortalIndex;
use crate::catalogue::Competency;
use crate::rules::durations::Durations;
use crate::rules::engine::Standing;
use crate::rules::plan::{HoursGap, Plan, PlanOptions};
use crate::rules::proposal::{ProposalOptions, Proposed};
use crate::store::Snapshot;
use crate::units::duration::parse_hours;
use crate::units::hours::{format_hours, HOUR};
use crate::units::text::visible;
use crate::units::words::count;

/// The most hours a week anyone can give: the hours of a week.
const WEEK_HOURS: f64 = 168.0;

/// `--hours-per-week H`: a positive number of hours, at most a week's.
pub fn parse_hours_per_week(text: &str) -> Result<f64, Failure> {
    let t = text.trim();
    let h: f64 = t
        .parse()
        .ok()
        .filter(|h: &f64| h.is_finite())
        .ok_or_else(|| {
            Failure::from(Problem::HoursPerWeekNotANumber {
                value: t.to_string(),
            })
        })?;
    if h <= 0.0 || h > WEEK_HOURS {
        return Err(Problem::HoursPerWeekOutOfRange {
            value: t.to_string(),
            most: WEEK_HOURS,
        }
        .into());
    }
    Ok(h)
}

/// Every source of durations, the imported reports' and the portal
/// catalogue's included.
pub fn all_durations(
    ctx: &Context,
    snap: &Snapshot,
    portal: Option<&PortalIndex>,
) -> Result<Durations, Failure> {
    let roster = store(ctx)?.roster().map_err(Failure::from)?;
    Ok(durations(&ctx.catalogue, snap, &roster.durations, portal))
}

/// The plan of the year `fy` with these options, from the store, and the
/// portal catalogue it used; `from_portal` fills the hours from it.
pub fn plan_for(
    ctx: &Context,
    fy: Option<&str>,
    options: &PlanOptions,
    from_portal: bool,
) -> Result<(Plan, Option<PortalSnapshot>), Failure> {
    let (snap, st) = evaluate_year(ctx, fy)?;
    let portal = super::portal_cmds::snapshot_in_use()?;
    if from_portal && portal.is_none() {
        return Err(Problem::NoSnapshot.into());
    }
    let index = portal.as_ref().map(|p| PortalIndex::new(&ctx.catalogue, p));
    let d = all_durations(ctx, &snap, index.as_ref())?;
    let offers = match (&index, from_portal) {
        (Some(index), true) => portal_offers(&ctx.catalogue, index),
        _ => Vec::new(),
    };
    let plan = plan_of(&ctx.catalogue, &st, &snap, &d, options, &offers);
    Ok((plan, portal))
}

pub fn plan(ctx: &Context, args: &PlanArgs) -> Outcome {
    let options = PlanOptions {
        proposal: ProposalOptions {
            competency: args.competency.map(Into::into),
            limit: args.limit,
        },
        hours_per_week: args
            .hours_per_week
            .as_deref()
            .map(parse_hours_per_week)
            .transpose()?,
    };
    if args.limit == Some(0) {
        return Err(Problem::LimitZero.into());
    }
    let (p, portal) = plan_for(ctx, args.fy.as_deref(), &options, args.from_portal)?;
    if args.json {
        return json(&super::json::plan::plan(&p));
    }
    let mut text = plan_text(&p, &options);
    if let Some(portal) = &portal {
        text.push_str(&portal_note(&p, portal));
    }
    emit(&text)
}

/// Which catalogue the portal's durations come from, and the proposed
/// courses it lacks (whose hours nobody knows yet).
fn portal_note(p: &Plan, portal: &PortalSnapshot) -> String {
    let lacking: Vec<String> = p
        .proposal
        .iter()
        .filter(|c| c.duration_source == "unknown")
        .map(|c| format!("\"{}\"", visible(&c.title)))
        .collect();
    let mut out = format!(
        "\nDurations marked portal: the portal's catalogue of {} (`karmadash catalogue`).\n",
        day(portal.fetched)
    );
    if !lacking.is_empty() {
        out.push_str(&format!(
            "Not in that catalogue, so of unknown hours: {}.\n",
            lacking.join("; ")
        ));
    }
    out
}

fn day(d: chrono::NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

fn mark(s: Standing) -> String {
    format!("[{}]", s.word())
}

/// The hours of a proposed course: `2.00`, `1.50|2.00` for two, `?`.
fn hours_cell(p: &Proposed) -> String {
    match p.durations.len() {
        0 => "?".into(),
        1 => format!("{:.2}", p.durations[0]),
        _ => p
            .durations
            .iter()
            .map(|h| format!("{h:.2}"))
            .collect::<Vec<_>>()
            .join("|"),
    }
}

fn source_word(s: &str) -> &str {
    match s {
        "yours" => "your hours",
        "report" => "report",
        "course-csv" => "course CSV",
        "portal" => "portal",
        _ => "unknown",
    }
}

pub fn plan_text(p: &Plan, options: &PlanOptions) -> String {
    let mut out = format!("Plan for {} as of {}: {}.\n", p.fy, day(p.as_of), p.verdict);
    if p.steps.is_empty() {
        out.push_str("\nEvery requirement of the year is met. Nothing to plan.\n");
        return out;
    }
    out.push_str(&steps_text(p));
    if !p.proposal.is_empty() {
        out.push_str(&proposal_text(p, options));
    }
    if let Some(h) = &p.hours {
        out.push_str(&hours_text(h));
    }
    out.push_str(&schedule_text(p));
    out.push_str("\nRecord a course with `karmadash done \"COURSE\" --hours H`; shortlist one with `karmadash shortlist add \"COURSE\" --hours H`.\n");
    out
}

/// The open requirements, behind or overdue first, each with its action.
fn steps_text(p: &Plan) -> String {
    let mut out = format!(
        "\nNext steps ({}, behind or overdue first):\n",
        count(
            p.steps.len() as i64,
            "open requirement",
            "open requirements"
        )
    );
    for s in &p.steps {
        let due = s
            .due
            .map_or_else(|| "no date".to_string(), |d| format!("due {}", day(d)));
        out.push_str(&format!(
            "{} {}\n",
            mark(s.standing),
            visible(&s.requirement)
        ));
        out.push_str(&format!(
            "    missing {}; {due}\n    -> {}\n",
            s.missing,
            super::wording::step_action(&s.action)
        ));
        if !s.courses.is_empty() && s.kind != "all-mandatory" && s.kind != "hours-per-fy" {
            let titles: Vec<_> = s.courses.iter().map(|t| visible(t).into_owned()).collect();
            out.push_str(&format!("    proposed: {}\n", titles.join("; ")));
        }
    }
    out
}

/// The proposed courses as a table, with the tier's coverage and what was left out.
fn proposal_text(p: &Plan, options: &PlanOptions) -> String {
    let filter = options
        .proposal
        .competency
        .map(|c: Competency| format!(", optional ones {}", c.id()))
        .unwrap_or_default();
    let mut out = format!(
        "\nProposal ({}, each once, mandatory first{filter}):\n",
        count(p.proposal.len() as i64, "course", "courses")
    );
    let mut t = Table::new(&["HOURS", "SOURCE", "WHY", "BFD", "DUE", "COURSE"]).right(0);
    for c in &p.proposal {
        t.row(vec![
            hours_cell(c),
            source_word(c.duration_source).into(),
            c.reason.word().into(),
            Competency::badges(&c.competencies, '-'),
            c.due.map_or_else(String::new, day),
            match &c.theme {
                Some(theme) => format!("{} ({theme})", c.title),
                None => c.title.clone(),
            },
        ]);
    }
    out.push_str(&indent(&t.render()));
    if p.proposal.iter().any(|c| c.durations.len() > 1) {
        out.push_str("  A|B: two known durations; the title stands for courses of different lengths, and the plan counts the longer.\n");
    }
    if !p.coverage.is_empty() {
        let cov: Vec<String> = p
            .coverage
            .iter()
            .map(|c| {
                let name = c.competency.map_or("unclassified", |k| k.id());
                format!("{name} {} done + {} proposed", c.done, c.proposed)
            })
            .collect();
        out.push_str(&format!(
            "  Competencies of your tier: {}.\n",
            cov.join(", ")
        ));
    }
    if p.left_out > 0 {
        out.push_str(&format!(
            "  {} of your tier left out by --limit or --competency.\n",
            count(p.left_out as i64, "optional course", "optional courses")
        ));
    }
    out
}

/// The hours still needed, the weekly pace, and whether the proposal reaches them.
fn hours_text(h: &HoursGap) -> String {
    let mut out = format!(
        "\nHours: {} of {} done; {} still needed by {} ({:.1} weeks): {:.2} h a week.\n",
        format_hours(h.done_seconds),
        h.target,
        format_hours(h.needed_seconds),
        day(h.due),
        h.weeks_left,
        h.per_week
    );
    let unknown = if h.unknown > 0 {
        format!(
            "; {} no known duration (`karmadash shortlist add COURSE --hours H`, or a duration column in a course CSV)",
            count(h.unknown as i64, "course has", "courses have")
        )
    } else {
        String::new()
    };
    if h.short_seconds == 0 {
        out.push_str(&format!(
            "The proposal's known hours, {:.2}, reach the {} still needed{unknown}.\n",
            h.proposed,
            format_hours(h.needed_seconds)
        ));
    } else {
        out.push_str(&format!(
            "The proposal's known hours, {:.2}, fall {} h short of the {} needed{unknown}; any other iGOT course counts toward the hours.\n",
            h.proposed,
            format_hours(h.short_seconds),
            format_hours(h.needed_seconds)
        ));
    }
    out
}

fn indent(table: &str) -> String {
    table.lines().map(|l| format!("  {l}\n")).collect()
}

fn schedule_text(p: &Plan) -> String {
    let s = &p.schedule;
    if s.weeks.is_empty() {
        return String::new();
    }
    let known = s
        .weeks
        .iter()
        .flat_map(|w| &w.slots)
        .any(|slot| slot.hours.is_some());
    let rate = match &p.budget {
        Some(b) => format!("at your {} h a week", b.hours_per_week),
        None if !known => "one course a week, as no duration is known".to_string(),
        None => format!(
            "at {:.2} h a week, the least that meets every due date",
            s.needed_per_week
        ),
    };
    let mut out = format!("\nSchedule {rate} (week from, hours, courses):\n");
    for w in &s.weeks {
        let hours: u64 = w.slots.iter().filter_map(|slot| slot.seconds).sum();
        let slots: Vec<String> = w
            .slots
            .iter()
            .map(|slot| {
                let title = visible(&slot.title).into_owned();
                match (slot.finishes, slot.hours) {
                    (false, _) => format!("{title} (continues)"),
                    (true, None) => format!("{title} (? h)"),
                    (true, Some(_)) => title,
                }
            })
            .collect();
        out.push_str(&format!(
            "  {}  {:>5}  {}\n",
            day(w.start),
            format_hours(hours),
            slots.join("; ")
        ));
    }
    out.push_str(&schedule_verdict(p));
    out
}

/// Whether the schedule meets every due date, and if not by how much.
fn schedule_verdict(p: &Plan) -> String {
    let s = &p.schedule;
    let mut verdict = String::new();
    // Courses of no known duration: the schedule cannot time them.
    let unknown = s
        .weeks
        .iter()
        .flat_map(|w| &w.slots)
        .filter(|slot| slot.finishes && slot.hours.is_none())
        .count();
    if s.meets_due_dates && unknown == 0 {
        verdict.push_str("It meets every due date.\n");
    } else if s.meets_due_dates {
        verdict.push_str(&format!(
            "It meets every due date for the hours it knows; {} no known duration, so it cannot tell for {} (`karmadash shortlist add COURSE --hours H`).\n",
            count(unknown as i64, "course has", "courses have"),
            if unknown == 1 { "that one" } else { "those" }
        ));
    } else {
        // The course that finishes last tells how far the schedule overruns.
        let last = s
            .late
            .iter()
            .max_by_key(|l| l.finishes.unwrap_or(chrono::NaiveDate::MAX))
            .expect("a schedule that misses a due date names what is late");
        let when = last
            .finishes
            .map_or("not within two years".to_string(), |f| {
                format!("only by {}", day(f))
            });
        let what = format!("\"{}\" (due {})", visible(&last.title), day(last.due));
        let late = match s.late.len() {
            1 => format!("{what} would finish {when}"),
            n => format!("{n} courses would finish late, the last, {what}, {when}"),
        };
        verdict.push_str(&format!(
            "It cannot meet every due date: {late}; meeting them all takes {:.2} h a week{}.\n",
            s.needed_per_week,
            p.budget
                .as_ref()
                .map(|b| format!(", {:.2} more than you have", b.short_per_week))
                .unwrap_or_default()
        ));
    }
    verdict
}

pub fn shortlist(ctx: &Context, args: &ShortlistArgs) -> Outcome {
    match &args.action {
        ShortlistAction::Add(a) => shortlist_add(ctx, a),
        ShortlistAction::Remove(a) => {
            let (key, title) = course_key(ctx, &a.course.join(" "))?;
            let snap = snapshot(ctx)?;
            if !snap.shortlist.contains(&key) {
                return Err(Problem::NotShortlisted { title }.into());
            }
            store(ctx)?
                .set_shortlisted(&key, false)
                .map_err(Failure::from)
        }
        ShortlistAction::List(a) => shortlist_list(ctx, a),
    }
}

fn course_key(ctx: &Context, text: &str) -> Result<(String, String), Failure> {
    // The shortlist holds listed courses only: no --other to suggest.
    let id = resolve_course(&ctx.catalogue, text)
        .map_err(|e| Failure::from(Problem::ShortlistCourse(e)))?;
    let c = &ctx.catalogue.courses[id];
    Ok((c.key().into_owned(), c.title.clone()))
}

/// Hours as `done` takes them: one reader for every `--hours`.
fn planned_seconds(text: &str) -> Result<u32, Failure> {
    parse_hours(text).map_err(|e| Problem::Hours(e).into())
}

fn shortlist_add(ctx: &Context, a: &ShortlistAdd) -> Outcome {
    let (key, title) = course_key(ctx, &a.course.join(" "))?;
    let seconds = a.hours.as_deref().map(planned_seconds).transpose()?;
    let snap = snapshot(ctx)?;
    if let Some(c) = snap.completions.iter().find(|c| c.course == key) {
        return Err(Problem::AlreadyDone {
            title,
            completion: c.id,
            date: c.date,
        }
        .into());
    }
    let s = store(ctx)?;
    match seconds {
        Some(n) => s.shortlist_with_hours(&key, n),
        None => s.set_shortlisted(&key, true),
    }
    .map_err(Failure::from)
}

/// A duration's source as the JSON names it.
fn source_id(source: Option<crate::rules::durations::DurationSource>) -> &'static str {
    use crate::rules::durations::DurationSource;
    match source {
        Some(DurationSource::Yours) => "yours",
        Some(DurationSource::Report) => "report",
        Some(DurationSource::Portal) => "portal",
        Some(DurationSource::CourseCsv) => "course-csv",
        None => "unknown",
    }
}

fn shortlist_list(ctx: &Context, a: &ShortlistList) -> Outcome {
    let snap = snapshot(ctx)?;
    let portal = super::portal_cmds::snapshot_in_use()?;
    let index = portal.as_ref().map(|p| PortalIndex::new(&ctx.catalogue, p));
    let d = all_durations(ctx, &snap, index.as_ref())?;
    let rows: Vec<ShortlistRow> = snap
        .shortlist
        .iter()
        .map(|key| {
            let known = d.of(key);
            let title = ctx
                .catalogue
                .course_by_title(key)
                .map_or_else(|| key.clone(), |c| ctx.catalogue.courses[c].title.clone());
            ShortlistRow {
                course: key.clone(),
                title,
                hours: known
                    .seconds
                    .map(|s| f64::from(s) / f64::from(HOUR))
                    .map(|h| (h * 100.0).round() / 100.0),
                durations: known
                    .all
                    .iter()
                    .map(|s| (f64::from(*s) / f64::from(HOUR) * 100.0).round() / 100.0)
                    .collect(),
                duration_source: source_id(known.source),
            }
        })
        .collect();
    if a.json {
        return json(&rows);
    }
    if rows.is_empty() {
        return emit("Your shortlist is empty. Add a course with `karmadash shortlist add \"COURSE\" --hours H`.\n");
    }
    let mut t = Table::new(&["HOURS", "SOURCE", "COURSE"]).right(0);
    let mut total = 0u64;
    for r in &rows {
        let known = d.of(&r.course);
        total += known.seconds.map_or(0, u64::from);
        let hours = if known.all.is_empty() {
            "?".to_string()
        } else {
            known
                .all
                .iter()
                .map(|s| format_hours(u64::from(*s)))
                .collect::<Vec<_>>()
                .join("|")
        };
        t.row(vec![
            hours,
            source_word(r.duration_source).into(),
            r.title.clone(),
        ]);
    }
    let unknown = rows.iter().filter(|r| r.hours.is_none()).count();
    let mut out = t.render();
    out.push_str(&format!(
        "\n{} h planned{}.\n",
        format_hours(total),
        if unknown > 0 {
            format!(
                "; {} no known duration",
                count(unknown as i64, "course has", "courses have")
            )
        } else {
            String::new()
        }
    ));
    emit(&out)
}
