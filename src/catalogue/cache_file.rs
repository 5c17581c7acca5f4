//! The compiled cache's file: a header, a table of sections, and each
//! section's bytes followed by the sum of each of its blocks. Written as a
//! stream (the header last) and mapped to be read, so a run reads only the
//! sections, and the blocks of them, it needs.
//!
//! ```text
//! magic (8) | fingerprint (16) | sum of the table (8) | sections (4) | 0 (4)
//! table: MAX_SECTIONS x (offset, length, offset of its block sums), u64 LE
//! section bytes, then its block sums (u64 LE a block), for each section
//! ```

use std::fs::File;
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::Path;

use xxhash_rust::xxh3::{xxh3_64, Xxh3};

use crate::units::checked::{blocks_in, Checked, BLOCK};

/// At most this many sections (the table's room).
pub const MAX_SECTIONS: usize = 16;
const TABLE_AT: usize = 8 + 16 + 8;
/// Where the first section starts.
const HEADER_LEN: usize = TABLE_AT + 8 + MAX_SECTIONS * 24;

/// Writes sections one after another, summing each block as it passes.
pub struct SectionWriter {
    out: BufWriter<File>,
    pos: u64,
    table: Vec<[u64; 3]>,
    open: Option<Open>,
}

/// The section being written.
struct Open {
    start: u64,
    block: Xxh3,
    in_block: usize,
    sums: Vec<u64>,
}

impl SectionWriter {
    pub(super) fn new(file: File) -> std::io::Result<SectionWriter> {
        let mut out = BufWriter::with_capacity(1 << 16, file);
        out.write_all(&[0; HEADER_LEN])?;
        Ok(SectionWriter {
            out,
            pos: HEADER_LEN as u64,
            table: Vec::new(),
            open: None,
        })
    }

    /// Starts the next section (ending the one before, if open).
    pub fn begin(&mut self) -> std::io::Result<()> {
        self.end()?;
        if self.table.len() == MAX_SECTIONS {
            return Err(std::io::Error::other("too many sections"));
        }
        self.open = Some(Open {
            start: self.pos,
            block: Xxh3::new(),
            in_block: 0,
            sums: Vec::new(),
        });
        Ok(())
    }

    /// Appends to the open section.
    pub fn write(&mut self, mut bytes: &[u8]) -> std::io::Result<()> {
        let open = self
            .open
            .as_mut()
            .ok_or_else(|| std::io::Error::other("no section open"))?;
        self.out.write_all(bytes)?;
        self.pos += bytes.len() as u64;
        while !bytes.is_empty() {
            let n = (BLOCK - open.in_block).min(bytes.len());
            open.block.update(&bytes[..n]);
            open.in_block += n;
            bytes = &bytes[n..];
            if open.in_block == BLOCK {
                open.sums.push(open.block.digest());
                open.block.reset();
                open.in_block = 0;
            }
        }
        Ok(())
    }

    fn end(&mut self) -> std::io::Result<()> {
        let Some(mut open) = self.open.take() else {
            return Ok(());
        };
        if open.in_block > 0 {
            open.sums.push(open.block.digest());
        }
        let len = self.pos - open.start;
        let sums_at = self.pos;
        for sum in &open.sums {
            self.out.write_all(&sum.to_le_bytes())?;
        }
        self.pos += 8 * open.sums.len() as u64;
        self.table.push([open.start, len, sums_at]);
        Ok(())
    }

