//! Entry point: parse arguments, run the command, map failures to exit codes.

use clap::error::ErrorKind;
use clap::FromArgMatches;

fn main() {
    // --help speaks the chosen language: known before clap parses.
    let args: Vec<_> = std::env::args_os().collect();
    let lang = karmadash::cli::help_language(&args);
    let parsed = karmadash::cli::command(lang)
        .try_get_matches_from(args)
        .and_then(|m| karmadash::cli::Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) =>
        {
            e.exit()
        }
        // clap's usage errors span several lines; a person needs one.
        Err(e) => {
            let text = e.render().to_string();
            let line = text
                .lines()
                .map(str::trim)
                .filter(|l| {
                    !l.is_empty()
                        && !l.starts_with("Usage:")
                        && !l.starts_with("For more information")
                })
                .collect::<Vec<_>>()
                .join(" ");
            eprintln!(
                "karmadash: {} (see --help)",
                line.trim_start_matches("error: ")
            );
            std::process::exit(2);
        }
    };
    if let Err(failure) = karmadash::cli::run(cli, dashboard) {
        // The message may quote what was typed: never echo a control character.
        eprintln!(
            "karmadash: {}",
            karmadash::units::text::visible(&failure.to_string())
        );
        for line in &failure.details() {
            eprintln!("  {}", karmadash::units::text::visible(line));
        }
        std::process::exit(failure.code());
    }
}

/// The dashboard as the CLI opens it: the shell's worded store failure
/// in, the dashboard's typed error out.
fn dashboard(
    catalogue: karmadash::catalogue::Catalogue,
    store: karmadash::store::Store,
    first: Result<karmadash::store::Snapshot, karmadash::cli::Failure>,
    opening: karmadash::cli::Opening,
) -> Result<i32, Box<dyn std::error::Error + Send + Sync>> {
    let karmadash::cli::Opening {
        today,
        data,
        lang,
        look,
    } = opening;
    karmadash::tui::run(
        catalogue,
        store,
        today,
        first.map_err(Into::into),
        data,
        look,
        lang,
    )
    .map_err(Into::into)
}
