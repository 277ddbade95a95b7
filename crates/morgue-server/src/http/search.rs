//! `GET /api/v1/search`: the query string in, hits and facets out.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use chrono::TimeDelta;
use chrono::Utc;
use chrono_tz::Tz;
use morgue_index::{
    DateRange, FacetField, Histogram, Hit, Interval, RangeEnd, SearchRequest, SearchResults, Sort, parse_span,
};
use serde::{Deserialize, Serialize};

use super::{ApiError, AppState, ErrorCode, Query, run_blocking};
use crate::config::SearchConfig;

/// The query string of a search. Unknown parameters are refused, so a typo
/// such as `tags=` is an error rather than a silently ignored filter.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    #[serde(default)]
    pub(crate) q: String,
    #[serde(default)]
    pub(crate) tag: Vec<String>,
    #[serde(default)]
    pub(crate) author: Vec<String>,
    #[serde(default)]
    pub(crate) site: Vec<String>,
    #[serde(default)]
    pub(crate) source: Vec<String>,
    #[serde(default)]
    pub(crate) section: Vec<String>,
    #[serde(default)]
    pub(crate) series: Vec<String>,
    #[serde(default)]
    pub(crate) person: Vec<String>,
    #[serde(default)]
    pub(crate) organization: Vec<String>,
    #[serde(default)]
    pub(crate) place: Vec<String>,
    pub(crate) from: Option<String>,
    pub(crate) to: Option<String>,
    pub(crate) sort: Option<String>,
    pub(crate) limit: Option<String>,
    pub(crate) offset: Option<String>,
    pub(crate) facets: Option<String>,
    pub(crate) facet_limit: Option<String>,
    pub(crate) snippet_length: Option<String>,
    pub(crate) histogram: Option<String>,
    pub(crate) tz: Option<String>,
    pub(crate) recency: Option<String>,
    pub(crate) typos: Option<String>,
    pub(crate) collapse: Option<String>,
}

impl SearchParams {
    /// Converts the parameters into the index's request, refusing bad values;
    /// `config` gives the defaults requests may override.
    ///
    /// # Errors
    ///
    /// An [`ApiError`] naming the parameter at fault.
    pub fn into_request(self, config: &SearchConfig) -> Result<SearchRequest, ApiError> {
        let defaults = SearchRequest::default();
        let filters: BTreeMap<FacetField, Vec<String>> = [
            (FacetField::Tags, self.tag),
            (FacetField::Authors, self.author),
            (FacetField::Site, self.site),
            (FacetField::Source, self.source),
            (FacetField::Section, self.section),
            (FacetField::Series, self.series),
            (FacetField::Person, self.person),
            (FacetField::Organization, self.organization),
            (FacetField::Place, self.place),
        ]
        .into_iter()
        .map(|(facet, values)| (facet, values.into_iter().filter(|v| !v.trim().is_empty()).collect::<Vec<_>>()))
        .filter(|(_, values)| !values.is_empty())
        .collect();
        let now = Utc::now();
        let published = DateRange {
            from: self.from.as_deref().map(|text| date("from", text, RangeEnd::From, now)).transpose()?,
            to: self.to.as_deref().map(|text| date("to", text, RangeEnd::To, now)).transpose()?,
        };
        Ok(SearchRequest {
            query: self.q,
            filters,
            published,
            sort: self.sort.as_deref().map(sort).transpose()?.unwrap_or(defaults.sort),
            limit: number("limit", self.limit.as_deref())?.unwrap_or(defaults.limit),
            offset: number("offset", self.offset.as_deref())?.unwrap_or(defaults.offset),
            facets: self.facets.as_deref().map(facets).transpose()?.unwrap_or_default(),
            facet_limit: number("facet_limit", self.facet_limit.as_deref())?.unwrap_or(defaults.facet_limit),
            snippet_length: number("snippet_length", self.snippet_length.as_deref())?
                .unwrap_or(defaults.snippet_length),
            histogram: histogram(self.histogram.as_deref(), self.tz.as_deref())?,
            recency_half_life: recency(self.recency.as_deref(), config)?,
            typos: boolean("typos", self.typos.as_deref())?.unwrap_or(defaults.typos),
            collapse: boolean("collapse", self.collapse.as_deref())?.unwrap_or(defaults.collapse),
        })
    }
}

fn date(field: &str, text: &str, end: RangeEnd, now: chrono::DateTime<Utc>) -> Result<chrono::DateTime<Utc>, ApiError> {
    DateRange::parse_end(text, end, now).ok_or_else(|| {
        ApiError::for_field(
            ErrorCode::InvalidDate,
            field,
            format!("{field}={text:?} is not a date: use YYYY-MM-DD, RFC 3339, or a span such as 24h, 7d, 1y"),
        )
    })
}

fn sort(text: &str) -> Result<Sort, ApiError> {
    match text {
        "relevance" => Ok(Sort::Relevance),
        "newest" => Ok(Sort::Newest),
        "oldest" => Ok(Sort::Oldest),
        other => Err(ApiError::for_field(
            ErrorCode::InvalidParameter,
            "sort",
            format!("sort={other:?} is not one of relevance, newest, oldest"),
        )),
    }
}

