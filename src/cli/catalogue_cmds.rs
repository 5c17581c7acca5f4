//! `tiers`, `courses`, `search` and `lint`: the catalogue from the shell.

use std::path::Path;

use super::args::{CoursesArgs, LintArgs, SearchArgs, TiersArgs};
use super::json::catalogue::{ListingRow, SearchHit, SearchResult, TierRow};
use super::output::{emit, json, Table};
use super::{Context, Failure, Outcome, Problem};
use crate::catalogue::cache_mapped::{Mapped, Opened};
use crate::catalogue::lint::{lint as lint_catalogue, Severity};
use crate::catalogue::portal_match::PortalIndex;
use crate::catalogue::{Catalogue, Competency, Course, Listing, ListingStatus, Tier};
use crate::i18n::tr;
use crate::search::{Hit, IndexSections, SearchIndex};
use crate::units::text::visible;

/// Resolves `--tier` in any case, or names the nearest tier ids.
pub fn find_tier<'a>(catalogue: &'a Catalogue, id: &str) -> Result<&'a Tier, Failure> {
    catalogue
        .find_tier(id)
        .map_err(|e| super::wording::tier_failure("--tier", &e))
}

/// `BF-` badges; `unclassified` when the order gives none.
pub fn competency_badges(competencies: &[Competency]) -> String {
    if competencies.is_empty() {
        return "unclassified".into();
    }
    Competency::badges(competencies, '-')
}

fn tier_rows(c: &Catalogue) -> Vec<TierRow<'_>> {
    c.tiers
        .iter()
        .map(|t| TierRow {
            id: &t.id,
            service: t.service.id(),
            label: &t.label,
            label_hi: t.label_hi.as_deref(),
            rulebook: &t.rulebook,
            mandatory: c.tier_courses(&t.id, Some(ListingStatus::Mandatory)).len(),
            optional: c.tier_courses(&t.id, Some(ListingStatus::Optional)).len(),
            rows: c.tier_listings(&t.id).count(),
        })
        .collect()
}

pub fn tiers(ctx: &Context, args: &TiersArgs) -> Outcome {
    let rows = tier_rows(&ctx.catalogue);
    if args.json {
        return json(&rows);
    }
    // Fits 80 columns: the service has its own column, so the label drops
    // its "BSS, " prefix; --json or `courses --tier` give the rulebook.
    let header = ["tier", "service", "mand", "opt", "label"]
        .map(|c| tr(ctx.lang, &format!("cli-tiers-col-{c}"), &[]));
    let mut t = Table::new(&header.each_ref().map(String::as_str))
        .right(2)
        .right(3);
    for r in &rows {
        let prefix = format!("{}, ", r.service.to_uppercase());
        t.row(vec![
            r.id.into(),
            r.service.into(),
            r.mandatory.to_string(),
            r.optional.to_string(),
            r.label.strip_prefix(&prefix).unwrap_or(r.label).into(),
        ]);
    }
    let note = tr(ctx.lang, "cli-tiers-note", &[]);
    emit(&format!("{}\n{note}\n", t.render()))
}

fn listing_row<'a>(c: &'a Catalogue, l: &'a Listing) -> ListingRow<'a> {
    ListingRow {
        id: &l.id,
        tier: &l.tier,
        row: l.row,
        status: l.status.id(),
        competencies: l.competencies.iter().map(|c| c.id()).collect(),
        title: &l.title,
        course: l.course.map(|id| c.courses[id].key()),
        defect: l.defect.map(|d| d.id()),
        rulebook: &l.rulebook,
        source: l.origin.to_string(),
    }
}

