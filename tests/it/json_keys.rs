//! Every `--json` output has exactly the keys its `--help` documents, at
//! every documented level: a renamed, dropped or undocumented key fails
//! here, so scripts can trust "stable keys".

use assert_cmd::Command;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A documented key, with the keys documented inside it (`tier{id, basis}`
/// for an object, `hits[course, ...]` for a list of objects).
#[derive(Debug, PartialEq)]
struct Key {
    name: String,
    inner: Option<Vec<Key>>,
    /// Documented as a list (`[...]`), its keys those of each element.
    list: bool,
}

/// Parses `a, b{c, d}, e[f, g]`.
fn parse_keys(text: &str) -> Vec<Key> {
    fn list(chars: &mut std::iter::Peekable<std::str::Chars>) -> Vec<Key> {
        let mut keys = Vec::new();
        let mut name = String::new();
        while let Some(c) = chars.next() {
            match c {
                '{' | '[' => {
                    let inner = list(chars);
                    keys.push(Key {
                        name: std::mem::take(&mut name).trim().to_string(),
                        inner: Some(inner),
                        list: c == '[',
                    });
                }
                '}' | ']' => break,
                // "(met, open, ...)" after a key lists its values, not keys.
                '(' => {
                    let mut depth = 1;
                    for c in chars.by_ref() {
                        match c {
                            '(' => depth += 1,
                            ')' if depth == 1 => break,
                            ')' => depth -= 1,
                            _ => {}
                        }
                    }
                }
                ',' => {
                    let n = std::mem::take(&mut name);
                    if !n.trim().is_empty() {
                        keys.push(Key {
                            name: n.trim().to_string(),
                            inner: None,
                            list: false,
                        });
                    }
                }
                c => name.push(c),
            }
        }
        if !name.trim().is_empty() {
            keys.push(Key {
                name: name.trim().to_string(),
                inner: None,
                list: false,
            });
        }
        keys
    }
    list(&mut text.chars().peekable())
}

fn karmadash(db: &std::path::Path) -> Command {
    crate::bin_fixtures::karmadash_on(db, "2026-11-23")
}

/// The keys `--help` documents for `args` (the text after "keys:" up to
/// the closing parenthesis), whitespace folded.
fn documented(db: &std::path::Path, args: &[&str]) -> Vec<Key> {
    let out = karmadash(db).args(args).arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let start = help
        .find("keys: ")
        .unwrap_or_else(|| panic!("`{}` documents no JSON keys:\n{help}", args.join(" ")))
        + "keys: ".len();
    let mut depth = 0i32;
    let end = help[start..]
        .char_indices()
        .find(|&(_, c)| {
            match c {
                '(' | '{' | '[' => depth += 1,
                ')' if depth == 0 => return true,
                ')' | '}' | ']' => depth -= 1,
                _ => {}
            }
            false
        })
        .map_or(help.len(), |(i, _)| start + i);
    parse_keys(&help[start..end])
}

/// Where a comparison is: the path of the value (`plan.steps[2]`) and of
/// its documentation (`plan.steps[]`), and the documented keys seen so far.
struct Walk<'a> {
    problems: &'a mut Vec<String>,
    seen: &'a mut BTreeSet<String>,
}

/// Compares the keys of `value` with `keys` at every documented level;
/// a list is compared through each of its elements. Every documented key
/// met in an object is noted in `walk.seen` under its documented path.
fn compare(path: &str, doc: &str, value: &Value, keys: &[Key], walk: &mut Walk) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                compare(
                    &format!("{path}[{i}]"),
                    &format!("{doc}[]"),
                    item,
                    keys,
                    walk,
                );
            }
        }
        Value::Object(map) => {
            let actual: Vec<&str> = map.keys().map(String::as_str).collect();
            let want: Vec<&str> = keys.iter().map(|k| k.name.as_str()).collect();
            let mut a = actual.clone();
            let mut w = want.clone();
            a.sort_unstable();
            w.sort_unstable();
            if a != w {
                walk.problems
                    .push(format!("{path}: keys {a:?}, documented {w:?}"));
            }
            for k in keys.iter().filter(|k| map.contains_key(&k.name)) {
                walk.seen.insert(format!("{doc}.{}", k.name));
            }
            for k in keys {
                if let (Some(inner), Some(v)) = (&k.inner, map.get(&k.name)) {
                    if !v.is_null() {
                        let (path, doc) =
                            (format!("{path}.{}", k.name), format!("{doc}.{}", k.name));
                        compare(&path, &doc, v, inner, walk);
                    }
                }
            }
        }
        other => walk
            .problems
            .push(format!("{path}: {other} is not an object")),
    }
}

/// The documented paths of `keys` under `doc` that were never seen: an
/// empty list or a null object checks none of its keys, so the fixtures
/// must fill every one of them.
fn never_seen(doc: &str, keys: &[Key], seen: &BTreeSet<String>, out: &mut Vec<String>) {
    for k in keys {
        let path = format!("{doc}.{}", k.name);
        if !seen.contains(&path) {
            out.push(path.clone());
        }
        if let Some(inner) = &k.inner {
            let inner_doc = if k.list { format!("{path}[]") } else { path };
            never_seen(&inner_doc, inner, seen, out);
        }
    }
}

