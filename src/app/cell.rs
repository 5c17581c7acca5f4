//! The training cell's changes to its roster, one way for the shell and
//! the dashboard: who made them and when, for the audit log.

use chrono::NaiveDate;

use crate::roster::audit::{AuditEntry, Change};
use crate::roster::cell::Exemption;
use crate::roster::OfficerId;
use crate::store::{Store, StoreError};

/// An audit entry for a change made now, by the login user (`$USER`).
pub fn entry(change: Change) -> AuditEntry {
    let user = ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|u| !u.is_empty()))
        .unwrap_or_else(|| "unknown".into());
    AuditEntry {
        at: chrono::Local::now().naive_local(),
        user,
        change,
    }
}

/// Grants an exemption and logs it, in one write.
pub fn exempt(
    store: &Store,
    officer: &OfficerId,
    reason: &str,
    requirement: Option<String>,
    until: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Exemption, StoreError> {
    let e = Exemption {
        officer: officer.clone(),
        reason: reason.trim().to_string(),
        requirement,
        until,
        granted: today,
    };
    let logged = entry(Change::Exempt {
        officer: officer.0.clone(),
        reason: e.reason.clone(),
        requirement: e.requirement.clone(),
        until,
    });
    store.exempt(&e, &logged)?;
    Ok(e)
}
