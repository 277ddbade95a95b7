//! Authors: person names out of bylines and author fields.
//!
//! A byline is a free string: "By Jane Doe and John Roe, Staff Writers",
//! "Von Jane Doe | 24.05.2024", "Jane Doe (jane@example.com)". It is split
//! into names; each loses its "By", role, e-mail address and dates, and is
//! kept only if it still looks like a name.

use scraper::{CaseSensitivity, ElementRef, Html};

use super::meta::{JsonLd, Meta, selector};
use super::{attr, in_clutter, names_comments_or_teasers, naming_tokens, self_and_ancestors, spaced_text};
use crate::extractor::clean_inline;
use words::{
    ACCOUNTS, AUTHOR_META, COLLECTIVE, CONNECTORS, COUNTRIES, EXPLICIT_LABELS, LEGAL_FORMS, MONTHS, NOT_NAMES,
    ORGANIZATION_WORDS, PARTICLES, PREFIXES, ROLES, TITLES,
};

mod words;

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
    let mut byline = clean_inline(byline);
    if byline.is_empty() || byline.chars().count() > 300 {
        return Vec::new();
    }
    // "Posted on September 21, 2020 by Jane Doe": the byline follows the date.
    if let Some(by) = POSTED_ON.captures(&byline).and_then(|c| c.get(1)) {
        byline = by.as_str().to_owned();
    }
    // "Jane Doe | Palma de Mallorca | 08/01/2014": bars separate the fields
    // of a byline (name, place, date), not authors; the first with names counts.
    let fields: Vec<&str> = byline.split('|').map(str::trim).filter(|f| !f.is_empty()).collect();
    if let Some(found) = fields.iter().map(|f| names_in_field(f, site, strict)).find(|f| !f.is_empty()) {
        return found;
    }
    // A label alone in the first field ("Von | Jane Doe") belongs to the second.
    match fields.as_slice() {
        [label, name, ..] => names_in_field(&format!("{label} {name}"), site, strict),
        _ => Vec::new(),
    }
}

/// Names out of one field of a byline.
fn names_in_field(byline: &str, site: Option<&str>, strict: bool) -> Vec<String> {
    let mut out = Vec::new();
    // A newsroom stated as the author ("Redaktion", "Redaktion Polizeiticker",
    // "Staff Writer") is the byline as the publisher gives it.
    let lower = byline.to_lowercase();
    if !strict
        && byline.split_whitespace().count() <= 4
        && !has_a_legal_form(byline)
        && COLLECTIVE.iter().any(|c| lower.starts_with(c) && lower[c.len()..].starts_with([' ', '-']) || lower == *c)
    {
        out.push(byline.to_owned());
        return out;
    }
    let parts = split(byline);
    // "Muster Verlag, Nürnberg, Germany": an address, not a byline.
    if parts.len() > 1 && parts.iter().any(|p| COUNTRIES.contains(&p.to_lowercase().as_str())) {
        return out;
    }
    // After "By" or "Von", a single word is a name ("Posted by Konstantin").
    let lower = byline.to_lowercase();
    let prefixed = ["by ", "posted by ", "written by ", "autor: ", "autorin: ", "author: ", "text: ", "von: "]
        .iter()
        .any(|p| lower.starts_with(p));
    let mut after_role = false;
    for (index, part) in parts.into_iter().enumerate() {
        // "Jane Doe, Community Reporter": a later part with a job title is no name,
        // and the parts after it name its employer ("Senior Technologist, ACLU
        // Speech, Privacy, and Technology Project").
        // A name before the title stays ("Brendan Carlin For The Mail On Sunday").
        let words: Vec<&str> = part.split_whitespace().collect();
        let role_at = words.iter().position(|w| ROLES.contains(&w.to_lowercase().as_str()));
        // Punctuation ends a sentence or a label ("… Nueva York. Fotos: EL HERALDO"), not a
        // name; an initial ("J.") keeps its full stop.
        let name_word = |w: &&str| !w.contains(':') && (!w.ends_with('.') || w.chars().count() <= 2);
        let named_first = role_at.is_some_and(|at| {
            at >= 2 && words[..at].iter().all(name_word) && looks_like_a_person(&words[..at].join(" "))
        });
        if index > 0 && role_at.is_some() && !named_first {
            after_role = true;
            continue;
        }
        if after_role {
            continue;
        }
        if let Some(name) = clean_name(&part, strict, prefixed)
            && !has_a_legal_form(&name)
            && !is_an_account(&name)
            && !site.is_some_and(|s| s.eq_ignore_ascii_case(&name))
            && !out.contains(&name)
        {
            out.push(name);
        }
    }
    out
}

