//! The data files' shape as written by hand, before validation.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRulebook {
    pub id: Spanned<String>,
    pub short: String,
    pub citation: RawCitation,
    pub applies: RawApplies,
    #[serde(default)]
    pub tier: Vec<Spanned<RawTier>>,
    #[serde(default)]
    pub requirement: Vec<Spanned<RawRequirement>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCitation {
    pub authority: String,
    pub reference: String,
    pub date: Spanned<String>,
    pub subject: String,
    pub seed: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub forwarded: Vec<Spanned<RawForwarded>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawForwarded {
    pub authority: String,
    pub reference: String,
    pub date: String,
    pub to: String,
    pub seed: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawApplies {
    pub services: Spanned<Vec<String>>,
    #[serde(default)]
    pub states: Option<Spanned<Vec<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTier {
    pub id: String,
    pub service: String,
    pub label: String,
    pub label_hi: Option<String>,
    pub min_years: Option<u32>,
    pub max_years: Option<u32>,
    #[serde(default)]
    pub mandatory: Vec<Spanned<RawRow>>,
    #[serde(default)]
    pub optional: Vec<Spanned<RawRow>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRequirement {
    pub kind: String,
    pub text: String,
    pub clause: String,
    pub services: Option<Vec<String>>,
    pub first_fy: Option<String>,
    pub last_fy: Option<String>,
    pub due: Option<String>,
    pub share: Option<f64>,
    pub hours: Option<f64>,
    pub count: Option<u32>,
    pub scope: Option<String>,
    pub window: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
/// One printed row of a tier's mandatory or optional table.
pub struct RawRow {
    pub row: u32,
    pub title: String,
    #[serde(default)]
    pub competencies: Vec<String>,
    pub defect: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAliases {
    #[serde(default)]
    pub alias: Vec<Spanned<RawAlias>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAlias {
    pub title: String,
    pub same_as: String,
    pub why: String,
}
