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
    let mut names: Vec<String> = Vec::new();
    for d in officers.iter().filter_map(|o| o.organisation.as_deref()) {
        if !names.iter().any(|n| Departments::same_name(n, d)) {
            names.push(d.to_string());
        }
    }
    names.sort();
    names
}

/// The department `typed` names: by name, by `mdoid`, or by the start
/// of one name only.
pub fn find_department(officers: &[Officer], typed: &str) -> Result<String, DepartmentError> {
    let known = departments(officers);
    let t = typed.trim();
    if let Some(d) = known.iter().find(|d| Departments::same_name(d, t)) {
        return Ok(d.clone());
    }
    if let Some(o) = officers.iter().find(|o| {
        o.mdoid
            .as_deref()
            .is_some_and(|m| m.eq_ignore_ascii_case(t))
    }) {
        if let Some(d) = &o.organisation {
            return Ok(d.clone());
        }
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

/// Whether the officer is of the department (as `find_department` named it).
pub fn of_department(officer: &Officer, department: &str) -> bool {
    officer
        .organisation
        .as_deref()
        .is_some_and(|d| Departments::same_name(d, department))
}
