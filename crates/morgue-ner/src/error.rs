//! Errors of the recogniser.

use std::path::PathBuf;

/// What can go wrong loading models and reading training data.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A model file is not one this version reads.
    #[error("bad model file: {reason}")]
    BadModel {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A file could not be read.
    #[error("cannot read {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// Result of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
