//! The publication and update dates: JSON-LD, meta tags, microdata and
//! `<time>`, the URL path, then the visible page (datelines, the text near the
//! headline), never a teaser's, a comment's or the copyright line's.
//!
//! A date stated for machines is checked against what the page shows its
//! readers: the day of the last change wins when it alone is shown, the
//! printed day when the dateline and the text under the headline agree on
//! another, and the day before when an early UTC time is filed under it.
//! "The article" is the frame of containers around the headline, so a
//! wrapper named for a sidebar does not hide the article's own dates.

use std::cell::OnceCell;

use chrono::Datelike;
use ego_tree::iter::Edge;
use morgue_model::ArticleDate;
use scraper::{ElementRef, Html};

use super::meta::{JsonLd, Meta};
use super::{
    COMMENT_NAMES, ancestors, attr, class_and_id, class_and_id_lowercase, elements, names_comments_or_teasers,
    naming_tokens, self_and_ancestors, tagged,
};
use crate::dates;
use crate::extractor::clean_inline;

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
    "dcterms:issued",
    "dcterms:created",
    "dc:issued",
    "dc:created",
    "citation_publication_date",
    "originalpublicationdate",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "bt:pubdate",
];

/// RDFa properties that hold the publication date of the item they stand in.
const RDFA_PUBLISHED: &[&str] = &[
    "datePublished",
    "dateCreated",
    "schema:datePublished",
    "schema:dateCreated",
    "dc:created",
    "dc:issued",
    "dcterms:created",
    "dcterms:issued",
];

/// Meta tags that hold a date of the page without saying which: many CMSs
/// write the day of the last change or of the rendering there. They count
/// after the `<time>` elements and datelines of the article.
const UNSPECIFIED_META: &[&str] =
    &["dc.date", "dcterms.date", "dc:date", "dcterms:date", "displaydate", "date", "created", "og:updated_time"];

/// Meta tags that hold the date of the last change.
pub(super) const UPDATED_META: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "article:modified",
    "datemodified",
    "og:updated_time",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
    "dcterms:modified",
    "dc:modified",
];

/// A UTC offset other than zero that the page states in any of its dates
/// (a modified time, a `<time>` element): the zone the site writes in.
pub(super) fn offset_hint(document: &Html, meta: &Meta, ld: &JsonLd) -> Option<chrono::FixedOffset> {
    let stated = ld
        .modified
        .iter()
        .cloned()
        .chain(UPDATED_META.iter().filter_map(|name| meta.get(name)))
        .chain(tagged(document, "time").filter_map(|t| attr(t.value(), "datetime").map(str::to_owned)).take(20));
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
    let Some(zone) = language_zone(language) else { return date };
    ArticleDate::from_fixed(utc.with_timezone(&zone).fixed_offset())
}

/// The time zone most readers of a language live in, where it has one
/// (German: Central European Time; not English or Spanish).
fn language_zone(language: Option<&str>) -> Option<chrono_tz::Tz> {
    Some(match language? {
        "de" | "fr" | "it" | "nl" | "pl" | "cs" | "sk" | "sl" | "hr" | "hu" | "da" | "sv" | "nb" | "no" | "sr"
        | "bs" => chrono_tz::Europe::Berlin,
        "fi" | "et" | "lv" | "lt" | "uk" | "ro" | "bg" | "el" => chrono_tz::Europe::Helsinki,
        "ru" => chrono_tz::Europe::Moscow,
        "tr" => chrono_tz::Europe::Istanbul,
        "ja" => chrono_tz::Asia::Tokyo,
        "ko" => chrono_tz::Asia::Seoul,
        "zh" => chrono_tz::Asia::Shanghai,
        _ => return None,
    })
}

/// Parses a date stated for machines, in any of the forms pages use.
pub(super) fn parse_date(text: &str) -> Option<ArticleDate> {
    dates::parse(text).or_else(|| dates::find_in_text(text, false))
}

/// The date of the last change: stated for machines, else the one printed
/// after an "Updated:" label, when it is not before the publication day.
pub(super) fn last_change(page: &Page<'_>, published: Option<ArticleDate>) -> Option<ArticleDate> {
    updated(page.meta, page.ld).or_else(|| {
        let shown = dates::find_labelled_updated(page.text()?, page.month_first)?;
        published.is_none_or(|p| shown.date() >= p.date()).then_some(shown)
    })
}

/// The date of the last change, from JSON-LD or the meta tags.
pub(super) fn updated(meta: &Meta, ld: &JsonLd) -> Option<ArticleDate> {
    ld.modified
        .as_deref()
        .and_then(parse_date)
        .or_else(|| UPDATED_META.iter().find_map(|name| meta.get(name).as_deref().and_then(parse_date)))
}

/// The page as the functions that choose its publication date see it.
pub(super) struct Page<'a> {
    pub(super) document: &'a Html,
    pub(super) meta: &'a Meta,
    pub(super) ld: &'a JsonLd,
    pub(super) url: Option<&'a str>,
    pub(super) title: &'a str,
    pub(super) language: Option<&'a str>,
    pub(super) month_first: bool,
    /// The visible text outside comment sections, gathered on first use:
    /// several readers of labelled dates search it.
    pub(super) text: OnceCell<Option<String>>,
}

impl Page<'_> {
    /// The page's visible text outside its comment sections.
    fn text(&self) -> Option<&str> {
        self.text.get_or_init(|| text_outside_comments(self.document)).as_deref()
    }
}

/// The publication date, from the most trusted source that states one,
/// checked against the dates the page shows its readers.
pub(super) fn published(page: &Page<'_>) -> Option<ArticleDate> {
    let frame = &frame(page.document, page.title);
    let Some(stated) = stated_published(page, frame) else {
        return url_date(page).or_else(|| visible_published(page, frame));
    };
    if let Some(updated) = updated(page.meta, page.ld)
        && updated.date() > stated.date()
    {
        let shown = shown_days(page.document, page.month_first, &[stated.date().year(), updated.date().year()]);
        // The page shows only the day of its last change: the stated
        // publication day is a draft's or an earlier version's.
        if shown.contains(&updated.date()) && !shown.contains(&stated.date()) {
            return Some(updated);
        }
    }
    local_day(page, frame, stated).or_else(|| printed_day(page, frame, stated)).or(Some(stated))
}

/// The day printed for readers when the page's dateline and the text under
/// its headline agree on it and the stated date says another: the stated
/// date is then a teaser's, a draft's or a later change's.
fn printed_day(page: &Page<'_>, frame: &[ElementRef<'_>], stated: ArticleDate) -> Option<ArticleDate> {
    let dateline = dateline(page, frame)?;
    if dateline.date() == stated.date() {
        return None;
    }
    let near = near_headline(page)?;
    let (printed, stated) = (dateline.date(), stated.date());
    // A printed `01/11/2021` read the other way round, or a day years away
    // (an archive note, a quoted event), does not outweigh the stated date.
    let swapped = chrono::NaiveDate::from_ymd_opt(stated.year(), stated.day(), stated.month()) == Some(printed);
    let apart_days = (printed - stated).num_days().abs();
    (near.date() == printed && !swapped && apart_days <= 366).then_some(dateline)
}

