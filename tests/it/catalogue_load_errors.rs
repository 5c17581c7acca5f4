//! Every kind of data file refusal, worded byte for byte as the loader has
//! always worded it, with its file and line: the words a training cell
//! reads (and scripts match) do not depend on how the error is built.

use karmadash::catalogue::load::build;
use karmadash::catalogue::{
    course_csv, sources, Catalogue, LoadProblem, RequirementError, RowError, Service, Source,
};

const HEAD: &str = "id = \"x\"\nshort = \"X\"\n[citation]\nauthority = \"A\"\nreference = \"R\"\ndate = \"2026-01-01\"\nsubject = \"S\"\n[applies]\nservices = [\"bas\"]\n";
const TIER: &str = "[[tier]]\nid = \"t\"\nservice = \"bas\"\nlabel = \"T\"\n";
const REQ: &str = "[[requirement]]\nkind = \"all-mandatory\"\nclause = \"1\"\n";

/// The error of a rulebook (and aliases), as the loader prints it.
fn rulebook(text: &str, aliases: &str) -> String {
    let rulebooks = [Source::new("x.toml", text)];
    let aliases = [Source::new("aliases.toml", aliases)];
    let with = if aliases[0].text.is_empty() {
        &aliases[..0]
    } else {
        &aliases[..]
    };
    match build(&rulebooks, with) {
        Ok(_) => "loaded".to_string(),
        Err(e) => e.to_string(),
    }
}

fn csv(text: impl AsRef<[u8]>) -> String {
    let mut c = Catalogue::builtin().expect("built-in loads");
    match course_csv::add_bytes(&mut c, "big.csv", text.as_ref()) {
        Ok(()) => "loaded".to_string(),
        Err(e) => e.to_string(),
    }
}

