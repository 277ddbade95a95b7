//! What a search asks and what it answers.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc};
use morgue_model::{ArticleDate, ArticleId};

use crate::{Bucket, Error, FacetField, Histogram, Result};

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
    /// Where the page starts: the [`SearchResults::next_cursor`] of the
    /// previous page of the same search, which then must have no `offset`.
    /// Cursors page in a stable order with no depth limit.
    pub cursor: Option<String>,
    /// Facets to count.
    pub facets: Vec<FacetField>,
    /// Number of values to return per facet.
    pub facet_limit: usize,
    /// Length of a snippet in characters.
    pub snippet_length: usize,
    /// Date histogram of the matching articles to compute, if any.
    pub histogram: Option<Histogram>,
    /// Half-life of the recency boost of relevance sort: an article this old
    /// scores half the boost of one published now. `None` turns it off.
    pub recency_half_life: Option<TimeDelta>,
    /// Whether words of five letters or more may match with one typo when the
    /// exact words find fewer than [`TYPO_FALLBACK_BELOW`] articles.
    pub typos: bool,
    /// Whether near-duplicates (the same story from several sites) are
    /// collapsed into their best-ranked article.
    pub collapse: bool,
}

/// Below this many exact matches, a query is tried again tolerating typos.
pub const TYPO_FALLBACK_BELOW: u64 = 3;

impl Default for SearchRequest {
    fn default() -> Self {
        Self {
            query: String::new(),
            filters: BTreeMap::new(),
            published: DateRange::default(),
            sort: Sort::Relevance,
            limit: 20,
            offset: 0,
            cursor: None,
            facets: Vec::new(),
            facet_limit: 20,
            snippet_length: 200,
            histogram: None,
            recency_half_life: None,
            typos: true,
            collapse: true,
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
        let invalid = |parameter, message: String| Err(Error::InvalidRequest { parameter, message });
        if self.limit > MAX_LIMIT {
            return invalid("limit", format!("{} is over the maximum of {MAX_LIMIT}", self.limit));
        }
        if self.offset > 100_000 {
            return invalid("offset", format!("{} is over the maximum of 100000", self.offset));
        }
        if self.cursor.is_some() && self.offset > 0 {
            return invalid("offset", "a page after a cursor takes no offset".to_owned());
        }
        if self.facet_limit == 0 || self.facet_limit > 1000 {
            return invalid("facet_limit", format!("{} is not between 1 and 1000", self.facet_limit));
        }
        if !(20..=2000).contains(&self.snippet_length) {
            return invalid("snippet_length", format!("{} is not between 20 and 2000", self.snippet_length));
        }
        if self.recency_half_life.is_some_and(|h| h <= TimeDelta::zero()) {
            return invalid("recency", "the half-life must be positive".to_owned());
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
    /// The date histogram, when requested: every bucket from the first to the
    /// last non-empty one. Undated articles are in no bucket.
    pub histogram: Vec<Bucket>,
    /// Whether the words were matched tolerating typos, because the exact
    /// words found too little.
    pub typos_matched: bool,
    /// With collapsing, the number of distinct stories among the `total`
    /// matching articles; hits page through stories.
    pub stories: Option<u64>,
    /// With a full page, the cursor of the page after it (see
    /// [`SearchRequest::cursor`]).
    pub next_cursor: Option<String>,
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
    /// The headline, HTML-escaped, with matched terms in `<mark>`.
    pub title_html: String,
    /// Up to three HTML-escaped body fragments with matched terms in
    /// `<mark>`, in body order; the opening of the body when nothing matched.
    pub snippets: Vec<String>,
    /// Relevance score (0 when sorted by date).
    pub score: f32,
    /// With collapsing, how many other matching articles tell the same story
    /// and are hidden behind this hit.
    pub duplicates: u64,
}

/// How many matching articles have one facet value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    /// The value, as written in the articles.
    pub value: String,
    /// Number of matching articles with it.
    pub count: u64,
}

/// Which end of a [`DateRange`] a written date stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeEnd {
    /// The start: a bare day means its first second.
    From,
    /// The end: a bare day means its last second.
    To,
}

impl DateRange {
    /// Parses one end of a range as users write it: a day (`2025-01-01`), an
    /// RFC 3339 instant (`2025-01-01T12:00:00+02:00`), or a span back from
    /// `now` (`24h`, `7d`, `2w`, `6m`, `1y`; months of 30 days, years of 365).
    ///
    /// Returns `None` for anything else.
    pub fn parse_end(text: &str, end: RangeEnd, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let text = text.trim();
        if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
            return Some(instant.with_timezone(&Utc));
        }
        if let Ok(day) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            let time = match end {
                RangeEnd::From => chrono::NaiveTime::MIN,
                RangeEnd::To => chrono::NaiveTime::from_hms_opt(23, 59, 59)?,
            };
            return Some(day.and_time(time).and_utc());
        }
        now.checked_sub_signed(parse_span(text)?)
    }
}

/// Parses a span of time as users write it: `24h`, `7d`, `2w`, `6m` (months
/// of 30 days), `1y` (years of 365 days). Returns `None` for anything else,
/// zero and negative spans included.
pub fn parse_span(text: &str) -> Option<TimeDelta> {
    let text = text.trim();
    let unit = text.chars().last()?;
    let count: i64 = text[..text.len() - unit.len_utf8()].parse().ok().filter(|n| *n > 0)?;
    let hours = match unit {
        'h' => 1,
        'd' => 24,
        'w' => 24 * 7,
        'm' => 24 * 30,
        'y' => 24 * 365,
        _ => return None,
    };
    TimeDelta::try_hours(count.checked_mul(hours)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_ends_parse_days_instants_and_spans() {
        let now: DateTime<Utc> = "2026-11-22T12:00:00Z".parse().expect("valid");
        let parse = |text, end| DateRange::parse_end(text, end, now).map(|d| d.to_rfc3339());
        assert_eq!(parse("2025-01-01", RangeEnd::From).as_deref(), Some("2025-01-01T00:00:00+00:00"));
        assert_eq!(parse("2025-01-01", RangeEnd::To).as_deref(), Some("2025-01-01T23:59:59+00:00"));
        assert_eq!(parse("2025-01-01T03:00:00+03:00", RangeEnd::From).as_deref(), Some("2025-01-01T00:00:00+00:00"));
        assert_eq!(parse("24h", RangeEnd::From).as_deref(), Some("2026-11-21T12:00:00+00:00"));
        assert_eq!(parse("7d", RangeEnd::From).as_deref(), Some("2026-11-15T12:00:00+00:00"));
        for bad in ["yesterday", "0d", "-1d", "7x", "", "99999999999999y"] {
            assert_eq!(parse(bad, RangeEnd::From), None, "{bad}");
        }
    }
}
