//! Turns data files into a validated `Catalogue`, or says which file and
//! line is wrong. Never panics on bad data and never skips a row.

use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use super::identity::normalise;
use super::load_error::{LoadError, LoadProblem};
use super::load_requirement::parse_requirement;
use super::model::*;
use super::raw::*;
use super::Catalogue;
use crate::units::text::check_title;

/// The highest row number a list may print. The longest real schedule has
/// 61 rows; a number past this is a typing slip, and lint would otherwise
/// walk every number up to it looking for gaps.
pub const MAX_ROW: u32 = 10_000;

/// One data file's text and the name to show in messages.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub text: String,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// A file and where its lines start: every row carries its line, and
/// counting newlines from the top for each row made the load quadratic.
pub(super) struct FileCtx<'a> {
    source: &'a Source,
    line_starts: Vec<usize>,
}

impl FileCtx<'_> {
    fn new(source: &Source) -> FileCtx<'_> {
        let newlines = source.text.bytes().enumerate().filter(|&(_, b)| b == b'\n');
        let line_starts = std::iter::once(0)
            .chain(newlines.map(|(i, _)| i + 1))
            .collect();
        FileCtx {
            source,
            line_starts,
        }
    }

    /// The 1-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    pub(super) fn origin(&self, span: Range<usize>) -> Origin {
        Origin {
            file: self.source.name.clone(),
            line: self.line_of(span.start),
        }
    }

    pub(super) fn err(&self, span: Range<usize>, problem: impl Into<LoadProblem>) -> LoadError {
        LoadError::new(self.origin(span), problem)
    }

    fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, LoadError> {
        toml::from_str(&self.source.text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let words = e.message().trim().replace('\n', " ");
            self.err(span, LoadProblem::Toml(words))
        })
    }
}

/// A data file's date, ISO (2026-09-15), by the one date reader.
pub(super) fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::units::dates::parse_date_as(s, crate::units::dates::DateForm::Iso).ok()
}

pub(super) fn parse_service(
    ctx: &FileCtx,
    span: Range<usize>,
    s: &str,
) -> Result<Service, LoadError> {
    Service::parse(s).ok_or_else(|| ctx.err(span, LoadProblem::UnknownService { given: s.into() }))
}

/// A rulebook parsed on its own, before tiers are checked across files.
struct ParsedRulebook {
    rulebook: Rulebook,
    tiers: Vec<Tier>,
    listings: Vec<Listing>,
}

fn parse_rulebook(source: &Source) -> Result<ParsedRulebook, LoadError> {
    let ctx = FileCtx::new(source);
    let raw: RawRulebook = ctx.parse()?;
    let id = raw.id.get_ref().clone();
    let id_span = raw.id.span();
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(ctx.err(id_span, LoadProblem::RulebookId { id }));
    }
    let citation = parse_citation(&ctx, raw.citation)?;
    let services_span = raw.applies.services.span();
    let services = raw
        .applies
        .services
        .into_inner()
        .iter()
        .map(|s| parse_service(&ctx, services_span.clone(), s))
        .collect::<Result<Vec<_>, _>>()?;
    if services.is_empty() {
        return Err(ctx.err(services_span, LoadProblem::NoServices));
    }

    // A misspelt state would make the rulebook silently never apply.
    let states = match raw.applies.states {
        None => Vec::new(),
        Some(states) => {
            let span = states.span();
            states
                .into_inner()
                .iter()
                .map(|s| {
                    crate::units::states::parse_state(s)
                        .map(str::to_string)
                        .map_err(|e| ctx.err(span.clone(), LoadProblem::State(e)))
                })
                .collect::<Result<Vec<_>, _>>()?
        }
    };

    let mut requirements = Vec::new();
    for r in raw.requirement {
        let span = r.span();
        requirements.push(parse_requirement(&ctx, span, r.into_inner(), &services)?);
    }

    let mut tiers = Vec::new();
    let mut listings = Vec::new();
    let mut seen = HashSet::new();
    for t in raw.tier {
        let (tier, rows) = parse_tier(&ctx, t, &services, &id, &mut seen)?;
        tiers.push(tier);
        listings.extend(rows);
    }

    Ok(ParsedRulebook {
        rulebook: Rulebook {
            id,
            short: raw.short,
            citation,
            services,
            states,
            requirements,
            origin: ctx.origin(id_span),
        },
        tiers,
        listings,
    })
}

