//! Bylines in the page's text: "By"/"Von" lines, a date then a name,
//! "Posted by" under a post, sign-offs under the last paragraph.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html};

use super::markup::{in_author_clutter, is_author_page};
use super::names::{agency_in, is_an_agency, is_marked_up_name, names, one_person};
use super::words::{COLLECTIVE, EXPLICIT_LABELS, PHOTO_CREDITS, TITLES};
use crate::extractor::clean_inline;
use crate::html::{attr, tagged};

/// A byline that is a newsroom word alone, perhaps after "By"/"Von":
/// "Redaktion", "von Redaktion,", "By Staff".
pub(super) fn newsroom_byline(text: &str) -> Option<String> {
    let text = clean_inline(text);
    let text = text.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = text.to_lowercase();
    let word = ["by ", "von ", "par ", "por "].iter().find_map(|p| lower.strip_prefix(p)).unwrap_or(&lower);
    let start = text.len().checked_sub(word.len())?;
    COLLECTIVE.contains(&word).then(|| text.get(start..).map(str::to_owned)).flatten()
}

pub(super) static BYLINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]oor|[Pp]osted by|[Ww]ritten by:?|[Aa]utor(?:in|en|innen)?(?:\s?:)?|",
        r"[Aa]uthor\s?:|[Aa]uteure?\s?:|[Tt]ext\s?:|[Tt]ext von|[Ee]in(?:e)? (?:Artikel|Beitrag|Kolumne|Gastbeitrag) von|",
        r"[Gg]espeichert von|[Ss]ubmitted by|[Ee]ingestellt von|[Vv]erfasst von|[Gg]eschrieben von|[Vv]on\s?:|[Bb]y\s?:|",
        r"[Ee]scrito por|[Ss]critto da|[Rr]edaktion\s?:|[Ii]nterview(?:ed)? by|[Ww]ords by|[Ss]tory by|[Rr]eported by|",
        r"[Tt]ext by|Автор(?:ы)?\s?:|Текст\s?:)",
        r"(?:\s+(\p{Lu}[\p{L}.'-]+(?:\s+(?:(?:von|van|de|der|den|da|di|du|del|la|le)\s+)?\p{Lu}[\p{L}.'-]+){0,3}",
        r"(?:\s*(?:,|and|und|et|y|&)\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}){0,3}))?",
        r"(?:\s*[,|·•/–(-].*|\s+(?:am|on|le|el|um|at|den|der|\d).*|\s+(?:Fotos?|Photos?|Illustrations?|Bilder|Grafik)\b.*)?\s*$",
    ))
    .expect("a valid byline pattern")
});

/// A date, perhaps a time, then a name: "11.12.2019 - Jane Doe",
/// "04.02.2022 | 13:10 Uhr | Jane Doe".
pub(super) static DATED_BYLINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"^\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?:\s*[|,-]?\s*\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\s*[-|–·]\s*",
        r"(\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){1,3})\s*$",
    ))
    .expect("a valid dated byline pattern")
});

/// "By" and a name with a date after or before it, where the name may be a
/// single word or a user name: "by jdoe42 on August 3, 2019",
/// "06.11.2023 13:30 von Olga".
pub(super) static DATED_USER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"^(?:(?:[Pp]osted )?[Bb]y|[Vv]on)\s+([\p{L}\d_.-]{2,30})\s+(?:on|am)\s+[^\d]{0,12}\d{1,4}\b.{0,20}$|",
        r"^\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?:\s*,?\s*\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\s+(?:[Vv]on|[Bb]y)\s+",
        r"(\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3})\s*$",
    ))
    .expect("a valid dated user byline pattern")
});

/// A date written out, perhaps after a label and with a time, before the
/// byline on the same line: "Posted on December 2, 2026 by Jane Doe",
/// "December 2nd, 2026 by Jane Doe", "Thursday, December 3, 2026 · By Jane
/// Doe", "3. Dezember 2026 von Jane Doe". The byline is the capture.
static DATE_BEFORE_BYLINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"^(?i:(?:posted|published|updated|veröffentlicht|publié|publicado)(?:\s+(?:on|am|le|el))?:?\s+)?",
        r"(?:\p{L}{3,12}\.?,?\s+)?",
        r"(?:(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\p{L}{0,6}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}",
        r"|\d{1,2}(?:st|nd|rd|th|\.)?\s+\p{L}{3,12}\.?,?\s+\d{4}|\d{1,4}[./-]\d{1,2}[./-]\d{2,4})",
        r"(?:,?\s+(?:at\s+|um\s+|à\s+)?\d{1,2}[:.h]\d{2}(?:\s*(?:[ap]\.?m\.?|Uhr))?)?",
        r"\s*[|·•,–—-]?\s*((?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or)\s.*)$",
    ))
    .expect("a valid dated byline pattern")
});

