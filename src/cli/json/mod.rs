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
