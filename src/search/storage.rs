//! Where an index's entries and texts live: built in memory (`SearchIndex::
//! new`), or mapped from the compiled catalogue cache, ready, so a warm
//! search neither decodes nor folds a title (`SearchIndex::mapped`). The
//! mapped columns are checked whole when opened, the texts block by block
//! as they are read (`units::checked`).

use std::io;

use rayon::prelude::*;

use crate::catalogue::cache::{Extra, Text};
use crate::catalogue::cache_file::SectionWriter;
use crate::catalogue::cache_mapped::Mapped;
use crate::units::checked::{u32_at, u64_at, Checked};

use super::{Entry, SearchIndex};

/// The layout of the index sections; bump it whenever they change.
const TAG: &[u8; 8] = b"kdidx\x00\x00\x02";
/// Bytes an entry takes in the columns: course, where its printed text
/// starts in the course records and its length, end of its folded text
/// (u32 each), flags (u8), mask and heads (u64).
const ROW: usize = 4 + 4 + 4 + 4 + 1 + 8 + 8;
const SAME_LEN: u8 = 1;
const ASCII: u8 = 2;

/// The entries, each a row of columns.
pub(super) enum Entries<'a> {
    Own(Vec<Entry>),
    Mapped(Columns<'a>),
}

/// The mapped columns, one slice each, `n` entries long.
pub(super) struct Columns<'a> {
    n: usize,
    course: &'a [u8],
    text_at: &'a [u8],
    text_len: &'a [u8],
    folded_end: &'a [u8],
    flags: &'a [u8],
    mask: &'a [u8],
    heads: &'a [u8],
}

impl Entries<'_> {
    pub(super) fn len(&self) -> usize {
        match self {
            Entries::Own(v) => v.len(),
            Entries::Mapped(c) => c.n,
        }
    }

    /// The entry's char mask: the first thing a search reads of each.
    #[inline]
    pub(super) fn mask(&self, i: u32) -> u64 {
        match self {
            Entries::Own(v) => v[i as usize].mask,
            Entries::Mapped(c) => u64_at(c.mask, i as usize),
        }
    }

    #[inline]
    pub(super) fn get(&self, i: u32) -> Entry {
        match self {
            Entries::Own(v) => v[i as usize],
            Entries::Mapped(c) => {
                let i = i as usize;
                let start = |col: &[u8]| if i == 0 { 0 } else { u32_at(col, i - 1) };
                let folded_at = start(c.folded_end);
                let flags = c.flags[i];
                Entry {
                    course: u32_at(c.course, i),
                    text_at: u32_at(c.text_at, i),
                    text_len: u32_at(c.text_len, i),
                    folded: (folded_at, u32_at(c.folded_end, i)),
                    same_len: flags & SAME_LEN != 0,
                    ascii: flags & ASCII != 0,
                    mask: u64_at(c.mask, i),
                    heads: u64_at(c.heads, i),
                }
            }
        }
    }
}

/// Text of the index read from the mapped file: `""` for a range that is
/// out of bounds, not text, or in a damaged block (the index is then
/// `damaged`, and its answer is thrown away).
pub(super) fn mapped_text<'a>(text: &Checked<'a>, from: u32, to: u32) -> &'a str {
    text.text(from as usize, to as usize).unwrap_or("")
}

impl<'a> SearchIndex<'a> {
    /// The ready index a warm cache holds, if it holds one that is whole
    /// (columns checked now, texts as they are read) and of its courses.
    pub fn mapped(cache: &'a Mapped) -> Option<SearchIndex<'a>> {
        if cache.extras() != 2 {
            return None;
        }
        let columns = cache.extra(1)?.all()?;
        let (tag, rows) = columns.split_at_checked(TAG.len())?;
        if tag != TAG || rows.len() % ROW != 0 {
            return None;
        }
        let n = rows.len() / ROW;
        let (course, rest) = rows.split_at(4 * n);
        let (text_at, rest) = rest.split_at(4 * n);
        let (text_len, rest) = rest.split_at(4 * n);
        let (folded_end, rest) = rest.split_at(4 * n);
        let (flags, rest) = rest.split_at(n);
        let (mask, heads) = rest.split_at(8 * n);
        // The printed texts are read in place in the course records.
        let (printed, folded) = (cache.records()?, cache.extra(0)?);
        let ordered = |col: &[u8], len: usize| {
            (0..n).try_fold(0, |last, i| {
                let end = u32_at(col, i);
                (end >= last).then_some(end)
            }) == u32::try_from(len).ok()
        };
        let courses = cache.course_count();
        if !(0..n).all(|i| (u32_at(course, i) as usize) < courses)
            || !(0..n).all(|i| {
                u64::from(u32_at(text_at, i)) + u64::from(u32_at(text_len, i))
                    <= printed.len() as u64
            })
            || !ordered(folded_end, folded.len())
        {
            return None;
        }
        Some(SearchIndex {
            entries: Entries::Mapped(Columns {
                n,
                course,
                text_at,
                text_len,
                folded_end,
                flags,
                mask,
                heads,
            }),
            printed: super::Printed::Mapped(printed),
            folded: super::Folded::Mapped(folded),
        })
    }

    /// Whether a text the search read was damaged: its answer is not to be
    /// trusted (rebuild the cache and search again).
    pub fn damaged(&self) -> bool {
        let printed = matches!(&self.printed, super::Printed::Mapped(t) if t.damaged());
        let folded = matches!(&self.folded, super::Folded::Mapped(t) if t.damaged());
        printed || folded
    }
}

/// The columns of the entries, as they are written.
#[derive(Default)]
struct ColumnsOut {
    course: Vec<u8>,
    text_at: Vec<u8>,
    text_len: Vec<u8>,
    folded_end: Vec<u8>,
    flags: Vec<u8>,
    mask: Vec<u8>,
    heads: Vec<u8>,
}

impl ColumnsOut {
    fn with_capacity(n: usize) -> ColumnsOut {
        ColumnsOut {
            course: Vec::with_capacity(4 * n),
            text_at: Vec::with_capacity(4 * n),
            text_len: Vec::with_capacity(4 * n),
            folded_end: Vec::with_capacity(4 * n),
            flags: Vec::with_capacity(n),
            mask: Vec::with_capacity(8 * n),
            heads: Vec::with_capacity(8 * n),
        }
    }

