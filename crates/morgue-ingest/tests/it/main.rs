//! Integration tests of the ingest crate over committed fixtures.

mod html;
mod robustness;
mod seeds;
