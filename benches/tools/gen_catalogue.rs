//! Writes a large synthetic catalogue for benchmarks and load tests: the
//! seeded titles of `karmadash::synthetic`, as a course CSV that
//! `karmadash --data DIR` loads, and optionally as plain lines for fzf.
//!
//! ```text
//! cargo run --release --example gen_catalogue -- --csv DIR/courses.csv [--titles FILE] [--count 100000] [--seed 2024]
//! ```
//!
//! An example rather than a binary: `cargo install` never ships it, and no
//! generated file is committed; `benches/compare.sh` runs it.

use std::io::Write;
use std::path::PathBuf;

fn main() {
    let mut count = 100_000usize;
    let mut seed = 2024u64;
    let mut csv: Option<PathBuf> = None;
    let mut titles: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next().unwrap_or_else(|| {
                eprintln!("gen_catalogue: {arg} needs a value");
                std::process::exit(2)
            })
        };
        match arg.as_str() {
            "--count" => count = value().parse().expect("--count N"),
            "--seed" => seed = value().parse().expect("--seed N"),
            "--csv" => csv = Some(value().into()),
            "--titles" => titles = Some(value().into()),
            _ => {
                eprintln!("usage: gen_catalogue --csv FILE [--titles FILE] [--count N] [--seed N]");
                std::process::exit(2);
            }
        }
    }
    let all = karmadash::synthetic::titles(count, seed);
    if let Some(path) = csv {
        let mut w = csv::Writer::from_path(&path).expect("can write the CSV file");
        w.write_record(["title"]).expect("writes");
        for t in &all {
            w.write_record([t]).expect("writes");
        }
        w.flush().expect("writes");
        eprintln!("{}: {count} courses (seed {seed})", path.display());
    }
    if let Some(path) = titles {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("can write"));
        for t in &all {
            writeln!(f, "{t}").expect("writes");
        }
        f.flush().expect("writes");
        eprintln!("{}: {count} titles, one a line", path.display());
    }
}
