//! The shape of the house, checked: the shells (`cli`, `tui`) use the
//! application's services (`app`), which use the store and the domain
//! core (`units`, `catalogue`, `rules`, `search`, `igot`, `roster`); the
//! core uses no terminal, database or command-line crate and nothing above
//! it; only the store names sled; the CLI never imports a TUI type and the
//! TUI no CLI one; and no two modules of one level use each other, even
//! through a third. Every module of `src/` must have its line in `RULES`:
//! a new one fails here until someone says where it sits.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A top-level module of `src/`: the crates it may not name, and the
/// other top-level modules it may use (anything else is refused).
struct Rule {
    module: &'static str,
    banned_crates: &'static [&'static str],
    may_use: &'static [&'static str],
}

/// The core names no terminal, database or command-line crate.
/// Nor the network: only src/portal names the HTTP client.
const CORE_BANS: &[&str] = &["ratatui", "crossterm", "sled", "clap", "ureq"];
/// The services run under either shell, and reach the disk by the store.
const APP_BANS: &[&str] = &["ratatui", "crossterm", "sled", "clap", "ureq"];
const CORE: &[&str] = &["units", "catalogue", "rules", "search", "igot", "roster"];

const RULES: &[Rule] = &[
    // The core, bottom up. `synthetic` is benchmark data the unit tests
    // include (`#[cfg(test)]` in lib.rs, from benches/tools).
    Rule {
        module: "units",
        banned_crates: CORE_BANS,
        may_use: &[],
    },
    Rule {
        module: "catalogue",
        banned_crates: CORE_BANS,
        may_use: &["units", "synthetic"],
    },
    Rule {
        module: "igot",
        banned_crates: CORE_BANS,
        may_use: &["units", "catalogue"],
    },
    Rule {
        module: "search",
        banned_crates: CORE_BANS,
        may_use: &["units", "catalogue", "igot", "roster", "synthetic"],
    },
    Rule {
        module: "rules",
        banned_crates: CORE_BANS,
        may_use: &["units", "catalogue", "search", "igot", "roster"],
    },
    Rule {
        module: "roster",
        banned_crates: CORE_BANS,
        may_use: &["units", "catalogue", "rules", "search", "igot"],
    },
    // The interface's words (Fluent catalogues, Hindi and English): used
    // by the shells only, so the core keeps speaking in typed values.
    Rule {
        module: "i18n",
        banned_crates: CORE_BANS,
        may_use: &["units"],
    },
    // The store keeps the core's records: it may name their types.
    Rule {
        module: "store",
        banned_crates: &["ratatui", "crossterm", "clap", "ureq"],
        may_use: CORE,
    },
    // The portal's catalogue: the one module that reaches the network,
    // and the snapshot it keeps in the cache. Beside the store, for the
    // services and the shells.
    Rule {
        module: "portal",
        banned_crates: &["ratatui", "crossterm", "sled", "clap"],
        may_use: &["units", "catalogue"],
    },
    Rule {
        module: "app",
        banned_crates: APP_BANS,
        may_use: &[
            "units",
            "catalogue",
            "rules",
            "search",
            "igot",
            "roster",
            "store",
            "portal",
        ],
    },
    // The shells: each may use everything below, never the other.
    Rule {
        module: "cli",
        banned_crates: &["ratatui", "crossterm", "sled", "ureq"],
        may_use: &[
            "units",
            "catalogue",
            "rules",
            "search",
            "igot",
            "roster",
            "store",
            "portal",
            "app",
            "i18n",
        ],
    },
    Rule {
        module: "tui",
        banned_crates: &["clap", "sled", "ureq"],
        may_use: &[
            "units",
            "catalogue",
            "rules",
            "search",
            "igot",
            "roster",
            "store",
            "portal",
            "app",
            "i18n",
        ],
    },
];

/// The crate roots: lib.rs only declares the modules, main.rs only starts
/// the CLI.
const ROOTS: &[&str] = &["lib.rs", "main.rs"];

/// The levels at which sibling modules must not form a cycle: the top
/// level, and the application's services.
const ACYCLIC_LEVELS: &[&[&str]] = &[&[], &["app"]];

/// The code of a file without its comments (line comments and doc
/// comments; the project writes no block comments).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            // A "//" inside a string literal is rare in this code base and
            // would only hide text, never invent an import.
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// True when the text at `i` starts a path, not the tail of another name
/// (`my_sled::`, `self.sled::`, `$crate::`, the second `super::` of
/// `super::super::`).
fn starts_a_path(code: &str, i: usize) -> bool {
    !code[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '$' | ':'))
}

