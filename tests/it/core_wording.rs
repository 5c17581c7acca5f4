//! The core speaks the domain, never a shell: no string in a core file
//! names a command (`karmadash assign`) or an option (`--batch`), and no
//! core function returns `Result<_, String>` (a typed error carries the
//! data; the CLI and the dashboard each word the fix, `cli/wording.rs` and
//! `tui/wording.rs`). A source scan, like `function_length.rs`, so a
//! message that slips back fails here.

use std::path::{Path, PathBuf};

use clap::CommandFactory;

/// The core: the domain folders and the application's services, which
/// speak to both shells and so name neither's commands.
const CORE: &[&str] = &[
    "src/units",
    "src/catalogue",
    "src/rules",
    "src/search",
    "src/igot",
    "src/roster",
    "src/app",
];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("a readable folder") {
            rust_files(&entry.expect("a directory entry").path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// Each core file's code before its `#[cfg(test)]` module: tests may
/// spell anything, the messages a person reads may not.
fn core_sources() -> Vec<(String, String)> {
    sources(CORE)
}

/// The code of every file under `folders`, as `core_sources` reads it.
fn sources(folders: &[&str]) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for c in folders {
        rust_files(&root.join(c), &mut files);
    }
    files.sort();
    files
        .into_iter()
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name != "tests.rs" && !name.ends_with("_tests.rs")
        })
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a readable source");
            let code = match text.find("#[cfg(test)]") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            let name = p.strip_prefix(root).unwrap().display().to_string();
            (name, code)
        })
        .collect()
}

/// The string literals of some code, with the line each starts on:
/// comments skipped, escapes kept as written, raw strings read whole.
fn string_literals(code: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = code.chars().collect();
    let (mut out, mut line, mut i) = (Vec::new(), 1, 0);
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\n' => line += 1,
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '/' if next == Some('*') => {
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
                i += 2;
                continue;
            }
            // A char literal such as '"' (a lifetime has no closing quote).
            '\'' if chars.get(i + 2) == Some(&'\'') && next != Some('\\') => {
                i += 3;
                continue;
            }
            '\'' if next == Some('\\') => {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
            }
            'r' if matches!(next, Some('"' | '#'))
                && !chars
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| p.is_alphanumeric() || *p == '_') =>
            {
                let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
                let open = i + 1 + hashes;
                if chars.get(open) == Some(&'"') {
                    let close: String = std::iter::once('"')
                        .chain("#".repeat(hashes).chars())
                        .collect();
                    let rest: String = chars[open + 1..].iter().collect();
                    let len = rest.find(&close).expect("a closed raw string");
                    let body = &rest[..len];
                    out.push((line, body.to_string()));
                    line += body.matches('\n').count();
                    i = open + 1 + body.chars().count() + close.chars().count();
                    continue;
                }
            }
            '"' => {
                let (start, mut body) = (line, String::new());
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        body.push(chars[i]);
                        i += 1;
                    }
                    line += usize::from(chars[i] == '\n');
                    body.push(chars[i]);
                    i += 1;
                }
                out.push((start, body));
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The shell's commands, from the CLI's own definition.
fn commands() -> Vec<String> {
    karmadash::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

/// What in a message speaks shell: a command or an option, if any.
fn shell_words(text: &str, commands: &[String]) -> Option<String> {
    if text.contains("`karmadash") {
        return Some("a `karmadash` command".into());
    }
    for c in commands {
        let named = format!("karmadash {c}");
        let at_word_end = |at: usize| {
            !text[at + named.len()..]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphanumeric() || n == '-')
        };
        if text.match_indices(&named).any(|(at, _)| at_word_end(at)) {
            return Some(named);
        }
    }
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(2))
        .find(|&at| {
            bytes[at] == b'-'
                && bytes[at + 1] == b'-'
                && bytes[at + 2].is_ascii_lowercase()
                && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric() && bytes[at - 1] != b'-')
        })
        .map(|at| {
            let flag: String = text[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            format!("the option {flag}")
        })
}

/// `Result<T, String>` in some code: the error type of every `Result<`
/// found by matching its angle brackets.
fn string_results(code: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    for (at, _) in code.match_indices("Result<") {
        if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let (mut depth, mut last_arg) = (0, at + "Result<".len());
        for (i, c) in code[at + "Result".len()..].char_indices() {
            let i = i + at + "Result".len();
            match c {
                '<' | '(' | '[' => depth += 1,
                '>' | ')' | ']' => {
                    depth -= 1;
                    if depth == 0 {
                        if code[last_arg..i].trim() == "String" {
                            lines.push(code[..at].matches('\n').count() + 1);
                        }
                        break;
                    }
                }
                ',' if depth == 1 => last_arg = i + 1,
                _ => {}
            }
        }
    }
    lines
}

#[test]
fn no_core_message_names_a_command_or_an_option() {
    let commands = commands();
    assert!(commands.iter().any(|c| c == "assign"), "{commands:?}");
    let mut found = Vec::new();
    for (file, code) in core_sources() {
        for (line, text) in string_literals(&code) {
            if let Some(what) = shell_words(&text, &commands) {
                found.push(format!("{file}:{line}: {what} in \"{text}\""));
            }
        }
    }
    assert!(
        found.is_empty(),
        "core messages that speak shell (word them in cli/wording.rs or tui/wording.rs):\n{}",
        found.join("\n")
    );
}

