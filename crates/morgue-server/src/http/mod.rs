//! The HTTP API and the bundled page.
//!
//! Handlers translate between HTTP and the index's API; they never search
//! themselves. Index calls are CPU-bound and run on tokio's blocking pool.

mod articles;
mod error;
mod facets;
mod feed;
mod page;
mod related;
mod search;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use morgue_index::SearchIndex;
use serde::de::DeserializeOwned;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use error::{ApiError, ErrorCode};
pub use search::{SearchParams, SearchResponse};

use crate::Config;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The index searched.
    pub index: Arc<SearchIndex>,
    /// The settings.
    pub config: Arc<Config>,
}

/// Returns the application: routes, fallback and middleware.
pub fn router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let timeout = Duration::from_millis(state.config.server.request_timeout_ms);
    let max_body_bytes = state.config.server.max_body_bytes;
    Router::new()
        .route("/", get(page::index_page))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/api/v1/search", get(search::search_articles))
        .route("/api/v1/search.atom", get(feed::search_feed))
        .route("/api/v1/articles/{id}", get(articles::get_article))
        .route("/api/v1/articles/{id}/related", get(related::related_articles))
        .route("/api/v1/facets/{facet}", get(facets::search_facet_values))
        .route("/api/v1/suggest", get(related::suggest))
        .fallback(not_found)
        .with_state(state)
        // Layers run outer to inner from the bottom up.
        .layer(RequestBodyLimitLayer::new(max_body_bytes))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, timeout))
        .layer(CatchPanicLayer::custom(|_panic| {
            tracing::error!("a request handler panicked");
            ApiError::new(ErrorCode::Internal, "internal error").into_response()
        }))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request| {
            let request_id = request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", method = %request.method(), uri = %request.uri().path(), request_id)
        }))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
}

/// The query string, deserialized with repeatable keys (`tag=a&tag=b`);
/// a malformed or unknown parameter is a 400 in our error shape.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum_extra::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum_extra::extract::Query(value)| Self(value))
            .map_err(|rejection| {
                let message = rejection.body_text();
                let message = message.strip_prefix("Failed to deserialize query string: ").unwrap_or(&message);
                ApiError::new(ErrorCode::InvalidParameter, message)
            })
    }
}

/// Runs CPU-bound index work off the async runtime.
pub(crate) async fn run_blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work).await.map_err(|error| ApiError::internal(&error))
}

async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok" }))
}

async fn readyz(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    let articles = state.index.num_articles();
    Json(serde_json::json!({ "status": "ready", "articles": articles })).into_response()
}

async fn not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "no such endpoint; the API is under /api/v1")
}
