//! The dashboard: a synchronous Elm-style loop over the same catalogue,
//! engine and store as the shell commands. Keys become actions, `update`
//! changes the app, `draw` renders it; search runs on a worker thread.
//! Each view (`views/`) and each popup (`overlays/`) is a type of its own.
//! The loop sleeps until a key, a change in the store, a search answer or
//! a signal wakes it.

mod app;
mod basic_colours;
mod data;
mod draw;
mod input;
mod keymap;
mod overlays;
mod portal_shelf;
mod redraw;
mod roster_chart;
mod roster_columns;
mod roster_data;
mod row_pane;
mod search_worker;
mod status_line;
mod terminal;
mod theme;
mod update;
mod views;
mod watch;
pub mod wording;

pub use app::{App, Read, View};
pub use data::Data;
pub use draw::{draw, MIN_HEIGHT, MIN_WIDTH};
pub use keymap::Action;
pub use overlays::{
    ConfirmRemove, Detail, ExemptOfficer, FindOfficer, Form, FormKind, Help, Overlay, Requirement,
    SearchBox,
};
pub use theme::{Appearance, Background, ChartMarker, Theme};
pub use views::catalogue::Focus;
pub use wording::DashError;

use chrono::NaiveDate;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::time::Duration;

/// How often the dashboard reads the store's change marker when nothing
/// woke it: the fallback where the store's folder cannot be watched.
const FALLBACK: Duration = Duration::from_secs(2);

use crate::catalogue::Catalogue;
use crate::store::Store;
use crate::units::lang::Chosen;
use input::{Next, Wake};
use watch::StoreWatch;

/// Runs the dashboard until the user leaves.
/// `first` is the store's contents, read while the catalogue loaded.
/// Returns the exit status the process should end with: 0 after `q`,
/// 128 + the signal's number after Ctrl-C (130), SIGTERM (143) or SIGHUP
/// (129), as shells expect of an interrupted program.
pub fn run(
    catalogue: Catalogue,
    store: Store,
    today: NaiveDate,
    first: Read,
    data: Option<&Path>,
    look: Appearance,
    lang: Chosen,
) -> Result<i32, DashError> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(DashError::NoTerminal);
    }
    let theme = Theme::from_env(look);
    let mut app = App::with_snapshot(Arc::new(catalogue), store, today, first, data);
    app.open_in(lang);
    let mut input = input::Input::start();
    // SIGTERM, or SIGHUP when an SSH link drops, ends the loop like `q`, so
    // the terminal is restored and the UI state saved on those paths too.
    // The flag holds the number of the signal that arrived (0: none).
    let stop = Arc::new(AtomicUsize::new(0));
    watch_signals(&stop, input.waker()).map_err(DashError::Signals)?;
    let mut terminal = terminal::enter().map_err(DashError::Terminal)?;
    let result = event_loop(&mut terminal, &mut app, &theme, &mut input, &stop);
    terminal::leave();
    app.save_ui();
    result?;
    Ok(match stop.load(Ordering::Relaxed) {
        0 if app.interrupted => 128 + signal_hook::consts::SIGINT,
        0 => 0,
        signal => 128 + signal as i32,
    })
}

/// Sets `stop` to the number of a SIGTERM, SIGHUP or SIGINT that arrives,
/// and wakes the loop to see it.
fn watch_signals(stop: &Arc<AtomicUsize>, wake: Sender<Wake>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register_usize(signal, Arc::clone(stop), signal as usize)?;
    }
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        for _ in signals.forever() {
            let _ = wake.send(Wake::Other);
        }
    });
    Ok(())
}

fn event_loop(
    terminal: &mut terminal::DashTerminal,
    app: &mut App,
    theme: &Theme,
    input: &mut input::Input,
    stop: &AtomicUsize,
) -> Result<(), DashError> {
    let waker = input.waker();
    app.search.wake_with(move || {
        let _ = waker.send(Wake::Other);
    });
    let mut watch = StoreWatch::start(app.data.store.path().to_path_buf(), input.waker());
    // The first look at the change marker now, not at the first wake-up:
    // its reading of the store settles before the dashboard goes idle.
    app.notice_changes();
    let mut changed = true;
    loop {
        if changed {
            terminal
                .draw(|f| draw(f, app, theme))
                .map_err(DashError::Draw)?;
        }
        let next = input.next(FALLBACK)?;
        if let Next::Gone = next {
            return Ok(());
        }
        // Another process's write shows at once where the folder is
        // watched, else within the fallback: a file read, never sled held
        // open or polled.
        let check_store = matches!(next, Next::Store);
        if check_store {
            watch.arm();
        }
        changed = redraw::turn(app, next, check_store);
        if app.quit || stop.load(Ordering::Relaxed) != 0 {
            return Ok(());
        }
    }
}
