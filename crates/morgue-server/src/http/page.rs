//! `GET /`: the bundled search page, one self-contained HTML file.

use axum::response::Html;

const INDEX_HTML: &str = include_str!("../../static/index.html");

/// Serves the search page.
#[utoipa::path(
    get,
    path = "/",
    tag = "operations",
    responses((status = 200, description = "The search page", body = String, content_type = "text/html"))
)]
pub(super) async fn index_page() -> Html<&'static str> {
    Html(INDEX_HTML)
}
