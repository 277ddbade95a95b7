//! The post's tags as the page links them: `rel="tag"` and RDFa
//! `dc:subject` links, else a short list named or labelled as its tags,
//! outside the site's menus, sidebars, header and footer.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use crate::extractor::clean_inline;
use crate::html::{ancestors, attr, elements, names_comments_or_teasers, names_main_column, naming_tokens};

/// The post's tags as the page links them: `<a rel="tag">` (the
/// microformat WordPress and other blog engines print under a post), an
/// RDFa `dc:subject` (Drupal's tag field), and the links of a list that its
/// class or its label names as the tags ("Tags:", "Archivado en:", "Теги:");
/// not its categories (`rel="category tag"`, or a link to `/category/`), nor
/// a sidebar's tag cloud, a menu's topics, a comment's or a teaser's.
pub(super) fn linked_tags(document: &Html) -> Vec<String> {
    // The post's own markup of its tags outweighs a list found by its name;
    // a list found by its name before the page's headline is the site's bar
    // of topics, not the post's tags.
    let (mut tags, mut listed, mut before_headline) = (Vec::new(), Vec::new(), Vec::new());
    let mut headline = false;
    let mut lists = HashMap::new();
    // One walk in document order both finds the headline and reads the links.
    for link in elements(document) {
        match link.value().name() {
            "h1" => {
                headline = true;
                continue;
            }
            "a" => {}
            _ => continue,
        }
        let rel = attr(link.value(), "rel").unwrap_or_default();
        let category = rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("category"))
            || attr(link.value(), "href").is_some_and(|href| href.contains("/category/"));
        if category {
            continue;
        }
        let rel_tag = rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("tag")) || has_subject(link);
        if !rel_tag && !in_tag_list(link, &mut lists) {
            continue;
        }
        let tag = clean_inline(&link.text().collect::<String>());
        let Some(in_post) = placed_in(link, rel_tag) else {
            continue;
        };
        if tag.is_empty()
            || !rel_tag && (tag.chars().count() > MAX_TAG_CHARS || leads_elsewhere(&tag, attr(link.value(), "href")))
        {
            continue;
        }
        if rel_tag {
            &mut tags
        } else if headline || in_post {
            &mut listed
        } else {
            &mut before_headline
        }
        .push(tag);
    }
    if !tags.is_empty() {
        tags
    } else if headline {
        listed
    } else {
        before_headline
    }
}

/// Whether a tag link stands in the post (`<article>`, `<main>` or a post
/// container: a list there may open the post above its headline), outside
/// it, or elsewhere (`None`): in a sidebar's tag cloud, a comment's hashtags,
/// a teaser's topic (the post's own `<footer>` holds its tags; `<body>`'s
/// classes name the page's layout). A list found by its name alone must not
/// stand in the site's menus, in a bar of trending topics, nor in the page's
/// header or footer: one outside the post.
fn placed_in(link: ElementRef<'_>, rel_tag: bool) -> Option<bool> {
    let (mut page_part, mut in_post) = (false, false);
    for a in ancestors(link).take_while(|a| !matches!(a.value().name(), "body" | "html")) {
        let e = a.value();
        match e.name() {
            "aside" => return None,
            "nav" if !rel_tag => return None,
            "header" | "footer" => page_part = true,
            "article" | "main" => in_post = true,
            _ => {}
        }
        in_post |= attr(e, "role").is_some_and(|r| r.eq_ignore_ascii_case("main"));
        for t in naming_tokens(e) {
            if t.contains("sidebar") || t.contains("widget") || names_comments_or_teasers(&t) {
                return None;
            }
            if rel_tag {
                continue;
            }
            if names_parts(&t, |part| part.starts_with("nav") || part.starts_with("menu") || part == "trending") {
                return None;
            }
            in_post |= names_post(&t) || names_main_column(&t);
            page_part |= names_parts(&t, |part| ["header", "footer", "masthead"].contains(&part));
        }
    }
    (rel_tag || !page_part || in_post).then_some(in_post)
}

/// Whether a class or id token names a post or its parts (`entry-footer`,
/// `post-header`, `article__tags`).
fn names_post(token: &str) -> bool {
    ["post", "entry", "article", "story"].iter().any(|p| token.contains(p))
}

