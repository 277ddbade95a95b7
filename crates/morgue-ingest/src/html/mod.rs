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
pub(crate) mod body;
mod date;
mod meta;
mod saved;
mod section;
mod summary;
mod tags;
mod title;

use std::borrow::Cow;
use std::sync::LazyLock;

use scraper::{ElementRef, Html};

use self::meta::{JsonLd, Meta};
use crate::extractor::{Draft, clean_inline};
use crate::{Error, Result};

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
    // `memchr` finds the `<` many bytes at a time.
    for i in memchr::memchr_iter(b'<', bytes).map(|at| at + 1) {
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
    let saved = saved::unwrap(text);
    let document = Html::parse_document(&saved.text);
    let root = document.root_element();
    let meta = Meta::read(&document);
    let ld = JsonLd::read(&document);
    // The URL the page states, else the one its saving tool noted.
    let url = ld
        .url
        .clone()
        .or_else(|| meta.link("canonical"))
        .or_else(|| meta.get("og:url"))
        .or_else(|| meta.item.url.clone())
        .or_else(|| meta.first(&["dc.identifier", "dcterms.identifier"]).filter(|u| u.starts_with("http")))
        .or(saved.url);
    let site = meta
        .get("og:site_name")
        .or_else(|| ld.publisher.clone())
        .or_else(|| meta.get("application-name"))
        .or_else(|| meta.item.publisher.clone())
        // A Dublin Core publisher is at times a contact line (`Jane Roe info@example.de`).
        .or_else(|| meta.first(&["dc.publisher", "dcterms.publisher"]).filter(|p| !p.contains('@')))
        .filter(|s| s.chars().count() <= 80);
    let lang_tag = html_lang_tag(&document);
    let language = lang_tag.and_then(primary_language).or_else(|| {
        ld.language
            .clone()
            .or_else(|| meta.first(&["og:locale", "content-language", "dc.language", "language"]))
            .and_then(|l| primary_language(&l))
    });
    // English outside North America writes the day first (`en-GB`, `en_AU`).
    let day_first_region = |tag: &str| {
        let region = tag.rsplit(['-', '_']).next().unwrap_or_default().to_ascii_uppercase();
        tag.len() > 2 && ["GB", "UK", "AU", "IE", "NZ", "IN", "ZA"].contains(&region.as_str())
    };
    let title = title::headline(&document, &meta, &ld, site.as_deref());
    let body = body::body(root, &title);
    let paragraphs = drop_repeated_title(with_ld_body(body.paragraphs, &ld), &title);
    // A page that declares no language writes dates as its text's language
    // does: `04/03/2003` on an old page in Hebrew or German is 4 March. The
    // first paragraphs tell the language well enough, at a fraction of the cost.
    let text_language = || {
        let mut sample = String::new();
        for paragraph in &paragraphs {
            if sample.len() >= 600 {
                break;
            }
            sample.push_str(paragraph);
            sample.push('\n');
        }
        crate::language::detect(&sample)
    };
    let month_first = language.as_deref().or_else(text_language).is_none_or(|l| l == "en")
        && !meta.get("og:locale").is_some_and(|l| day_first_region(&l))
        && !lang_tag.is_some_and(day_first_region);
    let page = date::Page {
        document: &document,
        meta: &meta,
        ld: &ld,
        url: url.as_deref(),
        title: &title,
        language: language.as_deref(),
        month_first,
        text: std::cell::OnceCell::new(),
    };
    let published = date::published(&page)
        .map(|d| date::in_local_zone(d, date::offset_hint(&document, &meta, &ld), language.as_deref()));
    let updated = date::last_change(&page, published);
    let tags = tags::tags(&document, &meta, &ld);
    let credits = author::credits(&document, &meta, &ld, site.as_deref(), &paragraphs[..paragraphs.len().min(3)]);
    let draft = Draft {
        summary: summary::summary(&document, &meta, &ld, &title),
        section: section::section(&document, &meta, &ld, &title, url.as_deref()),
        authors: credits.authors,
        source: credits.agency,
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
    if let Some(reason) = not_an_article(&document, &meta, &ld, &draft, body.under_headline) {
        return Err(Error::NotAnArticle { reason });
    }
    if draft.paragraphs.is_empty() {
        return Err(Error::NotAnArticle { reason: "no article body" });
    }
    Ok(draft)
}

/// Why the page is not an article, if it is not: an error page, a redirect,
/// a home page or section front (link lists and little text).
fn not_an_article(
    document: &Html,
    meta: &Meta,
    ld: &JsonLd,
    draft: &Draft,
    under_headline: bool,
) -> Option<&'static str> {
    // The tests below ask only whether there are fewer than 150 words: counting stops there.
    let words = draft.paragraphs.iter().flat_map(|p| p.split_whitespace()).take(150).count();
    let first_text = |name| {
        tagged(document, name)
            .next()
            .map(|t| clean_inline(&t.text().collect::<String>()).to_lowercase())
            .unwrap_or_default()
    };
    let says_error = |t: &str| {
        !t.is_empty()
            && t.chars().count() < 80
            && ERROR_TITLES
                .iter()
                .any(|e| t.split([' ', '|', '-', ':', '–']).any(|w| w == *e) || t.contains(e) && e.contains(' '))
    };
    // Each test below reads the page only when the cheaper ones leave it in question.
    if words < 150 && !ld.is_article && (says_error(&first_text("title")) || says_error(&first_text("h1"))) {
        return Some("an error page");
    }
    let root_name = document.root_element().value().name();
    if matches!(root_name, "rss" | "feed" | "rdf:rdf") || text_starts_as_feed(document) {
        return Some("a news feed");
    }
    // A refresh that names a target is a redirect; one without reloads the
    // page itself every few minutes, as news sites' article pages often do.
    let refresh = || {
        tagged(document, "meta").any(|m| {
            attr(m.value(), "http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("refresh"))
                && attr(m.value(), "content").is_some_and(|c| c.to_ascii_lowercase().contains("url"))
        })
    };
    if words < 50 && refresh() {
        return Some("a redirect page");
    }
    // A video's page (`video.other`, `video.episode`) is one item, not a list of them.
    let og_article = meta.get("og:type").is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("article") || t.starts_with("video")
    });
    let front_types = ["WebSite", "CollectionPage", "ItemList", "SearchResultsPage"];
    let says_front = !ld.is_article && !og_article && ld.types.iter().any(|t| front_types.contains(&t.as_str()));
    let mostly_links = || {
        let body_chars: usize = draft.paragraphs.iter().map(|p| p.chars().filter(|c| !c.is_whitespace()).count()).sum();
        let (page_chars, link_chars) = body::page_text(document.root_element());
        link_chars * 2 > page_chars && body_chars * 10 < page_chars
    };
    let og_website = meta.get("og:type").is_some_and(|t| t.eq_ignore_ascii_case("website"));
    // A short article on a page full of links still has its text under its headline.
    let short_article = under_headline && words >= 40;
    if !ld.is_article
        && !og_article
        && !short_article
        && words < 120
        && (says_front || mostly_links() || (og_website && words < 40))
    {
        return Some("a home page or section front: link lists and little text");
    }
    None
}

