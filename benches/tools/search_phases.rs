//! Where the time of `karmadash --data DIR search QUERY` goes, phase by
//! phase, through the same library calls as the command:
//!
//! ```text
//! cargo run --release --example search_phases -- DIR QUERY...
//! ```

use std::time::Instant;

use karmadash::catalogue::sources;
use karmadash::search::SearchIndex;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: search_phases DIR QUERY...");
    let query: Vec<String> = args.collect();
    let query = query.join(" ");
    let dir = std::path::Path::new(&dir);
    let t = Instant::now();
    sources::load_with_dir(Some(dir)).expect("loads");
    let plain = t.elapsed();
    let cache = tempfile::tempdir().expect("a temporary directory");
    let t = Instant::now();
    sources::load_with_dir_cached(Some(dir), Some(cache.path())).expect("loads");
    let cold = t.elapsed();
    let t = Instant::now();
    let catalogue = sources::load_with_dir_cached(Some(dir), Some(cache.path())).expect("loads");
    let load = t.elapsed();
    let t = Instant::now();
    let index = SearchIndex::new(&catalogue);
    let build = t.elapsed();
    let t = Instant::now();
    let hits = index.search(&query, 50, &|_| true);
    let search = t.elapsed();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    println!(
        "{} courses, {} titles indexed, {} hits for {query:?}\nload {:.1} ms (no cache {:.1} ms, cold cache {:.1} ms), index {:.1} ms, search {:.1} ms",
        catalogue.courses.len(),
        index.len(),
        hits.len(),
        ms(load),
        ms(plain),
        ms(cold),
        ms(build),
        ms(search)
    );
}
