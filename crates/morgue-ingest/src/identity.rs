//! Stable article ids.
//!
//! The id is the identity of the *article*, not of the file: a page saved
//! twice (with a different ticker or ads around it) must get the same id, so
//! that ingesting it again replaces the article instead of duplicating it.
//! The canonical URL identifies an article best; without one, the site,
//! headline and publication date do.

use morgue_model::{ArticleDate, ArticleId};

/// Returns the id of an article from its canonical URL, or else from its site,
/// title and publication date.
pub(crate) fn article_id(
    url: Option<&str>,
    site: Option<&str>,
    title: &str,
    published: Option<&ArticleDate>,
) -> ArticleId {
    let key = match url {
        Some(url) => format!("url\0{}", normalize_url(url)),
        None => format!(
            "page\0{}\0{}\0{}",
            site.unwrap_or_default().to_lowercase(),
            collapse_whitespace(title).to_lowercase(),
            published.map(|d| d.date().to_string()).unwrap_or_default(),
        ),
    };
    ArticleId::from_digest(blake3::hash(key.as_bytes()).as_bytes())
}

/// Returns the BLAKE3 hash of `bytes` in hex.
pub(crate) fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// Normalises a URL for identity: lower-case scheme and host, `http` and
/// `https` alike, no fragment, no tracking parameters, no trailing slash.
fn normalize_url(url: &str) -> String {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let without_scheme = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| url.strip_prefix("//"))
        .unwrap_or(url);
    let (host, rest) = without_scheme.split_once('/').map_or((without_scheme, ""), |(h, r)| (h, r));
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or_default();
            !pair.is_empty()
                && !name.starts_with("utm_")
                && !matches!(name, "fbclid" | "gclid" | "ocid" | "cmpid" | "ref" | "amp")
        })
        .collect();
    let path = path.trim_end_matches('/');
    if kept.is_empty() { format!("{host}/{path}") } else { format!("{host}/{path}?{}", kept.join("&")) }
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_article_url_in_other_dress_has_the_same_id() {
        let plain = article_id(Some("https://example.com/news/a-story"), None, "", None);
        for variant in
            ["http://www.example.com/news/a-story/", "https://EXAMPLE.com/news/a-story?utm_source=x#comments"]
        {
            assert_eq!(article_id(Some(variant), None, "", None), plain, "{variant}");
        }
        assert_ne!(article_id(Some("https://example.com/news/b"), None, "", None), plain);
    }

    #[test]
    fn without_url_site_title_and_day_identify_the_article() {
        let day: ArticleDate = "2024-05-24T15:34:00".parse().expect("valid");
        let a = article_id(None, Some("Site"), "A  headline", Some(&day));
        let b = article_id(None, Some("site"), "A headline", Some(&day));
        assert_eq!(a, b);
        assert_ne!(a, article_id(None, Some("Site"), "Another headline", Some(&day)));
    }
}