fn parse_citation(ctx: &FileCtx, raw: RawCitation) -> Result<Citation, LoadError> {
    let date = parse_date(raw.date.get_ref()).ok_or_else(|| {
        let given = raw.date.get_ref().clone();
        ctx.err(raw.date.span(), LoadProblem::CitationDate { given })
    })?;
    let mut forwarded = Vec::new();
    for f in raw.forwarded {
        let span = f.span();
        let f = f.into_inner();
        let date = parse_date(&f.date).ok_or_else(|| {
            let given = f.date.clone();
            ctx.err(span.clone(), LoadProblem::ForwardingDate { given })
        })?;
        forwarded.push(Forwarded {
            authority: f.authority,
            reference: f.reference,
            date,
            to: f.to,
            seed: f.seed,
        });
    }
    Ok(Citation {
        authority: raw.authority,
        reference: raw.reference,
        date,
        subject: raw.subject,
        seed: raw.seed,
        notes: raw.notes,
        forwarded,
    })
}

/// A tier and its printed rows; `seen` holds the listing ids of the whole
/// rulebook, so a repeated row is refused, never overwritten.
fn parse_tier(
    ctx: &FileCtx,
    t: toml::Spanned<RawTier>,
    services: &[Service],
    rulebook: &str,
    seen: &mut HashSet<String>,
) -> Result<(Tier, Vec<Listing>), LoadError> {
    let span = t.span();
    let t = t.into_inner();
    let service = parse_service(ctx, span.clone(), &t.service)?;
    if !services.contains(&service) {
        let tier = t.id;
        return Err(ctx.err(span, LoadProblem::TierService { tier, service }));
    }
    if let (Some(lo), Some(hi)) = (t.min_years, t.max_years) {
        if lo > hi {
            let (tier, min, max) = (t.id, lo, hi);
            return Err(ctx.err(span, LoadProblem::TierYears { tier, min, max }));
        }
    }
    let mut listings = Vec::new();
    let tables = [
        (ListingStatus::Mandatory, t.mandatory),
        (ListingStatus::Optional, t.optional),
    ];
    for (status, rows) in tables {
        for row in rows {
            let row_span = row.span();
            let listing = parse_row(
                ctx,
                row_span.clone(),
                row.into_inner(),
                &t.id,
                status,
                rulebook,
            )?;
            if !seen.insert(listing.id.clone()) {
                let (row, tier) = (listing.row, t.id);
                let twice = LoadProblem::RowTwice { row, status, tier };
                return Err(ctx.err(row_span, twice));
            }
            listings.push(listing);
        }
    }
    let tier = Tier {
        id: t.id,
        service,
        label: t.label,
        label_hi: t.label_hi,
        min_years: t.min_years,
        max_years: t.max_years,
        rulebook: rulebook.to_string(),
        origin: ctx.origin(span),
    };
    Ok((tier, listings))
}

