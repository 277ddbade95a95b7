//! The publisher's tags of an article: `article:tag`, JSON-LD keywords,
//! keyword meta tags, else the links the page marks or lists as the post's
//! tags (`linked.rs`); decoded, without a CMS's internal flags, once each.

mod linked;

use scraper::Html;

use self::linked::linked_tags;
use super::meta::{JsonLd, Meta};
use super::title;
use crate::extractor::clean_inline;

/// At most this many tags are kept.
const MAX_TAGS: usize = 30;

/// The article's tags, from the first source that names any.
pub(super) fn tags(document: &Html, meta: &Meta, ld: &JsonLd) -> Vec<String> {
    let mut tags = meta.all("article:tag");
    if tags.is_empty() {
        tags = ld.keywords.clone();
    }
    if tags.is_empty()
        && let Some(keywords) = meta.first(&["news_keywords", "keywords"])
    {
        tags = keywords.split([',', ';']).map(|k| k.trim().to_owned()).filter(|k| !k.is_empty()).collect();
    }
    if tags.is_empty() {
        tags = linked_tags(document);
    }
    let mut seen = std::collections::HashSet::new();
    let mut tags: Vec<String> =
        tags.iter().filter_map(|t| publisher_tag(t)).filter(|t| seen.insert(t.to_lowercase())).collect();
    tags.truncate(MAX_TAGS);
    tags
}

/// A publisher's tag as readers see it: entities decoded (twice escaped at
/// times), a tag's own prefix taken off (`Tag:Nodejs`, `subject:Local news`),
/// and the internal flags some CMSs mix into their keywords left out: a
/// flag's value is a switch or a number (`Lite:true`, `LayerCake:0`,
/// `LockedPostSource:LOCKED_POST_SOURCE_NONE`), or both its sides are
/// lower-case slugs (`type:story`, `ivw:homepage`). "Ukraine:War" stays.
fn publisher_tag(raw: &str) -> Option<String> {
    let once = title::unescape(raw);
    let tag = clean_inline(&if once.contains('&') { title::unescape(&once) } else { once });
    let tag = match tag.split_once(':') {
        Some((key, value)) if !key.contains(' ') => {
            let value = value.trim();
            let slug = |s: &str| {
                !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_:".contains(c))
            };
            let switch = ["true", "false", "yes", "no", "on", "off"].iter().any(|w| value.eq_ignore_ascii_case(w))
                || value.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-')
                || value.contains('_') && !value.chars().any(char::is_lowercase);
            if ["tag", "tags", "topic", "keyword", "category", "subject"].iter().any(|k| key.eq_ignore_ascii_case(k)) {
                value.to_owned()
            } else if switch || key.is_empty() || slug(key) && slug(value) {
                return None;
            } else {
                tag
            }
        }
        _ => tag,
    };
    (!tag.is_empty() && !is_null_word(&tag)).then_some(tag)
}

/// Whether a value is a program's word for nothing (`nil`, `null`, `undefined`).
pub(super) fn is_null_word(value: &str) -> bool {
    ["nil", "null", "undefined", "none", "n/a"].iter().any(|w| value.trim().eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use crate::html::extract;

    const PROSE: &str = "The council met on Tuesday evening and voted, after a long debate, to rebuild the old bridge.";

    #[test]
    fn tags_are_decoded_and_a_cms_s_internal_flags_left_out() {
        let tags = |keywords: &str| {
            let page = format!(
                r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","keywords":{keywords},
                "articleSection":"nil"}}</script></head><body><h1>Bridge to be rebuilt</h1><p>{PROSE}</p>
                <p>{PROSE}</p><p>{PROSE}</p></body></html>"#
            );
            let draft = extract(&page).expect("an article");
            assert_eq!(draft.section, None);
            draft.tags
        };
        assert_eq!(
            tags(r#"["Lite:true","Tag:Nodejs","Tag:Web Hosting","type:story","Finance &amp;amp; Markets","nodejs"]"#),
            ["Nodejs", "Web Hosting", "Finance & Markets"]
        );
        assert_eq!(
            tags(r#""Politics, Election 2024: Results, COVID-19: the first year, ://about:blank, null""#),
            ["Politics", "Election 2024: Results", "COVID-19: the first year"]
        );
        assert_eq!(
            tags(r#""COVID-19:Update, Ukraine:War, 5:2 diet, ivw:homepage, LockedPostSource:LOCKED_POST_SOURCE_NONE""#),
            ["COVID-19:Update", "Ukraine:War", "5:2 diet"]
        );
    }
}