#[test]
fn the_key_parser_reads_nesting() {
    let keys = parse_keys("fy, tier{id, basis}, requirements[kind, open (a, b)], on_track");
    let names: Vec<&str> = keys.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(names, ["fy", "tier", "requirements", "on_track"]);
    assert_eq!(keys[1].inner.as_ref().map(Vec::len), Some(2));
    let inner: Vec<&str> = keys[2]
        .inner
        .as_ref()
        .unwrap()
        .iter()
        .map(|k| k.name.as_str())
        .collect();
    assert_eq!(inner, ["kind", "open"], "a value list is no key");
    let (mut problems, mut seen) = (Vec::new(), BTreeSet::new());
    let mut walk = Walk {
        problems: &mut problems,
        seen: &mut seen,
    };
    compare(
        "x",
        "x",
        &serde_json::json!({"fy": 1, "tier": {"id": 1, "basis": 2}, "requirements": [{"kind": 1, "opened": 2}], "on_track": true}),
        &keys,
        &mut walk,
    );
    assert_eq!(
        problems.len(),
        1,
        "a renamed inner key is caught: {problems:?}"
    );
    // An empty list checks none of its keys: they are reported unseen.
    let (mut problems, mut seen) = (Vec::new(), BTreeSet::new());
    let mut walk = Walk {
        problems: &mut problems,
        seen: &mut seen,
    };
    compare(
        "x",
        "x",
        &serde_json::json!({"fy": 1, "tier": {"id": 1, "basis": 2}, "requirements": [], "on_track": true}),
        &keys,
        &mut walk,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let mut unseen = Vec::new();
    never_seen("x", &keys, &seen, &mut unseen);
    assert_eq!(unseen, ["x.requirements[].kind", "x.requirements[].open"]);
}

#[test]
fn every_json_output_has_exactly_its_documented_keys() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let run = |args: &[&str]| -> Value {
        let out = karmadash(&db).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e})"))
    };
    karmadash(&db)
        .args(["profile", "set", "--service", "bss", "--tier", "bss-aso-us"])
        .assert()
        .success();
    let tour = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/igot_fixtures/tour");
    karmadash(&db)
        .args(["roster", "import"])
        .arg(tour.join("ConsumptionReport.csv"))
        .arg(tour.join("UserReport.csv"))
        .assert()
        .success();
    let roster = run(&["roster", "--json"]);
    karmadash(&db)
        .args(["roster", "exempt", "sunita", "--reason", "Deputation"])
        .assert()
        .success();
    // (command, how its help is reached, the JSON it prints)
    let done = run(&[
        "done",
        "Noting and Drafting",
        "--hours",
        "1:30",
        "--date",
        "2026-06-12",
        "--json",
    ]);
    let cases: BTreeMap<&str, (Vec<&str>, Value)> = BTreeMap::from([
        ("done", (vec!["done"], done)),
        ("tiers", (vec!["tiers"], run(&["tiers", "--json"]))),
        (
            "courses",
            (
                vec!["courses"],
                run(&["courses", "--tier", "bss-aso-us", "--json"]),
            ),
        ),
        (
            "search",
            (vec!["search"], run(&["search", "data", "--json"])),
        ),
        ("lint", (vec!["lint"], run(&["lint", "--json"]))),
        ("profile", (vec!["profile"], run(&["profile", "--json"]))),
        ("log", (vec!["log"], run(&["log", "--json"]))),
        ("status", (vec!["status"], run(&["status", "--json"]))),
        // One hour a week is too little: `budget` and `schedule.late` are filled.
        (
            "plan",
            (
                vec!["plan"],
                run(&["plan", "--json", "--hours-per-week", "1"]),
            ),
        ),
        (
            "shortlist list",
            (vec!["shortlist", "list"], {
                karmadash(&db)
                    .args(["shortlist", "add", "bss-aso-us/m2", "--hours", "2"])
                    .assert()
                    .success();
                run(&["shortlist", "list", "--json"])
            }),
        ),
        (
            "report",
            (vec!["report"], run(&["report", "--format", "json"])),
        ),
        ("roster", (vec!["roster"], roster.clone())),
        (
            "roster audit",
            (vec!["roster", "audit"], run(&["roster", "audit", "--json"])),
        ),
        (
            "roster history",
            (
                vec!["roster", "history"],
                run(&["roster", "history", "--json"]),
            ),
        ),
        (
            "roster report",
            (
                vec!["roster", "report"],
                run(&["roster", "report", "--format", "json"]),
            ),
        ),
    ]);
    let (mut problems, mut seen, mut unseen) = (Vec::new(), BTreeSet::new(), Vec::new());
    for (name, (help_args, value)) in &cases {
        let keys = documented(&db, help_args);
        let mut walk = Walk {
            problems: &mut problems,
            seen: &mut seen,
        };
        compare(name, name, value, &keys, &mut walk);
        // A list printed whole documents the keys of each element.
        let doc = match value {
            Value::Array(_) => format!("{name}[]"),
            _ => name.to_string(),
        };
        never_seen(&doc, &keys, &seen, &mut unseen);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // A key inside an empty list or a null object was never compared: a
    // rename there would pass unnoticed, so the fixtures fill every one.
    assert!(
        unseen.is_empty(),
        "documented keys no output showed (fill them in the fixtures): {}",
        unseen.join(", ")
    );
}
