//! A department (MDO) as a cell types it: its name as the reports write
//! it (any case), the start of it, or its portal id (`mdoid`); the nearest
//! names when none matches, as for states.

use super::departments::Departments;
use super::Officer;
use crate::units::nearest::nearest;

/// A department the roster does not hold, with the nearest it does.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no department \"{typed}\" in the roster{}", hint(.nearest, .known))]
pub struct DepartmentError {
    pub typed: String,
    pub nearest: Vec<String>,
    pub known: Vec<String>,
}

fn hint(nearest: &[String], known: &[String]) -> String {
    let near: Vec<&str> = nearest.iter().map(String::as_str).collect();
    match crate::units::nearest::did_you_mean(&near) {
        m if !m.is_empty() => format!(": {m}"),
        _ if known.is_empty() => ": no report imported names a department".to_string(),
        _ => format!(" (it has: {})", known.join("; ")),
    }
}

/// The departments the roster's officers are of, each once, as written.
pub fn departments(officers: &[Officer]) -> Vec<String> {
    distinct(officers.iter().filter_map(|o| o.organisation.clone()))
}

/// The department `typed` names: by name, by `mdoid`, or by the start
/// of one name only.
pub fn find_department(officers: &[Officer], typed: &str) -> Result<String, DepartmentError> {
    let ids: Vec<(&str, &str)> = officers
        .iter()
        .filter_map(|o| Some((o.mdoid.as_deref()?, o.organisation.as_deref()?)))
        .collect();
    find_among(departments(officers), &ids, typed)
}

/// As `find_department`, from the departments' names and the (`mdoid`,
/// name) pairs the reports gave: a roster too large to hold reads only these.
pub fn find_among(
    known: Vec<String>,
    ids: &[(&str, &str)],
    typed: &str,
) -> Result<String, DepartmentError> {
    let t = typed.trim();
    if let Some(d) = known.iter().find(|d| Departments::same_name(d, t)) {
        return Ok(d.clone());
    }
    if let Some((_, d)) = ids.iter().find(|(m, _)| m.eq_ignore_ascii_case(t)) {
        return Ok((*d).to_string());
    }
    let lower = t.to_lowercase();
    let starts: Vec<&String> = known
        .iter()
        .filter(|d| !lower.is_empty() && d.to_lowercase().starts_with(&lower))
        .collect();
    if let [one] = starts.as_slice() {
        return Ok((*one).clone());
    }
    Err(DepartmentError {
        typed: t.to_string(),
        nearest: nearest(t, known.iter().map(String::as_str))
            .into_iter()
            .map(|n| format!("\"{n}\""))
            .collect(),
        known,
    })
}

/// The departments of (`organisation`) names, each once, sorted.
pub fn distinct(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for d in names {
        if !out.iter().any(|n| Departments::same_name(n, &d)) {
            out.push(d);
        }
    }
    out.sort();
    out
}

/// Whether the officer is of the department (as `find_department` named it).
pub fn of_department(officer: &Officer, department: &str) -> bool {
    officer
        .organisation
        .as_deref()
        .is_some_and(|d| Departments::same_name(d, department))
}
