//! Integration tests of the server crate: ingest runs and the HTTP API,
//! in-process over the seed corpus.

mod api;
mod contract;
mod corpus;
mod embedding;
mod entities;
mod ingest_run;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use morgue_index::SearchIndex;
use morgue_ingest::{ExtractOptions, Extractor};
use morgue_server::Config;
use morgue_server::ingest::{self, IngestOptions, IngestReport};

/// The seed pages shared with the end-to-end tests.
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/seeds")
}

pub fn options() -> IngestOptions {
    IngestOptions { threads: 2, writer_memory_bytes: 20_000_000, progress: false }
}

/// Ingests `paths` into `index` with a page limit of `max_page_bytes`.
pub fn ingest_into(index: &SearchIndex, paths: &[PathBuf], max_page_bytes: u64) -> IngestReport {
    let extractor = Extractor::new(ExtractOptions { max_page_bytes, ..ExtractOptions::default() });
    ingest::run(index, &extractor, paths, &options()).expect("ingest run")
}

/// An index in `dir` holding the seed pages.
pub fn seeded_index(dir: &Path) -> Arc<SearchIndex> {
    let index = SearchIndex::open_or_create(dir).expect("index");
    let report = ingest_into(&index, &[seeds_dir()], 10_000_000);
    assert_eq!(report.indexed, 5, "{}", report.to_text());
    Arc::new(index)
}

pub fn server_config() -> Arc<Config> {
    Arc::new(Config::default())
}
