//! Saved HTML pages.
//!
//! Metadata comes from what publishers state for machines, in order of trust:
//! JSON-LD `NewsArticle` objects, OpenGraph and `article:*` meta tags, other
//! meta tags, then the visible page (`<h1>`, `<time>`, bylines). The body is
//! the block of the page with the most paragraph text, read as paragraphs,
//! sub-headings, list items and quotes.

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use crate::dates;
use crate::extractor::{Draft, clean_inline};
use crate::{Error, Result};

/// Extracts the article from an HTML page.
pub(crate) fn extract(text: &str) -> Result<Draft> {
    let document = Html::parse_document(text);
    let meta = Meta::read(&document);
    let ld = JsonLd::read(&document);
    let mut draft = Draft {
        url: ld.url.clone().or_else(|| meta.link("canonical")).or_else(|| meta.get("og:url")),
        site: meta.get("og:site_name").or_else(|| ld.publisher.clone()),
        summary: meta.get("og:description").or_else(|| meta.get("description")).or_else(|| ld.description.clone()),
        published: ld
            .published
            .as_deref()
            .and_then(dates::parse)
            .or_else(|| meta.date(&["article:published_time", "datePublished", "pubdate", "date", "dc.date"]))
            .or_else(|| time_element(&document)),
        updated: ld
            .modified
            .as_deref()
            .and_then(dates::parse)
            .or_else(|| meta.date(&["article:modified_time", "dateModified"])),
        section: meta.get("article:section").or_else(|| ld.section.clone()),
        language: html_lang(&document),
        ..Draft::default()
    };
    draft.title = headline(&document, &meta, &ld, draft.site.as_deref());
    draft.authors = if ld.authors.is_empty() {
        meta.all("author").into_iter().chain(meta.all("article:author")).filter(|a| !a.starts_with("http")).collect()
    } else {
        ld.authors.clone()
    };
    draft.tags = meta.all("article:tag");
    if draft.tags.is_empty()
        && let Some(keywords) = meta.get("keywords").or_else(|| meta.get("news_keywords"))
    {
        draft.tags = keywords.split(',').map(|k| k.trim().to_owned()).collect();
    }
    draft.image_captions = captions(&document);
    draft.paragraphs = body(&document);
    if draft.paragraphs.is_empty() {
        return Err(Error::NotAnArticle { reason: "no article body" });
    }
    Ok(draft)
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selectors in this module are valid CSS")
}

/// The page's `<meta>` and `<link>` tags.
struct Meta {
    pairs: Vec<(String, String)>,
    links: Vec<(String, String)>,
}

impl Meta {
    fn read(document: &Html) -> Self {
        let pairs = document
            .select(&selector("meta"))
            .filter_map(|el| {
                let v = el.value();
                let name = v.attr("property").or_else(|| v.attr("name")).or_else(|| v.attr("itemprop"))?;
                let content = v.attr("content")?;
                Some((name.to_ascii_lowercase(), clean_inline(content)))
            })
            .filter(|(_, content)| !content.is_empty())
            .collect();
        let links = document
            .select(&selector("link[rel][href]"))
            .filter_map(|el| Some((el.value().attr("rel")?.to_ascii_lowercase(), el.value().attr("href")?.to_owned())))
            .collect();
        Self { pairs, links }
    }

    fn get(&self, name: &str) -> Option<String> {
        let name = name.to_ascii_lowercase();
        self.pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone())
    }

    fn all(&self, name: &str) -> Vec<String> {
        self.pairs.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect()
    }

    fn date(&self, names: &[&str]) -> Option<morgue_model::ArticleDate> {
        names.iter().find_map(|name| self.get(name).as_deref().and_then(dates::parse))
    }

    fn link(&self, rel: &str) -> Option<String> {
        self.links.iter().find(|(r, href)| r == rel && href.starts_with("http")).map(|(_, href)| href.clone())
    }
}

/// Fields of the page's JSON-LD article object.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    url: Option<String>,
    description: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    section: Option<String>,
    publisher: Option<String>,
    authors: Vec<String>,
}

impl JsonLd {
    fn read(document: &Html) -> Self {
        let mut found = Self::default();
        for script in document.select(&selector("script[type='application/ld+json']")) {
            let text: String = script.text().collect();
            let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
                continue;
            };
            if let Some(article) = find_article(&value) {
                found = Self::from_object(article);
                break;
            }
        }
        found
    }

    fn from_object(object: &Value) -> Self {
        let string = |key: &str| object.get(key).and_then(Value::as_str).map(clean_inline);
        Self {
            headline: string("headline").or_else(|| string("name")),
            url: string("url").filter(|u| u.starts_with("http")),
            description: string("description"),
            published: string("datePublished").or_else(|| string("dateCreated")),
            modified: string("dateModified"),
            section: string("articleSection"),
            publisher: object.get("publisher").and_then(|p| p.get("name")).and_then(Value::as_str).map(clean_inline),
            authors: object.get("author").map(names).unwrap_or_default(),
        }
    }
}

