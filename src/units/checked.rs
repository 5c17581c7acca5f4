//! Bytes read back from a file and checked before use, block by block: a
//! large cache is mapped, not read, so only the blocks a run touches are
//! hashed, and a damaged block is found before any of its bytes count.

use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use xxhash_rust::xxh3::xxh3_64;

/// Bytes a block: small enough that checking one is cheap next to using
/// it, large enough that the table of sums stays small.
pub const BLOCK: usize = 1 << 16;

/// The sum of each `BLOCK` of `bytes` (the last may be shorter), as stored.
pub fn block_sums(bytes: &[u8]) -> impl Iterator<Item = u64> + '_ {
    bytes.chunks(BLOCK).map(xxh3_64)
}

/// How many sums `len` bytes have.
pub fn blocks_in(len: usize) -> usize {
    len.div_ceil(BLOCK)
}

const UNKNOWN: u8 = 0;
const GOOD: u8 = 1;
const BAD: u8 = 2;

/// A section of a mapped file with the stored sum of each block. Any byte
/// handed out is in a block whose sum agrees; asking for one in a block
/// whose sum does not gives nothing and marks the whole section damaged, so
/// the caller can throw away what it found and rebuild.
pub struct Checked<'a> {
    bytes: &'a [u8],
    sums: &'a [u8],
    state: Vec<AtomicU8>,
    damaged: AtomicBool,
}

impl<'a> Checked<'a> {
    /// `sums` holds one little-endian u64 a block; `None` if it does not
    /// have exactly that many.
    pub fn new(bytes: &'a [u8], sums: &'a [u8]) -> Option<Checked<'a>> {
        let blocks = blocks_in(bytes.len());
        (sums.len() == blocks * 8).then(|| Checked {
            bytes,
            sums,
            state: (0..blocks).map(|_| AtomicU8::new(UNKNOWN)).collect(),
            damaged: AtomicBool::new(false),
        })
    }

    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Whether any block asked for so far was damaged.
    pub fn damaged(&self) -> bool {
        self.damaged.load(Ordering::Relaxed)
    }

    /// Every byte, if every block is whole (small sections read whole).
    pub fn all(&self) -> Option<&'a [u8]> {
        self.range(0, self.bytes.len())
    }

    /// `bytes[from..to]`, if in range and every block it touches is whole.
    pub fn range(&self, from: usize, to: usize) -> Option<&'a [u8]> {
        if from > to || to > self.bytes.len() {
            self.damaged.store(true, Ordering::Relaxed);
            return None;
        }
        if from < to && !(from / BLOCK..=(to - 1) / BLOCK).all(|b| self.block_ok(b)) {
            return None;
        }
        Some(&self.bytes[from..to])
    }

    /// `range` as text: damaged too if it is not UTF-8.
    pub fn text(&self, from: usize, to: usize) -> Option<&'a str> {
        let text = std::str::from_utf8(self.range(from, to)?).ok();
        if text.is_none() {
            self.damaged.store(true, Ordering::Relaxed);
        }
        text
    }

    fn block_ok(&self, block: usize) -> bool {
        match self.state[block].load(Ordering::Relaxed) {
            GOOD => true,
            BAD => false,
            _ => {
                // Two threads may both check a block: the same answer.
                let from = block * BLOCK;
                let bytes = &self.bytes[from..(from + BLOCK).min(self.bytes.len())];
                let stored = u64::from_le_bytes(
                    self.sums[block * 8..block * 8 + 8]
                        .try_into()
                        .expect("8 bytes"),
                );
                let ok = xxh3_64(bytes) == stored;
                self.state[block].store(if ok { GOOD } else { BAD }, Ordering::Relaxed);
                if !ok {
                    self.damaged.store(true, Ordering::Relaxed);
                }
                ok
            }
        }
    }
}

/// Little-endian fixed-width numbers read from a checked section.
pub fn u32_at(bytes: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(bytes[i * 4..i * 4 + 4].try_into().expect("4 bytes"))
}

pub fn u64_at(bytes: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(bytes[i * 8..i * 8 + 8].try_into().expect("8 bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sums(bytes: &[u8]) -> Vec<u8> {
        block_sums(bytes).flat_map(u64::to_le_bytes).collect()
    }

    #[test]
    fn whole_blocks_are_handed_out_and_a_damaged_one_never() {
        let bytes: Vec<u8> = (0..BLOCK * 2 + 10).map(|i| (i % 251) as u8).collect();
        let stored = sums(&bytes);
        let mut bad = bytes.clone();
        bad[BLOCK + 5] ^= 1;
        let good = Checked::new(&bytes, &stored).unwrap();
        assert_eq!(good.range(3, BLOCK + 9), Some(&bytes[3..BLOCK + 9]));
        assert!(good.all().is_some() && !good.damaged());
        let damaged = Checked::new(&bad, &stored).unwrap();
        assert_eq!(damaged.range(0, 10), Some(&bad[..10]));
        assert!(!damaged.damaged());
        assert_eq!(damaged.range(BLOCK - 1, BLOCK + 1), None);
        assert!(damaged.damaged());
        assert_eq!(
            damaged.range(BLOCK * 2, BLOCK * 2 + 10),
            Some(&bad[BLOCK * 2..])
        );
    }

    #[test]
    fn out_of_range_or_wrong_sums_are_refused_not_a_panic() {
        let bytes = b"hello".to_vec();
        let stored = sums(&bytes);
        assert!(Checked::new(&bytes, &stored[..4]).is_none());
        let c = Checked::new(&bytes, &stored).unwrap();
        assert_eq!(c.range(2, 9), None);
        assert_eq!(c.range(4, 2), None);
        assert!(c.damaged());
        let not_text = [0xffu8, 0xfe];
        let stored = sums(&not_text);
        let c = Checked::new(&not_text, &stored).unwrap();
        assert_eq!(c.text(0, 2), None);
        assert!(c.damaged());
    }
}
