//! A tolerant reader of one portal CSV: columns matched by name with known
//! aliases (never by position), a UTF-8 BOM, CRLF, quoted fields and `;`
//! from an Excel re-save accepted, every record with its line, and no line
//! long enough to exhaust memory.

use std::io::{self, BufRead, BufReader, Read};

use super::ReportError;

/// A column a report reader wants: its name in the current generation and
/// the names older generations or people's renames give it.
#[derive(Debug)]
pub struct Column {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
}

pub const fn col(name: &'static str, aliases: &'static [&'static str], required: bool) -> Column {
    Column {
        name,
        aliases,
        required,
    }
}

/// Names compared without case, spaces, `_` or `-`: `Cadre Batch`,
/// `cadre_batch` and `E mail`/`E_mail` meet.
pub fn fold(name: &str) -> String {
    name.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// No real report line comes near this; a file without line breaks is
/// refused here instead of being read whole into memory.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// Fails a read once a line runs past `MAX_LINE_BYTES`.
struct LineCap<R> {
    inner: R,
    since_newline: usize,
}

impl<R: Read> Read for LineCap<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            if b == b'\n' {
                self.since_newline = 0;
            } else {
                self.since_newline += 1;
                if self.since_newline > MAX_LINE_BYTES {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("a line longer than {} MiB", MAX_LINE_BYTES >> 20),
                    ));
                }
            }
        }
        Ok(n)
    }
}

/// `;` when the header has more of them than commas (Excel in locales
/// that write decimal commas), else `,`.
fn sniff_delimiter<R: Read>(reader: &mut BufReader<R>) -> io::Result<u8> {
    let head = reader.fill_buf()?;
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let count = |d: u8| line.iter().filter(|&&b| b == d).count();
    Ok(if count(b';') > count(b',') {
        b';'
    } else {
        b','
    })
}

pub struct Table<R: Read> {
    file: String,
    reader: csv::Reader<LineCap<BufReader<R>>>,
    /// For each wanted column, its index in the file.
    index: Vec<Option<usize>>,
    record: csv::StringRecord,
    /// Set after an I/O error: the rest of the file cannot be read.
    ended: bool,
}

impl<R: Read> Table<R> {
    /// Reads the header and finds `columns` in it. The header's own folded
    /// names are returned too, so a caller can tell a report's kind.
    pub fn open(file: &str, input: R, columns: &[Column]) -> Result<Self, ReportError> {
        let mut buffered = BufReader::with_capacity(64 * 1024, input);
        let delimiter = sniff_delimiter(&mut buffered)
            .map_err(|e| ReportError::new(file, 1, None, format!("cannot read it: {e}")))?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            // Lines end at LF; a CR before it is trimmed with the cell. With
            // CRLF as a terminator, csv counts the first record on line 1.
            .terminator(csv::Terminator::Any(b'\n'))
            .flexible(true)
            .has_headers(true)
            .from_reader(LineCap {
                inner: buffered,
                since_newline: 0,
            });
        let header = reader
            .headers()
            .map_err(|e| ReportError::new(file, 1, None, csv_message(&e)))?
            .clone();
        let folded: Vec<String> = header.iter().map(fold).collect();
        let mut index = Vec::with_capacity(columns.len());
        for c in columns {
            // The current name first, then the older ones in order: a file
            // with both `MDO_Name` and `Organization` reads `MDO_Name`.
            let mut found = None;
            for name in std::iter::once(c.name).chain(c.aliases.iter().copied()) {
                let name = fold(name);
                let mut at = folded.iter().enumerate().filter(|(_, h)| **h == name);
                if let Some((i, _)) = at.next() {
                    if at.next().is_some() {
                        return Err(ReportError::new(
                            file,
                            1,
                            Some(c.name),
                            format!("the header names the {} column twice", c.name),
                        ));
                    }
                    found = Some(i);
                    break;
                }
            }
            if found.is_none() && c.required {
                return Err(ReportError::new(
                    file,
                    1,
                    Some(c.name),
                    format!(
                        "the header has no {} column: is this the right report? (it starts: {})",
                        c.name,
                        header.iter().take(6).collect::<Vec<_>>().join(", ")
                    ),
                ));
            }
            index.push(found);
        }
        Ok(Table {
            file: file.to_string(),
            reader,
            index,
            record: csv::StringRecord::new(),
            ended: false,
        })
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    /// The next record and its line, `None` at the end; a record the CSV
    /// layer cannot read is an error with its line, and reading goes on.
    pub fn next_record(&mut self) -> Option<Result<Record<'_>, ReportError>> {
        if self.ended {
            return None;
        }
        match self.reader.read_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => {
                let line = self.record.position().map_or(0, |p| p.line());
                Some(Ok(Record {
                    file: &self.file,
                    line,
                    index: &self.index,
                    record: &self.record,
                }))
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                let err = ReportError::new(&self.file, line, None, csv_message(&e));
                // An I/O error (or an overlong line) ends the file.
                self.ended = fatal;
                Some(Err(err))
            }
        }
    }
}

fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "not UTF-8 text: save the report as CSV UTF-8 (in Excel: CSV UTF-8 (Comma delimited))"
                .into()
        }
        csv::ErrorKind::Io(e) => format!("cannot read it: {e}"),
        _ => e.to_string(),
    }
}

/// One record, read by the position of the wanted columns.
pub struct Record<'a> {
    file: &'a str,
    pub line: u64,
    index: &'a [Option<usize>],
    record: &'a csv::StringRecord,
}

impl Record<'_> {
    /// The cell of wanted column `i` (by its place in the reader's list),
    /// trimmed; empty when the file has no such column or the row is short.
    pub fn cell(&self, i: usize) -> &str {
        self.index
            .get(i)
            .copied()
            .flatten()
            .and_then(|c| self.record.get(c))
            .map_or("", str::trim)
    }

    /// The cell as an owned string, `None` when blank.
    pub fn text(&self, i: usize) -> Option<String> {
        let c = self.cell(i);
        (!super::values::is_blank(c)).then(|| c.to_string())
    }

    pub fn error(&self, column: &'static str, message: impl std::fmt::Display) -> ReportError {
        ReportError::new(self.file, self.line, Some(column), message.to_string())
    }
}

/// The rows of one report, each parsed by the report's own reader.
pub struct Rows<R: Read, T> {
    table: Table<R>,
    parse: fn(&Record) -> Result<T, ReportError>,
}

impl<R: Read, T> Rows<R, T> {
    pub fn new(table: Table<R>, parse: fn(&Record) -> Result<T, ReportError>) -> Self {
        Rows { table, parse }
    }

    pub fn file(&self) -> &str {
        self.table.file()
    }
}

impl<R: Read, T> Iterator for Rows<R, T> {
    type Item = Result<T, ReportError>;

    fn next(&mut self) -> Option<Self::Item> {
        let parse = self.parse;
        self.table
            .next_record()
            .map(|record| record.and_then(|r| parse(&r)))
    }
}
