//! The shell commands: argument parsing, one file per command, text and
//! JSON output. Uses the core and the store; never a TUI type.

mod args;
mod args_cell;
mod args_roster;
mod calendar_cmd;
mod catalogue_cmds;
mod export_file;
mod failure;
mod help_lang;
mod igot_own;
mod json;
mod output;
mod plan_cmds;
mod portal_cmds;
mod progress_cmds;
mod roster_cell;
mod roster_cmds;
mod roster_history;
mod roster_import;
mod roster_list;
mod roster_notices;
mod roster_report;
mod roster_sources;
mod roster_zip;
mod shell_cmds;
mod status_cmds;
mod status_fast;
mod status_words;
mod transfer_cmds;
pub mod wording;

use chrono::NaiveDate;
use std::cell::RefCell;
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

pub use args::LangArg;
pub use args::{Cli, Command};
use args::{MarkerArg, ThemeArg};
pub use failure::{DashboardError, Failure, Problem};
pub use help_lang::{command, help_language};

use crate::app::appearance::{Appearance, Background, ChartMarker};
use crate::catalogue::{sources, Catalogue};
use crate::rules::fy::FinancialYear;
use crate::store::{Snapshot, Store};
use crate::units::lang::{self, Chosen, Lang};

pub type Outcome = Result<(), Failure>;

/// What every command may need, resolved once from the global options.
pub struct Context {
    /// Never dropped: freeing 100,000 courses one by one took longer than
    /// searching them, and the process is about to end anyway.
    pub catalogue: ManuallyDrop<Catalogue>,
    pub today: NaiveDate,
    /// The interface language (`--lang`, `KARMADASH_LANG`, the locale):
    /// words go through `crate::i18n::tr(ctx.lang, "cli-...", args)`.
    pub lang: Lang,
    pub db: Option<PathBuf>,
    /// `--data DIR`, for the files beside the rulebooks (designations.toml).
    pub data: Option<PathBuf>,
    /// The store read begun before the catalogue loaded, for the commands
    /// that start by reading all of it: opening sled waits on the disk
    /// while the catalogue is parsed, which keeps `status --short` quick
    /// and brings the dashboard's first frame sooner.
    prefetch: RefCell<Prefetch>,
}

type SnapshotRead = Result<Snapshot, Failure>;

/// A store read on another thread, joined when taken or when dropped, so
/// sled never outlives the command.
#[derive(Default)]
struct Prefetch(Option<JoinHandle<SnapshotRead>>);

impl Prefetch {
    fn start(db: Option<&Path>) -> Prefetch {
        let db = db.map(Path::to_path_buf);
        Prefetch(Some(std::thread::spawn(move || {
            read_snapshot(db.as_deref())
        })))
    }

    /// Started for the commands whose first use of the store is to read all of it.
    fn for_command(command: Option<&Command>, db: Option<&Path>) -> Prefetch {
        let reads_store_first = matches!(
            command,
            None | Some(
                Command::Status(_)
                    | Command::Plan(_)
                    | Command::Report(_)
                    | Command::Log(_)
                    | Command::Export(_)
            )
        );
        if reads_store_first {
            Prefetch::start(db)
        } else {
            Prefetch::default()
        }
    }

    fn take(&mut self) -> Option<SnapshotRead> {
        let handle = self.0.take()?;
        Some(
            handle
                .join()
                .unwrap_or_else(|_| Err(Problem::ReadingStopped.into())),
        )
    }
}

impl Drop for Prefetch {
    fn drop(&mut self) {
        let _ = self.take();
    }
}

pub use crate::app::progress::parse_date;

pub fn parse_fy(s: &str) -> Result<FinancialYear, Failure> {
    s.parse().map_err(|e| Problem::Fy(e).into())
}

/// A date option's value that is not a date.
pub fn date_failure(option: &'static str, error: crate::units::dates::DateError) -> Failure {
    Problem::Date { option, error }.into()
}

/// The store at `--db`, `KARMADASH_DB` or the XDG data directory.
pub fn store(ctx: &Context) -> Result<Store, Failure> {
    store_at(ctx.db.as_deref())
}

fn store_at(db: Option<&Path>) -> Result<Store, Failure> {
    match db {
        Some(p) => Ok(Store::at(p)),
        None => Store::default_path().map(Store::at).map_err(Failure::from),
    }
}

fn read_snapshot(db: Option<&Path>) -> SnapshotRead {
    store_at(db)?.snapshot().map_err(Failure::from)
}

/// Everything in the store, read once (prefetched where the command allows).
pub fn snapshot(ctx: &Context) -> SnapshotRead {
    let prefetched = ctx.prefetch.borrow_mut().take();
    prefetched.unwrap_or_else(|| read_snapshot(ctx.db.as_deref()))
}

/// `$XDG_CACHE_HOME/karmadash` (or the platform's equivalent): where the
/// compiled catalogue of a `--data DIR` with course CSVs is kept.
pub(crate) fn cache_dir() -> Option<PathBuf> {
    crate::portal::cache_dir()
}

pub fn load_catalogue(data: Option<&std::path::Path>) -> Result<Catalogue, Failure> {
    // The cache keeps the ready search index too: `search` maps it.
    let index = crate::search::IndexSections;
    sources::load_with_dir_cached_and(data, cache_dir().as_deref(), Some(&index))
        .map_err(Failure::from)
}

/// What opens the dashboard. main.rs passes the TUI's entry point, so the
/// CLI never imports a TUI type and each shell stays a thin layer.
/// It returns the exit code the process should end with (130 after
/// Ctrl-C, 143 after SIGTERM), 0 after `q`.
/// The first reading arrives as the shell worded it; the dashboard's own
/// failure comes back as its typed error, printed as the one line.
pub type Dashboard =
    fn(Catalogue, Store, Result<Snapshot, Failure>, Opening) -> Result<i32, DashboardError>;

