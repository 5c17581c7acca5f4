//! The portal's courses as the Catalogue view shelves them: by competency
//! area (Behavioural, Functional, Domain, then any other), then theme, then
//! title. A course with competencies in several areas or themes stands on
//! each of those shelves. Worked out once per snapshot, never per frame: a
//! snapshot has a few thousand courses.

use crate::catalogue::portal::PortalSnapshot;

/// One line of the shelf: a heading, or a course (its place in the snapshot).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShelfLine {
    Area(String),
    Theme(String),
    Course(usize),
}

/// The shelf's lines, and the line of each course row in order, which is
/// what the view's cursor moves over (headings are never selected).
#[derive(Debug, Clone, Default)]
pub struct Shelf {
    pub lines: Vec<ShelfLine>,
    pub course_lines: Vec<usize>,
}

/// Known areas first, in the orders' B, F, D order; none given last.
fn area_rank(area: &str) -> u8 {
    match area.trim().to_ascii_lowercase().as_str() {
        "behavioural" | "behavioral" => 0,
        "functional" => 1,
        "domain" => 2,
        "" => 4,
        _ => 3,
    }
}

impl Shelf {
    pub fn new(snapshot: Option<&PortalSnapshot>) -> Shelf {
        let Some(snapshot) = snapshot else {
            return Shelf::default();
        };
        let mut placed: Vec<(u8, String, String, String, usize)> = Vec::new();
        for (i, course) in snapshot.courses.iter().enumerate() {
            let mut shelves: Vec<(String, String)> = course
                .competencies
                .iter()
                .map(|c| (c.area.trim().to_string(), c.theme.trim().to_string()))
                .collect();
            if shelves.is_empty() {
                shelves.push((String::new(), String::new()));
            }
            shelves.sort();
            shelves.dedup();
            for (area, theme) in shelves {
                let title = course.name.to_lowercase();
                placed.push((area_rank(&area), area, theme, title, i));
            }
        }
        placed.sort();
        let mut shelf = Shelf::default();
        let mut last: Option<(&str, &str)> = None;
        for (_, area, theme, _, i) in &placed {
            if last.map(|l| l.0) != Some(area.as_str()) {
                shelf.lines.push(ShelfLine::Area(area.clone()));
                last = None;
            }
            if last.map(|l| l.1) != Some(theme.as_str()) {
                shelf.lines.push(ShelfLine::Theme(theme.clone()));
            }
            last = Some((area, theme));
            shelf.course_lines.push(shelf.lines.len());
            shelf.lines.push(ShelfLine::Course(*i));
        }
        shelf
    }

    /// The row of the first shelf where the snapshot's course `i` stands.
    pub fn row_of(&self, i: usize) -> Option<usize> {
        self.course_lines
            .iter()
            .position(|&l| self.lines[l] == ShelfLine::Course(i))
    }

    /// The area and theme line `line` stands under (the theme none when
    /// `line` is itself a theme's heading): what a screen scrolled past the
    /// headings keeps showing at its top.
    pub fn heading_of(&self, line: usize) -> (&str, Option<&str>) {
        let mut theme = None;
        for l in self.lines[..line.min(self.lines.len())].iter().rev() {
            match l {
                ShelfLine::Area(a) => return (a, theme),
                ShelfLine::Theme(t) if theme.is_none() => theme = Some(t.as_str()),
                _ => {}
            }
        }
        ("", theme)
    }

    /// The snapshot's course at cursor row `row`.
    pub fn course_at(&self, row: usize) -> Option<usize> {
        match self.course_lines.get(row).map(|&l| &self.lines[l]) {
            Some(ShelfLine::Course(i)) => Some(*i),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::portal::{PortalCompetency, PortalCourse};

    fn course(name: &str, comps: &[(&str, &str)]) -> PortalCourse {
        PortalCourse {
            identifier: name.into(),
            name: name.into(),
            seconds: Some(3600),
            competencies: comps
                .iter()
                .map(|(a, t)| PortalCompetency {
                    area: (*a).into(),
                    theme: (*t).into(),
                    sub_theme: String::new(),
                })
                .collect(),
            provider: None,
            published: None,
        }
    }

    #[test]
    fn areas_in_bfd_order_then_themes_then_titles_and_a_course_on_each_of_its_shelves() {
        let snapshot = PortalSnapshot {
            format: 1,
            portal: "p".into(),
            fetched: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            courses: vec![
                course("Zeta", &[("Domain", "Tax")]),
                course("Alpha", &[("Behavioural", "Ethics"), ("Domain", "Tax")]),
                course("Loose", &[]),
                course("Beta", &[("Behavioural", "Ethics")]),
            ],
        };
        let shelf = Shelf::new(Some(&snapshot));
        use ShelfLine::*;
        assert_eq!(
            shelf.lines,
            vec![
                Area("Behavioural".into()),
                Theme("Ethics".into()),
                Course(1),
                Course(3),
                Area("Domain".into()),
                Theme("Tax".into()),
                Course(1),
                Course(0),
                Area(String::new()),
                Theme(String::new()),
                Course(2),
            ]
        );
        assert_eq!(shelf.heading_of(7), ("Domain", Some("Tax")));
        assert_eq!(shelf.heading_of(5), ("Domain", None));
        assert_eq!(shelf.row_of(1), Some(0));
        assert_eq!(shelf.course_at(3), Some(0));
        assert_eq!(shelf.course_lines.len(), 5);
    }
}
