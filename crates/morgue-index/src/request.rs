//! What a search asks and what it answers.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use morgue_model::{ArticleDate, ArticleId};

use crate::{Error, FacetField, Result};

/// The largest page of hits one request may ask for.
pub const MAX_LIMIT: usize = 100;

/// A search: query, filters, date range, order, page, facets.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    /// The query in morgue's query language; empty matches every article.
    pub query: String,
    /// Exact-value filters: values of one facet are OR-ed, facets are AND-ed.
    pub filters: BTreeMap<FacetField, Vec<String>>,
    /// Publication date range.
    pub published: DateRange,
    /// Order of the hits.
    pub sort: Sort,
    /// Number of hits to return, at most [`MAX_LIMIT`].
    pub limit: usize,
    /// Number of hits to skip.
    pub offset: usize,
    /// Facets to count.
    pub facets: Vec<FacetField>,
    /// Number of values to return per facet.
    pub facet_limit: usize,
    /// Length of a snippet in characters.
    pub snippet_length: usize,
}

impl Default for SearchRequest {
    fn default() -> Self {
        Self {
            query: String::new(),
            filters: BTreeMap::new(),
            published: DateRange::default(),
            sort: Sort::Relevance,
            limit: 20,
            offset: 0,
            facets: Vec::new(),
            facet_limit: 20,
            snippet_length: 200,
        }
    }
}

impl SearchRequest {
    /// Checks the limits a request must keep.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] naming the parameter out of range.
    pub fn validate(&self) -> Result<()> {
        let invalid =
            |parameter, message: String| Err(Error::InvalidRequest { parameter, message });
        if self.limit > MAX_LIMIT {
            return invalid(
                "limit",
                format!("{} is over the maximum of {MAX_LIMIT}", self.limit),
            );
        }
        if self.offset > 100_000 {
            return invalid(
                "offset",
                format!("{} is over the maximum of 100000", self.offset),
            );
        }
        if self.facet_limit == 0 || self.facet_limit > 1000 {
            return invalid(
                "facet_limit",
                format!("{} is not between 1 and 1000", self.facet_limit),
            );
        }
        if !(20..=2000).contains(&self.snippet_length) {
            return invalid(
                "snippet_length",
                format!("{} is not between 20 and 2000", self.snippet_length),
            );
        }
        if let (Some(from), Some(to)) = (self.published.from, self.published.to)
            && from > to
        {
            return invalid("from", format!("{from} is after to={to}"));
        }
        Ok(())
    }
}

/// A range of publication instants, both ends included; an open end is `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    /// The earliest instant.
    pub from: Option<DateTime<Utc>>,
    /// The latest instant.
    pub to: Option<DateTime<Utc>>,
}

impl DateRange {
    /// Returns whether the range is open at both ends.
    pub fn is_unbounded(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// The order of hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Most recently published first; undated articles last.
    Newest,
    /// Earliest published first; undated articles last.
    Oldest,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults {
    /// Number of matching articles.
    pub total: u64,
    /// Time the search took, in milliseconds.
    pub took_ms: u64,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Counts per requested facet, most frequent first. Each facet is counted
    /// with every filter but its own, so that picking a value still shows what
    /// the other values of that facet would add.
    pub facets: BTreeMap<FacetField, Vec<FacetCount>>,
}

/// One matching article.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The article's id.
    pub id: ArticleId,
    /// Headline.
    pub title: String,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<ArticleDate>,
    /// Publishing site.
    pub site: Option<String>,
    /// Byline names.
    pub authors: Vec<String>,
    /// Publisher tags.
    pub tags: Vec<String>,
    /// The dek.
    pub summary: Option<String>,
    /// HTML-escaped body fragment with matched terms in `<mark>`.
    pub snippet: String,
    /// Relevance score (0 when sorted by date).
    pub score: f32,
}

/// How many matching articles have one facet value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    /// The value, as written in the articles.
    pub value: String,
    /// Number of matching articles with it.
    pub count: u64,
}
