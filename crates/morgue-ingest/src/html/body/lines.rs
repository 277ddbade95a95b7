//! Which lines of the article are its text: a block is judged by its own
//! words and marks (mostly links, a line of metadata, the page's furniture:
//! slide counters, reading times, credits, calls to action, copyright
//! notices, bylines, datelines), and the tests on a line's text the rest of
//! the body asks too (a sentence's end, a teaser section's heading).

use super::words::{BUY_BUTTONS, CALLS_TO_ACTION, READING_TIME, SUBSCRIBE_WORDS, SUMMARY_HEADINGS, TEASER_HEADINGS};
use super::{Block, Container, Kind, TableKind};

/// Whether a block inside the article is article text: not a run of
/// links, a line of metadata or a line of the page's furniture.
pub(super) fn keeps_block(block: &Block, containers: &[Container]) -> bool {
    if block.letters == 0 || block.kind == Kind::Title {
        return false;
    }
    // A quoted post's signature ("— Jane (@jane) March 3, 2024") is part of the quote.
    let signature = containers[block.container].in_quote && is_post_signature(&block.text);
    !is_link_text(block, containers, signature)
        && !is_metadata_line(block, signature)
        && !is_furniture(block, signature)
}

/// Whether a block is mostly links: a teaser, a link list, a tag list.
fn is_link_text(block: &Block, containers: &[Container], signature: bool) -> bool {
    let chars = block.letters;
    let container = &containers[block.container];
    // A linked point of a list in running text ("<a>Where am I going to put
    // it</a>?" among questions to ask oneself) is part of it, and so is an
    // item with words of its own around its link ("🌟 gero <a>removed the
    // windowtype attribute</a> from dialogs", a press review's "2 December
    // 2019: <a>…</a>"), even in a list of such links: a teaser list's items
    // are links alone.
    let own_point = chars >= 40 && chars - block.link_chars >= 10;
    let linked_point = block.kind == Kind::Item && (container.link_density() <= 0.5 && chars >= 15 || own_point);
    // A short linked value in a table of data (the name of an app beside its
    // size) is data; a table of links is a teaser grid, and the links of a
    // page laid out in a table (a menu, "Print this story") are no data.
    let linked_value = chars <= 60
        && container.table.is_some_and(|table| {
            containers[table].table_kind.is_some_and(TableKind::holds_values) && containers[table].link_density() < 0.5
        });
    // A sentence of the text may link most of its words (a blog's long
    // anchors); a teaser's or a "read more" line's own words are few.
    let linked_sentence = matches!(block.kind, Kind::Paragraph | Kind::Quote)
        && chars - block.link_chars >= 100
        && block.link_chars * 4 <= chars * 3
        && ends_sentence(&block.text);
    // A quoted post (an embedded tweet) links its hashtags, mentions,
    // picture and date: with words of its own, or as its signature, it is
    // the post's text.
    let quoted_post =
        block.kind == Kind::Paragraph && (container.in_quote && chars - block.link_chars >= 15 || signature);
    let mostly_links =
        block.link_chars * 2 > chars && !linked_point && !linked_value && !linked_sentence && !quoted_post;
    // A list item in a container that is mostly links; but an item with
    // words of its own is a point of the text (above a sub-list of links).
    mostly_links || block.kind == Kind::Item && container.link_density() > 0.5 && !own_point
}

/// Whether a block is a line of metadata, marked up as such and not a
/// sentence: "Le Monde | 04.05.2015 à 13h36 • Mis à jour le … | Par Martin
/// Untersinger". A timeline's item, a heading or a table's cell with a date
/// is text (a list's bare time is not).
fn is_metadata_line(block: &Block, signature: bool) -> bool {
    block.metadata
        && !ends_sentence(&block.text)
        && !signature
        && match block.kind {
            Kind::Paragraph => block.letters < 250,
            // "12:23 Uhr", "Updated 15 hrs ago" in a teaser's list.
            Kind::Item => block.letters < 40,
            _ => false,
        }
}

