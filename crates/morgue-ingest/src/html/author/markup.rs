//! Authors marked up in the page's HTML: microdata, `rel=author` links,
//! hCard, links to author pages, author boxes, the post author's comment.

use scraper::{ElementRef, Html};

use super::names::{is_marked_up_name, names, one_person};
use super::words::{OTHER_CREDITS, PHOTO_CREDITS};
use crate::extractor::clean_inline;
use crate::html::meta::selector;
use crate::html::{
    attr, elements, has_class, href_path, names_comments_or_teasers, naming_tokens, self_and_ancestors, spaced_text,
};

/// Whether an element is marked up as an author: the selector
/// `[itemprop~=author], [itemprop~=creator], a[rel~=author], .vcard .fn,
/// .author .fn, .byline .fn, .vcard.author, a[href*='/author/']` (and
/// `/autor/`, `/autoren/`, `/auteur/`), tested by hand: it runs over every
/// element of the page, twice, and the selector engine took 4 % of the
/// extraction time doing it. The body reader asks it of inline elements too
/// (a line holding author markup is metadata).
pub(in crate::html) fn marks_an_author(element: ElementRef<'_>) -> bool {
    let e = element.value();
    // Every mark is an attribute, and most elements have none: asked of every element.
    if e.attrs.is_empty() {
        return false;
    }
    // `rel` is one of the attributes whose values HTML matches without case.
    let lists = |name: &str, word: &str| {
        attr(e, name).is_some_and(|v| {
            v.split_ascii_whitespace().any(|w| if name == "rel" { w.eq_ignore_ascii_case(word) } else { w == word })
        })
    };
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
    has_class(e, "vcard") && has_class(e, "author")
        || has_class(e, "fn")
            && element
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| ["vcard", "author", "byline"].iter().any(|c| has_class(a.value(), c)))
}

/// Names from elements marked up as the author: microdata (`itemprop=author`
/// and its `name`), `rel=author` links, hCard (`.vcard .fn`, `.author .fn`).
///
/// Being marked up, a single word or a user name ("Thilo", "freeman1984")
/// counts as a name here, but navigation text ("View my complete profile",
/// "Alle Beiträge") does not.
///
/// `visible`: only the text the page shows, not `content` attributes.
pub(super) fn marked_up(document: &Html, site: Option<&str>, visible: bool) -> Vec<String> {
    let mut found = Vec::new();
    // The byline that names the first author: later names must share it
    // (a comment's or a teaser's author marked up further down does not).
    let mut byline = Vec::new();
    // Names after "Photos by", "Edited by": the authors only where no one else is named.
    let mut credited = Vec::new();
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
        let mut text = match attr(shown.value(), "content") {
            Some(content) if !visible => content.to_owned(),
            _ => spaced_text(shown, 30),
        };
        // The site's name set as an image (its logo in the author link): the alt text.
        if visible
            && text.trim().is_empty()
            && let Some(alt) = shown.select(&selector("img[alt]")).next().and_then(|i| attr(i.value(), "alt"))
        {
            text = alt.to_owned();
        }
        let text = clean_inline(&text);
        if text.chars().count() > 120 {
            continue;
        }
        let other_credit = after_other_credit(el);
        for name in names(&text, site, false) {
            if other_credit {
                if is_marked_up_name(&name) && !credited.contains(&name) {
                    credited.push(name);
                }
            } else if is_marked_up_name(&name) && !found.contains(&name) {
                found.push(name);
                if byline.is_empty() {
                    byline = up(2).collect();
                }
            }
        }
    }
    if found.is_empty() { credited } else { found }
}

/// Whether author markup follows the label of a credit other than the
/// writer's ("Photos by <a href="/author/jane-doe">Jane Doe</a>", "Edited
/// by …"), in its element or the one around it.
fn after_other_credit(element: ElementRef<'_>) -> bool {
    std::iter::successors(Some(*element), |e| e.parent()).take(2).any(|node| {
        let Some(before) = node.prev_siblings().find(|s| !s.value().as_text().is_some_and(|t| t.trim().is_empty()))
        else {
            return false;
        };
        before.value().as_text().is_some_and(|t| {
            let t = t.trim().to_lowercase();
            PHOTO_CREDITS.iter().chain(OTHER_CREDITS).any(|l| t.ends_with(l))
        })
    })
}