pub fn courses(ctx: &Context, args: &CoursesArgs) -> Outcome {
    let c = &ctx.catalogue;
    let tier = args
        .tier
        .as_deref()
        .map(|id| find_tier(c, id))
        .transpose()?;
    let status = match (args.mandatory, args.optional) {
        (true, _) => Some(ListingStatus::Mandatory),
        (_, true) => Some(ListingStatus::Optional),
        _ => None,
    };
    let competency: Option<Competency> = args.competency.map(Into::into);
    let selected: Vec<&Listing> = c
        .listings
        .iter()
        .filter(|l| tier.is_none_or(|t| l.tier == t.id))
        .filter(|l| status.is_none_or(|s| l.status == s))
        .filter(|l| competency.is_none_or(|k| l.competencies.contains(&k)))
        .collect();
    if args.json {
        return json(
            &selected
                .iter()
                .map(|l| listing_row(c, l))
                .collect::<Vec<_>>(),
        );
    }
    // With a synced portal catalogue, each listing shows its hours there
    // and the competency areas the portal gives it.
    let portal = super::portal_cmds::snapshot_in_use()?;
    let index = portal.as_ref().map(|p| PortalIndex::new(c, p));
    let header: &[&str] = if index.is_some() {
        &["LISTING", "STATUS", "BFD", "HOURS", "PORTAL", "TITLE"]
    } else {
        &["LISTING", "STATUS", "BFD", "TITLE"]
    };
    let mut out = String::new();
    for tier in &c.tiers {
        let rows: Vec<&&Listing> = selected.iter().filter(|l| l.tier == tier.id).collect();
        if rows.is_empty() {
            continue;
        }
        let rulebook = c
            .rulebook(&tier.rulebook)
            .map_or(tier.rulebook.as_str(), |r| r.short.as_str());
        out.push_str(&format!("{}: {} ({rulebook})\n", tier.id, tier.label));
        out.push_str(&listings_table(header, &rows, index.as_ref()));
        out.push('\n');
    }
    if out.is_empty() {
        out.push_str("No listing matches these filters.\n");
    } else {
        out.push_str("BFD: behavioural, functional, domain as ticked in the order; unclassified: the order gives none.\n");
        if let Some(p) = &portal {
            out.push_str(&format!(
                "HOURS, PORTAL: the course's hours and competency areas in the portal's catalogue of {}; ?: not there; A|B: two courses of that title.\n",
                p.fetched.format("%d.%m.%Y")
            ));
        }
    }
    emit(&out)
}

/// A tier's listings as a table; with the portal's catalogue, each
/// listing's hours and competency areas there.
fn listings_table(header: &[&str], rows: &[&&Listing], index: Option<&PortalIndex>) -> String {
    let mut t = Table::new(header);
    for l in rows {
        let mut title = l.title.clone();
        if let Some(d) = l.defect {
            title.push_str(&format!("  [{}]", d.id()));
        }
        let mut cells = vec![
            l.id.clone(),
            l.status.id().into(),
            competency_badges(&l.competencies),
        ];
        if let Some(index) = index {
            let on_portal: Vec<_> = l
                .course
                .map(|course| index.courses_of(course).collect())
                .unwrap_or_default();
            cells.push(super::portal_cmds::portal_hours(&on_portal));
            cells.push(super::portal_cmds::portal_badges(&on_portal));
        }
        cells.push(title);
        t.row(cells);
    }
    t.render()
}

/// `search`: from the ready index in a warm cache when `--data DIR` has
/// one (only the hits' courses decoded), else from the catalogue loaded,
/// which writes that cache for the next run.
pub fn search(data: Option<&Path>, args: &SearchArgs) -> Outcome {
    let query = args.query.join(" ");
    let opened = match (data, super::cache_dir()) {
        (Some(dir), Some(cache)) => Mapped::open(dir, &cache).map_err(Failure::from)?,
        _ => None,
    };
    let catalogue = match opened {
        Some(Opened::Warm(mapped)) => match search_mapped(mapped, &query, args)? {
            Answer::Done(outcome) => return outcome,
            // The cache is gone: compile it again, with the index.
            Answer::Damaged => super::load_catalogue(data)?,
        },
        Some(Opened::Cold(cold)) => {
            // The cache written straight from the CSVs, with its index:
            // searched there, as a warm run does.
            if let Some(mapped) = cold.write(&IndexSections).map_err(Failure::from)? {
                if let Answer::Done(outcome) = search_mapped(mapped, &query, args)? {
                    return outcome;
                }
            }
            super::load_catalogue(data)?
        }
        None => super::load_catalogue(data)?,
    };
    let tier = args
        .tier
        .as_deref()
        .map(|id| find_tier(&catalogue, id))
        .transpose()?;
    let index = SearchIndex::new(&catalogue);
    let keep = |course: usize| {
        tier.is_none_or(|t| catalogue.course_listings(course).any(|l| l.tier == t.id))
    };
    let hits = index.search(&query, args.limit, &keep);
    let courses: Vec<&Course> = hits.iter().map(|h| &catalogue.courses[h.course]).collect();
    let outcome = print_hits(&query, args, &hits, &courses, &catalogue.listings);
    drop(index);
    std::mem::forget(catalogue);
    outcome
}

/// What searching the mapped cache came to.
enum Answer {
    Done(Outcome),
    /// The cache held no index, or proved damaged: it is removed, so the
    /// catalogue loaded next writes it again.
    Damaged,
}

