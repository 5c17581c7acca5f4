//! Lint: the defects of the source tables, found in the loaded data and
//! reported with file and line. Defects are warnings (the counts already
//! cope with them); a file that cannot load is an error.

use std::collections::{BTreeMap, HashMap};

use super::identity::normalise;
use super::model::*;
use super::Catalogue;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub severity: Severity,
    /// Stable machine name: duplicate, editing-note, truncated, numbering-gap...
    pub code: &'static str,
    pub file: String,
    pub line: usize,
    pub message: String,
}

fn finding(severity: Severity, code: &'static str, origin: &Origin, message: String) -> Finding {
    Finding {
        severity,
        code,
        file: origin.file.clone(),
        line: origin.line,
        message,
    }
}

/// Words a shortened title may drop ("Service Excellence Process Excellence").
const FILLER: [&str; 7] = ["and", "the", "of", "for", "in", "a", "an"];
/// A title ending in one of these was cut off in the source.
const DANGLING: [&str; 10] = [
    "with", "of", "for", "and", "the", "to", "in", "on", "a", "an",
];

pub fn lint(catalogue: &Catalogue) -> Vec<Finding> {
    let mut out = Vec::new();
    source_defects(catalogue, &mut out);
    duplicates(catalogue, &mut out);
    numbering_gaps(catalogue, &mut out);
    competency_disagreements(catalogue, &mut out);
    across_tiers(catalogue, &mut out);
    possible_aliases(catalogue, &mut out);
    out.sort_by(|a, b| (&a.file, a.line, a.code).cmp(&(&b.file, b.line, b.code)));
    out
}

fn source_defects(c: &Catalogue, out: &mut Vec<Finding>) {
    for l in &c.listings {
        let last_word = normalise(&l.title)
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_string();
        match l.defect {
            Some(SourceDefect::EditingNote) => out.push(finding(Severity::Warning, "editing-note", &l.origin,
                format!("{} row {} \"{}\" is an editing note, not a course: shown, never counted", l.tier, l.row, l.title))),
            Some(SourceDefect::Truncated) => out.push(finding(Severity::Warning, "truncated", &l.origin,
                format!("{} row {} \"{}\" looks cut off in the source: kept as printed; record it by this title or its listing id {}", l.tier, l.row, l.title, l.id))),
            None if l.title.contains('?') => out.push(finding(Severity::Warning, "editing-note", &l.origin,
                format!("{} row {} \"{}\" reads like an editor's question: mark it defect = \"editing-note\" if it is not a course", l.tier, l.row, l.title))),
            None if DANGLING.contains(&last_word.as_str()) => out.push(finding(Severity::Warning, "truncated", &l.origin,
                format!("{} row {} \"{}\" ends mid-phrase: mark it defect = \"truncated\" if the source cut it off", l.tier, l.row, l.title))),
            None => {}
        }
    }
}

fn duplicates(c: &Catalogue, out: &mut Vec<Finding>) {
    let mut first: HashMap<(&str, ListingStatus, CourseId), &Listing> = HashMap::new();
    for l in &c.listings {
        let Some(course) = l.course else { continue };
        match first.get(&(l.tier.as_str(), l.status, course)) {
            Some(prev) => {
                let comp = if prev.competencies != l.competencies {
                    format!(
                        " (competencies differ: {} vs {})",
                        badges(&prev.competencies),
                        badges(&l.competencies)
                    )
                } else {
                    String::new()
                };
                out.push(finding(
                    Severity::Warning,
                    "duplicate",
                    &l.origin,
                    format!(
                        "{} {} rows {} and {} are the same course \"{}\"{comp}: counted once",
                        l.tier,
                        l.status.id(),
                        prev.row,
                        l.row,
                        c.courses[course].title
                    ),
                ));
            }
            None => {
                first.insert((l.tier.as_str(), l.status, course), l);
            }
        }
    }
    // The same course both mandatory and optional in one tier.
    for l in c
        .listings
        .iter()
        .filter(|l| l.status == ListingStatus::Optional)
    {
        let Some(course) = l.course else { continue };
        if let Some(m) = first.get(&(l.tier.as_str(), ListingStatus::Mandatory, course)) {
            out.push(finding(Severity::Warning, "mandatory-and-optional", &l.origin, format!(
                "{} optional row {} \"{}\" is also mandatory row {} of the same tier: it counts as mandatory",
                l.tier, l.row, l.title, m.row)));
        }
    }
}

fn badges(c: &[Competency]) -> String {
    if c.is_empty() {
        return "none".into();
    }
    c.iter().map(|c| c.id()).collect::<Vec<_>>().join("+")
}

