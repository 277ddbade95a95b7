//! Mutation fuzzing of the extractor for a set time, over real pages.
//!
//! ```text
//! cargo run --release -p morgue-ingest --example fuzz_extract -- \
//!     [--minutes 10] [--seed 1] [--timeout-secs 5] [--max-rss-mb 1024] PATH...
//! ```
//!
//! Reads every file under the PATHs as a seed page, then until the time is up
//! takes a seed (or random bytes, one case in twenty), applies up to 32
//! random edits (splice in markup that breaks parsers, cut or repeat a range,
//! flip bytes, truncate) and extracts it on a worker thread. A panic, a page
//! that takes longer than the timeout (a hang), or a resident set over the
//! limit (a memory blow-up) stops the run: the input is written to
//! `fuzz-failure.html` and the exit code is 1. Prints the number of cases and
//! their outcomes at the end, and the slowest case: its number and the seed
//! page it was made from, its bytes written to `slowest-case.html`.
//! Deterministic for a given seed (a xorshift generator; no dependency).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use morgue_ingest::{ExtractOptions, Extractor};

mod pages;
#[path = "../tests/support/snippets.rs"]
mod snippets;

use snippets::SNIPPETS;

/// xorshift64*: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..=rng.below(32) {
        let len = bytes.len();
        match rng.below(7) {
            0 | 1 => {
                let at = rng.below(len + 1);
                let snippet = SNIPPETS[rng.below(SNIPPETS.len())];
                bytes.splice(at..at, snippet.bytes());
            }
            2 => {
                let at = rng.below(len + 1);
                let end = (at + rng.below(4096)).min(len);
                bytes.drain(at..end);
            }
            3 => {
                let at = rng.below(len + 1);
                let end = (at + rng.below(256)).min(len);
                let piece = bytes[at..end].repeat(1 + rng.below(64));
                bytes.splice(at..at, piece);
            }
            4 => {
                for _ in 0..=rng.below(16) {
                    if !bytes.is_empty() {
                        let at = rng.below(bytes.len());
                        bytes[at] = (rng.next() & 0xFF) as u8;
                    }
                }
            }
            5 => bytes.truncate(rng.below(len + 1)),
            _ => {
                // Deep nesting.
                let at = rng.below(len + 1);
                let depth = 1 + rng.below(3000);
                bytes.splice(at..at, "<div><span>".repeat(depth).into_bytes());
            }
        }
    }
    bytes
}

/// Resident set size of this process in MB, from /proc (0 where there is none).
fn rss_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

/// The slowest case so far, with what it takes to replay it.
struct Slowest {
    time: Duration,
    /// The case's number, counted from 1.
    case: u64,
    /// The seed page it was made from, or `None` for random bytes.
    source: Option<PathBuf>,
    input: Vec<u8>,
}

fn fail(what: &str, input: &[u8]) -> ! {
    let _ = std::fs::write("fuzz-failure.html", input);
    eprintln!("FAILURE: {what}; input written to fuzz-failure.html ({} bytes)", input.len());
    std::process::exit(1);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut minutes, mut seed, mut timeout, mut max_rss) = (10.0_f64, 1_u64, 5_u64, 1024_u64);
    let mut paths = Vec::new();
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--minutes" => minutes = value().parse().unwrap_or(minutes),
            "--seed" => seed = value().parse().unwrap_or(seed),
            "--timeout-secs" => timeout = value().parse().unwrap_or(timeout),
            "--max-rss-mb" => max_rss = value().parse().unwrap_or(max_rss),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let files = pages::files(&paths);
    let seeds: Vec<(PathBuf, Vec<u8>)> =
        files.into_iter().filter_map(|f| std::fs::read(&f).ok().map(|bytes| (f, bytes))).collect();
    eprintln!("{} seed pages, {minutes} minutes, seed {seed}, timeout {timeout}s, RSS limit {max_rss} MB", seeds.len());
    let mut rng = Rng(seed.max(1));
    let deadline = Instant::now() + Duration::from_secs_f64(minutes * 60.0);
    let (jobs, job_rx) = mpsc::sync_channel::<Vec<u8>>(0);
    let (done, done_rx) = mpsc::channel::<Result<bool, ()>>();
    // The worker extracts; a panic in it is caught and reported as a failure.
    std::thread::spawn(move || {
        let extractor = Extractor::new(ExtractOptions::default());
        for input in job_rx {
            let outcome = std::panic::catch_unwind(|| extractor.extract_bytes(&input, None).is_ok()).map_err(|_| ());
            if done.send(outcome).is_err() {
                break;
            }
        }
    });
    let (mut cases, mut articles, mut refused) = (0u64, 0u64, 0u64);
    let mut slowest = Slowest { time: Duration::ZERO, case: 0, source: None, input: Vec::new() };
    let mut peak_rss = 0;
    while Instant::now() < deadline {
        let (input, source) = if seeds.is_empty() || rng.below(20) == 0 {
            ((0..rng.below(8192)).map(|_| (rng.next() & 0xFF) as u8).collect(), None)
        } else {
            let (path, bytes) = &seeds[rng.below(seeds.len())];
            (mutate(bytes, &mut rng), Some(path))
        };
        let started = Instant::now();
        if jobs.send(input.clone()).is_err() {
            fail("the worker thread died", &input);
        }
        match done_rx.recv_timeout(Duration::from_secs(timeout)) {
            Ok(Ok(true)) => articles += 1,
            Ok(Ok(false)) => refused += 1,
            Ok(Err(())) => fail("panic", &input),
            Err(_) => fail(&format!("no answer within {timeout}s (hang)"), &input),
        }
        let time = started.elapsed();
        cases += 1;
        if cases % 256 == 0 {
            let rss = rss_mb();
            peak_rss = peak_rss.max(rss);
            if rss > max_rss {
                fail(&format!("resident set {rss} MB over the limit of {max_rss} MB"), &input);
            }
        }
        if time > slowest.time {
            slowest = Slowest { time, case: cases, source: source.cloned(), input };
        }
    }
    let written = std::fs::write("slowest-case.html", &slowest.input).is_ok();
    println!(
        "fuzz_extract: {cases} cases in {minutes} min, {articles} articles, {refused} refused, 0 panics, 0 hangs; \
         slowest case {:.0} ms, peak RSS {peak_rss} MB",
        slowest.time.as_secs_f64() * 1000.0
    );
    let source = slowest.source.map_or_else(|| "random bytes".to_owned(), |p| format!("a mutation of {}", p.display()));
    let bytes = if written { "its bytes in slowest-case.html" } else { "slowest-case.html not written" };
    println!("slowest: case {} of seed {seed}, {source} ({} bytes; {bytes})", slowest.case, slowest.input.len());
}
