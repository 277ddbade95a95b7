//! `GET /api/v1/articles/{id}/related` and `GET /api/v1/suggest`.

use axum::Json;
use axum::extract::{Path, State};
use morgue_index::SuggestionKind;
use morgue_model::ArticleId;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::search::HitDto;
use super::{ApiError, AppState, ErrorCode, Query, run_blocking};

/// Parameters of the related-articles list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(super) struct RelatedParams {
    /// Number of articles, 1 to 50 (default 10).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 50)]
    limit: Option<String>,
}

/// Articles related to one article.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct RelatedResponse {
    /// Related articles, best first, one per story.
    hits: Vec<HitDto>,
}

/// Returns articles sharing the article's distinctive words, tags and
/// entities, one per story, never a copy of the article itself.
#[utoipa::path(
    get,
    path = "/api/v1/articles/{id}/related",
    tag = "articles",
    params(("id" = String, Path, description = "The article's id"), RelatedParams),
    responses(
        (status = 200, description = "Related articles", body = RelatedResponse),
        (status = 400, description = "A bad parameter", body = ApiError),
        (status = 404, description = "No article has the id", body = ApiError),
    )
)]
pub(super) async fn related_articles(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(params): Query<RelatedParams>,
) -> Result<Json<RelatedResponse>, ApiError> {
    let not_found = || ApiError::for_field(ErrorCode::ArticleNotFound, "id", format!("no article has id {id:?}"));
    let limit = small_limit(params.limit.as_deref(), 10)?;
    let article_id = ArticleId::parse(&id).ok_or_else(not_found)?;
    let index = state.index.clone();
    let hits = run_blocking(move || index.related(&article_id, limit)).await??.ok_or_else(not_found)?;
    Ok(Json(RelatedResponse { hits: hits.into_iter().map(HitDto::from).collect() }))
}

/// Parameters of suggestions.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub(super) struct SuggestParams {
    /// What was typed so far.
    #[serde(default)]
    q: String,
    /// Number of suggestions, 1 to 50 (default 8).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 50)]
    limit: Option<String>,
}

/// Completions of typed letters.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct SuggestResponse {
    /// Completions, entity names and tags first.
    suggestions: Vec<SuggestionDto>,
}

/// One completion.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct SuggestionDto {
    /// The completed text.
    text: String,
    /// `title`, or the facet the value belongs to (`person`, `place`, `organization`, `tags`).
    kind: &'static str,
    /// Articles with it (1 for a headline).
    count: u64,
}

/// Completes headlines, tags and entity names.
#[utoipa::path(
    get,
    path = "/api/v1/suggest",
    tag = "search",
    params(SuggestParams),
    responses(
        (status = 200, description = "Completions", body = SuggestResponse),
        (status = 400, description = "A bad parameter", body = ApiError),
    )
)]
pub(super) async fn suggest(
    State(state): State<AppState>,
    Query(params): Query<SuggestParams>,
) -> Result<Json<SuggestResponse>, ApiError> {
    let limit = small_limit(params.limit.as_deref(), 8)?;
    let index = state.index.clone();
    let suggestions = run_blocking(move || index.suggest(&params.q, limit)).await??;
    let suggestions = suggestions
        .into_iter()
        .map(|s| SuggestionDto {
            text: s.text,
            kind: match s.kind {
                SuggestionKind::Title => "title",
                SuggestionKind::Facet(facet) => facet.as_str(),
            },
            count: s.count,
        })
        .collect();
    Ok(Json(SuggestResponse { suggestions }))
}

/// Parses a `limit` of 1 to 50.
fn small_limit(text: Option<&str>, default: usize) -> Result<usize, ApiError> {
    let Some(text) = text else { return Ok(default) };
    match text.trim().parse::<usize>() {
        Ok(limit @ 1..=50) => Ok(limit),
        _ => Err(ApiError::for_field(
            ErrorCode::InvalidParameter,
            "limit",
            format!("limit={text:?} is not a whole number from 1 to 50"),
        )),
    }
}
