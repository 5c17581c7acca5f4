//! Target 1: every keystroke's filter and top-100 ranking over 100,000
//! titles, typed one key at a time, within 8 ms at the 99th percentile.
//!
//! Criterion reports means and medians; the target is a percentile, so this
//! bench times every keystroke itself and prints p50, p90, p99 and max, per
//! keystroke position and over all of them. Each query is typed as the
//! dashboard sees it, through `Typing`: the first key scans everything, each
//! later key narrows from the survivors of the key before and what is known
//! of their scores.
//!
//! `cargo bench --bench keystroke` (about 20 s); `-- --rounds N` for more.

use std::hint::black_box;
use std::time::{Duration, Instant};

use karmadash::search::{scorer_calls, SearchIndex, Typing};

#[path = "tools/synthetic.rs"]
mod synthetic;

const LARGE: usize = 100_000;
const SEED: u64 = 2024;
const LIMIT: usize = 100;
/// Twelve characters each: a word and a half, a typo, Devanagari.
const TYPED: &[&str] = &[
    "public finan",
    "data analyti",
    "leadrship sk",
    "cyber securi",
    "mgmt disastr",
    "e office pro",
    "सुशासन / Goo",
];

fn prefixes(typed: &str) -> Vec<&str> {
    typed
        .char_indices()
        .map(|(i, c)| &typed[..i + c.len_utf8()])
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

fn summary(label: &str, times: &mut [Duration]) {
    if times.is_empty() {
        return;
    }
    times.sort_unstable();
    println!(
        "{label:<22} n={:<5} p50 {:>6} ms  p90 {:>6} ms  p99 {:>6} ms  max {:>6} ms",
        times.len(),
        ms(percentile(times, 50.0)),
        ms(percentile(times, 90.0)),
        ms(percentile(times, 99.0)),
        ms(*times.last().expect("timed at least once")),
    );
}

fn main() {
    let mut rounds = 40;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--rounds" {
            rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds);
        }
    }
    let titles = synthetic::titles(LARGE, SEED);
    let started = Instant::now();
    let index = SearchIndex::from_titles(titles.iter().enumerate().map(|(i, t)| (i, t.as_str())));
    println!(
        "index of {} titles built in {} ms; {} threads; {rounds} rounds of {} queries",
        index.len(),
        ms(started.elapsed()),
        rayon::current_num_threads(),
        TYPED.len()
    );
    let keep = |_: usize| true;

    let mut by_position: Vec<Vec<Duration>> = vec![Vec::new(); 12];
    let mut every: Vec<Duration> = Vec::new();
    // Per prefix: time, titles still matching, scorer calls (the last two
    // do not depend on the machine's load).
    // KEYSTROKE_QUERY="mgmt disastr" times that one query alone (profiling).
    let only = std::env::var("KEYSTROKE_QUERY").ok();
    let typed_queries: Vec<&str> = match &only {
        Some(q) => vec![q.as_str()],
        None => TYPED.to_vec(),
    };
    let mut by_prefix: Vec<Vec<(Duration, usize, u64)>> =
        vec![Vec::new(); typed_queries.len() * 12];
    let mut calls_timed = 0;
    // One untimed round warms caches and the thread pool.
    for round in 0..=rounds {
        for (q, typed) in typed_queries.iter().enumerate() {
            let mut typing = Typing::new();
            for (n, key) in prefixes(typed).into_iter().enumerate() {
                let calls = scorer_calls();
                let t = Instant::now();
                let hits = index.search_typing(&mut typing, black_box(key), LIMIT, &keep);
                let took = t.elapsed();
                let calls = scorer_calls() - calls;
                black_box(hits);
                if round > 0 {
                    by_position[n.min(11)].push(took);
                    every.push(took);
                    by_prefix[q * 12 + n.min(11)].push((took, typing.survivors(), calls));
                    calls_timed += calls;
                }
            }
        }
    }
    if std::env::var_os("KEYSTROKE_DETAIL").is_some() {
        for (q, typed) in typed_queries.iter().enumerate() {
            for (n, key) in prefixes(typed).into_iter().enumerate() {
                let mut times = by_prefix[q * 12 + n.min(11)].clone();
                times.sort_unstable();
                let (p50, kept, calls) = times[times.len() / 2];
                println!(
                    "{key:<14} p50 {:>6} ms  max {:>6} ms  {kept:>6} matching  {calls:>6} scored",
                    ms(p50),
                    ms(times.last().unwrap().0)
                );
            }
        }
    }
    for (n, times) in by_position.iter_mut().enumerate() {
        summary(&format!("keystroke {:>2}", n + 1), times);
    }
    summary("every keystroke", &mut every);
    println!(
        "scorer calls per round of {} keystrokes: {}",
        every.len() / rounds,
        calls_timed / rounds as u64
    );
    let p99 = percentile(&every, 99.0);
    println!(
        "target 1 (p99 <= 8 ms): {} ({} ms)",
        if p99 <= Duration::from_millis(8) {
            "holds"
        } else {
            "does not hold"
        },
        ms(p99)
    );
}
