//! Authors: person names out of bylines and author fields.
//!
//! A byline is a free string: "By Jane Doe and John Roe, Staff Writers",
//! "Von Jane Doe | 24.05.2024", "Jane Doe (jane@example.com)". It is split
//! into names; each loses its "By", role, e-mail address and dates, and is
//! kept only if it still looks like a name.
//!
//! This module weighs what the page states for machines (JSON-LD, meta tags)
//! against what it shows; `names` turns a byline string into names, `markup`
//! reads author markup and author boxes, `lines` finds bylines and sign-offs
//! in the page's text.

use std::sync::LazyLock;

use scraper::Html;

use super::meta::{JsonLd, Meta, selector};
use super::{attr, class_and_id, class_and_id_lowercase, elements, in_clutter, name_automaton, spaced_text, tagged};
use lines::{agency_under_headline, byline_in_text, gallery_photographer, newsroom_byline};
pub(super) use markup::marks_an_author;
use markup::{
    author_box, holds_tags, in_author_clutter, is_a_contact, is_author_page, marked_up, post_author_in_comments,
};
use names::{
    agency_in, agency_in_dateline, is_marked_up_name, looks_like_a_person, looks_like_an_organization, names,
    reporter_in_dateline, squeezed,
};
pub(super) use names::{is_byline, is_byline_label};
use words::AUTHOR_META;

mod lines;
mod markup;
mod names;
mod words;

/// Who a page credits for its story: its authors, and the news agency it
/// names beside or instead of them ("By Jane Doe, Reuters").
pub(super) struct Credits {
    pub(super) authors: Vec<String>,
    pub(super) agency: Option<String>,
}

/// The authors, and apart from them the news agency the byline, the author
/// fields or the dateline opening the text name ("By Jane Doe, Reuters"; a
/// meta `author` "Associated Press"; "WASHINGTON (AP) —"): an agency is the
/// story's source, never its author. `lead`: the text's first paragraphs
/// (a standfirst may come before the dateline).
pub(super) fn credits(document: &Html, meta: &Meta, ld: &JsonLd, site: Option<&str>, lead: &[String]) -> Credits {
    let stated_agency = || {
        let meta_authors = AUTHOR_META.iter().flat_map(|name| meta.all(name));
        ld.authors.iter().cloned().chain(meta_authors).find_map(|a| agency_in(&a))
    };
    let mut authors = authors(document, meta, ld, site);
    // "(서울=연합뉴스) 김민수 기자 = …": the reporter the dateline names.
    if authors.is_empty() {
        authors.extend(lead.first().and_then(|p| reporter_in_dateline(p)));
    }
    Credits {
        authors,
        // Not the site's own newsroom ("By Jane Doe, CNN" on cnn.com).
        agency: stated_agency()
            .or_else(|| agency_under_headline(document))
            .or_else(|| lead.iter().find_map(|p| agency_in_dateline(p)))
            .filter(|a| site.is_none_or(|s| squeezed(s) != squeezed(a))),
    }
}

/// The authors: what the page states for machines (JSON-LD, then meta tags),
/// unless that is only a first name, a user name or an organisation and the
/// page shows a person's name in its byline (microdata, hCard, byline
/// classes, "By"/"Von" lines).
fn authors(document: &Html, meta: &Meta, ld: &JsonLd, site: Option<&str>) -> Vec<String> {
    // A meta `author` naming several people with dashes ("Jane Doe - John Roe")
    // is the site's owners on every page: the post's own author, linked or
    // marked up where the page shows it and not among them, is the author.
    if let Some(owners) = meta.get("author").and_then(|value| site_owners(&value, site)) {
        let visible = marked_up(document, site, true);
        if !visible.is_empty() && visible.iter().all(|n| !owners.contains(n)) {
            return visible;
        }
    }
    let mut fallback = Vec::new();
    for found in stated(meta, ld, site) {
        if !is_weak(&found, site) {
            return found;
        }
        if fallback.is_empty() {
            fallback = found;
        }
    }
    let shown = shown(document, site);
    let better = |shown: &[String]| shown.iter().any(|n| looks_like_a_person(n) && !looks_like_an_organization(n));
    let mut found = if fallback.is_empty() || better(&shown) { shown } else { fallback };
    // A first name alone ("Jane") on a personal site named after its owner
    // ("Jane Doe"): the owner's full name.
    if let ([first], Some(site)) = (found.as_slice(), site)
        && !first.contains(' ')
        && site.strip_prefix(first.as_str()).is_some_and(|rest| rest.starts_with(' '))
        && site.split_whitespace().count() <= 3
        && looks_like_a_person(site)
        && !looks_like_an_organization(site)
    {
        found = vec![site.to_owned()];
    }
    if found.is_empty()
        && let Some(site) = site
    {
        found = site_as_byline(document, site);
    }
    if found.is_empty() {
        found = post_author_in_comments(document, site);
    }
    if found.is_empty() {
        found = author_box(document, site);
    }
    if found.is_empty() {
        found = gallery_photographer(document, site);
    }
    found
}

