//! The section of the site the article is filed under: the one the page
//! states (`article:section`, JSON-LD or microdata `articleSection`), else
//! the last step of its breadcrumb trail that is no article, home or date.

use super::meta::{self, JsonLd, Meta};
use super::{href_path, tags, title};

/// The article's section: stated for machines, else named by the page's
/// JSON-LD breadcrumb trail, else by its visible one.
pub(super) fn section(meta: &Meta, ld: &JsonLd, title: &str, url: Option<&str>) -> Option<String> {
    meta.get("article:section")
        .or_else(|| ld.section.clone())
        .or_else(|| meta.item.section.clone())
        .filter(|s| !tags::is_null_word(s))
        .or_else(|| breadcrumb_section(&ld.breadcrumb, title, url))
        .or_else(|| breadcrumb_section(&meta.breadcrumb, title, url))
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
