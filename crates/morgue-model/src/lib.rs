//! The document model shared by morgue's crates.
//!
//! An [`Article`] is what ingest makes of a saved page and what the index
//! stores and returns. It is plain data: serde and chrono, no I/O.
//!
//! Dates are [`ArticleDate`]s: a page may give a date only, a local date-time,
//! or a date-time with its UTC offset, and the model keeps exactly what the page
//! said rather than inventing a zone.
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

mod article;
mod date;
mod entity;

pub use article::{Article, ArticleId, Provenance, count_words, reading_minutes};
pub use date::{ArticleDate, ParseDateError};
pub use entity::{Entity, EntityKind};
