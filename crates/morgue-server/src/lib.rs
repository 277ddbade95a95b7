//! The morgue server and command line: configuration, the HTTP API, and the
//! commands that compose the ingest and index crates.
//!
//! This crate is the composition root: the only one that knows HTTP, the async
//! runtime, configuration files, environment variables, the tracing subscriber
//! and exit codes.
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod config;
pub mod entities;
pub mod http;
pub mod ingest;
pub mod serve;
pub mod telemetry;

pub use config::Config;
pub use http::{AppState, router};
