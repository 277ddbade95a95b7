//! Saved HTML pages.
//!
//! Metadata comes from what publishers state for machines, in order of trust:
//! JSON-LD article objects, OpenGraph and `article:*` meta tags, other meta
//! tags and microdata, then the visible page (`<h1>`, `<time>`, bylines,
//! datelines, the URL path). The body is found by [`body`]: the page walked
//! into blocks, the article's container found by scoring, the clutter dropped.
//!
//! This module is the engine behind [`crate::Extractor`] for HTML; nothing of
//! it is public, so it can be replaced without touching callers.

mod author;
mod body;
mod meta;

use morgue_model::ArticleDate;
use scraper::{ElementRef, Html};

use self::meta::{JsonLd, Meta, selector};
use crate::dates;
use crate::extractor::{Draft, clean_inline};
use crate::{Error, Result};

/// Meta tags that hold the publication date, most trusted first.
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "published_time",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date_published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "originalpublicationdate",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "bt:pubdate",
    "displaydate",
    "date",
    "created",
    "og:updated_time",
];

/// Meta tags that hold the date of the last change.
const UPDATED_META: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "datemodified",
    "og:updated_time",
    "last-modified",
    "dcterms.modified",
];

/// Meta tags that hold the author.
const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "dc:creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
    "citation_author",
    "shareaholic:article_author_name",
];

/// Words of a page title that say the page is an error page, lower case.
const ERROR_TITLES: &[&str] = &[
    "404",
    "not found",
    "page not found",
    "forbidden",
    "access denied",
    "error",
    "seite nicht gefunden",
    "nicht gefunden",
    "page introuvable",
    "página no encontrada",
    "pagina non trovata",
];

/// Pages whose markup would cost the HTML parser more than this are refused
/// before parsing. The tree builder scans its stack of open elements for many
/// tags, so its time grows with the number of tags times their depth: a
/// 140 kB page of 12,000 unclosed `<div><span>` (297 million by the measure
/// of [`parse_work`]) took 0.8 s, and ten megabytes of it would take hours.
/// The costliest of the 2,326 dev-set pages measures 2.6 million.
const MAX_PARSE_WORK: usize = 30_000_000;

/// The sum, over the tags of the raw text, of how many container tags
/// (`div`, `span`, `section`, lists, tables...) are open around them.
fn parse_work(text: &str) -> usize {
    const CONTAINERS: &[&[u8]] =
        &[b"div", b"span", b"section", b"article", b"blockquote", b"ul", b"ol", b"dl", b"table", b"main", b"aside"];
    let bytes = text.as_bytes();
    let (mut depth, mut work) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        i += offset + 1;
        work = work.saturating_add(depth);
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let end = bytes[start..].iter().position(|b| !b.is_ascii_alphanumeric()).map_or(bytes.len(), |e| start + e);
        if CONTAINERS.iter().any(|c| bytes[start..end].eq_ignore_ascii_case(c)) {
            depth = if closing { depth.saturating_sub(1) } else { depth + 1 };
        }
    }
    work
}

