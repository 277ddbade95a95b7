//! `GET /`: the bundled search page, one self-contained HTML file.

use axum::response::Html;

const INDEX_HTML: &str = include_str!("../../static/index.html");

/// Serves the search page.
pub(super) async fn index_page() -> Html<&'static str> {
    Html(INDEX_HTML)
}
