//! The section of the site the article is filed under: the one the page
//! states (`article:section`, JSON-LD or microdata `articleSection`), else
//! the last step of its breadcrumb trail that is no article, home or date,
//! else the section's label just above the headline.

use scraper::{ElementRef, Html};

use super::meta::{self, JsonLd, Meta};
use super::{attr, href_path, naming_tokens, tagged, tags, title};
use crate::extractor::clean_inline;

/// The article's section: stated for machines, else named by the page's
/// JSON-LD breadcrumb trail, else by its visible one, else by a label over
/// the headline.
pub(super) fn section(document: &Html, meta: &Meta, ld: &JsonLd, title: &str, url: Option<&str>) -> Option<String> {
    meta.get("article:section")
        .or_else(|| ld.section.clone())
        .or_else(|| meta.item.section.clone())
        .filter(|s| !tags::is_null_word(s))
        .or_else(|| breadcrumb_section(&ld.breadcrumb, title, url))
        .or_else(|| breadcrumb_section(&meta.breadcrumb, title, url))
        .or_else(|| label_section(document, title))
}

/// The section a label just above the headline names: a word or three in
/// an element whose class names a section, category or kicker (`<span
/// class="kicker">Politics</span>`), or in a link to the section's own path
/// (`<a href="/sport/">Sport</a>`). Only the short elements right before an
/// `<h1>` that reads as the title are read, nearest first, up to three
/// levels out; a menu or any other text there ends the search.
fn label_section(document: &Html, title: &str) -> Option<String> {
    let h1 = tagged(document, "h1").next()?;
    let (headline, title) = (title::normalize(&h1.text().collect::<String>()), title::normalize(title));
    if headline.is_empty() || !(title.contains(&headline) || headline.contains(&title)) {
        return None;
    }
    let mut at = h1;
    for _ in 0..3 {
        let before: Vec<ElementRef<'_>> = at.prev_siblings().filter_map(ElementRef::wrap).take(2).collect();
        for element in &before {
            let text = || element.text().map(str::len).sum::<usize>();
            let menu = matches!(element.value().name(), "nav" | "ul" | "ol" | "menu")
                || naming_tokens(element.value()).any(|t| t.contains("menu") || t.contains("nav"));
            // Several links are a menu or the post's list of categories, not one label.
            let links = || element.descendent_elements().filter(|el| el.value().name() == "a").nth(1).is_some();
            if menu || text() > 120 || links() {
                return None;
            }
            let label = std::iter::once(*element)
                .chain(element.descendent_elements().take(10))
                .find_map(|el| section_label(el, &title));
            if label.is_some() {
                return label;
            }
        }
        // Text before the headline that is no label: the label is not above it.
        if before.iter().any(|el| el.text().any(|t| !t.trim().is_empty())) {
            return None;
        }
        at = at.parent().and_then(ElementRef::wrap)?;
    }
    None
}

/// Steps of a path to a person's page: a label linking there is a byline.
const PEOPLE: &[&str] = &[
    "author",
    "authors",
    "autor",
    "autoren",
    "user",
    "profile",
    "people",
    "staff",
    "columnist",
    "columnists",
    "kolumnisten",
    "writers",
    "reporters",
    "contributors",
];