/// Whether author markup links to the site's home page: the site's name in
/// its header marked up as an hCard (`<h1 class="vcard author"><a href="/"
/// class="fn">Example Blog</a>`), not the article's byline.
///
/// An author's link to their own site's root ("https://janedoe.example/") is
/// no such link: the home page counts only from the site's title, a heading.
pub(super) fn links_home(element: ElementRef<'_>) -> bool {
    let link = if element.value().name() == "a" { Some(element) } else { element.select(&selector("a[href]")).next() };
    let home = link.is_some_and(|a| {
        let a = a.value();
        attr(a, "rel").is_some_and(|r| r.split_whitespace().any(|r| r.eq_ignore_ascii_case("home")))
            || attr(a, "href").is_some_and(|href| matches!(href_path(href).trim(), "" | "/"))
    });
    home && self_and_ancestors(element).take(3).any(|el| matches!(el.value().name(), "h1" | "h2" | "header"))
}

/// Whether an element holds tag links: a post's meta line ("Jane Doe /
/// News / Politics"), whose tags are no names.
pub(super) fn holds_tags(element: ElementRef<'_>) -> bool {
    element.select(&selector("a[rel~=tag], a[rel~=category]")).next().is_some()
}

/// Whether an element belongs to a review or comment marked up with
/// microdata (`itemprop=review`, `itemtype=…/Comment`): its author is a
/// reader's, not the article's. A page that is itself a `Review` is not one.
pub(super) fn in_a_review(element: ElementRef<'_>) -> bool {
    self_and_ancestors(element).any(|el| {
        let e = el.value();
        attr(e, "itemprop").is_some_and(|p| p.contains("review") || p.contains("comment"))
            || attr(e, "itemtype").is_some_and(|t| t.ends_with("/Comment"))
    })
}

/// Whether a link goes to an author's page (`/author/jane-doe/`,
/// `/autoren/jane-doe`, `/profil/207/Jane_Doe`, `/user/jdoe42`).
pub(super) fn is_author_page(href: &str) -> bool {
    let href = href.to_ascii_lowercase();
    ["/author", "/autor", "/auteur", "/profil", "/people/", "/staff/", "/writers/", "/journalist", "/user/"]
        .iter()
        .any(|p| href.contains(p))
}

/// Whether an element sits in a comment section, a teaser list, a sidebar or
/// the page's footer. Unlike [`in_clutter`], the footer of a post
/// (`<footer>` inside `<article>`, `post-footer`, `entry-footer`: where
/// Blogger and many WordPress themes print "Posted by") is not clutter.
pub(super) fn in_author_clutter(element: ElementRef<'_>) -> bool {
    const PAGE_PARTS: &[&str] = &["sidebar", "menu"];
    const POST: &[&str] = &["post", "entry", "article", "meta", "byline", "author"];
    let ancestors = || self_and_ancestors(element);
    for el in ancestors() {
        let e = el.value();
        match e.name() {
            // A quoted or embedded post's "Posted by" is not the article's.
            // An article's `<aside class="meta">` holds its byline.
            "aside" if !attr(e, "class").is_some_and(|c| POST.iter().any(|p| c.contains(p))) => return true,
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
pub(super) fn is_a_contact(element: ElementRef<'_>) -> bool {
    element.select(&selector("a[href^='tel:']")).next().is_some()
        || self_and_ancestors(element).take(4).any(|el| naming_tokens(el.value()).any(|t| t.contains("contact")))
}

/// Whether an element holds an `<h1>`: the article's column, not clutter.
pub(super) fn holds_a_headline(element: ElementRef<'_>) -> bool {
    element.descendants().filter_map(ElementRef::wrap).any(|e| e.value().name() == "h1")
}

/// The name heading an author box under the post ("author-bio",
/// "about-author": `<h3>Jane Doe</h3><p>Jane writes about…</p>`), where
/// nothing else names the author. The box may be styled as a footer; one in
/// the page's sidebar or footer is not the post's.
pub(super) fn author_box(document: &Html, site: Option<&str>) -> Vec<String> {
    // `[class*=author-bio], [class*=author-box], ...`, tested by hand over the page's elements.
    const BOX: &[&str] = &["author-bio", "author-box", "authorbox", "about-author", "autor-box"];
    let boxes =
        elements(document).filter(|el| attr(el.value(), "class").is_some_and(|c| BOX.iter().any(|b| c.contains(b))));
    for el in boxes {
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
pub(super) fn post_author_in_comments(document: &Html, site: Option<&str>) -> Vec<String> {
    let Some(comment) = elements(document).find(|el| has_class(el.value(), "bypostauthor")) else { return Vec::new() };
    let Some(name) = ["cite, .fn", ".comment-author"].iter().find_map(|css| comment.select(&selector(css)).next())
    else {
        return Vec::new();
    };
    let found: Vec<String> =
        names(&spaced_text(name, 10), site, false).into_iter().filter(|n| is_marked_up_name(n)).collect();
    if found.len() == 1 { found } else { Vec::new() }
}