/// Class and id words of a list of the site's topics rather than the post's:
/// a bar of trending or popular topics, one of the page's header or footer.
const SITE_LIST_NAMES: &[&str] = &["trending", "popular", "hot", "top", "header", "footer"];

/// Whether a link in a list of tags is none: a link to the index of all
/// tags ("Schlagworte A – Z", "Mostrar todos los tags"), a tag cloud's
/// entry with its count of posts ("Joe Biden (233)"), a share button or a
/// jump to a part of the page (`#comments`).
fn leads_elsewhere(text: &str, href: Option<&str>) -> bool {
    if href.is_some_and(|h| h.contains("share") || h.contains("/intent/") || h.trim().len() > 1 && h.contains('#')) {
        return true;
    }
    let lower = text.to_lowercase();
    let counted = lower.strip_suffix(')').and_then(|t| t.rsplit_once('(')).is_some_and(|(_, count)| {
        count.split_whitespace().next().is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
    });
    counted || lower.split(|c: char| !c.is_alphanumeric()).any(|word| TAG_LIST_NAMES.contains(&word))
}

/// Whether a link or its item states it as the subject of the post (RDFa
/// `dc:subject`, Drupal's tag field).
fn has_subject(link: ElementRef<'_>) -> bool {
    let subject = |el: ElementRef<'_>| {
        ["rel", "property"]
            .iter()
            .filter_map(|name| attr(el.value(), name))
            .flat_map(str::split_ascii_whitespace)
            .any(|name| ["dc:subject", "dcterms:subject"].iter().any(|s| name.eq_ignore_ascii_case(s)))
    };
    std::iter::once(link).chain(ancestors(link).take(2)).any(subject)
}

/// The longest tag of a list found by its name: a longer link text is a headline.
const MAX_TAG_CHARS: usize = 60;

/// The most links a list of tags holds: more are a menu or an index of topics.
const MAX_LISTED_TAGS: usize = 25;

/// How far above a link the list that names it as a tag may stand
/// (`<div class="tags"><ul><li><a>`).
const LIST_DEPTH: usize = 4;

/// Class and id words of a list of tags, whole or between `-` and `_`
/// (`field-name-field-tags`, `article__keywords`).
const TAG_LIST_NAMES: &[&str] = &[
    "tags",
    "taglist",
    "keywords",
    "topics",
    "schlagworte",
    "schlagwoerter",
    "stichworte",
    "themen",
    "etiquetas",
    "etiquettes",
    "tagi",
];

/// The labels a list of tags opens with, without their colon.
const TAG_LABELS: &[&str] = &[
    "tags",
    "tagged",
    "tagged with",
    "topics",
    "keywords",
    "schlagworte",
    "schlagwörter",
    "stichwörter",
    "themen",
    "etiquetas",
    "archivado en",
    "mots-clés",
    "mots clés",
    "argomenti",
    "trefwoorden",
    "tagi",
    "теги",
    "метки",
    "ключевые слова",
    "标签",
    "关键词",
    "태그",
    "タグ",
    "キーワード",
    "الكلمات المفتاحية",
    "وسوم",
];

/// Whether a link is one of a few links under a container whose class or
/// label names a list of tags. A labelled container holds little but its
/// label and its links: a post's footer that opens with "Tags" holds more.
/// `lists` remembers the answer for each container asked about: the links
/// of one menu share their parents.
fn in_tag_list(link: ElementRef<'_>, lists: &mut HashMap<NodeId, bool>) -> bool {
    let Some(list) = ancestors(link)
        .take(LIST_DEPTH)
        .take_while(|a| !matches!(a.value().name(), "body" | "html" | "article" | "main"))
        .find(|a| {
            *lists.entry(a.id()).or_insert_with(|| {
                naming_tokens(a.value()).any(|t| names_parts(&t, |p| TAG_LIST_NAMES.contains(&p)))
                    || tag_label(*a).is_some_and(|label| holds_only_links(*a, label))
            })
        })
    else {
        return false;
    };
    // The list and its parts down to the link must not name the site's topics.
    let site_list = ancestors(link).take_while(|a| a.id() != list.id()).chain([list]).any(|a| {
        naming_tokens(a.value()).any(|t| !names_post(&t) && names_parts(&t, |p| SITE_LIST_NAMES.contains(&p)))
    });
    !site_list && list.descendent_elements().filter(|e| e.value().name() == "a").nth(MAX_LISTED_TAGS).is_none()
}