/// Whether the page is an RSS or Atom document (which the HTML parser wraps in `<html>`).
fn text_starts_as_feed(document: &Html) -> bool {
    // `body > rss, body > feed, body > channel, rss > channel`
    elements(document).any(|el| {
        let parent = || el.parent().and_then(ElementRef::wrap).map(|p| p.value().name());
        match el.value().name() {
            "rss" | "feed" => parent() == Some("body"),
            "channel" => matches!(parent(), Some("body" | "rss")),
            _ => false,
        }
    })
}

/// The page's elements, in the order [`Html::select`] visits them (the order
/// the parser made them), for tests written by hand: matching a `Selector`
/// against every element costs several times a look at its tag, and the
/// extraction reads the whole page for a dozen kinds of element.
fn elements(document: &Html) -> impl Iterator<Item = ElementRef<'_>> {
    // As `select` does, leaves out the nodes the parser took off the tree.
    document.tree.nodes().filter_map(ElementRef::wrap).filter(|el| el.parent().is_some())
}

/// The page's elements with the tag `name` (lower case), in the order of [`elements`].
fn tagged<'a>(document: &'a Html, name: &'a str) -> impl Iterator<Item = ElementRef<'a>> + 'a {
    elements(document).filter(move |el| el.value().name() == name)
}