fn number(field: &str, text: Option<&str>) -> Result<Option<usize>, ApiError> {
    text.map(|text| {
        text.trim().parse().map_err(|_| {
            ApiError::for_field(ErrorCode::InvalidParameter, field, format!("{field}={text:?} is not a whole number"))
        })
    })
    .transpose()
}

fn histogram(interval: Option<&str>, tz: Option<&str>) -> Result<Option<Histogram>, ApiError> {
    let tz: Tz = match tz {
        Some(name) => name.parse().map_err(|_| {
            ApiError::for_field(
                ErrorCode::InvalidParameter,
                "tz",
                format!("tz={name:?} is not an IANA time zone such as Europe/Moscow"),
            )
        })?,
        None => Tz::UTC,
    };
    interval
        .map(|text| {
            let interval: Interval = text.parse().map_err(|e: morgue_index::Error| {
                ApiError::for_field(ErrorCode::InvalidParameter, "histogram", e.to_string())
            })?;
            Ok(Histogram { interval, tz })
        })
        .transpose()
}

fn recency(text: Option<&str>, config: &SearchConfig) -> Result<Option<TimeDelta>, ApiError> {
    let text = text.unwrap_or(&config.recency_half_life);
    match text {
        "off" => Ok(None),
        span => parse_span(span).map(Some).ok_or_else(|| {
            ApiError::for_field(
                ErrorCode::InvalidParameter,
                "recency",
                format!("recency={span:?} is not a span such as 30d or 1y, nor off"),
            )
        }),
    }
}

fn boolean(field: &str, text: Option<&str>) -> Result<Option<bool>, ApiError> {
    text.map(|text| match text {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        other => Err(ApiError::for_field(
            ErrorCode::InvalidParameter,
            field,
            format!("{field}={other:?} is not true or false"),
        )),
    })
    .transpose()
}

fn facets(text: &str) -> Result<Vec<FacetField>, ApiError> {
    let mut facets = Vec::new();
    for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let facet: FacetField = name.parse().map_err(|e: morgue_index::Error| {
            ApiError::for_field(ErrorCode::InvalidParameter, "facets", e.to_string())
        })?;
        if !facets.contains(&facet) {
            facets.push(facet);
        }
    }
    Ok(facets)
}

/// The answer of a search.
#[derive(Debug, Serialize)]
pub struct SearchResponse {
    total: u64,
    took_ms: u64,
    hits: Vec<HitDto>,
    facets: BTreeMap<&'static str, Vec<FacetCountDto>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    histogram: Option<Vec<BucketDto>>,
    /// Whether words were matched tolerating typos.
    typos: bool,
    /// With collapsing, the number of distinct stories among `total`.
    #[serde(skip_serializing_if = "Option::is_none")]
    stories: Option<u64>,
}

#[derive(Debug, Serialize)]
struct BucketDto {
    key: String,
    start: String,
    count: u64,
}

/// One hit, as search and related articles return it.
#[derive(Debug, Serialize)]
pub(super) struct HitDto {
    id: String,
    title: String,
    url: Option<String>,
    published: Option<String>,
    site: Option<String>,
    authors: Vec<String>,
    tags: Vec<String>,
    summary: Option<String>,
    title_html: String,
    snippet: String,
    snippets: Vec<String>,
    /// Matching articles of the same story hidden behind this hit.
    duplicates: u64,
}

#[derive(Debug, Serialize)]
struct FacetCountDto {
    value: String,
    count: u64,
}

impl From<Hit> for HitDto {
    fn from(hit: Hit) -> Self {
        Self {
            id: hit.id.to_string(),
            title: hit.title,
            url: hit.url,
            published: hit.published.map(|d| d.to_string()),
            site: hit.site,
            authors: hit.authors,
            tags: hit.tags,
            summary: hit.summary,
            title_html: hit.title_html,
            snippet: hit.snippets.first().cloned().unwrap_or_default(),
            snippets: hit.snippets,
            duplicates: hit.duplicates,
        }
    }
}

impl SearchResponse {
    /// Returns the answer to `request`.
    pub fn new(request: &SearchRequest, results: SearchResults) -> Self {
        let histogram = request.histogram.map(|_| {
            results
                .histogram
                .iter()
                .map(|b| BucketDto { key: b.key.to_string(), start: b.start.to_rfc3339(), count: b.count })
                .collect()
        });
        Self {
            histogram,
            typos: results.typos_matched,
            stories: results.stories,
            total: results.total,
            took_ms: results.took_ms,
            hits: results.hits.into_iter().map(HitDto::from).collect(),
            facets: results
                .facets
                .into_iter()
                .map(|(facet, counts)| {
                    let counts = counts.into_iter().map(|c| FacetCountDto { value: c.value, count: c.count }).collect();
                    (facet.as_str(), counts)
                })
                .collect(),
        }
    }
}

/// Searches the archive.
pub(super) async fn search_articles(
    State(state): State<AppState>,
    Query(params): Query<SearchParams>,
) -> Result<Json<SearchResponse>, ApiError> {
    let request = params.into_request(&state.config.search)?;
    let index = state.index.clone();
    let (request, results) = run_blocking(move || {
        let results = index.search(&request);
        (request, results)
    })
    .await?;
    Ok(Json(SearchResponse::new(&request, results?)))
}