/// The banned crates a piece of code names (`sled::open`, `use ratatui::...`).
fn banned_crates_used(code: &str, banned: &[&str]) -> Vec<String> {
    banned
        .iter()
        .filter(|name| {
            code.match_indices(&format!("{name}::"))
                .any(|(i, _)| starts_a_path(code, i))
                || code.contains(&format!("use {name}"))
        })
        .map(|name| (*name).to_string())
        .collect()
}

/// The module path of a file: `src/app/progress/errors.rs` is
/// `app::progress::errors`, `src/tui/views/mod.rs` is `tui::views`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("a file under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && !(parts.is_empty() && ROOTS.contains(&last.as_str())) {
        parts.push(stem.to_string());
    }
    parts
}

/// The leading lower-case segments of a path (`progress::check_import`),
/// and what follows them when it is a group (`{a, b::C}`).
fn segments(path: &str) -> (Vec<String>, Option<&str>) {
    let mut out = Vec::new();
    let mut rest = path.trim_start();
    loop {
        if let Some(group) = rest.strip_prefix('{') {
            return (out, Some(group));
        }
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let ident = &rest[..len];
        // `self` adds nothing; a type or a glob ends the module path.
        if ident.is_empty()
            || ident == "self"
            || !ident.starts_with(|c: char| c.is_ascii_lowercase())
        {
            return (out, None);
        }
        out.push(ident.to_string());
        match rest[len..].strip_prefix("::") {
            Some(r) => rest = r.trim_start(),
            None => return (out, None),
        }
    }
}

/// Every path a use-tree names: `app::{progress::X, profile_edit}` names
/// `app::progress` and `app::profile_edit`.
fn expand(base: &[String], tree: &str, out: &mut Vec<Vec<String>>) {
    let (segs, group) = segments(tree);
    let mut path = base.to_vec();
    path.extend(segs);
    match group {
        Some(group) => {
            for item in group_items(group) {
                expand(&path, item, out);
            }
        }
        None => out.push(path),
    }
}

/// The items of a `{...}` group at the start of `rest` (after the `{`),
/// split at its top-level commas.
fn group_items(rest: &str) -> Vec<&str> {
    let mut depth = 0usize;
    let mut items = Vec::new();
    let mut start = 0;
    for (j, c) in rest.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&rest[start..j]);
                return items;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&rest[start..j]);
                start = j + 1;
            }
            _ => {}
        }
    }
    items.push(&rest[start..]);
    items
}

/// Every module path of this crate that a file's code names, resolved
/// from `crate::`, `karmadash::` (the crate by its name) and `super::`:
/// `use crate::{catalogue::X, tui::App}` names `catalogue` and `tui`.
fn paths_named(code: &str, here: &[String]) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for prefix in ["crate::", "karmadash::", "super::"] {
        for (i, _) in code.match_indices(prefix) {
            if !starts_a_path(code, i) {
                continue;
            }
            let mut base: Vec<String> = Vec::new();
            let mut rest = &code[i..];
            if prefix == "super::" {
                base = here.to_vec();
                while let Some(r) = rest.strip_prefix("super::") {
                    base.pop();
                    rest = r.trim_start();
                }
            } else {
                rest = &rest[prefix.len()..];
            }
            expand(&base, rest, &mut found);
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every source file of `src/` with its module path and its code.
fn sources() -> Vec<(String, Vec<String>, String)> {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).expect("a source file");
            let name = f.strip_prefix(&src).unwrap_or(&f).display().to_string();
            (name, module_of(&src, &f), code(&text))
        })
        .collect()
}

/// What one file breaks: a module with no rule, a banned crate, or a
/// top-level module its rule does not let it use.
fn file_breaks(name: &str, module: &[String], code: &str) -> Vec<String> {
    let Some(top) = module.first() else {
        return Vec::new(); // a crate root
    };
    let Some(rule) = RULES.iter().find(|r| r.module == top) else {
        return vec![format!(
            "{name}: src/{top} has no line in RULES (tests/it/architecture.rs): say which layer it is"
        )];
    };
    let mut broken: Vec<String> = banned_crates_used(code, rule.banned_crates)
        .into_iter()
        .map(|c| format!("{name} uses {c}"))
        .collect();
    let named: BTreeSet<String> = paths_named(code, module)
        .into_iter()
        .filter_map(|p| p.first().cloned())
        .filter(|t| t != top && !rule.may_use.contains(&t.as_str()))
        .collect();
    broken.extend(named.into_iter().map(|t| format!("{name} uses crate::{t}")));
    broken
}

