//! The tantivy index of morgue: schema, writer, search and facets.
//!
//! [`SearchIndex`] owns a tantivy index with one schema for [`Article`]s:
//! English-stemmed text fields (title, summary, body, captions), exact-value
//! fields for facets and filters (tags, authors, site, source, section,
//! series, person, organization, place) and a date field for ranges and
//! sorting. [`Writer`] adds articles, replacing an article of the same id;
//! [`SearchIndex::search`] answers a [`SearchRequest`] with hits, highlighted
//! snippets and facet counts.
//!
//! The API speaks its own types and never leaks tantivy's, so tantivy can be
//! upgraded behind it. Everything here is synchronous: callers choose the thread.
//!
//! ```
//! use morgue_index::{FacetField, SearchIndex, SearchRequest};
//! use morgue_model::{Article, ArticleId};
//!
//! # fn main() -> morgue_index::Result<()> {
//! let index = SearchIndex::create_in_ram()?;
//! let mut article = Article::new(
//!     ArticleId::parse("00000000000000a1").expect("valid id"),
//!     "Ceasefire talks resume",
//!     "Negotiators met again on Monday to discuss a ceasefire.",
//! );
//! article.tags = vec!["Diplomacy".into()];
//! let mut writer = index.writer(15_000_000)?;
//! writer.upsert(&article)?;
//! writer.commit()?;
//!
//! let request = SearchRequest {
//!     query: "ceasefire".into(),
//!     facets: vec![FacetField::Tags],
//!     ..SearchRequest::default()
//! };
//! let results = index.search(&request)?;
//! assert_eq!(results.total, 1);
//! assert_eq!(results.facets[&FacetField::Tags][0].value, "Diplomacy");
//! # Ok(())
//! # }
//! ```
//!
//! [`Article`]: morgue_model::Article
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

mod duplicate;
mod error;
mod facet;
mod histogram;
mod index;
mod order;
mod query;
mod related;
mod request;
mod schema;
mod search;
mod snippet;
mod writer;

pub use error::{Error, Result};
pub use facet::FacetField;
pub use histogram::{Bucket, Histogram, Interval};
pub use index::SearchIndex;
pub use related::{Suggestion, SuggestionKind};
pub use request::{
    DateRange, FacetCount, Hit, MAX_LIMIT, RangeEnd, SearchRequest, SearchResults, Sort, TYPO_FALLBACK_BELOW,
    parse_span,
};
pub use writer::{Upsert, Writer};
