//! Text renderings of saved pages ("save as text", text-mode browsers).
//!
//! A rendering keeps every block of the page as lines: site menus and a news
//! ticker before the headline, a bulleted byline block (author, source, date),
//! a reading-time line, the dek, an image with its caption, the body with
//! teaser blocks inside it, a bulleted tag list followed by the coverage series,
//! and trailing lists of other stories ("Most Read", "Read Next") with dates of
//! their own. The extractor anchors on the byline block, the one bullet list
//! that carries an author or a date right under a headline, and reads the
//! article outward from it; it never keys on a site's exact strings.

use crate::dates;
use crate::extractor::{Draft, clean_inline};
use crate::{Error, Result};

/// Headings that open the page's trailing lists of other stories: the body,
/// tags and series end before the first of them.
const TRAILER_HEADINGS: &[&str] = &[
    "most read",
    "most popular",
    "most viewed",
    "read next",
    "trending",
    "trending now",
    "recommended",
    "recommended for you",
    "more stories",
    "more from",
    "you may also like",
    "you might also like",
    "latest news",
    "top stories",
    "coverage",
    "comments",
];

/// Headings of teaser blocks inside the body: the heading and the headlines
/// that follow it are dropped.
const TEASER_HEADINGS: &[&str] = &[
    "related news",
    "related",
    "related articles",
    "related stories",
    "related content",
    "see also",
    "also read",
    "read also",
    "more on this",
];

/// Prefixes of inline links to other stories, dropped with their line.
const LINK_PREFIXES: &[&str] =
    &["read more:", "read next:", "read also:", "also read:", "see also:", "related:", "watch:"];

/// Controls of the page (audio player, share buttons) rendered as a line of their own.
const CONTROL_LINES: &[&str] = &["listen", "share", "print", "save", "comment", "x", "play", "pause"];

/// One line of a rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line<'a> {
    Blank,
    /// A list item: `  • text`.
    Bullet(&'a str),
    /// Any other line, with its indentation in characters.
    Text {
        text: &'a str,
        indent: usize,
    },
}

impl<'a> Line<'a> {
    fn parse(raw: &'a str) -> Self {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Self::Blank;
        }
        for bullet in ['•', '·', '◦', '▪', '‣', '*'] {
            if let Some(rest) = trimmed.strip_prefix(bullet)
                && rest.starts_with(char::is_whitespace)
            {
                return Self::Bullet(rest.trim());
            }
        }
        let indent = raw.len() - raw.trim_start().len();
        Self::Text { text: trimmed, indent }
    }

    fn text(self) -> Option<&'a str> {
        match self {
            Self::Text { text, .. } => Some(text),
            _ => None,
        }
    }
}

/// Extracts the article from a text rendering.
pub(crate) fn extract(text: &str) -> Result<Draft> {
    let lines: Vec<Line<'_>> = text.lines().map(Line::parse).collect();
    let mut draft = Draft { site: site_name(&lines), ..Draft::default() };
    let Some(byline) = find_byline(&lines) else {
        return extract_plain(&lines, draft);
    };
    draft.title = byline.title.to_owned();
    read_byline(&lines[byline.start..byline.end], &mut draft);
    let end = lines[byline.end..]
        .iter()
        .position(|line| line.text().is_some_and(is_trailer_heading))
        .map_or(lines.len(), |p| byline.end + p);
    let body_start = read_front_matter(&lines, byline.end, end, &mut draft);
    let body_end = read_tags_and_series(&lines, body_start, end, &mut draft);
    draft.paragraphs = body_paragraphs(&lines[body_start..body_end]);
    Ok(draft)
}

/// Where the byline block is, and the headline above it.
struct Byline<'a> {
    title: &'a str,
    start: usize,
    end: usize,
}

/// Finds the first bullet run that names an author or a date and stands under
/// a line of text (the headline).
fn find_byline<'a>(lines: &[Line<'a>]) -> Option<Byline<'a>> {
    let mut i = 0;
    while i < lines.len() {
        if !matches!(lines[i], Line::Bullet(_)) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && matches!(lines[i], Line::Bullet(_)) {
            i += 1;
        }
        let items = lines[start..i].iter().filter_map(|line| match line {
            Line::Bullet(item) => Some(*item),
            _ => None,
        });
        let is_byline = items.into_iter().any(|item| author_item(item).is_some() || dates::parse(item).is_some());
        let title = lines[..start].iter().rev().find(|line| **line != Line::Blank);
        if let (true, Some(Line::Text { text, .. })) = (is_byline, title) {
            return Some(Byline { title: text, start, end: i });
        }
    }
    None
}

/// Returns the names after `By ` in a byline item.
fn author_item(item: &str) -> Option<&str> {
    let rest = item.strip_prefix("By ").or_else(|| item.strip_prefix("by "))?;
    let rest = rest.trim();
    (!rest.is_empty()).then_some(rest)
}