/// The site's own name where the page shows it marked up as the author or
/// in its "By"/"Von" line and names no one else ("By <a rel="author"
/// href="/author/example-news/">Example News</a>", "Von Example News"):
/// the newsroom is the byline.
fn site_as_byline(document: &Html, site: &str) -> Vec<String> {
    let mut found = marked_up(document, None, true);
    if found.is_empty() {
        found = byline_in_text(document, None);
    }
    match found.as_slice() {
        [name] if squeezed(name) == squeezed(site) => found,
        _ => Vec::new(),
    }
}

/// The people a meta `author` value lists with dashes between them ("Jane
/// Doe - John Roe"), where there are several and each is a person's name.
fn site_owners(value: &str, site: Option<&str>) -> Option<Vec<String>> {
    let mut owners = Vec::new();
    for part in value.split(" - ") {
        match names(part, site, true).as_slice() {
            [name] if looks_like_a_person(name) && !looks_like_an_organization(name) => owners.push(name.clone()),
            _ => return None,
        }
    }
    (owners.len() >= 2).then_some(owners)
}

/// The author lists a page states for machines, in order of trust: JSON-LD,
/// Yoast's "Written by" label, author meta tags.
fn stated(meta: &Meta, ld: &JsonLd, site: Option<&str>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    out.push(ld.authors.iter().flat_map(|a| names(a, site, false)).collect());
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
            out.push(names(&value, site, false));
        }
    }
    for name in AUTHOR_META {
        out.push(
            meta.all(name)
                .iter()
                .filter(|a| !a.starts_with("http") && !a.contains(".com") && !a.contains("www."))
                .flat_map(|a| names(a, site, false))
                .collect(),
        );
    }
    out.retain(|names| !names.is_empty());
    out
}

/// Whether stated authors are worth checking against the visible byline:
/// only first names or user names ("Nils", "admin"), or organisations
/// (the site under another name, "Muster GmbH", "Die Zeitung").
fn is_weak(names: &[String], site: Option<&str>) -> bool {
    names.iter().all(|n| {
        let cased = n.chars().any(|c| c.is_lowercase() || c.is_uppercase());
        cased && n.split_whitespace().count() == 1
            || !looks_like_a_person(n)
            || looks_like_an_organization(n)
            || site.map(squeezed).is_some_and(|s| s.len() > 2 && (s.contains(&squeezed(n)) || squeezed(n).contains(&s)))
    })
}

/// The authors the page shows: marked up as such, in an `<address>`, in an
/// element whose class names a byline or author, or in a "By"/"Von" line.
fn shown(document: &Html, site: Option<&str>) -> Vec<String> {
    let marked = marked_up(document, site, false);
    // A first name marked up ("Nils") and the full name in a "Von" line
    // ("Eine Kolumne von Nils Pickert"): the full name.
    if !marked.is_empty() && marked.iter().all(|n| !n.contains(' ')) {
        let full = byline_in_text(document, site);
        let extends = |short: &String| full.iter().any(|f| f.split_whitespace().next() == Some(short.as_str()));
        if full.len() == marked.len() && marked.iter().all(extends) {
            return full;
        }
    }
    if !marked.is_empty() {
        return marked;
    }
    // Visible bylines.
    for el in tagged(document, "address") {
        if in_clutter(el) || is_a_contact(el) {
            continue;
        }
        let text = spaced_text(el, 30);
        let found = names(&text, site, true);
        if !found.is_empty() {
            return found;
        }
    }
    for el in elements(document) {
        let e = el.value();
        // Read for every element of the page: the names are joined and
        // lower-cased only for the few that name a byline.
        if !class_and_id(e).any(|v| BYLINE_NAMES.is_match(v)) {
            continue;
        }
        let names_attr = class_and_id_lowercase(e);
        if names_attr.contains("comment") {
            continue;
        }
        if names_attr.contains("bio") || names_attr.contains("avatar") || names_attr.contains("image") {
            continue;
        }
        if in_author_clutter(el) || holds_tags(el) {
            continue;
        }
        // An author box with a biography: only its link to the author's page.
        let mut text = spaced_text(el, 30);
        if text.chars().count() > 200 {
            text = el
                .select(&selector("a[href]"))
                .filter(|a| attr(a.value(), "href").is_some_and(is_author_page))
                .map(|a| spaced_text(a, 5))
                .collect::<Vec<_>>()
                .join(" ; ");
        }
        let mut found = names(&text, site, true);
        // The whole text of a byline element: one word is a name ("Lars").
        // A label ("Datum:", "Autor:") is no name.
        if found.is_empty() && text.trim().chars().count() <= 30 && !text.trim().ends_with(':') {
            found = names(&text, site, false).into_iter().filter(|n| is_marked_up_name(n)).collect();
        }
        // "von Redaktion,": the newsroom as the byline shows it.
        if found.is_empty()
            && let Some(newsroom) = newsroom_byline(&text)
        {
            found = vec![newsroom];
        }
        if !found.is_empty() {
            return found;
        }
    }
    byline_in_text(document, site)
}

/// The words of class and id names that mark a byline's element.
static BYLINE_NAMES: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| name_automaton(&["byline", "author", "autor", "auteur", "verfasser"]));

#[cfg(test)]
mod tests;
