//! A bounded fuzz of every parser that reads outside input: rulebook and
//! alias TOML (through `--data DIR`, bytes as on disk), course CSV, import
//! JSON and its checks, hours and dates. Inputs are arbitrary bytes and
//! strings, and byte mutations of the real files in data/. Each must
//! return, without a panic, in well under a second, and every error about
//! a file must name the file and a line in it.
//!
//! It runs with `cargo test` in a few seconds. For a longer run:
//! `KARMADASH_FUZZ_CASES=5000 cargo test --release --test it fuzz_parsers::`.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use karmadash::app::progress::{check_import, record_completion, CompletionInput};
use karmadash::catalogue::{course_csv, lint, sources, Catalogue, LoadError};
use karmadash::store::{Snapshot, Store};
use karmadash::units::{dates::parse_date, duration::parse_hours};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// A parse that takes this long is a hang (the slowest, a whole catalogue
/// load and lint in a debug build, takes tens of milliseconds).
const HANG: Duration = Duration::from_secs(5);

fn cases() -> u32 {
    std::env::var("KARMADASH_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(48)
}

fn config() -> Config {
    Config {
        cases: cases(),
        // A failure is reported with its input; nothing written beside the tests.
        failure_persistence: None,
        ..Config::default()
    }
}

fn data_file(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(name),
    )
    .expect("a file of data/")
}

/// Fragments that parsers of these formats trip on: escapes, quotes,
/// brackets, numbers at the edges of their types, bytes that are not UTF-8.
const TOKENS: &[&[u8]] = &[
    b"\x1b[2J",
    b"\\u001b",
    b"\"",
    b"\n",
    b"\r\n",
    b",",
    b"]",
    b"[[tier]]\n",
    b"{ row = 4294967295, title = \"X\" },\n",
    b"row = 0",
    b"4294967295",
    b"18446744073709551616",
    b"-1",
    b"1e308",
    b"NaN",
    b"99999999:00",
    b"\xff\xfe",
    b"\xe0\xa4",
    "\u{202e}".as_bytes(),
    "प्रशिक्षण".as_bytes(),
    b"\"\"\"",
    b"'''",
    b"=",
    b"#",
];

/// One edit of a byte string; positions are fractions of its length so
/// they stay inside it as earlier edits change it.
#[derive(Debug, Clone)]
enum Edit {
    Flip(f64, u8),
    Insert(f64, u8),
    Delete(f64, usize),
    Token(f64, usize),
    /// A line repeated, as a careless paste does.
    DuplicateLine(f64),
    /// A long run of one byte: a title no course has.
    Flood(f64, u8, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0..1.0f64;
    prop_oneof![
        (at.clone(), any::<u8>()).prop_map(|(p, b)| Edit::Flip(p, b)),
        (at.clone(), any::<u8>()).prop_map(|(p, b)| Edit::Insert(p, b)),
        (at.clone(), 1..64usize).prop_map(|(p, n)| Edit::Delete(p, n)),
        (at.clone(), 0..TOKENS.len()).prop_map(|(p, t)| Edit::Token(p, t)),
        at.clone().prop_map(Edit::DuplicateLine),
        (at, b'a'..=b'z', 1000..70_000usize).prop_map(|(p, b, n)| Edit::Flood(p, b, n)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let pos = |p: f64| ((bytes.len() as f64) * p) as usize;
        match *e {
            Edit::Flip(p, b) if !bytes.is_empty() => {
                let i = pos(p).min(bytes.len() - 1);
                bytes[i] = b;
            }
            Edit::Flip(..) => {}
            Edit::Insert(p, b) => bytes.insert(pos(p), b),
            Edit::Delete(p, n) => {
                let i = pos(p);
                bytes.drain(i..(i + n).min(bytes.len()));
            }
            Edit::Token(p, t) => {
                let i = pos(p);
                bytes.splice(i..i, TOKENS[t].iter().copied());
            }
            Edit::DuplicateLine(p) => {
                let i = pos(p);
                let start = bytes[..i]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |s| s + 1);
                let end = bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |e| i + e + 1);
                let line = bytes[start..end].to_vec();
                bytes.splice(end..end, line);
            }
            Edit::Flood(p, b, n) => {
                let i = pos(p);
                bytes.splice(i..i, std::iter::repeat_n(b, n));
            }
        }
    }
    bytes
}