/// The day a page gives for a publication time stated in UTC, when its URL
/// path or its dateline puts it on the day before: a UTC time names an
/// instant, and early in the UTC morning it is still the evening before in
/// the Americas (`2023-11-09T02:00:00Z` on a page filed under `/2023/11/08/`).
/// Pages in a language with a zone of its own are left to [`in_local_zone`].
fn local_day(page: &Page<'_>, frame: &[ElementRef<'_>], stated: ArticleDate) -> Option<ArticleDate> {
    let time = stated.time()?;
    if stated.offset().is_none_or(|o| o.local_minus_utc() != 0)
        || chrono::Timelike::hour(&time) >= 8
        || language_zone(page.language).is_some()
    {
        return None;
    }
    let printed = url_date(page).or_else(|| dateline(page, frame)).or_else(|| near_headline(page))?;
    (stated.date().pred_opt() == Some(printed.date())).then_some(printed)
}

/// The publication date stated for machines: JSON-LD, meta tags, microdata,
/// `<time>`. A day stated without its time takes the time of the article's
/// `<time>` element on that day (a Dublin Core `dcterms:created` holds the
/// day, the post's `<time>` the minute).
fn stated_published(page: &Page<'_>, frame: &[ElementRef<'_>]) -> Option<ArticleDate> {
    let stated = stated_day(page, frame)?;
    if stated.time().is_some() {
        return Some(stated);
    }
    // Midnight is what many templates write for a day without its time.
    let timed = article_time(page.document, frame)
        .filter(|t| t.time().is_some_and(|time| time != chrono::NaiveTime::MIN) && t.date() == stated.date());
    Some(timed.unwrap_or(stated))
}

/// The first `<time datetime>` of the article, outside its quotations and
/// below no heading of its comments.
fn article_time(document: &Html, frame: &[ElementRef<'_>]) -> Option<ArticleDate> {
    tagged(document, "time")
        .filter(|el| {
            attr(el.value(), "datetime").is_some()
                && !outside_article(*el, frame)
                && !quoted(*el)
                && !under_comments_heading(*el, frame)
        })
        .find_map(|el| attr(el.value(), "datetime").and_then(parse_date))
}

/// The publication date stated for machines, from the most trusted source (see [`stated_published`]).
fn stated_day(page: &Page<'_>, frame: &[ElementRef<'_>]) -> Option<ArticleDate> {
    let (document, meta, ld) = (page.document, page.meta, page.ld);
    if let Some(date) = ld.published.as_deref().and_then(parse_date) {
        return Some(date);
    }
    if let Some(date) = PUBLISHED_META.iter().find_map(|name| meta.get(name).as_deref().and_then(parse_date)) {
        return Some(date);
    }
    if let Some(date) = ld.other_published.as_deref().and_then(parse_date) {
        return Some(date);
    }
    // Microdata, RDFa and `<time>` elements outside the page's clutter.
    // `[itemprop=datePublished], [itemprop=dateCreated], time[pubdate]`, and
    // RDFa's lists of names (Drupal's `property="dc:date dc:created"`).
    let microdata = |el: &ElementRef<'_>| {
        let e = el.value();
        matches!(attr(e, "itemprop"), Some("datePublished" | "dateCreated"))
            || (e.name() == "time" && attr(e, "pubdate").is_some())
            || attr(e, "property").is_some_and(|names| {
                names.split_ascii_whitespace().any(|name| RDFA_PUBLISHED.iter().any(|p| name.eq_ignore_ascii_case(p)))
            }) && !outside_article(*el, frame)
    };
    for el in elements(document).filter(microdata) {
        let value = el.value();
        let stated = attr(value, "content").or_else(|| attr(value, "datetime")).and_then(parse_date);
        if let Some(date) = stated.or_else(|| dates::find_in_text(&el.text().collect::<String>(), page.month_first)) {
            return Some(date);
        }
    }
    let time = article_time(document, frame);
    if time.is_some() {
        return time;
    }
    let unspecified = UNSPECIFIED_META.iter().find_map(|name| meta.get(name).as_deref().and_then(parse_date))?;
    let printed = labelled_published(page).or_else(|| dateline(page, frame));
    Some(printed.unwrap_or(unspecified))
}

/// The date in the page's URL path.
fn url_date(page: &Page<'_>) -> Option<ArticleDate> {
    page.url.and_then(dates::from_url).or_else(|| page.meta.get("og:url").as_deref().and_then(dates::from_url))
}

/// The publication date printed for readers: datelines, the text near the
/// headline, the page text, the dates in its own links.
fn visible_published(page: &Page<'_>, frame: &[ElementRef<'_>]) -> Option<ArticleDate> {
    let (document, month_first) = (page.document, page.month_first);
    let labelled = |find: fn(&str, bool) -> Option<ArticleDate>| page.text().and_then(|t| find(t, month_first));
    labelled(dates::find_labelled_published)
        .or_else(|| dateline(page, frame))
        .or_else(|| near_headline(page))
        .or_else(|| labelled(dates::find_labelled_updated))
        .or_else(|| own_teaser(page))
        .or_else(|| anywhere_in_text(document, frame, month_first))
        .or_else(|| in_linked_urls(document, frame))
        // The path of the page's share image (`/files/2016/05/04/report.png`)
        // is stamped on the day it was uploaded, with the page.
        .or_else(|| page.meta.get("og:image").as_deref().and_then(dates::from_url))
}

/// The days of `years` written in the page's visible text, wherever they
/// stand. Only the text around each written year is read for dates, so a
/// long page costs a scan for a few digits, not a full date search.
fn shown_days(document: &Html, month_first: bool, years: &[i32]) -> Vec<chrono::NaiveDate> {
    let Some(body) = tagged(document, "body").next() else { return Vec::new() };
    // Its own text builder: a day shown anywhere counts, in comments and footers too.
    let mut text = String::new();
    for node in body.descendants() {
        let Some(t) = node.value().as_text() else { continue };
        let Some(parent) = node.parent().and_then(ElementRef::wrap) else { continue };
        if matches!(parent.value().name(), "script" | "style" | "noscript" | "template") {
            continue;
        }
        text.push_str(t);
        text.push('\n');
        if text.len() > 200_000 {
            break;
        }
    }
    let mut days = Vec::new();
    for year in years {
        let year = year.to_string();
        for (at, _) in text.match_indices(year.as_str()).take(200) {
            let start = (at.saturating_sub(40)..=at).find(|&i| text.is_char_boundary(i)).unwrap_or(at);
            let end = at + year.len();
            let end = (end..=(end + 30).min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(end);
            days.extend(dates::all_in_text(&text[start..end], month_first).map(|d| d.date()));
        }
    }
    days
}

/// The containers around the page's headline, innermost first: the
/// article's frame. Dates inside it are the article's own, whatever names
/// its wrappers carry (`layoutTwoColumnsRightSidebar`, `teaserTyp3 newsSingle`).
/// The headline is the first heading that reads as the page's title, else the first `<h1>`.
fn frame<'a>(document: &'a Html, title: &str) -> Vec<ElementRef<'a>> {
    let title = clean_inline(title);
    let headline = elements(document)
        .filter(|el| matches!(el.value().name(), "h1" | "h2" | "h3"))
        .take(50)
        .find(|el| reads_as_title(*el, &title))
        .or_else(|| tagged(document, "h1").next());
    headline.map(|h| ancestors(h).collect()).unwrap_or_default()
}

