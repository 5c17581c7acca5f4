//! Which tier a profile falls in, and why (DOMAIN.md, "Years of service").

use std::fmt;

use super::fy::FinancialYear;
use super::record::Profile;
use crate::catalogue::{Catalogue, Service};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierChoice {
    /// None when the catalogue has no list for the profile's service.
    pub id: Option<String>,
    /// How the tier was chosen; each shell words it (`cli::wording`).
    pub basis: TierBasis,
}

/// How a tier was chosen. The domain's words are its `Display`; a shell
/// adds where the choice is changed (the CLI names `profile --tier`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TierBasis {
    /// The profile names its tier.
    SetByHand,
    /// The catalogue has no tier for the service: the prescribed list is
    /// the courses the officer records as assigned.
    NoList {
        service: String,
    },
    OnlyTier {
        service: String,
    },
    /// An IAS officer's years of service in the year (its first year minus
    /// the batch), and the tier's label.
    YearsOfService {
        years: u32,
        fy: FinancialYear,
        batch: i32,
        label: String,
    },
    /// A roster officer's tier, set by the training cell.
    SetByCell,
    /// A roster officer's tier, from the designations table.
    Designation {
        designation: String,
    },
}

impl fmt::Display for TierBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TierBasis::SetByHand => write!(f, "set by hand"),
            TierBasis::NoList { service } => write!(
                f,
                "no list for {service} in the catalogue: add the courses your ministry or cadre authority prescribes as assigned courses"
            ),
            TierBasis::OnlyTier { service } => write!(f, "the only tier of {service}"),
            TierBasis::YearsOfService {
                years,
                fy,
                batch,
                label,
            } => write!(
                f,
                "{years} years of service in FY {fy} ({} minus batch {batch}): {label}",
                fy.start_year
            ),
            TierBasis::SetByCell => write!(f, "set for this officer by the training cell"),
            TierBasis::Designation { designation } => {
                write!(f, "designation \"{designation}\" (designations table)")
            }
        }
    }
}

/// Why a profile has no tier, in the domain's words: each shell adds how
/// to fix it (the CLI names its options, the dashboard its form).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TierError {
    #[error("the profile's tier '{id}' is not in the catalogue: choose one of {}", .known.join(", "))]
    Unknown { id: String, known: Vec<String> },
    #[error("tier '{id}' is for {tier_service} officers, not {service}: choose one of {}", .choices.join(", "))]
    OtherService {
        id: String,
        tier_service: String,
        service: String,
        choices: Vec<String>,
    },
    #[error("an IAS profile needs a batch (to derive the tier from years of service) or a tier")]
    NeedsBatch,
    #[error("batch {batch} starts after financial year {fy}: check the batch or the year")]
    BatchAfterYear { batch: i32, fy: FinancialYear },
    #[error("no IAS tier covers {years} years of service")]
    NoIasTier { years: u32 },
    #[error("a {service} profile needs a tier: one of {}", .choices.join(", "))]
    NeedsTier {
        service: String,
        choices: Vec<String>,
    },
}

/// Resolves the tier for a financial year, or says what the profile lacks.
pub fn resolve(
    catalogue: &Catalogue,
    profile: &Profile,
    fy: FinancialYear,
) -> Result<TierChoice, TierError> {
    let service_tiers: Vec<String> = catalogue
        .tiers
        .iter()
        .filter(|t| t.service == profile.service)
        .map(|t| t.id.clone())
        .collect();
    let service = profile.service.id().to_uppercase();
    if let Some(id) = &profile.tier {
        let tier = catalogue.tier(id).ok_or_else(|| TierError::Unknown {
            id: id.clone(),
            known: catalogue.tier_ids().iter().map(|t| t.to_string()).collect(),
        })?;
        if tier.service != profile.service {
            return Err(TierError::OtherService {
                id: id.clone(),
                tier_service: tier.service.id().to_uppercase(),
                service,
                choices: service_tiers,
            });
        }
        return Ok(TierChoice {
            id: Some(id.clone()),
            basis: TierBasis::SetByHand,
        });
    }
    if profile.service == Service::Ias {
        return ias_tier(catalogue, profile, fy);
    }
    match service_tiers.as_slice() {
        [] => Ok(TierChoice {
            id: None,
            basis: TierBasis::NoList { service },
        }),
        [only] => Ok(TierChoice {
            id: Some(only.to_string()),
            basis: TierBasis::OnlyTier { service },
        }),
        _ => Err(TierError::NeedsTier {
            service,
            choices: service_tiers,
        }),
    }
}