/// Whether a name is a site's account rather than a person's: "admin",
/// "publisher", "Anonymous", "No Author".
fn is_an_account(name: &str) -> bool {
    let lower = name.to_lowercase();
    ACCOUNTS.contains(&lower.as_str())
}

/// Splits a byline at `and`, `&`, commas, semicolons and the like.
fn split(byline: &str) -> Vec<String> {
    let mut text = format!(" {byline} ");
    // An interview's credit names both sides ("Jane Doe im Gespräch mit John Roe").
    for joiner in [
        " im Gespräch mit ",
        " im Interview mit ",
        " in conversation with ",
        " en conversation avec ",
        " and ",
        " And ",
        " AND ",
        " und ",
        " et ",
        " y ",
        " e ",
        " i ",
        " en ",
        " og ",
        " och ",
        " & ",
        " with ",
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
    // "Auteur : Jane Doe", "责任编辑：孔德明": a label before a colon goes.
    let mut text = part.trim().replace(" :", ":");
    if let Some((label, name)) = text.split_once('：')
        && label.chars().count() <= 8
    {
        text = name.trim().to_owned();
    }
    // "jane[at]example.com": an address written against spam is an address.
    for at in ["[at]", "(at)", "{at}", "[@]", "(@)"] {
        text = text.replace(at, "@");
    }
    // "Jane Doe (jane@example.com)", "Richard (R.J.) Eskow": brackets go,
    // and an unclosed one ends the name.
    while let Some(open) = text.find(['(', '[']) {
        match text[open..].find([')', ']']) {
            Some(close) => text.replace_range(open..open + close + 1, " "),
            None => text.truncate(open),
        }
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
    // "Rechtsanwalt Jane Doe": a job title before the name goes.
    while let Some((title, rest)) = text.split_once(' ')
        && TITLES.contains(&title.to_lowercase().trim_end_matches('.'))
        && rest.contains(' ')
    {
        text = rest.trim().to_owned();
    }
    let mut words: Vec<&str> = Vec::new();
    let all: Vec<&str> = text.split_whitespace().collect();
    for (i, &word) in all.iter().enumerate() {
        let lower = word.to_lowercase();
        // "Jane Doe Jan 5, 2024": a month before a day ends the name.
        if MONTHS.contains(&lower.trim_end_matches('.'))
            && all.get(i + 1).is_some_and(|next| next.starts_with(|c: char| c.is_ascii_digit()))
        {
            break;
        }
        if word.contains('@') || word.starts_with("http") || word.contains("www.") {
            if words.is_empty() && !strict && word.starts_with('@') && word.len() > 1 {
                // A handle is all there is.
                return None;
            }
            break;
        }
        // A date or time ends the name; a user name ("freeman1984", "r23") may hold digits.
        let handle = !strict
            && word.chars().any(char::is_lowercase)
            && word.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        let role = lower.trim_end_matches([',', '.', ':']);
        // "le 3 mars", "am Montag" end a name; "Loïc Le Clerc", "El Hassan" do not.
        let connector = CONNECTORS.contains(&role)
            && !words.is_empty()
            && word.starts_with(char::is_uppercase)
            && all.get(i + 1).is_some_and(|next| next.starts_with(char::is_uppercase));
        // A pen name stated for machines may end in a job title ("Rasender
        // Reporter"): a capitalised title word last after one capitalised word stays.
        let pen_name = !strict
            && i + 1 == all.len()
            && words.len() == 1
            && role.chars().count() > 3
            && word.starts_with(char::is_uppercase)
            && words.iter().all(|w| w.starts_with(char::is_uppercase) && !ROLES.contains(&w.to_lowercase().as_str()));
        if ROLES.contains(&role) && !connector && !pen_name || word.chars().any(|c| c.is_ascii_digit()) && !handle {
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
        // "der Bestände": a name may hold a lower-case particle, not start with one.
        if name.starts_with(char::is_lowercase) {
            return None;
        }
        if has_a_word_that_is_no_name(&name) {
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

/// Whether an element is marked up as an author: the selector
/// `[itemprop~=author], [itemprop~=creator], a[rel~=author], .vcard .fn,
/// .author .fn, .byline .fn, .vcard.author, a[href*='/author/']` (and
/// `/autor/`, `/autoren/`, `/auteur/`), tested by hand: it runs over every
/// element of the page, twice, and the selector engine took 4 % of the
/// extraction time doing it.
fn marks_an_author(element: ElementRef<'_>) -> bool {
    let e = element.value();
    // `rel` is one of the attributes whose values HTML matches without case.
    let lists = |name: &str, word: &str| {
        attr(e, name).is_some_and(|v| {
            v.split_ascii_whitespace().any(|w| if name == "rel" { w.eq_ignore_ascii_case(word) } else { w == word })
        })
    };
    let class = |el: &scraper::node::Element, name: &str| el.has_class(name, CaseSensitivity::CaseSensitive);
    if lists("itemprop", "author") || lists("itemprop", "creator") {
        return true;
    }
    if e.name() == "a"
        && (lists("rel", "author")
            || attr(e, "href")
                .is_some_and(|h| ["/author/", "/autor/", "/autoren/", "/auteur/"].iter().any(|p| h.contains(p))))
    {
        return true;
    }
    class(e, "vcard") && class(e, "author")
        || class(e, "fn")
            && element
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| ["vcard", "author", "byline"].iter().any(|c| class(a.value(), c)))
}

/// Names from elements marked up as the author: microdata (`itemprop=author`
/// and its `name`), `rel=author` links, hCard (`.vcard .fn`, `.author .fn`).
///
/// Being marked up, a single word or a user name ("Thilo", "freeman1984")
/// counts as a name here, but navigation text ("View my complete profile",
/// "Alle Beiträge") does not.
///
/// `visible`: only the text the page shows, not `content` attributes.
fn marked_up(document: &Html, site: Option<&str>, visible: bool) -> Vec<String> {
    let mut found = Vec::new();
    // The byline that names the first author: later names must share it
    // (a comment's or a teaser's author marked up further down does not).
    let mut byline = Vec::new();
    for el in document.root_element().descendent_elements().filter(|el| marks_an_author(*el)) {
        let up = |n: usize| std::iter::successors(el.parent(), |p| p.parent()).take(n).map(|p| p.id());
        if !byline.is_empty() && !up(3).any(|id| byline.contains(&id)) {
            continue;
        }
        if in_author_clutter(el) || in_a_review(el) || holds_tags(el) || links_home(el) {
            continue;
        }
        let name_el = el.select(&selector("[itemprop~=name]")).next();
        let shown = name_el.unwrap_or(el);
        let mut text = match shown.value().attr("content") {
            Some(content) if !visible => content.to_owned(),
            _ => spaced_text(shown, 30),
        };
        // The site's name set as an image (its logo in the author link): the alt text.
        if visible
            && text.trim().is_empty()
            && let Some(alt) = shown.select(&selector("img[alt]")).next().and_then(|i| i.value().attr("alt"))
        {
            text = alt.to_owned();
        }
        let text = clean_inline(&text);
        if text.chars().count() > 120 {
            continue;
        }
        for name in names(&text, site, false) {
            if is_marked_up_name(&name) && !found.contains(&name) {
                found.push(name);
                if byline.is_empty() {
                    byline = up(2).collect();
                }
            }
        }
    }
    found
}

/// Whether author markup links to the site's home page: the site's name in
/// its header marked up as an hCard (`<h1 class="vcard author"><a href="/"
/// class="fn">Example Blog</a>`), not the article's byline.
///
/// An author's link to their own site's root ("https://janedoe.example/") is
/// no such link: the home page counts only from the site's title, a heading.
fn links_home(element: ElementRef<'_>) -> bool {
    let link = if element.value().name() == "a" { Some(element) } else { element.select(&selector("a[href]")).next() };
    let home = link.is_some_and(|a| {
        let a = a.value();
        a.attr("rel").is_some_and(|r| r.split_whitespace().any(|r| r.eq_ignore_ascii_case("home")))
            || a.attr("href").is_some_and(|href| {
                let path = href.split_once("://").map_or(href, |(_, rest)| rest.find('/').map_or("", |i| &rest[i..]));
                matches!(path.trim(), "" | "/")
            })
    });
    home && self_and_ancestors(element).take(3).any(|el| matches!(el.value().name(), "h1" | "h2" | "header"))
}

/// Whether an element holds tag links: a post's meta line ("Jane Doe /
/// News / Politics"), whose tags are no names.
fn holds_tags(element: ElementRef<'_>) -> bool {
    element.select(&selector("a[rel~=tag], a[rel~=category]")).next().is_some()
}

/// Whether an element belongs to a review or comment marked up with
/// microdata (`itemprop=review`, `itemtype=…/Comment`): its author is a
/// reader's, not the article's. A page that is itself a `Review` is not one.
fn in_a_review(element: ElementRef<'_>) -> bool {
    self_and_ancestors(element).any(|el| {
        let e = el.value();
        e.attr("itemprop").is_some_and(|p| p.contains("review") || p.contains("comment"))
            || e.attr("itemtype").is_some_and(|t| t.ends_with("/Comment"))
    })
}

/// Whether a name from author markup is a name: short, no navigation or
/// boilerplate word, and not a lower-case phrase.
fn is_marked_up_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    // "AFP", "DPA": an agency's code, not a person.
    let agency = words.len() == 1 && name.chars().count() <= 4 && !name.chars().any(char::is_lowercase);
    name.chars().count() <= 40
        && words.len() <= 4
        && !agency
        && !PREFIXES.contains(&name.to_lowercase().as_str())
        && name.chars().any(char::is_alphabetic)
        && !has_a_word_that_is_no_name(name)
        && (words.len() == 1 || looks_like_a_person(name))
}

/// Whether a word of `name` (or of a hyphenated compound: "TVT-Redaktion")
/// is one that no person's name holds.
fn has_a_word_that_is_no_name(name: &str) -> bool {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .any(|w| NOT_NAMES.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Whether a link goes to an author's page (`/author/jane-doe/`,
/// `/autoren/jane-doe`, `/profil/207/Jane_Doe`, `/user/jdoe42`).
fn is_author_page(href: &str) -> bool {
    let href = href.to_ascii_lowercase();
    ["/author", "/autor", "/auteur", "/profil", "/people/", "/staff/", "/writers/", "/journalist", "/user/"]
        .iter()
        .any(|p| href.contains(p))
}

/// Whether an element sits in a comment section, a teaser list, a sidebar or
/// the page's footer. Unlike [`in_clutter`], the footer of a post
/// (`<footer>` inside `<article>`, `post-footer`, `entry-footer`: where
/// Blogger and many WordPress themes print "Posted by") is not clutter.
fn in_author_clutter(element: ElementRef<'_>) -> bool {
    const PAGE_PARTS: &[&str] = &["sidebar", "menu"];
    const POST: &[&str] = &["post", "entry", "article", "meta", "byline", "author"];
    let ancestors = || self_and_ancestors(element);
    for el in ancestors() {
        let e = el.value();
        match e.name() {
            // A quoted or embedded post's "Posted by" is not the article's.
            // An article's `<aside class="meta">` holds its byline.
            "aside" if !e.attr("class").is_some_and(|c| POST.iter().any(|p| c.contains(p))) => return true,
            "nav" | "blockquote" => return true,
            "footer" if !ancestors().any(|a| a.value().name() == "article") => return true,
            "body" | "html" => return false,
            _ => {}
        }
        for token in naming_tokens(e) {
            let page_footer = token.contains("footer") && !POST.iter().any(|p| token.contains(p));
            // A "sidebar" that holds the page's headline is the article's column
            // (`<div id="sidebar"><header><h1>`), and one that names a layout of
            // columns is the page's (`layoutTwoColumnsRightSidebar`).
            let layout = token.contains("layout") || token.contains("column");
            let column = token.contains("sidebar") && (layout || holds_a_headline(el))
                || token.contains("menu") && holds_a_headline(el);
            let clutter = names_comments_or_teasers(&token) || PAGE_PARTS.iter().any(|c| token.contains(c));
            if (page_footer || clutter) && !column {
                return true;
            }
        }
    }
    false
}

/// Whether an `<address>` is a contact box (a press officer's, a business's
/// address), not a byline: a phone link or a "contact" class around it.
fn is_a_contact(element: ElementRef<'_>) -> bool {
    element.select(&selector("a[href^='tel:']")).next().is_some()
        || self_and_ancestors(element).take(4).any(|el| naming_tokens(el.value()).any(|t| t.contains("contact")))
}

/// Whether an element holds an `<h1>`: the article's column, not clutter.
fn holds_a_headline(element: ElementRef<'_>) -> bool {
    element.descendants().filter_map(ElementRef::wrap).any(|e| e.value().name() == "h1")
}

/// The authors: what the page states for machines (JSON-LD, then meta tags),
/// unless that is only a first name, a user name or an organisation and the
/// page shows a person's name in its byline (microdata, hCard, byline
/// classes, "By"/"Von" lines).
pub(super) fn authors(document: &Html, meta: &Meta, ld: &JsonLd, site: Option<&str>) -> Vec<String> {
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
    found
}

/// The name heading an author box under the post ("author-bio",
/// "about-author": `<h3>Jane Doe</h3><p>Jane writes about…</p>`), where
/// nothing else names the author. The box may be styled as a footer; one in
/// the page's sidebar or footer is not the post's.
fn author_box(document: &Html, site: Option<&str>) -> Vec<String> {
    let css = "[class*=author-bio], [class*=author-box], [class*=authorbox], [class*=about-author], [class*=autor-box]";
    for el in document.select(&selector(css)) {
        let own = naming_tokens(el.value()).any(|t| t.contains("sidebar") || t.contains("comment"));
        if own || el.parent().and_then(ElementRef::wrap).is_none_or(in_author_clutter) {
            continue;
        }
        let Some(heading) = el.select(&selector("h2, h3, h4, h5, strong, b")).next() else { continue };
        let text = spaced_text(heading, 5);
        if text.chars().count() > 40 {
            continue;
        }
        if let Some(found) = one_person(&text, site) {
            return found;
        }
    }
    Vec::new()
}

/// The name on a comment that the post's author wrote, where nothing else
/// names them: WordPress marks such a comment `bypostauthor`.
fn post_author_in_comments(document: &Html, site: Option<&str>) -> Vec<String> {
    let Some(comment) = document.select(&selector(".bypostauthor")).next() else { return Vec::new() };
    let Some(name) = ["cite, .fn", ".comment-author"].iter().find_map(|css| comment.select(&selector(css)).next())
    else {
        return Vec::new();
    };
    let found: Vec<String> =
        names(&spaced_text(name, 10), site, false).into_iter().filter(|n| is_marked_up_name(n)).collect();
    if found.len() == 1 { found } else { Vec::new() }
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

/// Lower case letters and digits only: "OÖ-Volksblatt" and "oö volksblatt" agree.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Whether a name holds a company's or association's legal form
/// ("Muster GmbH", "Verband e.V.", "Example Inc."): no person's name does.
fn has_a_legal_form(name: &str) -> bool {
    // At the end: "James S.A. Corey" is a person.
    name.split_whitespace()
        .next_back()
        .map(|w| w.trim_matches(|c: char| c == ',' || c == '(' || c == ')').trim_end_matches('.'))
        .is_some_and(|w| LEGAL_FORMS.contains(&w))
        || name.trim_end_matches('.').ends_with(" e. V")
}

/// The one name in `text` when it names one person and no organisation: what a
/// loose line (a sign-off, an author box's heading) must hold to be a byline.
fn one_person(text: &str, site: Option<&str>) -> Option<Vec<String>> {
    let found = names(text, site, true);
    matches!(found.as_slice(), [name] if !looks_like_an_organization(name)).then_some(found)
}

/// Whether a name reads as an organisation's: a legal form or an
/// institution word, an article first ("Die Zeitung"), or an acronym.
fn looks_like_an_organization(name: &str) -> bool {
    let words: Vec<String> =
        name.split_whitespace().map(|w| w.to_lowercase().trim_matches([',', '(', ')']).to_owned()).collect();
    let acronym = words.len() == 1 && name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    acronym
        || words.first().is_some_and(|w| ["die", "das", "der", "the", "le", "la", "el"].contains(&w.as_str()))
        || words.iter().any(|w| {
            w.split('-').any(|part| ORGANIZATION_WORDS.contains(&part.trim_end_matches('.')))
                || ORGANIZATION_WORDS.contains(&w.as_str())
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
    for el in document.select(&selector("address")) {
        if in_clutter(el) || is_a_contact(el) {
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
        let byline_class = ["byline", "author", "autor", "auteur", "verfasser"].iter().any(|w| names_attr.contains(w));
        if !byline_class || names_attr.contains("comment") {
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
                .filter(|a| a.value().attr("href").is_some_and(is_author_page))
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

/// A byline that is a newsroom word alone, perhaps after "By"/"Von":
/// "Redaktion", "von Redaktion,", "By Staff".
fn newsroom_byline(text: &str) -> Option<String> {
    let text = clean_inline(text);
    let text = text.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = text.to_lowercase();
    let word = ["by ", "von ", "par ", "por "].iter().find_map(|p| lower.strip_prefix(p)).unwrap_or(&lower);
    let start = text.len().checked_sub(word.len())?;
    COLLECTIVE.contains(&word).then(|| text.get(start..).map(str::to_owned)).flatten()
}

static BYLINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]oor|[Pp]osted by|[Ww]ritten by:?|[Aa]utor(?:in|en|innen)?(?:\s?:)?|",
        r"[Aa]uthor\s?:|[Aa]uteure?\s?:|[Tt]ext\s?:|[Tt]ext von|[Ee]in(?:e)? (?:Artikel|Beitrag|Kolumne|Gastbeitrag) von|",
        r"[Gg]espeichert von|[Ss]ubmitted by|[Ee]ingestellt von|[Vv]erfasst von|[Gg]eschrieben von|[Vv]on\s?:|[Bb]y\s?:|",
        r"[Ee]scrito por|[Ss]critto da|[Rr]edaktion\s?:)",
        r"(?:\s+(\p{Lu}[\p{L}.'-]+(?:\s+(?:(?:von|van|de|der|den|da|di|du|del|la|le)\s+)?\p{Lu}[\p{L}.'-]+){0,3}",
        r"(?:\s*(?:,|and|und|et|y|&)\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}){0,3}))?",
        r"(?:\s*[,|·•/–(-].*|\s+(?:am|on|le|el|um|at|den|der|\d).*|\s+(?:Fotos?|Photos?|Illustrations?|Bilder|Grafik)\b.*)?\s*$",
    ))
    .expect("a valid byline pattern")
});

/// A date line that ends in the byline: "Posted on May 5, 2020 by Jane Doe",
/// "Veröffentlicht am 5. Mai 2020 von Jane Doe".
static POSTED_ON: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(?:posted|published|updated|veröffentlicht|erstellt|geschrieben)\s+(?:on|am)\s+[^|]{1,40}?\s+((?:by|von)\s+\S.*)$",
    )
    .expect("a valid dated byline pattern")
});

/// A date, perhaps a time, then a name: "11.12.2019 - Jane Doe",
/// "04.02.2022 | 13:10 Uhr | Jane Doe".
static DATED_BYLINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"^\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?:\s*[|,-]?\s*\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\s*[-|–·]\s*",
        r"(\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){1,3})\s*$",
    ))
    .expect("a valid dated byline pattern")
});

/// "By" and a name with a date after or before it, where the name may be a
/// single word or a user name: "by jdoe42 on August 3, 2019",
/// "06.11.2023 13:30 von Olga".
static DATED_USER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"^(?:(?:[Pp]osted )?[Bb]y|[Vv]on)\s+([\p{L}\d_.-]{2,30})\s+(?:on|am)\s+[^\d]{0,12}\d{1,4}\b.{0,20}$|",
        r"^\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?:\s*,?\s*\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\s+(?:[Vv]on|[Bb]y)\s+",
        r"(\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3})\s*$",
    ))
    .expect("a valid dated user byline pattern")
});