/// Extracts the article from an HTML page.
pub(crate) fn extract(text: &str) -> Result<Draft> {
    if parse_work(text) > MAX_PARSE_WORK {
        return Err(Error::NotAnArticle { reason: "markup nested too deeply to be a saved article" });
    }
    let document = Html::parse_document(text);
    let root = document.root_element();
    let meta = Meta::read(&document);
    let ld = JsonLd::read(&document);
    let url = ld.url.clone().or_else(|| meta.link("canonical")).or_else(|| meta.get("og:url"));
    let site = meta
        .get("og:site_name")
        .or_else(|| ld.publisher.clone())
        .or_else(|| meta.get("application-name"))
        .filter(|s| s.chars().count() <= 80);
    let language = html_lang(&document).or_else(|| {
        ld.language
            .clone()
            .or_else(|| meta.first(&["og:locale", "content-language", "dc.language", "language"]))
            .and_then(|l| primary_language(&l))
    });
    let month_first = language.as_deref().is_none_or(|l| l == "en")
        && !meta.get("og:locale").is_some_and(|l| l.contains("GB") || l.contains("AU") || l.contains("IE"));
    let title = headline(&document, &meta, &ld, site.as_deref());
    let paragraphs = body::paragraphs(root);
    let paragraphs = drop_repeated_title(paragraphs, &title);
    let published = published(&document, &meta, &ld, url.as_deref(), month_first)
        .map(|d| in_local_zone(d, offset_hint(&document, &meta, &ld), language.as_deref()));
    let updated = ld
        .modified
        .as_deref()
        .and_then(parse_date)
        .or_else(|| UPDATED_META.iter().find_map(|name| meta.get(name).as_deref().and_then(parse_date)));
    let mut tags = meta.all("article:tag");
    if tags.is_empty() {
        tags = ld.keywords.clone();
    }
    if tags.is_empty()
        && let Some(keywords) = meta.first(&["news_keywords", "keywords"])
    {
        tags = keywords.split([',', ';']).map(|k| k.trim().to_owned()).filter(|k| !k.is_empty()).collect();
    }
    tags.truncate(30);
    let draft = Draft {
        summary: meta
            .first(&["og:description", "description", "twitter:description"])
            .or_else(|| ld.description.clone()),
        section: meta.get("article:section").or_else(|| ld.section.clone()),
        authors: authors(&document, &meta, &ld, site.as_deref()),
        image_captions: captions(&document),
        title,
        url,
        site,
        published,
        updated,
        tags,
        language,
        paragraphs,
        ..Draft::default()
    };
    if let Some(reason) = not_an_article(&document, &meta, &ld, &draft) {
        return Err(Error::NotAnArticle { reason });
    }
    if draft.paragraphs.is_empty() {
        return Err(Error::NotAnArticle { reason: "no article body" });
    }
    Ok(draft)
}

