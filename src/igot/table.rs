//! A tolerant reader of one portal CSV: columns matched by name with known
//! aliases (never by position), a UTF-8 BOM, CRLF, quoted fields and `;`
//! from an Excel re-save accepted, Excel's Windows-1252 "CSV" decoded, the
//! day/month order of the file's dates decided from the dates that prove
//! it, every record with its line, and no line long enough to exhaust
//! memory.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};

use chrono::NaiveDateTime;

use super::values::{self, CellError, DateOrder, OrderHint};
use super::{Cause, ReportError, ReportProblem};

/// A column a report reader wants: its name in the current generation and
/// the names older generations or people's renames give it.
#[derive(Debug)]
pub struct Column {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
    /// Holds dates: its cells decide the file's day/month order.
    pub date: bool,
}

pub const fn col(name: &'static str, aliases: &'static [&'static str], required: bool) -> Column {
    Column {
        name,
        aliases,
        required,
        date: false,
    }
}

/// An optional column of dates.
pub const fn date_col(name: &'static str, aliases: &'static [&'static str]) -> Column {
    Column {
        name,
        aliases,
        required: false,
        date: true,
    }
}

/// How a file was read, for the summary a person sees.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// The file is not UTF-8, and was read as Windows-1252, as Excel's
    /// "CSV (Comma delimited)" writes it.
    pub windows_1252: bool,
    /// The order of the file's slashed dates, and the first cell that
    /// proved it; None when no date needed one.
    pub date_order: Option<OrderProof>,
}

/// A cell that can be read in one day/month order only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderProof {
    pub order: DateOrder,
    pub line: u64,
    pub column: &'static str,
    pub cell: String,
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

/// Rows held while no date has proved the file's order: far more than
/// any report has before its first day over 12.
const MAX_HELD_ROWS: usize = 100_000;

/// Fails a read once a line runs past `MAX_LINE_BYTES`, and keeps the
/// line it was on (csv knows no position for an I/O error).
struct LineCap<R> {
    inner: R,
    since_newline: usize,
    /// The physical line being read, from 1.
    line: u64,
    overlong: Option<u64>,
}

impl<R: Read> Read for LineCap<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            if b == b'\n' {
                self.since_newline = 0;
                self.line += 1;
            } else {
                self.since_newline += 1;
                if self.since_newline > MAX_LINE_BYTES {
                    self.overlong = Some(self.line);
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
    /// The file's date columns, by index, with the wanted column's name.
    dates: Vec<(usize, &'static str)>,
    raw: csv::ByteRecord,
    record: csv::StringRecord,
    reading: Reading,
    /// Set after an error that ends the file.
    ended: bool,
}

/// The cells of a record as text: UTF-8 where it is, else (and for the
/// rest of the file, once one row was not) Windows-1252, as Excel saves
/// "CSV". True when Windows-1252 was used.
fn decode(raw: &csv::ByteRecord, out: &mut csv::StringRecord, windows_1252: bool) -> bool {
    out.clear();
    let utf8 = !windows_1252 && raw.iter().all(|f| std::str::from_utf8(f).is_ok());
    for field in raw {
        if utf8 {
            out.push_field(std::str::from_utf8(field).unwrap_or_default());
        } else {
            out.push_field(
                &encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(field)
                    .0,
            );
        }
    }
    out.set_position(raw.position().cloned());
    !utf8
}

/// Where each wanted column is in the header (folded names), or why the
/// header will not do.
fn find_columns(
    file: &str,
    header: &csv::StringRecord,
    columns: &[Column],
) -> Result<Vec<Option<usize>>, ReportError> {
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
                        ReportProblem::ColumnTwice { column: c.name },
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
                ReportProblem::NoColumn {
                    column: c.name,
                    starts: header.iter().take(6).collect::<Vec<_>>().join(", "),
                },
            ));
        }
        index.push(found);
    }
    Ok(index)
}