fn parse_row(
    ctx: &FileCtx,
    span: Range<usize>,
    r: RawRow,
    tier: &str,
    status: ListingStatus,
    rulebook: &str,
) -> Result<Listing, LoadError> {
    let competencies = r
        .competencies
        .iter()
        .map(|c| {
            Competency::parse(c).ok_or_else(|| {
                ctx.err(
                    span.clone(),
                    LoadProblem::UnknownCompetency { given: c.clone() },
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let defect = match r.defect.as_deref() {
        None => None,
        Some("editing-note") => Some(SourceDefect::EditingNote),
        Some("truncated") => Some(SourceDefect::Truncated),
        Some(other) => {
            let given = other.to_string();
            return Err(ctx.err(span, LoadProblem::UnknownDefect { given }));
        }
    };
    if r.title.trim().is_empty() {
        return Err(ctx.err(span, LoadProblem::EmptyListingTitle));
    }
    check_title(&r.title).map_err(|e| ctx.err(span.clone(), e))?;
    if r.row == 0 {
        return Err(ctx.err(span, LoadProblem::RowZero));
    }
    if r.row > MAX_ROW {
        return Err(ctx.err(span, LoadProblem::RowPastEnd { row: r.row }));
    }
    let letter = if status == ListingStatus::Mandatory {
        'm'
    } else {
        'o'
    };
    Ok(Listing {
        id: format!("{tier}/{letter}{}", r.row),
        tier: tier.to_string(),
        row: r.row,
        status,
        competencies,
        title: r.title.trim().to_string(),
        defect,
        rulebook: rulebook.to_string(),
        course: None,
        origin: ctx.origin(span),
    })
}

/// An alias after validation: its key points at the canonical key.
pub struct Alias {
    pub title: String,
    pub same_as: String,
    pub origin: Origin,
}

fn parse_aliases(source: &Source) -> Result<Vec<Alias>, LoadError> {
    let ctx = FileCtx::new(source);
    let raw: RawAliases = ctx.parse()?;
    raw.alias
        .into_iter()
        .map(|a| {
            let span = a.span();
            let a = a.into_inner();
            for title in [&a.title, &a.same_as] {
                check_title(title).map_err(|e| ctx.err(span.clone(), e))?;
            }
            if normalise(&a.title) == normalise(&a.same_as) {
                let title = a.title;
                return Err(ctx.err(span, LoadProblem::AliasSameCourse { title }));
            }
            if a.why.trim().is_empty() {
                return Err(ctx.err(span, LoadProblem::AliasWithoutWhy));
            }
            Ok(Alias {
                title: a.title,
                same_as: a.same_as,
                origin: ctx.origin(span),
            })
        })
        .collect()
}

/// Builds the catalogue from rulebook files and alias files. A rulebook
/// whose id repeats an earlier one replaces it (a training cell's own list
/// overriding the built-in one).
pub fn build(
    rulebook_sources: &[Source],
    alias_sources: &[Source],
) -> Result<Catalogue, LoadError> {
    let parsed = in_date_order(rulebook_sources)?;
    let mut aliases = Vec::new();
    for source in alias_sources {
        aliases.extend(parse_aliases(source)?);
    }
    let mut rulebooks = Vec::new();
    let mut tiers: Vec<Tier> = Vec::new();
    let mut listings = Vec::new();
    for p in parsed {
        for t in p.tiers {
            if let Some(prev) = tiers.iter().find(|x| x.id == t.id) {
                let (tier, at) = (t.id, prev.origin.clone());
                return Err(LoadError::new(
                    t.origin,
                    LoadProblem::TierTwice { tier, at },
                ));
            }
            tiers.push(t);
        }
        listings.extend(p.listings);
        rulebooks.push(p.rulebook);
    }
    let (courses, course_by_key) = courses_of(&mut listings, &aliases)?;
    Ok(Catalogue::new(
        rulebooks,
        tiers,
        listings,
        courses,
        course_by_key,
    ))
}

/// Each rulebook parsed, a later one with the same id replacing the
/// earlier, oldest order first: course titles are shown as the earliest
/// list prints them.
fn in_date_order(sources: &[Source]) -> Result<Vec<ParsedRulebook>, LoadError> {
    let mut by_id: BTreeMap<String, ParsedRulebook> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for source in sources {
        let parsed = parse_rulebook(source)?;
        let id = parsed.rulebook.id.clone();
        if by_id.insert(id.clone(), parsed).is_none() {
            order.push(id);
        }
    }
    let mut parsed: Vec<ParsedRulebook> = order
        .iter()
        .map(|id| by_id.remove(id).expect("kept in order"))
        .collect();
    parsed.sort_by(|a, b| {
        a.rulebook
            .citation
            .date
            .cmp(&b.rulebook.citation.date)
            .then(a.rulebook.id.cmp(&b.rulebook.id))
    });
    Ok(parsed)
}

type CourseIndex = rustc_hash::FxHashMap<String, CourseId>;

/// The distinct courses behind the listings (one per normalised title or
/// alias), each listing pointed at its course.
fn courses_of(
    listings: &mut [Listing],
    aliases: &[Alias],
) -> Result<(Vec<Course>, CourseIndex), LoadError> {
    let alias_of: HashMap<String, String> = aliases
        .iter()
        .map(|a| (normalise(&a.title), normalise(&a.same_as)))
        .collect();
    let mut courses: Vec<Course> = Vec::new();
    let mut course_by_key: CourseIndex = Default::default();
    for (index, listing) in listings.iter_mut().enumerate() {
        if listing.defect == Some(SourceDefect::EditingNote) {
            continue;
        }
        let printed = normalise(&listing.title);
        let key = alias_of
            .get(&printed)
            .cloned()
            .unwrap_or_else(|| printed.clone());
        let id = *course_by_key.entry(key.clone()).or_insert_with(|| {
            courses.push(Course::keyed(key.clone(), listing.title.clone()));
            courses.len() - 1
        });
        let course = &mut courses[id];
        // Prefer the canonical title's wording once a listing prints it.
        if printed == key && normalise(&course.title) != key {
            course
                .aliases
                .push(std::mem::replace(&mut course.title, listing.title.clone()));
        } else if course.title != listing.title && !course.aliases.contains(&listing.title) {
            course.aliases.push(listing.title.clone());
        }
        course.listings.push(index);
        listing.course = Some(id);
    }
    for alias in aliases {
        let Some(&id) = course_by_key.get(&normalise(&alias.same_as)) else {
            let same_as = alias.same_as.clone();
            let unlisted = LoadProblem::AliasUnlisted { same_as };
            return Err(LoadError::new(alias.origin.clone(), unlisted));
        };
        let course = &mut courses[id];
        if course.title != alias.title && !course.aliases.contains(&alias.title) {
            course.aliases.push(alias.title.clone());
        }
        course_by_key.insert(normalise(&alias.title), id);
    }
    Ok((courses, course_by_key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Result<Catalogue, LoadError> {
        build(&[Source::new("x.toml", text)], &[])
    }

    const HEAD: &str = "id = \"x\"\nshort = \"X\"\n[citation]\nauthority = \"A\"\nreference = \"R\"\ndate = \"2026-01-01\"\nsubject = \"S\"\n[applies]\nservices = [\"bas\"]\n[[tier]]\nid = \"t\"\nservice = \"bas\"\nlabel = \"T\"\n";

    #[test]
    fn a_good_file_loads() {
        let c = one(&format!(
            "{HEAD}mandatory = [\n {{ row = 1, title = \"A\" }},\n]\n"
        ))
        .unwrap();
        assert_eq!(c.listings.len(), 1);
        assert_eq!(c.listings[0].origin.line, 15);
    }

    #[test]
    fn errors_name_the_line() {
        let e = one(&format!("{HEAD}mandatory = [\n {{ row = 1, title = \"A\" }},\n {{ row = 2, competencies = [\"maybe\"], title = \"B\" }},\n]\n")).unwrap_err();
        assert_eq!(e.origin.line, 16, "{e}");
        assert_eq!(
            e.problem,
            LoadProblem::UnknownCompetency {
                given: "maybe".into()
            }
        );
        assert!(
            e.to_string()
                .starts_with("x.toml:16: unknown competency 'maybe' (expected one of "),
            "{e}"
        );

        let e = one(&format!(
            "{HEAD}optional = [\n {{ row = 1, titel = \"A\" }},\n]\n"
        ))
        .unwrap_err();
        assert!(
            matches!(&e.problem, LoadProblem::Toml(words) if words.contains("titel")),
            "{e}"
        );

        let e = one("id = \"x\"\nshort = 3\n").unwrap_err();
        assert_eq!(e.origin.line, 2, "{e}");
    }

    #[test]
    fn a_repeated_row_is_an_error_not_a_silent_overwrite() {
        let e = one(&format!("{HEAD}optional = [\n {{ row = 1, title = \"A\" }},\n {{ row = 1, title = \"B\" }},\n]\n")).unwrap_err();
        assert_eq!(
            e.problem,
            LoadProblem::RowTwice {
                row: 1,
                status: ListingStatus::Optional,
                tier: "t".into()
            }
        );
        assert_eq!(e.to_string(), "x.toml:16: row 1 of the optional list of tier 't' appears twice: each printed row is one line");
    }
}
