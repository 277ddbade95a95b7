//! Clutter by name: what an element's tag, visibility, role and `class`/`id`
//! names say of it (navigation, teasers, share bars, author boxes), where a
//! clutter name names content after all, and the prior weight of a container.

use std::cell::OnceCell;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use scraper::ElementRef;

use super::words::{
    ARTICLE_SUBSTRINGS, AUTHOR_BOX_WORDS, CLUTTER_ROLES, CLUTTER_SUBSTRINGS, CLUTTER_WORDS, METADATA_CLASS_PREFIXES,
    PARAGRAPH_CLUTTER, SKIPPED, STRONG_CLUTTER,
};
use super::{attr, is_heading};

/// What an element's tag, visibility, role and names say about it.
pub(super) enum Clutter {
    Yes,
    No,
    /// Its `class` or `id` names clutter.
    ByName,
    /// An `<aside>`: a sidebar on the first walk; read on the second, made
    /// when the first finds next to no text (a template that sets a
    /// slideshow's text in an aside).
    Aside,
}

/// Whether the element and its subtree are clutter, by tag, visibility, role or names.
pub(super) fn is_clutter(element: ElementRef<'_>) -> Clutter {
    let e = element.value();
    let name = e.name();
    let prose = Prose::new(element);
    let wraps_article = match name {
        "form" => holds_page(element),
        // Some templates misuse `<aside>` for the column that holds the article,
        // and `<figcaption>` for the headline and standfirst over a picture.
        "aside" | "figcaption" => {
            element.descendent_elements().any(|d| matches!(d.value().name(), "h1" | "article" | "main"))
        }
        // An article's own footer may fold away part of its text (a video's
        // transcript); a footer of notes or links holds no run of paragraphs.
        "footer" => {
            prose.holds(3) && crate::html::ancestors(element).any(|a| matches!(a.value().name(), "article" | "main"))
        }
        // A table set in a figure (WordPress's table block) is text, not a
        // picture; a figure holding the headline is the article's header
        // set over its picture.
        "figure" => element.descendent_elements().any(|d| match d.value().name() {
            "table" => d.parent().is_some_and(|p| p.id() == element.id()),
            name => name == "h1",
        }),
        _ => false,
    };
    if name == "aside" && !wraps_article {
        return Clutter::Aside;
    }
    // A caption is clutter wherever it sits, as the figure it belongs to is.
    if (SKIPPED.contains(&name) || name == "figcaption") && !wraps_article {
        return Clutter::Yes;
    }
    // A page header is clutter; an article's header (with the headline) is not.
    if name == "header" && !is_article_header(element) && !holds_page(element) {
        return Clutter::Yes;
    }
    if attr(e, "hidden").is_some() || attr(e, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return Clutter::Yes;
    }
    if let Some(style) = attr(e, "style") {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return Clutter::Yes;
        }
    }
    if let Some(role) = attr(e, "role")
        && CLUTTER_ROLES.contains(&role.to_ascii_lowercase().as_str())
        && !holds_page(element)
    {
        return Clutter::Yes;
    }
    if name == "a" && is_back_link(element) {
        return Clutter::Yes;
    }
    // A paragraph is text whatever its names say, unless they name it a
    // caption, a byline, a line of metadata or a sign-up box.
    if name == "p" {
        let names = names_of(element);
        return if PARAGRAPH_CLUTTER.iter().any(|s| names.contains(s)) { Clutter::ByName } else { Clutter::No };
    }
    if matches!(name, "body" | "html" | "article" | "main" | "a" | "td" | "tr" | "tbody" | "table") {
        return Clutter::No;
    }
    let mut names = names_of(element);
    // An id made from a heading's text ("evolve-shared-mutable-history" on the
    // section headed "Evolve: Shared Mutable History") is words of the text,
    // not a name for the box; "shared" or "history" in it says nothing.
    if let Some(id) = e.id()
        && is_heading_slug(element, id)
    {
        names = names.split_whitespace().filter(|t| !t.eq_ignore_ascii_case(id)).collect::<Vec<_>>().join(" ");
    }
    if names.is_empty() {
        return Clutter::No;
    }
    // Cookie banners and comment sections name themselves "content" too; but
    // a paywall's container that holds the article's paragraphs is the article.
    if STRONG_CLUTTER.iter().any(|s| names.contains(s) && !(*s == "paywall" && prose.holds(3))) {
        return Clutter::ByName;
    }
    if is_article_name(&names) {
        return Clutter::No;
    }
    // Name by name: "contentwithsidebar" holds the content beside a sidebar,
    // while "related-articles" is a teaser list whatever else it says.
    let named = names.split_whitespace().any(|token| {
        let parts: Vec<&str> =
            CLUTTER_PARTS.find_overlapping_iter(token).map(|m| CLUTTER_SUBSTRINGS[m.pattern().as_usize()]).collect();
        if !parts.iter().any(|s| !names_content(s, token, &names, &prose)) {
            return false;
        }
        // Only a token that names a layout part, and nothing else clutter, is
        // excused by a positive word; "related-articles" names no layout part.
        let layout = ["sidebar", "footer", "menu", "navigation", "navbar", "widget", "banner", "toolbar"];
        let layout_only = layout.iter().any(|l| token.contains(l))
            && layout.iter().all(|l| !token.contains(l) || parts.iter().all(|s| l.contains(s)));
        let positive = ["content", "main", "article", "body", "column", "story", "entry", "text"]
            .iter()
            .any(|p| token.contains(p));
        !(positive && layout_only)
    }) || names.split(|c: char| c == '-' || c == '_' || c.is_whitespace()).any(|w| {
        CLUTTER_WORDS.contains(&w)
                && !(w == "header" && is_article_header(element))
                // An author box is a byline or a bio; not paragraphs of the article.
                && !(AUTHOR_BOX_WORDS.contains(&w) && prose.holds(2))
    });
    if named { Clutter::ByName } else { Clutter::No }
}

