//! `morgue eval ner` and `morgue bench ner`: the entity recogniser over
//! evaluation sets, for the scorer and for speed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use morgue_index::SearchIndex;
use morgue_ingest::{ExtractOptions, Extractor};
use morgue_ner::{ArticleText, Recognizer, Scratch, conll};

use crate::Config;
use crate::cli::extract_options;
use crate::ingest::{self, IngestOptions, IngestReport};

/// Prints the predicted tag of every token of a CoNLL file.
///
/// # Errors
///
/// Fails if the file cannot be read or stdout written.
pub fn eval_command(file: &Path, consistent: bool) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(file).with_context(|| format!("failed to read {}", file.display()))?;
    let tagged = Recognizer::shipped().tag_conll(&text, consistent);
    std::io::stdout().lock().write_all(tagged.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Measures tagging speed on one core, and the time of extracting and of
/// ingesting saved pages (one extraction thread) with entities on against off,
/// printing medians of `runs` runs.
///
/// # Errors
///
/// Fails if a file cannot be read or stdout written.
pub fn bench_command(
    config: &Config,
    conll_files: &[PathBuf],
    pages: &[PathBuf],
    runs: usize,
) -> anyhow::Result<ExitCode> {
    let runs = runs.max(1);
    let mut out = std::io::stdout().lock();
    let started = Instant::now();
    let recognizer = Recognizer::shipped();
    writeln!(out, "model, place names and aliases loaded in {:.1} ms", ms(started.elapsed()))?;

    let mut texts = Vec::new();
    for file in conll_files {
        texts.push(std::fs::read_to_string(file).with_context(|| format!("failed to read {}", file.display()))?);
    }
    let docs: Vec<conll::Document> = texts.iter().flat_map(|t| conll::parse(t)).collect();
    let sentences: Vec<Vec<&str>> =
        docs.iter().flat_map(|d| &d.sentences).map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    let tag_time = median(runs, || {
        let (mut scratch, mut tags) = (Scratch::default(), Vec::new());
        let t = Instant::now();
        for sentence in &sentences {
            recognizer.tag(sentence, &mut scratch, &mut tags);
        }
        t.elapsed()
    });
    writeln!(
        out,
        "tagger: {tokens} tokens in {:.1} ms, {:.0} tokens/s (one core, median of {runs})",
        ms(tag_time),
        tokens as f64 / tag_time.as_secs_f64()
    )?;

    // The whole recogniser on running text: tokenizer, tagger, document pass, canonical names.
    let bodies: Vec<String> =
        docs.iter().map(|d| d.sentences.iter().map(|s| s.tokens.join(" ")).collect::<Vec<_>>().join("\n")).collect();
    let full_time = median(runs, || {
        let t = Instant::now();
        for body in &bodies {
            std::hint::black_box(recognizer.entities(&ArticleText { body, ..ArticleText::default() }));
        }
        t.elapsed()
    });
    writeln!(
        out,
        "recogniser on text (tokenize, tag, document pass, canonical names): {:.0} tokens/s",
        tokens as f64 / full_time.as_secs_f64()
    )?;

    if !pages.is_empty() {
        bench_ingest(config, pages, runs, &mut out)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn bench_ingest(config: &Config, paths: &[PathBuf], runs: usize, out: &mut impl Write) -> anyhow::Result<()> {
    let mut report = IngestReport::default();
    let files = ingest::discover(paths, &mut report);
    let mut pages = Vec::with_capacity(files.len());
    for file in &files {
        pages.push(std::fs::read(file).with_context(|| format!("failed to read {}", file.display()))?);
    }
    let on = Extractor::new(ExtractOptions { entities: true, ..extract_options(config) });
    let off = Extractor::new(ExtractOptions { entities: false, ..extract_options(config) });
    let articles = pages.iter().filter(|p| off.extract_bytes(p, None).is_ok()).count();
    let time = |extractor: &Extractor| {
        let t = Instant::now();
        for page in &pages {
            let _ = std::hint::black_box(extractor.extract_bytes(page, None));
        }
        t.elapsed()
    };
    // Alternate the two settings within each run so both see the same machine load.
    let mut times_on = Vec::with_capacity(runs);
    let mut times_off = Vec::with_capacity(runs);
    for _ in 0..runs {
        times_off.push(time(&off));
        times_on.push(time(&on));
    }
    let (on_time, off_time) = (middle(times_on), middle(times_off));
    writeln!(
        out,
        "extract (one thread) of {} pages ({articles} articles): entities off {:.1} ms, on {:.1} ms, ratio {:.2}x",
        pages.len(),
        ms(off_time),
        ms(on_time),
        on_time.as_secs_f64() / off_time.as_secs_f64().max(1e-9)
    )?;

    // Whole ingest runs (walk, read, extract, index, commit) into a fresh in-memory index.
    let options = IngestOptions { threads: 1, writer_memory_bytes: config.index.writer_memory_bytes, progress: false };
    let ingest_time = |extractor: &Extractor| -> anyhow::Result<Duration> {
        let index = SearchIndex::create_in_ram()?;
        let t = Instant::now();
        ingest::run(&index, extractor, paths, &options)?;
        Ok(t.elapsed())
    };
    let mut times_on = Vec::with_capacity(runs);
    let mut times_off = Vec::with_capacity(runs);
    for _ in 0..runs {
        times_off.push(ingest_time(&off)?);
        times_on.push(ingest_time(&on)?);
    }
    let (on_time, off_time) = (middle(times_on), middle(times_off));
    writeln!(
        out,
        "whole ingest (one extraction thread, in-memory index): entities off {:.1} ms, on {:.1} ms, ratio {:.2}x",
        ms(off_time),
        ms(on_time),
        on_time.as_secs_f64() / off_time.as_secs_f64().max(1e-9)
    )?;
    Ok(())
}

fn median(runs: usize, mut f: impl FnMut() -> Duration) -> Duration {
    f(); // warm-up
    middle((0..runs).map(|_| f()).collect())
}

fn middle(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
