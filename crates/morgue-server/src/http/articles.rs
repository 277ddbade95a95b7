//! `GET /api/v1/articles/{id}`: one whole article.

use axum::Json;
use axum::extract::{Path, State};
use morgue_model::{Article, ArticleId};

use super::{ApiError, AppState, ErrorCode, run_blocking};

/// Returns the article with the id.
pub(super) async fn get_article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Article>, ApiError> {
    let not_found = || ApiError::for_field(ErrorCode::ArticleNotFound, "id", format!("no article has id {id:?}"));
    let Some(article_id) = ArticleId::parse(&id) else {
        return Err(not_found());
    };
    let index = state.index.clone();
    let article = run_blocking(move || index.article(&article_id)).await??;
    article.map(Json).ok_or_else(not_found)
}
