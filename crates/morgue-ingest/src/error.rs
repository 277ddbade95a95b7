//! The one error type of the ingest crate.

use std::path::PathBuf;

/// Why a page could not be turned into an article.
///
/// Every variant but [`Error::Io`] is a property of the page itself: the
/// ingest report prints it next to the file and the run goes on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file holds no bytes, or only white space.
    #[error("empty file")]
    Empty,
    /// The file is larger than the configured limit.
    #[error("file is {size_bytes} bytes, over the limit of {limit_bytes} bytes")]
    TooLarge {
        /// Size of the file.
        size_bytes: u64,
        /// The configured limit.
        limit_bytes: u64,
    },
    /// The bytes are not text (NUL bytes or many control characters).
    #[error("binary file, not a saved page")]
    Binary,
    /// The page was read but holds no article: a home page, a section front,
    /// an error page, or too little text.
    #[error("not an article: {reason}")]
    NotAnArticle {
        /// What was missing.
        reason: &'static str,
    },
    /// The file could not be read.
    #[error("failed to read {}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// The result type of the ingest crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