/// The section an element names as a label over the headline, if it is one.
fn section_label(element: ElementRef<'_>, title: &str) -> Option<String> {
    const LABEL_NAMES: &[&str] = &["kicker", "section", "category", "rubric", "ressort", "eyebrow"];
    // Kickers that say what kind of story it is, not where it is filed.
    const KINDS: &[&str] = &[
        "exclusive",
        "exklusiv",
        "exclusif",
        "exclusiva",
        "breaking",
        "breaking news",
        "eilmeldung",
        "última hora",
        "top news",
        "topnews",
        "top story",
        "must read",
        "recommended",
        "editor's pick",
        "leseempfehlung",
        "nachricht",
        "meldung",
        "live",
        "en direct",
        "developing",
        "developing story",
        "analysis",
        "explainer",
        "fact check",
        "review",
        "obituary",
        "interview",
        "feature",
        "in depth",
        "video",
        "watch",
        "listen",
        "podcast",
        "photos",
        "gallery",
        "sponsored content",
        "paid content",
        "partner content",
        "paid post",
        "update",
        "updated",
        "new",
        "sponsored",
        "advertisement",
        "anzeige",
        "premium",
        "home",
        "back",
        "menu",
    ];
    // One text: "NewsRegional" from a list of labels is none of them.
    let mut texts = element.text().filter(|t| !t.trim().is_empty());
    let (Some(text), None) = (texts.next(), texts.next()) else { return None };
    let text = clean_inline(text);
    // The author's link (`rel="author"`, `/author/jane-doe/`, a columnist's
    // page under `/section/columnists/`) is no section's.
    let e = element.value();
    let to_people = std::iter::once(element).chain(element.descendent_elements()).any(|el| {
        el.value().name() == "a"
            && attr(el.value(), "href")
                .is_some_and(|href| href_path(href).split('/').any(|step| PEOPLE.contains(&step)))
    });
    if to_people
        || attr(e, "rel").is_some_and(|r| r.contains("author"))
        || naming_tokens(e).any(|t| t.contains("author") || t.contains("byline"))
    {
        return None;
    }
    let words = text.split_whitespace().count();
    let plain = text.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '&' || c == '\'');
    if !(1..=3).contains(&words)
        || text.chars().count() > 30
        || !plain
        || KINDS.contains(&text.to_lowercase().as_str())
        || !text.starts_with(|c: char| c.is_uppercase() || !c.is_lowercase())
        || title == title::normalize(&text)
    {
        return None;
    }
    let named = naming_tokens(element.value()).any(|t| LABEL_NAMES.iter().any(|n| t.contains(n)));
    // `/sport/`, `/news/world-news/`: a path of a step or two, the last the label's words.
    let linked = element.value().name() == "a"
        && attr(element.value(), "href").is_some_and(|href| {
            let steps: Vec<&str> = href_path(href).split('/').filter(|s| !s.is_empty()).collect();
            let letters =
                |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
            (1..=2).contains(&steps.len()) && steps.last().is_some_and(|last| letters(last) == letters(&text))
        });
    (named || linked).then_some(text)
}

/// The section a breadcrumb trail names: its last step that is neither
/// the article itself (its headline, its URL) nor the home page, and reads
/// as a section's name (a few words, not a year).
fn breadcrumb_section(crumbs: &[meta::Crumb], title: &str, url: Option<&str>) -> Option<String> {
    let title = title::normalize(title);
    let page_path = url.map(|u| href_path(u).trim_end_matches('/'));
    let is_article = |crumb: &meta::Crumb| {
        let name = title::normalize(&crumb.name);
        name == title
            || (name.len() > 20 && title.starts_with(&name))
            || crumb.url.as_deref().is_some_and(|u| Some(href_path(u).trim_end_matches('/')) == page_path)
    };
    let is_home = |crumb: &meta::Crumb| {
        crumb.url.as_deref().is_some_and(|u| href_path(u).trim_matches('/').is_empty())
            || ["home", "homepage", "start", "startseite", "inicio", "accueil"]
                .contains(&crumb.name.to_lowercase().as_str())
    };
    let crumb = crumbs.iter().rev().find(|c| !c.name.is_empty() && !is_article(c))?;
    // `/ Press` is a step as some trails print it; `‹ Back` is a link to the page before.
    let name = crumb.name.trim_start_matches(['/', ' ']);
    let words = name.split_whitespace().count();
    // An archive's step by date or issue ("Dezember 2021", "January", "KW 15", "Ausgabe: 43").
    let dated = name.split_whitespace().any(|w| {
        let w = w.trim_end_matches([':', ',', '.']);
        w.bytes().all(|b| b.is_ascii_digit()) || crate::dates::month_number(w).is_some()
    });
    (!is_home(crumb)
        && !dated
        && name.starts_with(char::is_alphanumeric)
        && words <= 4
        && name.chars().count() <= 40
        && name.chars().any(char::is_alphabetic))
    .then(|| title::unescape(name))
}
