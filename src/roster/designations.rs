//! Designations to tiers: the table in `data/designations.toml`, which a
//! training cell extends with its own file. A designation that maps to no
//! tier, or to several, is unmapped: never a guess.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

use crate::catalogue::{Catalogue, Service};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    designation: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    names: Vec<String>,
    tiers: BTreeMap<String, String>,
}

/// A designations file that cannot be used, with its file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    pub file: String,
    pub line: usize,
    pub problem: TableProblem,
}

/// What is wrong at that line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableProblem {
    /// Not TOML, or not the table's shape: the parser's own words.
    #[error("{0}")]
    Toml(String),
    #[error("unknown service '{service}' for {names:?}")]
    UnknownService { service: String, names: Vec<String> },
    /// A tier the catalogue does not have; each shell says where the
    /// tiers are listed.
    #[error("unknown tier '{tier}' for {names:?}")]
    UnknownTier { tier: String, names: Vec<String> },
    #[error("an entry with no designation name")]
    NoName,
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.problem)
    }
}

impl std::error::Error for TableError {}

/// Where a designation leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mapping {
    Tier(String),
    /// No entry names it (for this service).
    Unknown,
    /// Entries name it with different tiers: the service would decide.
    Ambiguous(Vec<String>),
}

#[derive(Debug, Default)]
pub struct Designations {
    /// Folded name -> (service id -> tier id), the cell's entries first.
    by_name: BTreeMap<String, BTreeMap<String, String>>,
}