/// Why the page is not an article, if it is not: an error page, a redirect,
/// a home page or section front (link lists and little text).
fn not_an_article(document: &Html, meta: &Meta, ld: &JsonLd, draft: &Draft) -> Option<&'static str> {
    let words: usize = draft.paragraphs.iter().map(|p| p.split_whitespace().count()).sum();
    let page_title: String = document
        .select(&selector("title"))
        .next()
        .map(|t| clean_inline(&t.text().collect::<String>()).to_lowercase())
        .unwrap_or_default();
    let h1: String = document
        .select(&selector("h1"))
        .next()
        .map(|t| clean_inline(&t.text().collect::<String>()).to_lowercase())
        .unwrap_or_default();
    let says_error = |t: &str| {
        !t.is_empty()
            && t.chars().count() < 80
            && ERROR_TITLES
                .iter()
                .any(|e| t.split([' ', '|', '-', ':', '–']).any(|w| w == *e) || t.contains(e) && e.contains(' '))
    };
    if words < 150 && !ld.is_article && (says_error(&page_title) || says_error(&h1)) {
        return Some("an error page");
    }
    let root_name = document.root_element().value().name();
    if matches!(root_name, "rss" | "feed" | "rdf:rdf") || text_starts_as_feed(document) {
        return Some("a news feed");
    }
    let refresh = document
        .select(&selector("meta[http-equiv]"))
        .any(|m| m.value().attr("http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("refresh")));
    if refresh && words < 50 {
        return Some("a redirect page");
    }
    let og_article = meta.get("og:type").is_some_and(|t| t.to_ascii_lowercase().contains("article"));
    let front_types = ["WebSite", "CollectionPage", "ItemList", "SearchResultsPage"];
    let says_front = !ld.is_article && !og_article && ld.types.iter().any(|t| front_types.contains(&t.as_str()));
    let body_chars: usize = draft.paragraphs.iter().map(|p| p.chars().filter(|c| !c.is_whitespace()).count()).sum();
    let (page_chars, link_chars) = body::page_text(document.root_element());
    let mostly_links = link_chars * 2 > page_chars && body_chars * 10 < page_chars;
    let og_website = meta.get("og:type").is_some_and(|t| t.eq_ignore_ascii_case("website"));
    if !ld.is_article && !og_article && words < 120 && (says_front || mostly_links || (og_website && words < 40)) {
        return Some("a home page or section front: link lists and little text");
    }
    None
}

/// Whether the page is an RSS or Atom document (which the HTML parser wraps in `<html>`).
fn text_starts_as_feed(document: &Html) -> bool {
    document.select(&selector("body > rss, body > feed, body > channel, rss > channel")).next().is_some()
}

/// A UTC offset other than zero that the page states in any of its dates
/// (a modified time, a `<time>` element): the zone the site writes in.
fn offset_hint(document: &Html, meta: &Meta, ld: &JsonLd) -> Option<chrono::FixedOffset> {
    let times = selector("time[datetime]");
    let stated = ld
        .modified
        .iter()
        .cloned()
        .chain(UPDATED_META.iter().filter_map(|name| meta.get(name)))
        .chain(document.select(&times).take(20).filter_map(|t| t.value().attr("datetime").map(str::to_owned)));
    stated.filter_map(|s| dates::parse(&s)).filter_map(|d| d.offset()).find(|o| o.local_minus_utc() != 0)
}

/// A publication time stated in UTC, shown in the zone the page is written
/// for: the offset of its other dates, else the zone of its language where
/// the language has one (German: Central European Time). The instant is the
/// same; the local day is the page's own.
fn in_local_zone(date: ArticleDate, hint: Option<chrono::FixedOffset>, language: Option<&str>) -> ArticleDate {
    if date.time().is_none() || date.offset().is_none_or(|o| o.local_minus_utc() != 0) {
        return date;
    }
    let utc = date.to_utc();
    if let Some(offset) = hint {
        return ArticleDate::from_fixed(utc.with_timezone(&offset));
    }
    let zone = match language {
        Some(
            "de" | "fr" | "it" | "nl" | "pl" | "cs" | "sk" | "sl" | "hr" | "hu" | "da" | "sv" | "nb" | "no" | "sr"
            | "bs",
        ) => chrono_tz::Europe::Berlin,
        Some("fi" | "et" | "lv" | "lt" | "uk" | "ro" | "bg" | "el") => chrono_tz::Europe::Helsinki,
        Some("ru") => chrono_tz::Europe::Moscow,
        Some("tr") => chrono_tz::Europe::Istanbul,
        Some("ja") => chrono_tz::Asia::Tokyo,
        Some("ko") => chrono_tz::Asia::Seoul,
        Some("zh") => chrono_tz::Asia::Shanghai,
        _ => return date,
    };
    ArticleDate::from_fixed(utc.with_timezone(&zone).fixed_offset())
}

/// Parses a date stated for machines, in any of the forms pages use.
fn parse_date(text: &str) -> Option<ArticleDate> {
    dates::parse(text).or_else(|| dates::find_in_text(text, false))
}

/// The publication date, from the most trusted source that states one.
fn published(document: &Html, meta: &Meta, ld: &JsonLd, url: Option<&str>, month_first: bool) -> Option<ArticleDate> {
    if let Some(date) = ld.published.as_deref().and_then(parse_date) {
        return Some(date);
    }
    if let Some(date) = PUBLISHED_META.iter().find_map(|name| meta.get(name).as_deref().and_then(parse_date)) {
        return Some(date);
    }
    // Microdata and `<time>` elements outside the page's clutter.
    for el in document.select(&selector("[itemprop=datePublished], [itemprop=dateCreated], time[pubdate]")) {
        let value = el.value();
        let stated = value.attr("content").or_else(|| value.attr("datetime")).and_then(parse_date);
        if let Some(date) = stated.or_else(|| dates::find_in_text(&el.text().collect::<String>(), month_first)) {
            return Some(date);
        }
    }
    let mut time_dates = Vec::new();
    for el in document.select(&selector("time[datetime]")) {
        if in_clutter(el) {
            continue;
        }
        if let Some(date) = el.value().attr("datetime").and_then(parse_date) {
            time_dates.push(date);
            break;
        }
    }
    if let Some(date) = time_dates.into_iter().next() {
        return Some(date);
    }
    let url_date = url.and_then(dates::from_url).or_else(|| meta.get("og:url").as_deref().and_then(dates::from_url));
    if let Some(date) = url_date {
        return Some(date);
    }
    dateline(document, month_first)
        .or_else(|| near_headline(document, month_first))
        .or_else(|| anywhere_in_text(document, month_first))
        .or_else(|| in_linked_urls(document))
}

/// The first date in the page's visible text outside comments, teaser lists and footers.
fn anywhere_in_text(document: &Html, month_first: bool) -> Option<ArticleDate> {
    let body = document.select(&selector("body")).next()?;
    let mut text = String::new();
    for node in body.descendants() {
        let Some(t) = node.value().as_text() else { continue };
        if t.trim().is_empty() {
            continue;
        }
        let Some(parent) = node.parent().and_then(ElementRef::wrap) else { continue };
        if matches!(parent.value().name(), "script" | "style" | "noscript" | "option" | "textarea")
            || in_clutter(parent)
        {
            continue;
        }
        text.push_str(t);
        text.push('\n');
        if text.len() > 50_000 {
            break;
        }
    }
    let date = dates::find_in_text(&text, month_first)?;
    // Not the copyright year line of an old page: a day, within sane years.
    (1995..=2100).contains(&chrono::Datelike::year(&date.date())).then_some(date)
}

/// A date in the path of the page's own images and links (`/2016/05/22/`),
/// the most frequent one.
fn in_linked_urls(document: &Html) -> Option<ArticleDate> {
    let mut counts: Vec<(ArticleDate, usize)> = Vec::new();
    for el in document.select(&selector("img[src], a[href]")) {
        let Some(url) = el.value().attr("src").or_else(|| el.value().attr("href")) else { continue };
        if in_clutter(el) {
            continue;
        }
        if let Some(date) = dates::from_url(url) {
            match counts.iter_mut().find(|(d, _)| *d == date) {
                Some((_, n)) => *n += 1,
                None => counts.push((date, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map(|(d, _)| d)
}

/// A date printed just below (or above) the page's `<h1>`.
fn near_headline(document: &Html, month_first: bool) -> Option<ArticleDate> {
    let h1 = document.select(&selector("h1")).next()?;
    let mut before = String::new();
    let mut after = String::new();
    let mut seen = false;
    for node in document.root_element().descendants() {
        if node.id() == h1.id() {
            seen = true;
            continue;
        }
        let Some(text) = node.value().as_text() else { continue };
        let parent = node.parent().and_then(ElementRef::wrap);
        if parent.is_some_and(|p| matches!(p.value().name(), "script" | "style" | "noscript" | "title")) {
            continue;
        }
        if seen {
            after.push_str(text);
            after.push(' ');
            if after.len() > 600 {
                break;
            }
        } else {
            before.push_str(text);
            before.push(' ');
        }
    }
    if let Some(date) = dates::find_in_text(&after, month_first) {
        return Some(date);
    }
    let start = before.len().saturating_sub(200);
    let start = (start..before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(before.len());
    dates::find_in_text(&before[start..], month_first)
}

/// A date printed in a dateline-like element near the headline: elements
/// whose class or id names a date, time, byline or meta line.
fn dateline(document: &Html, month_first: bool) -> Option<ArticleDate> {
    const HINTS: &[&str] = &[
        "date",
        "time",
        "publish",
        "posted",
        "byline",
        "meta",
        "datum",
        "fecha",
        "data",
        "info",
        "author",
        "stand",
        "submitted",
        "zeit",
        "dateline",
        "entry-meta",
        "post-meta",
    ];
    for el in document.select(&selector("[class], [id]")) {
        let names =
            format!("{} {}", el.value().attr("class").unwrap_or_default(), el.value().attr("id").unwrap_or_default())
                .to_ascii_lowercase();
        if !HINTS.iter().any(|h| names.contains(h)) || names.contains("comment") || names.contains("copyright") {
            continue;
        }
        if in_clutter(el) {
            continue;
        }
        let text: String = el.text().take(20).collect();
        if text.chars().count() > 200 {
            continue;
        }
        if let Some(date) = dates::find_in_text(&text, month_first) {
            return Some(date);
        }
    }
    None
}

/// Whether an element sits in a comment section, a teaser list or a footer.
fn in_clutter(element: ElementRef<'_>) -> bool {
    const CLUTTER: &[&str] = &[
        "comment",
        "related",
        "teaser",
        "popular",
        "most-read",
        "mostread",
        "sidebar",
        "footer",
        "recommend",
        "reply",
    ];
    // Sixty levels up is far enough; pathological nesting must not make this quadratic.
    for el in std::iter::successors(Some(element), |el| el.parent().and_then(ElementRef::wrap)).take(60) {
        let e = el.value();
        if matches!(e.name(), "footer" | "aside") {
            return true;
        }
        for value in [e.attr("class"), e.attr("id")].into_iter().flatten() {
            let value = value.to_ascii_lowercase();
            if CLUTTER.iter().any(|c| value.contains(c)) {
                return true;
            }
        }
    }
    false
}

/// The first `pieces` text nodes of an element, joined by spaces (so that
/// `<b>Author</b><a>Jane Doe</a>` does not read as "AuthorJane Doe").
fn spaced_text(element: ElementRef<'_>, pieces: usize) -> String {
    element.text().take(pieces).collect::<Vec<_>>().join(" ")
}

/// The authors: JSON-LD, then meta tags, then microdata and visible bylines.
fn authors(document: &Html, meta: &Meta, ld: &JsonLd, site: Option<&str>) -> Vec<String> {
    let from_ld: Vec<String> = ld.authors.iter().flat_map(|a| author::names(a, site, false)).collect();
    if !from_ld.is_empty() {
        return from_ld;
    }
    // Yoast's "Written by" label and value (`twitter:label1` / `twitter:data1`).
    for n in 1..=3 {
        let label = meta.get(&format!("twitter:label{n}")).map(|l| l.to_lowercase());
        if label.is_some_and(|l| {
            [
                "written by",
                "verfasst von",
                "geschrieben von",
                "écrit par",
                "escrito por",
                "scritto da",
                "autor",
                "author",
                "door",
            ]
            .iter()
            .any(|w| l.starts_with(w))
        }) && let Some(value) = meta.get(&format!("twitter:data{n}"))
        {
            let found = author::names(&value, site, false);
            if !found.is_empty() {
                return found;
            }
        }
    }
    for name in AUTHOR_META {
        let names: Vec<String> = meta
            .all(name)
            .iter()
            .filter(|a| !a.starts_with("http") && !a.contains(".com") && !a.contains("www."))
            .flat_map(|a| author::names(a, site, false))
            .collect();
        if !names.is_empty() {
            return names;
        }
    }
    // Microdata: the author's name property, or the author element's text.
    let mut names = Vec::new();
    for el in document.select(&selector("[itemprop~=author], [rel~=author], [itemprop~=creator]")) {
        if in_clutter(el) {
            continue;
        }
        let name_el = el.select(&selector("[itemprop~=name]")).next();
        let text = match name_el {
            Some(n) => n.value().attr("content").map(str::to_owned).unwrap_or_else(|| spaced_text(n, 30)),
            None => el.value().attr("content").map(str::to_owned).unwrap_or_else(|| spaced_text(el, 30)),
        };
        // Marked up as the author: a user name ("karstenruppert") is a name here.
        for name in author::names(&text, site, true) {
            if !names.contains(&name) && name.chars().count() <= 40 && name.split_whitespace().count() <= 4 {
                names.push(name);
            }
        }
    }
    if !names.is_empty() {
        return names;
    }
    // hCard bylines: `<span class="author vcard"><a class="fn">karstenruppert</a>`.
    for el in document.select(&selector(".vcard .fn, .author .fn, .byline .fn, .vcard.author")) {
        if in_clutter(el) {
            continue;
        }
        for name in author::names(&spaced_text(el, 10), site, false) {
            if !names.contains(&name) && name.chars().count() <= 40 && name.split_whitespace().count() <= 4 {
                names.push(name);
            }
        }
        if !names.is_empty() {
            return names;
        }
    }
    // Visible bylines.
    for el in document.select(&selector("address")) {
        if in_clutter(el) {
            continue;
        }
        let text = spaced_text(el, 30);
        let found = author::names(&text, site, true);
        if !found.is_empty() {
            return found;
        }
    }
    for el in document.select(&selector("[class], [id]")) {
        let e = el.value();
        let names_attr = format!("{} {}", e.attr("class").unwrap_or_default(), e.attr("id").unwrap_or_default())
            .to_ascii_lowercase();
        if !(names_attr.contains("byline") || names_attr.contains("author")) || names_attr.contains("comment") {
            continue;
        }
        if names_attr.contains("bio") || names_attr.contains("avatar") || names_attr.contains("image") || in_clutter(el)
        {
            continue;
        }
        let text = spaced_text(el, 30);
        let found = author::names(&text, site, true);
        if !found.is_empty() {
            return found;
        }
    }
    byline_near_headline(document, site)
}

static BYLINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|[Pp]osted by|[Ww]ritten by|[Aa]utor(?:in)?:|[Aa]uthor:|[Tt]ext:)",
        r"(?:\s+(\p{Lu}[\p{L}.'-]+(?:\s+(?:(?:von|van|de|der|den|da|di|du|del|la|le)\s+)?\p{Lu}[\p{L}.'-]+){0,3}",
        r"(?:\s+(?:and|und|et|y|&)\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3})?))?\s*$",
    ))
    .expect("a valid byline pattern")
});

/// A byline ("By Jane Doe", "von Anna Müller") in the text just below the
/// `<h1>`: a line of its own that starts with the byline word, or the word
/// alone followed by the name in the next element (`By <a>Jane Doe</a>`).
fn byline_near_headline(document: &Html, site: Option<&str>) -> Vec<String> {
    let Some(h1) = document.select(&selector("h1")).next() else { return Vec::new() };
    let mut segments: Vec<String> = Vec::new();
    let mut seen = false;
    let mut chars = 0;
    for node in document.root_element().descendants() {
        if node.id() == h1.id() {
            seen = true;
            continue;
        }
        if !seen {
            continue;
        }
        let Some(text) = node.value().as_text() else { continue };
        if node.ancestors().any(|a| a.id() == h1.id()) {
            continue;
        }
        let parent = node.parent().and_then(ElementRef::wrap);
        if parent.is_some_and(|p| matches!(p.value().name(), "script" | "style" | "noscript")) {
            continue;
        }
        let text = clean_inline(text);
        if text.is_empty() {
            continue;
        }
        chars += text.len();
        segments.push(text);
        if chars > 500 {
            break;
        }
    }
    for (i, segment) in segments.iter().enumerate() {
        if segment.chars().count() > 80 {
            continue;
        }
        let Some(caps) = BYLINE.captures(segment) else { continue };
        let byline = match caps.get(1) {
            Some(_) => segment.clone(),
            None => match segments.get(i + 1) {
                Some(next) if next.chars().count() <= 60 => format!("{segment} {next}"),
                _ => continue,
            },
        };
        let found = author::names(&byline, site, true);
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// The headline: the visible `<h1>` when the page's stated titles confirm it,
/// else the JSON-LD headline, OpenGraph title or `<title>` without the site name.
fn headline(document: &Html, meta: &Meta, ld: &JsonLd, site: Option<&str>) -> String {
    let title_tag = document
        .select(&selector("title"))
        .next()
        .map(|el| unescape(&clean_inline(&el.text().collect::<String>())))
        .filter(|t| !t.is_empty());
    let og = meta.first(&["og:title", "twitter:title"]).map(|t| unescape(&t)).filter(|t| !is_markup(t));
    let ld_headline = ld.headline.as_deref().map(unescape).filter(|t| !is_markup(t));
    let stated: Vec<String> = [ld_headline.clone(), og.clone(), title_tag.clone()].into_iter().flatten().collect();
    // The parts of the stated titles between separators: "Headline | Section | Site".
    let segments: Vec<String> = stated.iter().flat_map(|s| title_segments(s)).map(|s| normalize(&s)).collect();
    let headings = |css: &str, n: usize| -> Vec<String> {
        document
            .select(&selector(css))
            .filter(|el| !in_clutter(*el))
            .take(n)
            .map(|el| clean_inline(&el.text().collect::<String>()))
            .filter(|t| !t.is_empty() && t.chars().count() < 300)
            .collect()
    };
    let h1s = headings("h1", 5);
    let site_norm = site.map(normalize).filter(|s| !s.is_empty());
    // The h1, if it names the site: it is then a segment to strip from titles.
    let h1_is_site = |h: &str| {
        let n = normalize(h);
        site_norm.as_deref() == Some(n.as_str())
            || (stated.iter().any(|s| title_segments(s).len() > 1) && title_segments_tail_is(&stated, &n))
    };
    let matches_stated = |h: &str| {
        let n = normalize(h);
        !n.is_empty()
            && (stated.iter().any(|s| {
                let s = normalize(s);
                s == n || (s.contains(&n) && n.len() * 2 >= s.len()) || (n.contains(&s) && s.len() * 3 >= n.len() * 2)
            }) || segments.iter().any(|s| *s == n && n.chars().count() > 8))
    };
    for h1 in &h1s {
        if !h1_is_site(h1) && matches_stated(h1) {
            return h1.clone();
        }
    }
    // An h1 with a kicker ("Immobilienkrise" + headline in its own span):
    // the part that matches the stated title.
    for h1 in document.select(&selector("h1")).take(5) {
        let parts: Vec<String> = h1
            .children()
            .filter_map(|c| match c.value() {
                scraper::Node::Text(t) => Some(clean_inline(t)),
                scraper::Node::Element(_) => ElementRef::wrap(c).map(|e| clean_inline(&spaced_text(e, 50))),
                _ => None,
            })
            .filter(|t| !t.is_empty())
            .collect();
        // A part ending in a colon belongs to the headline ("Alito and Prelogar: ...").
        if parts.len() > 1
            && !parts.iter().any(|p| p.ends_with(':'))
            && let Some(part) = parts.iter().find(|p| p.chars().count() > 8 && matches_stated(p))
        {
            return part.clone();
        }
    }
    // A blog's h1 is often its name; the post's title is an h2.
    for h2 in headings("h2", 10) {
        let n = normalize(&h2);
        if n.chars().count() > 8 && site_norm.as_deref() != Some(n.as_str()) && matches_stated(&h2) {
            return h2;
        }
    }
    // The one visible headline, though the stated titles differ (they are
    // often written for search engines).
    let real_h1s: Vec<&String> = h1s.iter().filter(|h| !h1_is_site(h) && h.chars().count() >= 10).collect();
    if real_h1s.len() == 1 && h1s.len() <= 2 {
        return real_h1s[0].clone();
    }
    if let Some(headline) = &ld_headline
        && site_norm.as_deref() != Some(normalize(headline).as_str())
    {
        return headline.clone();
    }
    let site_hint = site.map(str::to_owned).or_else(|| h1s.iter().find(|h| h1_is_site(h)).cloned());
    if let Some(og) = og {
        return strip_site_name(&og, site_hint.as_deref());
    }
    if let Some(h1) = h1s.iter().find(|h| !h1_is_site(h) && h.chars().count() > 10) {
        return h1.clone();
    }
    title_tag.map(|t| strip_site_name(&t, site_hint.as_deref())).or_else(|| h1s.first().cloned()).unwrap_or_default()
}

/// Separators between the parts of a page title.
const TITLE_SEPARATORS: &[&str] =
    &[" | ", " - ", " – ", " — ", " :: ", " » ", " › ", " · ", " • ", " / ", " // ", " _", "_", "-", "｜", "|"];

/// The parts of a title between separators.
fn title_segments(title: &str) -> Vec<String> {
    let mut parts = vec![title.to_owned()];
    for separator in TITLE_SEPARATORS.iter().filter(|s| **s != "-") {
        parts = parts.iter().flat_map(|p| p.split(separator).map(str::to_owned).collect::<Vec<_>>()).collect();
    }
    parts.into_iter().map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect()
}

/// Whether `normalized` is the first or last part of a multi-part stated title
/// while another part is longer (the site name beside a headline).
fn title_segments_tail_is(stated: &[String], normalized: &str) -> bool {
    stated.iter().any(|s| {
        let parts: Vec<String> = title_segments(s).iter().map(|p| normalize(p)).collect();
        parts.len() > 1
            && (parts.last().is_some_and(|p| p == normalized) || parts.first().is_some_and(|p| p == normalized))
            && parts.iter().any(|p| p != normalized && p.len() > normalized.len())
    })
}

/// Whether a stated title is markup rather than text (`<br />`).
fn is_markup(text: &str) -> bool {
    let t = text.trim();
    t.is_empty() || (t.starts_with('<') && t.ends_with('>'))
}

/// Decodes the entities that pages escape twice (`&amp;amp;` shows as `&amp;`).
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .pipe_numeric()
}

/// Decoding of numeric character references (`&#8222;`, `&#x201E;`).
trait PipeNumeric {
    fn pipe_numeric(self) -> String;
}

impl PipeNumeric for String {
    fn pipe_numeric(self) -> String {
        if !self.contains("&#") {
            return self;
        }
        let mut out = String::with_capacity(self.len());
        let mut rest = self.as_str();
        while let Some(start) = rest.find("&#") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let end = after.find(';').filter(|&e| e <= 8);
            let decoded = end.and_then(|e| {
                let code = &after[..e];
                let value = match code.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => code.parse::<u32>().ok()?,
                };
                char::from_u32(value).map(|c| (c, e))
            });
            match decoded {
                Some((c, e)) => {
                    out.push(c);
                    rest = &after[e + 1..];
                }
                None => {
                    out.push_str("&#");
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// Lower case letters and digits only, for comparing titles.
fn normalize(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Drops a ` | Site` or ` - Site` suffix (or `Site | ` prefix) from a title.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let site_norm = site.map(normalize).filter(|s| !s.is_empty());
    let is_site = |part: &str| {
        let n = normalize(part);
        match &site_norm {
            Some(s) => !n.is_empty() && (n == *s || s.contains(&n) || n.contains(s.as_str())),
            None => false,
        }
    };
    // A short tail in the form of a name ("Missy Magazine", "example.de").
    let name_like = |tail: &str, head: &str| {
        let words: Vec<&str> = tail.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 4
            && tail.chars().count() <= 40
            && !head.trim().is_empty()
            && !tail.contains(['?', '!', ':', ',', '"', '“', '„'])
            && words.iter().all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || w.contains('.'))
    };
    // After a separator without spaces ("Headline-新华网"), only a short name without spaces.
    let bare_site = |tail: &str| {
        let t = tail.trim();
        !t.is_empty()
            && !t.contains(char::is_whitespace)
            && t.chars().count() <= 20
            && !t.chars().all(|c| c.is_ascii_digit())
            && (t.contains('.') || t.chars().any(|c| c as u32 >= 0x3040))
    };
    for separator in TITLE_SEPARATORS {
        let bare = !separator.starts_with(' ');
        if let Some((head, tail)) = title.rsplit_once(separator)
            && !head.trim().is_empty()
        {
            let strip = if bare {
                bare_site(tail) || is_site(tail) && !tail.trim().is_empty()
            } else {
                is_site(tail) || name_like(tail.trim(), head)
            };
            if strip {
                return strip_site_name(head.trim(), site);
            }
        }
        if !bare
            && let Some((head, tail)) = title.split_once(separator)
            && !tail.trim().is_empty()
            && is_site(head)
        {
            return tail.trim().to_owned();
        }
    }
    title.to_owned()
}

/// Drops leading blocks that repeat the headline.
fn drop_repeated_title(mut paragraphs: Vec<String>, title: &str) -> Vec<String> {
    let title = normalize(title);
    if !title.is_empty() {
        while paragraphs.first().is_some_and(|p| normalize(p) == title) {
            paragraphs.remove(0);
        }
    }
    paragraphs
}

fn html_lang(document: &Html) -> Option<String> {
    let lang = document.select(&selector("html[lang], html[xml\\:lang]")).next()?;
    let lang = lang.value().attr("lang").or_else(|| lang.value().attr("xml:lang"))?;
    primary_language(lang)
}

/// `en` of `en-GB`, `en_US`, `EN`.
fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase())).then_some(primary)
}

fn captions(document: &Html) -> Vec<String> {
    document
        .select(&selector("figcaption"))
        .map(|el| clean_inline(&el.text().collect::<String>()))
        .filter(|t| !t.is_empty())
        .take(50)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deeply_nested_markup_is_refused_before_parsing() {
        assert_eq!(parse_work("<div><span>a</span><div>b</div></div>"), 1 + 2 + 1 + 2 + 1);
        let page = "<div><span>".repeat(6000);
        let started = std::time::Instant::now();
        assert!(matches!(extract(&page), Err(Error::NotAnArticle { .. })));
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
    }

    #[test]
    fn site_name_is_stripped_from_the_title() {
        assert_eq!(strip_site_name("Big news today | The Daily", Some("The Daily")), "Big news today");
        assert_eq!(strip_site_name("Big news - today", Some("The Daily")), "Big news - today");
        assert_eq!(strip_site_name("The Daily | Big news today", Some("The Daily")), "Big news today");
        assert_eq!(strip_site_name("Big news today | World | The Daily", Some("The Daily")), "Big news today");
        assert_eq!(strip_site_name("Plejaden, M45 - Abenteuer Astronomie", None), "Plejaden, M45");
        assert_eq!(
            strip_site_name("武汉的声音：有英勇的你，才有英雄的城！-新华网", None),
            "武汉的声音：有英勇的你，才有英雄的城！"
        );
        assert_eq!(
            strip_site_name("Firmenwagen: Leasen oder Finanzieren? - Was lohnt sich?", None),
            "Firmenwagen: Leasen oder Finanzieren? - Was lohnt sich?"
        );
        assert_eq!(strip_site_name("Covid-19 cases rise", None), "Covid-19 cases rise");
        assert_eq!(unescape("Olive &#038; Herb &amp; Bread &#x201E;"), "Olive & Herb & Bread „");
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
