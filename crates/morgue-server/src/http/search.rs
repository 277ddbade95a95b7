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
use utoipa::{IntoParams, ToSchema};

use super::{ApiError, AppState, ErrorCode, Query, run_blocking};
use crate::config::SearchConfig;

/// The query string of a search. Unknown parameters are refused, so a typo
/// such as `tags=` is an error rather than a silently ignored filter.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    /// The query: words (all must match), "phrases", AND/OR/NOT or -word,
    /// field:term, prefixes such as lavr*; empty matches every article.
    #[serde(default)]
    pub(crate) q: String,
    /// Only articles with any of these publisher tags (case-insensitive).
    #[serde(default)]
    #[param(style = Form, explode)]
    pub(crate) tag: Vec<String>,
    /// Only articles by any of these authors.
    #[serde(default)]
    #[param(style = Form, explode)]
    pub(crate) author: Vec<String>,
    /// Only articles from any of these sites.
    #[serde(default)]
    #[param(style = Form, explode)]
    pub(crate) site: Vec<String>,
    /// Only articles credited to any of these sources or agencies.
    #[serde(default)]
    #[param(style = Form, explode)]
    pub(crate) source: Vec<String>,
    /// Only articles in any of these sections.
    #[serde(default)]
    #[param(style = Form, explode)]
    pub(crate) section: Vec<String>,
    /// Only articles in any of these coverage series.
    #[serde(default)]
    #[param(style = Form, explode)]
    pub(crate) series: Vec<String>,
    /// Only articles naming any of these people (canonical names).
    #[serde(default)]
    #[param(style = Form, explode)]
    pub(crate) person: Vec<String>,
    /// Only articles naming any of these organisations (canonical names).
    #[serde(default)]
    #[param(style = Form, explode)]
    pub(crate) organization: Vec<String>,
    /// Only articles naming any of these places (canonical names).
    #[serde(default)]
    #[param(style = Form, explode)]
    pub(crate) place: Vec<String>,
    /// Published on or after: YYYY-MM-DD, RFC 3339, or a span back from now (24h, 7d, 2w, 6m, 1y).
    #[param(example = "2025-01-01")]
    pub(crate) from: Option<String>,
    /// Published on or before (a bare day counts whole): YYYY-MM-DD, RFC 3339, or a span.
    #[param(example = "2025-12-31")]
    pub(crate) to: Option<String>,
    /// Order of the hits: relevance (default), newest or oldest.
    #[param(value_type = Option<SortParam>)]
    pub(crate) sort: Option<String>,
    /// Number of hits, 0 to 100 (default 20).
    #[param(value_type = Option<u32>, minimum = 0, maximum = 100)]
    pub(crate) limit: Option<String>,
    /// Number of hits (stories, when collapsing) to skip, up to 100000.
    #[param(value_type = Option<u32>, minimum = 0, maximum = 100000)]
    pub(crate) offset: Option<String>,
    /// Where the page starts: the `next_cursor` of the previous page of the
    /// same search (then without `offset`). Pages in a stable order, with no
    /// depth limit.
    pub(crate) cursor: Option<String>,
    /// Facets to count, comma-separated: tags, authors, site, source, section,
    /// series, person, organization, place.
    #[param(example = "tags,person")]
    pub(crate) facets: Option<String>,
    /// Values per facet, 1 to 1000 (default 20).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    pub(crate) facet_limit: Option<String>,
    /// Length of a snippet in characters, 20 to 2000 (default 200).
    #[param(value_type = Option<u32>, minimum = 20, maximum = 2000)]
    pub(crate) snippet_length: Option<String>,
    /// Date histogram of the matching articles: day, week, month or year.
    #[param(value_type = Option<IntervalParam>)]
    pub(crate) histogram: Option<String>,
    /// IANA time zone of the histogram's calendar (default UTC).
    #[param(example = "Europe/Moscow")]
    pub(crate) tz: Option<String>,
    /// Half-life of the freshness boost of relevance sort (30d, 1y, ...), or off.
    #[param(example = "30d")]
    pub(crate) recency: Option<String>,
    /// Whether long words may match with one typo when the exact words find little (default true).
    #[param(value_type = Option<bool>)]
    pub(crate) typos: Option<String>,
    /// Whether near-duplicate stories collapse into one hit (default true).
    #[param(value_type = Option<bool>)]
    pub(crate) collapse: Option<String>,
}

