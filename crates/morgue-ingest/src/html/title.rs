//! The headline: the visible `<h1>` checked against the titles the page
//! states for machines, and those titles without the site's name.

use scraper::{ElementRef, Html};

use super::meta::{JsonLd, Meta};
use super::{in_clutter, spaced_text};
use crate::extractor::clean_inline;

/// The headline: the visible `<h1>` when the page's stated titles confirm it,
/// else the JSON-LD headline, OpenGraph title or `<title>` without the site
/// name; never with a date in front ("23.01.2022 - Headline").
pub(super) fn headline(document: &Html, meta: &Meta, ld: &JsonLd, site: Option<&str>) -> String {
    let headline = stated_or_visible_headline(document, meta, ld, site);
    match LEADING_DATE.find(&headline) {
        Some(date) if date.end() < headline.len() => headline[date.end()..].to_owned(),
        _ => headline,
    }
}

/// A numeric date and a separator at the start of a title.
static LEADING_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})\s*(?:[-–—|:]\s*|\s)")
        .expect("a valid date prefix pattern")
});

fn stated_or_visible_headline(document: &Html, meta: &Meta, ld: &JsonLd, site: Option<&str>) -> String {
    let title_tag = super::tagged(document, "title")
        .next()
        .map(|el| unescape(&clean_inline(&el.text().collect::<String>())))
        .filter(|t| !t.is_empty());
    let og = meta.first(&["og:title", "twitter:title"]).map(|t| unescape(&t)).filter(|t| !is_markup(t));
    let ld_headline = ld.headline.as_deref().map(unescape).filter(|t| !is_markup(t));
    let stated: Vec<String> = [ld_headline.clone(), og.clone(), title_tag.clone()].into_iter().flatten().collect();
    // The parts of the stated titles between separators: "Headline | Section | Site".
    let segments: Vec<String> = stated.iter().flat_map(|s| title_segments(s)).map(|s| normalize(&s)).collect();
    let headings = |name: &'static str, n: usize| -> Vec<ElementRef<'_>> {
        super::tagged(document, name).filter(|el| !in_clutter(*el)).take(n).collect()
    };
    let readable = |t: &String| !t.is_empty() && t.chars().count() < 300;
    let h1_read: Vec<(ElementRef<'_>, String)> = headings("h1", 5).into_iter().map(|h| (h, heading_text(h))).collect();
    // A blog's name in its `<h1>`, as a link to the blog's home page.
    let home_links: Vec<String> = h1_read.iter().filter(|(h, _)| links_home(*h)).map(|(_, t)| normalize(t)).collect();
    let h1s: Vec<String> = h1_read.into_iter().map(|(_, t)| t).filter(readable).collect();
    let site_norm = site.map(normalize).filter(|s| !s.is_empty());
    // The site's name, when known, as a part of a stated title: no other part is.
    let site_is_a_segment = site_norm.as_ref().is_some_and(|s| segments.contains(s));
    // The h1, if it names the site: it is then a segment to strip from titles.
    let h1_is_site = |h: &str| {
        let n = normalize(h);
        site_norm.as_deref() == Some(n.as_str())
            || home_links.contains(&n)
            || (!site_is_a_segment
                && stated.iter().any(|s| title_segments(s).len() > 1)
                && title_segments_tail_is(&stated, &n))
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
    for h1 in super::tagged(document, "h1").take(5) {
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
    for h2 in headings("h2", 10).into_iter().map(heading_text).filter(readable) {
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
    if real_h1s.is_empty()
        && let Some(line) = big_type_headline(document, &stated, |n| {
            site_norm.as_deref() == Some(n) || title_segments_tail_is(&stated, n)
        })
    {
        return line;
    }
    let site_hint = site.map(str::to_owned).or_else(|| h1s.iter().find(|h| h1_is_site(h)).cloned());
    if let Some(headline) = &ld_headline
        && site_norm.as_deref() != Some(normalize(headline).as_str())
    {
        return strip_site_name(headline, site_hint.as_deref());
    }
    if let Some(og) = og {
        return strip_site_name(&og, site_hint.as_deref());
    }
    if let Some(h1) = h1s.iter().find(|h| !h1_is_site(h) && h.chars().count() > 10) {
        return h1.clone();
    }
    title_tag.map(|t| strip_site_name(&t, site_hint.as_deref())).or_else(|| h1s.first().cloned()).unwrap_or_default()
}

/// The headline of a page that sets it in big or bold type (`<font
/// size="+2">`, `<b><font size=4>`) with no `<h1>`, or only the site's logo
/// in one, as table layouts of 1999–2008 do: of the page's big or bold
/// lines that open or close a stated title or one of its parts (the rest
/// being the site's name, "Site: Headline") in three words or more, and
/// cover half of it, the longest; never the site's name (`is_site`, of
/// normalized text).
fn big_type_headline(document: &Html, stated: &[String], is_site: impl Fn(&str) -> bool) -> Option<String> {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let titles: Vec<Vec<String>> =
        stated.iter().flat_map(|s| std::iter::once(s.clone()).chain(title_segments(s))).map(|t| words(&t)).collect();
    let opens_or_closes = |line: &[String]| {
        titles.iter().any(|t| line.len() * 2 >= t.len() && (t.starts_with(line) || t.ends_with(line)))
    };
    let big = |size: &str| {
        let size = size.trim();
        size.strip_prefix('+').is_some_and(|s| s.parse::<u8>().is_ok_and(|s| s >= 1))
            || size.parse::<u8>().is_ok_and(|s| (4..=7).contains(&s))
    };
    super::elements(document)
        .filter(|el| match el.value().name() {
            "font" => super::attr(el.value(), "size").is_some_and(big),
            "b" | "strong" => true,
            _ => false,
        })
        .take(200)
        .map(|el| clean_inline(&spaced_text(el, 20)))
        .filter(|line| {
            let line_words = words(line);
            line_words.len() >= 3
                && line.chars().count() < 300
                && opens_or_closes(&line_words)
                && !is_site(&normalize(line))
        })
        .max_by_key(|line| line.chars().count())
}

/// Class and id words of a kicker, the topic line above or before a headline.
const KICKER_NAMES: &[&str] = &[
    "kicker",
    "roofline",
    "overline",
    "dachzeile",
    "topline",
    "spitzmarke",
    "subtitle",
    "subheadline",
    "sub-heading",
    "subheading",
    "supertitle",
    "superhead",
    "pretitle",
    "pre-title",
    "eyebrow",
    "label",
    "topic",
    "section",
    "category",
    "rubric",
    "flag",
    "strap",
];

/// Class words of text that is there for screen readers only.
const HIDDEN_NAMES: &[&str] = &["visually-hidden", "visuallyhidden", "sr-only", "screen-reader", "invisible", "hidden"];

/// One piece of a heading: its text, and what sets it apart as a kicker.
struct HeadingPart {
    text: String,
    /// An element (not loose text), which a kicker always is.
    element: bool,
    /// Named as a kicker by its class or id.
    named: bool,
    /// Followed by a line break or a hidden separator, or a block of its own.
    set_apart: bool,
}

/// A heading's text without its kicker (`<span class="kicker">Topic</span>
/// Headline`, `<small>Topic</small><br>Headline`), ruby annotations and
/// screen-reader-only separators. A leading element is a kicker when it is
/// named as one, or set apart by a line break or a hidden separator.
fn heading_text(heading: ElementRef<'_>) -> String {
    // `<h1><a href><span>Kicker</span>Headline</a></h1>`: the parts are the link's.
    let mut node = heading;
    while let Some(inner) = only_child_element(node) {
        node = inner;
    }
    let mut parts: Vec<HeadingPart> = Vec::new();
    for child in node.children() {
        match child.value() {
            scraper::Node::Text(t) if !t.trim().is_empty() => {
                parts.push(HeadingPart { text: t.to_string(), element: false, named: false, set_apart: false });
            }
            scraper::Node::Element(e) => {
                let Some(el) = ElementRef::wrap(child) else { continue };
                let names = super::class_and_id_lowercase(el.value());
                let hidden = HIDDEN_NAMES.iter().any(|h| names.contains(h));
                if e.name() == "br" || hidden {
                    if let Some(last) = parts.last_mut() {
                        last.set_apart = true;
                    }
                } else if !is_ruby(el) {
                    parts.push(HeadingPart {
                        text: visible_text(el),
                        element: true,
                        named: KICKER_NAMES.iter().any(|k| names.contains(k)),
                        set_apart: matches!(e.name(), "div" | "p"),
                    });
                }
            }
            _ => {}
        }
    }
    parts.retain(|p| p.text.chars().any(char::is_alphanumeric));
    // Parts run together as the page shows them: a line break is a space.
    let whole = || {
        let joined = parts.iter().fold(String::new(), |mut text, p| {
            text.push_str(&p.text);
            if p.set_apart {
                text.push(' ');
            }
            text
        });
        clean_inline(&joined)
    };
    match parts.as_slice() {
        // A part set apart but ending in a colon belongs to the headline
        // ("Alito and Prelogar:<br>..."); one named a kicker does not.
        [first, rest @ ..]
            if first.element
                && !rest.is_empty()
                && first.text.split_whitespace().count() <= 10
                && (first.named || first.set_apart && !first.text.trim_end().ends_with(':')) =>
        {
            clean_inline(&rest.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" "))
        }
        _ => whole(),
    }
}

/// Whether a heading is all one link to a site's home page (`/`, or a
/// scheme and host with no path), as a blog's name is.
fn links_home(heading: ElementRef<'_>) -> bool {
    let mut node = heading;
    while let Some(inner) = only_child_element(node) {
        node = inner;
        if node.value().name() == "a" {
            let Some(href) = super::attr(node.value(), "href") else { return false };
            return !href.trim().is_empty()
                && matches!(super::href_path(href).trim(), "/" | "" | "/index.html" | "/index.php");
        }
    }
    false
}

/// The element's one child, when it has no other child element nor text of its own.
fn only_child_element(element: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut visible = element.children().filter(|c| match c.value() {
        scraper::Node::Text(t) => !t.trim().is_empty(),
        scraper::Node::Element(_) => true,
        _ => false,
    });
    let only = ElementRef::wrap(visible.next()?)?;
    (visible.next().is_none() && !is_ruby(only) && only.value().name() != "br").then_some(only)
}

/// Ruby annotations (`<rt>`, `<rp>`): readings printed above Japanese text, not part of it.
fn is_ruby(element: ElementRef<'_>) -> bool {
    matches!(element.value().name(), "rt" | "rp")
}

/// The text of an element without ruby annotations.
fn visible_text(element: ElementRef<'_>) -> String {
    element
        .descendants()
        .filter_map(|n| n.value().as_text().filter(|_| !n.ancestors().filter_map(ElementRef::wrap).any(is_ruby)))
        .map(|t| &**t)
        .collect()
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
pub(super) fn unescape(text: &str) -> String {
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
pub(super) fn normalize(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Drops a ` | Site` or ` - Site` suffix (or `Site | ` prefix) from a title.
pub(super) fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let site_norm = site.map(normalize).filter(|s| !s.is_empty());
    let is_site = |part: &str| {
        let n = normalize(part);
        match &site_norm {
            Some(s) => !n.is_empty() && (n == *s || s.contains(&n) || n.contains(s.as_str())),
            None => false,
        }
    };
    // A head holding the site's name holds little else: "The Daily Online |
    // Headline", but not "Headline @ Blog name :: Host".
    let is_site_prefix = |part: &str| {
        let n = normalize(part);
        site_norm.as_ref().is_some_and(|s| {
            let (n_len, s_len) = (n.chars().count(), s.chars().count());
            !n.is_empty() && (s.contains(&n) && n_len * 2 >= s_len || n.contains(s.as_str()) && n_len <= s_len * 2)
        })
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
            && is_site_prefix(head)
        {
            return tail.trim().to_owned();
        }
    }
    title.to_owned()
}

#[cfg(test)]
mod tests {
    use super::super::meta::selector;
    use super::*;

    fn h1_text(html: &str) -> String {
        let page = Html::parse_document(html);
        heading_text(page.select(&selector("h1")).next().expect("an h1"))
    }

    #[test]
    fn a_kicker_in_the_headline_element_is_left_out() {
        assert_eq!(h1_text(r#"<h1><span class="roofline">Krise </span>Firma in Sorge</h1>"#), "Firma in Sorge");
        assert_eq!(h1_text("<h1><small>Tunesien</small><br> Große Aufgaben</h1>"), "Große Aufgaben");
        assert_eq!(
            h1_text(r#"<h1><span>Klimaschutz</span><span class="visually-hidden">: </span><span>Bohren</span></h1>"#),
            "Bohren"
        );
        assert_eq!(
            h1_text(r#"<h1><a href="/t"><span class="label">Patch Notes</span>&nbsp;Build 4</a></h1>"#),
            "Build 4"
        );
        // Inline formatting, a line break in loose text and a colon-ended line stay.
        assert_eq!(h1_text("<h1>Mayor <em>opens</em> bridge</h1>"), "Mayor opens bridge");
        assert_eq!(h1_text("<h1>First line<br>second line</h1>"), "First line second line");
        assert_eq!(
            h1_text("<h1><span>Alito and Prelogar:</span><br><span>A duel</span></h1>"),
            "Alito and Prelogar: A duel"
        );
    }

    #[test]
    fn ruby_readings_are_not_part_of_a_headline() {
        assert_eq!(
            h1_text(
                "<h1><ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rp>(</rp><rt>たいばつ</rt><rp>)</rp></ruby></h1>"
            ),
            "子どもへの体罰"
        );
    }

    #[test]
    fn a_date_in_front_of_the_headline_is_dropped() {
        let page = Html::parse_document("<title>23.01.2022 - Wierer jubelt</title>");
        let headline = headline(&page, &Meta::read(&page), &JsonLd::read(&page), None);
        assert_eq!(headline, "Wierer jubelt");
    }

    #[test]
    fn a_blogs_name_in_an_h1_linking_home_is_not_the_headline() {
        let post = |href: &str| {
            let html = format!(
                r#"<html><head><title>Silicon Notes: Open flow for programmable logic</title>
                <meta property="og:title" content="Open flow for programmable logic"></head>
                <body><header><h1 class="title"><a href="{href}">Silicon Notes</a></h1></header>
                <div class="post"><h3 class="post-title">Open flow for programmable logic</h3><p>Text.</p></div></body></html>"#
            );
            let page = Html::parse_document(&html);
            headline(&page, &Meta::read(&page), &JsonLd::read(&page), None)
        };
        for home in ["https://silicon.example.com/", "http://silicon.example.com", "/", "//silicon.example.com/"] {
            assert_eq!(post(home), "Open flow for programmable logic", "{home}");
        }
        // A headline that links to its own page does not link home.
        let linked = |href: &str| {
            let page = Html::parse_document(&format!(r#"<h1><a href="{href}">Open flow</a></h1>"#));
            links_home(page.select(&selector("h1")).next().expect("an h1"))
        };
        assert!(linked("https://silicon.example.com/"));
        assert!(!linked("https://silicon.example.com/2024/03/notes.html"));
        assert!(!linked("#top"));
    }

    #[test]
    fn a_big_type_headline_of_a_table_layout_is_the_headline() {
        let head = |html: &str| {
            let page = Html::parse_document(html);
            headline(&page, &Meta::read(&page), &JsonLd::read(&page), None)
        };
        let page = |title: &str, h1: &str, line: &str| {
            format!(
                r#"<html><head><title>{title}</title></head><body>{h1}<table><tr><td><a href="/"><b>Home</b></a></td>
                <td><b>Riverside Gazette</b><br>{line}<br><font size="2">By John Smith</font>
                <p>The council voted on Tuesday to rebuild the <b>old bridge</b> by next spring.</p></td></tr></table></body></html>"#
            )
        };
        let stated = "Riverside Gazette: Bridge to be rebuilt after council vote";
        let line = r#"<font size="+2"><b>Bridge to be rebuilt after council vote</b></font>"#;
        assert_eq!(head(&page(stated, "", line)), "Bridge to be rebuilt after council vote");
        let line = "<b><font size=4>Bridge to be rebuilt</font></b>";
        let stated = "Riverside Gazette | Local news | Bridge to be rebuilt after vote";
        assert_eq!(head(&page(stated, r#"<h1><img src="logo.gif" alt="Gazette"></h1>"#, line)), "Bridge to be rebuilt");
        // Small type, a short bold phrase or the site's name is no headline.
        let line = r#"<font size="2">Bridge to be rebuilt after council vote</font>"#;
        let stated = "Riverside Gazette Online: Bridge to be rebuilt after council vote";
        assert_eq!(head(&page(stated, "", line)), stated);
    }

    #[test]
    fn a_headline_shorter_than_the_site_name_beside_it_is_the_headline() {
        let page = Html::parse_document(
            r#"<html><head><title>Plejaden, M45 - Abenteuer Astronomie im Garten</title>
            <meta property="og:site_name" content="Abenteuer Astronomie im Garten">
            <script type="application/ld+json">{"@type":"Article","headline":"Plejaden, M45 - Abenteuer Astronomie im Garten"}</script></head>
            <body><article><h1 class="entry-title">Plejaden, M45</h1><p>Text.</p></article></body></html>"#,
        );
        let site = Some("Abenteuer Astronomie im Garten");
        assert_eq!(headline(&page, &Meta::read(&page), &JsonLd::read(&page), site), "Plejaden, M45");
    }

    #[test]
    fn the_json_ld_headline_loses_the_site_name_too() {
        let page = Html::parse_document(
            r#"<html><head><meta property="og:site_name" content="The Daily">
            <script type="application/ld+json">{"@type":"Article","headline":"Bridge opens - The Daily"}</script></head>
            <body><h1>The Daily</h1><h1>Weather</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(headline(&page, &Meta::read(&page), &JsonLd::read(&page), Some("The Daily")), "Bridge opens");
    }

    #[test]
    fn site_name_is_stripped_from_the_title() {
        assert_eq!(strip_site_name("Big news today | The Daily", Some("The Daily")), "Big news today");
        assert_eq!(strip_site_name("Big news - today", Some("The Daily")), "Big news - today");
        assert_eq!(strip_site_name("The Daily | Big news today", Some("The Daily")), "Big news today");
        assert_eq!(strip_site_name("The Daily Online | Big news today", Some("The Daily")), "Big news today");
        // A place that the site's name holds is no site name.
        assert_eq!(
            strip_site_name("New York - Subway fares rise again", Some("The New York Times")),
            "New York - Subway fares rise again"
        );
        // A head that holds the site's name after the headline is no site name.
        assert_eq!(
            strip_site_name("Autumn in the hills @ My travel notes :: BlogHost ::", Some("My travel notes")),
            "Autumn in the hills @ My travel notes :: BlogHost ::"
        );
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
}
