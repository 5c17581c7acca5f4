//! The compiled catalogue cache of `--data DIR` with course CSVs: the same
//! catalogue as loading the files, from a cold cache or a warm one, and
//! never a stale, torn or unwritable cache taken for the data.

use std::path::Path;

use karmadash::catalogue::{sources, Catalogue, ListingStatus, LoadProblem};
use karmadash::units::text::TextError;

use crate::synthetic;

const CSV: &str = "title,tier,status,row,competencies\n\
Zebra Crossing Safety,,,,\n\
YUVA AI for all,,,,\n\
Quokka Studies,ias-0-9,optional,,domain\n\
\"Comma, Quoted\",ias-0-9,mandatory,99,b;f\n";

fn same(a: &Catalogue, b: &Catalogue) {
    assert_eq!(a.courses, b.courses);
    assert_eq!(a.listings, b.listings);
    for course in &a.courses {
        assert_eq!(
            a.course_by_title(&course.title),
            b.course_by_title(&course.title),
            "{}",
            course.title
        );
    }
    for listing in &a.listings {
        assert_eq!(b.listing(&listing.id), Some(listing));
    }
    assert_eq!(a.course_by_title("no such course"), None);
    assert_eq!(b.course_by_title("no such course"), None);
}

fn cache_files(cache: &Path) -> Vec<String> {
    match std::fs::read_dir(cache) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    }
}

fn cached(data: &Path, cache: &Path) -> Catalogue {
    sources::load_with_dir_cached(Some(data), Some(cache)).expect("loads")
}

#[test]
fn cold_and_warm_cache_give_the_catalogue_the_files_give() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cache) = (dir.path().join("data"), dir.path().join("cache"));
    std::fs::create_dir(&data).unwrap();
    let mut csv = CSV.to_string();
    for t in synthetic::titles(3_000, 7) {
        csv.push_str(&format!("\"{}\",,,,\n", t.replace('"', "\"\"")));
    }
    std::fs::write(data.join("portal.csv"), &csv).unwrap();
    let plain = sources::load_with_dir(Some(&data)).unwrap();

    let cold = cached(&data, &cache);
    assert_eq!(cache_files(&cache).len(), 1, "{:?}", cache_files(&cache));
    let warm = cached(&data, &cache);
    same(&plain, &cold);
    same(&plain, &warm);
    // Known titles stay one course; the CSV's listings are there.
    let yuva = warm.course_by_title("Yuva AI for All").unwrap();
    assert!(warm.courses[yuva]
        .aliases
        .contains(&"YUVA AI for all".to_string()));
    assert!(warm
        .tier_courses("ias-0-9", Some(ListingStatus::Mandatory))
        .contains(&warm.course_by_title("comma quoted").unwrap()));
}

#[test]
fn a_changed_file_is_never_answered_from_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cache) = (dir.path().join("data"), dir.path().join("cache"));
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("portal.csv"), "title\nAardvark Basics\n").unwrap();
    assert!(cached(&data, &cache)
        .course_by_title("aardvark basics")
        .is_some());
    // Same size, same second: only the bytes differ.
    std::fs::write(data.join("portal.csv"), "title\nAardwolf Basics\n").unwrap();
    let after = cached(&data, &cache);
    assert!(after.course_by_title("aardwolf basics").is_some());
    assert!(after.course_by_title("aardvark basics").is_none());
    // A new rulebook file changes the fingerprint too.
    std::fs::write(data.join("aliases.toml"), "").unwrap();
    same(
        &sources::load_with_dir(Some(&data)).unwrap(),
        &cached(&data, &cache),
    );
}

#[test]
fn a_torn_or_foreign_cache_file_is_ignored_and_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cache) = (dir.path().join("data"), dir.path().join("cache"));
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("portal.csv"), CSV).unwrap();
    let plain = sources::load_with_dir(Some(&data)).unwrap();
    cached(&data, &cache);
    let file = cache.join(&cache_files(&cache)[0]);
    let whole = std::fs::read(&file).unwrap();
    let torn: &[&[u8]] = &[
        &whole[..whole.len() / 2],
        &whole[..10],
        b"",
        b"not a cache at all",
    ];
    for bytes in torn {
        std::fs::write(&file, bytes).unwrap();
        same(&plain, &cached(&data, &cache));
        assert_eq!(std::fs::read(&file).unwrap(), whole, "rewritten whole");
    }
    // One flipped byte in the payload: the checksum catches it.
    let mut flipped = whole.clone();
    let last = flipped.len() - 3;
    flipped[last] ^= 0x55;
    std::fs::write(&file, &flipped).unwrap();
    same(&plain, &cached(&data, &cache));
}