/// A text segment of the page and the element that holds it.
struct Segment<'a> {
    /// The text node, trimmed (cleaned only when it may be a byline).
    raw: &'a str,
    parent: Option<ElementRef<'a>>,
    /// Whether a line break precedes it: the text opens a line of its own.
    after_break: bool,
}

/// The page's text segments in document order, from the node `from` on
/// (or from the start), outside scripts and styles, until `max_chars`.
fn segments<'a>(document: &'a Html, from: Option<ElementRef<'a>>, max_chars: usize) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    let mut seen = from.is_none();
    let mut chars = 0;
    for node in document.root_element().descendants() {
        if let Some(start) = from
            && !seen
        {
            seen = node.id() == start.id();
            continue;
        }
        let Some(text) = node.value().as_text() else { continue };
        if from.is_some_and(|start| node.ancestors().any(|a| a.id() == start.id())) {
            continue;
        }
        let parent = node.parent().and_then(ElementRef::wrap);
        if parent.is_some_and(|p| matches!(p.value().name(), "script" | "style" | "noscript" | "template" | "title")) {
            continue;
        }
        let raw = text.trim();
        if raw.is_empty() {
            continue;
        }
        chars += raw.len();
        let after_break = node
            .prev_siblings()
            .find(|s| !s.value().as_text().is_some_and(|t| t.trim().is_empty()))
            .and_then(ElementRef::wrap)
            .is_some_and(|s| s.value().name() == "br");
        out.push(Segment { raw, parent, after_break });
        if chars > max_chars {
            break;
        }
    }
    out
}

