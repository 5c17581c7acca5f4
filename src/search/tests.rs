use super::*;
use fuzzy_matcher::skim::SkimMatcherV2;

fn index(titles: &[&str]) -> SearchIndex<'static> {
    SearchIndex::from_titles(titles.iter().enumerate().map(|(i, t)| (i, *t)))
}

#[test]
fn every_term_must_match_in_any_order() {
    let ix = index(&[
        "Leadership Skills for Professionals",
        "Public Policy Writing",
        "Skills of Leadership",
    ]);
    let hits = ix.search("skills leader", 10, &|_| true);
    let found: Vec<CourseId> = hits.iter().map(|h| h.course).collect();
    assert_eq!(found.len(), 2);
    assert!(found.contains(&0) && found.contains(&2));
    assert!(ix.search("zzz", 10, &|_| true).is_empty());
    assert!(ix.search("   ", 10, &|_| true).is_empty());
}

#[test]
fn positions_are_char_positions_in_the_printed_title() {
    let ix = index(&["सेवा उत्कृष्टता / Service Excellence"]);
    let hit = &ix.search("सेवा", 1, &|_| true)[0];
    assert_eq!(hit.positions, vec![0, 1, 2, 3]);
    let hit = &ix.search("SERVICE", 1, &|_| true)[0];
    let chars: Vec<char> = hit.text.chars().collect();
    let picked: String = hit.positions.iter().map(|&p| chars[p]).collect();
    assert_eq!(picked.to_lowercase(), "service");
}

#[test]
fn narrowing_gives_the_same_hits_as_a_full_scan() {
    let titles: Vec<String> = (0..20_000)
        .map(|i| format!("Course {i} on governance and data {}", i % 97))
        .collect();
    let ix = SearchIndex::from_titles(titles.iter().enumerate().map(|(i, t)| (i, t.as_str())));
    let all: Vec<u32> = (0..ix.len() as u32).collect();
    let (_, first) = ix.search_within(&all, "gov", 50, &|_| true);
    let (narrowed, _) = ix.search_within(&first, "gov dat 9", 50, &|_| true);
    assert_eq!(narrowed, ix.search("gov dat 9", 50, &|_| true));
    assert_eq!(narrowed.len(), 50);
}

/// The search as it was before the bounds: score every title the mask
/// lets through, sort them all.
fn reference(titles: &[String], query: &str, limit: usize) -> Vec<(usize, i64)> {
    let q = Query::new(query);
    if q.terms.is_empty() {
        return Vec::new();
    }
    let mut all: Vec<(usize, i64, &String)> = titles
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let f = t.to_lowercase();
            let mut total = 0;
            for term in &q.terms {
                // The scorer only matches a term whose chars all appear in
                // order; checking that first is exact and spares most
                // scorer calls, without borrowing the index's own filters.
                if !in_order(&f, term) {
                    return None;
                }
                total += score_term(&f, term)?;
            }
            Some((i, total, t))
        })
        .collect();
    all.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.2.len().cmp(&b.2.len()))
            .then(a.2.cmp(b.2))
            .then(a.0.cmp(&b.0))
    });
    all.into_iter()
        .take(limit)
        .map(|(i, s, _)| (i, s))
        .collect()
}

/// Every char of `term` appears in `text`, in order.
fn in_order(text: &str, term: &str) -> bool {
    let mut rest = text.chars();
    term.chars().all(|c| rest.any(|t| t == c))
}

fn found(hits: &[Hit]) -> Vec<(usize, i64)> {
    hits.iter().map(|h| (h.course, h.score)).collect()
}

/// Queries typed key by key, with a typo, Devanagari, a backspace and a
/// pasted word.
const TYPED: &[&str] = &[
    "public finan",
    "leadrship sk",
    "e office",
    "x",
    "mgmt disastr",
    "सुशासन / go",
    "data  analytics for",
    "zz",
    "module 1",
];

fn keys(typed: &str) -> Vec<&str> {
    typed
        .char_indices()
        .map(|(i, c)| &typed[..i + c.len_utf8()])
        .collect()
}

#[test]
fn typing_finds_what_a_full_scan_finds() {
    let titles = crate::synthetic::titles(6_000, 11);
    let ix = SearchIndex::from_titles(titles.iter().enumerate().map(|(i, t)| (i, t.as_str())));
    let mut typing = Typing::new();
    for typed in TYPED {
        let mut queries = keys(typed);
        // Take two keys back and type them again; then paste the rest at once.
        let n = queries.len();
        if n > 3 {
            queries.extend([
                queries[n - 2],
                queries[n - 3],
                queries[n - 2],
                queries[n - 1],
            ]);
        }
        queries.push(typed);
        for q in queries {
            // One full scan per query serves every limit: the reference's
            // order is total, so its top 1 is the first of its top 20.
            let want = reference(&titles, q, 20);
            for limit in [1, 20] {
                let top = &want[..limit.min(want.len())];
                assert_eq!(found(&ix.search(q, limit, &|_| true)), top, "search {q:?}");
            }
            let hits = ix.search_typing(&mut typing, q, 20, &|_| true);
            assert_eq!(found(&hits), want, "typing {q:?}");
        }
        let pasted = ix.search_typing(&mut typing, &format!("{typed} ad"), 20, &|_| true);
        assert_eq!(
            found(&pasted),
            reference(&titles, &format!("{typed} ad"), 20)
        );
        typing.clear();
    }
}