    /// Ends the last section and writes the header, which makes the file
    /// one a reader takes.
    pub(super) fn finish(mut self, magic: &[u8; 8], fingerprint: u128) -> std::io::Result<()> {
        self.end()?;
        let mut table = Vec::with_capacity(HEADER_LEN - TABLE_AT);
        table.extend_from_slice(&(self.table.len() as u32).to_le_bytes());
        table.extend_from_slice(&[0; 4]);
        for row in &self.table {
            row.iter()
                .for_each(|n| table.extend_from_slice(&n.to_le_bytes()));
        }
        table.resize(HEADER_LEN - TABLE_AT, 0);
        let mut file = self.out.into_inner().map_err(|e| e.into_error())?;
        file.seek(SeekFrom::Start(0))?;
        file.write_all(magic)?;
        file.write_all(&fingerprint.to_le_bytes())?;
        file.write_all(&xxh3_64(&table).to_le_bytes())?;
        file.write_all(&table)
    }
}

/// A cache file mapped into memory, its header checked: the right magic
/// and fingerprint, a table whose sum agrees and whose every section lies
/// inside the file. Section bytes are checked by `Checked` as they are used.
pub struct MappedFile {
    map: memmap2::Mmap,
    sections: Vec<(usize, usize, usize)>,
}

impl MappedFile {
    pub(super) fn open(path: &Path, magic: &[u8; 8], fingerprint: u128) -> Option<MappedFile> {
        let file = File::open(path).ok()?;
        // SAFETY: a cache file is never written in place: a new one is
        // written beside it and renamed over it, so the file mapped here
        // keeps its bytes while it is mapped. Another program truncating
        // it meanwhile is the one risk of any mapped file (SIGBUS), taken
        // for not reading 100 MB at every start.
        let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
        let sections = Self::sections(&map, magic, fingerprint)?;
        Some(MappedFile { map, sections })
    }

    fn sections(
        map: &[u8],
        magic: &[u8; 8],
        fingerprint: u128,
    ) -> Option<Vec<(usize, usize, usize)>> {
        let header = map.get(..HEADER_LEN)?;
        let stored = u128::from_le_bytes(header[8..24].try_into().ok()?);
        let sum = u64::from_le_bytes(header[24..32].try_into().ok()?);
        let table = &header[TABLE_AT..];
        if &header[..8] != magic || stored != fingerprint || xxh3_64(table) != sum {
            return None;
        }
        let count = u32::from_le_bytes(table[..4].try_into().ok()?) as usize;
        if count > MAX_SECTIONS {
            return None;
        }
        (0..count)
            .map(|i| {
                let row = &table[8 + i * 24..8 + i * 24 + 24];
                let n = |k: usize| -> Option<usize> {
                    usize::try_from(u64::from_le_bytes(row[k * 8..k * 8 + 8].try_into().ok()?)).ok()
                };
                let (start, len, sums_at) = (n(0)?, n(1)?, n(2)?);
                let sums_end = sums_at.checked_add(blocks_in(len).checked_mul(8)?)?;
                (start.checked_add(len)? <= map.len() && sums_end <= map.len())
                    .then_some((start, len, sums_at))
            })
            .collect()
    }

    /// Unmaps the pages of section `i` before byte `upto`, read and done
    /// with: the memory they took is handed back (the file stays in the
    /// page cache; a later read maps it again).
    pub fn forget_pages(&self, i: usize, upto: usize) {
        let Some(&(start, len, _)) = self.sections.get(i) else {
            return;
        };
        let page = 4096;
        // Whole pages only, all inside the section.
        let from = start.div_ceil(page) * page;
        let to = (start + upto.min(len)) / page * page;
        if from < to {
            // SAFETY: the map is read-only and never written, so dropping
            // its pages loses nothing: a read maps them again from the file.
            let _ = unsafe {
                self.map
                    .unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, from, to - from)
            };
        }
    }

    /// How many sections the file has.
    pub fn count(&self) -> usize {
        self.sections.len()
    }

    /// Section `i`, to be read through its block sums.
    pub fn section(&self, i: usize) -> Option<Checked<'_>> {
        let &(start, len, sums_at) = self.sections.get(i)?;
        Checked::new(
            &self.map[start..start + len],
            &self.map[sums_at..sums_at + 8 * blocks_in(len)],
        )
    }
}
