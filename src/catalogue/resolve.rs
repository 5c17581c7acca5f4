//! A course as a person or a report names it: a listing id
//! (`bas-basic-ac/m8`), a title or an alias. Never a fuzzy guess; pure, so
//! an importer resolves titles without a store.

use super::{Catalogue, CourseId};

/// Why a name is not a course. The shells word the fix (the CLI names
/// `--other`, the dashboard its Other form).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CourseError {
    #[error("listing {listing} is an editing note in the source, not a course")]
    EditingNote { listing: String },
    /// `nearest`: titles a person may have meant, quoted, best first
    /// (filled by a caller that has a search index; may be empty).
    #[error("no listed course is titled \"{text}\"{}", nearest_hint(.nearest))]
    NotListed { text: String, nearest: Vec<String> },
}

fn nearest_hint(nearest: &[String]) -> String {
    if nearest.is_empty() {
        String::new()
    } else {
        format!("; nearest: {}", nearest.join(", "))
    }
}

/// The course `text` names exactly, by listing id, title or alias.
pub fn resolve_course(catalogue: &Catalogue, text: &str) -> Result<CourseId, CourseError> {
    let text = text.trim();
    if let Some(listing) = catalogue.listing(text) {
        return listing.course.ok_or_else(|| CourseError::EditingNote {
            listing: text.to_string(),
        });
    }
    catalogue
        .course_by_title(text)
        .ok_or_else(|| CourseError::NotListed {
            text: text.to_string(),
            nearest: Vec::new(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn courses_resolve_by_title_alias_or_listing_id_never_fuzzily() {
        let c = Catalogue::builtin().unwrap();
        let a = resolve_course(&c, "yuva ai for all").unwrap();
        assert_eq!(resolve_course(&c, "bscs-udc-ldc/m15").unwrap(), a);
        let full = resolve_course(
            &c,
            "Using Behaviour Science for Climate Adaptation and Mitigation",
        )
        .unwrap();
        assert_eq!(
            resolve_course(&c, "Using Behaviour Science for Climate Adaptation").unwrap(),
            full
        );
        assert_eq!(
            resolve_course(&c, " yuva ai "),
            Err(CourseError::NotListed {
                text: "yuva ai".into(),
                nearest: vec![],
            })
        );
        assert!(matches!(
            resolve_course(&c, "bas-js-ss/o52"),
            Err(CourseError::EditingNote { .. })
        ));
    }
}
