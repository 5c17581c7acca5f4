//! Finding one officer of the roster as a cell types them: the e-mail (or
//! `hrms:ID`), or a prefix of the e-mail, of the name or of a word of the
//! name, in any case. Several matches are candidates, never a guess.

use super::officer::Officer;

/// Why no single officer answers to what was typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    #[error("no officer '{typed}' in the roster")]
    NotFound { typed: String },
    /// Each candidate as (name, id), by name.
    #[error("{} officers match '{typed}'", .candidates.len())]
    Several {
        typed: String,
        candidates: Vec<(String, String)>,
    },
}

/// The one officer `typed` names: an exact id or name first, then a
/// unique prefix.
pub fn find_officer<'a>(officers: &'a [Officer], typed: &str) -> Result<&'a Officer, LookupError> {
    let t = typed.trim().to_lowercase();
    let exact: Vec<&Officer> = officers
        .iter()
        .filter(|o| o.id.0 == t || o.name.to_lowercase() == t)
        .collect();
    let found = if exact.is_empty() && !t.is_empty() {
        officers.iter().filter(|o| starts(o, &t)).collect()
    } else {
        exact
    };
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(LookupError::NotFound {
            typed: typed.trim().to_string(),
        }),
        several => {
            let mut candidates: Vec<(String, String)> = several
                .iter()
                .map(|o| (o.name.clone(), o.id.0.clone()))
                .collect();
            candidates.sort();
            Err(LookupError::Several {
                typed: typed.trim().to_string(),
                candidates,
            })
        }
    }
}

fn starts(o: &Officer, t: &str) -> bool {
    let name = o.name.to_lowercase();
    o.id.0.starts_with(t)
        || name.starts_with(t)
        || name.split_whitespace().any(|w| w.starts_with(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::OfficerId;

    fn officer(id: &str, name: &str) -> Officer {
        let mut o = Officer::new(OfficerId(id.into()));
        o.name = name.into();
        o
    }

    #[test]
    fn an_exact_e_mail_wins_over_a_longer_one_it_begins() {
        let all = [officer("a@x.in", "A"), officer("a@x.in.gov", "B")];
        assert_eq!(find_officer(&all, "A@X.IN").unwrap().name, "A");
        let e = find_officer(&all, "a@x").unwrap_err();
        assert!(matches!(e, LookupError::Several { ref candidates, .. } if candidates.len() == 2));
    }
}