/// Whether a link is a note's way back to its marker in the text: an arrow
/// to a place on the page ("Ibid. <a href="#ref3">↩</a>"), no word of the note.
pub(super) fn is_back_link(link: ElementRef<'_>) -> bool {
    attr(link.value(), "href").is_some_and(|href| href.starts_with('#'))
        && matches!(link.text().collect::<String>().trim().trim_end_matches('\u{fe0e}'), "↩" | "↑" | "⤴" | "⮌")
}

/// Whether a clutter name part `part` of `token` names content after all:
/// Elementor (a WordPress page builder) calls every block of a page a widget,
/// and Blogger its column of posts (`widget Blog`), and a quote widget is a
/// quote set out in the story (`widget quote`); a "read more" box that
/// holds paragraphs is the rest of the article, folded away, and a paywall
/// container that holds them is the article behind the paywall.
fn names_content(part: &str, token: &str, names: &str, prose: &Prose<'_>) -> bool {
    match part {
        "widget" => token.starts_with("elementor-") || names.split_whitespace().any(|t| t == "blog" || t == "quote"),
        "read-more" | "readmore" | "read_more" => prose.holds(2),
        "paywall" => prose.holds(3),
        // A section named as the target of a jump link ("jumplage") holds
        // text, and a heading so named ("jumptargets") heads it; a jump menu
        // is neither.
        "jump" => prose.holds(1) || is_heading(prose.element.value().name()),
        // An accreditation (byline and standfirst under a headline) is no photo credit.
        "credit" => token.contains("accredit"),
        // Drupal marks a node promoted to the front page (`node-promoted`,
        // `node--promoted`): a flag of the post, not a promotion box.
        "promo" => token.starts_with("node-") && token.ends_with("promoted"),
        // A section on a flaw's disclosure or a film's disclaimer holds text; the box does not.
        "disclosure" | "disclaimer" => prose.holds(2),
        _ => false,
    }
}

/// Whether `id` on a heading, or on a section that opens with one, is the slug of the heading's text
/// (as documentation generators and heading-anchor plugins make them).
pub(super) fn is_heading_slug(element: ElementRef<'_>, id: &str) -> bool {
    let heading = match element.value().name() {
        name if is_heading(name) => element,
        // docutils and Sphinx wrap each section in `<div class="section">`.
        "section" | "div" => match element.children().filter_map(ElementRef::wrap).next() {
            Some(heading) if is_heading(heading.value().name()) => heading,
            _ => return false,
        },
        _ => return false,
    };
    let text: String = heading.text().collect();
    let mut words = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    // Every part of the id is the next word of the text (an id may drop a
    // tail); three words at least, as "related-stories" over "Related
    // stories" is a teaser box's own name.
    let mut matched = 0;
    for part in id.split(['-', '_']) {
        match words.next() {
            Some(word) if slug_of(word).eq(slug_of(part)) => matched += 1,
            _ => return false,
        }
    }
    matched >= 3
}

/// A word as slugs spell it: lower case, the accents of Latin letters
/// dropped ("Frühjahr" -> "fruhjahr").
pub(super) fn slug_of(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().flat_map(char::to_lowercase).map(|c| match c {
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ñ' => 'n',
        'ò'..='ö' | 'ø' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        c => c,
    })
}

/// Whether an element with "header" in its names is the article's header
/// (headline, standfirst, byline) rather than the site's: it holds an `<h1>`
/// or lies in an `<article>` or `<main>`.
pub(super) fn is_article_header(element: ElementRef<'_>) -> bool {
    element.descendent_elements().any(|d| d.value().name() == "h1")
        || crate::html::ancestors(element).any(|a| matches!(a.value().name(), "article" | "main"))
}

