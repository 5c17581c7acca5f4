//! A whole roster listed at a state's scale: officers are read a chunk at
//! a time and evaluated on every core; what a listing keeps of each is a
//! line (or only its place in the order), never every officer with all
//! their completions. A listing that prints more than a line per officer
//! ranks them first, then reads them again in that order.

use rayon::prelude::*;

use crate::roster::Officer;
use crate::store::roster_reader::{RosterReader, CHUNK};
use crate::store::StoreError;

/// What `f` keeps of each officer, in the store's order.
pub fn summaries<T, F>(reader: &RosterReader, f: F) -> Result<Vec<T>, StoreError>
where
    T: Send,
    F: Fn(&Officer) -> Option<T> + Sync,
{
    let mut out = Vec::new();
    for chunk in reader.chunks() {
        let chunk = chunk?;
        out.extend(chunk.par_iter().filter_map(&f).collect::<Vec<T>>());
    }
    Ok(out)
}

/// The officers of `ids` in that order (from the store, else from
/// `extra`: officers no report names), each through `f` on every core,
/// then to `sink` one at a time, in order.
pub fn in_order<T, F, E>(
    reader: &RosterReader,
    ids: &[&str],
    extra: &[Officer],
    f: F,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    F: Fn(&Officer) -> T + Sync,
    E: From<StoreError>,
{
    for part in ids.chunks(CHUNK) {
        let stored = reader.officers(part)?;
        let mut next = stored.iter().peekable();
        let officers: Vec<&Officer> = part
            .iter()
            .filter_map(|id| match next.peek() {
                Some(o) if o.id.0 == *id => next.next(),
                _ => extra.iter().find(|o| o.id.0 == *id),
            })
            .collect();
        let done: Vec<T> = officers.par_iter().map(|o| f(o)).collect();
        for t in done {
            sink(t)?;
        }
    }
    Ok(())
}