/// The first byline among segments: a line of its own that starts with the
/// byline word, or the word alone followed by the name in the next segment
/// (`By <a>Jane Doe</a>`). `anywhere`: the segments are the whole page, so
/// clutter is skipped and a single word is no name.
fn first_byline(segments: &[Segment<'_>], site: Option<&str>, anywhere: bool) -> Vec<String> {
    for (i, segment) in segments.iter().enumerate() {
        // "---- by Jane Doe", "- Redaktion: Jane Doe", "| By": dashes and bars before the label go.
        let raw = segment.raw.trim_start_matches(['-', '–', '—', '|']).trim_start();
        // Cheap tests first: most segments are prose, not bylines.
        let opens = raw.starts_with(|c: char| c.is_ascii_digit() || "BbVvPpDdWwAaTtEeGgSsRr".contains(c));
        if !opens || raw.len() > 480 {
            continue;
        }
        let text = clean_inline(raw);
        if text.chars().count() > 120 {
            continue;
        }
        let caps = BYLINE.captures(&text);
        let dated = DATED_BYLINE.captures(&text).and_then(|c| c.get(1)).map(|m| m.as_str().to_owned());
        // A name that a date confirms may be one word or a user name.
        let confirmed = DATED_USER.captures(&text).and_then(|c| c.get(1).or(c.get(2))).map(|m| m.as_str().to_owned());
        if caps.is_none() && dated.is_none() && confirmed.is_none() {
            continue;
        }
        // "von <a href="/user/jdoe42">jdoe42</a>": the name links to the author's page.
        let mut linked = false;
        let byline = match caps.as_ref().and_then(|c| c.get(1)) {
            _ if confirmed.is_some() => confirmed.clone().unwrap_or_default(),
            _ if caps.is_none() => dated.unwrap_or_default(),
            Some(_) => text.clone(),
            None => match segments.get(i + 1) {
                Some(next) if next.raw.chars().count() <= 60 => {
                    linked = next
                        .parent
                        .is_some_and(|p| p.value().name() == "a" && p.value().attr("href").is_some_and(is_author_page));
                    let mut byline = format!("{text} {}", clean_inline(next.raw));
                    // "Autor: <a>Rechtsanwalt</a> Jane Doe": a job title before the name.
                    if TITLES.contains(&next.raw.to_lowercase().trim_end_matches('.'))
                        && let Some(name) = segments.get(i + 2)
                        && name.raw.chars().count() <= 60
                    {
                        byline = format!("{byline} {}", clean_inline(name.raw));
                    }
                    // "Von <a>Jane Doe</a> und <a>John Roe</a>": each name in an element of its own.
                    let mut at = i + 2;
                    while let (Some(joiner), Some(name)) = (segments.get(at), segments.get(at + 1))
                        && ["und", "and", "&", ",", "et", "y", "e"].contains(&joiner.raw)
                        && name.raw.chars().count() <= 60
                        && at < i + 8
                    {
                        byline = format!("{byline} {} {}", joiner.raw, clean_inline(name.raw));
                        at += 2;
                    }
                    byline
                }
                _ => continue,
            },
        };
        // Anywhere on the page, the byline word must open its element, or an
        // explicit label a line ("<p>Von Jane Doe</p>", "<br>Autor: Jane Doe",
        // not "... nach einer Idee von Jane Doe").
        let labelled_line = segment.after_break && EXPLICIT_LABELS.iter().any(|l| text.to_lowercase().starts_with(l));
        if anywhere
            && !labelled_line
            && segment.parent.is_none_or(|p| {
                in_author_clutter(p) || p.text().map(str::trim).find(|t| !t.is_empty()) != Some(segment.raw)
            })
        {
            continue;
        }
        let mut found = names(&byline, site, true);
        // After an explicit label ("Author:", "Gespeichert von"), a user name
        // in an element of its own is a name; after a bare "By" anywhere, not.
        let lower = byline.to_lowercase();
        let explicit = confirmed.is_some()
            || linked
            || caps.as_ref().is_some_and(|c| c.get(1).is_none())
                && EXPLICIT_LABELS.iter().any(|l| lower.starts_with(l));
        if found.is_empty() && explicit {
            found = names(&byline, site, false).into_iter().filter(|n| is_marked_up_name(n)).collect();
        }
        if anywhere && !explicit {
            found.retain(|n| n.split_whitespace().count() > 1);
        }
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// A byline ("By Jane Doe", "von Anna Müller") in the text just below the
/// `<h1>`, else anywhere on the page outside clutter ("Ein Artikel von
/// Jane Doe | 27.01.2022" above the body, "Autorin: Jane Doe" below it).
fn byline_in_text(document: &Html, site: Option<&str>) -> Vec<String> {
    if let Some(h1) = document.select(&selector("h1")).next() {
        let found = first_byline(&segments(document, Some(h1), 500), site, false);
        if !found.is_empty() {
            return found;
        }
    }
    let found = first_byline(&segments(document, None, 200_000), site, true);
    if !found.is_empty() {
        return found;
    }
    sign_off(document, site)
}

/// The author's name signed under the text: the last paragraph of a
/// container, in bold or italics, a person's name alone, after prose
/// (`<p>…</p><p><b><i>Jane Doe</i></b></p>`).
fn sign_off(document: &Html, site: Option<&str>) -> Vec<String> {
    for p in document.select(&selector("p")) {
        if p.text().map(str::len).sum::<usize>() > 200 {
            continue;
        }
        let text = clean_inline(&p.text().collect::<String>());
        let words = text.split_whitespace().count();
        if !(2..=4).contains(&words) || text.chars().count() > 40 {
            continue;
        }
        // Wholly emphasised: the text of the paragraph is that of one `<b>`/`<i>` child.
        let emphasised = p.children().filter_map(ElementRef::wrap).any(|child| {
            matches!(child.value().name(), "b" | "strong" | "i" | "em")
                && clean_inline(&child.text().collect::<String>()) == text
        });
        let siblings = || p.next_siblings().filter_map(ElementRef::wrap);
        let last = !siblings().any(|s| s.value().name() == "p" && !s.text().all(|t| t.trim().is_empty()));
        // Set to the right, a signature may precede footnotes or a book's details.
        let right = p.value().attr("align").is_some_and(|a| a.eq_ignore_ascii_case("right"))
            || p.value().attr("style").is_some_and(|s| s.replace(' ', "").contains("text-align:right"));
        // Prose above it in the same container (a short line, a book's title, may come between).
        let after_prose = p
            .prev_siblings()
            .filter_map(ElementRef::wrap)
            .filter(|s| s.value().name() == "p")
            .take(3)
            .any(|s| s.text().map(str::len).sum::<usize>() >= 150);
        if !emphasised || !(last || right) || !after_prose || in_author_clutter(p) {
            continue;
        }
        if let Some(found) = one_person(&text, site) {
            return found;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests;