/// Finds the first object whose `@type` is an article kind, in `@graph`s and arrays.
fn find_article(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(object) => {
            let is_article = object.get("@type").is_some_and(|t| match t {
                Value::String(s) => s.contains("Article") || s == "Report" || s == "BlogPosting",
                Value::Array(types) => types.iter().any(|t| t.as_str().is_some_and(|s| s.contains("Article"))),
                _ => false,
            });
            if is_article { Some(value) } else { object.get("@graph").and_then(find_article) }
        }
        _ => None,
    }
}

/// Person names from a JSON-LD `author` value (string, object or array).
fn names(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![clean_inline(s)],
        Value::Object(object) => object.get("name").and_then(Value::as_str).map(clean_inline).into_iter().collect(),
        Value::Array(items) => items.iter().flat_map(names).collect(),
        _ => Vec::new(),
    }
}

/// The headline: JSON-LD, the `<h1>`, OpenGraph, then `<title>` without the site name.
fn headline(document: &Html, meta: &Meta, ld: &JsonLd, site: Option<&str>) -> String {
    let h1 =
        document.select(&selector("h1")).map(|el| clean_inline(&el.text().collect::<String>())).find(|t| !t.is_empty());
    let title = document
        .select(&selector("title"))
        .next()
        .map(|el| strip_site_name(&clean_inline(&el.text().collect::<String>()), site));
    ld.headline
        .clone()
        .or(h1)
        .or_else(|| meta.get("og:title").map(|t| strip_site_name(&t, site)))
        .or(title)
        .unwrap_or_default()
}

/// Drops a ` | Site` or ` - Site` suffix from a `<title>`.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    for separator in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            let tail_is_site =
                site.is_none_or(|s| tail.eq_ignore_ascii_case(s)) && tail.split_whitespace().count() <= 5;
            if tail_is_site && !head.is_empty() {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

fn time_element(document: &Html) -> Option<morgue_model::ArticleDate> {
    document.select(&selector("time[datetime]")).find_map(|el| el.value().attr("datetime").and_then(dates::parse))
}

fn html_lang(document: &Html) -> Option<String> {
    let lang = document.select(&selector("html[lang]")).next()?.value().attr("lang")?;
    let primary = lang.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    (primary.len() == 2).then_some(primary)
}

fn captions(document: &Html) -> Vec<String> {
    document
        .select(&selector("figcaption"))
        .map(|el| clean_inline(&el.text().collect::<String>()))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Elements that never hold article text.
const SKIPPED: &[&str] =
    &["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg", "iframe", "figure"];

/// The body: the paragraphs of the container with the most paragraph text.
fn body(document: &Html) -> Vec<String> {
    let p = selector("p");
    let mut best: Option<(usize, ElementRef<'_>)> = None;
    for candidate in document.select(&selector("article, main, div, section, td")) {
        let direct: usize = candidate
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|child| child.value().name() == "p")
            .map(|child| child.text().map(str::len).sum::<usize>())
            .sum();
        if direct > best.map_or(0, |(score, _)| score) {
            best = Some((direct, candidate));
        }
    }
    let Some((_, container)) = best else {
        return document
            .select(&p)
            .map(|el| clean_inline(&el.text().collect::<String>()))
            .filter(|t| !t.is_empty())
            .collect();
    };
    let mut paragraphs = Vec::new();
    collect_blocks(container, &mut paragraphs);
    paragraphs
}

/// Appends the text of the block elements under `element`, skipping clutter.
fn collect_blocks(element: ElementRef<'_>, out: &mut Vec<String>) {
    for child in element.children().filter_map(ElementRef::wrap) {
        let name = child.value().name();
        if SKIPPED.contains(&name) {
            continue;
        }
        match name {
            "p" | "h2" | "h3" | "h4" | "li" | "blockquote" | "pre" => {
                let text = clean_inline(&child.text().collect::<String>());
                if !text.is_empty() {
                    out.push(text);
                }
            }
            _ => collect_blocks(child, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_name_is_stripped_from_the_title() {
        assert_eq!(strip_site_name("Big news today | The Daily", Some("The Daily")), "Big news today");
        assert_eq!(strip_site_name("Big news - today", Some("The Daily")), "Big news - today");
    }

    #[test]
    fn reads_json_ld_and_paragraphs() {
        let page = r#"<html lang="en-GB"><head><title>Bridge opens | Example Daily</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
             "headline":"Bridge opens","datePublished":"2024-03-03T10:00:00+01:00",
             "author":[{"@type":"Person","name":"Jane Doe"}],"url":"https://example.com/bridge"}</script>
            </head><body><nav><p>Home News Sport</p></nav><article><h1>Bridge opens</h1>
            <p>The mayor opened the bridge on Sunday, two years after work began.</p>
            <p>Crowds lined the river banks to watch the ceremony.</p></article>
            <footer><p>Copyright 2025</p></footer></body></html>"#;
        let draft = extract(page).expect("an article");
        assert_eq!(draft.title, "Bridge opens");
        assert_eq!(draft.authors, ["Jane Doe"]);
        assert_eq!(draft.language.as_deref(), Some("en"));
        assert_eq!(draft.published.map(|d| d.to_string()).as_deref(), Some("2024-03-03T10:00:00+01:00"));
        assert_eq!(draft.paragraphs.len(), 2);
        assert!(!draft.paragraphs.iter().any(|p| p.contains("Copyright")));
    }
}
