//! `status` and `report`: the engine's answers, for people and scripts
//! (`plan` is in `plan_cmds`).

use super::args::{ReportArgs, ReportFormat, StatusArgs};
use super::json::status::{Report, ReportRow};
use super::output::{csv_table, emit, emit_prose, json, Cell, Table};
use super::status_fast::Kept;
use super::status_words::{long_text, short_line};
use super::{parse_fy, snapshot, Context, Failure, Outcome, Problem};
use crate::rules::engine::{evaluate, Inputs, Status};
use crate::rules::fy::FinancialYear;
use crate::store::Snapshot;
use crate::units::hours::{format_hours, hours_value};
use crate::units::text::visible;
use crate::units::words::count;

/// Loads the store and evaluates the year, or says how to start.
pub fn evaluate_year(ctx: &Context, fy: Option<&str>) -> Result<(Snapshot, Status), Failure> {
    let fy = match fy {
        Some(s) => parse_fy(s)?,
        None => FinancialYear::containing(ctx.today),
    };
    let snap = snapshot(ctx)?;
    let Some(profile) = &snap.profile else {
        return Err(Problem::NoProfileForStatus.into());
    };
    if let Some(w) = crate::app::profile_edit::stored_state_warning(profile) {
        eprintln!(
            "karmadash: warning: {}",
            super::wording::stored_state_warning(&w)
        );
    }
    let inputs = Inputs::from_records(&ctx.catalogue, profile, snap.records(), ctx.today);
    let status = evaluate(&inputs, fy).map_err(Failure::from)?;
    Ok((snap, super::wording::worded(status)))
}

/// `kept`: where a `--short` answer is kept for the next shell prompt.
pub fn status(ctx: &Context, args: &StatusArgs, kept: Option<&Kept>) -> Outcome {
    let (snap, st) = evaluate_year(ctx, args.fy.as_deref())?;
    let shortfalls = st.shortfalls().count();
    let profile = snap.profile.as_ref().expect("checked in evaluate_year");
    if args.json {
        json(&super::json::status::status(profile, &st))?;
    } else if args.short {
        // Not with a warning: the kept answer would print the line without it.
        let warned = crate::app::profile_edit::stored_state_warning(profile).is_some();
        if let Some(kept) = kept.filter(|_| !warned) {
            kept.keep(&st);
        }
        emit(&format!("{}\n", short_line(ctx.lang, &st)))?;
    } else {
        emit_prose(&long_text(ctx.lang, &st))?;
    }
    // The same verdict as the text, --short and --json: not on track fails.
    if args.check && !st.on_track {
        return Err(Problem::NotOnTrack {
            shortfalls,
            fy: st.fy,
        }
        .into());
    }
    Ok(())
}

pub fn report(ctx: &Context, args: &ReportArgs) -> Outcome {
    let (snap, st) = evaluate_year(ctx, args.fy.as_deref())?;
    let tier = st.tier.id.clone();
    let mut completions: Vec<_> = snap
        .completions
        .iter()
        .filter(|c| st.fy.contains(c.date) && c.date <= st.as_of)
        .collect();
    completions.sort_by_key(|c| (c.date, c.id));
    let rows: Vec<ReportRow> = completions
        .iter()
        .map(|c| {
            let competency = tier
                .as_deref()
                .and_then(|t| ctx.catalogue.course_by_title(&c.course).map(|id| (t, id)))
                .and_then(|(t, id)| {
                    ctx.catalogue
                        .course_listings(id)
                        .find(|l| l.tier == t)
                        .map(|l| {
                            l.competencies
                                .iter()
                                .map(|k| k.id())
                                .collect::<Vec<_>>()
                                .join("+")
                        })
                })
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "-".into());
            // Short enough for an APAR table: the kind and the order's short name.
            let served = st
                .requirements
                .iter()
                .filter(|r| r.counted.contains(&c.id))
                .map(|r| {
                    let short = ctx
                        .catalogue
                        .rulebook(&r.rulebook)
                        .map_or(r.rulebook.as_str(), |b| b.short.as_str());
                    format!("{} ({short})", r.served_words())
                })
                .collect();
            ReportRow {
                id: c.id,
                course: c.title.clone(),
                competency,
                date: c.date,
                seconds: c.seconds,
                hours: hours_value(u64::from(c.seconds)),
                certificate: c.certificate.clone().unwrap_or_default(),
                served,
            }
        })
        .collect();
    // Summed in seconds and rounded once, as the portal does.
    let total_seconds: u64 = completions.iter().map(|c| u64::from(c.seconds)).sum();
    let report = Report {
        fy: st.fy,
        name: snap.profile.as_ref().and_then(|p| p.name.clone()),
        tier,
        total_courses: rows.len(),
        total_hours: hours_value(total_seconds),
        total_seconds,
        requirements_met: st.requirements.iter().filter(|r| r.met).count(),
        requirements: st.requirements.len(),
        rows,
    };
    match args.format {
        ReportFormat::Json => json(&report),
        ReportFormat::Csv => emit(&report_csv(&report)),
        ReportFormat::Md => emit(&report_md(&report)),
    }
}

fn report_csv(r: &Report) -> String {
    let served: Vec<String> = r.rows.iter().map(|row| row.served.join("; ")).collect();
    let total = [
        Cell::Own("TOTAL".into()),
        Cell::Own(String::new()),
        Cell::Own(String::new()),
        Cell::Own(format_hours(r.total_seconds)),
        Cell::Own(String::new()),
        Cell::Own(count(r.total_courses as i64, "course", "courses")),
    ];
    csv_table(
        &[
            "course",
            "competency",
            "date",
            "hours",
            "certificate",
            "served",
        ],
        r.rows
            .iter()
            .zip(&served)
            .map(|(row, served)| {
                vec![
                    Cell::Text(&row.course),
                    Cell::Own(row.competency.clone()),
                    Cell::Own(row.date.to_string()),
                    Cell::Own(format_hours(u64::from(row.seconds))),
                    Cell::Text(&row.certificate),
                    Cell::Text(served),
                ]
            })
            .chain([Vec::from(total)]),
    )
}

fn report_md(r: &Report) -> String {
    let mut out = format!(
        "## iGOT Karmayogi training, FY {}{}\n\n",
        r.fy,
        r.name
            .as_deref()
            .map(|n| format!(": {}", visible(n)))
            .unwrap_or_default()
    );
    let mut t = Table::new(&[
        "| Course",
        "| Competency",
        "| Date",
        "| Hours",
        "| Certificate",
        "| Served",
        "|",
    ]);
    for row in &r.rows {
        let md = |s: &str| format!("| {}", s.replace('|', "\\|"));
        t.row(vec![
            md(&row.course),
            md(&row.competency),
            md(&row.date.format("%d.%m.%Y").to_string()),
            md(&format_hours(u64::from(row.seconds))),
            md(&row.certificate),
            md(&row.served.join("; ")),
            "|".into(),
        ]);
    }
    let table = t.render();
    let mut lines = table.lines();
    if let Some(header) = lines.next() {
        out.push_str(header);
        out.push('\n');
        out.push_str("|---|---|---|---|---|---|\n");
    }
    for l in lines {
        out.push_str(l);
        out.push('\n');
    }
    out.push_str(&format!(
        "\nTotal: {}, {} hours. Requirements met: {} of {}.\n",
        count(r.total_courses as i64, "course", "courses"),
        format_hours(r.total_seconds),
        r.requirements_met,
        r.requirements
    ));
    out
}
