//! Prints how the article body is found on one saved HTML page: the
//! best-scoring containers, the one chosen, the element tree a few levels
//! down, large subtrees skipped as clutter, and the blocks kept.
//!
//! ```text
//! cargo run --release -p morgue-ingest --example body_scores -- PAGE.html [NEEDLE]
//! ```
//!
//! With NEEDLE, also prints the ancestors of the first text node holding it
//! (and whether each is clutter): why a paragraph is missing from the body.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: body_scores PAGE.html [NEEDLE]");
        return ExitCode::from(2);
    };
    let needle = args.next();
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("failed to read {path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let (text, _encoding) = morgue_ingest::decode::decode(&bytes, true);
    print!("{}", morgue_ingest::body_scores_report(&text, needle.as_deref()));
    ExitCode::SUCCESS
}