/// Whether a heading reads as the page's title (`title` in the form of
/// [`clean_inline`]): the one is a part of the other.
fn reads_as_title(heading: ElementRef<'_>, title: &str) -> bool {
    let text = clean_inline(&heading.text().collect::<String>());
    !title.is_empty()
        && !text.is_empty()
        && text.chars().count() <= 400
        && (title.contains(&text) || text.contains(title))
}

/// Whether an element sits in a comment section, a teaser list, a sidebar or
/// a footer below the article's frame (see [`frame`]): the dates there are
/// other articles' or readers'.
fn outside_article(element: ElementRef<'_>, frame: &[ElementRef<'_>]) -> bool {
    // A footer or sidebar inside an `<article>` or hAtom entry is the
    // article's own ("Posted on 14 May 2015 by ..."), not the site's.
    const OWN_PARTS: &[&str] = &["sidebar", "footer"];
    // A small box at most two levels below one of the headline's three
    // nearest containers (not `<body>`) is the article's meta line, whatever its name
    // (`teaser_text_meta`, `asset-footer`), unless it holds comments.
    const NEAR_FRAME: usize = 3;
    let (mut own_part, mut clutter) = (false, false);
    for (steps, el) in self_and_ancestors(element).enumerate() {
        if is_article(el) {
            return false;
        }
        let e = el.value();
        if let Some(at) = frame.iter().position(|f| f.id() == el.id()) {
            let near = at < NEAR_FRAME && steps <= 2 && !matches!(e.name(), "body" | "html");
            return !near && (own_part || clutter);
        }
        match e.name() {
            // An aside that holds the article's date and byline is its meta box, not a
            // sidebar; so is one inside the `<article>` itself.
            "aside" if attrs_name(e, &["meta", "date", "byline", "time", "publish", "posted"]) => {}
            "aside" if in_article(el) => own_part = true,
            "aside" => clutter = true,
            // The site's header and footer (the day's date, the copyright line),
            // not the article's own around its headline.
            "header" | "footer" => own_part = true,
            "body" | "html" => return own_part || clutter,
            _ => {}
        }
        for token in naming_tokens(e) {
            if READER_NAMES.iter().any(|c| token.contains(c)) {
                return true;
            }
            // Comment words are among those `names_comments_or_teasers` finds.
            if names_comments_or_teasers(&token) {
                if COMMENT_NAMES.iter().any(|c| token.contains(c)) {
                    return true;
                }
                clutter = true;
            }
            own_part |= OWN_PARTS.iter().any(|c| token.contains(c));
        }
        if clutter && steps >= 2 {
            return true;
        }
    }
    own_part || clutter
}

/// Class and id words of readers' sections beside [`COMMENT_NAMES`]: a
/// discussion, the replies, WordPress's reply form (`#respond`).
const READER_NAMES: &[&str] = &["discussion", "replies", "respond"];

/// Headings that open the readers' comments ("3 Comments", "Leave a reply"),
/// in lower case, after any count.
const COMMENT_HEADINGS: &[&str] = &[
    "comment",
    "leave a reply",
    "leave a comment",
    "discussion",
    "kommentar",
    "commentaire",
    "comentario",
    "reactions",
    "responses",
    "replies",
];

/// Whether an element is a heading over the readers' comments ("Comments",
/// "12 Comments", "Leave a reply", "Kommentare").
fn opens_comments(element: ElementRef<'_>) -> bool {
    lower_heading(element).is_some_and(|(text, lower)| names_comments(&text, &lower))
}

/// Whether a heading's text (as written and lower-cased) names the readers' comments.
fn names_comments(text: &str, lower: &str) -> bool {
    let words = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || c == '(');
    text.chars().count() <= 60 && COMMENT_HEADINGS.iter().any(|h| words.starts_with(h))
}

/// The text of a lower heading (`<h2>` to `<h6>`), as written and
/// lower-cased, read once for the tests of what it opens.
fn lower_heading(element: ElementRef<'_>) -> Option<(String, String)> {
    if !matches!(element.value().name(), "h2" | "h3" | "h4" | "h5" | "h6") {
        return None;
    }
    let text = clean_inline(&element.text().take(10).collect::<String>());
    let lower = text.to_lowercase();
    Some((text, lower))
}

/// Whether a heading ends the article's own text: one over other stories or
/// over the readers' comments.
fn ends_article(element: ElementRef<'_>) -> bool {
    lower_heading(element)
        .is_some_and(|(text, lower)| names_other_stories(&text, &lower) || names_comments(&text, &lower))
}

/// Whether an element stands below a heading of the readers' comments
/// within the article's frame (`<h3>3 Comments</h3><div>... <time>`), where
/// no class or id names the comments.
fn under_comments_heading(element: ElementRef<'_>, frame: &[ElementRef<'_>]) -> bool {
    for el in self_and_ancestors(element) {
        if frame.iter().any(|f| f.id() == el.id()) || matches!(el.value().name(), "body" | "html") {
            return false;
        }
        let mut before = el.prev_siblings().filter_map(ElementRef::wrap);
        if before.any(opens_comments) {
            return true;
        }
    }
    false
}

/// Class and id words of the sections that hold readers' comments, as
/// substrings of the names.
const READERS_SECTIONS: &[&str] = &["comment", "reply", "kommentar", "leserbrief", "discussion", "replies", "respond"];

/// Whether an element stands in a section of readers' comments: a part of
/// its class or id or an ancestor's below the article opens with one of
/// [`READERS_SECTIONS`] (`comments`, `comment-list`, `js-replies`), not one
/// that only holds the word (`ArticleHeaderComment_publishDate`, an opinion
/// piece's dateline). The article's and `<body>`'s own names may say only
/// that comments are open.
fn in_readers_section(element: ElementRef<'_>) -> bool {
    let names_readers = |el: ElementRef<'_>| {
        class_and_id(el.value()).flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')).any(
            |part| {
                READERS_SECTIONS.iter().any(|w| part.get(..w.len()).is_some_and(|head| head.eq_ignore_ascii_case(w)))
            },
        )
    };
    self_and_ancestors(element)
        .take_while(|el| !is_article(*el) && !matches!(el.value().name(), "body" | "html"))
        .any(names_readers)
}