    fn columns(&mut self) -> [&mut Vec<u8>; 7] {
        [
            &mut self.course,
            &mut self.text_at,
            &mut self.text_len,
            &mut self.folded_end,
            &mut self.flags,
            &mut self.mask,
            &mut self.heads,
        ]
    }
}

/// Texts folded a chunk at a time, on every core.
const FOLD_CHUNK: usize = 8_192;

/// One chunk of texts folded: the folded bytes and their columns, each
/// folded text's end counted from the chunk's start.
fn fold_chunk(texts: &[Text<'_>]) -> (String, ColumnsOut) {
    let bytes: usize = texts.iter().map(|t| t.text.len()).sum();
    let (mut folded, mut cols) = (
        String::with_capacity(bytes),
        ColumnsOut::with_capacity(texts.len()),
    );
    for t in texts {
        let e = super::fold::fold_into(&mut folded, t.text);
        cols.course.extend_from_slice(&t.course.to_le_bytes());
        cols.text_at.extend_from_slice(&t.at.to_le_bytes());
        cols.text_len.extend_from_slice(&e.text_len.to_le_bytes());
        // Within the chunk; the writer adds where the chunk starts.
        cols.folded_end.extend_from_slice(&e.folded.1.to_le_bytes());
        cols.flags
            .push((u8::from(e.same_len) * SAME_LEN) | (u8::from(e.ascii) * ASCII));
        cols.mask.extend_from_slice(&e.mask.to_le_bytes());
        cols.heads.extend_from_slice(&e.heads.to_le_bytes());
    }
    (folded, cols)
}

/// Writes the index of `texts` as the sections `mapped` reads back: the
/// folded texts, then the columns (the printed texts are the course
/// records' own). Each title is folded once, a chunk on each core, and
/// written in order; the columns (33 bytes a title) are kept to the end.
fn write_index(texts: &[Text<'_>], out: &mut SectionWriter) -> io::Result<()> {
    let too_large = || io::Error::other("over 4 GB of titles");
    let chunks: Vec<(String, ColumnsOut)> = texts.par_chunks(FOLD_CHUNK).map(fold_chunk).collect();
    out.begin()?;
    let mut cols = ColumnsOut::with_capacity(texts.len());
    let mut end = 0u32;
    for (folded, mut chunk) in chunks {
        out.write(folded.as_bytes())?;
        for local in chunk.folded_end.chunks_exact(4) {
            let local = u32::from_le_bytes(local.try_into().expect("4 bytes"));
            let at = end.checked_add(local).ok_or_else(too_large)?;
            cols.folded_end.extend_from_slice(&at.to_le_bytes());
        }
        end = u32::try_from(folded.len())
            .ok()
            .and_then(|n| end.checked_add(n))
            .ok_or_else(too_large)?;
        chunk.folded_end.clear();
        for (all, part) in cols.columns().into_iter().zip(chunk.columns()) {
            all.append(part);
        }
    }
    out.begin()?;
    out.write(TAG)?;
    for col in cols.columns() {
        out.write(col)?;
    }
    Ok(())
}

/// The search index, kept in the catalogue cache beside the courses.
pub struct IndexSections;

impl Extra for IndexSections {
    fn write(&self, texts: &[Text<'_>], out: &mut SectionWriter) -> io::Result<()> {
        write_index(texts, out)
    }
}