/// The store is no core, but both shells show its errors: its words say
/// what happened, and each shell adds the command that fixes it.
#[test]
fn no_store_message_names_a_command_or_an_option() {
    let commands = commands();
    let mut found = Vec::new();
    for (file, code) in sources(&["src/store"]) {
        for (line, text) in string_literals(&code) {
            if let Some(what) = shell_words(&text, &commands) {
                found.push(format!("{file}:{line}: {what} in \"{text}\""));
            }
        }
    }
    assert!(
        found.is_empty(),
        "store messages that speak shell (add the fix in cli/wording.rs and tui/wording.rs):\n{}",
        found.join("\n")
    );
}

#[test]
fn no_core_function_returns_a_string_error() {
    let mut found = Vec::new();
    for (file, code) in core_sources() {
        for line in string_results(&code) {
            found.push(format!("{file}:{line}"));
        }
    }
    assert!(
        found.is_empty(),
        "core code with Result<_, String> (give it a typed error):\n{}",
        found.join("\n")
    );
}

/// The dashboard words errors in one place (`tui/wording.rs`) from typed
/// errors; a `Result<_, String>` there would be a sentence a caller cannot
/// match, made far from where the dashboard says it.
#[test]
fn the_dashboard_returns_no_string_error() {
    let mut found = Vec::new();
    for (file, code) in sources(&["src/tui"]) {
        for line in string_results(&code) {
            found.push(format!("{file}:{line}"));
        }
    }
    assert!(
        found.is_empty(),
        "dashboard code with Result<_, String> (give it a typed error, worded in tui/wording.rs):\n{}",
        found.join("\n")
    );
}

/// The folders whose errors a program must be able to match (issue 19):
/// a finished sentence in a `String` is not a type a caller can match.
const TYPED_ERRORS: &[&str] = &["src/store", "src/catalogue", "src/igot", "src/cli"];

/// Error types still carrying a sentence, named so the guard holds for
/// everything else meanwhile. Remove a name here once its type is
/// converted; never add one. Every one is converted now.
const NOT_YET_TYPED: &[&str] = &[];

/// Error types in some code that hold a sentence: `struct XError(String)`,
/// or an `...Error`/`...Failure` struct with a `message: String` field, and
/// every `Result<_, String>`. Each with its line.
fn string_error_types(code: &str) -> Vec<(usize, String)> {
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let mut found: Vec<(usize, String)> = string_results(code)
        .into_iter()
        .map(|l| (l, "Result<_, String>".to_string()))
        .collect();
    for (at, _) in code.match_indices("struct ") {
        let rest = &code[at + "struct ".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !(name.ends_with("Error") || name.ends_with("Failure")) {
            continue;
        }
        let body = rest[name.len()..].trim_start();
        let sentence = if let Some(tuple) = body.strip_prefix('(') {
            let fields = &tuple[..tuple.find(')').unwrap_or(0)];
            matches!(fields.trim(), "String" | "pub String")
        } else if let Some(fields) = body.strip_prefix('{') {
            let fields = &fields[..fields.find('}').unwrap_or(0)];
            fields.lines().any(|l| {
                let l = l.trim().trim_start_matches("pub ");
                l.starts_with("message: String")
            })
        } else {
            false
        };
        if sentence && !NOT_YET_TYPED.contains(&name.as_str()) {
            found.push((line_of(at), format!("struct {name} holds a String message")));
        }
    }
    found
}

#[test]
fn store_catalogue_igot_and_cli_errors_are_types_not_sentences() {
    let mut found = Vec::new();
    for (file, code) in sources(TYPED_ERRORS) {
        for (line, what) in string_error_types(&code) {
            found.push(format!("{file}:{line}: {what}"));
        }
    }
    assert!(
        found.is_empty(),
        "errors a program cannot match (give them an enum of what went wrong, worded by Display or by the shell):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_error_type_scan_sees_what_it_guards() {
    let code = "pub struct StoreError(pub String);\nstruct Finding { message: String }\n#[derive(Debug)]\npub struct ReportError {\n    pub file: String,\n    pub message: String,\n}\nstruct TypedError(Kind);\nfn f() -> Result<(), String> {}\n";
    let found = string_error_types(code);
    let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [9, 1, 4], "{found:?}");
    // Each remaining exemption is a type that still holds a sentence:
    // once converted, its name must leave `NOT_YET_TYPED`.
    let all = sources(TYPED_ERRORS)
        .into_iter()
        .map(|(_, code)| code)
        .collect::<String>();
    for name in NOT_YET_TYPED {
        let holds = all.contains(&format!("struct {name} {{")) && {
            let at = all.find(&format!("struct {name} {{")).unwrap();
            let body = &all[at..at + all[at..].find('}').unwrap()];
            body.contains("message: String")
        };
        assert!(
            holds,
            "{name} no longer holds a String message: remove it from NOT_YET_TYPED"
        );
    }
}

#[test]
fn the_scan_sees_what_it_guards() {
    let commands = commands();
    let code = "fn a() -> Result<(), String> {\n    // `karmadash assign` in a comment\n    Err(format!(\"needs --batch YEAR, see `karmadash tiers`\"))\n}\nfn b() -> Result<Vec<(u8, String)>, Error> { r#\"karmadash assign now\"# }\nlet c = '\"'; let d = \"a--b, karmadash reads, karmadash 2026-27: 3/4 met\";\n";
    let literals = string_literals(code);
    assert_eq!(literals.len(), 3, "{literals:?}");
    assert_eq!(literals[0].0, 3);
    assert_eq!(
        shell_words(&literals[0].1, &commands).as_deref(),
        Some("a `karmadash` command")
    );
    assert_eq!(
        shell_words(&literals[1].1, &commands).as_deref(),
        Some("karmadash assign")
    );
    assert_eq!(shell_words(&literals[2].1, &commands), None);
    assert_eq!(
        shell_words("check --batch or --fy", &commands).as_deref(),
        Some("the option --batch")
    );
    assert_eq!(string_results(code), vec![1]);
}
