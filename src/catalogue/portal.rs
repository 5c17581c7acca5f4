//! The portal's own catalogue: the shape of a page of its course search
//! (a Sunbird composite search, `result.count` and `result.content[]`),
//! the dated snapshot karmadash keeps of it, and the request that asks
//! for only the fields kept. Pure data; the fetching lives in src/portal.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Competency;
use crate::units::cause::Cause;

/// The version of the snapshot file; another is refused, not misread.
pub const SNAPSHOT_FORMAT: u32 = 1;

/// Courses asked for a page: a slow line fetches small pages, and a page
/// that fails costs little to ask again.
pub const PAGE_SIZE: usize = 100;

/// More courses than any portal has (iGOT lists a few thousand): a count
/// past it is a wrong answer, not a catalogue to page through.
pub const MOST_COURSES: usize = 200_000;

/// The fields a sync keeps, the only ones it asks for.
pub const FIELDS: [&str; 9] = [
    "identifier",
    "name",
    "duration",
    "competencies_v6",
    "competencies_v5",
    "organisation",
    "source",
    "lastPublishedOn",
    "primaryCategory",
];

/// One competency of a portal course, as the Karmayogi Competency Model
/// names it: area (Behavioural, Functional, Domain), theme, sub-theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortalCompetency {
    pub area: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub theme: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sub_theme: String,
}

impl PortalCompetency {
    /// The area as the orders' three kinds, when it is one of them.
    pub fn kind(&self) -> Option<Competency> {
        Competency::parse(self.area.trim())
    }
}

/// One Live course of the portal, with only what karmadash keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortalCourse {
    pub identifier: String,
    pub name: String,
    /// The catalogue's duration; None when the portal gives none.
    pub seconds: Option<u32>,
    #[serde(default)]
    pub competencies: Vec<PortalCompetency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The date part of `lastPublishedOn`, as the portal writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

impl PortalCourse {
    /// The first competency's theme, the one a listing shows.
    pub fn theme(&self) -> Option<&str> {
        self.competencies
            .iter()
            .map(|c| c.theme.as_str())
            .find(|t| !t.is_empty())
    }

    /// The orders' kinds its competencies name, once each.
    pub fn kinds(&self) -> Vec<Competency> {
        let mut kinds: Vec<Competency> = self
            .competencies
            .iter()
            .filter_map(PortalCompetency::kind)
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds
    }
}

/// The portal's catalogue as one sync found it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortalSnapshot {
    pub format: u32,
    /// The address it was fetched from.
    pub portal: String,
    /// The day of the sync.
    pub fetched: NaiveDate,
    /// Every Live course, each identifier once, in the portal's order.
    pub courses: Vec<PortalCourse>,
}

/// One page of the search's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// How many courses the whole search has (`result.count`).
    pub count: usize,
    pub courses: Vec<PortalCourse>,
}

/// Why a page or a snapshot file could not be read.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PortalDataError {
    #[error("the answer is not JSON ({0})")]
    NotJson(Cause),
    #[error("the answer has no course list (result.content): not a course search's answer")]
    NoContent,
    #[error("the answer counts {count} courses, more than the {most} any portal has")]
    TooMany { count: usize, most: usize },
    #[error("the file is not a portal catalogue snapshot ({0})")]
    NotASnapshot(Cause),
    #[error("the snapshot is of format {found}, this karmadash reads format {expected}")]
    Format { found: u32, expected: u32 },
}

/// The search request of one page: Live courses, only the kept fields.
pub fn request(offset: usize, limit: usize) -> Value {
    serde_json::json!({
        "request": {
            "filters": {
                "primaryCategory": ["Course"],
                "status": ["Live"]
            },
            "fields": FIELDS,
            "limit": limit,
            "offset": offset,
            // A stable order, so pages do not overlap while they are read.
            "sort_by": { "identifier": "asc" }
        }
    })
}

/// Reads one page of the search's answer.
pub fn parse_page(bytes: &[u8]) -> Result<Page, PortalDataError> {
    let v: Value =
        serde_json::from_slice(bytes).map_err(|e| PortalDataError::NotJson(Cause::new(e)))?;
    let result = v.get("result").ok_or(PortalDataError::NoContent)?;
    let count = result.get("count").and_then(number).unwrap_or(0.0);
    let count = if count.is_finite() && count >= 0.0 {
        count as usize
    } else {
        0
    };
    if count > MOST_COURSES {
        return Err(PortalDataError::TooMany {
            count,
            most: MOST_COURSES,
        });
    }
    // Past the last page the search leaves `content` out.
    let content = match result.get("content") {
        Some(Value::Array(items)) => items.as_slice(),
        Some(Value::Null) | None if result.get("count").is_some() => &[],
        _ => return Err(PortalDataError::NoContent),
    };
    let courses = content.iter().filter_map(course).collect();
    Ok(Page { count, courses })
}