/// Whether a block is a line of the page's furniture: a slide counter, a
/// reading time, a credited caption, or a short call to action, shopping
/// box's line, site notice, byline or dateline.
fn is_furniture(block: &Block, signature: bool) -> bool {
    let chars = block.letters;
    if is_slide_counter(&block.text) || is_reading_time(&block.text) || is_credited_caption(&block.text) {
        return true;
    }
    if chars >= 120 {
        return false;
    }
    let lower = block.text.to_lowercase();
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    // A copyright line is judged by the notice test, which keeps the
    // story's own sentences ("Copyright law changed in 1998 ...").
    CALLS_TO_ACTION.iter().any(|c| lower.starts_with(c))
        || is_site_notice(block)
        || block.kind == Kind::Paragraph && crate::html::author::is_byline(&block.text)
        || matches!(block.kind, Kind::Paragraph | Kind::Item) && is_shop_line(&block.text, lower)
        || !signature && (is_dateline(&block.text, chars) || crate::dates::is_labelled_dates_line(&block.text))
        || is_filing_line(lower)
}

/// Whether a short line (lower case) is a wire service's filing note: "Story
/// filed 07/21/2026 by RNS staff.", "This story was filed by Jane Doe": a
/// credit, not the story's text.
fn is_filing_line(lower: &str) -> bool {
    const OPENINGS: &[&str] =
        &["this story was filed ", "this article was filed ", "story filed ", "article filed ", "report filed "];
    OPENINGS
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()) || rest.contains("by "))
}

/// Whether a short line is a shopping box's, between a list article's
/// entries: a price at a shop ("$549.99 at Amazon", "49,99 € bei Otto"; a
/// price alone may be a value of a table), a star rating ("★★★★☆ 4.5 out of 5") or a buy button
/// ("Buy now at Walmart"). A line that goes on as a sentence is the
/// article's; `lower` is the text in lower case.
fn is_shop_line(text: &str, lower: &str) -> bool {
    const AT_SHOP: &[&str] = &["at ", "from ", "on ", "bei ", "chez ", "en ", "@ "];
    if text.chars().count() > 60 || ends_sentence(text) {
        return false;
    }
    let at_shop = |rest: &str| AT_SHOP.iter().any(|p| rest.starts_with(p));
    if text.starts_with(['★', '☆', '⭐'])
        || BUY_BUTTONS
            .iter()
            .any(|b| lower.strip_prefix(b).is_some_and(|rest| rest.is_empty() || at_shop(rest.trim_start())))
    {
        return true;
    }
    fn number(text: &str) -> &str {
        text.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ','))
    }
    let currency = |c: char| matches!(c, '$' | '£' | '€' | '¥');
    let digit = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
    let after = if let Some(rest) = text.strip_prefix(currency).map(str::trim_start) {
        // "$549.99 at Amazon", "€ 49"
        if !digit(rest) {
            return false;
        }
        number(rest)
    } else if digit(text) {
        // "49,99 € bei Otto"
        let Some(rest) = number(text).trim_start().strip_prefix(currency) else { return false };
        rest
    } else {
        return false;
    };
    at_shop(after.trim_start())
}

/// Whether one of the paragraphs a block's line breaks part (`text<br><br>
/// Share this article<br><br>...`) is page furniture, judged by its text as
/// a paragraph of its own would be.
pub(super) fn is_furniture_part(part: &str, block: &Block) -> bool {
    let part = Block {
        text: part.to_owned(),
        kind: Kind::Paragraph,
        link_chars: 0,
        container: block.container,
        chars: part.chars().count(),
        letters: part.chars().filter(|c| !c.is_whitespace()).count(),
        metadata: false,
        description: false,
    };
    is_furniture(&part, false)
}

/// Whether a line of a header is its date: a dateline, or a labelled date,
/// which may end with "p.m.".
pub(super) fn is_date_line(line: &str) -> bool {
    is_dateline(line, line.chars().filter(|c| !c.is_whitespace()).count()) || crate::dates::opens_with_label(line)
}