/// A text segment of the page and the element that holds it.
pub(super) struct Segment<'a> {
    /// The text node, trimmed (cleaned only when it may be a byline).
    raw: &'a str,
    parent: Option<ElementRef<'a>>,
    /// Whether a line break precedes it: the text opens a line of its own.
    after_break: bool,
    /// Whether a line break follows it: the text ends its line.
    before_break: bool,
}

/// The page's text segments in document order, from the node `from` on
/// (or from the start), outside scripts and styles, until `max_chars`.
pub(super) fn segments<'a>(document: &'a Html, from: Option<ElementRef<'a>>, max_chars: usize) -> Vec<Segment<'a>> {
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
        let is_break = |s: Option<ego_tree::NodeRef<'a, scraper::Node>>| {
            s.and_then(ElementRef::wrap).is_some_and(|s| s.value().name() == "br")
        };
        let blank = |s: &ego_tree::NodeRef<'a, scraper::Node>| s.value().as_text().is_some_and(|t| t.trim().is_empty());
        let after_break = is_break(node.prev_siblings().find(|s| !blank(s)));
        let before_break = is_break(node.next_siblings().find(|s| !blank(s)));
        out.push(Segment { raw, parent, after_break, before_break });
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
pub(super) fn first_byline(segments: &[Segment<'_>], site: Option<&str>, anywhere: bool) -> Vec<String> {
    for (i, segment) in segments.iter().enumerate() {
        // "---- by Jane Doe", "- Redaktion: Jane Doe", "| By": dashes and bars before the label go.
        let raw = segment.raw.trim_start_matches(['-', '–', '—', '|']).trim_start();
        // Cheap tests first: most segments are prose, not bylines.
        // A date written out may come first ("December 2, 2026 by Jane Doe").
        let opens = raw.starts_with(|c: char| c.is_ascii_digit() || "BbVvPpDdWwAaTtEeGgSsRrIiАТ".contains(c))
            || raw.len() <= 160 && [" by ", " By ", " BY ", " von ", " par ", " por "].iter().any(|w| raw.contains(w));
        if !opens || raw.len() > 480 {
            continue;
        }
        let mut text = clean_inline(raw);
        if text.chars().count() > 120 {
            continue;
        }
        if !BYLINE.is_match(&text)
            && !DATED_USER.is_match(&text)
            && let Some(by) = DATE_BEFORE_BYLINE.captures(&text).and_then(|c| c.get(1))
        {
            text = by.as_str().to_owned();
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
                    linked = next.parent.is_some_and(|p| {
                        p.value().name() == "a" && attr(p.value(), "href").is_some_and(is_author_page)
                    });
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
        // explicit label a line, or the byline be a line of its own ("<p>Von
        // Jane Doe</p>", "<br>Autor: Jane Doe", "<br>By Jane Doe<br>" in a
        // print version's header; not "... nach einer Idee von Jane Doe").
        let labelled_line = segment.after_break
            && (segment.before_break || EXPLICIT_LABELS.iter().any(|l| text.to_lowercase().starts_with(l)));
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

/// The news agency the "By" line below the `<h1>` credits, read in the
/// whole element that line opens ("By <a>Jane Doe</a>, CNN", "By Reuters",
/// "Por Jane Doe | Agencia EFE"), or that a source label names there
/// ("来源：新华社", "Quelle: dpa").
pub(super) fn agency_under_headline(document: &Html) -> Option<String> {
    let h1 = tagged(document, "h1").next()?;
    let segments = segments(document, Some(h1), 500);
    for (i, segment) in segments.iter().enumerate() {
        let Some(rest) = SOURCE_LABELS.iter().find_map(|l| segment.raw.strip_prefix(l)) else { continue };
        let rest = rest.trim_start_matches([':', '：', ' ']);
        let name = if rest.is_empty() { segments.get(i + 1).map_or("", |s| s.raw) } else { rest };
        if is_an_agency(name) {
            return Some(name.to_owned());
        }
    }
    let by = segments.iter().find(|s| {
        ["by ", "por ", "par ", "von "].iter().any(|w| s.raw.get(..w.len()).is_some_and(|o| o.eq_ignore_ascii_case(w)))
            || ["By", "Por", "Par", "Von"].contains(&s.raw)
    })?;
    let text: String = by.parent?.text().take(20).collect();
    agency_in(&text)
}

/// Labels that name a story's source before it, as written.
const SOURCE_LABELS: &[&str] = &["来源", "來源", "출처", "Quelle", "Source", "Fuente", "Fonte"];

/// A byline ("By Jane Doe", "von Anna Müller") in the text just below the
/// `<h1>`, else anywhere on the page outside clutter ("Ein Artikel von
/// Jane Doe | 27.01.2022" above the body, "Autorin: Jane Doe" below it).
pub(super) fn byline_in_text(document: &Html, site: Option<&str>) -> Vec<String> {
    if let Some(h1) = tagged(document, "h1").next() {
        let found = first_byline(&segments(document, Some(h1), 500), site, false);
        if !found.is_empty() {
            return found;
        }
    }
    let all = segments(document, None, 200_000);
    let found = first_byline(&all, site, true);
    if !found.is_empty() {
        return found;
    }
    let found = reporters_credited(&all, site);
    if !found.is_empty() {
        return found;
    }
    sign_off(document, site)
}

/// The reporters a wire story's credit line names, where it opens its
/// element: "(Reporting by Jane Doe in London and John Roe; Additional
/// reporting by Jim Poe; Editing by Ann Lee)" gives Jane Doe, John Roe and
/// Jim Poe, never the editors.
fn reporters_credited(segments: &[Segment<'_>], site: Option<&str>) -> Vec<String> {
    for segment in segments {
        let raw = segment.raw.trim_start_matches('(');
        if !raw.get(..9).is_some_and(|w| w.eq_ignore_ascii_case("reporting"))
            && !raw.get(..20).is_some_and(|w| w.eq_ignore_ascii_case("additional reporting"))
        {
            continue;
        }
        let Some(parent) = segment.parent else { continue };
        if in_author_clutter(parent) || parent.text().map(str::trim).find(|t| !t.is_empty()) != Some(segment.raw) {
            continue;
        }
        let text = clean_inline(&parent.text().take(30).collect::<String>());
        let mut found = Vec::new();
        for clause in text.trim_matches(['(', ')', ' ']).split(';') {
            let clause = clause.trim();
            let lower = clause.to_lowercase();
            let Some(by) = ["reporting by ", "additional reporting by ", "writing by "]
                .iter()
                .find_map(|label| lower.starts_with(label).then(|| clause.get(label.len()..)).flatten())
            else {
                continue;
            };
            // "Jane Doe in London and John Roe in Santiago": the places go.
            for name in names(&REPORTED_FROM.replace_all(by, ""), site, true) {
                if !found.contains(&name) {
                    found.push(name);
                }
            }
        }
        return found;
    }
    Vec::new()
}

/// The place a reporter files from in a credit line: " in London", " in New York".
static REPORTED_FROM: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\s+in\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)*").expect("a valid place pattern")
});

/// The author's name signed under the text: the last paragraph of a
/// container, in bold or italics, a person's name alone, after prose
/// (`<p>…</p><p><b><i>Jane Doe</i></b></p>`).
pub(super) fn sign_off(document: &Html, site: Option<&str>) -> Vec<String> {
    for p in tagged(document, "p") {
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
        let right = attr(p.value(), "align").is_some_and(|a| a.eq_ignore_ascii_case("right"))
            || attr(p.value(), "style").is_some_and(|s| s.replace(' ', "").contains("text-align:right"));
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

/// The photographer a photo gallery credits ("Photos by Jane Doe",
/// "Photographs by Jane Doe" opening its element), where the page is a
/// gallery: three pictures or more, and more text in their captions than in
/// paragraphs of its own. The pictures are the story, and their maker its author.
pub(super) fn gallery_photographer(document: &Html, site: Option<&str>) -> Vec<String> {
    // Most pages are no gallery: count the pictures before reading any text.
    // Figures open as the walk goes: a paragraph in one is its caption's, and
    // no paragraph walks up to ask.
    let (mut pictures, mut captions, mut prose, mut open_figures) = (0, 0, 0, 0usize);
    for edge in document.root_element().traverse() {
        let (node, opens) = match edge {
            Edge::Open(node) => (node, true),
            Edge::Close(node) => (node, false),
        };
        let Some(el) = ElementRef::wrap(node) else { continue };
        match (el.value().name(), opens) {
            ("figure", true) => {
                pictures += 1;
                open_figures += 1;
            }
            ("figure", false) => open_figures -= 1,
            ("figcaption", true) => captions += el.text().map(str::len).sum::<usize>(),
            ("p", true) if open_figures == 0 => prose += el.text().map(str::len).sum::<usize>(),
            _ => {}
        }
    }
    if pictures < 3 || captions <= prose {
        return Vec::new();
    }
    let credit = segments(document, None, 200_000).into_iter().find_map(|segment| {
        let lower = segment.raw[..segment.raw.floor_char_boundary(20)].to_lowercase();
        let label = PHOTO_CREDITS.iter().find(|l| lower.strip_prefix(**l).is_some_and(|r| r.starts_with(' ')))?;
        let parent = segment.parent?;
        let opens = parent.text().map(str::trim).find(|t| !t.is_empty()) == Some(segment.raw);
        let text = clean_inline(&parent.text().take(10).collect::<String>());
        (opens && text.chars().count() <= 80 && !in_author_clutter(parent))
            .then(|| text.get(label.len() + 1..).map(str::to_owned))
            .flatten()
    });
    credit.and_then(|text| one_person(&text, site)).unwrap_or_default()
}
