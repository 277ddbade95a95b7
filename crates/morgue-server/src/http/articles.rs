//! `GET /api/v1/articles/{id}`: one whole article, with its near-duplicates.

use axum::Json;
use axum::extract::{Path, State};
use morgue_model::{Article, ArticleId};
use serde::Serialize;
use utoipa::ToSchema;

use super::{ApiError, AppState, ErrorCode, run_blocking};

/// An article and the other articles of the same story.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct ArticleResponse {
    #[serde(flatten)]
    article: Article,
    /// The same story elsewhere (near-duplicate bodies), oldest first.
    duplicates: Vec<DuplicateDto>,
}

/// A near-duplicate: the same story on another site or page.
#[derive(Debug, Serialize, ToSchema)]
pub(super) struct DuplicateDto {
    /// The copy's id.
    id: String,
    /// Its headline.
    title: String,
    /// Its site.
    site: Option<String>,
    /// Its URL.
    url: Option<String>,
    /// Its publication date.
    published: Option<String>,
}

/// Returns the article with the id.
#[utoipa::path(
    get,
    path = "/api/v1/articles/{id}",
    tag = "articles",
    params(("id" = String, Path, description = "The article's id (16 hex digits)")),
    responses(
        (status = 200, description = "The whole article", body = ArticleResponse),
        (status = 404, description = "No article has the id", body = ApiError),
    )
)]
pub(super) async fn get_article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ArticleResponse>, ApiError> {
    let not_found = || ApiError::for_field(ErrorCode::ArticleNotFound, "id", format!("no article has id {id:?}"));
    let Some(article_id) = ArticleId::parse(&id) else {
        return Err(not_found());
    };
    let index = state.index.clone();
    let found = run_blocking(move || -> morgue_index::Result<_> {
        let Some(article) = index.article(&article_id)? else { return Ok(None) };
        Ok(Some((article, index.duplicates(&article_id)?)))
    })
    .await??;
    let (article, duplicates) = found.ok_or_else(not_found)?;
    let duplicates = duplicates
        .into_iter()
        .map(|d| DuplicateDto {
            id: d.id.to_string(),
            title: d.title,
            site: d.site,
            url: d.url,
            published: d.published.map(|p| p.to_string()),
        })
        .collect();
    Ok(Json(ArticleResponse { article, duplicates }))
}