/// Every case whose words differ, all at once.
fn same_words(cases: &[(String, &str)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(got, want)| got != want)
        .map(|(got, want)| format!("want {want:?}\n got {got:?}"))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn rulebook_refusals_keep_their_words() {
    let row = |r: &str| format!("{HEAD}{TIER}mandatory = [\n {{ {r} }},\n]\n");
    let cases = [
        (rulebook(&HEAD.replace("\"x\"", "\"X y\""), ""), "x.toml:1: rulebook id 'X y' must be lower-case letters, digits and '-'"),
        (rulebook(&HEAD.replace("[\"bas\"]", "[]"), ""), "x.toml:9: applies.services is empty: name at least one service"),
        (rulebook(&HEAD.replace("[\"bas\"]", "[\"nope\"]"), ""), "x.toml:9: unknown service 'nope' (expected one of ias, bas, bss, bscs, danics, central)"),
        (rulebook(&HEAD.replace("2026-01-01", "2026-13-01"), ""), "x.toml:6: citation date '2026-13-01' is not a date: write YYYY-MM-DD"),
        (rulebook(&format!("{HEAD}states = [\"Bihaar\"]\n"), ""), "x.toml:10: applies.states: unknown state 'Bihaar': did you mean bihar?"),
        (rulebook(&HEAD.replace("[applies]", "[[citation.forwarded]]\nauthority = \"B\"\nreference = \"F\"\ndate = \"someday\"\nto = \"all\"\n[applies]"), ""), "x.toml:8: forwarding date 'someday' is not a date: write YYYY-MM-DD"),
        (rulebook(&format!("{HEAD}{}", TIER.replace("\"bas\"", "\"ias\"")), ""), "x.toml:10: tier 't' is for service 'ias', which this rulebook does not apply to"),
        (rulebook(&format!("{HEAD}{TIER}min_years = 5\nmax_years = 2\n"), ""), "x.toml:10: tier 't' has min_years 5 above max_years 2"),
        (rulebook(&format!("{HEAD}{TIER}optional = [\n {{ row = 1, title = \"A\" }},\n {{ row = 1, title = \"B\" }},\n]\n"), ""), "x.toml:16: row 1 of the optional list of tier 't' appears twice: each printed row is one line"),
        (rulebook(&row("row = 1, title = \"A\", competencies = [\"maybe\"]"), ""), "x.toml:15: unknown competency 'maybe' (expected one of behavioural, functional, domain)"),
        (rulebook(&row("row = 1, title = \"A\", defect = \"typo\""), ""), "x.toml:15: defect 'typo' must be editing-note or truncated"),
        (rulebook(&row("row = 1, title = \" \""), ""), "x.toml:15: listing title is empty"),
        (rulebook(&row("row = 0, title = \"A\""), ""), "x.toml:15: row numbers start at 1"),
        (rulebook(&row("row = 10001, title = \"A\""), ""), "x.toml:15: row 10001 is past 10000, more rows than any list prints: check the number"),
        (rulebook(&row("row = 1, title = \"A\tB\""), ""), "x.toml:15: the title contains the control character \\t at character 2: give it as iGOT prints it, without escape sequences, line breaks or invisible characters"),
        (rulebook("id = \"x\"\nshort = 3\n", ""), "x.toml:2: invalid type: integer `3`, expected a string"),
    ];
    same_words(&cases);
}

#[test]
fn requirement_refusals_keep_their_words() {
    let req = |extra: &str| rulebook(&format!("{HEAD}{REQ}{extra}"), "");
    let cases = [
        (req("text = \"T\"\nservices = [\"ias\"]\n"), "x.toml:10: requirement names service 'ias', which the rulebook does not apply to"),
        (req("text = \"T\"\ndue = \"31.03.2027\"\n"), "x.toml:10: due '31.03.2027' is not a date: write YYYY-MM-DD"),
        (req("text = \"T\"\nfirst_fy = \"next year\"\n"), "x.toml:10: 'next year' is not a financial year: write it as 2026-27 (April 2026 to March 2027)"),
        (req("text = \"T\"\nfirst_fy = \"2027-28\"\nlast_fy = \"2026-27\"\n"), "x.toml:10: first_fy 2027-28 is after last_fy 2026-27"),
        (req("text = \" \"\n"), "x.toml:10: requirement text is empty: say in plain words what the officer must do"),
        (rulebook(&format!("{HEAD}[[requirement]]\nkind = \"hours-per-fy\"\nclause = \"1\"\ntext = \"T\"\n"), ""), "x.toml:10: hours-per-fy needs hours = a positive number"),
    ];
    same_words(&cases);
}

#[test]
fn alias_and_cross_file_refusals_keep_their_words() {
    let listed =
        format!("{HEAD}{TIER}mandatory = [\n {{ row = 1, title = \"Alpha Course\" }},\n]\n");
    let alias = |body: &str| rulebook(&listed, &format!("[[alias]]\n{body}"));
    let cases = [
        (
            alias("title = \"ALPHA course\"\nsame_as = \"Alpha Course\"\nwhy = \"w\"\n"),
            "aliases.toml:1: alias 'ALPHA course' already normalises to the same course: remove it",
        ),
        (
            alias("title = \"Alfa\"\nsame_as = \"Alpha Course\"\nwhy = \" \"\n"),
            "aliases.toml:1: alias needs a 'why': the evidence that the titles are one course",
        ),
        (
            alias("title = \"Alfa\"\nsame_as = \"Beta Course\"\nwhy = \"w\"\n"),
            "aliases.toml:1: alias points at 'Beta Course', which no list prints",
        ),
    ];
    same_words(&cases);
    let two = [
        Source::new("a.toml", format!("{HEAD}{TIER}")),
        Source::new(
            "b.toml",
            format!("{}{TIER}", HEAD.replace("\"x\"", "\"y\"")),
        ),
    ];
    let e = build(&two, &[]).err().map(|e| e.to_string());
    assert_eq!(
        e.as_deref(),
        Some("b.toml:10: tier 't' is already declared at a.toml:10")
    );
}

#[test]
fn course_csv_refusals_keep_their_words() {
    let cases = [
        (csv("title,title\nx,y\n"), "big.csv:1: column 'title' appears twice"),
        (csv("tier\nx\n"), "big.csv:1: no 'title' column: the first line names the columns, e.g. title,tier,status"),
        (csv("title,tier\na,\nb,,extra\n"), "big.csv:3: 3 fields where the header has 2"),
        (csv(b"title\nfine\nCaf\xe9\n"), "big.csv:3: not UTF-8 text"),
        (csv("title,row\nx,4\n"), "big.csv:2: 'row' without a tier: name the tier that lists the course"),
        (csv("title,tier,status\nx,ias-0-9,\n"), "big.csv:2: a row with a tier needs status: mandatory or optional"),
        (csv("title,tier,status,row\nx,ias-0-9,optional,x\n"), "big.csv:2: row 'x' must be a whole number from 1"),
        (csv("title,duration\nx,2 hours\n"), "big.csv:2: '2 hours' is not a duration: write 02:42:00, 2:42, 9720 (seconds), or as the portal does, 2h 42m or 150m"),
        (csv("title,tier,status\nx,nope,optional\n"), "big.csv:2: unknown tier 'nope' (expected one of ias-0-9, ias-10-16, ias-17-25, ias-26-plus, bas-js-ss, bas-basic-ac, bss-ds-js, bss-aso-us, bscs-udc-ldc)"),
    ];
    same_words(&cases);
}

#[test]
fn unreadable_files_keep_their_words() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("legacy.toml"),
        b"id = \"x\"\nshort = \"Caf\xe9\"\n",
    )
    .unwrap();
    let e = sources::load_with_dir(Some(dir.path())).unwrap_err();
    let file = dir.path().join("legacy.toml").display().to_string();
    assert_eq!(
        e.to_string(),
        format!("{file}:2: byte 0xe9 is not UTF-8 text: save the file as UTF-8")
    );
    let gone = dir.path().join("gone");
    let e = sources::load_with_dir(Some(&gone)).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}:0: cannot read it: No such file or directory (os error 2)",
            gone.display()
        )
    );
    let mut c = Catalogue::builtin().unwrap();
    let e = course_csv::add_file(&mut c, &gone).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}:0: cannot read it: No such file or directory (os error 2)",
            gone.display()
        )
    );
}

