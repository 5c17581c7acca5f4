//! Printing: JSON with stable keys, and plain tables padded by display
//! width (Devanagari is narrower than its char count).

use serde::Serialize;
use std::io::Write;
use unicode_width::UnicodeWidthStr;

use super::{Failure, Problem};
use crate::units::text::{spreadsheet_text, visible, visible_lines};
use crate::units::wrap::wrap;

/// Writes to stdout; a closed pipe (`| head`) ends quietly, not in a panic.
/// No control character reaches the terminal, whatever the data holds.
pub fn emit(text: &str) -> Result<(), Failure> {
    let text = visible_lines(text);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Problem::Write(e).into()),
    }
}

/// Prose for a person: on a terminal, a line wider than the window wraps
/// under its own text; piped, every line stays whole, for grep and scripts.
pub fn emit_prose(text: &str) -> Result<(), Failure> {
    use std::io::IsTerminal;
    let width = std::io::stdout()
        .is_terminal()
        .then(|| terminal_size::terminal_size_of(std::io::stdout()))
        .flatten()
        .map(|(w, _)| usize::from(w.0));
    match width {
        Some(w) => emit(&wrap_lines(text, w)),
        None => emit(text),
    }
}

/// Each line of `text` wider than `width` cells, wrapped at spaces; the
/// continuation lines start under the line's text, after its indent and
/// any "[ ] " or "[x] " mark, so a list stays a list.
pub fn wrap_lines(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let marked = ["[ ] ", "[x] "]
            .iter()
            .any(|m| line[indent..].starts_with(m));
        let hang = indent + if marked { 4 } else { 0 };
        // Too narrow to hang anything readable: leave the line to the terminal.
        if line.width() <= width || width < hang + 20 {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        for (i, part) in wrap(&line[hang..], width - hang).iter().enumerate() {
            out.push_str(if i == 0 { &line[..hang] } else { "" });
            if i > 0 {
                out.push_str(&" ".repeat(hang));
            }
            out.push_str(part);
            out.push('\n');
        }
    }
    out
}

pub fn json<T: Serialize>(value: &T) -> Result<(), Failure> {
    let mut text =
        serde_json::to_string_pretty(value).map_err(|e| Failure::from(Problem::EncodeJson(e)))?;
    text.push('\n');
    emit(&text)
}

/// One cell of a CSV: text from outside (names, titles, certificate ids,
/// designations, tiers and their labels), or a value karmadash writes
/// itself (hours, counts, targets, ISO dates, verdict and flag words),
/// which a spreadsheet must read as it is: `-1.5` stays a number.
pub enum Cell<'a> {
    Text(&'a str),
    Own(String),
}

