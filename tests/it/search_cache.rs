//! The ready search index kept in the compiled catalogue cache and mapped
//! by a warm `search`: the same hits as the catalogue loaded from the CSV,
//! each hit's course decoded from the map equal to the CSV's, and a cache
//! that is damaged anywhere (a flipped byte, torn, foreign) never answers:
//! the search is answered from the files and the cache rewritten.

use std::path::{Path, PathBuf};

use karmadash::catalogue::cache_mapped::{Mapped, Opened};
use karmadash::catalogue::{sources, Catalogue};
use karmadash::search::{IndexSections, SearchIndex};

use crate::synthetic;

/// Rulebook titles (one printed otherwise: an alias), tiers, and 9,000
/// distinct synthetic titles, some Devanagari.
fn csv() -> String {
    let mut csv = String::from(
        "title,tier,status,row,competencies,duration\n\
         Zebra Crossing Safety,,,,,\n\
         YUVA AI for all,,,,,53m\n\
         Quokka Studies,ias-0-9,optional,,domain,\n\
         \"Comma, Quoted\",ias-0-9,mandatory,99,b;f,01:30:00\n\
         Governance Quokka,bas-basic-ac,optional,,,\n",
    );
    // Longer than 127 bytes: its length takes two bytes in a record.
    csv.push_str(&format!(
        "{},,,,,\n",
        "सुशासन Governance Refresher ".repeat(6).trim()
    ));
    for t in synthetic::titles(9_000, 11) {
        csv.push_str(&format!("\"{}\",,,,,\n", t.replace('"', "\"\"")));
    }
    csv
}

const QUERIES: &[&str] = &[
    "e",
    "governance",
    "public finance",
    "govrnance",
    "zqxj",
    "सुशासन",
    "quokka",
    "yuva ai",
];

struct Setup {
    _dir: tempfile::TempDir,
    data: PathBuf,
    cache_home: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("portal.csv"), csv()).unwrap();
    let cache_home = dir.path().join("cache");
    Setup {
        _dir: dir,
        data,
        cache_home,
    }
}