/// A load error must point into a file that exists, at a line it has.
fn assert_located(e: &LoadError, files: &[(&str, &[u8])]) {
    let (_, bytes) = files
        .iter()
        .find(|(name, _)| e.origin.file == *name)
        .unwrap_or_else(|| panic!("the error names no file given: {e}"));
    let lines = 1 + bytes.iter().filter(|&&b| b == b'\n').count();
    assert!(
        (1..=lines).contains(&e.origin.line),
        "line {} of a file of {lines} lines: {e}",
        e.origin.line
    );
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    assert!(start.elapsed() < HANG, "{what} took {:?}", start.elapsed());
    out
}

/// Loads a data directory holding `name` with `bytes` the way the binary
/// does, and lints what loads.
fn load_dir_with(name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let path = path.display().to_string();
    let files: Vec<(&str, &[u8])> = karmadash::catalogue::builtin::RULEBOOKS
        .iter()
        .map(|(n, t)| (*n, t.as_bytes()))
        .chain([(path.as_str(), bytes)])
        .chain([(
            karmadash::catalogue::builtin::ALIASES.0,
            karmadash::catalogue::builtin::ALIASES.1.as_bytes(),
        )])
        .collect();
    timed(name, || match sources::load_with_dir(Some(dir.path())) {
        Ok(c) => drop(lint::lint(&c)),
        Err(e) => assert_located(&e, &files),
    });
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue::builtin().expect("the built-in catalogue loads"))
}

/// Every listing of the real catalogue as a course CSV, as a portal export.
fn real_csv() -> Vec<u8> {
    let mut out = String::from("title,tier,status,row,competencies\n");
    for l in catalogue().listings.iter().take(120) {
        let comps: Vec<&str> = l.competencies.iter().map(|c| c.id()).collect();
        out.push_str(&format!(
            "\"{}\",{},{},{},{}\n",
            l.title.replace('"', "\"\""),
            l.tier,
            l.status.id(),
            l.row + 500,
            comps.join(";")
        ));
    }
    out.into_bytes()
}

fn load_csv(bytes: &[u8]) {
    let mut c = catalogue().clone();
    timed("a course CSV", || {
        match course_csv::add_bytes(&mut c, "portal.csv", bytes) {
            Ok(()) => drop(lint::lint(&c)),
            Err(e) => assert_located(&e, &[("portal.csv", bytes)]),
        }
    });
}

/// A real export: a store filled through the same calls as `done`.
fn real_export() -> Vec<u8> {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = Store::at(dir.path().join("db"));
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    for (course, other, hours, day) in [
        ("Noting and Drafting", false, "1:30", 12),
        ("Yuva AI for All", false, "2", 13),
        ("Digital Payments in Government", true, "3", 14),
    ] {
        let input = CompletionInput {
            course,
            other,
            hours,
            date: NaiveDate::from_ymd_opt(2026, 6, day).expect("a date"),
            certificate: Some("IGOT-4411"),
        };
        record_completion(catalogue(), &store, today, &input).expect("recorded");
    }
    store
        .add_assignment(karmadash::rules::record::Assignment {
            id: 0,
            course: "cyber hygiene".into(),
            title: "Cyber Hygiene".into(),
            assigned: today,
            due: None,
        })
        .expect("assigned");
    serde_json::to_vec_pretty(&store.snapshot().expect("a snapshot")).expect("JSON")
}