/// Every CSV karmadash writes is made here, so no writer can forget a
/// cell: text cells are put on one line (`visible`) and neutralised for
/// spreadsheets (`spreadsheet_text`: `=cmd` is written `'=cmd`); numbers
/// are written as they are. `--json` is never touched: it stays exact.
pub fn csv_table<'a>(header: &[&str], rows: impl IntoIterator<Item = Vec<Cell<'a>>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut out = |cells: Vec<String>| {
        // Writing into a Vec cannot fail.
        let _ = w.write_record(&cells);
    };
    out(header.iter().map(|h| h.to_string()).collect());
    for row in rows {
        out(row
            .into_iter()
            .map(|cell| match cell {
                Cell::Text(t) => visible(&spreadsheet_text(t)).into_owned(),
                Cell::Own(n) => n,
            })
            .collect());
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
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

#[cfg(test)]
mod csv_tests {
    use super::{csv_table, Cell};

    #[test]
    fn text_cells_are_neutralised_and_numbers_are_not() {
        let out = csv_table(
            &["name", "hours"],
            [
                vec![Cell::Text("=1+1, \"x\""), Cell::Own("-1.50".into())],
                vec![Cell::Text("\tline\nbreak"), Cell::Own("2".into())],
            ],
        );
        assert_eq!(
            out,
            "name,hours\n\"'=1+1, \"\"x\"\"\",-1.50\n'\\tline\\nbreak,2\n"
        );
    }
}

#[cfg(test)]
mod wrap_tests {
    use super::wrap_lines;

    #[test]
    fn a_long_status_line_wraps_under_its_own_text() {
        let text = "[ ] Complete every course marked Mandatory for your length of service\n    still open: AIS (Conduct) Rules, 1968; GenAI for Everyone\nshort\n";
        assert_eq!(
            wrap_lines(text, 40),
            "[ ] Complete every course marked\n    Mandatory for your length of service\n    still open: AIS (Conduct) Rules,\n    1968; GenAI for Everyone\nshort\n"
        );
    }

    #[test]
    fn a_line_that_fits_or_a_window_too_narrow_is_left_whole() {
        let text = "    still open: a; b; c\n";
        assert_eq!(wrap_lines(text, 80), text);
        assert_eq!(wrap_lines(text, 10), text);
    }
}

/// A JSON object with one array field, printed as `json` would print it
/// (pretty, the array last) but an element at a time, so a listing of
/// 100k officers never holds its whole text. Elements come already
/// encoded by `JsonArray::element`, on any thread.
pub struct JsonArray<W: Write = std::io::Stdout> {
    out: std::io::BufWriter<W>,
    any: bool,
    /// A closed pipe (`| head`): the rest is not written, and that is fine.
    closed: bool,
}

impl JsonArray {
    /// Prints `head`'s fields, then opens the array `key`, on stdout.
    pub fn start<T: Serialize>(head: &T, key: &str) -> Result<JsonArray, Failure> {
        JsonArray::start_on(head, key, std::io::stdout())
    }

    /// One element, encoded and made visible as `json` does, indented to
    /// its place in the array.
    pub fn element<T: Serialize>(value: &T) -> Result<Vec<u8>, Failure> {
        let text = serde_json::to_string_pretty(value)
            .map_err(|e| Failure::from(Problem::EncodeJson(e)))?;
        let text = visible_lines(&text);
        // JSON strings hold no raw line break: every one is the layout's.
        Ok(format!("\n    {}", text.replace('\n', "\n    ")).into_bytes())
    }
}

impl<W: Write> JsonArray<W> {
    pub fn start_on<T: Serialize>(head: &T, key: &str, out: W) -> Result<JsonArray<W>, Failure> {
        let mut text = serde_json::to_string_pretty(head)
            .map_err(|e| Failure::from(Problem::EncodeJson(e)))?;
        // `{\n  "a": 1\n}` loses its closing brace to make room for the array.
        text.truncate(text.trim_end_matches(['}', '\n']).len());
        text.push_str(&format!(",\n  \"{key}\": ["));
        let mut array = JsonArray {
            out: std::io::BufWriter::with_capacity(1 << 16, out),
            any: false,
            closed: false,
        };
        array.write(visible_lines(&text).as_bytes())?;
        Ok(array)
    }

    pub fn push(&mut self, element: &[u8]) -> Result<(), Failure> {
        if self.any {
            self.write(b",")?;
        }
        self.any = true;
        self.write(element)
    }

    /// Closes the array and the object; the writer, for tests.
    pub fn finish(mut self) -> Result<(), Failure> {
        let end: &[u8] = if self.any { b"\n  ]\n}\n" } else { b"]\n}\n" };
        self.write(end)?;
        if self.closed {
            return Ok(());
        }
        match self.out.flush() {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Problem::Write(e).into()),
            _ => Ok(()),
        }
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        if self.closed {
            return Ok(());
        }
        match self.out.write_all(bytes) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(Problem::Write(e).into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Whole<'a> {
        fy: &'a str,
        as_of: u32,
        officers: Vec<serde_json::Value>,
    }

    #[derive(Serialize)]
    struct Head<'a> {
        fy: &'a str,
        as_of: u32,
    }

    /// What `json` prints of the whole object, made visible as `emit` does.
    fn at_once(officers: &[serde_json::Value]) -> String {
        let whole = Whole {
            fy: "2026-27",
            as_of: 7,
            officers: officers.to_vec(),
        };
        let text = serde_json::to_string_pretty(&whole).unwrap() + "\n";
        visible_lines(&text).into_owned()
    }

    fn streamed(officers: &[serde_json::Value]) -> String {
        let mut out = Vec::new();
        let head = Head {
            fy: "2026-27",
            as_of: 7,
        };
        let mut array = JsonArray::start_on(&head, "officers", &mut out).unwrap();
        for o in officers {
            array.push(&JsonArray::element(o).unwrap()).unwrap();
        }
        array.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_streamed_array_prints_what_the_whole_object_would() {
        let officer = |n: &str| {
            serde_json::json!({
                "officer": n,
                "name": "Ravi \u{202e}Kumar",
                "requirements": [{"open": ["A", "B"], "counted": []}],
                "flags": [],
            })
        };
        for officers in [vec![], vec![officer("a")], vec![officer("a"), officer("b")]] {
            assert_eq!(streamed(&officers), at_once(&officers));
        }
    }
}