/// Whether a short line is a dateline: a date and a few words, not a
/// sentence, or fields of a few words each between bars or dots, one of
/// them a date ("Published 7:22 a.m. PT July 10, 2024 | Updated 11:05 a.m.
/// PT July 10, 2024").
fn is_dateline(text: &str, letters: usize) -> bool {
    let fields = || text.split(['|', '•', '·']);
    let short = if fields().nth(1).is_some() {
        fields().all(|field| field.split_whitespace().count() <= 8)
    } else {
        letters < 80 && text.split_whitespace().count() <= 8
    };
    short && !text.ends_with(['.', '!', '?', '。']) && crate::dates::find_in_text(text, false).is_some()
}

/// Whether a block is a kicker: a label of a word or two for the page's
/// section or the story's kind ("Lokales", "Politics", "EXCLUSIVE"), set
/// over a headline; no sentence, no date, no number.
pub(super) fn is_kicker(block: &Block) -> bool {
    matches!(block.kind, Kind::Paragraph | Kind::Heading)
        && block.chars <= 30
        && block.text.split_whitespace().count() <= 2
        && !ends_sentence(&block.text)
        && !block.text.bytes().any(|b| b.is_ascii_digit())
}

/// Whether a heading opens a section of teasers ("Related", "More from …").
pub(in crate::html) fn opens_teasers(heading: &str) -> bool {
    opens_with(heading, TEASER_HEADINGS)
}

/// Whether a heading of 60 characters at most opens with one of `labels` (lower case).
fn opens_with(heading: &str, labels: &[&str]) -> bool {
    let lower = heading.to_lowercase();
    heading.chars().count() <= 60 && labels.iter().any(|h| lower.starts_with(h))
}

/// Whether a heading heads a box of key points ("What we know", "Key points").
pub(super) fn sums_up(heading: &str) -> bool {
    opens_with(heading, SUMMARY_HEADINGS)
}

/// Whether a block is a short paragraph that invites the reader to a
/// newsletter or a subscription.
pub(super) fn invites_to_subscribe(block: &Block) -> bool {
    if block.kind != Kind::Paragraph || block.chars > 300 {
        return false;
    }
    let lower = block.text.to_lowercase();
    SUBSCRIBE_WORDS.iter().any(|w| lower.contains(w))
}

/// Whether a block is a site's copyright notice, which the page's footer
/// may carry on into the terms of use: "© 2014 Condé Nast. All rights
/// reserved. Use of this site constitutes acceptance of ...". The one
/// judge of copyright lines, at the end of the article and in it.
pub(super) fn is_site_notice(block: &Block) -> bool {
    is_notice(&block.text, block.chars)
}