/// Orders of hits, for the API description.
#[derive(ToSchema)]
#[serde(rename_all = "lowercase")]
#[expect(dead_code, reason = "describes the accepted values of `sort` in OpenAPI only")]
pub(super) enum SortParam {
    Relevance,
    Newest,
    Oldest,
}

/// Histogram intervals, for the API description.
#[derive(ToSchema)]
#[serde(rename_all = "lowercase")]
#[expect(dead_code, reason = "describes the accepted values of `histogram` in OpenAPI only")]
pub(super) enum IntervalParam {
    Day,
    Week,
    Month,
    Year,
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
            cursor: self.cursor.filter(|c| !c.is_empty()),
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
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResponse {
    /// Number of matching articles.
    total: u64,
    /// Time the search took, in milliseconds.
    took_ms: u64,
    /// The requested page of hits.
    hits: Vec<HitDto>,
    /// Counts per requested facet, most frequent first; each facet is counted
    /// with every filter but its own.
    #[schema(value_type = BTreeMap<String, Vec<FacetCountDto>>)]
    facets: BTreeMap<&'static str, Vec<FacetCountDto>>,
    /// The date histogram, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    histogram: Option<Vec<BucketDto>>,
    /// Whether words were matched tolerating typos.
    typos: bool,
    /// With collapsing, the number of distinct stories among `total`.
    #[serde(skip_serializing_if = "Option::is_none")]
    stories: Option<u64>,
    /// With a full page, the `cursor` of the page after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    next_cursor: Option<String>,
}

/// One bar of the date histogram.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct BucketDto {
    /// The local day the bucket starts on.
    key: String,
    /// The instant the bucket starts, RFC 3339 in the histogram's zone.
    start: String,
    /// Matching articles in the bucket.
    count: u64,
}

/// One hit, as search and related articles return it.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct HitDto {
    /// The article's id, for `/api/v1/articles/{id}`.
    id: String,
    /// Headline.
    title: String,
    /// Canonical URL of the original.
    url: Option<String>,
    /// Publication date, as precise as the page gave it.
    published: Option<String>,
    /// Publishing site.
    site: Option<String>,
    /// Byline names.
    authors: Vec<String>,
    /// Publisher tags.
    tags: Vec<String>,
    /// The dek.
    summary: Option<String>,
    /// The headline, HTML-escaped, with matched words in `<mark>`.
    title_html: String,
    /// The first of `snippets`.
    snippet: String,
    /// Up to three HTML-escaped body fragments with matched words in `<mark>`.
    snippets: Vec<String>,
    /// Matching articles of the same story hidden behind this hit.
    duplicates: u64,
}

/// How many matching articles have one facet value.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct FacetCountDto {
    /// The value, as written in the articles.
    value: String,
    /// Matching articles with it.
    count: u64,
}

impl From<morgue_index::FacetCount> for FacetCountDto {
    fn from(count: morgue_index::FacetCount) -> Self {
        Self { value: count.value, count: count.count }
    }
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
            next_cursor: results.next_cursor,
            total: results.total,
            took_ms: results.took_ms,
            hits: results.hits.into_iter().map(HitDto::from).collect(),
            facets: results
                .facets
                .into_iter()
                .map(|(facet, counts)| (facet.as_str(), counts.into_iter().map(FacetCountDto::from).collect()))
                .collect(),
        }
    }
}

/// Searches the archive.
#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "search",
    params(SearchParams),
    responses(
        (status = 200, description = "Hits, facets and histogram", body = SearchResponse),
        (status = 400, description = "A bad parameter or query", body = ApiError),
        (status = 503, description = "The search took too long", body = ApiError),
    )
)]
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