fn numbering_gaps(c: &Catalogue, out: &mut Vec<Finding>) {
    let mut groups: BTreeMap<(&str, ListingStatus), Vec<&Listing>> = BTreeMap::new();
    for l in &c.listings {
        groups
            .entry((l.tier.as_str(), l.status))
            .or_default()
            .push(l);
    }
    for ((tier, status), rows) in groups {
        let mut numbers: Vec<u32> = rows.iter().map(|l| l.row).collect();
        numbers.sort_unstable();
        numbers.dedup();
        // Gaps as ranges between neighbours: work in proportion to the rows
        // kept, however high the numbers run.
        let missing: Vec<String> = numbers
            .windows(2)
            .filter(|w| w[1] - w[0] > 1)
            .map(|w| match (w[0] + 1, w[1] - 1) {
                (a, b) if a == b => a.to_string(),
                (a, b) if a + 1 == b => format!("{a}, {b}"),
                (a, b) => format!("{a}-{b}"),
            })
            .collect();
        if !missing.is_empty() {
            let origin = &rows[0].origin;
            out.push(finding(Severity::Warning, "numbering-gap", origin, format!(
                "{tier} {} list skips row numbers {}: those rows are missing from the source ({} rows kept)",
                status.id(), missing.join(", "), rows.len())));
        }
    }
}

/// Mandatory listings of one course in several tiers of one rulebook that
/// disagree on competency: the minority is reported.
fn competency_disagreements(c: &Catalogue, out: &mut Vec<Finding>) {
    for (id, course) in c.courses.iter().enumerate() {
        // One listing per tier: a repeat inside a tier is a duplicate, reported above.
        let mut by_rulebook: BTreeMap<&str, Vec<&Listing>> = BTreeMap::new();
        for l in c
            .course_listings(id)
            .filter(|l| l.status == ListingStatus::Mandatory && !l.competencies.is_empty())
        {
            let same = by_rulebook.entry(l.rulebook.as_str()).or_default();
            if !same.iter().any(|x| x.tier == l.tier) {
                same.push(l);
            }
        }
        for listings in by_rulebook.values() {
            let mut votes: BTreeMap<&[Competency], usize> = BTreeMap::new();
            for l in listings {
                *votes.entry(&l.competencies).or_default() += 1;
            }
            if votes.len() < 2 {
                continue;
            }
            let (&majority, _) = votes.iter().max_by_key(|(_, n)| **n).expect("non-empty");
            for l in listings.iter().filter(|l| l.competencies != majority) {
                out.push(finding(Severity::Warning, "competency-disagrees", &l.origin, format!(
                    "{} row {} \"{}\" is {} here but {} in the other tiers' mandatory lists: each listing keeps its own",
                    l.tier, l.row, course.title, badges(&l.competencies), badges(majority))));
            }
        }
    }
}

/// In lists by length of service, a course met again in the next tier, or
/// with another status, is worth knowing when an officer changes tier.
fn across_tiers(c: &Catalogue, out: &mut Vec<Finding>) {
    for (id, course) in c.courses.iter().enumerate() {
        let listings: Vec<&Listing> = c
            .course_listings(id)
            .filter(|l| c.tier(&l.tier).is_some_and(|t| t.min_years.is_some()))
            .collect();
        if listings.len() < 2 {
            continue;
        }
        let place = |l: &Listing| format!("{} ({})", l.tier, l.status.id());
        let places: Vec<String> = listings.iter().map(|l| place(l)).collect();
        let mixed = listings.iter().any(|l| l.status != listings[0].status);
        let (severity, code, what) = if mixed {
            (
                Severity::Warning,
                "status-differs",
                "is mandatory in one tier and optional in another",
            )
        } else {
            (
                Severity::Info,
                "several-tiers",
                "is listed in several tiers",
            )
        };
        out.push(finding(
            severity,
            code,
            &listings[1].origin,
            format!(
                "\"{}\" {what}: {}; one completion counts for all",
                course.title,
                places.join(", ")
            ),
        ));
    }
}

/// Two titles of one list that differ only by filler words are probably
/// one course: an alias in data/aliases.toml would make them one.
fn possible_aliases(c: &Catalogue, out: &mut Vec<Finding>) {
    let stripped = |title: &str| -> String {
        normalise(title)
            .split(' ')
            .filter(|w| !FILLER.contains(w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut seen: HashMap<(String, String), (&Listing, CourseId)> = HashMap::new();
    for l in &c.listings {
        let Some(course) = l.course else { continue };
        match seen.get(&(l.tier.clone(), stripped(&l.title))) {
            Some((prev, prev_course)) if *prev_course != course => {
                out.push(finding(Severity::Info, "possible-alias", &l.origin, format!(
                    "{} row {} \"{}\" differs from row {} \"{}\" only by small words: if they are one course, add an alias",
                    l.tier, l.row, l.title, prev.row, prev.title)));
            }
            Some(_) => {}
            None => {
                seen.insert((l.tier.clone(), stripped(&l.title)), (l, course));
            }
        }
    }
}
