//! Writes a large synthetic catalogue for benchmarks and load tests: the
//! seeded titles of `synthetic.rs` beside it, as a course CSV that
//! `karmadash --data DIR` loads, and optionally as plain lines for fzf.
//!
//! ```text
//! cargo run --release --example gen_catalogue -- --csv DIR/courses.csv [--titles FILE] [--count 100000] [--seed 2024]
//! ```
//!
//! An example rather than a binary: `cargo install` never ships it, and no
//! generated file is committed; `benches/compare.sh` runs it.

use std::io::Write;
use std::path::{Path, PathBuf};

#[path = "synthetic.rs"]
mod synthetic;

fn main() {
    if let Err(e) = run() {
        eprintln!("gen_catalogue: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let usage = "usage: gen_catalogue --csv FILE [--titles FILE] [--count N] [--seed N]";
    let mut count = 100_000usize;
    let mut seed = 2024u64;
    let mut csv: Option<PathBuf> = None;
    let mut titles: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().ok_or(format!("{arg} needs a value; {usage}"))?;
        let number = || format!("{arg} takes a whole number, not '{value}'");
        match arg.as_str() {
            "--count" => count = value.parse().map_err(|_| number())?,
            "--seed" => seed = value.parse().map_err(|_| number())?,
            "--csv" => csv = Some(value.into()),
            "--titles" => titles = Some(value.into()),
            _ => return Err(usage.into()),
        }
    }
    let all = synthetic::titles(count, seed);
    // Counted here, not trusted: a comparison states what it ran on.
    let keys: std::collections::HashSet<String> = all
        .iter()
        .map(|t| karmadash::catalogue::identity::normalise(t))
        .collect();
    eprintln!(
        "{count} titles (seed {seed}), {} distinct by karmadash's course key",
        keys.len()
    );
    if let Some(path) = csv {
        let mut w = csv::Writer::from_writer(create(&path)?);
        let mut rows = std::iter::once("title").chain(all.iter().map(String::as_str));
        rows.try_for_each(|t| w.write_record([t]))
            .and_then(|()| Ok(w.flush()?))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!("{}: {count} courses (seed {seed})", path.display());
    }
    if let Some(path) = titles {
        let mut f = create(&path)?;
        all.iter()
            .try_for_each(|t| writeln!(f, "{t}"))
            .and_then(|()| f.flush())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!("{}: {count} titles, one a line", path.display());
    }
    Ok(())
}

/// A new file at `path`, its directory made first if need be.
fn create(path: &Path) -> Result<std::io::BufWriter<std::fs::File>, String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let file =
        std::fs::File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(std::io::BufWriter::new(file))
}
