//! Turns saved article pages into [`morgue_model::Article`]s.
//!
//! An [`Extractor`] reads the bytes of a saved page, checks that it is text of
//! a reasonable size, decodes it to UTF-8 whatever its declared or detected
//! encoding ([`decode`]), recognises its kind (an HTML page or a text rendering
//! such as a browser's "save as text") and extracts the article: headline,
//! byline, dates, tags, captions and the body without the site's clutter.
//!
//! ```
//! use morgue_ingest::{ExtractOptions, Extractor};
//!
//! let page = "Example Daily\n\nMayor opens the new bridge\n\n  • By Jane Doe\n  • 3 Mar 2024 10:00\n\n\
//!             The mayor opened the bridge on Sunday, two years after work began on it.\n";
//! let article = Extractor::new(ExtractOptions::default())
//!     .extract_bytes(page.as_bytes(), None)
//!     .expect("a text rendering of an article");
//! assert_eq!(article.title, "Mayor opens the new bridge");
//! assert_eq!(article.authors, ["Jane Doe"]);
//! assert_eq!(article.published.map(|d| d.to_string()).as_deref(), Some("2024-03-03T10:00:00"));
//! ```
//!
//! This crate knows pages and article metadata only: it never touches the
//! network, an index or an async runtime.
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

mod dates;
pub mod decode;
mod error;
mod extractor;
mod html;
mod identity;
mod language;
mod text;

pub use error::{Error, Result};
pub use extractor::{ExtractOptions, Extractor, PageKind};

/// How the article body is found on a decoded HTML page: the best-scoring
/// containers, the chosen one, the element tree and the article's blocks,
/// with the ancestors of the text `needle` when given. A development aid for
/// the `body_scores` example; not part of the crate's API.
#[doc(hidden)]
pub fn body_scores_report(html: &str, needle: Option<&str>) -> String {
    // The body is found knowing the headline, as extraction finds it.
    let headline = html::extract(html).map(|draft| draft.title).unwrap_or_default();
    html::body::scores_report(html, &headline, needle)
}
