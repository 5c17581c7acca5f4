//! The dashboard: a synchronous Elm-style loop over the same catalogue,
//! engine and store as the shell commands. Keys become actions, `update`
//! changes the app, `draw` renders it; search runs on a worker thread.

mod app;
mod draw;
mod form_submit;
mod forms;
mod input;
mod keymap;
mod overlay_keys;
mod overlays;
mod redraw;
mod roster_columns;
mod roster_data;
mod row_pane;
mod search_box;
mod search_worker;
mod terminal;
mod theme;
mod update;
mod views;
pub mod wording;

pub use app::{App, Focus, Overlay, View};
pub use draw::{draw, MIN_HEIGHT, MIN_WIDTH};
pub use keymap::Action;
pub use theme::Theme;

use chrono::NaiveDate;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How often the dashboard looks at the store's change marker.
const CHANGE_CHECK: Duration = Duration::from_millis(250);

use crate::catalogue::Catalogue;
use crate::store::{Snapshot, Store};
use input::Next;

/// Runs the dashboard until the user leaves. Errors are sentences.
/// `first` is the store's contents, read while the catalogue loaded.
/// Returns the exit status the process should end with: 0 after `q`,
/// 128 + the signal's number after Ctrl-C (130), SIGTERM (143) or SIGHUP
/// (129), as shells expect of an interrupted program.
pub fn run(
    catalogue: Catalogue,
    store: Store,
    today: NaiveDate,
    first: Result<Snapshot, String>,
    data: Option<&Path>,
) -> Result<i32, String> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err("the dashboard needs a terminal; from scripts use `karmadash status` (or `karmadash --help`)".into());
    }
    let theme = Theme::from_env();
    let mut app = App::with_snapshot(Arc::new(catalogue), store, today, first, data);
    // SIGTERM, or SIGHUP when an SSH link drops, ends the loop like `q`, so
    // the terminal is restored and the UI state saved on those paths too.
    // The flag holds the number of the signal that arrived (0: none).
    let stop = Arc::new(AtomicUsize::new(0));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize)
            .map_err(|e| format!("cannot watch signals: {e}"))?;
    }
    let mut terminal = terminal::enter().map_err(|e| format!("cannot set up the terminal: {e}"))?;
    let result = event_loop(&mut terminal, &mut app, &theme, &stop);
    terminal::leave();
    app.save_ui();
    result?;
    Ok(match stop.load(Ordering::Relaxed) {
        0 if app.interrupted => 128 + signal_hook::consts::SIGINT,
        0 => 0,
        signal => 128 + signal as i32,
    })
}

fn event_loop(
    terminal: &mut terminal::DashTerminal,
    app: &mut App,
    theme: &Theme,
    stop: &AtomicUsize,
) -> Result<(), String> {
    let input = input::Input::start();
    let mut last_check = Instant::now();
    let mut changed = true;
    loop {
        if changed {
            terminal
                .draw(|f| draw(f, app, theme))
                .map_err(|e| format!("cannot draw: {e}"))?;
        }
        // Blocking reads on the input thread never split an escape
        // sequence; the wait only paces search results and signals.
        let next = input.next(Duration::from_millis(25))?;
        if let Next::Gone = next {
            return Ok(());
        }
        // Another process's write shows within a second: a file read every
        // quarter second, never sled held open or polled.
        let check_store = last_check.elapsed() >= CHANGE_CHECK;
        if check_store {
            last_check = Instant::now();
        }
        changed = redraw::turn(app, next, check_store);
        if app.quit || stop.load(Ordering::Relaxed) != 0 {
            return Ok(());
        }
    }
}
