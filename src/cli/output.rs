//! Printing: JSON with stable keys, and plain tables padded by display
//! width (Devanagari is narrower than its char count).

use serde::Serialize;
use std::io::Write;
use unicode_width::UnicodeWidthStr;

use super::Failure;
use crate::units::text::{visible, visible_lines};

/// Writes to stdout; a closed pipe (`| head`) ends quietly, not in a panic.
/// No control character reaches the terminal, whatever the data holds.
pub fn emit(text: &str) -> Result<(), Failure> {
    let text = visible_lines(text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::input(format!("cannot write the output: {e}"))),
    }
}

pub fn json<T: Serialize>(value: &T) -> Result<(), Failure> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::input(format!("cannot encode JSON: {e}")))?;
    text.push('\n');
    emit(&text)
}

/// A table whose columns are padded to the widest cell; the last column is not padded.
pub struct Table {
    rows: Vec<Vec<String>>,
    right: Vec<bool>,
}

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table {
            rows: vec![header.iter().map(|h| h.to_string()).collect()],
            right: vec![false; header.len()],
        }
    }

    /// Right-align column `i` (numbers).
    pub fn right(mut self, i: usize) -> Table {
        self.right[i] = true;
        self
    }

    /// Cells are shown on one line each: a line break in a title must not
    /// break the row.
    pub fn row(&mut self, cells: Vec<String>) {
        let cells = cells
            .into_iter()
            .map(|c| visible(&c).into_owned())
            .collect();
        self.rows.push(cells);
    }

    pub fn render(&self) -> String {
        let cols = self.rows[0].len();
        let widths: Vec<usize> = (0..cols)
            .map(|i| self.rows.iter().map(|r| r[i].width()).max().unwrap_or(0))
            .collect();
        let mut out = String::new();
        for row in &self.rows {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                let pad = widths[i].saturating_sub(cell.width());
                if i + 1 == cols {
                    line.push_str(cell);
                } else if self.right[i] {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                    line.push_str("  ");
                } else {
                    line.push_str(cell);
                    line.push_str(&" ".repeat(pad + 2));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}
