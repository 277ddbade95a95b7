//! Authors: person names out of bylines and author fields.
//!
//! A byline is a free string: "By Jane Doe and John Roe, Staff Writers",
//! "Von Jane Doe | 24.05.2024", "Jane Doe (jane@example.com)". It is split
//! into names; each loses its "By", role, e-mail address and dates, and is
//! kept only if it still looks like a name.

use scraper::{ElementRef, Html};

use super::meta::{JsonLd, Meta, selector};
use super::{in_clutter, spaced_text};
use crate::extractor::clean_inline;

/// Words that introduce a byline, lower case.
const PREFIXES: &[&str] = &[
    "erstellt von",
    "geschrieben von",
    "verfasst von",
    "ein beitrag von",
    "eingestellt von",
    "publié par",
    "écrit par",
    "escrito por",
    "scritto da",
    "auteur:",
    "auteure:",
    "interview:",
    "redaktion:",
    "written by",
    "posted by",
    "published by",
    "reported by",
    "story by",
    "text by",
    "words by",
    "by",
    "von",
    "par",
    "por",
    "di",
    "door",
    "av",
    "af",
    "przez",
    "autor:",
    "autorin:",
    "author:",
    "authors:",
    "text:",
    "texte:",
    "von:",
    "by:",
    "redakcja:",
    "autor",
    "autorin",
    "author",
    "text",
    "reporter:",
    "from",
];

/// Words that mark the rest of a byline part as a job title or place, lower case.
const ROLES: &[&str] = &[
    "chefredakteur",
    "chefredakteurin",
    "herausgeber",
    "herausgeberin",
    "volontär",
    "volontärin",
    "praktikant",
    "praktikantin",
    "mitarbeiter",
    "mitarbeiterin",
    "freier",
    "freie",
    "ressortleiter",
    "ressortleiterin",
    "updated",
    "published",
    "aktualisiert",
    "veröffentlicht",
    "am",
    "on",
    "le",
    "el",
    "il",
    "at",
    "um",
    "staff",
    "reporter",
    "correspondent",
    "editor",
    "writer",
    "columnist",
    "contributor",
    "journalist",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "senior",
    "chief",
    "bureau",
    "producer",
    "photographer",
    "political",
    "deputy",
    "managing",
    "associate",
    "special",
    "news",
    "science",
    "health",
    "technology",
    "business",
    "sports",
    "rédacteur",
    "rédactrice",
    "envoyé",
    "envoyée",
    "redaktion",
    "agency",
    "for",
];

/// Words that are never part of a person's name in a byline, lower case.
const NOT_NAMES: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "medizinstudent",
    "student",
    "studentin",
    "weitere",
    "artikel",
    "alle",
    "mehr",
    "more",
    "articles",
    "article",
    "posts",
    "post",
    "view",
    "profile",
    "follow",
    "contact",
    "about",
    "team",
    "jobs",
    "hire",
    "home",
    "news",
    "read",
    "share",
    "comments",
    "comment",
    "kommentare",
    "beiträge",
    "autoren",
    "authors",
    "author",
    "redaktion",
    "editorial",
    "newsletter",
    "login",
    "anmelden",
    "registrieren",
    "subscribe",
    "abonnieren",
    "menu",
    "menü",
    "search",
    "suche",
    "foto",
    "photo",
    "bild",
    "image",
    "video",
    "quelle",
    "source",
    "copyright",
    "impressum",
    "datenschutz",
    "privacy",
    "terms",
    "facebook",
    "twitter",
    "instagram",
    "linkedin",
    "whatsapp",
    "email",
    "e-mail",
    "mail",
    "print",
    "drucken",
    "min",
    "minutes",
    "minuten",
    "lesezeit",
    "uhr",
    "gmbh",
    "inc",
    "ltd",
    "verlag",
    "media",
    "online",
    "zeitung",
];

/// Particles that may be lower case inside a name.
const PARTICLES: &[&str] = &[
    "von", "van", "de", "der", "den", "da", "di", "du", "del", "della", "des", "le", "la", "bin", "al", "ter", "zu",
    "y", "e",
];