/// Compared without case, spaces, dots or hyphens: "Asst. Section
/// Officer" is not "Assistant Section Officer" (that needs a name), but
/// "ASSISTANT SECTION-OFFICER" is.
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Designations {
    pub fn builtin(catalogue: &Catalogue) -> Result<Self, TableError> {
        let mut d = Designations::default();
        let (file, text) = crate::catalogue::builtin::DESIGNATIONS;
        d.add(file, text, catalogue)?;
        Ok(d)
    }

    /// Adds a file's entries; where a name is already known, the first
    /// file's entry for that service stays (so call with the cell's file
    /// first, or use `add_overriding`).
    pub fn add(&mut self, file: &str, text: &str, catalogue: &Catalogue) -> Result<(), TableError> {
        self.merge(file, text, catalogue, false)
    }

    /// Adds a file whose entries replace what is known for the same name
    /// and service: a cell's own table over the built-in one.
    pub fn add_overriding(
        &mut self,
        file: &str,
        text: &str,
        catalogue: &Catalogue,
    ) -> Result<(), TableError> {
        self.merge(file, text, catalogue, true)
    }

    fn merge(
        &mut self,
        file: &str,
        text: &str,
        catalogue: &Catalogue,
        replace: bool,
    ) -> Result<(), TableError> {
        let error = |line: usize, problem: TableProblem| TableError {
            file: file.to_string(),
            line,
            problem,
        };
        let parsed: File = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].lines().count().max(1)
            });
            error(line, TableProblem::Toml(e.message().to_string()))
        })?;
        for entry in parsed.designation {
            let line = entry
                .names
                .first()
                .and_then(|n| text.find(n.as_str()))
                .map_or(1, |at| text[..at].lines().count().max(1));
            for (service, tier) in &entry.tiers {
                let known = Service::ALL.iter().any(|s| s.id() == service);
                if !known {
                    return Err(error(
                        line,
                        TableProblem::UnknownService {
                            service: service.clone(),
                            names: entry.names.clone(),
                        },
                    ));
                }
                if !catalogue.tiers.iter().any(|t| t.id == *tier) {
                    return Err(error(
                        line,
                        TableProblem::UnknownTier {
                            tier: tier.clone(),
                            names: entry.names.clone(),
                        },
                    ));
                }
            }
            if entry.names.iter().all(|n| fold(n).is_empty()) {
                return Err(error(line, TableProblem::NoName));
            }
            for name in &entry.names {
                let tiers = self.by_name.entry(fold(name)).or_default();
                for (service, tier) in &entry.tiers {
                    if replace {
                        tiers.insert(service.clone(), tier.clone());
                    } else {
                        tiers.entry(service.clone()).or_insert_with(|| tier.clone());
                    }
                }
            }
        }
        Ok(())
    }

    /// The tier of `designation` for `service`, or for any service when
    /// it is not known (then two services' tiers make it ambiguous).
    pub fn tier(&self, designation: &str, service: Option<Service>) -> Mapping {
        let Some(tiers) = self.by_name.get(&fold(designation)) else {
            return Mapping::Unknown;
        };
        match service {
            Some(s) => tiers
                .get(s.id())
                .map_or(Mapping::Unknown, |t| Mapping::Tier(t.clone())),
            None => {
                let mut all: Vec<String> = tiers.values().cloned().collect();
                all.sort();
                all.dedup();
                match all.len() {
                    0 => Mapping::Unknown,
                    1 => Mapping::Tier(all.remove(0)),
                    _ => Mapping::Ambiguous(all),
                }
            }
        }
    }

    /// The service a designation implies, when it implies exactly one.
    pub fn service_of(&self, designation: &str) -> Option<Service> {
        let tiers = self.by_name.get(&fold(designation))?;
        let mut services = tiers.keys();
        let only = services.next()?;
        if services.next().is_some() {
            return None;
        }
        Service::ALL.iter().copied().find(|s| s.id() == only)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Designations {
        Designations::builtin(&Catalogue::builtin().unwrap()).unwrap()
    }

    #[test]
    fn the_built_in_table_maps_each_range_of_the_bihar_letter() {
        let d = table();
        let tier = |name: &str, s: Option<Service>| d.tier(name, s);
        assert_eq!(
            tier("Assistant Section Officer", None),
            Mapping::Tier("bss-aso-us".into())
        );
        assert_eq!(
            tier("section officer", Some(Service::Bss)),
            Mapping::Tier("bss-aso-us".into())
        );
        assert_eq!(
            tier("Additional Collector", None),
            Mapping::Tier("bas-basic-ac".into())
        );
        assert_eq!(tier("UDC", None), Mapping::Tier("bscs-udc-ldc".into()));
        assert_eq!(
            tier("Joint Secretary", Some(Service::Bas)),
            Mapping::Tier("bas-js-ss".into())
        );
        assert_eq!(
            tier("Joint Secretary", Some(Service::Bss)),
            Mapping::Tier("bss-ds-js".into())
        );
        assert_eq!(
            tier("Joint Secretary", None),
            Mapping::Ambiguous(vec!["bas-js-ss".into(), "bss-ds-js".into()])
        );
        assert_eq!(tier("District Magistrate", None), Mapping::Unknown);
        assert_eq!(
            tier("Section Officer", Some(Service::Bas)),
            Mapping::Unknown
        );
        assert_eq!(d.service_of("Deputy Collector"), Some(Service::Bas));
        assert_eq!(d.service_of("Joint Secretary"), None);
    }

    #[test]
    fn a_cell_table_extends_and_overrides_and_bad_ones_name_the_line() {
        let cat = Catalogue::builtin().unwrap();
        let mut d = table();
        d.add_overriding(
            "cell/designations.toml",
            "[[designation]]\nnames = [\"Block Development Officer\"]\ntiers = { bas = \"bas-basic-ac\" }\n",
            &cat,
        )
        .unwrap();
        assert_eq!(
            d.tier("Block Development Officer", None),
            Mapping::Tier("bas-basic-ac".into())
        );
        let bad = "\n[[designation]]\nnames = [\"Clerk\"]\ntiers = { bscs = \"bscs-clerks\" }\n";
        let e = d.add("cell/designations.toml", bad, &cat).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        assert!(e.to_string().contains("unknown tier 'bscs-clerks'"), "{e}");
        let e = d
            .add("x.toml", "[[designation]]\nname = 1\n", &cat)
            .unwrap_err();
        assert!(e.to_string().starts_with("x.toml:"), "{e}");
    }
}