/// What the dashboard opens with, from the global options: today, the
/// `--data DIR` (whose `designations.toml` places the roster's officers
/// as `karmadash roster` does), and the language (an explicit choice beats the one the
/// dashboard remembers; the locale's does not).
#[derive(Debug, Clone, Copy)]
pub struct Opening<'a> {
    pub today: NaiveDate,
    pub data: Option<&'a Path>,
    pub lang: Chosen,
    /// `--theme` and `--chart-marker`, where asked.
    pub look: Appearance,
}

/// The interface language: `--lang`, then `KARMADASH_LANG`, then the
/// locale, else English (`units::lang::choose`).
pub fn language(option: Option<args::LangArg>) -> Result<Chosen, Failure> {
    lang::choose(option.map(Lang::from), |name| std::env::var(name).ok())
        .map_err(|e| Problem::Lang(e).into())
}

/// `--theme` and `--chart-marker` (or their variables) as the dashboard
/// takes them; what was not asked it reads from the terminal.
fn appearance(theme: Option<ThemeArg>, marker: Option<MarkerArg>) -> Appearance {
    Appearance {
        background: theme.map(|t| match t {
            ThemeArg::Dark => Background::Dark,
            ThemeArg::Light => Background::Light,
        }),
        marker: marker.map(|m| match m {
            MarkerArg::Braille => ChartMarker::Braille,
            MarkerArg::Block => ChartMarker::Block,
        }),
    }
}

/// Runs a parsed command line; with no command, opens `dashboard`.
pub fn run(cli: Cli, dashboard: Dashboard) -> Outcome {
    // Generated from the definitions alone: no date, data or store involved.
    match &cli.command {
        Some(Command::Completions(args)) => return shell_cmds::completions(args),
        Some(Command::Man) => return shell_cmds::man(),
        _ => {}
    }
    let chosen = language(cli.lang)?;
    let lang = chosen.lang;
    let today = match cli.today.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => parse_date(s).map_err(|e| date_failure("--today", e))?,
        None => chrono::Local::now().date_naive(),
    };
    let data = cli.data.as_deref().filter(|p| !p.as_os_str().is_empty());
    if let Some(Command::Lint(args)) = &cli.command {
        return catalogue_cmds::lint(data, args);
    }
    // A search needs no store, and loads only what it prints.
    if let Some(Command::Search(args)) = &cli.command {
        return catalogue_cmds::search(data, args);
    }
    let db = cli.db.clone().filter(|p| !p.as_os_str().is_empty());
    let fast = status_fast::prompt(cli.command.as_ref(), db.as_deref(), today, data, lang);
    let kept = match fast {
        status_fast::Prompt::Answered(done) => return done,
        status_fast::Prompt::Full(kept) => kept,
    };
    let prefetch = Prefetch::for_command(cli.command.as_ref(), db.as_deref());
    let ctx = Context {
        catalogue: ManuallyDrop::new(load_catalogue(data)?),
        today,
        lang,
        db,
        data: data.map(Path::to_path_buf),
        prefetch: RefCell::new(prefetch),
    };
    match cli.command {
        None => {
            let store = store(&ctx)?;
            let first = snapshot(&ctx);
            let catalogue = ManuallyDrop::into_inner(ctx.catalogue);
            let opening = Opening {
                today: ctx.today,
                data: ctx.data.as_deref(),
                lang: chosen,
                look: appearance(cli.theme, cli.chart_marker),
            };
            match dashboard(catalogue, store, first, opening)
                .map_err(|e| Failure::from(Problem::Dashboard(e)))?
            {
                0 => Ok(()),
                // Ctrl-C or a signal: the terminal is restored and the view
                // saved; end with the status a shell expects (130, 143...).
                code => std::process::exit(code),
            }
        }
        Some(Command::Tiers(a)) => catalogue_cmds::tiers(&ctx, &a),
        Some(Command::Courses(a)) if a.portal => portal_cmds::courses(&ctx.catalogue, &a),
        Some(Command::Courses(a)) => catalogue_cmds::courses(&ctx, &a),
        Some(Command::Catalogue(a)) => portal_cmds::catalogue(&ctx, &a),
        Some(Command::Lint(_) | Command::Search(_) | Command::Completions(_) | Command::Man) => {
            unreachable!("handled above")
        }
        Some(Command::Profile(a)) => progress_cmds::profile(&ctx, &a),
        Some(Command::Done(a)) => progress_cmds::done(&ctx, &a),
        Some(Command::Log(a)) => progress_cmds::log(&ctx, &a),
        Some(Command::Remove(a)) => progress_cmds::remove(&ctx, &a),
        Some(Command::Assign(a)) => progress_cmds::assign(&ctx, &a),
        Some(Command::Assessment(a)) => progress_cmds::assessment(&ctx, &a),
        Some(Command::Status(a)) => status_cmds::status(&ctx, &a, kept.as_ref()),
        Some(Command::Plan(a)) => plan_cmds::plan(&ctx, &a),
        Some(Command::Shortlist(a)) => plan_cmds::shortlist(&ctx, &a),
        Some(Command::Calendar(a)) => calendar_cmd::calendar(&ctx, &a),
        Some(Command::Report(a)) => status_cmds::report(&ctx, &a),
        Some(Command::Export(a)) => transfer_cmds::export(&ctx, &a),
        Some(Command::Import(a)) => transfer_cmds::import(&ctx, &a),
        Some(Command::Roster(a)) => roster_cmds::roster(&ctx, &a),
        Some(Command::ImportIgot(a)) => igot_own::import_own(&ctx, &a),
    }
}
