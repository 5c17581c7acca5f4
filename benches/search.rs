//! Search speed: the real catalogue, and 100k synthetic titles typed one key
//! at a time, scanning everything per keystroke or narrowing from the last
//! keystroke's survivors. Run with `cargo bench --bench search`; sample sizes
//! are kept small so the whole run takes a couple of minutes on two cores.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use karmadash::catalogue::Catalogue;
use karmadash::search::{SearchIndex, Typing};

#[path = "tools/synthetic.rs"]
mod synthetic;

const LARGE: usize = 100_000;
const SEED: u64 = 2024;
const LIMIT: usize = 100;
/// Twelve keystrokes, including the space between the words.
const TYPED: &str = "public finan";

fn keep_all(_: usize) -> bool {
    true
}

/// "p", "pu", ..., "public finan".
fn prefixes(typed: &str) -> Vec<&str> {
    typed
        .char_indices()
        .map(|(i, c)| &typed[..i + c.len_utf8()])
        .collect()
}

/// A name criterion keeps readable in paths and reports: "03-pub".
fn key_name(n: usize, prefix: &str) -> String {
    format!("{:02}-{}", n + 1, prefix.replace(' ', "_"))
}

fn large_index() -> SearchIndex<'static> {
    let titles = synthetic::titles(LARGE, SEED);
    SearchIndex::from_titles(titles.iter().enumerate().map(|(i, t)| (i, t.as_str())))
}

fn real_catalogue(c: &mut Criterion) {
    let catalogue = Catalogue::builtin().expect("builtin catalogue loads");
    let index = SearchIndex::new(&catalogue);
    let mut group = c.benchmark_group("real");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50);
    for query in ["yuva", "data driven", "सेवा", "leadership skills"] {
        group.bench_with_input(BenchmarkId::from_parameter(query), query, |b, q| {
            b.iter(|| index.search(black_box(q), LIMIT, &keep_all))
        });
    }
    group.finish();
}

fn keystrokes(c: &mut Criterion) {
    let index = large_index();
    let all: Vec<u32> = (0..index.len() as u32).collect();
    let keys = prefixes(TYPED);

    // What each keystroke narrows from: everything for the first key, then
    // the survivors of the key before.
    let mut previous = Vec::with_capacity(keys.len());
    let mut survivors = all.clone();
    for key in &keys {
        let (_, next) = index.search_within(&survivors, key, LIMIT, &keep_all);
        previous.push(std::mem::replace(&mut survivors, next));
    }

    let mut group = c.benchmark_group("keystroke_100k");
    group
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_millis(1500))
        .sample_size(10);
    for (n, key) in keys.iter().enumerate() {
        let name = key_name(n, key);
        group.bench_function(BenchmarkId::new("full", &name), |b| {
            b.iter(|| index.search(black_box(key), LIMIT, &keep_all))
        });
        group.bench_function(BenchmarkId::new("narrowed", &name), |b| {
            b.iter(|| index.search_within(&previous[n], black_box(key), LIMIT, &keep_all))
        });
    }
    group.finish();

    // The whole word typed, as the dashboard would see it.
    let mut group = c.benchmark_group("typing_100k");
    group
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5))
        .sample_size(10);
    group.bench_function("full", |b| {
        b.iter(|| {
            for key in &keys {
                black_box(index.search(key, LIMIT, &keep_all));
            }
        })
    });
    group.bench_function("narrowed", |b| {
        b.iter(|| {
            let mut survivors = all.clone();
            for key in &keys {
                let (hits, next) = index.search_within(&survivors, key, LIMIT, &keep_all);
                black_box(hits);
                survivors = next;
            }
        })
    });
    // Narrowed with what each keystroke learnt of the scores: the
    // dashboard's way (`benches/keystroke.rs` reports its percentiles).
    group.bench_function("typed", |b| {
        b.iter(|| {
            let mut typing = Typing::new();
            for key in &keys {
                black_box(index.search_typing(&mut typing, key, LIMIT, &keep_all));
            }
        })
    });
    group.finish();
}

fn build(c: &mut Criterion) {
    let titles = synthetic::titles(LARGE, SEED);
    let mut group = c.benchmark_group("build_100k");
    group
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(10);
    group.bench_function("from_titles", |b| {
        b.iter(|| SearchIndex::from_titles(titles.iter().enumerate().map(|(i, t)| (i, t.as_str()))))
    });
    group.bench_function("generate_titles", |b| {
        b.iter(|| synthetic::titles(black_box(LARGE), SEED))
    });
    group.finish();
}

criterion_group!(benches, real_catalogue, keystrokes, build);
criterion_main!(benches);
