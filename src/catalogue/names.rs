//! A service or a tier as a person typed it, refused with the nearest
//! names: the data for each shell to add where the whole list is.

use crate::units::nearest::did_you_mean;

/// A typed service that is none of the six.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown service '{typed}': {}", service_hint(.nearest, .known))]
pub struct ServiceError {
    pub typed: String,
    /// The nearest ids, best first; may be empty.
    pub nearest: Vec<&'static str>,
    /// Every service id: six short ids, so the list itself helps.
    pub known: Vec<&'static str>,
}

fn service_hint(nearest: &[&str], known: &[&str]) -> String {
    match did_you_mean(nearest) {
        h if h.is_empty() => format!("choose one of {}", known.join(", ")),
        h => format!("{h} (one of {})", known.join(", ")),
    }
}

/// A typed tier id the catalogue does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TierNameError {
    /// Nothing near: every id, which fit on a line and help more than a
    /// pointer to the list.
    #[error("unknown tier '{typed}': choose one of {}", .known.join(", "))]
    NothingNear { typed: String, known: Vec<String> },
    /// The nearest ids; each shell says where the whole list is.
    #[error("unknown tier '{typed}': {}", did_you_mean(&nearest.iter().map(String::as_str).collect::<Vec<_>>()))]
    Near { typed: String, nearest: Vec<String> },
}