/// Whether a text of `chars` characters is a site's copyright notice (see [`is_site_notice`]).
pub(super) fn is_notice(text: &str, chars: usize) -> bool {
    if chars > 600 {
        return false;
    }
    let lower = text.to_lowercase();
    // "Copyright holders have until March…" is a sentence of the story.
    let marked = |text: &str| text.starts_with(['©', 'ⓒ']) || text.starts_with("(c)");
    let year = |text: &str| text.starts_with(|c: char| c.is_ascii_digit());
    // A leading "Copyright", read once. The text is trimmed, its spaces
    // single (`clean_inline`); the word is ASCII, so what follows it starts
    // at the same byte in `lower`.
    let named = text.get(..9).is_some_and(|w| w.eq_ignore_ascii_case("copyright")) && {
        let (after, after_lower) = (&text[9..], lower[9..].trim_start());
        // "Copyright © 2024 Example", "Copyright 2024 Example Inc."
        marked(after_lower) || year(after_lower) || {
            // "Copyright: picture alliance", "Copyrights Example", "Copyright by
            // Example Media GmbH", "Copyright Boston Business Journal",
            // "Copyright" alone: no word after it in lower case.
            let end = after.strip_prefix(['s', 'S']).unwrap_or(after).trim_start_matches(':');
            let rest = if end.is_empty() { Some(end) } else { end.strip_prefix(' ') };
            rest.map(|rest| rest.strip_prefix("by ").unwrap_or(rest))
                .is_some_and(|rest| marked(rest) || !rest.split_whitespace().any(|w| w.starts_with(char::is_lowercase)))
        }
    };
    // Korean sites close with "<저작권자 ⓒ 한빛일보, 무단전재 및 재배포 금지>" (the
    // copyright holder's name; reprinting and redistribution forbidden).
    let korean = || {
        let inner = text.trim_start_matches(['<', '‹', '[', '(', '〈', '《', '【', ' ']);
        chars <= 200 && (inner.starts_with("저작권자") || inner.starts_with("무단")) && text.contains("금지")
    };
    let notice = marked(&lower) || named || lower.starts_with("all rights reserved") || korean();
    let reserved = chars <= 300
        && lower.contains("all rights reserved")
        && (lower.contains('©') || lower.contains("(c)") || lower.contains("copyright"));
    notice || reserved
}

/// Whether a short line signs the article off with the reporter's address,
/// alone or after the name ("김민수 기자 minsu@example.com"), as it does
/// over the site's copyright notice; "Reach him at jo@example.com." is a sentence.
pub(super) fn is_sign_off(text: &str) -> bool {
    text.chars().count() <= 80
        && text.split_whitespace().last().is_some_and(|address| {
            address.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
                && !ends_sentence(address)
        })
}

/// Whether a line is the signature of a quoted post, "— Jane Doe (@jane)
/// May 2, 2014": an embedded tweet's source and date, part of the quote,
/// not the article's dateline.
fn is_post_signature(text: &str) -> bool {
    text.starts_with(['—', '–']) && text.contains("(@")
}

/// Whether a short text is a picture's caption ending in its credit, "Lee
/// Elder at the Masters, 1975. | © Augusta National/Getty Images": a
/// caption set as a paragraph. A credit with digits (a year) is a copyright
/// notice, which [`is_site_notice`] weighs; a credit that ends as a sentence
/// ("… the sign ©, then the owner's name.") is the story's.
fn is_credited_caption(text: &str) -> bool {
    text.chars().count() < 300
        && text.rfind('©').is_some_and(|at| {
            let credit = &text[at..];
            at > 0
                && credit.chars().count() <= 60
                && !credit.bytes().any(|b| b.is_ascii_digit())
                && !ends_sentence(credit)
        })
}

/// Whether a text is a gallery's counter: "1 of 8", "3 / 12", "2 von 5".
pub(crate) fn is_slide_counter(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(a), Some(of), Some(b), None) = (words.next(), words.next(), words.next(), words.next()) else {
        return false;
    };
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|c| c.is_ascii_digit());
    number(a)
        && number(b)
        && matches!(of.to_lowercase().as_str(), "of" | "/" | "von" | "de" | "sur" | "di" | "z" | "из")
}

/// Whether a short line gives the time it takes to read the article:
/// "4 min read", "Lesezeit: 2 Minuten".
fn is_reading_time(text: &str) -> bool {
    text.chars().count() <= 60 && {
        let lower = text.to_lowercase();
        READING_TIME.iter().any(|r| lower.contains(r))
    }
}

/// Whether a text ends as a sentence does (quotes and brackets after the stop allowed).
pub(super) fn ends_sentence(text: &str) -> bool {
    let end = text.trim_end_matches(['"', '\'', '”', '’', '»', '«', ')', ']', ' ']);
    end.ends_with(['.', '!', '?', '…', '。', '！', '？', ':', ';'])
}

/// Commas of the text, in the scripts news is written in.
pub(super) fn commas(text: &str) -> usize {
    text.chars().filter(|c| matches!(c, ',' | '，' | '、' | '،' | '；')).count()
}
