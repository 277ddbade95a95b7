//! `GET /api/v1/facets/{facet}?q=lav`: find facet values by the start of a word.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use morgue_index::FacetField;
use serde::Serialize;

use super::{ApiError, AppState, ErrorCode, SearchParams, run_blocking};

/// The values of a facet matching a prefix.
#[derive(Debug, Serialize)]
pub(super) struct FacetValuesResponse {
    facet: &'static str,
    values: Vec<FacetValueDto>,
}

#[derive(Debug, Serialize)]
struct FacetValueDto {
    value: String,
    count: u64,
}

/// Returns the values of a facet with a word starting with `q`, counted under
/// the search's other parameters (its query is `query=` here, since `q` is
/// the prefix), without the facet's own filter.
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
    let values = counts.into_iter().map(|c| FacetValueDto { value: c.value, count: c.count }).collect();
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
