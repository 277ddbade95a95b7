//! An ingest run: files and folders in, articles in the index, a report out.
//!
//! Pages are extracted in parallel on a rayon pool (extraction is the costly,
//! CPU-bound part) and handed over a bounded channel to the one index writer
//! on the calling thread. A page that fails is a line in the report and the
//! run goes on; only an index failure stops it, and then the index stays as
//! it was at the last commit.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use morgue_index::{SearchIndex, Upsert};
use morgue_ingest::Extractor;
use rayon::prelude::*;

/// Extensions of files that a folder walk passes over: documentation and
/// metadata kept beside saved pages, never pages themselves.
const NOT_PAGES: &[&str] = &["md", "markdown", "rst", "json", "toml", "yaml", "yml", "lock", "csv", "tsv"];

/// Articles are committed in batches of this many, so a long run that stops
/// keeps what it had done.
const COMMIT_EVERY: usize = 5_000;

/// What an ingest run did.
#[derive(Debug, Default)]
pub struct IngestReport {
    /// Articles new to the index.
    pub indexed: usize,
    /// Articles that replaced an older version of themselves.
    pub replaced: usize,
    /// Pages already in the index from the same bytes.
    pub unchanged: usize,
    /// Files passed over in folders (documentation and metadata).
    pub skipped: usize,
    /// Files that gave no article, with the reason.
    pub failed: Vec<(PathBuf, String)>,
    /// How long the run took.
    pub elapsed: Duration,
}

impl IngestReport {
    /// Returns how many pages are in the index after the run.
    pub fn ingested(&self) -> usize {
        self.indexed + self.replaced + self.unchanged
    }

    /// Returns the summary line and one line per failure, for humans.
    pub fn to_text(&self) -> String {
        let mut text = format!(
            "{} indexed, {} replaced, {} unchanged, {} failed, {} skipped in {:.1} s",
            self.indexed,
            self.replaced,
            self.unchanged,
            self.failed.len(),
            self.skipped,
            self.elapsed.as_secs_f64()
        );
        for (path, reason) in &self.failed {
            text.push_str(&format!("\nfailed: {}: {reason}", path.display()));
        }
        text
    }
}

/// Settings of a run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Threads extracting pages; 0 means one per core.
    pub threads: usize,
    /// Memory budget of the index writer.
    pub writer_memory_bytes: usize,
    /// Whether to draw a progress bar on stderr (when it is a terminal).
    pub progress: bool,
}

/// Ingests `paths` (files, or folders walked recursively) into `index`.
///
/// # Errors
///
/// Fails when the index cannot be written; every other problem is a line in
/// the report.
pub fn run(
    index: &SearchIndex,
    extractor: &Extractor,
    paths: &[PathBuf],
    options: &IngestOptions,
) -> anyhow::Result<IngestReport> {
    let started = Instant::now();
    let mut report = IngestReport::default();
    let files = discover(paths, &mut report);
    let progress = progress_bar(files.len(), options.progress);
    let mut writer = index.writer(options.writer_memory_bytes).context("failed to open the index writer")?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .context("failed to start the extraction threads")?;
    let ingested_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let (sender, receiver) = mpsc::sync_channel(256);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        scope.spawn(|| {
            pool.install(|| {
                files.par_iter().for_each_with(sender, |sender, path| {
                    // A closed channel means the writer side stopped on an error.
                    let _ = sender.send((path, extractor.extract_file(path)));
                });
            });
        });
        let mut since_commit = 0;
        for (path, extracted) in receiver {
            progress.inc(1);
            let mut article = match extracted {
                Ok(article) => article,
                Err(error) => {
                    tracing::debug!(path = %path.display(), %error, "page skipped");
                    report.failed.push((path.clone(), error_chain(&error)));
                    continue;
                }
            };
            article.provenance.ingested_at = Some(ingested_at.clone());
            match writer.upsert(&article).with_context(|| format!("failed to index {}", path.display()))? {
                Upsert::Added => report.indexed += 1,
                Upsert::Replaced => report.replaced += 1,
                Upsert::Unchanged => report.unchanged += 1,
            }
            since_commit += 1;
            if since_commit >= COMMIT_EVERY {
                writer.commit().context("failed to commit the index")?;
                since_commit = 0;
            }
        }
        Ok(())
    })?;
    writer.commit().context("failed to commit the index")?;
    progress.finish_and_clear();
    report.failed.sort();
    report.elapsed = started.elapsed();
    tracing::info!(
        indexed = report.indexed,
        replaced = report.replaced,
        unchanged = report.unchanged,
        failed = report.failed.len(),
        "ingest finished"
    );
    Ok(report)
}

/// Lists the files under `paths`: files as given, folders walked recursively
/// in name order, passing over hidden entries and documentation files. Paths
/// that cannot be read go into the report.
pub fn discover(paths: &[PathBuf], report: &mut IngestReport) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
            continue;
        }
        if !path.is_dir() {
            report.failed.push((path.clone(), "no such file or folder".into()));
            continue;
        }
        let walk = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| (entry.depth() == 0 || !is_hidden(entry.path())) && !is_index_dir(entry.path()));
        for entry in walk {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    if is_page_candidate(entry.path()) {
                        files.push(entry.into_path());
                    } else {
                        report.skipped += 1;
                    }
                }
                Ok(_) => {}
                Err(error) => {
                    let at = error.path().map_or_else(|| path.clone(), Path::to_path_buf);
                    report.failed.push((at, error.to_string()));
                }
            }
        }
    }
    files
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

/// Whether `path` is a tantivy index folder (such as `data/index` inside the
/// sample folder), whose files are never pages.
fn is_index_dir(path: &Path) -> bool {
    path.join("meta.json").is_file()
        && (path.join(".managed.json").is_file() || path.join(".tantivy-meta.lock").is_file())
}

fn is_page_candidate(path: &Path) -> bool {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    !extension.is_some_and(|e| NOT_PAGES.contains(&e.as_str()))
}

fn progress_bar(len: usize, enabled: bool) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} pages ({per_sec}, eta {eta})",
    )
    .expect("the progress template is valid")
    .progress_chars("=> ");
    bar.set_style(style);
    bar
}

/// Returns an error and its causes as one line.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