/// The search answered from the warm cache's mapped index.
fn search_mapped(mapped: Mapped, query: &str, args: &SearchArgs) -> Result<Answer, Failure> {
    let Some(index) = SearchIndex::mapped(&mapped) else {
        mapped.discard();
        return Ok(Answer::Damaged);
    };
    let tier = args
        .tier
        .as_deref()
        .map(|id| mapped.find_tier(id))
        .transpose()
        .map_err(|e| super::wording::tier_failure("--tier", &e))?;
    let listings = mapped.listings();
    // The tier's courses, from its listings: no course is decoded to filter.
    let mut in_tier = vec![tier.is_none(); mapped.course_count()];
    if let Some(t) = tier {
        for l in listings.iter().filter(|l| l.tier == t) {
            if let Some(slot) = l.course.and_then(|c| in_tier.get_mut(c)) {
                *slot = true;
            }
        }
    }
    let keep = |course: usize| in_tier.get(course).copied().unwrap_or(false);
    let hits = index.search(query, args.limit, &keep);
    let ids: Vec<usize> = hits.iter().map(|h| h.course).collect();
    let courses = mapped.courses(&ids).filter(|courses| {
        let listings = listings.len();
        courses
            .iter()
            .all(|c| c.listings.iter().all(|&l| l < listings))
    });
    let Some(courses) = courses.filter(|_| !index.damaged()) else {
        drop(index);
        mapped.discard();
        return Ok(Answer::Damaged);
    };
    let courses: Vec<&Course> = courses.iter().collect();
    let outcome = print_hits(query, args, &hits, &courses, listings);
    Ok(Answer::Done(outcome))
}

/// Prints `hits`, `courses[i]` the course of `hits[i]`, as a table or JSON.
fn print_hits(
    query: &str,
    args: &SearchArgs,
    hits: &[Hit],
    courses: &[&Course],
    listings: &[Listing],
) -> Outcome {
    let rows: Vec<SearchHit> = hits
        .iter()
        .zip(courses)
        .map(|(h, course)| {
            let of_course: Vec<&Listing> = course.listings.iter().map(|&i| &listings[i]).collect();
            // Tier ids in catalogue order, without repeats (`course_tiers`).
            let mut tiers: Vec<&str> = Vec::new();
            for l in &of_course {
                if !tiers.contains(&l.tier.as_str()) {
                    tiers.push(&l.tier);
                }
            }
            SearchHit {
                course: course.key(),
                title: &course.title,
                matched: &h.text,
                score: h.score,
                positions: &h.positions,
                tiers,
                listings: of_course.iter().map(|l| l.id.as_str()).collect(),
            }
        })
        .collect();
    if args.json {
        return json(&SearchResult {
            query: query.to_string(),
            hits: rows,
        });
    }
    if rows.is_empty() {
        return emit(&format!(
            "No course matches '{query}'. Try fewer letters, or `karmadash courses` to browse.\n"
        ));
    }
    let mut t = Table::new(&["SCORE", "TITLE", "TIERS"]).right(0);
    for r in &rows {
        let title = if r.matched == r.title {
            r.title.to_string()
        } else {
            format!("{} (as \"{}\")", r.title, r.matched)
        };
        t.row(vec![r.score.to_string(), title, r.tiers.join(" ")]);
    }
    emit(&t.render())
}

pub fn lint(data: Option<&Path>, args: &LintArgs) -> Outcome {
    let portal = super::portal_cmds::snapshot_in_use()?;
    let findings = match crate::catalogue::sources::load_with_dir(data) {
        Ok(c) => {
            let mut found = lint_catalogue(&c);
            // The listed titles the portal lacks, when a sync has run.
            if let Some(p) = &portal {
                found.extend(PortalIndex::new(&c, p).lint(&c));
                found.sort_by(|a, b| (&a.file, a.line, a.code).cmp(&(&b.file, b.line, b.code)));
            }
            found
        }
        // A file that does not load is the error lint reports; the loader stops at the first.
        Err(e) => {
            vec![crate::catalogue::lint::Finding {
                severity: Severity::Error,
                code: "load",
                file: e.origin.file.clone(),
                line: e.origin.line,
                message: e.problem.to_string(),
            }]
        }
    };
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    if args.json {
        json(&super::json::catalogue::lint(errors, warnings, &findings))?;
    } else {
        let mut out = String::new();
        for f in &findings {
            let sev = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            out.push_str(&format!(
                "{}:{}: {sev}[{}]: {}\n",
                f.file,
                f.line,
                f.code,
                visible(&f.message)
            ));
        }
        out.push_str(&format!(
            "{errors} errors, {warnings} warnings, {} notes\n",
            findings.len() - errors - warnings
        ));
        emit(&out)?;
    }
    if errors > 0 {
        return Err(Problem::LintErrors { errors }.into());
    }
    Ok(())
}
