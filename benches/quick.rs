//! Target 3, the quick checks:
//!
//! - `karmadash status --short` on a store of five years of completions
//!   (300, FY 2021-22 to 2025-26), process start to exit: under 10 ms
//!   median;
//! - the dashboard's first frame with the 100,000-course catalogue: loading
//!   the catalogue from `--data DIR` (a course CSV, its compiled cache
//!   warm), `App::new` and one `draw` into a 100x30 `TestBackend`, under
//!   50 ms. The terminal set-up of a real start (raw mode, alternate
//!   screen) is not in it.
//!
//! `cargo bench --bench quick`. Criterion prints the mean with its
//! confidence interval (`time: [low mean high]`); the medians the targets
//! are stated in are `median.point_estimate` (ns) in
//! `target/criterion/target3/<bench>/new/estimates.json`.

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use karmadash::catalogue::{sources, Catalogue};
use karmadash::store::Store;
use karmadash::tui::{draw, App, Theme};

#[path = "tools/synthetic.rs"]
mod synthetic;

const BIN: &str = env!("CARGO_BIN_EXE_karmadash");
const TODAY: &str = "2026-11-23";

fn karmadash(db: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_remove("KARMADASH_DATA")
        .env_remove("KARMADASH_DB")
        .env("KARMADASH_TODAY", TODAY)
        .arg("--db")
        .arg(db);
    cmd
}

fn run(cmd: &mut Command) {
    let out = cmd.output().expect("karmadash runs");
    assert!(out.status.success(), "{out:?}");
}

/// An export of 300 completions, 60 a year over five financial years,
/// of catalogue courses and courses outside it; imported once.
fn five_years(db: &Path, catalogue: &Catalogue) {
    let mut completions = Vec::new();
    for n in 0..300u64 {
        let fy = 2021 + (n / 60) as i32;
        let day = NaiveDate::from_ymd_opt(fy, 4, 1).unwrap() + chrono::Days::new((n % 60) * 6);
        let (course, title, in_catalogue) = if n % 3 == 2 {
            let title = format!("Portal Course {n}");
            (
                karmadash::catalogue::identity::normalise(&title),
                title,
                false,
            )
        } else {
            // Each course once: a course is recorded at most once.
            let c = &catalogue.courses[(n - n / 3) as usize % catalogue.courses.len()];
            (c.key().into_owned(), c.title.clone(), true)
        };
        completions.push(serde_json::json!({
            "id": n + 1, "course": course, "title": title, "in_catalogue": in_catalogue,
            "date": day.to_string(), "minutes": 60 + (n % 5) * 30, "certificate": null,
        }));
    }
    let export = serde_json::json!({
        "schema": 1,
        "profile": {"service": "ias", "state": null, "batch": 2015, "tier": null,
                    "name": null, "registered": "2021-04-01"},
        "completions": completions, "assignments": [], "assessments": [],
        "shortlist": [], "ui": {"view": null, "tier": null, "competency": null, "status": null},
        "next_id": 301,
    });
    let file = db.with_extension("json");
    std::fs::write(&file, export.to_string()).unwrap();
    run(karmadash(db).arg("import").arg(&file));
}

fn status_short(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    five_years(&db, &Catalogue::builtin().unwrap());
    let mut group = c.benchmark_group("target3");
    group
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(4))
        .sample_size(100);
    group.bench_function("status_short_300_completions_process", |b| {
        b.iter(|| run(karmadash(&db).args(["status", "--short"])))
    });
    group.finish();
}

fn first_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let mut w = csv::Writer::from_path(data.join("courses.csv")).unwrap();
    w.write_record(["title"]).unwrap();
    for t in synthetic::titles(100_000, 2024) {
        w.write_record([t]).unwrap();
    }
    w.flush().unwrap();
    let db = dir.path().join("db");
    five_years(&db, &Catalogue::builtin().unwrap());
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let theme = Theme::DARK;
    let mut group = c.benchmark_group("target3");
    group
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6))
        .sample_size(30);
    // As a real start finds it after the first: the compiled cache warm.
    let cache = dir.path().join("cache");
    sources::load_with_dir_cached(Some(&data), Some(&cache)).unwrap();
    group.bench_function("first_frame_100k_catalogue", |b| {
        b.iter(|| {
            let catalogue = sources::load_with_dir_cached(Some(&data), Some(&cache)).unwrap();
            let mut app = App::new(Arc::new(catalogue), Store::at(&db), today);
            let backend = ratatui::backend::TestBackend::new(100, 30);
            let mut terminal = ratatui::Terminal::new(backend).unwrap();
            terminal.draw(|f| draw(f, &mut app, &theme)).unwrap();
            black_box(app)
        })
    });
    group.finish();
}

criterion_group!(benches, status_short, first_frame);
criterion_main!(benches);
