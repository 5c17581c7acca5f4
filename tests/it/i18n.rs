//! The interface in two languages: both message files parse, hold the
//! same ids with the same values, and print no format characters; the
//! language is chosen `--lang`, then KARMADASH_LANG, then the locale;
//! and what scripts read (`--json`) is the same in both.

use std::collections::BTreeSet;

use karmadash::i18n::{self, Lang};

use crate::progress_fixtures::*;

#[test]
fn every_message_file_parses() {
    for lang in Lang::ALL {
        let problems = i18n::problems(lang);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(!i18n::message_ids(lang).is_empty(), "{lang}: no messages");
    }
}

#[test]
fn every_message_is_in_both_languages() {
    let en = i18n::message_ids(Lang::En);
    let hi = i18n::message_ids(Lang::Hi);
    let only_en: Vec<_> = en.difference(&hi).collect();
    let only_hi: Vec<_> = hi.difference(&en).collect();
    assert!(
        only_en.is_empty() && only_hi.is_empty(),
        "only in en.ftl: {only_en:?}\nonly in hi.ftl: {only_hi:?}"
    );
}

#[test]
fn each_message_takes_the_same_values_in_both_languages() {
    let en = i18n::message_variables(Lang::En);
    let hi = i18n::message_variables(Lang::Hi);
    let differ: Vec<String> = en
        .iter()
        .filter_map(|(id, vars)| {
            let theirs = hi.get(id)?;
            (vars != theirs).then(|| format!("{id}: en {vars:?}, hi {theirs:?}"))
        })
        .collect();
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// Every message, given a value for each variable it names, prints no
/// format character (Fluent's isolation marks are off) and no `{`
/// (a value it did not get).
#[test]
fn every_message_prints_clean_text() {
    for lang in Lang::ALL {
        for (id, vars) in i18n::message_variables(lang) {
            let args: Vec<(&str, i18n::Arg)> =
                vars.iter().map(|v| (v.as_str(), 2.into())).collect();
            let text = i18n::tr(lang, &id, &args);
            assert!(
                !text
                    .chars()
                    .any(|c| matches!(c, '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')),
                "{lang} {id}: {text:?}"
            );
            assert!(!text.contains('{'), "{lang} {id}: {text:?}");
            assert_ne!(text, id, "{lang} {id}: no text");
        }
    }
}

#[test]
fn ids_are_named_by_area() {
    let areas: BTreeSet<&str> = ["tui", "cli", "lang", "i18n"].into();
    for id in i18n::message_ids(Lang::En) {
        let area = id.split('-').next().unwrap_or_default();
        assert!(areas.contains(area), "{id}: ids start tui-, cli-, lang-");
    }
}

// ---------------------------------------------------------------------------
// Choosing the language, through the binary.

fn run_env(s: &Store, env: &[(&str, &str)], args: &[&str]) -> Run {
    let out = s
        .cmd()
        .envs(env.iter().copied())
        .args(args)
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

#[test]
fn a_language_karmadash_does_not_speak_is_refused_in_one_line() {
    let s = Store::new();
    s.profile_delhi_ias();
    let r = run_env(&s, &[], &["--lang", "fr", "status"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_one_line(&r.stderr, &["--lang", "fr"]);
    assert!(
        r.stderr.contains("hi") && r.stderr.contains("en"),
        "{}",
        r.stderr
    );
    let r = run_env(&s, &[("KARMADASH_LANG", "fr")], &["status"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_one_line(&r.stderr, &["KARMADASH_LANG=fr"]);
    assert!(
        r.stderr.contains("KARMADASH_LANG is \"fr\""),
        "{}",
        r.stderr
    );
}

/// `--lang` is read before KARMADASH_LANG (a bad variable does not matter
/// when the option says), and a locale that is not Hindi is English,
/// never an error.
#[test]
fn the_option_comes_before_the_variable_and_the_locale() {
    let s = Store::new();
    s.profile_delhi_ias();
    for lang in ["hi", "en"] {
        let r = run_env(
            &s,
            &[("KARMADASH_LANG", "fr")],
            &["--lang", lang, "status", "--json"],
        );
        assert_eq!(r.code, 0, "--lang {lang}: {}", r.stderr);
    }
    for locale in ["C", "fr_FR.UTF-8", "hi_IN.UTF-8", ""] {
        let r = run_env(
            &s,
            &[("LANG", locale), ("LC_ALL", locale)],
            &["status", "--json"],
        );
        assert_eq!(r.code, 0, "LANG={locale}: {}", r.stderr);
    }
}

/// What scripts read does not change with the language: `status --json`
/// and `roster --json` are byte-identical in Hindi and English, whichever
/// way the language is chosen.
#[test]
fn json_output_is_the_same_in_both_languages() {
    let s = Store::new();
    s.profile_delhi_ias();
    s.done("genai for everyone", "4", "2026-05-10");
    let reports: Vec<String> = ["consumption-gen3.csv", "users.csv", "enrolments.csv"]
        .iter()
        .map(|f| format!("{}/tests/igot_fixtures/{f}", env!("CARGO_MANIFEST_DIR")))
        .collect();
    let import: Vec<&str> = ["roster", "import"]
        .into_iter()
        .chain(reports.iter().map(String::as_str))
        .collect();
    s.ok(&import);
    for args in [
        &["status", "--json"][..],
        &["roster", "--json"][..],
        &["plan", "--json"][..],
    ] {
        let en = s.ok(&[&["--lang", "en"][..], args].concat());
        let hi = s.ok(&[&["--lang", "hi"][..], args].concat());
        assert_eq!(hi, en, "{args:?}");
        let by_locale = run_env(&s, &[("LANG", "hi_IN.UTF-8")], args);
        assert_eq!(by_locale.stdout, en, "{args:?} under LANG=hi_IN");
        let by_var = run_env(&s, &[("KARMADASH_LANG", "hi")], args);
        assert_eq!(by_var.stdout, en, "{args:?} under KARMADASH_LANG=hi");
    }
}

/// `--lang` is global: no command may define its own (`roster notices
/// --lang` did, and clap stopped on the clash before any command ran).
#[test]
fn roster_notices_takes_the_global_language_option() {
    use clap::Parser;
    let line = [
        "karmadash",
        "roster",
        "notices",
        "--out",
        "d",
        "--lang",
        "hi",
    ];
    let parsed = std::panic::catch_unwind(|| karmadash::cli::Cli::try_parse_from(line));
    let cli = parsed
        .expect("clap stopped on --lang")
        .expect("a valid line");
    assert_eq!(cli.lang, Some(karmadash::cli::LangArg::Hi));
}
