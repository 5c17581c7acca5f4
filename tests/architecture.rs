//! The shape of the house, checked: the domain core (catalogue, rules,
//! search, units, igot, roster) imports no terminal, database or
//! command-line crate and none of the shells; the layers below point only
//! down (units < catalogue < rules, no cycle); the CLI never imports a TUI
//! type and the TUI no CLI one. A comment in lib.rs said so before; now a
//! change that breaks it fails here.

use std::path::{Path, PathBuf};

/// What each folder or file of `src/` may not name.
const RULES: &[(&str, &[&str])] = &[
    (
        "units",
        &[
            "ratatui",
            "crossterm",
            "sled",
            "clap",
            "crate::catalogue",
            "crate::rules",
            "crate::search",
            "crate::igot",
            "crate::roster",
            "crate::store",
            "crate::cli",
            "crate::tui",
            "crate::progress",
        ],
    ),
    (
        "igot",
        &[
            "ratatui",
            "crossterm",
            "sled",
            "clap",
            "crate::rules",
            "crate::search",
            "crate::roster",
            "crate::store",
            "crate::cli",
            "crate::tui",
            "crate::progress",
        ],
    ),
    (
        "catalogue",
        &[
            "ratatui",
            "crossterm",
            "sled",
            "clap",
            "crate::rules",
            "crate::search",
            "crate::igot",
            "crate::roster",
            "crate::store",
            "crate::cli",
            "crate::tui",
            "crate::progress",
        ],
    ),
    (
        "search",
        &[
            "ratatui",
            "crossterm",
            "sled",
            "clap",
            "crate::rules",
            "crate::store",
            "crate::cli",
            "crate::tui",
            "crate::progress",
        ],
    ),
    (
        "rules",
        &[
            "ratatui",
            "crossterm",
            "sled",
            "clap",
            "crate::store",
            "crate::cli",
            "crate::tui",
            "crate::progress",
        ],
    ),
    (
        "roster",
        &[
            "ratatui",
            "crossterm",
            "sled",
            "clap",
            "crate::store",
            "crate::cli",
            "crate::tui",
            "crate::progress",
        ],
    ),
    (
        "store",
        &["ratatui", "crossterm", "clap", "crate::cli", "crate::tui"],
    ),
    ("cli", &["ratatui", "crossterm", "crate::tui"]),
    ("tui", &["clap", "crate::cli"]),
];

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

/// The forbidden names a piece of code uses, as paths (`sled::open`,
/// `use ratatui::...`, `crate::tui::App`, `use crate::{tui, ..}`).
fn violations(code: &str, forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for name in forbidden {
        let as_path = format!("{name}::");
        let as_use = format!("use {name}");
        let in_group = name
            .strip_prefix("crate::")
            .is_some_and(|module| grouped_modules(code).any(|m| m == module));
        let hit = code.match_indices(&as_path).any(|(i, _)| {
            // `my_sled::` or `self.sled::` are other names.
            !code[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
        }) || code.contains(&as_use)
            || in_group;
        if hit {
            found.push((*name).to_string());
        }
    }
    found
}

/// The first segment of each item of every `crate::{...}` group:
/// `use crate::{catalogue::X, tui::App}` names catalogue and tui.
fn grouped_modules(code: &str) -> impl Iterator<Item = &str> {
    code.match_indices("crate::{").flat_map(move |(i, open)| {
        let rest = &code[i + open.len()..];
        let mut depth = 0usize;
        let end = rest
            .char_indices()
            .find(|&(_, c)| match c {
                '{' => {
                    depth += 1;
                    false
                }
                '}' if depth == 0 => true,
                '}' => {
                    depth -= 1;
                    false
                }
                _ => false,
            })
            .map_or(rest.len(), |(j, _)| j);
        let group = &rest[..end];
        let mut items = Vec::new();
        let mut depth = 0usize;
        let mut start = 0;
        for (j, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    items.push(&group[start..j]);
                    start = j + 1;
                }
                _ => {}
            }
        }
        items.push(&group[start..]);
        items
            .into_iter()
            .map(|item| item.trim().split("::").next().unwrap_or("").trim())
    })
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

#[test]
fn every_layer_imports_only_what_lies_below_it() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut broken = Vec::new();
    let mut checked = 0;
    for (module, forbidden) in RULES {
        let mut files = Vec::new();
        rust_files(&src.join(module), &mut files);
        let single = src.join(format!("{module}.rs"));
        if single.is_file() {
            files.push(single);
        }
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a source file");
            checked += 1;
            for name in violations(&code(&text), forbidden) {
                broken.push(format!(
                    "{} uses {name}",
                    file.strip_prefix(&src).unwrap_or(&file).display()
                ));
            }
        }
    }
    assert!(
        checked > 40,
        "only {checked} files checked: has src/ moved?"
    );
    assert!(
        broken.is_empty(),
        "imports that point the wrong way:\n  {}",
        broken.join("\n  ")
    );
}

#[test]
fn the_guard_sees_each_way_of_naming_a_forbidden_crate() {
    let forbidden = &["sled", "ratatui", "crate::tui"];
    for bad in [
        "use sled::Db;",
        "fn f() { let db = sled::open(\"x\"); }",
        "use ratatui::{buffer::Buffer};",
        "use crate::tui::App;",
        "use crate::{catalogue, tui::App};",
        "use crate::{tui};",
    ] {
        assert!(!violations(&code(bad), forbidden).is_empty(), "{bad}");
    }
    for fine in [
        "// sled::open is not called here",
        "use crate::catalogue::Catalogue;",
        "fn f(my_sled: u8) { my_sled::x(); }",
        "/// uses ratatui:: in a doc comment",
    ] {
        assert!(violations(&code(fine), forbidden).is_empty(), "{fine}");
    }
}
