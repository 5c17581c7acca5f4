//! `--help` in the chosen language: the language is read before clap
//! parses (from the raw `--lang`, KARMADASH_LANG, the locale), and the
//! command's abouts and the options' help are replaced by the catalogue's
//! `cli-help-...` messages. English keeps the definitions' own text.

use std::ffi::OsString;

use clap::CommandFactory;

use super::args::Cli;
use crate::i18n::tr;
use crate::units::lang::{self, Lang};

/// The language of the help, from the raw arguments: a `--lang` that is
/// not a language leaves English here (the parse then refuses it).
pub fn help_language(args: &[OsString]) -> Lang {
    let mut option = None;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--lang" {
            option = words.next().map(|v| v.into_owned());
        } else if let Some(v) = word.strip_prefix("--lang=") {
            option = Some(v.to_string());
        }
    }
    let option = match option.map(|v| v.parse::<Lang>()) {
        Some(Ok(l)) => Some(l),
        Some(Err(_)) => return Lang::En,
        None => None,
    };
    lang::choose(option, |name| std::env::var(name).ok()).map_or(Lang::En, |c| c.lang)
}

/// The global options' ids, as clap names them.
const GLOBAL_ARGS: [&str; 6] = ["data", "today", "db", "theme", "chart_marker", "lang"];

/// The command line as clap parses it, its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let cmd = Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = cmd
        .about(tr(lang, "cli-help-about", &[]))
        .long_about(tr(lang, "cli-help-long-about", &[]))
        .after_help(tr(lang, "cli-help-exit-codes", &[]));
    for id in GLOBAL_ARGS {
        let help = tr(lang, &format!("cli-help-arg-{}", id.replace('_', "-")), &[]);
        cmd = cmd.mut_arg(id, |a| a.help(help));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let id = format!("cli-help-{name}");
        let about = tr(lang, &id, &[]);
        if about == id {
            continue;
        }
        cmd = cmd.mut_subcommand(&name, |c| {
            let c = c.about(about);
            status_args(lang, &name, c)
        });
    }
    cmd
}

/// `status`'s own options (its `--json` help describes English keys).
fn status_args(lang: Lang, name: &str, c: clap::Command) -> clap::Command {
    if name != "status" {
        return c;
    }
    ["fy", "short", "check"].into_iter().fold(c, |c, id| {
        let help = tr(lang, &format!("cli-help-status-arg-{id}"), &[]);
        c.mut_arg(id, |a| a.help(help))
    })
}
