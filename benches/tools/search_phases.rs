//! Where the time of `karmadash --data DIR search QUERY` goes, phase by
//! phase, through the same library calls as the command:
//!
//! ```text
//! cargo run --release --example search_phases -- DIR QUERY...
//! ```
//!
//! Cold: the CSVs parsed and the cache (with the index) written. Warm: the
//! cache opened (the CSVs fingerprinted), the index mapped, the search, and
//! the hits' courses decoded.

use std::time::Instant;

use karmadash::catalogue::cache_mapped::{Mapped, Opened};
use karmadash::catalogue::sources;
use karmadash::search::{IndexSections, SearchIndex};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: search_phases DIR QUERY...");
    let query: Vec<String> = args.collect();
    let query = query.join(" ");
    let dir = std::path::Path::new(&dir);
    let cache = tempfile::tempdir().expect("a temporary directory");
    let t = Instant::now();
    let catalogue =
        sources::load_with_dir_cached_and(Some(dir), Some(cache.path()), Some(&IndexSections))
            .expect("loads");
    let cold = t.elapsed();
    let t = Instant::now();
    let Some(Opened::Warm(mapped)) = Mapped::open(dir, cache.path()).expect("opens") else {
        panic!("the cache just written is not warm");
    };
    let open = t.elapsed();
    let t = Instant::now();
    let index = SearchIndex::mapped(&mapped).expect("the cache holds the index");
    let map = t.elapsed();
    let t = Instant::now();
    let hits = index.search(&query, 50, &|_| true);
    let search = t.elapsed();
    let t = Instant::now();
    let ids: Vec<usize> = hits.iter().map(|h| h.course).collect();
    let courses = mapped.courses(&ids).expect("whole records");
    let decode = t.elapsed();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    println!(
        "{} courses, {} titles indexed, {} hits for {query:?}\ncold (parse, write) {:.1} ms; warm: open {:.1} ms, map {:.1} ms, search {:.1} ms, decode {} hits {:.1} ms",
        catalogue.courses.len(),
        index.len(),
        hits.len(),
        ms(cold),
        ms(open),
        ms(map),
        ms(search),
        courses.len(),
        ms(decode)
    );
}