/// A number, or a string that holds one (the portal writes both).
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.trim().to_string(),
        // `organisation` is a list of names.
        Value::Array(items) => items.iter().find_map(|i| text(Some(i)))?,
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// One course of a page; an item with no identifier or name, or of
/// another category, is not a course to keep.
fn course(v: &Value) -> Option<PortalCourse> {
    let category = v.get("primaryCategory").and_then(Value::as_str);
    if category.is_some_and(|c| !c.eq_ignore_ascii_case("course")) {
        return None;
    }
    let identifier = text(v.get("identifier"))?;
    let name = text(v.get("name"))?;
    let seconds = v
        .get("duration")
        .and_then(number)
        .filter(|s| s.is_finite() && *s > 0.0 && *s < f64::from(u32::MAX))
        .map(|s| s.round() as u32);
    let published = text(v.get("lastPublishedOn")).map(|d| d.chars().take(10).collect());
    Some(PortalCourse {
        identifier,
        name,
        seconds,
        competencies: competencies(v),
        provider: text(v.get("organisation")).or_else(|| text(v.get("source"))),
        published,
    })
}

/// `competencies_v6` (…Name fields), else the older `competencies_v5`.
fn competencies(v: &Value) -> Vec<PortalCompetency> {
    let read = |field: &str, suffix: &str| -> Vec<PortalCompetency> {
        let Some(Value::Array(items)) = v.get(field) else {
            return Vec::new();
        };
        let mut out: Vec<PortalCompetency> = items
            .iter()
            .filter_map(|c| {
                let get = |k: &str| text(c.get(format!("competency{k}{suffix}").as_str()));
                Some(PortalCompetency {
                    area: get("Area")?,
                    theme: get("Theme").unwrap_or_default(),
                    sub_theme: get("SubTheme").unwrap_or_default(),
                })
            })
            .collect();
        out.dedup();
        out
    };
    let v6 = read("competencies_v6", "Name");
    if v6.is_empty() {
        read("competencies_v5", "")
    } else {
        v6
    }
}

impl PortalSnapshot {
    /// Reads a snapshot file's bytes.
    pub fn from_json(bytes: &[u8]) -> Result<PortalSnapshot, PortalDataError> {
        #[derive(Deserialize)]
        struct Version {
            format: u32,
        }
        let version: Version = serde_json::from_slice(bytes)
            .map_err(|e| PortalDataError::NotASnapshot(Cause::new(e)))?;
        if version.format != SNAPSHOT_FORMAT {
            return Err(PortalDataError::Format {
                found: version.format,
                expected: SNAPSHOT_FORMAT,
            });
        }
        serde_json::from_slice(bytes).map_err(|e| PortalDataError::NotASnapshot(Cause::new(e)))
    }

    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a snapshot is plain data")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_reads_durations_as_strings_or_numbers_and_the_v6_competencies() {
        let page = br#"{"result":{"count":2,"content":[
          {"identifier":"do_1","name":"Noting and Drafting","duration":"5400",
           "primaryCategory":"Course","organisation":["ISTM"],
           "lastPublishedOn":"2025-01-02T10:00:00.000+0000",
           "competencies_v6":[{"competencyAreaName":"Functional",
             "competencyThemeName":"Office Management","competencySubThemeName":"Drafting"}]},
          {"identifier":"do_2","name":"Ethics","duration":3600,
           "competencies_v5":[{"competencyArea":"Behavioural","competencyTheme":"Integrity"}]},
          {"identifier":"do_3","name":"A program","primaryCategory":"Program"}]}}"#;
        let p = parse_page(page).unwrap();
        assert_eq!(p.count, 2);
        assert_eq!(p.courses.len(), 2, "the Program is not a course");
        assert_eq!(p.courses[0].seconds, Some(5400));
        assert_eq!(p.courses[0].theme(), Some("Office Management"));
        assert_eq!(p.courses[0].provider.as_deref(), Some("ISTM"));
        assert_eq!(p.courses[0].published.as_deref(), Some("2025-01-02"));
        assert_eq!(p.courses[1].seconds, Some(3600));
        assert_eq!(p.courses[1].kinds(), vec![Competency::Behavioural]);
    }

    #[test]
    fn an_answer_without_a_course_list_is_refused() {
        assert!(matches!(
            parse_page(br#"{"responseCode":"SERVER_ERROR"}"#),
            Err(PortalDataError::NoContent)
        ));
        assert!(matches!(
            parse_page(b"<html>proxy says no</html>"),
            Err(PortalDataError::NotJson(_))
        ));
        let past_the_end = parse_page(br#"{"result":{"count":5}}"#).unwrap();
        assert!(past_the_end.courses.is_empty());
    }
}
