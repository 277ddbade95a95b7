//! Extracts saved pages to Article JSON without building the server: the
//! quick loop of extraction work (`scripts/eval-extraction.py --fast`).
//!
//! ```text
//! cargo run --release -p morgue-ingest --example extract_pages -- --out DIR PATH...
//! ```
//!
//! Writes `DIR/<file stem>.json` for every page under the PATHs (folders are
//! walked), as `morgue extract --out` does but with named entities off, and a
//! `failed: PATH: REASON` line on stderr for each refused page.
#![allow(clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;

use morgue_ingest::{ExtractOptions, Extractor};

mod pages;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(flag), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: extract_pages --out DIR PATH...");
        return ExitCode::from(2);
    };
    let paths: Vec<PathBuf> = args.map(PathBuf::from).collect();
    if flag != "--out" || paths.is_empty() {
        eprintln!("usage: extract_pages --out DIR PATH...");
        return ExitCode::from(2);
    }
    let out = PathBuf::from(out);
    if let Err(error) = std::fs::create_dir_all(&out) {
        eprintln!("failed to create {}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    let extractor = Extractor::new(ExtractOptions { entities: false, ..ExtractOptions::default() });
    for file in pages::files(&paths) {
        let article = match extractor.extract_file(&file) {
            Ok(article) => article,
            Err(error) => {
                eprintln!("failed: {}: {error}", file.display());
                continue;
            }
        };
        let stem = file.file_stem().map_or_else(|| "page".into(), |s| s.to_string_lossy());
        let target = out.join(format!("{stem}.json"));
        let written = serde_json::to_vec_pretty(&article)
            .map_err(std::io::Error::from)
            .and_then(|json| std::fs::write(&target, json));
        if let Err(error) = written {
            eprintln!("failed to write {}: {error}", target.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