impl<R: Read> Table<R> {
    /// Reads the header and finds `columns` in it.
    pub fn open(file: &str, input: R, columns: &[Column]) -> Result<Self, ReportError> {
        let mut buffered = BufReader::with_capacity(64 * 1024, input);
        let delimiter = sniff_delimiter(&mut buffered).map_err(|e| {
            ReportError::whole_file(file, 1, None, ReportProblem::Unreadable(Cause::new(e)))
        })?;
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
                line: 1,
                overlong: None,
            });
        let raw = match reader.byte_headers() {
            Ok(h) => h.clone(),
            Err(e) => return Err(ended_by(file, e, reader.get_ref())),
        };
        let mut header = csv::StringRecord::new();
        let windows_1252 = decode(&raw, &mut header, false);
        let index = find_columns(file, &header, columns)?;
        let dates = columns
            .iter()
            .zip(&index)
            .filter_map(|(c, i)| i.filter(|_| c.date).map(|i| (i, c.name)))
            .collect();
        Ok(Table {
            file: file.to_string(),
            reader,
            index,
            dates,
            raw,
            record: csv::StringRecord::new(),
            reading: Reading {
                windows_1252,
                date_order: None,
            },
            ended: false,
        })
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn reading(&self) -> &Reading {
        &self.reading
    }

    /// Reads the next record into `self.record`: `None` at the end,
    /// `Some(Ok(true))` when it has a date that only the file's order,
    /// not yet known, can read. A record the CSV layer cannot read is an
    /// error with its line, and reading goes on; an error that ends the
    /// file is `whole_file`.
    fn advance(&mut self) -> Option<Result<bool, ReportError>> {
        if self.ended {
            return None;
        }
        match self.reader.read_byte_record(&mut self.raw) {
            Ok(false) => None,
            Ok(true) => {
                let latin = decode(&self.raw, &mut self.record, self.reading.windows_1252);
                self.reading.windows_1252 |= latin;
                let surveyed = self.survey_dates();
                self.ended = surveyed.is_err();
                Some(surveyed)
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    self.ended = true;
                    return Some(Err(ended_by(&self.file, e, self.reader.get_ref())));
                }
                Some(Err(ReportError::new(
                    &self.file,
                    line,
                    None,
                    ReportProblem::Csv(Cause::new(e)),
                )))
            }
        }
    }

    /// Notes the day/month order the record's dates prove; a file whose
    /// dates prove both is refused whole. True when the record needs an
    /// order that no date has proved yet.
    fn survey_dates(&mut self) -> Result<bool, ReportError> {
        let line = self.record.position().map_or(0, |p| p.line());
        let mut ambiguous = false;
        for &(i, column) in &self.dates {
            let Some(cell) = self.record.get(i) else {
                continue;
            };
            match values::order_hint(cell) {
                OrderHint::Neither => {}
                OrderHint::Ambiguous => ambiguous = true,
                OrderHint::Proves(order) => match &self.reading.date_order {
                    None => {
                        self.reading.date_order = Some(OrderProof {
                            order,
                            line,
                            column,
                            cell: cell.trim().to_string(),
                        })
                    }
                    Some(p) if p.order == order => {}
                    Some(p) => return Err(mixed_orders(&self.file, p, line, column, cell.trim())),
                },
            }
        }
        Ok(ambiguous && self.reading.date_order.is_none())
    }

    /// A record of this file, read in the file's date order.
    fn view<'a>(&'a self, record: &'a csv::StringRecord) -> Record<'a> {
        Record {
            file: &self.file,
            line: record.position().map_or(0, |p| p.line()),
            index: &self.index,
            record,
            order: self.reading.date_order.as_ref().map(|p| p.order),
        }
    }
}

/// The error that ends a file: an overlong line (at its true line) or a
/// failed read.
fn ended_by<R>(file: &str, e: csv::Error, cap: &LineCap<R>) -> ReportError {
    if let Some(line) = cap.overlong {
        return ReportError::whole_file(
            file,
            line,
            None,
            ReportProblem::Overlong {
                mib: MAX_LINE_BYTES >> 20,
            },
        );
    }
    let line = e.position().map_or(cap.line, |p| p.line());
    // csv words a failed read as the OS's error itself.
    let why = if matches!(e.kind(), csv::ErrorKind::Io(_)) {
        ReportProblem::EndedUnread(Cause::new(e))
    } else {
        ReportProblem::Ended(Cause::new(e))
    };
    ReportError::whole_file(file, line, None, why)
}