/// Whether an element stands in a quotation: an embedded post (Instagram,
/// Twitter) is a `<blockquote>` with the quoted post's own `<time>`.
fn quoted(element: ElementRef<'_>) -> bool {
    ancestors(element).any(|el| el.value().name() == "blockquote")
}

/// Whether an element stands in a post embedded from a social network
/// (`<blockquote class="twitter-tweet">`, `instagram-media`): its dates are
/// the post's. Other quotations stay: old pages indent their text with
/// `<blockquote>`.
fn in_embedded_post(element: ElementRef<'_>) -> bool {
    const EMBED_NAMES: &[&str] =
        &["tweet", "twitter", "instagram", "tiktok", "reddit", "bluesky", "mastodon", "threads", "facebook", "embed"];
    self_and_ancestors(element).any(|el| el.value().name() == "blockquote" && attrs_name(el.value(), EMBED_NAMES))
}

/// Whether a heading's text (as written and lower-cased) names a list of
/// other stories: the body's teaser headings, and a few more that end a
/// short page's text.
fn names_other_stories(text: &str, lower: &str) -> bool {
    const OTHER_STORIES: &[&str] = &["more stories", "more news", "latest news", "latest stories", "top stories"];
    super::body::opens_teasers(text) || text.chars().count() <= 60 && OTHER_STORIES.iter().any(|h| lower.starts_with(h))
}