/// Whether a short block of text is a byline ("By Jane Doe, Staff Writer").
pub(super) fn is_byline(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.chars().count() <= 120
        && ["by ", "von ", "par ", "por ", "posted by ", "written by ", "autor: ", "author: "]
            .iter()
            .any(|p| lower.starts_with(p))
        && !names(text, None, true).is_empty()
}

/// Splits a byline into cleaned names. `site` (the site name) is never a name.
///
/// `strict` asks for names that look like a person's (capitalised words);
/// author fields stated for machines (JSON-LD, meta tags) may hold user names.
pub(super) fn names(byline: &str, site: Option<&str>, strict: bool) -> Vec<String> {
    let byline = clean_inline(byline);
    if byline.is_empty() || byline.chars().count() > 300 {
        return Vec::new();
    }
    let mut out = Vec::new();
    // After "By" or "Von", a single word is a name ("Posted by Konstantin").
    let lower = byline.to_lowercase();
    let prefixed = ["by ", "posted by ", "written by ", "autor: ", "autorin: ", "author: ", "text: ", "von: "]
        .iter()
        .any(|p| lower.starts_with(p));
    for (index, part) in split(&byline).into_iter().enumerate() {
        // "Jane Doe, Community Reporter": a later part with a job title is no name.
        if index > 0 && part.split_whitespace().any(|w| ROLES.contains(&w.to_lowercase().as_str())) {
            continue;
        }
        if let Some(name) = clean_name(&part, strict, prefixed)
            && !site.is_some_and(|s| s.eq_ignore_ascii_case(&name))
            && !out.contains(&name)
        {
            out.push(name);
        }
    }
    out
}

/// Splits a byline at `and`, `&`, commas, semicolons and the like.
fn split(byline: &str) -> Vec<String> {
    let mut text = format!(" {byline} ");
    for joiner in [
        " and ", " And ", " AND ", " und ", " et ", " y ", " e ", " i ", " en ", " og ", " och ", " & ", " with ",
        " mit ",
    ] {
        text = text.replace(joiner, " ; ");
    }
    text.split([';', ',', '|', '/', '·', '•', '\n', '–', '—'])
        .map(|p| p.split(" - ").next().unwrap_or_default().to_owned())
        .map(|p| clean_inline(&p))
        .filter(|p| !p.is_empty())
        .collect()
}

/// One name out of a byline part, or `None`.
fn clean_name(part: &str, strict: bool, prefixed: bool) -> Option<String> {
    let mut text = part.trim().to_owned();
    // "Jane Doe (jane@example.com)", "Jane Doe (text)".
    if let Some(open) = text.find(['(', '[']) {
        text.truncate(open);
    }
    loop {
        let lower = text.to_lowercase();
        let Some(prefix) = PREFIXES.iter().find(|p| {
            // "di", "av", "af" only in lower case: "Di Maria" is a name.
            let head = if p.len() == 2 && !p.starts_with('b') { text.as_str() } else { lower.as_str() };
            head.starts_with(*p)
                && head[p.len()..].starts_with(|c: char| c.is_whitespace() || c == ':' || p.ends_with(':'))
        }) else {
            break;
        };
        // `get`: a character whose lower case is shorter (the Kelvin sign) may
        // make the prefix end inside a character of the original.
        let Some(rest) = text.get(prefix.len()..) else { break };
        text = rest.trim_start_matches([':', ' ']).to_owned();
    }
    let mut words: Vec<&str> = Vec::new();
    for word in text.split_whitespace() {
        let lower = word.to_lowercase();
        if word.contains('@') || word.starts_with("http") || word.contains("www.") {
            if words.is_empty() && !strict && word.starts_with('@') && word.len() > 1 {
                // A handle is all there is.
                return None;
            }
            break;
        }
        if ROLES.contains(&lower.trim_end_matches([',', '.', ':'])) || word.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        words.push(word);
    }
    let name = clean_inline(&words.join(" "));
    let name = name.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'').to_owned();
    let count = name.split_whitespace().count();
    if name.is_empty() || name.chars().count() > 60 || count > 5 {
        return None;
    }
    // A domain name ("example.de") is a site, not a person.
    if !name.contains(' ')
        && name.contains('.')
        && name.rsplit('.').next().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase()))
    {
        return None;
    }
    if strict {
        let single =
            count == 1 && prefixed && name.chars().next().is_some_and(char::is_uppercase) && name.chars().count() >= 2;
        if !single && !looks_like_a_person(&name) {
            return None;
        }
        if name
            .split_whitespace()
            .any(|w| NOT_NAMES.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric())))
        {
            return None;
        }
    }
    Some(name)
}

