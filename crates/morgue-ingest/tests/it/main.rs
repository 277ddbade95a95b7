//! Integration tests of the ingest crate over committed fixtures.

mod entities;
mod html;
mod robustness;
mod seeds;