/// Class and id words of readers' comments: clutter to every reader of the page.
const COMMENT_NAMES: &[&str] = &["comment", "reply"];

/// Class and id words of lists of other articles: clutter to every reader of
/// the page. Each clutter test adds its own words to these two lists.
const TEASER_NAMES: &[&str] = &["related", "teaser", "popular", "most-read", "mostread", "recommend"];

/// Whether a class or id token names readers' comments or a list of other articles.
fn names_comments_or_teasers(token: &str) -> bool {
    COMMENTS_OR_TEASERS.is_match(token)
}

/// [`COMMENT_NAMES`] and [`TEASER_NAMES`] as one automaton: the clutter
/// tests read every token of many elements and of all their ancestors, and
/// searching each token for every word in turn cost more than the rest of them.
static COMMENTS_OR_TEASERS: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| name_automaton(&[COMMENT_NAMES, TEASER_NAMES].concat()));

/// An element and its ancestors, nearest first, up to sixty levels: far
/// enough for any page, and pathological nesting must not make a walk up
/// from every element quadratic.
fn self_and_ancestors(element: ElementRef<'_>) -> impl Iterator<Item = ElementRef<'_>> {
    std::iter::successors(Some(element), |el| el.parent().and_then(ElementRef::wrap)).take(60)
}

/// An element's `class` and `id` values as they are, for a first scan by a
/// [`name_automaton`] before any token is split off or lower-cased.
fn class_and_id(element: &scraper::node::Element) -> impl Iterator<Item = &str> {
    [attr(element, "class"), element.id()].into_iter().flatten()
}

/// An element's `class` and `id`, lower-cased and joined by a space: for
/// tests of words that may stand anywhere in them ("comment", "bio").
fn class_and_id_lowercase(element: &scraper::node::Element) -> String {
    format!("{} {}", attr(element, "class").unwrap_or_default(), element.id().unwrap_or_default()).to_ascii_lowercase()
}

/// Whether an element's `class` lists `name`, as the selector `.name` tests
/// it (with case): `Element::has_class` would intern every class name of
/// the element, and the author reader asks it of every element.
pub(super) fn has_class(element: &scraper::node::Element, name: &str) -> bool {
    attr(element, "class").is_some_and(|c| c.split_ascii_whitespace().any(|w| w == name))
}

/// An element's ancestors, nearest first, up to sixty levels (see [`self_and_ancestors`]).
fn ancestors(element: ElementRef<'_>) -> impl Iterator<Item = ElementRef<'_>> {
    element.ancestors().filter_map(ElementRef::wrap).take(60)
}

/// The lower-cased class and id tokens that name an element itself: layout
/// modifiers, which only say what is around it (`has-sidebar`), are left out.
///
/// Every clutter test reads them for many elements and their ancestors, so
/// they are borrowed unless they have capitals.
fn naming_tokens<'a>(element: &'a scraper::node::Element) -> impl Iterator<Item = Cow<'a, str>> + 'a {
    class_and_id(element)
        .flat_map(str::split_whitespace)
        .map(|token| {
            if token.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(token.to_ascii_lowercase())
            } else {
                Cow::Borrowed(token)
            }
        })
        .filter(|token| !is_layout_modifier(token))
}