fn mixed_orders(
    file: &str,
    first: &OrderProof,
    line: u64,
    column: &'static str,
    cell: &str,
) -> ReportError {
    ReportError::whole_file(
        file,
        line,
        Some(column),
        ReportProblem::MixedOrders {
            cell: cell.to_string(),
            first: first.clone(),
        },
    )
}

/// One record, read by the position of the wanted columns.
pub struct Record<'a> {
    file: &'a str,
    pub line: u64,
    index: &'a [Option<usize>],
    record: &'a csv::StringRecord,
    order: Option<DateOrder>,
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

    /// The cell as a date and time (IST), in the file's day/month order.
    pub fn timestamp(&self, i: usize) -> Result<Option<NaiveDateTime>, CellError> {
        values::parse_timestamp(self.cell(i), self.order)
    }

    pub fn error(&self, column: &'static str, problem: impl Into<ReportProblem>) -> ReportError {
        ReportError::new(self.file, self.line, Some(column), problem)
    }
}

/// The rows of one report, each parsed by the report's own reader. A row
/// whose dates need the file's day/month order waits until a later row
/// proves it; rows still waiting at the end are refused as ambiguous.
pub struct Rows<R: Read, T> {
    table: Table<R>,
    parse: fn(&Record) -> Result<T, ReportError>,
    held: VecDeque<Result<csv::StringRecord, ReportError>>,
    ready: VecDeque<Result<T, ReportError>>,
    done: bool,
}

impl<R: Read, T> Rows<R, T> {
    pub fn new(table: Table<R>, parse: fn(&Record) -> Result<T, ReportError>) -> Self {
        Rows {
            table,
            parse,
            held: VecDeque::new(),
            ready: VecDeque::new(),
            done: false,
        }
    }

    pub fn file(&self) -> &str {
        self.table.file()
    }

    /// How the file was read (so far; complete once the rows are).
    pub fn reading(&self) -> &Reading {
        self.table.reading()
    }

    /// The held rows, parsed in the order now known (or refused).
    fn release(&mut self) {
        let (parse, table) = (self.parse, &self.table);
        for held in self.held.drain(..) {
            self.ready
                .push_back(held.and_then(|record| parse(&table.view(&record))));
        }
    }

    fn hold(&mut self, row: Result<csv::StringRecord, ReportError>) -> Option<ReportError> {
        if self.held.len() >= MAX_HELD_ROWS {
            let line = self.table.record.position().map_or(0, |p| p.line());
            return Some(ReportError::whole_file(
                &self.table.file,
                line,
                None,
                ReportProblem::TooManyUnproven {
                    rows: MAX_HELD_ROWS,
                },
            ));
        }
        self.held.push_back(row);
        None
    }
}

impl<R: Read, T> Iterator for Rows<R, T> {
    type Item = Result<T, ReportError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(row) = self.ready.pop_front() {
                return Some(row);
            }
            if self.done {
                return None;
            }
            let refused = match self.table.advance() {
                None => {
                    self.done = true;
                    self.release();
                    None
                }
                Some(Err(e)) if e.whole_file => Some(e),
                Some(Err(e)) if self.held.is_empty() => return Some(Err(e)),
                Some(Err(e)) => self.hold(Err(e)),
                Some(Ok(true)) => self.hold(Ok(self.table.record.clone())),
                Some(Ok(false)) => {
                    if self.table.reading.date_order.is_some() {
                        self.release();
                    }
                    let row = (self.parse)(&self.table.view(&self.table.record));
                    self.ready.push_back(row);
                    None
                }
            };
            if let Some(e) = refused {
                // Nothing of a refused file is given, not even its held rows.
                self.done = true;
                self.held.clear();
                self.ready.clear();
                return Some(Err(e));
            }
        }
    }
}