/// The container of the list a heading opens: its parent, or higher while
/// the parent holds little but the heading (`<header><h2>More stories</h2></header>`).
fn list_under(heading: ElementRef<'_>) -> ElementRef<'_> {
    let limit = 2 * heading.text().map(str::len).sum::<usize>() + 20;
    let mut list = heading;
    for parent in ancestors(heading).take(3) {
        list = parent;
        // Summed only as far as the limit: the parent may be the whole page.
        let mut len = 0;
        if parent.text().any(|t| {
            len += t.len();
            len > limit
        }) {
            break;
        }
    }
    list
}

/// Whether an element stands inside an `<article>` or an hAtom entry.
fn in_article(element: ElementRef<'_>) -> bool {
    ancestors(element).any(is_article)
}

/// Whether an element is an `<article>` or an hAtom entry (`class="hentry"`).
fn is_article(element: ElementRef<'_>) -> bool {
    let e = element.value();
    e.name() == "article" || super::has_class(e, "hentry")
}

/// A date the page's visible text labels as the publication date
/// ("Erschienen am: 13.10.2021"), outside readers' comments. The label says
/// what the date is, so it is trusted wherever it stands, even in a footer.
fn labelled_published(page: &Page<'_>) -> Option<ArticleDate> {
    dates::find_labelled_published(page.text()?, page.month_first)
}

/// The visible text of the page's body, without its comment sections.
/// Each element's names are read once, and a comment section is skipped whole.
fn text_outside_comments(document: &Html) -> Option<String> {
    let body = tagged(document, "body").next()?;
    let mut text = String::new();
    push_text_outside_comments(body, &mut text, 0);
    Some(text)
}

/// Appends the visible text under `element` outside comment sections, up to
/// about 50 kB and 200 levels deep.
fn push_text_outside_comments(element: ElementRef<'_>, text: &mut String, depth: usize) {
    // Its own text builder: a labelled date counts anywhere but in comment sections.
    for child in element.children() {
        if text.len() > 50_000 {
            return;
        }
        if let Some(t) = child.value().as_text() {
            if !t.trim().is_empty() {
                text.push_str(t);
                text.push('\n');
            }
            continue;
        }
        let Some(el) = ElementRef::wrap(child) else { continue };
        let e = el.value();
        let hidden = matches!(e.name(), "script" | "style" | "noscript" | "option" | "textarea" | "template");
        if depth < 200 && !hidden && !attrs_name(e, READERS_SECTIONS) {
            push_text_outside_comments(el, text, depth + 1);
        }
    }
}

/// The first date in the page's visible text outside comments, teaser lists and footers.
fn anywhere_in_text(document: &Html, frame: &[ElementRef<'_>], month_first: bool) -> Option<ArticleDate> {
    let body = tagged(document, "body").next()?;
    // Its own text builder: an unlabelled date counts only inside the article's frame.
    let mut text = String::new();
    // Whether each parent seen is outside the article: its text nodes share
    // the walk up to `<body>`.
    let mut outside = std::collections::HashMap::new();
    // The container of a list of other stories under a heading ("More
    // stories"): the rest of its text is theirs.
    // Its end closes it, as the walk goes: no walk up from each text node.
    let mut other_stories = None;
    for edge in body.traverse() {
        let node = match edge {
            Edge::Open(node) => node,
            Edge::Close(node) => {
                if other_stories == Some(node.id()) {
                    other_stories = None;
                }
                continue;
            }
        };
        if let Some(list) = ElementRef::wrap(node).filter(|el| ends_article(*el)).map(list_under) {
            other_stories = Some(list.id());
        }
        let Some(t) = node.value().as_text() else { continue };
        if t.trim().is_empty() || other_stories.is_some() {
            continue;
        }
        let Some(parent) = node.parent().and_then(ElementRef::wrap) else { continue };
        if matches!(parent.value().name(), "script" | "style" | "noscript" | "option" | "textarea")
            || *outside.entry(parent.id()).or_insert_with(|| outside_article(parent, frame) || in_embedded_post(parent))
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
    (1995..=2100).contains(&date.date().year()).then_some(date)
}

/// A date in the path of the page's own images and links (`/2016/05/22/`),
/// the most frequent one.
fn in_linked_urls(document: &Html, frame: &[ElementRef<'_>]) -> Option<ArticleDate> {
    let mut counts: Vec<(ArticleDate, usize)> = Vec::new();
    // `img[src], a[href]`
    let linking = |el: &ElementRef<'_>| match el.value().name() {
        "img" => attr(el.value(), "src").is_some(),
        "a" => attr(el.value(), "href").is_some(),
        _ => false,
    };
    for el in elements(document).filter(linking) {
        let Some(url) = attr(el.value(), "src").or_else(|| attr(el.value(), "href")) else { continue };
        // The URL first: few have a date, and the walk up from each link costs more.
        if let Some(date) = dates::from_url(url)
            && !outside_article(el, frame)
        {
            match counts.iter_mut().find(|(d, _)| *d == date) {
                Some((_, n)) => *n += 1,
                None => counts.push((date, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map(|(d, _)| d)
}

/// The date in a teaser that links to the page itself: the list of latest
/// news beside an article often shows the article too, with its date, when
/// the article itself prints none.
fn own_teaser(page: &Page<'_>) -> Option<ArticleDate> {
    let own = url_path(page.url?)?;
    tagged(page.document, "a")
        .filter(|link| attr(link.value(), "href").and_then(url_path) == Some(own))
        .find_map(|link| dates::find_in_dateline(&link.text().take(30).collect::<Vec<_>>().join(" "), page.month_first))
}

/// The path of a URL, absolute or from the site's root, without its
/// trailing slash; `None` for the home page, a relative link, or a link to a
/// place in a page (`#comment-57873`, a reader's comment).
fn url_path(url: &str) -> Option<&str> {
    if url.contains('#') {
        return None;
    }
    let path = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |at| &rest[at..]),
        None if url.starts_with('/') && !url.starts_with("//") => url,
        None => return None,
    };
    let path = path.trim_end_matches('/');
    (!path.is_empty()).then_some(path)
}

/// A date printed just below (or above) the page's `<h1>`: the first below
/// it, unless one stands right above it, nearer.
fn near_headline(page: &Page<'_>) -> Option<ArticleDate> {
    let (document, month_first) = (page.document, page.month_first);
    let h1 = tagged(document, "h1").next()?;
    // Where the headline's own words end in the text from its start on (a
    // dateline may stand inside the `<h1>`, in a `<small>`).
    let headline_end = h1.descendants().last().map(|n| n.id());
    let mut headline_len = 0;
    let mut before = String::new();
    let mut after = String::new();
    let mut seen = false;
    for node in document.root_element().descendants() {
        // A lower heading without a number below the headline opens another
        // part: the article's sections, or a "More news" list with its
        // teasers' dates (some templates put the dateline itself in an `<h6>`).
        let heading = ElementRef::wrap(node).filter(|e| matches!(e.value().name(), "h3" | "h4" | "h5" | "h6"));
        if seen && heading.is_some_and(|h| !h.text().any(|t| t.contains(|c: char| c.is_ascii_digit()))) {
            break;
        }
        // A heading over a list of other stories ("More stories") or over
        // the readers' comments ends the article, whatever its level.
        if seen && ElementRef::wrap(node).is_some_and(ends_article) {
            break;
        }
        seen |= node.id() == h1.id();
        // White space between tags counts for nothing: a page indented
        // with tabs must not push the date above the headline out of reach.
        let text = node.value().as_text().filter(|t| !t.trim().is_empty());
        let hidden = || {
            let parent = node.parent().and_then(ElementRef::wrap);
            parent.is_some_and(|p| matches!(p.value().name(), "script" | "style" | "noscript" | "title"))
                // Only a text with a digit may hold a date: the walk up is for those.
                || text.is_some_and(|t| t.contains(|c: char| c.is_ascii_digit()))
                    && parent.is_some_and(|p| in_embedded_post(p) || seen && in_readers_section(p))
        };
        if let Some(text) = text.filter(|_| !hidden()) {
            let side = if seen { &mut after } else { &mut before };
            side.push_str(text);
            side.push(' ');
        }
        if Some(node.id()) == headline_end {
            headline_len = after.len();
        }
        if after.len() > 600 {
            break;
        }
    }
    let start = before.len().saturating_sub(200);
    let start = (start..before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(before.len());
    let before = &before[start..];
    let Some((below_at, below)) = dates::all_in_dateline(&after, month_first).next() else {
        return dates::find_in_dateline(before, month_first);
    };
    // The date just above the headline, with only a few characters between,
    // outweighs one further down in the standfirst (`06.12.2022` above the
    // headline, `from 9.1. to 10.2.2023` in the text below it); not above
    // a site's logo in an `<h1>`, where the site's header gives the day's date.
    if !reads_as_title(h1, &clean_inline(page.title)) {
        return Some(below);
    }
    let letters = |text: &str| text.chars().filter(|c| !c.is_whitespace()).count();
    let gap_below = letters(after.get(headline_len.min(below_at.start)..below_at.start).unwrap_or_default());
    match dates::all_in_dateline(before, month_first).last() {
        Some((at, above)) if letters(&before[at.end..]) <= 30.min(gap_below.saturating_sub(1)) => Some(above),
        _ => Some(below),
    }
}

/// Parts of the class and id names of an element that holds a dateline.
const DATELINE_NAMES: &[&str] = &[
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
static DATELINE_HINTS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| super::name_automaton(DATELINE_NAMES));

/// A date printed in a dateline-like element near the headline: elements
/// whose class or id names a date, time, byline or meta line.
fn dateline(page: &Page<'_>, frame: &[ElementRef<'_>]) -> Option<ArticleDate> {
    let (document, month_first) = (page.document, page.month_first);
    for el in document.root_element().descendent_elements() {
        // The automaton ignores case: the names are joined and lower-cased only on a hit.
        if !class_and_id(el.value()).any(|v| DATELINE_HINTS.is_match(v)) {
            continue;
        }
        let names = class_and_id_lowercase(el.value());
        if names.contains("comment") || names.contains("copyright") {
            continue;
        }
        if outside_article(el, frame) {
            continue;
        }
        let text: String = el.text().take(20).collect();
        if text.chars().count() > 200 {
            continue;
        }
        if let Some(date) = dates::find_in_dateline(&text, month_first) {
            return Some(date);
        }
    }
    None
}

/// Whether an element's class or id contains one of `words`.
fn attrs_name(element: &scraper::node::Element, words: &[&str]) -> bool {
    // Read for every element of the page: lower-cased only when it has capitals.
    class_and_id(element).any(|names| {
        let names = if names.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(names.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(names)
        };
        words.iter().any(|w| names.contains(w))
    })
}

#[cfg(test)]
mod tests {
    use super::super::meta::selector;
    use super::*;

    /// What `read` finds on `html`, saved from `url`, as a page titled
    /// "Bridge opens" whose numeric dates are read month first.
    fn on_page<T>(html: &str, url: Option<&str>, language: Option<&str>, read: impl FnOnce(&Page<'_>) -> T) -> T {
        let document = Html::parse_document(html);
        let (meta, ld) = (Meta::read(&document), JsonLd::read(&document));
        read(&Page {
            document: &document,
            meta: &meta,
            ld: &ld,
            url,
            title: "Bridge opens",
            language,
            text: OnceCell::new(),
            month_first: true,
        })
    }

    /// The publication day `published` finds on `html`, saved from `url`.
    #[track_caller]
    fn check(html: &str, url: Option<&str>, language: Option<&str>, expected: Option<&str>) {
        let day = on_page(html, url, language, |page| published(page).map(|d| d.date().to_string()));
        assert_eq!(day.as_deref(), expected, "page {html}");
    }

    #[test]
    fn the_last_change_is_read_from_the_meta_tags_sites_write() {
        for (tag, value) in [
            ("article:modified_time", "2022-01-12T15:27:30+01:00"),
            ("article:modified", "2022-01-12"),
            ("og:updated_time", "2022-01-12T15:27:30+01:00"),
        ] {
            let page = Html::parse_document(&format!(r#"<head><meta property="{tag}" content="{value}"></head>"#));
            let updated = updated(&Meta::read(&page), &JsonLd::read(&page)).map(|d| d.date().to_string());
            assert_eq!(updated.as_deref(), Some("2022-01-12"), "{tag}");
        }
    }

    #[test]
    fn a_video_page_is_dated_by_its_upload() {
        check(
            r#"<head><script type="application/ld+json">{"@type":"VideoObject","name":"Bridge opens",
               "uploadDate":"2026-08-12T09:00:00-06:00","duration":"PT4M32S"}</script></head>
               <body><h1>Bridge opens</h1><p>4:32</p><p>The bridge opened.</p></body>"#,
            None,
            None,
            Some("2026-08-12"),
        );
    }

    #[test]
    fn the_dates_of_a_list_below_the_story_are_not_its_dateline() {
        let near = |html: &str| on_page(html, None, None, |page| near_headline(page).map(|d| d.date().to_string()));
        // A short story with no date of its own: the teaser's day is not its day.
        let teasers = r#"<body><h1>Bridge opens</h1><p>Published 3 hours ago</p><p>The bridge opened.</p>
            <div class="more"><h3>More news</h3><ul><li><a href="/a">Fire</a> <span>Nov 30, 2026</span></li></ul></div></body>"#;
        assert_eq!(near(teasers), None);
        // A dateline in a lower heading still counts.
        let in_heading = r#"<body><h1>Bridge opens</h1><h6><a href="/autor/jane">Jane Doe</a> <span>11/28/2026 22:41</span></h6>
            <p>The bridge opened.</p></body>"#;
        assert_eq!(near(in_heading).as_deref(), Some("2026-11-28"));
    }

    #[test]
    fn a_printed_update_line_is_the_last_change_when_no_tag_states_one() {
        let last_change =
            |html: &str| on_page(html, None, None, |page| last_change(page, published(page)).map(|d| d.to_string()));
        let page = |lines: &str| {
            format!("<body><h1>Port strike spreads</h1>{lines}<p>Dockworkers walked off the job.</p></body>")
        };
        assert_eq!(
            last_change(&page("<p>Published: 11/28/2026 9:00 a.m. EST | Updated: 12/03/2026 4:15 p.m. EST</p>"))
                .as_deref(),
            Some("2026-12-03T16:15:00-05:00")
        );
        // An update line dated before the publication is some other thing's.
        assert_eq!(last_change(&page("<p>Published: 11/28/2026</p><p>Updated: 11/02/2025</p>")), None);
        assert_eq!(last_change(&page("<p>Published: 11/28/2026</p>")), None);
    }

    #[test]
    fn wrappers_around_the_headline_are_not_clutter_for_dates() {
        // Whole-page wrappers whose names mention a sidebar or a teaser hold the article itself.
        check(
            r#"<body><div class="layoutTwoColumnsRightSidebar"><div class="teaserTyp3 newsSingle">
               <h1>Bridge opens</h1><span>21.01.2022</span><p>The bridge opened.</p></div></div></body>"#,
            None,
            Some("de"),
            Some("2022-01-21"),
        );
        // A real sidebar next to the article is still outside it.
        let document = Html::parse_document(
            r#"<body><article><h1>Bridge opens</h1><p id="a">The bridge opened.</p></article>
               <div class="sidebar"><p id="b">Most read, 03.02.2021</p></div></body>"#,
        );
        let frame = frame(&document, "Bridge opens");
        let at = |id: &str| document.select(&selector(&format!("#{id}"))).next().expect("the element");
        assert!(!outside_article(at("a"), &frame));
        assert!(outside_article(at("b"), &frame));
    }

    #[test]
    fn the_time_of_an_embedded_post_is_not_the_articles() {
        check(
            r#"<body><div class="story"><h1>Bridge opens</h1><p class="kicker">Dienstag, 29. Januar 2019</p>
               <blockquote class="instagram-media"><p>A post shared by a reader
               <time datetime="2018-03-12T19:30:12+00:00">Mar 12, 2018</time></p></blockquote>
               <p>The bridge opened.</p></div></body>"#,
            None,
            Some("de"),
            Some("2019-01-29"),
        );
    }

    #[test]
    fn a_meta_line_next_to_the_headline_is_the_articles_whatever_its_name() {
        // Named for a teaser or a footer, but a small box beside the headline's container.
        let page = |name: &str| {
            format!(
                r#"<body><div class="page"><div class="wrap"><div class="post"><div class="{name}">Jane Doe / 07.11.2023</div>
                   <div class="text"><div class="content"><h2>Bridge opens</h2><p>The bridge opened.</p></div></div></div>
                   <div class="{name}-list"><ul><li><p><span>Other story, 03.02.2021</span></p></li></ul></div></div></div></body>"#
            )
        };
        check(&page("teaser_text_meta"), None, Some("de"), Some("2023-11-07"));
        check(&page("asset-footer"), None, Some("de"), Some("2023-11-07"));
        // A teaser list deeper below the same container is still clutter.
        let document = Html::parse_document(&page("teaser_text_meta"));
        let frame = frame(&document, "Bridge opens");
        let teaser = document.select(&selector("li span")).next().expect("the teaser");
        assert!(outside_article(teaser, &frame));
        // Readers' comments beside the headline are never the article's.
        check(&page("comment-meta"), None, Some("de"), None);
    }

    #[test]
    fn the_sites_header_with_the_days_date_is_not_the_articles() {
        let page = |meta: &str| {
            format!(
                r#"<body><header class="site"><div class="top"><span class="date">Tuesday, 08 Dec 2020</span></div>
                   <h1 class="logo">Daily News</h1></header><div class="main"><div class="post">
                   <div class="title"><h2>Bridge opens</h2></div>{meta}<p>The bridge opened.</p></div></div></body>"#
            )
        };
        check(&page("<p>Baku, 13 Oct 2020 18:29</p>"), None, Some("en"), Some("2020-10-13"));
        // The article's own header around its headline keeps its date.
        check(
            r#"<body><div class="post"><header><h2>Bridge opens</h2><span class="date">13 Oct 2020</span></header>
               <p>The bridge opened.</p></div></body>"#,
            None,
            Some("en"),
            Some("2020-10-13"),
        );
    }

    #[test]
    fn an_rdfa_creation_date_in_a_list_of_names_is_the_stated_date() {
        // Drupal states the node's date in RDFa and prints it to the minute;
        // a reader's comment states its own.
        let html = r#"<body><h1>Bridge opens</h1><div class="node"><div class="submitted">
            <span property="dc:date dc:created" content="2026-12-03T14:22:10-05:00">Submitted on Wed, 12/03/2026 - 14:22</span></div>
            <p>The bridge opened.</p></div><div class="comment"><span property="dc:date dc:created"
            content="2026-12-01T08:00:00-05:00"></span></div></body>"#;
        let date = on_page(html, None, Some("en"), |page| published(page).map(|d| d.to_string()));
        assert_eq!(date.as_deref(), Some("2026-12-03T14:22:10-05:00"));
        let comment_only = r#"<body><h1>Bridge opens</h1><p>The bridge opened.</p><div class="comment">
            <span property="dc:date dc:created" content="2026-12-01T08:00:00-05:00"></span></div></body>"#;
        check(comment_only, None, Some("en"), None);
    }

    #[test]
    fn a_day_stated_without_time_takes_the_time_of_the_posts_time_element() {
        let html = r#"<head><meta property="dcterms:created" content="2015-01-28"></head><body><article><h1>Bridge opens</h1>
            <time datetime="2015-01-28T15:41:20+01:00">28. Januar 2015</time><p>The bridge opened.</p></article></body>"#;
        let date = on_page(html, None, Some("de"), |page| published(page).map(|d| d.to_string()));
        assert_eq!(date.as_deref(), Some("2015-01-28T15:41:20+01:00"));
    }

    #[test]
    fn an_aside_holding_the_date_is_the_article_meta_box() {
        check(
            r#"<body><article><h1>Bridge opens</h1><aside class="meta"><p><time datetime="2022-01-21">21.01.2022</time></p></aside>
               <p>The bridge opened.</p></article><aside><time datetime="2020-05-05">5 May</time></aside></body>"#,
            None,
            Some("de"),
            Some("2022-01-21"),
        );
    }

    #[test]
    fn a_date_labelled_as_published_outweighs_an_unspecified_meta_date() {
        check(
            r#"<head><meta name="date" content="2021-10-15"></head><body><h1>Bridge opens</h1>
               <p>The bridge opened.</p><div class="footer"><p>Erschienen am: 13.10.2021</p></div>
               <div class="comments"><p>Veröffentlicht am 01.10.2021</p></div></body>"#,
            None,
            Some("de"),
            Some("2021-10-13"),
        );
    }

    #[test]
    fn a_date_labelled_as_the_last_change_outweighs_a_caption_date() {
        // The caption stands far below the headline, out of reach of the dateline search.
        let text = "The bridge opened to the crowd. ".repeat(30);
        let html = format!(
            r#"<body><h1>Bridge opens</h1><p>{text}</p><figure><figcaption>The site seen on 31.05.2021</figcaption>
               </figure><p>Letzte Änderung: 14.01.2022 um 09:25</p></body>"#
        );
        check(&html, None, Some("de"), Some("2022-01-14"));
    }

    #[test]
    fn an_aside_inside_the_article_is_its_own() {
        check(
            r#"<body><article><header><h2>Bridge opens</h2></header><aside class="blogData"><dl><dt>Datum</dt>
               <dd>21.01.2022</dd></dl></aside><p>The bridge opened.</p></article>
               <aside><p>Archive 05.05.2020</p></aside></body>"#,
            None,
            Some("de"),
            Some("2022-01-21"),
        );
    }

    #[test]
    fn the_only_day_shown_is_the_update_when_the_publication_day_is_not_shown() {
        let page = |shown: &str| {
            format!(
                r#"<head><meta property="article:published_time" content="2021-11-29T15:13:37+01:00">
                   <meta property="article:modified_time" content="2022-01-12T15:27:30+01:00"></head>
                   <body><h1>Bridge opens</h1><p>{shown}</p><p>The bridge opened.</p></body>"#
            )
        };
        check(&page("Updated 12.01.2022"), None, Some("de"), Some("2022-01-12"));
        check(&page("29.11.2021, updated 12.01.2022"), None, Some("de"), Some("2021-11-29"));
        check(&page("By Jane Doe"), None, Some("de"), Some("2021-11-29"));
    }

    #[test]
    fn an_early_utc_time_takes_the_day_before_from_the_url() {
        let page = r#"<head><meta property="article:published_time" content="2023-11-09T02:30:00Z"></head>
                      <body><h1>Bridge opens</h1><p>The bridge opened.</p></body>"#;
        check(page, Some("https://example.com/2023/11/08/bridge-opens/"), Some("en"), Some("2023-11-08"));
        check(page, Some("https://example.com/2023/11/09/bridge-opens/"), Some("en"), Some("2023-11-09"));
        check(page, Some("https://example.com/bridge-opens/"), Some("en"), Some("2023-11-09"));
        // Past the UTC morning, or in a language with a zone of its own, the stated day stands.
        let noon = page.replace("02:30:00Z", "12:30:00Z");
        check(&noon, Some("https://example.com/2023/11/08/bridge-opens/"), Some("en"), Some("2023-11-09"));
        check(page, Some("https://example.com/2023/11/08/bridge-opens/"), Some("de"), Some("2023-11-09"));
    }

    #[test]
    fn an_unspecified_meta_date_yields_to_the_articles_time_and_dateline() {
        let page = |body: &str| {
            format!(
                r#"<head><meta name="date" content="2021-12-20T11:02:44+01:00"></head>
                   <body><h1>Bridge opens</h1>{body}<p>The bridge opened.</p></body>"#
            )
        };
        check(&page(r#"<p class="news-date">27.01.2022</p>"#), None, Some("de"), Some("2022-01-27"));
        check(&page(r#"<time datetime="2022-01-27">27 January</time>"#), None, Some("de"), Some("2022-01-27"));
        check(&page("<p>By Jane Doe</p>"), None, Some("de"), Some("2021-12-20"));
    }

    #[test]
    fn an_articles_own_footer_gives_its_date_and_the_sites_does_not() {
        let page = |footer: &str| {
            format!(
                r#"<body><div class="post hentry"><h2>Bridge opens</h2><p>The bridge opened.</p>
                   <div class="post-footer">{footer}</div></div>
                   <div class="site-footer"><p>Site news, 03.02.2021</p></div></body>"#
            )
        };
        check(&page("Posted on 14. Dezember 2015 by Heiner"), None, Some("de"), Some("2015-12-14"));
        let document = Html::parse_document(&page("By Heiner"));
        let frame = frame(&document, "Bridge opens");
        let site_footer = document.select(&selector(".site-footer p")).next().expect("the site footer");
        assert!(outside_article(site_footer, &frame));
    }

    #[test]
    fn a_dateline_and_the_text_under_the_headline_agreeing_outweigh_the_stated_date() {
        let page = |printed: &str| {
            format!(
                r#"<head><meta property="article:published_time" content="2022-01-04T08:29:00+01:00"></head>
                   <body><h1>Bridge opens</h1><p class="article-date">{printed}</p><p>The bridge opened.</p></body>"#
            )
        };
        check(&page("06.01.2022"), None, Some("de"), Some("2022-01-06"));
        // Not a day years away, nor the stated day read the other way round.
        check(&page("06.01.2014"), None, Some("de"), Some("2022-01-04"));
        check(&page("01.04.2022"), None, Some("de"), Some("2022-01-04"));
        check(&page("By Jane Doe"), None, Some("de"), Some("2022-01-04"));
    }
    #[test]
    fn the_one_dated_json_ld_object_of_another_type_dates_the_page() {
        let page = |objects: &str| {
            format!(
                r#"<head><script type="application/ld+json">{objects}</script></head>
                   <body><h1>Bridge opens</h1><p>The bridge opened.</p></body>"#
            )
        };
        check(
            &page(r#"{"@type":"HowTo","datePublished":"2022-01-10T22:06:08:684Z"}"#),
            None,
            Some("en"),
            Some("2022-01-10"),
        );
        // Several dated objects are a list of other pages.
        let list =
            r#"[{"@type":"Recipe","datePublished":"2022-01-10"},{"@type":"Recipe","datePublished":"2021-05-03"}]"#;
        check(&page(list), None, Some("en"), None);
    }

    #[test]
    fn the_date_just_above_the_headline_outweighs_one_in_the_standfirst() {
        // Tabs and line breaks between the tags count for nothing.
        let indent = "<div>\n\t\t\t\t\t\t\t\t</div>".repeat(40);
        let page = |above: &str| {
            format!(
                r#"<body><div class="nav"><a href="/">Back to the newsroom</a></div>{above}{indent}
                   <h1>Bridge opens</h1>{indent}<div class="lead">Citizens may invest in the bridge from 9.1. to 10.2.2023.</div>
                   <p>The bridge opened.</p></body>"#
            )
        };
        check(&page("<div><span>06.12.2022</span></div>"), None, Some("de"), Some("2022-12-06"));
        // Farther above the headline than the date below it, it does not.
        let far = "<div><span>06.12.2022</span></div><p>Our newsroom keeps you informed about the bridge.</p>";
        check(&page(far), None, Some("de"), Some("2023-02-10"));
    }

    #[test]
    fn the_day_in_the_path_of_the_share_image_dates_a_page_with_no_other() {
        let page = |image: &str| {
            format!(
                r#"<head><meta property="og:image" content="{image}"></head>
                   <body><h1>Bridge opens</h1><p>The bridge opened.</p></body>"#
            )
        };
        check(&page("https://example.com/files/2016/05/04/report.png"), None, Some("en"), Some("2016-05-04"));
        check(&page("https://example.com/files/report.png"), None, Some("en"), None);
    }
    #[test]
    fn the_teaser_linking_to_the_page_itself_gives_its_date() {
        // The comments and the news list stand below a body too long for the search near the headline.
        let text = "The bridge opened to the crowd. ".repeat(30);
        let page = |own: &str| {
            format!(
                r#"<body><h1>Bridge opens</h1><p>{text}</p>
                   <ul class="comments"><li><a href="https://example.com/news/bridge-opens#comment-7">04.11.2021</a></li></ul>
                   <div class="latest-news"><a href="/news/ferry-stops"><div class="teaser"><span>03.11.2021</span><h2>Ferry stops</h2></div></a>
                   <a href="{own}"><div class="teaser"><span>10.11.2021</span><h2>Bridge opens</h2></div></a></div></body>"#
            )
        };
        let url = Some("https://example.com/news/bridge-opens");
        check(&page("/news/bridge-opens/"), url, Some("de"), Some("2021-11-10"));
        check(&page("https://example.com/news/bridge-opens"), url, Some("de"), Some("2021-11-10"));
        // Other pages' teasers and the comments' links to a place in this one are not its date.
        check(&page("/news/tunnel-closes"), url, Some("de"), None);
    }

    #[test]
    fn a_short_page_takes_no_date_from_its_list_of_other_stories() {
        let story = "<p>The bridge opened to the crowd on a cold morning.</p>";
        for list in [
            r#"<h2>More stories</h2><ul><li><a href="/news/ferry">Ferry stops</a> May 3, 2021</li></ul>"#,
            r#"<section><header><h3>Related</h3></header><ul><li><a href="/news/ferry">Ferry stops</a>
               <span>May 3, 2021</span></li></ul></section>"#,
        ] {
            let page = format!(r#"<body><div><h1>Bridge opens</h1>{story}{list}</div></body>"#);
            check(&page, None, Some("en"), None);
        }
        // The article's own date above such a list stays.
        let page = format!(
            r#"<body><h1>Bridge opens</h1><p>June 1, 2021</p>{story}<h2>More stories</h2>
               <ul><li><a href="/news/ferry">Ferry stops</a> May 3, 2021</li></ul></body>"#
        );
        check(&page, None, Some("en"), Some("2021-06-01"));
    }

    #[test]
    fn a_short_page_takes_no_date_from_its_readers_comments() {
        let story = "<h1>Bridge opens</h1><p>The bridge opened to the crowd on a cold morning.</p>";
        let time = r#"<time datetime="2021-05-03T10:00:00">May 3, 2021 at 10:00 am</time>"#;
        for comments in [
            format!(
                r#"<section class="comments"><h3>3 Comments</h3><div class="comment"><b>Bob</b> {time}</div></section>"#
            ),
            r#"<section class="comments"><h3>3 Comments</h3><div><b>Bob</b> <span>May 3, 2021</span></div></section>"#
                .to_string(),
            format!(r#"<section class="discussion"><div><b>Bob</b> {time}<p>Great news!</p></div></section>"#),
            format!(r#"<section id="respond"><div><b>Bob</b> {time}<p>Great news!</p></div></section>"#),
            format!(r#"<ol class="replies"><li><b>Bob</b> {time}</li></ol>"#),
            // Named by its heading alone.
            format!(r#"<section><h2>3 Comments</h2><div><b>Bob</b> {time}</div></section>"#),
            r#"<div><h3>Leave a reply</h3><p>Bob</p><p>May 3, 2021</p></div>"#.to_string(),
            r#"<h2>Kommentare</h2><div><p>Bob, 03.05.2021</p></div>"#.to_string(),
        ] {
            let page = format!(r#"<body><article>{story}{comments}</article></body>"#);
            check(&page, None, Some("en"), None);
        }
        // The article's own date above its comments stays.
        let page = format!(
            r#"<body><article><h1>Bridge opens</h1><p>June 1, 2021</p><p>The bridge opened.</p>
               <h3>3 Comments</h3><div><b>Bob</b> {time}</div></article></body>"#
        );
        check(&page, None, Some("en"), Some("2021-06-01"));
        // So does the dateline of an opinion piece, a "comment" in its template's names.
        let page = r#"<body><article><h1>Bridge opens</h1>
            <div class="ArticleHeaderComment_publishDate">June 1, 2021</div><p>The bridge opened.</p></article></body>"#;
        check(page, None, Some("en"), Some("2021-06-01"));
    }

    #[test]
    fn a_short_page_takes_no_date_from_an_embedded_post() {
        let page = r#"<body><h1>Bridge opens</h1><p>The bridge opened to the crowd.</p>
            <blockquote class="twitter-tweet"><p>What a day for the town!</p>&mdash; Jane (@jane)
            <a href="https://twitter.com/jane/status/1">May 3, 2021</a></blockquote>
            <p>Thousands walked across it.</p></body>"#;
        check(page, None, Some("en"), None);
        // A quotation that is no embedded post keeps its text's dates.
        let page = r#"<body><h1>Bridge opens</h1><blockquote><p>May 3, 2021</p>
            <p>The bridge opened to the crowd.</p></blockquote></body>"#;
        check(page, None, Some("en"), Some("2021-05-03"));
    }
}