/// The paragraphs of prose an element holds, counted once on the first
/// question: one element's names may ask several times (a footer, a
/// paywall, a "read more" or author box).
struct Prose<'a> {
    element: ElementRef<'a>,
    /// How many `<p>` of 150 bytes of text or more it holds, up to [`Self::MOST`].
    paragraphs: OnceCell<usize>,
}

impl<'a> Prose<'a> {
    /// The most paragraphs any question asks for: counting stops there.
    const MOST: usize = 3;

    fn new(element: ElementRef<'a>) -> Self {
        Self { element, paragraphs: OnceCell::new() }
    }

    /// Whether the element holds at least `count` (at most [`Self::MOST`]) paragraphs of prose.
    fn holds(&self, count: usize) -> bool {
        debug_assert!(count <= Self::MOST);
        let paragraphs = self.paragraphs.get_or_init(|| {
            self.element
                .descendent_elements()
                .filter(|d| d.value().name() == "p" && d.text().map(|t| t.trim().len()).sum::<usize>() >= 150)
                .take(Self::MOST)
                .count()
        });
        count <= *paragraphs
    }
}

/// The lower-cased `class` and `id` values of an element, without layout
/// modifiers (`has-sidebar`, `o-section--has-ads`, `no-sub-nav` say what is
/// around the element) and CMS metadata classes that are not the article's.
pub(super) fn names_of(element: ElementRef<'_>) -> String {
    let names = crate::html::naming_tokens(element.value()).filter(|token| {
        !METADATA_CLASS_PREFIXES.iter().any(|p| token.starts_with(p)) || is_article_name(token) || is_author_box(token)
    });
    names.collect::<Vec<_>>().join(" ")
}

/// Whether a token names an author's box ("author-bio", "author-box") rather
/// than being WordPress's `author-{name}` post class, which the metadata
/// prefixes drop.
pub(super) fn is_author_box(token: &str) -> bool {
    const BOX: &[&str] = &["bio", "box", "info", "card", "profile", "about"];
    ["author-", "autor-"]
        .iter()
        .filter_map(|p| token.strip_prefix(p))
        .any(|rest| BOX.iter().any(|b| rest.starts_with(b)))
}

pub(super) fn is_article_name(names: &str) -> bool {
    ARTICLE_PARTS.is_match(names)
}

/// Whether a class or id token of an element, as it is (those [`names_of`]
/// leaves out name no article), names the article. Read for every element
/// of the page: the whole values are scanned first, as most name no part.
pub(super) fn names_article_part(element: &scraper::node::Element) -> bool {
    crate::html::class_and_id(element).any(is_article_name)
        && crate::html::naming_tokens(element).any(|token| is_article_name(&token))
}

/// [`ARTICLE_SUBSTRINGS`] and [`CLUTTER_SUBSTRINGS`] as automata: a page has
/// thousands of class and id tokens, and testing each against every listed
/// part in turn took a tenth of the extraction time.
pub(super) static ARTICLE_PARTS: LazyLock<AhoCorasick> =
    LazyLock::new(|| crate::html::name_automaton(ARTICLE_SUBSTRINGS));
pub(super) static CLUTTER_PARTS: LazyLock<AhoCorasick> =
    LazyLock::new(|| crate::html::name_automaton(CLUTTER_SUBSTRINGS));

/// The prior score of a container by tag, names and microdata.
pub(super) fn weight(element: ElementRef<'_>) -> f32 {
    let e = element.value();
    let mut weight = match e.name() {
        "article" => 10.0,
        "main" => 5.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "address" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    if attr(e, "itemprop").is_some_and(|p| p.contains("articleBody") || p.contains("text")) {
        weight += 40.0;
    }
    let names = names_of(element);
    if is_article_name(&names) {
        weight += 30.0;
    } else if ["article", "content", "entry", "story", "post", "text", "body", "main"].iter().any(|w| names.contains(w))
    {
        weight += 10.0;
    }
    weight
}

/// Whether a `<form>` or `<header>` wraps the page's text rather than being a
/// search box, a sign-up form or a masthead: ASP.NET WebForms put the whole
/// page in one form, and a header left unclosed holds the rest of the page.
fn holds_page(form: ElementRef<'_>) -> bool {
    let mut paragraphs = 0;
    for d in form.descendent_elements() {
        match d.value().name() {
            "article" | "main" | "h1" => return true,
            "p" if d.text().map(|t| t.trim().len()).sum::<usize>() >= 100 => paragraphs += 1,
            _ => {}
        }
        if paragraphs >= 3 {
            return true;
        }
    }
    false
}
