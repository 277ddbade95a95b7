//! `GET /api/v1/search.atom`: any search as an Atom 1.0 feed, newest first,
//! so that a reporter can subscribe to a query.

use std::fmt::Write;

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use chrono::{SecondsFormat, Utc};
use morgue_index::{Hit, Sort};

use super::{ApiError, AppState, Query, SearchParams, run_blocking};

/// Returns the newest articles matching the search parameters as an Atom
/// 1.0 feed, so that a search can be subscribed to.
#[utoipa::path(
    get,
    path = "/api/v1/search.atom",
    tag = "search",
    params(SearchParams),
    responses(
        (status = 200, description = "An Atom 1.0 feed, newest first", body = String, content_type = "application/atom+xml"),
        (status = 400, description = "A bad parameter or query", body = ApiError),
    )
)]
pub(super) async fn search_feed(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    Query(params): Query<SearchParams>,
) -> Result<Response, ApiError> {
    let mut request = params.into_request(&state.config.search)?;
    request.sort = Sort::Newest;
    let index = state.index.clone();
    let query = request.query.clone();
    let results = run_blocking(move || index.search(&request)).await??;
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let base = format!("http://{host}");
    let xml = atom(&base, raw.as_deref().unwrap_or_default(), &query, &results.hits);
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], xml).into_response())
}

/// Writes the feed document.
fn atom(base: &str, raw_query: &str, query: &str, hits: &[Hit]) -> String {
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    let instant = |hit: &Hit| hit.published.map(|d| d.to_utc().to_rfc3339_opts(SecondsFormat::Secs, true));
    let updated = hits.iter().filter_map(instant).max().unwrap_or_else(|| now.clone());
    let title = if query.trim().is_empty() { "all articles".to_owned() } else { query.trim().to_owned() };
    let mut xml =
        String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let self_link = format!("{base}/api/v1/search.atom?{raw_query}");
    // `write!` into a String cannot fail.
    let _ = write!(
        xml,
        "  <id>urn:morgue:search:{id}</id>\n  <title>morgue: {title}</title>\n  <updated>{updated}</updated>\n  \
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{self_link}\"/>\n  \
         <link rel=\"alternate\" type=\"text/html\" href=\"{alternate}\"/>\n  \
         <author><name>morgue</name></author>\n  <generator>morgue</generator>\n",
        id = escape(&urlencode(raw_query)),
        title = escape(&title),
        self_link = escape(&self_link),
        alternate = escape(&format!("{base}/?{raw_query}")),
    );
    for hit in hits {
        let link = hit.url.clone().unwrap_or_else(|| format!("{base}/api/v1/articles/{}", hit.id));
        let entry_updated = instant(hit).unwrap_or_else(|| updated.clone());
        let _ = write!(
            xml,
            "  <entry>\n    <id>urn:morgue:article:{id}</id>\n    <title>{title}</title>\n    \
             <updated>{entry_updated}</updated>\n    <link rel=\"alternate\" href=\"{link}\"/>\n",
            id = hit.id,
            title = escape(&hit.title),
            link = escape(&link),
        );
        if let Some(published) = instant(hit) {
            let _ = writeln!(xml, "    <published>{published}</published>");
        }
        for author in &hit.authors {
            let _ = writeln!(xml, "    <author><name>{}</name></author>", escape(author));
        }
        for tag in &hit.tags {
            let _ = writeln!(xml, "    <category term=\"{}\"/>", escape(tag));
        }
        let summary = hit
            .summary
            .as_deref()
            .map(escape)
            .unwrap_or_else(|| escape(hit.snippets.first().map_or("", String::as_str)));
        let summary_type = if hit.summary.is_some() { "text" } else { "html" };
        let _ = write!(xml, "    <summary type=\"{summary_type}\">{summary}</summary>\n  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// Escapes text for XML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot hold at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes what is not unreserved, so the query fits in a URN.
fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'=' | b'&' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}