/// Whether an element sits in a comment section, a teaser list, a sidebar or a footer.
///
/// Class and id tokens are read one by one, and layout modifiers that only
/// say a page *has* a sidebar (`has-sidebar`, `no-sidebar`,
/// `wrapper__with-sidebar`, on `<body>` in most WordPress themes) do not
/// count; nor do `<body>` and `<html>` themselves. A sidebar's name above
/// the page's main column names the layout of column and sidebar
/// (`<div class="cb-sidebar-right"><div class="cb-main">`, `sidebar-layout`),
/// not a sidebar: no sidebar holds the main column.
fn in_clutter(element: ElementRef<'_>) -> bool {
    let mut in_main_column = false;
    for el in self_and_ancestors(element) {
        let e = el.value();
        match e.name() {
            "footer" | "aside" => return true,
            "body" | "html" => return false,
            _ => {}
        }
        if naming_tokens(e).any(|token| {
            names_comments_or_teasers(&token)
                || token.contains("footer")
                || !in_main_column && token.contains("sidebar")
        }) {
            return true;
        }
        in_main_column |= e.name() == "main"
            || attr(e, "role").is_some_and(|r| r.eq_ignore_ascii_case("main"))
            || naming_tokens(e).any(|token| names_main_column(&token));
    }
    false
}

/// Whether a class or id token names the page's main column: `main`,
/// `cb-main`, `site-main`, `l-main` (but not `main-nav` or `main-sidebar`).
fn names_main_column(token: &str) -> bool {
    token.rsplit(['-', '_']).next() == Some("main")
}

/// The value of an element's attribute `name` (lower case), found by a plain
/// scan of its few attributes: `Element::attr` interns the name it looks up,
/// which costs more, and the walks read attributes of every element. Only
/// the names are read on the way (`Element::attrs` reads every value too).
fn attr<'a>(element: &'a scraper::node::Element, name: &str) -> Option<&'a str> {
    element.attrs.iter().find(|(n, _)| &*n.local == name).map(|(_, value)| &**value)
}

/// An automaton that finds any of `parts` (lower case) in class and id
/// names. Names are a few dozen bytes: a full DFA without a prefilter scans
/// them fastest. It ignores ASCII case, so a raw `class` value can be
/// scanned whole before its tokens are lower-cased one by one: most
/// elements name none of the parts, and one scan settles them.
fn name_automaton(parts: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .prefilter(false)
        .build(parts)
        .expect("a few hundred short constant patterns fit an automaton")
}

/// Whether a class token describes the layout around an element rather than
/// the element: `has-sidebar`, `no-comments`, `layout--with-sidebar`, and
/// MathJax's `CtxtMenu_Attached_0` on a formula (a context menu hooked to it).
fn is_layout_modifier(token: &str) -> bool {
    const MODIFIERS: &[&str] = &["has", "no", "with", "without", "show", "hide", "attached"];
    // Most tokens are one word: no need to split them.
    if !token.bytes().any(|b| b == b'-' || b == b'_') {
        return false;
    }
    let (mut words, mut modifier) = (0, false);
    for word in token.split(['-', '_']).filter(|w| !w.is_empty()) {
        words += 1;
        modifier |= MODIFIERS.contains(&word);
    }
    words > 1 && modifier
}

/// The path a link leads to on its host: `/a/b` of `https://host/a/b` and of
/// `//host/a/b`, empty for `https://host`; a relative link as it is written.
fn href_path(href: &str) -> &str {
    match href.split_once("//") {
        Some((scheme, rest)) if scheme.is_empty() || scheme.ends_with(':') => {
            rest.find('/').map_or("", |at| &rest[at..])
        }
        _ => href,
    }
}

/// The first `pieces` text nodes of an element, joined by spaces (so that
/// `<b>Author</b><a>Jane Doe</a>` does not read as "AuthorJane Doe").
fn spaced_text(element: ElementRef<'_>, pieces: usize) -> String {
    element.text().take(pieces).collect::<Vec<_>>().join(" ")
}

/// Drops leading blocks that repeat the headline.
/// The page's paragraphs, or those of its JSON-LD `articleBody` when the
/// page shows much less: its text loaded by script, or behind a paywall.
fn with_ld_body(paragraphs: Vec<String>, ld: &JsonLd) -> Vec<String> {
    let words = |ps: &[String]| ps.iter().map(|p| p.split_whitespace().count()).sum::<usize>();
    let Some(text) = ld.article_body.as_deref() else { return paragraphs };
    let from_ld = body::paragraphs_of_text(text);
    let (ld_words, page_words) = (words(&from_ld), words(&paragraphs));
    if ld_words >= 50 && ld_words > 2 * page_words { from_ld } else { paragraphs }
}

