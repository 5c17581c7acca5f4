//! The terminal, borrowed and given back: raw mode and the alternate
//! screen on entry, restored on every exit path including a panic; and a
//! backend that writes Devanagari so no terminal keeps a stale cell.
//!
//! ratatui stores a grapheme cluster such as "प्र" or "वा" as one cell two
//! columns wide. Terminals disagree about that width: tmux, xterm and VTE
//! draw it as two narrow cells, kitty draws the vowel sign ा zero-width
//! (one column), others two. So nothing may depend on where a terminal's
//! cursor ends after a wide cluster. For each one the backend writes:
//!
//! 1. a blank in its second column, in the cluster's style, so a terminal
//!    that draws the cluster narrower still shows nothing stale there;
//! 2. the cluster itself at its first column;
//! 3. the next cell after an explicit cursor move.
//!
//! Each step is its own call of the inner backend, which always moves the
//! cursor before its first cell and resets the style after its last. And
//! when a narrow cell replaces a wide cluster, the column after it, which
//! ratatui does not resend, is blanked in its own (plain) style.

use std::collections::HashSet;
use std::io::{self, Stdout};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

use super::basic_colours::BasicColours;

pub struct ClusterSafeBackend<B: Backend> {
    inner: B,
    /// Positions whose last write was a cluster two columns wide.
    wide: HashSet<(u16, u16)>,
}

impl<B: Backend> ClusterSafeBackend<B> {
    pub fn new(inner: B) -> Self {
        ClusterSafeBackend {
            inner,
            wide: HashSet::new(),
        }
    }
}

fn is_wide(symbol: &str) -> bool {
    symbol.width() >= 2
}

/// A blank that takes `cell`'s colours and modifiers.
fn blank_like(cell: &Cell) -> Cell {
    let mut blank = cell.clone();
    blank.set_symbol(" ");
    blank
}

impl<B: Backend> Backend for ClusterSafeBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let updates: Vec<(u16, u16, &Cell)> = content.collect();
        let written: HashSet<(u16, u16)> = updates.iter().map(|(x, y, _)| (*x, *y)).collect();
        let width = self.inner.size()?.width;
        // Runs of cells the inner backend may write in one go; a new run
        // starts wherever the cursor must be placed explicitly.
        let mut runs: Vec<Vec<(u16, u16, Cell)>> = vec![Vec::new()];
        let mut covered: Option<(u16, u16)> = None;
        for (x, y, cell) in updates {
            if covered == Some((x, y)) {
                // The second column of the wide cluster just written: done.
                continue;
            }
            covered = None;
            if is_wide(cell.symbol()) {
                if x + 1 < width {
                    runs.push(vec![(x + 1, y, blank_like(cell))]);
                }
                runs.push(vec![(x, y, cell.clone())]);
                runs.push(Vec::new());
                self.wide.insert((x, y));
                covered = Some((x + 1, y));
                continue;
            }
            runs.last_mut()
                .expect("never empty")
                .push((x, y, cell.clone()));
            if self.wide.remove(&(x, y)) && x + 1 < width && !written.contains(&(x + 1, y)) {
                // ratatui left the old cluster's second column alone: it
                // holds a plain blank in its buffer, so write exactly that.
                runs.push(vec![(x + 1, y, Cell::default())]);
                runs.push(Vec::new());
            }
        }
        for run in runs.iter().filter(|r| !r.is_empty()) {
            self.inner.draw(run.iter().map(|(x, y, c)| (*x, *y, c)))?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.wide.clear();
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.wide.clear();
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

pub type DashTerminal = Terminal<ClusterSafeBackend<BasicColours<Stdout>>>;

/// The backend the dashboard draws through, onto `out`.
pub fn backend<W: io::Write>(out: W) -> ClusterSafeBackend<BasicColours<W>> {
    ClusterSafeBackend::new(BasicColours::new(out))
}

/// Raw mode and the alternate screen, with a panic hook that restores the
/// terminal before the panic message is printed. No terminal queries: over
/// some SSH paths they wait seconds for an answer that never comes.
pub fn enter() -> io::Result<DashTerminal> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        hook(info);
    }));
    crossterm::terminal::enable_raw_mode()?;
    if let Err(e) = crossterm::execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen) {
        leave();
        return Err(e);
    }
    Terminal::new(backend(io::stdout())).inspect_err(|_| leave())
}

/// Gives the terminal back; safe to call more than once.
pub fn leave() {
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = crossterm::execute!(
        io::stdout(),
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

#[cfg(test)]
#[path = "terminal_tests.rs"]
mod tests;