/// Whether the text of `list` outside its links is little more than its
/// label of `label` letters and the separators between the links.
fn holds_only_links(list: ElementRef<'_>, label: usize) -> bool {
    let letters = |el: ElementRef<'_>| el.text().flat_map(str::chars).filter(|c| c.is_alphanumeric()).count();
    let (mut links, mut linked) = (0, 0);
    for a in list.descendent_elements().filter(|e| e.value().name() == "a") {
        links += 1;
        linked += letters(a);
    }
    letters(list).saturating_sub(linked) <= label + 2 * links
}

/// Whether one of the parts of a class or id token, between `-` and `_`, passes `test`.
fn names_parts(token: &str, test: impl Fn(&str) -> bool) -> bool {
    token.split(['-', '_']).any(test)
}

/// How many nodes of a container may come before its label's text.
const LABEL_NODES: usize = 32;

/// The letters of the label of a list of tags ("Tags:", "Archivado en:")
/// that opens an element's text, if it opens with one.
fn tag_label(element: ElementRef<'_>) -> Option<usize> {
    // The label is the container's own text or its heading's (`<h3>Tags</h3>`),
    // not a line deep in one of its parts, and no link: it opens the
    // container's first few nodes (a page of thousands of nested empty
    // elements is read no deeper).
    let first =
        element.descendants().take(LABEL_NODES).find(|n| n.value().as_text().is_some_and(|t| !t.trim().is_empty()))?;
    let mut between = first.ancestors().take_while(|a| a.id() != element.id());
    let parent = between.next();
    if between.next().is_some() || parent.and_then(|p| p.value().as_element()).is_some_and(|e| e.name() == "a") {
        return None;
    }
    let text = first.value().as_text().map_or("", |t| t.trim());
    let label = text.trim_end_matches([':', '：', ' ']).trim().to_lowercase();
    TAG_LABELS.contains(&label.as_str()).then(|| label.chars().filter(|c| c.is_alphanumeric()).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "The council met on Tuesday evening and voted, after a long debate, to rebuild the old bridge.";

    #[test]
    fn the_posts_tag_links_are_its_tags_not_categories_or_a_tag_cloud() {
        let page = Html::parse_document(
            r#"<body><article><p>Text</p><footer>Posted in <a rel="category tag" href="/c/food">Food</a>
               Tagged <a rel="tag" href="/t/a">small business</a>, <a rel="tag" href="/t/b">TikTok</a>,
               <a rel="tag" href="/t/a">small business</a> <a rel="tag" href="/category/news/">News</a></footer></article>
               <aside><a rel="tag" href="/t/c">Elections</a></aside>
               <div class="comments"><p>Great post <a rel="tag" href="https://social.example/tags/spam">#spam</a></p></div>
               <div class="related"><a rel="tag" href="/t/s">Sports</a></div></body>"#,
        );
        // Repeats are dropped with the other tags' (`extract`).
        assert_eq!(linked_tags(&page), ["small business", "TikTok", "small business"]);
    }

    #[test]
    fn a_list_named_or_labelled_as_tags_gives_the_tags_and_a_menu_does_not() {
        let tags = |body: &str| {
            linked_tags(&Html::parse_document(&format!("<body><h1>Bridge</h1><p>{PROSE}</p>{body}</body>")))
        };
        // Labelled, with its own class or none.
        assert_eq!(
            tags(
                r#"<article><footer class="etiquetas">Archivado en: <a href="/t/v">Vivienda</a> <a href="/t/c">Congreso</a></footer></article>"#
            ),
            ["Vivienda", "Congreso"]
        );
        assert_eq!(
            tags(r#"<p><strong>Теги:</strong> <a href="/t/cb">ЦБ</a>, <a href="/t/ks">ключевая ставка</a></p>"#),
            ["ЦБ", "ключевая ставка"]
        );
        // Named by its class.
        assert_eq!(
            tags(
                r#"<ul class="article__tags"><li><a href="/t/a">Transit</a></li><li><a href="/t/b">Budget</a></li></ul>"#
            ),
            ["Transit", "Budget"]
        );
        // Drupal's tag field: RDFa `dc:subject` on each item.
        assert_eq!(
            tags(
                r#"<div class="field"><div class="field-label">Subjects</div><div class="field-items"><div class="field-item" rel="dc:subject">
               <a href="/t/l" typeof="skos:Concept">landfill</a></div></div></div>"#
            ),
            ["landfill"]
        );
        // A post's footer that opens with the label holds more than the tags.
        assert_eq!(
            tags(
                r#"<article><footer><div class="meta"><span>Tags</span> <a href="/t/a">Transit</a></div><div class="share">
               <a href="https://facebook.example/share">Facebook</a></div></footer></article>"#
            ),
            ["Transit"]
        );
        assert_eq!(
            tags(r#"<footer class="entry-footer"><div class="tags">Tags: <a href="/t/a">Transit</a></div></footer>"#),
            ["Transit"]
        );
        // A post's own tags may sit in a drop-down of the navigation bar.
        assert_eq!(
            tags(r#"<nav><ul class="dropdown-menu"><li><a rel="tag" href="/t/a">emacs</a></li></ul></nav>"#),
            ["emacs"]
        );
        // The post's own tag links outweigh a list found by its name.
        assert_eq!(
            tags(
                r#"<div class="topics"><a href="/t/x">Trending</a></div><p>Tagged <a rel="tag" href="/t/a">Transit</a></p>"#
            ),
            ["Transit"]
        );
        // A link to the index of tags, a tag cloud with counts.
        assert_eq!(
            tags(r#"<div class="tags"><a href="/t/a">Transit</a> <a href="/tags">Schlagworte A – Z</a></div>"#),
            ["Transit"]
        );
        assert_eq!(
            tags(
                r#"<div class="tags"><a href="/t/a">Transit</a> <a href="https://social.example/share?u=1">Tweet</a>
               <a href="/post#comments">Comments</a></div>"#
            ),
            ["Transit"]
        );
        assert!(
            tags(r#"<div class="tags"><a href="/t/a">Transit (611 posts)</a> <a href="/t/b">Budget (12)</a></div>"#)
                .is_empty()
        );
        // A site menu of topics, a teaser's tag, a link that opens the text, an index of many topics.
        assert!(tags(r#"<nav class="main"><div class="topics">Topics: <a href="/t/a">Politics</a> <a href="/t/b">Sports</a></div></nav>"#).is_empty());
        assert!(tags(r#"<div class="menu-topics"><a href="/t/a">Politics</a></div>"#).is_empty());
        assert!(tags(r#"<div class="related"><div class="tags"><a href="/t/a">Politics</a></div></div>"#).is_empty());
        assert!(tags(r#"<p><a href="/t">Tags</a> and <a href="/x">more</a></p>"#).is_empty());
        // The site's topics: a bar of trending topics, one in the page's header
        // or footer (outside the article), or one above the headline.
        assert!(
            tags(r#"<div class="trending-topics">Trending topics: <a href="/t/a">Politics</a> <a href="/t/b">Sports</a></div>"#)
                .is_empty()
        );
        assert!(
            tags(r#"<header class="site-header"><div class="topic-bar">Topics: <a href="/t/a">Politics</a></div></header>"#)
                .is_empty()
        );
        assert!(
            tags(r#"<div class="header-topics"><span>Topics</span> <a href="/t/a">Politics</a> <a href="/t/b">Sports</a></div>"#)
                .is_empty()
        );
        assert!(
            tags(r#"<footer><div class="cloud">Tags: <a href="/t/a">Recipes</a> <a href="/t/b">Travel</a></div><p>Copyright</p></footer>"#)
                .is_empty()
        );
        let bar = r#"<div class="tags">Topics: <a href="/t/a">Politics</a> <a href="/t/b">Sports</a></div>"#;
        assert!(
            linked_tags(&Html::parse_document(&format!("<body>{bar}<h1>Bridge</h1><p>{PROSE}</p></body>"))).is_empty()
        );
        assert_eq!(
            linked_tags(&Html::parse_document(&format!("<body><p>{PROSE}</p>{bar}</body>"))),
            ["Politics", "Sports"]
        );
        let post = format!("<body><article>{bar}<h1>Bridge</h1><p>{PROSE}</p></article></body>");
        assert_eq!(linked_tags(&Html::parse_document(&post)), ["Politics", "Sports"]);
        let index: String = (0..40).map(|i| format!(r#"<a href="/t/{i}">Topic {i}</a>"#)).collect();
        assert!(tags(&format!(r#"<div class="tags">{index}</div>"#)).is_empty());
    }
}
