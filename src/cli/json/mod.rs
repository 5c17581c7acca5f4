//! The `--json` contract: every key a script may rely on is a field of a
//! wire type here, built from the core's types by an explicit function, so
//! renaming a core field or variant cannot change what `--json` prints.
//!
//! One rule for every type: the keys are the ones each command's `--help`
//! lists (the `*_HELP` texts below are those helps, beside the type they
//! describe), in the order printed; dates are ISO (`2026-06-12`), a
//! financial year is `2026-27`, an unknown value is `null`, never a
//! missing key. Hours are numbers of hours (two decimals), seconds exact.
//! Enumerations are lower-case words, kebab-case where two (`on-pace`).
//!
//! - `status.rs`: `status`, `profile`, `done`, `log`, `report`.
//! - `plan.rs`: `plan`, `shortlist list`.
//! - `roster.rs`: `roster`, `roster show`, `roster import`, `roster report`.
//! - `catalogue.rs`: `tiers`, `courses`, `search`, `lint`.
//!
//! The store's records and the export file are another contract (serde
//! derives on the record types, read back by the store): not this one.

pub mod catalogue;
pub mod plan;
pub mod roster;
pub mod status;

use serde::{Serialize, Serializer};

use crate::rules::engine::{RequirementStatus, Standing, Unit};
use crate::rules::tier::TierChoice;
use crate::units::fy::FinancialYear;

/// A financial year as scripts read it: `2026-27`.
pub fn fy(fy: FinancialYear) -> String {
    fy.to_string()
}

/// A figure shown to people: whole when it is, else two decimals.
fn whole_if_possible<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64((v * 100.0).round() / 100.0)
    }
}

/// A tier choice (`tier{id, basis}`), the basis in the CLI's words.
#[derive(Debug, Serialize)]
pub struct TierJson {
    pub id: Option<String>,
    pub basis: String,
}

pub fn tier(t: &TierChoice) -> TierJson {
    TierJson {
        id: t.id.clone(),
        basis: super::wording::tier_basis(&t.basis),
    }
}

pub fn standing(s: Standing) -> &'static str {
    match s {
        Standing::Met => "met",
        Standing::Open => "open",
        Standing::Behind => "behind",
        Standing::Overdue => "overdue",
        Standing::Late => "late",
    }
}

fn unit(u: Unit) -> &'static str {
    match u {
        Unit::Courses => "courses",
        Unit::Hours => "hours",
        Unit::Assessment => "assessment",
        Unit::Registration => "registration",
    }
}

/// One requirement, as `status` and `roster` print it.
#[derive(Serialize)]
pub struct RequirementJson<'a> {
    kind: &'static str,
    rulebook: &'a str,
    citation: &'a str,
    text: &'a str,
    #[serde(serialize_with = "whole_if_possible")]
    done: f64,
    #[serde(serialize_with = "whole_if_possible")]
    target: f64,
    unit: &'static str,
    seconds: Option<u64>,
    met: bool,
    due: Option<chrono::NaiveDate>,
    done_on: Option<chrono::NaiveDate>,
    days_left: Option<i64>,
    standing: &'static str,
    open: &'a [String],
    counted: &'a [u64],
}

pub fn requirement(r: &RequirementStatus) -> RequirementJson<'_> {
    RequirementJson {
        kind: r.kind,
        rulebook: &r.rulebook,
        citation: &r.citation,
        text: &r.text,
        done: r.done,
        target: r.target,
        unit: unit(r.unit),
        seconds: r.seconds,
        met: r.met,
        due: r.due,
        done_on: r.done_on,
        days_left: r.days_left,
        standing: standing(r.standing),
        open: &r.open,
        counted: &r.counted,
    }
}

pub fn requirements(rs: &[RequirementStatus]) -> Vec<RequirementJson<'_>> {
    rs.iter().map(requirement).collect()
}

#[cfg(test)]
mod tests {
    //! Each key a `--help` lists is a field of a wire type here (the
    //! integration test `json_keys` checks the printed JSON against the
    //! same lists, level by level).

    /// The field names declared in the structs of `source`.
    fn fields(source: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for part in source.split("struct ").skip(1) {
            let Some(body) = part.split_once("{\n").map(|(_, b)| b) else {
                continue;
            };
            let body = body.split("\n}").next().unwrap_or("");
            for line in body.lines().map(str::trim) {
                let line = line.strip_prefix("pub ").unwrap_or(line);
                if let Some((name, _)) = line.split_once(": ") {
                    if !name.starts_with("//") && !name.starts_with('#') {
                        out.push(name);
                    }
                }
            }
        }
        out
    }

    /// The key names of a help's "keys: ..." list, value lists left out.
    fn keys(help: &str) -> Vec<String> {
        let list = help.split_once("keys: ").expect("a key list").1;
        let (mut out, mut name, mut depth) = (Vec::new(), String::new(), 0);
        for c in list.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ if depth > 0 => {}
                '{' | '[' | '}' | ']' | ',' => {
                    out.push(std::mem::take(&mut name).trim().to_string());
                }
                c => name.push(c),
            }
        }
        out.push(name.trim().to_string());
        out.retain(|k| !k.is_empty());
        out
    }

    #[test]
    fn every_key_a_help_lists_is_a_field_of_a_wire_type() {
        let sources = [
            include_str!("mod.rs"),
            include_str!("status.rs"),
            include_str!("plan.rs"),
            include_str!("roster.rs"),
            include_str!("catalogue.rs"),
        ];
        let declared: Vec<&str> = sources.iter().flat_map(|s| fields(s)).collect();
        let helps = [
            super::status::STATUS_HELP,
            super::status::PROFILE_HELP,
            super::status::DONE_HELP,
            super::status::LOG_HELP,
            super::status::REPORT_HELP,
            super::plan::PLAN_HELP,
            super::plan::SHORTLIST_HELP,
            super::roster::ROSTER_HELP,
            super::roster::OFFICER_HELP,
            super::roster::IMPORT_HELP,
            super::roster::REPORT_HELP,
            super::catalogue::TIERS_HELP,
            super::catalogue::COURSES_HELP,
            super::catalogue::SEARCH_HELP,
            super::catalogue::LINT_HELP,
        ];
        let mut missing = Vec::new();
        for help in helps {
            for key in keys(help) {
                if !declared.contains(&key.as_str()) {
                    missing.push(key);
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys no wire type declares: {missing:?}"
        );
        // The scan sees what it checks: a key no type has is caught.
        assert!(!declared.contains(&"no_such_key"));
        assert_eq!(
            keys("Print JSON (keys: a, b{c, d}, e[f (x, y), g])"),
            ["a", "b", "c", "d", "e", "f", "g"]
        );
        assert!(fields(include_str!("status.rs")).contains(&"counting"));
    }
}