fn drop_repeated_title(mut paragraphs: Vec<String>, title: &str) -> Vec<String> {
    let title = title::normalize(title);
    if !title.is_empty() {
        while paragraphs.first().is_some_and(|p| repeats_title(p, &title)) {
            paragraphs.remove(0);
        }
    }
    paragraphs
}

/// Whether a line is the headline (`title`, normalized), or the headline
/// after a kicker of a word or two on its line, as old pages set them
/// (`<font>POLITICS</font><br><font size="5">Senate passes …</font>`).
fn repeats_title(line: &str, title: &str) -> bool {
    let mut words = line.split_whitespace();
    title::normalize(line) == title
        || (0..2).any(|_| {
            words.next().is_some_and(|kicker| !kicker.ends_with(['.', '!', '?', ':']))
                && title::normalize(&words.clone().collect::<String>()) == title
        })
}

fn html_lang_tag(document: &Html) -> Option<&str> {
    // The parser makes `<html>` the root of every page (one element, whatever the markup).
    let html = document.root_element().value();
    attr(html, "lang").or_else(|| attr(html, "xml:lang"))
}

/// `en` of `en-GB`, `en_US`, `EN`.
fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase())).then_some(primary)
}

/// The figures' captions, without a gallery's counters ("<span>2 of 6</span> Pilots …").
fn captions(document: &Html) -> Vec<String> {
    tagged(document, "figcaption")
        .map(|el| clean_inline(&el.text().filter(|t| !body::is_slide_counter(t)).collect::<String>()))
        .filter(|t| !t.is_empty())
        .take(50)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::meta::selector;
    use super::*;

    #[test]
    fn captions_leave_out_a_gallerys_counters() {
        let page = Html::parse_document(
            r#"<figure><figcaption><span>2 of 6</span> A balloon over the river.</figcaption></figure>"#,
        );
        assert_eq!(captions(&page), ["A balloon over the river."]);
    }

    #[test]
    fn layout_classes_that_mention_a_sidebar_are_not_clutter() {
        let page = Html::parse_document(
            r#"<body class="single no-sidebar"><div class="wrap has-sidebar"><h1 id="a">Headline</h1></div>
               <div class="sidebar"><h2 id="b">Most read</h2></div>
               <div class="comments-area"><p id="c">A comment</p></div></body>"#,
        );
        let at = |id: &str| page.select(&selector(&format!("#{id}"))).next().expect("the element");
        assert!(!in_clutter(at("a")));
        assert!(in_clutter(at("b")));
        assert!(in_clutter(at("c")));
        // A sidebar's name on the layout around the main column and the sidebar.
        let page = Html::parse_document(
            r#"<body><div class="cb-sidebar-right"><div class="cb-main"><h1 id="a">Headline</h1></div>
               <div class="cb-sidebar"><h1 id="b">Blog name</h1></div></div>
               <div class="sidebar-layout"><main><article><h1 id="c">Headline</h1></article></main>
               <div class="sidebar-right"><div class="widget"><h2 id="d">Archive</h2></div></div></div></body>"#,
        );
        let at = |id: &str| page.select(&selector(&format!("#{id}"))).next().expect("the element");
        assert!(!in_clutter(at("a")));
        assert!(in_clutter(at("b")));
        assert!(!in_clutter(at("c")));
        assert!(in_clutter(at("d")));
        assert!(is_layout_modifier("layout--with-sidebar"));
        assert!(!is_layout_modifier("sidebar-widget"));
    }

    const PROSE: &str = "The council met on Tuesday evening and voted, after a long debate, to rebuild the old bridge.";

    #[test]
    fn a_kicker_on_the_headlines_line_goes_with_it() {
        let page = format!(
            "<html><head><title>Senate passes the farm bill</title></head><body><table><tr><td>\
             <font>POLITICS</font><br><font size=\"5\">Senate passes the farm bill</font><br><br>{PROSE}<br><br>{PROSE}\
             </td></tr></table></body></html>"
        );
        let paragraphs = extract(&page).map(|d| d.paragraphs).unwrap_or_default();
        assert_eq!(paragraphs.first().map(String::as_str), Some(PROSE), "{paragraphs:?}");
        // A sentence that holds the headline's words is no kicker's line.
        assert!(!repeats_title("Today. Senate passes the farm bill", "senatepassesthefarmbill"));
        assert!(repeats_title("Breaking news Senate passes the farm bill", "senatepassesthefarmbill"));
    }

    #[test]
    fn a_page_that_reloads_itself_is_not_a_redirect() {
        let page = |refresh: &str| {
            format!(
                "<html><head><title>Bridge to be rebuilt</title><meta http-equiv=\"refresh\" content=\"{refresh}\">\
                 </head><body><h1>Bridge to be rebuilt</h1><p>{PROSE}</p></body></html>"
            )
        };
        assert!(extract(&page("300")).is_ok());
        assert!(matches!(extract(&page("0; URL=https://example.com/")), Err(Error::NotAnArticle { .. })));
    }

    #[test]
    fn a_page_of_no_declared_language_writes_dates_as_its_text_does() {
        let page = |text: &str| {
            format!("<html><body><h1>Bridge</h1><div class=\"date\">04/03/2003</div><p>{text}</p></body></html>")
        };
        let published = |text: &str| extract(&page(text)).ok().and_then(|d| d.published).map(|d| d.to_string());
        assert_eq!(published(PROSE).as_deref(), Some("2003-04-03"));
        let german = "Der Stadtrat hat am Dienstagabend nach langer Debatte beschlossen, die alte Brücke neu zu bauen.";
        assert_eq!(published(german).as_deref(), Some("2003-03-04"));
    }

    #[test]
    fn a_short_article_or_video_among_many_links_is_not_a_front() {
        let links: String = (0..60)
            .map(|i| format!("<li><a href=\"/{i}\">Another story about the town, number {i}</a></li>"))
            .collect();
        let page = |head: &str, h1: &str| {
            format!(
                "<html><head>{head}</head><body><ul>{links}</ul><h1>{h1}</h1><p>{PROSE}</p>\
                 <p>{PROSE}</p><p>{PROSE}</p><ul>{links}</ul></body></html>"
            )
        };
        assert!(extract(&page("", "Bridge to be rebuilt, council says")).is_ok());
        assert!(extract(&page(r#"<meta property="og:type" content="video.other">"#, "News")).is_ok());
        assert!(matches!(extract(&page("", "News")), Err(Error::NotAnArticle { .. })));
    }

    #[test]
    fn dublin_core_states_the_url_and_the_publisher() {
        let page = |identifier: &str, publisher: &str| {
            format!(
                r#"<html><head><title>Bridge to be rebuilt</title><meta name="DC.publisher" content="{publisher}">
                <meta name="DC.identifier" content="{identifier}"></head>
                <body><h1>Bridge to be rebuilt</h1><p>{PROSE}</p></body></html>"#
            )
        };
        let draft = extract(&page("https://rns.example.org/stories/bridge", "Regional News")).expect("an article");
        assert_eq!(draft.url.as_deref(), Some("https://rns.example.org/stories/bridge"));
        assert_eq!(draft.site.as_deref(), Some("Regional News"));
        // An identifier that is no web address (an ISBN, a DOI, a local number).
        let draft = extract(&page("urn:isbn:0451450523", "Jane Roe info@example.de")).expect("an article");
        assert_eq!(draft.url, None);
        assert_eq!(draft.site, None);
    }

    #[test]
    fn a_label_over_the_headline_names_the_section_when_nothing_else_does() {
        let section = |label: &str| {
            let page = format!(
                r#"<html><head><title>Bridge to be rebuilt</title></head><body><nav><a href="/">Home</a></nav>
                <div class="story"><header>{label}<h1>Bridge to be rebuilt</h1></header><p>{PROSE}</p></div></body></html>"#
            );
            extract(&page).ok().and_then(|d| d.section)
        };
        assert_eq!(section(r#"<a class="section-label" href="/sport/">Sport</a>"#).as_deref(), Some("Sport"));
        assert_eq!(section(r#"<span class="kicker">Politics</span>"#).as_deref(), Some("Politics"));
        assert_eq!(
            section(r#"<div><a href="https://example.com/news/world-news/">World News</a></div>"#).as_deref(),
            Some("World News")
        );
        // A link to another page, a kind of story, a sentence, a date: no section.
        for label in [
            r#"<a href="/sport/2024/bridge-results">Sport</a>"#,
            r#"<span class="kicker">Exclusive</span>"#,
            r#"<span class="kicker">Top News</span>"#,
            r#"<span class="kicker">Leseempfehlung</span>"#,
            r#"<span class="kicker">Sponsored Content</span>"#,
            r#"<div class="eyebrow">Analysis</div>"#,
            r#"<div class="eyebrow"><a href="/section/columnists/maria-chen">Maria Chen</a></div>"#,
            r#"<p class="kicker">The town's old bridge will be rebuilt.</p>"#,
            r#"<span class="category">May 3, 2021</span>"#,
            r#"<span>Politics</span>"#,
            r#"<ul class="menu"><li><a href="/">Home</a></li><li><a href="/sport/">Sport</a></li></ul>"#,
            r#"<span class="category"><a href="/sport/">Sport</a><a href="/news/">News</a></span>"#,
            r#"<a href="/author/jane-doe/" rel="author">Jane Doe</a>"#,
        ] {
            assert_eq!(section(label), None, "{label}");
        }
    }

    #[test]
    fn a_breadcrumb_trail_names_the_section_when_nothing_else_does() {
        let page = |head: &str, trail: &str| {
            format!(
                r#"<html><head><title>Bridge to be rebuilt</title>{head}</head><body><nav class="c-breadcrumbs">{trail}</nav>
                <h1>Bridge to be rebuilt</h1><p>{PROSE}</p></body></html>"#
            )
        };
        let section = |head: &str, trail: &str| extract(&page(head, trail)).ok().and_then(|d| d.section);
        let trail = r#"<a href="/">Home</a> › <a href="/news/">News</a> › <a href="/news/local/">Local</a> ›
            <a href="/news/local/bridge">Bridge to be rebuilt</a>"#;
        assert_eq!(section("", trail).as_deref(), Some("Local"));
        // The JSON-LD trail first; its last step is the article itself.
        let ld = r#"<script type="application/ld+json">{"@type":"BreadcrumbList","itemListElement":[
            {"@type":"ListItem","position":3,"name":"Bridge to be rebuilt"},
            {"@type":"ListItem","position":2,"item":{"@id":"https://example.com/city/","name":"City Hall"}},
            {"@type":"ListItem","position":1,"name":"Home","item":"https://example.com/"}]}</script>"#;
        assert_eq!(section(ld, trail).as_deref(), Some("City Hall"));
        // A stated section comes first.
        assert_eq!(
            section(r#"<meta property="article:section" content="Politics">"#, trail).as_deref(),
            Some("Politics")
        );
        // A trail of the home page alone, or a link back, names no section.
        assert_eq!(section("", r#"<a href="https://example.com/">Start</a> › Bridge to be rebuilt"#), None);
        assert_eq!(section("", r#"<a href="/news/">‹ Back</a>"#), None);
        // An archive's step by month or issue is no section.
        for step in ["Dezember 2021", "January", "KW 15", "Ausgabe: 43"] {
            let trail = format!(r#"<a href="/">Home</a> › <a href="/archiv/x/">{step}</a> › Bridge to be rebuilt"#);
            assert_eq!(section("", &trail), None, "{step}");
        }
        let trail = r#"<a href="/">Home</a> › <a href="/covid/">COVID-19</a> › Bridge to be rebuilt"#;
        assert_eq!(section("", trail).as_deref(), Some("COVID-19"));
        // Nor does a block that only mentions the trail, or a menu.
        let page = format!(
            r#"<html><head><title>Bridge to be rebuilt</title></head><body><div class="intro__breadcrumbNavigation">
            <h1>Bridge to be rebuilt</h1><a href="mailto:?body=x">Mail</a></div><p>{PROSE}</p></body></html>"#
        );
        assert_eq!(extract(&page).ok().and_then(|d| d.section), None);
        let menu: String = (0..8).map(|i| format!(r#"<a href="/s{i}/">Section {i}</a>"#)).collect();
        assert_eq!(section("", &menu), None);
    }

    #[test]
    fn deeply_nested_markup_is_refused_before_parsing() {
        assert_eq!(parse_work("<div><span>a</span><div>b</div></div>"), 1 + 2 + 1 + 2 + 1);
        let page = "<div><span>".repeat(6000);
        let started = std::time::Instant::now();
        assert!(matches!(extract(&page), Err(Error::NotAnArticle { .. })));
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
    }

    #[test]
    fn english_outside_north_america_reads_the_day_first() {
        let page = |lang: &str| {
            format!(
                r#"<html {lang}><head><title>Bridge opens</title></head><body><article><h1>Bridge opens</h1>
                <p class="byline">Jane Doe 02/10/2020</p>
                <p>The mayor opened the bridge on Sunday, two years after work began, and crowds lined the banks.</p>
                </article></body></html>"#
            )
        };
        let day = |lang: &str| extract(&page(lang)).ok().and_then(|d| d.published).map(|d| d.date().to_string());
        assert_eq!(day(r#"xml:lang="en-GB""#).as_deref(), Some("2020-10-02"));
        assert_eq!(day(r#"lang="en_AU""#).as_deref(), Some("2020-10-02"));
        assert_eq!(day(r#"lang="en-US""#).as_deref(), Some("2020-02-10"));
        assert_eq!(day(r#"lang="en""#).as_deref(), Some("2020-02-10"));
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

    #[test]
    fn a_body_shown_only_in_json_ld_is_read_from_it() {
        let sentence = "The council voted on Tuesday to rebuild the old bridge over the river by next spring. ";
        let ld_body = format!("{}\n{}", sentence.repeat(4), sentence.repeat(3));
        let page = |body: &str| {
            format!(
                r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle",
                 "headline":"Bridge to be rebuilt","articleBody":{body:?}}}</script></head>
                 <body><h1>Bridge to be rebuilt</h1><p>The council voted on Tuesday, in a short meeting.</p>
                 <div id="app"></div></body></html>"#
            )
        };
        let draft = extract(&page(&ld_body)).expect("an article");
        assert_eq!(draft.paragraphs.len(), 2);
        assert!(draft.paragraphs[0].starts_with("The council voted on Tuesday to rebuild"));
        // Written as HTML with its tags as entities.
        let escaped = format!("&lt;p&gt;{}&lt;/p&gt;&lt;p&gt;{}&lt;/p&gt;", sentence.repeat(4), sentence.repeat(3));
        let draft = extract(&page(&escaped)).expect("an article");
        assert_eq!(draft.paragraphs.len(), 2);
        assert!(!draft.paragraphs.iter().any(|p| p.contains("&lt;") || p.contains("<p>")));
        // A short articleBody (a teaser) does not replace the page's text.
        let draft = extract(&page(sentence)).expect("an article");
        assert_eq!(draft.paragraphs, ["The council voted on Tuesday, in a short meeting."]);
        // Nor do the bodies of a list of articles.
        let list = format!(
            r#"<html><head><script type="application/ld+json">[{{"@type":"NewsArticle","articleBody":{ld_body:?}}},
             {{"@type":"NewsArticle","articleBody":{ld_body:?}}}]</script></head><body><h1>Bridge to be rebuilt</h1>
             <p>The council voted on Tuesday, in a short meeting.</p></body></html>"#
        );
        let draft = extract(&list).expect("an article");
        assert_eq!(draft.paragraphs, ["The council voted on Tuesday, in a short meeting."]);
    }
}