fn check_export(bytes: &[u8]) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    timed("an export", || {
        if let Ok(snap) = serde_json::from_slice::<Snapshot>(bytes) {
            let _ = check_import(catalogue(), &snap, today);
        }
    });
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn rulebook_toml_mutations_load_or_name_file_and_line(
        file in prop::sample::select(vec![
            "dopt-ias-list-2025-10-16.toml",
            "bihar-schedules-2026-05-15.toml",
            "dopt-om-2025-07-04.toml",
            "delhi-om-2026-01-02.toml",
        ]),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        load_dir_with("list.toml", &apply(data_file(file), &edits));
    }

    #[test]
    fn alias_toml_mutations_load_or_name_file_and_line(
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        load_dir_with("aliases.toml", &apply(data_file("aliases.toml"), &edits));
    }

    #[test]
    fn arbitrary_bytes_as_toml_name_file_and_line(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load_dir_with("list.toml", &bytes);
    }

    #[test]
    fn course_csv_mutations_load_or_name_file_and_line(
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        load_csv(&apply(real_csv(), &edits));
    }

    #[test]
    fn arbitrary_bytes_as_csv_name_file_and_line(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load_csv(&bytes);
    }

    #[test]
    fn import_json_mutations_are_checked_without_panic(
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        static EXPORT: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        check_export(&apply(EXPORT.get_or_init(real_export).clone(), &edits));
    }

}

proptest! {
    // Microseconds a case: many more of them.
    #![proptest_config(Config { cases: cases() * 20, ..config() })]

    #[test]
    fn hours_and_dates_never_panic(
        text in prop_oneof![
            any::<String>(),
            "[0-9]{1,12}(:[0-9]{1,12}){0,3}",
            "[0-9]{1,10}:[0-5][0-9](:[0-5][0-9])?",
            "-?[0-9]{0,20}(\\.[0-9]{0,20})?(e-?[0-9]{1,4})?",
            "[0-9]{1,6}[-.][0-9]{1,4}[-.][0-9]{1,6}",
        ],
    ) {
        timed("hours", || drop(parse_hours(&text)));
        timed("a date", || drop(parse_date(&text)));
    }
}

/// Every report fixture, by name, for the portal report readers.
fn report_fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/igot_fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Reads `bytes` as a portal report of whatever kind its header says, the
/// way `roster import` does: no panic, no hang, and every error names the
/// file and a line it has.
fn read_report(bytes: &[u8]) {
    use karmadash::igot::{self, ReportError, ReportKind};
    const NAME: &str = "Report.csv";
    let lines = 1 + bytes.iter().filter(|&&b| b == b'\n').count() as u64;
    let located = |e: &ReportError| {
        assert_eq!(e.file, NAME, "{e}");
        assert!(
            (1..=lines).contains(&e.line),
            "line {} of {lines}: {e}",
            e.line
        );
    };
    timed("a report", || {
        let mut input = std::io::BufReader::new(bytes);
        let kind = match ReportKind::sniff(NAME, &mut input) {
            Ok(k) => k,
            Err(e) => return located(&e),
        };
        let each = |r: Result<(), ReportError>| {
            if let Err(e) = r {
                located(&e);
            }
        };
        match kind {
            ReportKind::Consumption => match igot::read_consumption(NAME, input) {
                Ok(rows) => rows.for_each(|r| each(r.map(drop))),
                Err(e) => located(&e),
            },
            ReportKind::Users => match igot::read_users(NAME, input) {
                Ok(rows) => rows.for_each(|r| each(r.map(drop))),
                Err(e) => located(&e),
            },
            ReportKind::Enrolments => match igot::read_enrolments(NAME, input) {
                Ok(rows) => rows.for_each(|r| each(r.map(drop))),
                Err(e) => located(&e),
            },
        }
    });
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn portal_report_mutations_read_or_name_file_and_line(
        file in prop::sample::select(vec![
            "consumption-gen1.csv",
            "consumption-gen3.csv",
            "consumption-excel.csv",
            "users.csv",
            "enrolments.csv",
        ]),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        read_report(&apply(report_fixture(file), &edits));
    }

    #[test]
    fn arbitrary_bytes_as_a_report_name_file_and_line(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        read_report(&bytes);
    }
}

/// The hours the fuzz found to overflow, kept as a plain case.
#[test]
fn hours_far_past_any_course_are_refused_not_an_overflow() {
    for text in ["99999999:00", "4294967295:59", "71582789:00:00"] {
        let e = parse_hours(text).expect_err(text).to_string();
        assert!(e.contains("looks like a slip"), "{text}: {e}");
    }
}