/// `karmadash --data DIR search ARGS --json`, its stdout; the cache under
/// `cache_home`.
fn search(s: &Setup, cache_home: &Path, args: &[&str]) -> String {
    let out = crate::bin_fixtures::karmadash()
        .env("XDG_CACHE_HOME", cache_home)
        .arg("--data")
        .arg(&s.data)
        .arg("search")
        .args(args)
        .args(["--limit", "50", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn cache_file(s: &Setup) -> PathBuf {
    let dir = s.cache_home.join("karmadash");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

/// Every query's answer with no cache at all (a file where the cache
/// directory would be): the catalogue loaded from the CSV.
fn uncached(s: &Setup, args: &[&str]) -> String {
    let blocked = s.data.parent().unwrap().join("blocked");
    std::fs::write(&blocked, "").unwrap();
    search(s, &blocked, args)
}

fn warm(data: &Path, cache: &Path) -> Mapped {
    match Mapped::open(data, cache).unwrap() {
        Some(Opened::Warm(mapped)) => mapped,
        _ => panic!("the cache is not warm"),
    }
}

#[test]
fn warm_and_cold_searches_give_the_hits_of_the_csv_itself() {
    let s = setup();
    for q in QUERIES {
        let plain = uncached(&s, &[q]);
        assert!(plain.contains("\"hits\""), "{plain}");
        let _ = std::fs::remove_dir_all(&s.cache_home);
        assert_eq!(search(&s, &s.cache_home, &[q]), plain, "cold {q}");
        assert_eq!(search(&s, &s.cache_home, &[q]), plain, "warm {q}");
    }
    // A tier's filter, and the hits' tiers and listings, from the map.
    for tier in ["ias-0-9", "bas-basic-ac"] {
        let plain = uncached(&s, &["quokka", "--tier", tier]);
        assert!(plain.contains(tier), "{plain}");
        assert_eq!(
            search(&s, &s.cache_home, &["quokka", "--tier", tier]),
            plain
        );
    }
}

/// The library's view: the index mapped from the cache holds every title
/// the catalogue does, and finds what an index built from it finds.
#[test]
fn the_mapped_index_is_the_built_one() {
    let s = setup();
    let cache = s.cache_home.join("karmadash");
    let loaded: Catalogue =
        sources::load_with_dir_cached_and(Some(&s.data), Some(&cache), Some(&IndexSections))
            .unwrap();
    let built = SearchIndex::new(&loaded);
    let mapped = warm(&s.data, &cache);
    let index = SearchIndex::mapped(&mapped).expect("the cache holds the index");
    assert_eq!(index.len(), built.len());
    assert_eq!(mapped.course_count(), loaded.courses.len());
    let all = |_: usize| true;
    for q in QUERIES {
        let hits = index.search(q, 50, &all);
        assert_eq!(hits, built.search(q, 50, &all), "{q}");
        let ids: Vec<usize> = hits.iter().map(|h| h.course).collect();
        let decoded = mapped.courses(&ids).expect("whole records");
        for (id, course) in ids.iter().zip(&decoded) {
            assert_eq!(course, &loaded.courses[*id]);
        }
    }
    assert!(!index.damaged());
    // A whole load from the same cache (its pages handed back as it goes,
    // past the first 4,096 courses) is the catalogue the files give.
    let again = sources::load_with_dir_cached(Some(&s.data), Some(&cache)).unwrap();
    assert!(again.courses.len() > 9_000);
    assert_eq!(again.courses, loaded.courses);
}

/// A cache written without the index (by a loader that keeps none) is
/// warm for the catalogue but holds no index to map.
#[test]
fn a_cache_without_the_index_maps_none() {
    let s = setup();
    let cache = s.cache_home.join("karmadash");
    sources::load_with_dir_cached(Some(&s.data), Some(&cache)).unwrap();
    let mapped = warm(&s.data, &cache);
    assert!(SearchIndex::mapped(&mapped).is_none());
    // The binary then rebuilds it with the index, and answers the same.
    let q = "governance";
    let plain = uncached(&s, &[q]);
    assert_eq!(search(&s, &s.cache_home, &[q]), plain);
    let mapped = warm(&s.data, &cache);
    assert!(SearchIndex::mapped(&mapped).is_some());
}

#[test]
fn a_damaged_cache_never_answers_and_is_rewritten() {
    let s = setup();
    let queries = ["e", "governance", "सुशासन"];
    let plain: Vec<String> = queries.iter().map(|q| uncached(&s, &[q])).collect();
    search(&s, &s.cache_home, &["e"]);
    let file = cache_file(&s);
    let whole = std::fs::read(&file).unwrap();
    let mut damaged: Vec<Vec<u8>> = vec![
        whole[..whole.len() / 2].to_vec(),
        whole[..40].to_vec(),
        Vec::new(),
        b"not a cache at all".to_vec(),
    ];
    // One flipped byte at a time, all through the file: the header, the
    // records, the columns, the texts, the sums.
    for k in 1..40 {
        let mut flipped = whole.clone();
        flipped[whole.len() * k / 40] ^= 0x20;
        damaged.push(flipped);
    }
    for (n, bytes) in damaged.iter().enumerate() {
        for (q, plain) in queries.iter().zip(&plain) {
            std::fs::write(&file, bytes).unwrap();
            assert_eq!(&search(&s, &s.cache_home, &[q]), plain, "damage {n}, {q}");
            let now = std::fs::read(&file).unwrap();
            // Either the damage was found and the cache rewritten whole, or
            // the search never read the damaged bytes.
            assert!(now == whole || now == *bytes, "damage {n}, {q}");
        }
        // Whatever a search skipped, loading the whole catalogue finds.
        std::fs::write(&file, bytes).unwrap();
        let cache = s.cache_home.join("karmadash");
        let loaded = sources::load_with_dir_cached(Some(&s.data), Some(&cache)).unwrap();
        assert_eq!(
            loaded.courses,
            sources::load_with_dir(Some(&s.data)).unwrap().courses
        );
    }
}

/// A warm search reads no rulebook, yet an unknown `--tier` is refused as
/// the catalogue refuses it: one line, the nearest ids, exit 2.
#[test]
fn an_unknown_tier_is_refused_alike_warm_or_cold() {
    let s = setup();
    let refuse = |cache_home: &Path| {
        let out = crate::bin_fixtures::karmadash()
            .env("XDG_CACHE_HOME", cache_home)
            .arg("--data")
            .arg(&s.data)
            .args(["search", "quokka", "--tier", "ias-0-8"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        String::from_utf8(out.stderr).unwrap()
    };
    let blocked = s.data.parent().unwrap().join("blocked");
    std::fs::write(&blocked, "").unwrap();
    let plain = refuse(&blocked);
    assert_eq!(plain.lines().count(), 1, "{plain}");
    assert!(plain.contains("ias-0-9"), "{plain}");
    search(&s, &s.cache_home, &["quokka"]);
    assert_eq!(refuse(&s.cache_home), plain, "warm");
}

/// A second course list with what the streamed cold path must get right:
/// line ends of both kinds, a title repeated as printed and printed
/// otherwise (an alias of a CSV course), a rulebook title printed
/// otherwise, durations and listings on CSV and rulebook courses.
fn second_csv() -> String {
    let titles = synthetic::titles(9_000, 11);
    format!(
        "title,tier,status,row,competencies,duration\r\n\
         {a},,,,,\r\n\
         {a_upper},,,,,1h\n\
         {a},ias-0-9,optional,,functional,\n\
         yuva ai FOR all,,,,,\n\
         Quokka Studies,,,,,2h\n\
         \"{b}\",bas-basic-ac,mandatory,,,\n\
         Zebra   crossing safety,,,,,\n",
        a = titles[5],
        a_upper = titles[5].to_uppercase(),
        b = titles[7].replace('"', "\"\""),
    )
}

/// A cold search writes its cache straight from the CSVs, without the
/// catalogue: the file is the very one loading the catalogue writes, byte
/// for byte, and so its answers and the catalogue read back from it.
#[test]
fn a_cold_search_writes_the_cache_the_catalogue_writes() {
    let s = setup();
    std::fs::write(s.data.join("second.csv"), second_csv()).unwrap();
    let streamed = search(&s, &s.cache_home, &["quokka"]);
    let written = std::fs::read(cache_file(&s)).unwrap();
    let other = s.data.parent().unwrap().join("loaded");
    let loaded =
        sources::load_with_dir_cached_and(Some(&s.data), Some(&other), Some(&IndexSections))
            .unwrap();
    let file = std::fs::read_dir(&other)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert!(
        written == std::fs::read(file).unwrap(),
        "the two caches differ"
    );
    assert_eq!(streamed, uncached(&s, &["quokka"]));
    let plain = sources::load_with_dir(Some(&s.data)).unwrap();
    assert_eq!(loaded.courses, plain.courses);
    assert!(plain.courses.iter().any(|c| c.aliases.len() == 1
        && c.listings.len() == 1
        && c.title == synthetic::titles(9_000, 11)[5]));
}

/// A row the cold path refuses is worded as loading the catalogue words
/// it: the file, the line, what is wrong; no cache is written.
#[test]
fn a_bad_row_is_refused_alike_by_a_cold_search() {
    let s = setup();
    std::fs::write(
        s.data.join("second.csv"),
        "title,duration\nfine,1h\nbad,2 hours\n",
    )
    .unwrap();
    let out = crate::bin_fixtures::karmadash()
        .env("XDG_CACHE_HOME", &s.cache_home)
        .arg("--data")
        .arg(&s.data)
        .args(["search", "quokka"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let e = sources::load_with_dir(Some(&s.data)).unwrap_err();
    assert!(
        e.to_string()
            .starts_with(&format!("{}:3: ", s.data.join("second.csv").display())),
        "{e}"
    );
    assert!(stderr.contains(&e.to_string()), "{stderr}");
    assert!(
        !s.cache_home.join("karmadash").exists()
            || std::fs::read_dir(s.cache_home.join("karmadash"))
                .unwrap()
                .next()
                .is_none()
    );
}