/// Reads author, source and dates from the byline items.
fn read_byline(lines: &[Line<'_>], draft: &mut Draft) {
    for line in lines {
        let Line::Bullet(item) = *line else { continue };
        if let Some(names) = author_item(item) {
            draft.authors.extend(split_names(names));
        } else if let Some(source) = strip_label(item, &["source:", "via:"]) {
            draft.source = Some(source.to_owned());
        } else if let Some(updated) = strip_label(item, &["updated:", "updated", "last updated:"]) {
            draft.updated = draft.updated.or_else(|| dates::parse(updated));
        } else if let Some(date) = dates::parse(strip_label(item, &["published:", "published"]).unwrap_or(item)) {
            draft.published = draft.published.or(Some(date));
        }
    }
}

/// Splits `A, B and C` into names.
fn split_names(names: &str) -> Vec<String> {
    names
        .split([',', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Returns `text` after one of `labels` (matched case-insensitively).
fn strip_label<'a>(text: &'a str, labels: &[&str]) -> Option<&'a str> {
    labels.iter().find_map(|label| {
        let head = text.get(..label.len())?;
        head.eq_ignore_ascii_case(label).then(|| text[label.len()..].trim())
    })
}

/// Reads what stands between the byline and the body: the reading time, the
/// dek, controls, and the lead image with its caption. Returns where the body
/// starts.
fn read_front_matter(lines: &[Line<'_>], from: usize, end: usize, draft: &mut Draft) -> usize {
    let mut lede: Option<(usize, &str)> = None;
    let mut i = from;
    while i < end {
        match lines[i] {
            Line::Blank => i += 1,
            Line::Text { text, .. } if reading_minutes(text).is_some() => {
                draft.reading_minutes = reading_minutes(text);
                i += 1;
            }
            Line::Text { text, .. } if is_control(text) => i += 1,
            Line::Bullet(_) => {
                let (captions, next) = read_image_block(lines, i, end);
                draft.image_captions.extend(captions);
                if let Some((_, text)) = lede.take() {
                    draft.summary = Some(text.to_owned());
                }
                return next;
            }
            Line::Text { text, .. } => match lede {
                // A second paragraph before any image: the first one was body.
                Some((at, _)) => return at,
                None => {
                    lede = Some((i, text));
                    i += 1;
                }
            },
        }
    }
    lede.map_or(end, |(at, _)| at)
}

/// Returns the minutes of a `3 Min Read` line.
fn reading_minutes(text: &str) -> Option<u32> {
    let lower = text.to_lowercase();
    let rest = lower
        .strip_suffix("min read")
        .or_else(|| lower.strip_suffix("mins read"))
        .or_else(|| lower.strip_suffix("minute read"))
        .or_else(|| lower.strip_suffix("minutes read"))?;
    rest.trim().parse().ok()
}

fn is_control(text: &str) -> bool {
    CONTROL_LINES.iter().any(|control| text.eq_ignore_ascii_case(control))
}

fn is_trailer_heading(text: &str) -> bool {
    let text = text.trim_end_matches(':');
    TRAILER_HEADINGS.iter().any(|heading| text.eq_ignore_ascii_case(heading))
}

fn is_teaser_heading(text: &str) -> bool {
    let text = text.trim_end_matches(':');
    TEASER_HEADINGS.iter().any(|heading| text.eq_ignore_ascii_case(heading))
}

/// Reads the lead image block: bullet items (icons, alt text) each optionally
/// followed by an indented line with the full caption. Returns the captions and
/// the line after the block.
fn read_image_block(lines: &[Line<'_>], from: usize, end: usize) -> (Vec<String>, usize) {
    let mut captions = Vec::new();
    let mut i = from;
    while i < end {
        let Line::Bullet(alt) = lines[i] else { break };
        i += 1;
        let mut full = Vec::new();
        while i < end {
            match lines[i] {
                Line::Text { text, indent } if indent > 0 => {
                    full.push(text);
                    i += 1;
                }
                _ => break,
            }
        }
        if !full.is_empty() {
            captions.push(full.join(" "));
        } else if alt.split_whitespace().count() > 2 {
            captions.push(alt.to_owned());
        }
    }
    (captions, i)
}

/// Finds the tag list (the last bullet run before `end`, with at most a few
/// lines of series name and description after it), reads tags and series, and
/// returns where the body ends.
fn read_tags_and_series(lines: &[Line<'_>], from: usize, end: usize, draft: &mut Draft) -> usize {
    let mut i = end;
    let mut after_tags = Vec::new();
    while i > from {
        match lines[i - 1] {
            Line::Blank => i -= 1,
            Line::Text { text, .. } if after_tags.len() < 3 => {
                after_tags.push(text);
                i -= 1;
            }
            _ => break,
        }
    }
    let tags_end = i;
    while i > from && matches!(lines[i - 1], Line::Bullet(_)) {
        i -= 1;
    }
    let tags: Vec<&str> = lines[i..tags_end]
        .iter()
        .filter_map(|line| match line {
            Line::Bullet(item) => Some(*item),
            _ => None,
        })
        .collect();
    if tags.is_empty() || !tags.iter().all(|tag| is_label(tag)) {
        return end;
    }
    draft.tags = tags.into_iter().map(str::to_owned).collect();
    // Lines after the tags, top to bottom: the series name (often twice, as a
    // link and as a heading) and its description.
    after_tags.reverse();
    draft.series =
        after_tags.first().filter(|name| is_label(name) && !is_teaser_heading(name)).map(|name| (*name).to_owned());
    i
}

/// Whether `text` reads as a label (tag, series, heading) rather than a sentence.
fn is_label(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=8).contains(&words) && !text.ends_with(['.', '!', '?'])
}

/// Whether `text` reads as a paragraph of prose rather than a headline.
///
/// Prose ends like a sentence and is either long or written with articles,
/// which headline style drops ("Hamas talks led to release: Excl.").
fn is_prose(text: &str) -> bool {
    let ends_like_prose = text.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}', '\'', '\u{2019}', ')', '\u{2026}']);
    let words = text.split_whitespace().count();
    let has_article =
        text.split(|c: char| !c.is_alphabetic()).any(|word| matches!(word, "the" | "a" | "an" | "The" | "A" | "An"));
    ends_like_prose && (words >= 15 || (words >= 4 && has_article))
}

/// Turns the body lines into paragraphs: blank lines separate paragraphs,
/// bullet items are paragraphs of their own, teaser blocks and links to other
/// stories are dropped.
fn body_paragraphs(lines: &[Line<'_>]) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut in_teasers = false;
    for line in lines {
        let text = match *line {
            Line::Blank => {
                flush(&mut current, &mut paragraphs);
                continue;
            }
            Line::Bullet(item) => {
                flush(&mut current, &mut paragraphs);
                if !in_teasers {
                    paragraphs.push(item.to_owned());
                }
                continue;
            }
            Line::Text { text, .. } => text,
        };
        if is_teaser_heading(text) {
            flush(&mut current, &mut paragraphs);
            in_teasers = true;
            continue;
        }
        if in_teasers {
            if !is_prose(text) {
                continue;
            }
            in_teasers = false;
        }
        let is_link = LINK_PREFIXES
            .iter()
            .any(|prefix| text.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix)));
        if is_link {
            flush(&mut current, &mut paragraphs);
            continue;
        }
        current.push(text);
    }
    flush(&mut current, &mut paragraphs);
    paragraphs
}