/// What went wrong is a value a caller can match, with the data as found,
/// not a sentence to search.
#[test]
fn a_program_matches_what_went_wrong() {
    let bad = format!("{HEAD}{TIER}min_years = 5\nmax_years = 2\n");
    let e = build(&[Source::new("x.toml", bad)], &[]).unwrap_err();
    let (tier, min, max) = ("t".to_string(), 5, 2);
    assert_eq!(e.problem, LoadProblem::TierYears { tier, min, max });
    assert_eq!(e.origin.line, 10);

    let req = format!("{HEAD}{REQ}text = \"T\"\nservices = [\"ias\"]\n");
    let e = build(&[Source::new("x.toml", req)], &[]).unwrap_err();
    let service = RequirementError::Service(Service::Ias);
    assert_eq!(e.problem, LoadProblem::Requirement(service));

    let mut c = Catalogue::builtin().unwrap();
    let e =
        course_csv::add_bytes(&mut c, "big.csv", b"title,tier,status\nx,ias-0-9,\n").unwrap_err();
    assert_eq!(e.problem, LoadProblem::Cell(RowError::NoStatus));

    let dir = tempfile::tempdir().unwrap();
    let e = sources::load_with_dir(Some(&dir.path().join("gone"))).unwrap_err();
    let LoadProblem::Unreadable(cause) = &e.problem else {
        panic!("want an unreadable file, got {e}");
    };
    let kind = cause.io().map(std::io::Error::kind);
    assert_eq!(kind, Some(std::io::ErrorKind::NotFound));
    let e = course_csv::add_file(&mut c, &dir.path().join("gone.csv")).unwrap_err();
    let LoadProblem::Unreadable(cause) = &e.problem else {
        panic!("want an unreadable file, got {e}");
    };
    let kind = cause.io().map(std::io::Error::kind);
    assert_eq!(kind, Some(std::io::ErrorKind::NotFound));
}