#[test]
fn every_module_imports_only_what_lies_below_it() {
    let mut broken = Vec::new();
    let all = sources();
    for (name, module, code) in &all {
        broken.extend(file_breaks(name, module, code));
    }
    assert!(
        all.len() > 40,
        "only {} files checked: has src/ moved?",
        all.len()
    );
    assert!(
        broken.is_empty(),
        "imports that point the wrong way:\n  {}",
        broken.join("\n  ")
    );
}

/// Which sibling modules at `level` each uses, with one file that shows it.
fn sibling_uses(
    level: &[&str],
    all: &[(String, Vec<String>, String)],
) -> BTreeMap<String, BTreeMap<String, String>> {
    let at = |path: &[String]| -> Option<String> {
        let inside = path.len() > level.len() && path.iter().zip(level).all(|(a, b)| a == b);
        inside.then(|| path[level.len()].clone())
    };
    let mut uses: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (name, module, code) in all {
        let Some(from) = at(module) else { continue };
        for target in paths_named(code, module) {
            match at(&target) {
                Some(to) if to != from => {
                    let seen = uses.entry(from.clone()).or_default();
                    seen.entry(to).or_insert_with(|| name.clone());
                }
                _ => {}
            }
        }
    }
    uses
}

/// A cycle in the graph, as the modules around it, if there is one.
fn a_cycle(uses: &BTreeMap<String, BTreeMap<String, String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        uses: &BTreeMap<String, BTreeMap<String, String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in uses.get(node).into_iter().flat_map(|m| m.keys()) {
            if let Some(c) = visit(next, uses, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    uses.keys()
        .find_map(|n| visit(n, uses, &mut Vec::new(), &mut done))
}

#[test]
fn no_two_modules_of_a_level_use_each_other() {
    let all = sources();
    let mut cycles = Vec::new();
    for level in ACYCLIC_LEVELS {
        let uses = sibling_uses(level, &all);
        if let Some(cycle) = a_cycle(&uses) {
            let how: Vec<String> = cycle
                .windows(2)
                .map(|w| format!("{} -> {} (in {})", w[0], w[1], uses[&w[0]][&w[1]]))
                .collect();
            cycles.push(format!(
                "in src/{}:\n    {}",
                level.join("/"),
                how.join("\n    ")
            ));
        }
    }
    assert!(
        cycles.is_empty(),
        "modules that use each other:\n  {}",
        cycles.join("\n  ")
    );
}

#[test]
fn the_guard_sees_each_way_of_naming_a_module_or_a_crate() {
    let banned = &["sled", "ratatui"];
    for bad in [
        "use sled::Db;",
        "fn f() { let db = sled::open(\"x\"); }",
        "use ratatui::{buffer::Buffer};",
    ] {
        assert!(!banned_crates_used(&code(bad), banned).is_empty(), "{bad}");
    }
    for fine in [
        "// sled::open is not called here",
        "fn f(my_sled: u8) { my_sled::x(); }",
        "/// uses ratatui:: in a doc comment",
    ] {
        assert!(banned_crates_used(&code(fine), banned).is_empty(), "{fine}");
    }
    let here: Vec<String> = vec!["app".into(), "progress".into(), "errors".into()];
    let tops = |text: &str| -> Vec<String> {
        paths_named(&code(text), &here)
            .into_iter()
            .map(|p| p.join("::"))
            .collect()
    };
    assert_eq!(tops("use crate::tui::App;"), ["tui"]);
    assert_eq!(
        tops("use crate::{catalogue::{self, X}, tui::App,\n    store};"),
        ["catalogue", "catalogue", "tui", "store"]
    );
    assert_eq!(tops("karmadash::cli::run(x)"), ["cli::run"]);
    assert_eq!(
        tops("use super::super::profile_edit::X;"),
        ["app::profile_edit"]
    );
    assert_eq!(
        tops("use super::{quoted, X};"),
        ["app::progress::quoted", "app::progress"]
    );
    assert_eq!(
        tops("use crate::app::{progress::{self, X}, planning};"),
        ["app::progress", "app::progress", "app::planning"]
    );
    assert!(tops("$crate::x!(); // crate::tui::App").is_empty());
    // A module no rule names is refused, whatever it imports.
    let new = file_breaks("reports.rs", &["reports".into()], "");
    assert!(new[0].contains("no line in RULES"), "{new:?}");
}