/// Checks every bound `rank` prunes with against the scorer, on one
/// folded title and every prefix of `word`: the first char, each step (both
/// kinds) from the best prefix so far, and each whole prefix's bounds.
fn check_bounds(f: &str, word: &str) {
    let shape = Shape::of(f, bound::heads(f), f.is_ascii());
    let mut reach = 0;
    let mut prev = None;
    for p in keys(word) {
        let Some(s) = score_term(f, p) else { break };
        let s = s as i32;
        let c = p.chars().last().unwrap();
        let allowed = match prev {
            None => Bound::first(c, &shape),
            Some(prev) => {
                let tight = Bound::tight_step(prev, c, &shape);
                let cheap = Bound::step(prev, c, &shape);
                assert!(tight <= cheap, "{f:?} {p:?}: {tight} > {cheap}");
                assert!(s <= reach + cheap, "{f:?} {p:?}: {s} > {reach} + {cheap}");
                reach + tight
            }
        };
        assert!(s <= allowed, "{f:?} {p:?}: {s} > {allowed} (reach {reach})");
        for (whole, floor) in [Bound::term(p, &shape), Bound::tight_term(p, &shape)] {
            assert!(
                s <= whole && reach <= floor,
                "{f:?} {p:?}: {s} {whole} {floor}"
            );
        }
        reach = reach.max(s);
        prev = Some(c);
    }
}

/// The bounds, on every prefix of many words over thousands of synthetic
/// titles, hand-made ones with separators, digits and double letters, and
/// random strings over a small alphabet (so that most prefixes match).
#[test]
fn bounds_hold_on_every_prefix() {
    let words = [
        "public",
        "governance",
        "leadrship",
        "leadership",
        "lead",
        "सुशासन",
        "सेवा",
        "mgmt",
        "e-office",
        "e-offi",
        "xq",
        "data",
        "aaa",
        "ll",
        "lll",
        "skill",
        "g2g",
        "1.2",
        "v2.0",
        "a/b",
        "rti-act",
        "-o",
        "--",
        "(a)",
        "t/",
        "e.g.",
        "abc",
        "abcd",
    ];
    let mut titles = crate::synthetic::titles(2_500, 5);
    titles.extend(
        [
            "E-Office Procedures (v2.0) / ई-ऑफिस",
            "Data-Driven Governance",
            "data.gov.in: Open Data",
            "RTI-Act 2005 -- a/b testing",
            "Skill-building: Well-being, All-round",
            "G2G & G2C e-Services 1.2.3",
            "xxxaaa",
            "aa-aa aa.aa a/a (a)a [a]a",
            "lll-ll.l/ll",
            "Leadership_Skills|Module~1",
            "सुशासन / Good Governance",
            "--o--o o-o",
            "",
        ]
        .map(String::from),
    );
    // Gaps so long that the scorer's stale cells win (see `bound`).
    let x40 = "x".repeat(40);
    titles.extend([
        format!("ab{x40}xxxxxxxxxxxxxxxxxxxxac"),
        format!("a{x40}b{x40}c"),
        format!("a{x40}bc{x40}d"),
        format!("a{x40}b{x40}ab{x40}cd"),
    ]);
    for t in &titles {
        let f = t.to_lowercase();
        for w in words {
            check_bounds(&f, w);
        }
    }
    let alphabet = ['a', 'b', 'l', '-', '/', '.', ' ', '1', '_', '(', 'स', 'ु'];
    let mut rng = fastrand::Rng::with_seed(3);
    for _ in 0..3_000 {
        let n = rng.usize(1..30);
        let f: String = (0..n)
            .map(|_| alphabet[rng.usize(..alphabet.len())])
            .collect();
        for _ in 0..8 {
            let w: String = (0..6)
                .map(|_| alphabet[rng.usize(..alphabet.len())])
                .filter(|&c| c != ' ')
                .collect();
            check_bounds(&f, &w);
        }
    }
}

