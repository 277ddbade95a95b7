//! The summary: the description the page states for machines, else the
//! dek (standfirst) it sets under its headline.

use scraper::{ElementRef, Html};

use super::meta::{JsonLd, Meta};
use super::{attr, body, class_and_id_lowercase, elements, naming_tokens, title};
use crate::extractor::clean_inline;

/// Elements after the headline in which a dek is looked for: the
/// headline's block (kicker, byline, date, share bar, picture and dek).
const NEAR_HEADLINE: usize = 60;

/// Class and id words of a dek: a token's last word (`article__dek`,
/// `c-standfirst`, `entry-subtitle`, `article-summary`).
const DEK_WORDS: &[&str] =
    &["standfirst", "dek", "deck", "subhead", "subheadline", "subtitle", "summary", "lede", "lead"];

/// The article's summary: its description meta, else its dek.
pub(super) fn summary(document: &Html, meta: &Meta, ld: &JsonLd, title: &str) -> Option<String> {
    meta.first(&["og:description", "description", "twitter:description"])
        .or_else(|| ld.description.clone())
        .or_else(|| dek(document, title))
}

/// The dek a page marks up under its headline (`class="standfirst"`,
/// `sub-title`, `itemprop="alternativeHeadline"`...): one line of five
/// words or more in the elements after the headline's. Only a marked line
/// is one: the first paragraph of the text is no summary.
fn dek(document: &Html, title: &str) -> Option<String> {
    let title = title::normalize(title);
    if title.is_empty() {
        return None;
    }
    // One walk: to the first `<h1>` or `<h2>` that reads as the headline, then on.
    let mut walk = elements(document).skip_while(|el| {
        !matches!(el.value().name(), "h1" | "h2") || title::normalize(&el.text().collect::<String>()) != title
    });
    let headline = walk.next()?;
    walk.take(NEAR_HEADLINE)
        .filter(|el| names_a_dek(*el) && !el.ancestors().any(|a| a.id() == headline.id()))
        .find_map(|el| one_line(el, &title))
}

/// Whether an element's markup names it the article's dek.
fn names_a_dek(element: ElementRef<'_>) -> bool {
    let e = element.value();
    let named = naming_tokens(e).any(|token| {
        let mut words = token.rsplit(['-', '_']).filter(|w| !w.is_empty());
        match (words.next(), words.next()) {
            (Some("title" | "head" | "headline"), Some("sub")) => true,
            (Some(last), _) => DEK_WORDS.contains(&last),
            _ => false,
        }
    });
    named
        || attr(e, "itemprop").is_some_and(|p| p.contains("alternativeHeadline"))
        || body::describes_the_article(element)
}

/// The element's text when it is one line of a dek: five to eighty words,
/// not the headline again, not mostly links, not a box of paragraphs, list
/// items or headings, and not a line of metadata (a "subhead" of author,
/// date and category).
fn one_line(element: ElementRef<'_>, title: &str) -> Option<String> {
    let blocks = element.descendent_elements().filter(|d| matches!(d.value().name(), "p" | "li" | "h2" | "h3" | "h4"));
    if blocks.take(2).count() > 1 {
        return None;
    }
    let metadata = element.descendent_elements().any(|d| {
        let names = class_and_id_lowercase(d.value());
        d.value().name() == "time"
            || attr(d.value(), "rel").is_some_and(|r| r.contains("author"))
            || ["author", "byline", "date", "categor"].iter().any(|n| names.contains(n))
    });
    if metadata {
        return None;
    }
    let text = clean_inline(&element.text().collect::<String>());
    let link_chars: usize =
        element.descendent_elements().filter(|d| d.value().name() == "a").flat_map(|a| a.text()).map(str::len).sum();
    let words = text.split_whitespace().count();
    ((5..=80).contains(&words) && link_chars * 2 < text.len() && title::normalize(&text) != title).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "<p>The council met on Tuesday evening and voted, after a long debate, to rebuild the bridge.</p>";

    fn summary_of(head: &str, header: &str) -> Option<String> {
        let html = format!(
            "<html><head><title>Bridge to be rebuilt | Gazette</title>{head}</head><body><article>\
             <h1>Bridge to be rebuilt</h1>{header}<div class=\"article-body\">{TEXT}{TEXT}</div></article></body></html>"
        );
        let page = Html::parse_document(&html);
        summary(&page, &Meta::read(&page), &JsonLd::read(&page), "Bridge to be rebuilt")
    }

    #[test]
    fn the_dek_under_the_headline_is_the_summary_without_a_description() {
        let dek = "The town's oldest crossing will close for a year.";
        for header in [
            format!(r#"<p class="standfirst">{dek}</p>"#),
            format!(r#"<div class="article__dek"><p>{dek}</p></div>"#),
            format!(r#"<div class="byline">By Jane Doe</div><h2 class="sub-title">{dek}</h2>"#),
            format!(r#"<p class="c-article-summary">{dek}</p>"#),
            format!(r#"<h2 itemprop="alternativeHeadline">{dek}</h2>"#),
            format!(r#"<div itemprop="description">{dek}</div>"#),
        ] {
            assert_eq!(summary_of("", &header).as_deref(), Some(dek), "{header}");
        }
        // The description meta comes first.
        let meta = r#"<meta name="description" content="A new bridge for the town.">"#;
        let header = format!(r#"<p class="standfirst">{dek}</p>"#);
        assert_eq!(summary_of(meta, &header).as_deref(), Some("A new bridge for the town."));
        // Unmarked paragraphs, a short label, a box of links or a list are no dek.
        assert_eq!(summary_of("", ""), None);
        assert_eq!(summary_of("", r#"<p class="lead">Local news</p>"#), None);
        let links = r#"<div class="summary"><a href="/a">Five more stories about the bridge here</a></div>"#;
        assert_eq!(summary_of("", links), None);
        let list = format!(r#"<ul class="summary"><li>{dek}</li><li>{dek}</li></ul>"#);
        assert_eq!(summary_of("", &list), None);
        let byline =
            r#"<div class="subhead"><span class="author">by <a href="/u/jd">Jane Doe</a> for the Gazette</span></div>"#;
        assert_eq!(summary_of("", byline), None);
    }
}
