//! The HTTP API and the bundled page.
//!
//! Handlers translate between HTTP and the index's API; they never search
//! themselves. Index calls are CPU-bound and run on tokio's blocking pool.

mod articles;
mod error;
mod facets;
mod feed;
mod metrics;
mod page;
mod related;
mod search;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Json, Router};
use morgue_index::SearchIndex;
use serde::Serialize;
use serde::de::DeserializeOwned;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use utoipa::{OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

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

/// The description of the API, completed by the routes' annotations.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "morgue",
        description = "Full-text search for news archives: faceted search, timelines, related articles and feeds.",
        license(name = "MIT OR Apache-2.0")
    ),
    components(schemas(search::SortParam, search::IntervalParam)),
    tags(
        (name = "search", description = "Searching the archive"),
        (name = "articles", description = "Single articles"),
        (name = "operations", description = "Health and the API description"),
    )
)]
struct ApiDoc;

/// Returns the API routes and the OpenAPI document they make, from one list,
/// so the two cannot drift apart. (The document also describes the two
/// routes [`router`] adds: `/api/openapi.json` itself and `/metrics`.)
pub fn api() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (routes, mut openapi) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(search::search_articles))
        .routes(routes!(feed::search_feed))
        .routes(routes!(articles::get_article))
        .routes(routes!(related::related_articles))
        .routes(routes!(facets::search_facet_values))
        .routes(routes!(related::suggest))
        .routes(routes!(healthz))
        .routes(routes!(readyz))
        .routes(routes!(page::index_page))
        .routes(routes!(page::embed_page))
        .routes(routes!(page::widget_script))
        .split_for_parts();
    let document = plain_path_item(
        "openapi_json",
        "Returns the OpenAPI description of the API",
        "This OpenAPI 3.1 document",
        "application/json",
    );
    openapi.paths.paths.insert("/api/openapi.json".to_owned(), document);
    let metrics = plain_path_item(
        "metrics",
        "Returns request counts and latencies per route and the index size, for Prometheus",
        "The metrics in the Prometheus text format",
        metrics::CONTENT_TYPE,
    );
    openapi.paths.paths.insert("/metrics".to_owned(), metrics);
    (routes, openapi)
}

/// Returns the application: routes, fallback and middleware.
pub fn router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let timeout = Duration::from_millis(state.config.server.request_timeout_ms);
    let max_body_bytes = state.config.server.max_body_bytes;
    let base_path = state.config.server.base_path.clone();
    let cors = cors_layer(&state.config.server.cors_allowed_origins);
    let (api, openapi) = api();
    let openapi = Arc::new(openapi);
    let metrics = Arc::new(metrics::Metrics::default());
    let metrics_handler = {
        let metrics = Arc::clone(&metrics);
        move |State(state): State<AppState>| async move { metrics::respond(&metrics, &state.index) }
    };
    let app = api
        .route("/api/openapi.json", get(move || async move { Json(openapi.as_ref().clone()) }))
        .route("/metrics", get(metrics_handler))
        .fallback(not_found)
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(metrics, metrics::record))
        .layer(cors);
    let app = if base_path == "/" {
        app
    } else {
        let base: Arc<str> = Arc::from(base_path.as_str());
        Router::new().fallback_service(
            tower::ServiceBuilder::new()
                .layer(axum::middleware::from_fn_with_state(base, strip_base_path))
                .service(app),
        )
    };
    app
        // Layers run outer to inner from the bottom up.
        .layer(RequestBodyLimitLayer::new(max_body_bytes))
        .layer(axum::middleware::from_fn_with_state(timeout, time_limit))
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

/// Serves the app under `base` (such as `/tools/archive`): strips the prefix
/// before routing, sends `/tools/archive` to `/tools/archive/` (where the
/// page's relative links resolve under the prefix), and answers 404 outside it.
async fn strip_base_path(State(base): State<Arc<str>>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path == &*base {
        return Redirect::permanent(&format!("{base}/")).into_response();
    }
    let Some(rest) = path.strip_prefix(&*base).filter(|rest| rest.starts_with('/')) else {
        return not_found().await.into_response();
    };
    let rest = match request.uri().query() {
        Some(query) => format!("{rest}?{query}"),
        None => rest.to_owned(),
    };
    let mut parts = request.uri().clone().into_parts();
    parts.path_and_query = rest.parse().ok();
    match axum::http::Uri::from_parts(parts) {
        Ok(uri) => *request.uri_mut() = uri,
        Err(_) => return not_found().await.into_response(),
    }
    next.run(request).await
}

/// Lets the allowed origins call the API from their pages: GET only, no
/// credentials. With no origins, no CORS headers are sent and browsers keep
/// cross-origin pages out; same-origin calls need none.
fn cors_layer(origins: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET])
        .allow_headers([header::ACCEPT, header::CONTENT_TYPE])
        .max_age(Duration::from_secs(3600))
}

/// The description of an operations endpoint routed outside utoipa's list
/// (`/api/openapi.json` itself, `/metrics`): a GET answering 200 with
/// `content_type`.
fn plain_path_item(id: &str, summary: &str, description: &str, content_type: &str) -> utoipa::openapi::PathItem {
    use utoipa::openapi::path::{HttpMethod, OperationBuilder};
    use utoipa::openapi::{ContentBuilder, ResponseBuilder};
    let response =
        ResponseBuilder::new().description(description).content(content_type, ContentBuilder::new().build()).build();
    let operation = OperationBuilder::new()
        .operation_id(Some(id))
        .tag("operations")
        .summary(Some(summary))
        .response("200", response)
        .build();
    utoipa::openapi::PathItem::new(HttpMethod::Get, operation)
}

/// Answers 503 `timeout` when a request runs longer than `limit`. The
/// blocking index work it waited on finishes in the background.
async fn time_limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            let mut response =
                ApiError::new(ErrorCode::Timeout, "the request took too long; try a narrower search").into_response();
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            response
        }
    }
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

/// Whether the process is up.
#[derive(Debug, Serialize, ToSchema)]
struct Health {
    /// Always `ok`.
    status: &'static str,
}

/// Whether the index is open, and how much it holds.
#[derive(Debug, Serialize, ToSchema)]
struct Readiness {
    /// Always `ready`.
    status: &'static str,
    /// Articles in the index.
    articles: u64,
}

/// Answers while the process is up.
#[utoipa::path(get, path = "/healthz", tag = "operations", responses((status = 200, description = "Up", body = Health)))]
async fn healthz() -> Json<Health> {
    Json(Health { status: "ok" })
}

/// Answers once the index is open, with its size.
#[utoipa::path(get, path = "/readyz", tag = "operations", responses((status = 200, description = "Ready", body = Readiness)))]
async fn readyz(State(state): State<AppState>) -> Json<Readiness> {
    Json(Readiness { status: "ready", articles: state.index.num_articles() })
}

async fn not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "no such endpoint; the API is under /api/v1")
}
