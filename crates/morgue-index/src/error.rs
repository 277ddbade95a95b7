//! The one error type of the index crate.

use std::path::PathBuf;

/// What can go wrong opening, writing or searching the index.
///
/// The first variants are the caller's mistakes (a bad query or request);
/// the others are breakage.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The query string could not be parsed.
    #[error("invalid query: {message}")]
    InvalidQuery {
        /// What is wrong.
        message: String,
        /// Where in the query the problem is, in characters from its start.
        position: Option<usize>,
    },
    /// A request parameter is out of range.
    #[error("invalid {parameter}: {message}")]
    InvalidRequest {
        /// The parameter at fault.
        parameter: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The index on disk was built with another schema.
    #[error("the index at {} has an incompatible schema (field {field} is missing): rebuild it", path.display())]
    SchemaMismatch {
        /// Where the index is.
        path: PathBuf,
        /// The first field that is missing or of another type.
        field: &'static str,
    },
    /// A stored article could not be decoded.
    #[error("stored article is corrupt")]
    CorruptDocument(#[source] serde_json::Error),
    /// The index directory could not be created or opened.
    #[error("failed to open index directory {}", path.display())]
    Io {
        /// The directory.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Tantivy failed.
    #[error("index failure")]
    Tantivy(#[from] tantivy::TantivyError),
}

impl Error {
    /// Returns whether the error is the caller's mistake rather than breakage.
    pub fn is_invalid_input(&self) -> bool {
        matches!(self, Self::InvalidQuery { .. } | Self::InvalidRequest { .. })
    }
}

/// The result type of the index crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
