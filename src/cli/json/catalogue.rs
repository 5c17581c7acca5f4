//! The wire types of `tiers`, `courses`, `search` and `lint`: the
//! catalogue as scripts read it.

use serde::Serialize;
use std::borrow::Cow;

use crate::catalogue::lint::{Finding, Severity};

pub const TIERS_HELP: &str =
    "Print JSON (keys: id, service, label, label_hi, rulebook, mandatory, optional, rows)";
pub const COURSES_HELP: &str = "Print JSON (keys: id, tier, row, status, competencies, title, course, defect, rulebook, source)";
pub const SEARCH_HELP: &str =
    "Print JSON (keys: query, hits[course, title, matched, score, positions, tiers, listings])";
pub const PORTAL_STATUS_HELP: &str = "Print JSON (keys: snapshot{path, portal, fetched, courses, with_duration, listed, matched, missing})";
pub const LINT_HELP: &str =
    "Print JSON (keys: errors, warnings, findings[severity, code, file, line, message])";

/// A tier and the size of its list; the text table prints the same row.
#[derive(Serialize)]
pub struct TierRow<'a> {
    pub id: &'a str,
    pub service: &'a str,
    pub label: &'a str,
    pub label_hi: Option<&'a str>,
    pub rulebook: &'a str,
    pub mandatory: usize,
    pub optional: usize,
    pub rows: usize,
}

/// A listing: one row of a tier's table in its order.
#[derive(Serialize)]
pub struct ListingRow<'a> {
    pub id: &'a str,
    pub tier: &'a str,
    pub row: u32,
    pub status: &'a str,
    pub competencies: Vec<&'a str>,
    pub title: &'a str,
    /// The course's identity key (normalised title); null for editing notes.
    pub course: Option<Cow<'a, str>>,
    pub defect: Option<&'a str>,
    pub rulebook: &'a str,
    pub source: String,
}

/// A course found; the text table prints the same hit.
#[derive(Serialize)]
pub struct SearchHit<'a> {
    pub course: Cow<'a, str>,
    pub title: &'a str,
    pub matched: &'a str,
    pub score: i64,
    pub positions: &'a [usize],
    pub tiers: Vec<&'a str>,
    pub listings: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct SearchResult<'a> {
    pub query: String,
    pub hits: Vec<SearchHit<'a>>,
}

#[derive(Serialize)]
pub struct LintReport<'a> {
    errors: usize,
    warnings: usize,
    findings: Vec<FindingJson<'a>>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    severity: &'static str,
    code: &'static str,
    file: &'a str,
    line: usize,
    message: &'a str,
}

pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

pub fn lint(errors: usize, warnings: usize, findings: &[Finding]) -> LintReport<'_> {
    LintReport {
        errors,
        warnings,
        findings: findings
            .iter()
            .map(|f| FindingJson {
                severity: severity(f.severity),
                code: f.code,
                file: &f.file,
                line: f.line,
                message: &f.message,
            })
            .collect(),
    }
}