/// `span` against the whole title, on every prefix of many words over
/// synthetic titles and random strings.
#[test]
fn trimming_keeps_every_score() {
    let words = [
        "public",
        "data",
        "mgmt",
        "e-office",
        "lead",
        "aaa",
        "abc",
        "सुशासन",
        "gov",
        "ss",
        "-o",
    ];
    let mut titles: Vec<String> = crate::synthetic::titles(2_000, 13)
        .iter()
        .map(|t| t.to_lowercase())
        .collect();
    let alphabet = ['a', 'b', 'c', '-', '/', ' ', 'स', 'ु'];
    let mut rng = fastrand::Rng::with_seed(4);
    for _ in 0..2_000 {
        let n = rng.usize(1..24);
        titles.push(
            (0..n)
                .map(|_| alphabet[rng.usize(..alphabet.len())])
                .collect(),
        );
    }
    for f in &titles {
        for w in words {
            for p in keys(w) {
                assert_eq!(score_term(f, p), scorer().fuzzy_match(f, p), "{f:?} {p:?}");
            }
        }
        for _ in 0..4 {
            let w: String = (0..4)
                .map(|_| alphabet[rng.usize(..alphabet.len())])
                .filter(|&c| c != ' ')
                .collect();
            for p in keys(&w) {
                assert_eq!(score_term(f, p), scorer().fuzzy_match(f, p), "{f:?} {p:?}");
            }
        }
    }
}

#[test]
fn a_fresh_scorer_forgets_what_it_scored() {
    // fuzzy-matcher's own matcher, reused, keeps a bonus from the first
    // title in a cell it reads for the second: 67 where a fresh one says 55
    // (and a reach of 35 after "aa" allows at most 55).
    let reused = SkimMatcherV2::default();
    assert_eq!(reused.fuzzy_match("xxxaaa", "aaa"), Some(55));
    reused.fuzzy_match("abcdefghijk", "a");
    assert_eq!(reused.fuzzy_match("xxxaaa", "aaa"), Some(67));
    // Ours gives the same score whatever came before.
    let titles = crate::synthetic::titles(300, 9);
    let folded: Vec<String> = titles.iter().map(|t| t.to_lowercase()).collect();
    let terms = ["a", "aaa", "data", "gov", "e-off", "सु", "mgmt"];
    let alone: Vec<Option<i64>> = folded
        .iter()
        .flat_map(|f| terms.iter().map(move |t| (f, t)))
        .map(|(f, t)| score_term(f, t))
        .collect();
    for t in &terms {
        for f in folded.iter().rev() {
            score_term(f, t);
        }
    }
    score_term("abcdefghijk", "a");
    let after: Vec<Option<i64>> = folded
        .iter()
        .flat_map(|f| terms.iter().map(move |t| (f, t)))
        .map(|(f, t)| score_term(f, t))
        .collect();
    assert_eq!(alone, after);
    assert_eq!(score_term("xxxaaa", "aaa"), Some(55));
}

#[test]
fn a_course_appears_once_by_its_best_title() {
    let ix = SearchIndex::from_titles([
        (
            7,
            "Using Behaviour Science for Climate Adaptation and Mitigation",
        ),
        (7, "Using Behaviour Science for Climate Adaptation"),
    ]);
    let hits = ix.search("climate", 10, &|_| true);
    assert_eq!(hits.len(), 1);
}

#[test]
fn the_byte_pass_indexes_ascii_titles_as_the_char_rules_say() {
    // The rules, char by char: every char's bit, and the bit of every char
    // after the first that follows a non-word char.
    let by_chars = |f: &str| {
        let chars: Vec<char> = f.chars().collect();
        let heads = chars
            .windows(2)
            .filter(|w| !bound::is_word(w[0]))
            .fold(0, |h, w| h | char_bit(w[1]));
        (mask_of(f), heads)
    };
    let mut titles: Vec<String> = crate::synthetic::titles(2_000, 11)
        .into_iter()
        .filter(|t| t.is_ascii())
        .map(|t| t.to_lowercase())
        .collect();
    titles.extend(
        [
            "",
            "a",
            "e-office 2.0",
            "x/y (z) [w] {v} |u| \\t",
            "~tilde_under`s!",
            "9to5",
            "a  b",
        ]
        .map(String::from),
    );
    for t in &titles {
        assert_eq!(
            bound::ascii_mask_and_heads(t.as_bytes()),
            by_chars(t),
            "{t:?}"
        );
    }
}

#[test]
fn texts_read_from_the_catalogue_give_the_hits_of_an_own_copy() {
    let catalogue = Catalogue::builtin().unwrap();
    let borrowed = SearchIndex::new(&catalogue);
    let pairs: Vec<(CourseId, &str)> = catalogue
        .courses
        .iter()
        .enumerate()
        .flat_map(|(id, c)| {
            std::iter::once((id, c.title.as_str()))
                .chain(c.aliases.iter().map(move |a| (id, a.as_str())))
        })
        .collect();
    assert!(
        pairs.len() > catalogue.courses.len(),
        "some aliases to read"
    );
    let own = SearchIndex::from_titles(pairs);
    for q in ["yuva", "data", "सेवा", "leadership skills", "climate", "e"] {
        assert_eq!(
            borrowed.search(q, 50, &|_| true),
            own.search(q, 50, &|_| true),
            "{q}"
        );
    }
}