/// An IAS officer's tier from years of service: the FY's first year
/// minus the batch.
fn ias_tier(
    catalogue: &Catalogue,
    profile: &Profile,
    fy: FinancialYear,
) -> Result<TierChoice, TierError> {
    let batch = profile.batch.ok_or(TierError::NeedsBatch)?;
    let years = u32::try_from(fy.start_year - batch)
        .map_err(|_| TierError::BatchAfterYear { batch, fy })?;
    let tier = catalogue
        .tiers
        .iter()
        .filter(|t| t.service == Service::Ias)
        .find(|t| {
            t.min_years.is_some_and(|lo| years >= lo) && t.max_years.is_none_or(|hi| years <= hi)
        })
        .ok_or(TierError::NoIasTier { years })?;
    Ok(TierChoice {
        id: Some(tier.id.clone()),
        basis: TierBasis::YearsOfService {
            years,
            fy,
            batch,
            label: tier.label.clone(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ias(batch: i32) -> Profile {
        Profile {
            service: Service::Ias,
            state: None,
            batch: Some(batch),
            tier: None,
            name: None,
            registered: None,
        }
    }

    #[test]
    fn ias_tier_boundaries_follow_years_of_service() {
        let c = Catalogue::builtin().unwrap();
        let fy = FinancialYear::new(2026);
        let tier = |batch| resolve(&c, &ias(batch), fy).unwrap().id.unwrap();
        assert_eq!(tier(2026), "ias-0-9");
        assert_eq!(tier(2017), "ias-0-9"); // 9 years
        assert_eq!(tier(2016), "ias-10-16"); // 10 years
        assert_eq!(tier(2010), "ias-10-16"); // 16
        assert_eq!(tier(2009), "ias-17-25"); // 17
        assert_eq!(tier(2001), "ias-17-25"); // 25
        assert_eq!(tier(2000), "ias-26-plus"); // 26
        assert_eq!(tier(1985), "ias-26-plus");
        assert!(resolve(&c, &ias(2027), fy).is_err());
    }

    #[test]
    fn the_tier_moves_with_the_financial_year() {
        let c = Catalogue::builtin().unwrap();
        let p = ias(2016);
        assert_eq!(
            resolve(&c, &p, FinancialYear::new(2025))
                .unwrap()
                .id
                .unwrap(),
            "ias-0-9"
        );
        assert_eq!(
            resolve(&c, &p, FinancialYear::new(2026))
                .unwrap()
                .id
                .unwrap(),
            "ias-10-16"
        );
    }

    #[test]
    fn services_with_several_tiers_need_one_chosen() {
        let c = Catalogue::builtin().unwrap();
        let mut p = ias(2000);
        p.service = Service::Bas;
        p.batch = None;
        let e = resolve(&c, &p, FinancialYear::new(2026))
            .unwrap_err()
            .to_string();
        assert!(e.contains("bas-js-ss") && e.contains("bas-basic-ac"), "{e}");
        p.service = Service::Bscs;
        assert_eq!(
            resolve(&c, &p, FinancialYear::new(2026))
                .unwrap()
                .id
                .unwrap(),
            "bscs-udc-ldc"
        );
        p.tier = Some("bas-js-ss".into());
        assert!(resolve(&c, &p, FinancialYear::new(2026)).is_err());
    }
}
