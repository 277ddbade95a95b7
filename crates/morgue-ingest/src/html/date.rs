//! The publication and update dates: JSON-LD, meta tags, microdata and
//! `<time>`, the URL path, then the visible page (datelines, the text near the
//! headline), never a teaser's, a comment's or the copyright line's.

use morgue_model::ArticleDate;
use scraper::{ElementRef, Html};

use super::in_clutter;
use super::meta::{JsonLd, Meta, selector};
use crate::dates;

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
pub(super) const UPDATED_META: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "datemodified",
    "og:updated_time",
    "last-modified",
    "dcterms.modified",
];

/// A UTC offset other than zero that the page states in any of its dates
/// (a modified time, a `<time>` element): the zone the site writes in.
pub(super) fn offset_hint(document: &Html, meta: &Meta, ld: &JsonLd) -> Option<chrono::FixedOffset> {
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
pub(super) fn in_local_zone(
    date: ArticleDate,
    hint: Option<chrono::FixedOffset>,
    language: Option<&str>,
) -> ArticleDate {
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
pub(super) fn parse_date(text: &str) -> Option<ArticleDate> {
    dates::parse(text).or_else(|| dates::find_in_text(text, false))
}

/// The publication date, from the most trusted source that states one.
pub(super) fn published(
    document: &Html,
    meta: &Meta,
    ld: &JsonLd,
    url: Option<&str>,
    month_first: bool,
) -> Option<ArticleDate> {
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
