//! A bounded fuzz of every parser that reads outside input: rulebook and
//! alias TOML (through `--data DIR`, bytes as on disk), course CSV, import
//! JSON and its checks, hours and dates. Inputs are arbitrary bytes and
//! strings, and byte mutations of the real files in data/. Each must
//! return, without a panic, in well under a second, and every error about
//! a file must name the file and a line in it.
//!
//! Beside "no panic", round trips: what karmadash writes it reads back as
//! it was, parse(format(x)) == x, for hours, durations in each mode, dates
//! in each mode, and a store's JSON export imported into a new store.
//!
//! It runs with `cargo test` in a few seconds. For a longer run:
//! `KARMADASH_FUZZ_CASES=5000 cargo test --release --test it fuzz_parsers::`.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use karmadash::app::progress::{check_import, record_completion, CompletionInput};
use karmadash::catalogue::{course_csv, lint, sources, Catalogue, LoadError};
use karmadash::store::{Snapshot, Store};
use karmadash::units::dates::{
    format_date, parse_date, parse_date_as, DateForm, DateOrder, EARLIEST,
};
use karmadash::units::duration::{
    format_clock, format_duration, parse_duration, parse_hours, DurationForm,
};
use karmadash::units::hours::{format_hours, HOUR, MAX_HOURS};
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
        for form in [DurationForm::Typed, DurationForm::Catalogue, DurationForm::Report] {
            timed("a duration", || drop(parse_duration(&text, form)));
        }
        for form in [DateForm::Iso, DateForm::Report(None), DateForm::Report(Some(DateOrder::MonthFirst))] {
            timed("a date", || drop(parse_date_as(&text, form)));
        }
    }

    /// Hours are shown to the hundredth (36 s): read back, they are the
    /// same figure, within half a hundredth, and exact on a hundredth.
    #[test]
    fn shown_hours_read_back_as_the_same_figure(seconds in 18..=MAX_HOURS * HOUR) {
        let shown = format_hours(u64::from(seconds));
        let read = parse_hours(&shown).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(read.abs_diff(seconds) <= 18, "{seconds} s shown {shown}, read {read}");
        prop_assert_eq!(format_hours(u64::from(read)), shown);
        // Zero hours is refused as typed input (`Zero`), so the hundredth
        // below 36 s has no figure to read back.
        let on_a_hundredth = (seconds / 36 * 36).max(36);
        prop_assert_eq!(parse_hours(&format_hours(u64::from(on_a_hundredth))), Ok(on_a_hundredth));
    }

    /// Every duration karmadash writes reads back to the same seconds in
    /// every mode that takes its form.
    #[test]
    fn written_durations_read_back_to_the_second(
        seconds in 1..=MAX_HOURS * HOUR,
        any_length in any::<u32>(),
    ) {
        for form in [DurationForm::Typed, DurationForm::Catalogue] {
            prop_assert_eq!(parse_duration(&format_duration(seconds), form), Ok(seconds));
            prop_assert_eq!(parse_duration(&format_clock(seconds), form), Ok(seconds));
        }
        // A report holds any length its catalogue does.
        prop_assert_eq!(
            parse_duration(&format_clock(any_length), DurationForm::Report),
            Ok(any_length)
        );
        prop_assert_eq!(
            karmadash::igot::values::parse_duration(&format_clock(any_length)),
            Ok(Some(any_length))
        );
    }

    /// Every date from Mission Karmayogi to 2100, as karmadash shows it and
    /// as ISO, as typed, in a data file and in a report of either order.
    #[test]
    fn written_dates_read_back_as_the_same_day(days in 0..29_000i64, hour in 0..24u32, min in 0..60u32) {
        let d = EARLIEST + chrono::Duration::days(days);
        let iso = d.format("%Y-%m-%d").to_string();
        prop_assert_eq!(parse_date(&format_date(d)), Ok(d));
        prop_assert_eq!(parse_date(&iso), Ok(d));
        prop_assert_eq!(parse_date_as(&iso, DateForm::Iso), Ok(d));
        for (order, shape) in [(DateOrder::DayFirst, "%d/%m/%Y"), (DateOrder::MonthFirst, "%m/%d/%Y")] {
            let written = d.format(shape).to_string();
            prop_assert_eq!(parse_date_as(&written, DateForm::Report(Some(order))), Ok(d));
        }
        let at = d.and_hms_opt(hour, min, 0).expect("a time");
        for shape in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S+05:30", "%m/%d/%Y %-I:%M %p"] {
            let written = at.format(shape).to_string();
            let order = Some(DateOrder::MonthFirst);
            prop_assert_eq!(
                karmadash::igot::values::parse_timestamp(&written, order),
                Ok(Some(at)),
                "{}", written
            );
        }
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
            ReportKind::Assessments => match igot::read_assessments(NAME, input) {
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

/// Records of a store as people make them: completions of courses outside
/// the lists (title, days after Mission Karmayogi, seconds, certificate),
/// assignments (title, due in days), assessments and shortlisted hours.
#[derive(Debug, Clone)]
struct Records {
    completions: Vec<(String, i64, u32, Option<String>)>,
    assignments: Vec<(String, Option<i64>)>,
    assessments: Vec<i64>,
    shortlist: Vec<u32>,
}

fn records() -> impl Strategy<Value = Records> {
    let title = "[A-Za-z][A-Za-z0-9 &:,'-]{0,40}|[अ-ह]{1,12}";
    let day = 0..2_273i64; // 02.09.2020 to 23.11.2026, the test's today
    (
        prop::collection::vec(
            (
                title,
                day.clone(),
                1..=MAX_HOURS * HOUR,
                prop::option::of("IGOT-[0-9]{1,8}"),
            ),
            0..8,
        ),
        prop::collection::vec((title, prop::option::of(day.clone())), 0..4),
        prop::collection::vec(day, 0..3),
        prop::collection::vec(1..=MAX_HOURS * HOUR, 0..4),
    )
        .prop_map(
            |(completions, assignments, assessments, shortlist)| Records {
                completions,
                assignments,
                assessments,
                shortlist,
            },
        )
}

/// A store holding `r`, filled through the calls the commands make.
fn store_of(r: &Records, path: &Path) -> Store {
    let store = Store::at(path);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    for (i, (title, day, seconds, certificate)) in r.completions.iter().enumerate() {
        // Numbered: the same course twice is refused, as it should be.
        let course = format!("{} {i}", title.trim());
        let hours = format_duration(*seconds);
        let input = CompletionInput {
            course: &course,
            other: true,
            hours: &hours,
            date: EARLIEST + chrono::Duration::days(*day),
            certificate: certificate.as_deref(),
        };
        record_completion(catalogue(), &store, today, &input).expect("recorded");
    }
    for (i, (title, due)) in r.assignments.iter().enumerate() {
        store
            .add_assignment(karmadash::rules::record::Assignment {
                id: 0,
                course: format!("assigned {i}"),
                title: title.clone(),
                assigned: today,
                due: due.map(|d| EARLIEST + chrono::Duration::days(d)),
            })
            .expect("assigned");
    }
    for day in &r.assessments {
        store
            .add_assessment(EARLIEST + chrono::Duration::days(*day))
            .expect("an assessment");
    }
    for (course, seconds) in catalogue().courses.iter().zip(&r.shortlist) {
        store
            .shortlist_with_hours(&course.key(), *seconds)
            .expect("shortlisted");
    }
    store
}

proptest! {
    #![proptest_config(config())]

    /// `export` then `import` into a new store gives the same records as
    /// the first store holds (not only the same export: a field the export
    /// left out would be missing from both), and the same export again.
    #[test]
    fn an_export_imported_into_a_new_store_holds_the_same_records(r in records()) {
        let dir = tempfile::tempdir().expect("a temp dir");
        let first = store_of(&r, &dir.path().join("first")).snapshot().expect("a snapshot");
        let exported = serde_json::to_string_pretty(&first).expect("JSON");
        let read = karmadash::store::read_export(&exported).expect("its own export reads");
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
        check_import(catalogue(), &read, today).expect("its own export passes the checks");
        let second = Store::at(dir.path().join("second"));
        second.import(&read).expect("imported");
        let restored = second.snapshot().expect("a snapshot");
        prop_assert_eq!(&restored, &first);
        let seconds: Vec<u32> = restored.completions.iter().map(|c| c.seconds).collect();
        let typed: Vec<u32> = r.completions.iter().map(|c| c.2).collect();
        prop_assert_eq!(seconds, typed);
        let planned: Vec<u32> = restored.shortlist_hours.values().copied().collect();
        prop_assert_eq!(planned.len(), r.shortlist.len());
        let again = serde_json::to_string_pretty(&restored).expect("JSON");
        prop_assert_eq!(&again, &exported);
    }
}

/// The shortest figures the property above draws (18-35 s, shown 0.01 h):
/// proptest met one on CI, where the hundredth below is zero hours.
#[test]
fn the_fewest_seconds_shown_read_back() {
    for seconds in [18u32, 35, 36, 53] {
        let shown = format_hours(u64::from(seconds));
        let read = parse_hours(&shown).unwrap();
        assert!(
            read.abs_diff(seconds) <= 18,
            "{seconds} s shown {shown}, read {read}"
        );
        let on_a_hundredth = (seconds / 36 * 36).max(36);
        assert_eq!(
            parse_hours(&format_hours(u64::from(on_a_hundredth))),
            Ok(on_a_hundredth)
        );
    }
}
