//! The terminal, borrowed and given back: raw mode and the alternate
//! screen on entry, restored on every exit path including a panic; and a
//! backend that keeps Devanagari from leaving stray glyphs.
//!
//! ratatui stores a grapheme cluster such as "प्र" (pa, virama, ra) as one
//! cell two columns wide, and when it later blanks that cell it writes only
//! the first column. Terminals (tmux measured here) draw such a cluster as
//! two narrow cells, so the second column kept its "र". The backend below
//! remembers which columns hold a multi-codepoint cluster and repaints the
//! second column whenever the first is overwritten.

use std::collections::HashSet;
use std::io::{self, Stdout};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

pub struct ClusterSafeBackend<B: Backend> {
    inner: B,
    /// Positions whose last write was a multi-codepoint cluster two columns wide.
    clusters: HashSet<(u16, u16)>,
}

impl<B: Backend> ClusterSafeBackend<B> {
    pub fn new(inner: B) -> Self {
        ClusterSafeBackend {
            inner,
            clusters: HashSet::new(),
        }
    }
}

fn is_split_cluster(symbol: &str) -> bool {
    symbol.chars().nth(1).is_some() && symbol.width() >= 2
}

impl<B: Backend> Backend for ClusterSafeBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let updates: Vec<(u16, u16, &Cell)> = content.collect();
        let written: HashSet<(u16, u16)> = updates.iter().map(|(x, y, _)| (*x, *y)).collect();
        let mut repaint: Vec<(u16, u16, Cell)> = Vec::new();
        for (x, y, cell) in &updates {
            if self.clusters.remove(&(*x, *y)) && !written.contains(&(x + 1, *y)) {
                // ratatui did not send the next column because it was, and
                // still is, the blank tail of the cluster: blank it for real.
                let mut blank = (*cell).clone();
                blank.set_symbol(" ");
                repaint.push((x + 1, *y, blank));
            }
            if is_split_cluster(cell.symbol()) {
                self.clusters.insert((*x, *y));
            }
        }
        self.inner.draw(
            updates
                .into_iter()
                .chain(repaint.iter().map(|(x, y, c)| (*x, *y, c))),
        )
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
        self.clusters.clear();
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.clusters.clear();
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

pub type DashTerminal = Terminal<ClusterSafeBackend<CrosstermBackend<Stdout>>>;

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
    Terminal::new(ClusterSafeBackend::new(CrosstermBackend::new(io::stdout())))
        .inspect_err(|_| leave())
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
mod tests {
    use super::*;
    use ratatui::widgets::Paragraph;

    /// A terminal as tmux behaves: a multi-codepoint cluster lands as two
    /// narrow cells ("प्" and "र"), each cleared only when written.
    struct SplittingTerminal {
        cells: Vec<String>,
    }

    impl Backend for SplittingTerminal {
        type Error = io::Error;
        fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(
            &mut self,
            content: I,
        ) -> io::Result<()> {
            for (x, _, cell) in content {
                let s = cell.symbol();
                if is_split_cluster(s) {
                    let split = s
                        .char_indices()
                        .skip(1)
                        .find(|(_, c)| c.to_string().width() > 0)
                        .map_or(s.len(), |(i, _)| i);
                    self.cells[x as usize] = s[..split].to_string();
                    self.cells[x as usize + 1] = s[split..].to_string();
                } else {
                    self.cells[x as usize] = s.to_string();
                }
            }
            Ok(())
        }
        fn hide_cursor(&mut self) -> io::Result<()> {
            Ok(())
        }
        fn show_cursor(&mut self) -> io::Result<()> {
            Ok(())
        }
        fn get_cursor_position(&mut self) -> io::Result<Position> {
            Ok(Position::ORIGIN)
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> io::Result<()> {
            Ok(())
        }
        fn clear(&mut self) -> io::Result<()> {
            Ok(())
        }
        fn clear_region(&mut self, _: ClearType) -> io::Result<()> {
            Ok(())
        }
        fn size(&self) -> io::Result<Size> {
            Ok(Size::new(self.cells.len() as u16, 1))
        }
        fn window_size(&mut self) -> io::Result<WindowSize> {
            Ok(WindowSize {
                columns_rows: self.size()?,
                pixels: Size::new(0, 0),
            })
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn shown_after_blanking(safe: bool) -> String {
        let fake = SplittingTerminal {
            cells: vec![" ".into(); 10],
        };
        let draw = |f: &mut ratatui::Frame, text: &'static str| {
            f.render_widget(Paragraph::new(text), f.area())
        };
        if safe {
            let mut t = Terminal::new(ClusterSafeBackend::new(fake)).unwrap();
            t.draw(|f| draw(f, "xप्रy")).unwrap();
            t.draw(|f| draw(f, "")).unwrap();
            t.backend().inner.cells.concat()
        } else {
            let mut t = Terminal::new(fake).unwrap();
            t.draw(|f| draw(f, "xप्रy")).unwrap();
            t.draw(|f| draw(f, "")).unwrap();
            t.backend().cells.concat()
        }
    }

    #[test]
    fn blanking_a_cluster_blanks_both_columns() {
        // Without the wrapper the "र" stays behind: the defect this fixes.
        assert!(shown_after_blanking(false).contains('र'));
        assert_eq!(shown_after_blanking(true).trim(), "");
    }
}