fn flush(current: &mut Vec<&str>, paragraphs: &mut Vec<String>) {
    if !current.is_empty() {
        paragraphs.push(clean_inline(&current.join(" ")));
        current.clear();
    }
}

/// The site name: the first line of the rendering, when it is a short label
/// that the page repeats further down (in its footer).
fn site_name(lines: &[Line<'_>]) -> Option<String> {
    let (first_at, first) = lines.iter().enumerate().find_map(|(i, line)| line.text().map(|text| (i, text)))?;
    let repeated = lines[first_at + 1..].iter().any(|line| line.text() == Some(first));
    (repeated && is_label(first)).then(|| first.to_owned())
}

/// Reads a rendering with no byline block: the first line is the headline and
/// the rest is the body.
fn extract_plain(lines: &[Line<'_>], mut draft: Draft) -> Result<Draft> {
    let (title_at, title) = lines
        .iter()
        .enumerate()
        .find_map(|(i, line)| line.text().map(|text| (i, text)))
        .ok_or(Error::NotAnArticle { reason: "no text" })?;
    draft.title = title.to_owned();
    draft.paragraphs = body_paragraphs(&lines[title_at + 1..]);
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_kinds() {
        assert_eq!(Line::parse("   "), Line::Blank);
        assert_eq!(Line::parse("  • By Jane Doe"), Line::Bullet("By Jane Doe"));
        assert_eq!(Line::parse("    Caption"), Line::Text { text: "Caption", indent: 4 });
        assert_eq!(Line::parse("*emphasis*"), Line::Text { text: "*emphasis*", indent: 0 });
    }

    #[test]
    fn reading_time_lines() {
        assert_eq!(reading_minutes("3 Min Read"), Some(3));
        assert_eq!(reading_minutes("12 minute read"), Some(12));
        assert_eq!(reading_minutes("Read more"), None);
    }

    #[test]
    fn authors_split_on_commas_and_and() {
        assert_eq!(split_names("Jane Doe, John Roe and Ann Poe"), ["Jane Doe", "John Roe", "Ann Poe"]);
    }

    #[test]
    fn teasers_after_a_related_heading_are_dropped_until_prose_resumes() {
        let text = "Para one is a long enough sentence to count as prose here.\n\nRelated News\n\n\
                    Some other headline\n\nAnother headline: with a colon in it\n\n\
                    The story goes on with another sentence of prose text.\n\nA sub-heading\n\n\
                    Read more: A link to elsewhere\n\nLast paragraph of the story, as prose should be.";
        let lines: Vec<Line<'_>> = text.lines().map(Line::parse).collect();
        assert_eq!(
            body_paragraphs(&lines),
            [
                "Para one is a long enough sentence to count as prose here.",
                "The story goes on with another sentence of prose text.",
                "A sub-heading",
                "Last paragraph of the story, as prose should be.",
            ]
        );
    }
}
