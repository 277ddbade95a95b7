//! CPU time per page of the extractor, parsing included, on one core.
//!
//! ```text
//! cargo run --release -p morgue-ingest --example bench_extract -- [--repeat N] [--no-entities] PATH...
//! ```
//!
//! Every file under the PATHs (folders are walked) is read into memory first;
//! then each page is extracted N times (default 3) on this one thread and the
//! least thread CPU time of the runs is its cost (the least, so that another
//! process taking the core does not count against the page). Prints the
//! median, p90, p99, mean and maximum in milliseconds. Pages that are refused
//! (not an article, too large) count too: refusing is work as well.
//! `--no-entities` measures extraction alone, without named-entity recognition.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::time::Duration;

use morgue_ingest::{ExtractOptions, Extractor};
use rustix::time::{ClockId, clock_gettime};

mod pages;

fn thread_cpu() -> Duration {
    let t = clock_gettime(ClockId::ThreadCPUTime);
    Duration::new(u64::try_from(t.tv_sec).unwrap_or_default(), u32::try_from(t.tv_nsec).unwrap_or_default())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let mut repeat = 3;
    let mut entities = true;
    let mut paths = Vec::new();
    while let Some(arg) = args.next() {
        if arg == "--repeat" {
            repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(3).max(1);
        } else if arg == "--no-entities" {
            entities = false;
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    if paths.is_empty() {
        eprintln!("usage: bench_extract [--repeat N] [--no-entities] PATH...");
        std::process::exit(2);
    }
    let files = pages::files(&paths);
    let pages: Vec<(PathBuf, Vec<u8>)> =
        files.into_iter().filter_map(|f| std::fs::read(&f).ok().map(|bytes| (f, bytes))).collect();
    let extractor = Extractor::new(ExtractOptions { entities, ..ExtractOptions::default() });
    let mut costs = Vec::with_capacity(pages.len());
    let mut articles = 0;
    let mut slowest = (0.0, PathBuf::new());
    for (path, bytes) in &pages {
        let mut best = f64::INFINITY;
        for _ in 0..repeat {
            let start = thread_cpu();
            let result = extractor.extract_bytes(bytes, Some(path));
            let ms = (thread_cpu() - start).as_secs_f64() * 1000.0;
            best = best.min(ms);
            if result.is_ok() && repeat == 1 {
                articles += 1;
            }
            std::hint::black_box(result).ok();
        }
        if repeat > 1 && extractor.extract_bytes(bytes, Some(path)).is_ok() {
            articles += 1;
        }
        if best > slowest.0 {
            slowest = (best, path.clone());
        }
        costs.push(best);
    }
    let total: f64 = costs.iter().sum();
    costs.sort_by(f64::total_cmp);
    let mb = pages.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
    println!(
        "pages {}  articles {articles}  {mb:.1} MB  CPU ms/page: median {:.2}  p90 {:.2}  p99 {:.2}  mean {:.2}  max {:.2} ({})",
        pages.len(),
        percentile(&costs, 0.5),
        percentile(&costs, 0.9),
        percentile(&costs, 0.99),
        if costs.is_empty() { 0.0 } else { total / costs.len() as f64 },
        slowest.0,
        slowest.1.display(),
    );
}
