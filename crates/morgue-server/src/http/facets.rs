//! `GET /api/v1/facets/{facet}?q=lav`: find facet values by the start of a word.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use morgue_index::FacetField;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::search::FacetCountDto;
use super::{ApiError, AppState, ErrorCode, SearchParams, run_blocking};

/// The values of a facet matching a prefix.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct FacetValuesResponse {
    /// The facet searched.
    facet: &'static str,
    /// Matching values, most frequent first.
    values: Vec<FacetCountDto>,
}

/// The prefix, and the search's own query under another name.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(dead_code, reason = "describes the parameters of the facet endpoint in OpenAPI only")]
struct FacetPrefixParams {
    /// The start of a word of the values sought, ignoring case and accents;
    /// several words match whole words in a row, the last one cut short
    /// (`sergey lav`).
    q: Option<String>,
    /// The search's query (its `q`), whose matches are counted.
    query: Option<String>,
}

/// The search filters the facet endpoint accepts, as `GET /api/v1/search` does.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(dead_code, reason = "describes the parameters of the facet endpoint in OpenAPI only")]
struct FacetFilterParams {
    /// Only articles with any of these tags.
    #[param(style = Form, explode)]
    tag: Option<Vec<String>>,
    /// Only articles by any of these authors.
    #[param(style = Form, explode)]
    author: Option<Vec<String>>,
    /// Only articles from any of these sites.
    #[param(style = Form, explode)]
    site: Option<Vec<String>>,
    /// Only articles naming any of these people.
    #[param(style = Form, explode)]
    person: Option<Vec<String>>,
    /// Only articles naming any of these organisations.
    #[param(style = Form, explode)]
    organization: Option<Vec<String>>,
    /// Only articles naming any of these places.
    #[param(style = Form, explode)]
    place: Option<Vec<String>>,
    /// Published on or after (YYYY-MM-DD, RFC 3339 or a span such as 7d).
    from: Option<String>,
    /// Published on or before.
    to: Option<String>,
    /// Number of values, 1 to 1000 (default 20).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    facet_limit: Option<String>,
}

/// Returns the values of a facet with a word starting with `q`, counted under
/// the search's other parameters (its query is `query=` here, since `q` is
/// the prefix), without the facet's own filter.
#[utoipa::path(
    get,
    path = "/api/v1/facets/{facet}",
    tag = "search",
    params(
        ("facet" = String, Path, description = "tags, authors, site, source, section, series, person, organization or place"),
        FacetPrefixParams,
        FacetFilterParams,
    ),
    responses(
        (status = 200, description = "Matching values with counts", body = FacetValuesResponse),
        (status = 400, description = "A bad facet or parameter", body = ApiError),
    )
)]
pub(super) async fn search_facet_values(
    State(state): State<AppState>,
    Path(facet): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<FacetValuesResponse>, ApiError> {
    let facet: FacetField = facet
        .parse()
        .map_err(|e: morgue_index::Error| ApiError::for_field(ErrorCode::InvalidParameter, "facet", e.to_string()))?;
    let (prefix, params) = split_prefix(raw.as_deref().unwrap_or_default())?;
    let request = params.into_request(&state.config.search)?;
    let index = state.index.clone();
    let counts = run_blocking(move || index.search_facet(facet, &prefix, &request)).await??;
    let values = counts.into_iter().map(FacetCountDto::from).collect();
    Ok(Json(FacetValuesResponse { facet: facet.as_str(), values }))
}

/// Takes `q` (the prefix) out of the query string and reads the rest as
/// search parameters, with `query` standing for the search's `q`.
fn split_prefix(raw: &str) -> Result<(String, SearchParams), ApiError> {
    let invalid = |e: &dyn std::fmt::Display| ApiError::new(ErrorCode::InvalidParameter, e.to_string());
    let pairs: Vec<(String, String)> = serde_html_form::from_str(raw).map_err(|e| invalid(&e))?;
    let mut prefix = String::new();
    let mut rest = Vec::with_capacity(pairs.len());
    for (key, value) in pairs {
        match key.as_str() {
            "q" => prefix = value,
            "query" => rest.push(("q".to_owned(), value)),
            _ => rest.push((key, value)),
        }
    }
    let rest = serde_html_form::to_string(&rest).map_err(|e| invalid(&e))?;
    let params = serde_html_form::from_str(&rest).map_err(|e| invalid(&e))?;
    Ok((prefix, params))
}