/// Whether `name` reads as a person's name: one to five words, capitalised
/// apart from particles (scripts without case pass).
fn looks_like_a_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let cased = name.chars().any(|c| c.is_lowercase() || c.is_uppercase());
    if !cased {
        return name.chars().count() <= 20;
    }
    if words.len() == 1 {
        return false;
    }
    words.iter().all(|w| {
        PARTICLES.contains(&w.to_lowercase().as_str())
            || w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
    }) && words.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

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

/// The authors: JSON-LD, then meta tags, then microdata and visible bylines.
pub(super) fn authors(document: &Html, meta: &Meta, ld: &JsonLd, site: Option<&str>) -> Vec<String> {
    let from_ld: Vec<String> = ld.authors.iter().flat_map(|a| names(a, site, false)).collect();
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
            let found = names(&value, site, false);
            if !found.is_empty() {
                return found;
            }
        }
    }
    for name in AUTHOR_META {
        let stated: Vec<String> = meta
            .all(name)
            .iter()
            .filter(|a| !a.starts_with("http") && !a.contains(".com") && !a.contains("www."))
            .flat_map(|a| names(a, site, false))
            .collect();
        if !stated.is_empty() {
            return stated;
        }
    }
    // Microdata: the author's name property, or the author element's text.
    let mut found_names = Vec::new();
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
        for name in names(&text, site, true) {
            if !found_names.contains(&name) && name.chars().count() <= 40 && name.split_whitespace().count() <= 4 {
                found_names.push(name);
            }
        }
    }
    if !found_names.is_empty() {
        return found_names;
    }
    // hCard bylines: `<span class="author vcard"><a class="fn">karstenruppert</a>`.
    for el in document.select(&selector(".vcard .fn, .author .fn, .byline .fn, .vcard.author")) {
        if in_clutter(el) {
            continue;
        }
        for name in names(&spaced_text(el, 10), site, false) {
            if !found_names.contains(&name) && name.chars().count() <= 40 && name.split_whitespace().count() <= 4 {
                found_names.push(name);
            }
        }
        if !found_names.is_empty() {
            return found_names;
        }
    }
    // Visible bylines.
    for el in document.select(&selector("address")) {
        if in_clutter(el) {
            continue;
        }
        let text = spaced_text(el, 30);
        let found = names(&text, site, true);
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
        let found = names(&text, site, true);
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
        let found = names(&byline, site, true);
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_become_names() {
        assert_eq!(names("By Jane Doe and John Roe, Staff Writers", None, true), ["Jane Doe", "John Roe"]);
        assert_eq!(names("Von Anna Müller | 24.05.2024", None, true), ["Anna Müller"]);
        assert_eq!(names("Jane Doe (jane@example.com)", None, true), ["Jane Doe"]);
        assert_eq!(names("Jane Doe, Political Correspondent", None, true), ["Jane Doe"]);
        assert_eq!(names("Ludwig van Beethoven", None, true), ["Ludwig van Beethoven"]);
        assert_eq!(names("Example Daily", Some("example daily"), false), Vec::<String>::new());
        assert_eq!(names("surfguard", None, false), ["surfguard"]);
        assert_eq!(names("surfguard", None, true), Vec::<String>::new());
        assert_eq!(names("Share this article on Facebook", None, true), Vec::<String>::new());
        assert_eq!(names("Posted by Konstantin", None, true), ["Konstantin"]);
        assert_eq!(names("By Gwen Hughes, Community Reporter", None, true), ["Gwen Hughes"]);
        assert_eq!(names("Weitere Artikel", None, true), Vec::<String>::new());
        assert_eq!(names("finanztreff.de", None, false), Vec::<String>::new());
    }
}