#[test]
fn an_unwritable_cache_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("portal.csv"), CSV).unwrap();
    // A file where the cache directory should be.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "").unwrap();
    same(
        &sources::load_with_dir(Some(&data)).unwrap(),
        &cached(&data, &blocked.join("karmadash")),
    );
}

#[test]
fn a_bad_row_is_reported_even_with_a_cache_of_the_good_file() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cache) = (dir.path().join("data"), dir.path().join("cache"));
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("portal.csv"), CSV).unwrap();
    cached(&data, &cache);
    std::fs::write(data.join("portal.csv"), "title,tier\nfine,\n,\n").unwrap();
    let e = sources::load_with_dir_cached(Some(&data), Some(&cache)).unwrap_err();
    assert_eq!(e.origin.line, 3, "{e}");
    assert_eq!(e.problem, LoadProblem::EmptyTitle);
    assert_eq!(e.problem.to_string(), "the title is empty");
}

/// A title longer than any course (once cached by a fallback) is refused
/// by both loaders alike, with its line, and nothing is cached.
#[test]
fn a_title_too_long_for_any_course_is_refused_cached_or_not() {
    let dir = tempfile::tempdir().unwrap();
    let (data, cache) = (dir.path().join("data"), dir.path().join("cache"));
    std::fs::create_dir(&data).unwrap();
    let long = "Very Long ".repeat(7_000);
    std::fs::write(
        data.join("portal.csv"),
        format!("title\n{long}\nShort One\n"),
    )
    .unwrap();
    let plain = sources::load_with_dir(Some(&data)).unwrap_err();
    let cached = sources::load_with_dir_cached(Some(&data), Some(&cache)).unwrap_err();
    assert_eq!(plain, cached);
    assert_eq!(plain.origin.line, 2, "{plain}");
    assert!(
        matches!(
            plain.problem,
            LoadProblem::Title(TextError::TooLong { chars: 69_999, .. })
        ),
        "{plain}"
    );
    assert!(
        plain.to_string().contains("69999 characters long"),
        "{plain}"
    );
    assert!(cache_files(&cache).is_empty(), "{:?}", cache_files(&cache));
}

/// The spellings a cell may give `--data` for one directory: as a shell
/// completes it relative to where it stands, with `./` and a trailing
/// slash, and absolute.
fn spellings(data: &Path) -> Vec<std::path::PathBuf> {
    let cwd = std::env::current_dir().unwrap();
    let up = "../".repeat(cwd.components().count() - 1);
    let relative = format!("{up}{}", data.display().to_string().trim_start_matches('/'));
    vec![
        data.to_path_buf(),
        format!("./{relative}").into(),
        format!("{relative}/").into(),
        data.parent().unwrap().join(".").join("data"),
    ]
}

#[test]
fn every_spelling_of_the_directory_finds_the_one_cache() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let (data, cache) = (dir.path().join("data"), dir.path().join("cache"));
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("portal.csv"), CSV).unwrap();
    std::fs::write(data.join("aliases.toml"), "").unwrap();
    let spellings = spellings(&data);
    cached(&spellings[0], &cache);
    let file = cache.join(&cache_files(&cache)[0]);
    // A rebuild renames a new file into place: another inode.
    let built = std::fs::metadata(&file).unwrap().ino();
    for spelling in &spellings {
        assert!(spelling.is_dir(), "{}", spelling.display());
        // Warm, and the catalogue names its files as this run spelled them.
        same(
            &sources::load_with_dir(Some(spelling)).unwrap(),
            &cached(spelling, &cache),
        );
        assert_eq!(cache_files(&cache).len(), 1, "{}", spelling.display());
        let now = std::fs::metadata(&file).unwrap().ino();
        assert_eq!(now, built, "{} rebuilt the cache", spelling.display());
    }
}
