//! The bundled page (`GET /`), its compact form for iframes (`GET /embed`)
//! and the drop-in widget script (`GET /widget.js`): self-contained files
//! embedded in the binary, no build step, nothing fetched from elsewhere.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};

use super::AppState;

const INDEX_HTML: &str = include_str!("../../static/index.html");
const WIDGET_JS: &str = include_str!("../../static/widget.js");

/// Serves the search page.
#[utoipa::path(
    get,
    path = "/",
    tag = "operations",
    responses((status = 200, description = "The search page", body = String, content_type = "text/html"))
)]
pub(super) async fn index_page() -> Response {
    with_frame_ancestors(Html(INDEX_HTML).into_response(), &[])
}

/// Serves the compact page for iframes; only the configured origins may frame it.
#[utoipa::path(
    get,
    path = "/embed",
    tag = "operations",
    responses((status = 200, description = "The compact search page for iframes", body = String, content_type = "text/html"))
)]
pub(super) async fn embed_page(State(state): State<AppState>) -> Response {
    let html = INDEX_HTML.replacen("<body>", "<body class=\"embed\">", 1);
    with_frame_ancestors(Html(html).into_response(), &state.config.server.embed_frame_ancestors)
}

/// Serves the drop-in widget script.
#[utoipa::path(
    get,
    path = "/widget.js",
    tag = "operations",
    responses((status = 200, description = "The widget script", body = String, content_type = "text/javascript"))
)]
pub(super) async fn widget_script() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], WIDGET_JS).into_response()
}

/// Allows framing by this server and `origins` only.
fn with_frame_ancestors(mut response: Response, origins: &[String]) -> Response {
    let mut policy = String::from("frame-ancestors 'self'");
    for origin in origins {
        policy.push(' ');
        policy.push_str(origin);
    }
    // Origins were checked at config load to hold no characters a header cannot.
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}
