//! Named-entity recognition for morgue: people, organisations and places in
//! an article, each under one canonical name.
//!
//! A [`Recognizer`] tokenises text ([`tokenize`]), tags each sentence with an
//! averaged-perceptron BIO tagger over hashed word, shape, affix, context and
//! gazetteer features (Viterbi-decoded), then makes the article's mentions
//! consistent (one type per name, a bare surname is the full name used
//! elsewhere in the article) and canonical (the alias table in
//! `data/aliases.tsv`). Everything it needs is compiled into the binary: the
//! model (`model/ner.bin`, made by `morgue-ner-train`), GeoNames place names
//! (`data/places.tsv`) and the aliases. Pure Rust, no I/O at run time.
//!
//! ```
//! use morgue_ner::{ArticleText, Recognizer};
//! use morgue_model::EntityKind;
//!
//! let text = ArticleText { body: "Russian Foreign Minister Sergei Lavrov met officials in Moscow. Lavrov said the U.S. was wrong.", ..ArticleText::default() };
//! let entities = Recognizer::shipped().entities(&text);
//! let lavrov = entities.iter().find(|e| e.kind == EntityKind::Person).expect("a person");
//! assert_eq!(lavrov.name, "Sergey Lavrov");
//! assert_eq!(lavrov.mentions, 2);
//! assert!(entities.iter().any(|e| e.kind == EntityKind::Place && e.name == "United States"));
//! ```
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

mod aliases;
pub mod conll;
mod document;
mod error;
mod features;
mod gazetteer;
mod hash;
mod model;
mod recognizer;
mod table;
mod tag;
pub mod tokenize;
mod train;

pub use document::ArticleText;
pub use error::{Error, Result};
pub use model::{Model, Scratch};
pub use recognizer::Recognizer;
pub use tag::{Label, Tag};
pub use train::TrainOptions;
