//! The text of one block as the walk gathers it: its characters and link
//! words, the dates and author markup in it, and the line breaks that part
//! it into paragraphs, or end the lines of a header set with `<br>`s.

use scraper::ElementRef;

use super::attr;
use super::lines::{ends_sentence, is_date_line, is_notice, is_sign_off};
use crate::extractor::clean_inline;

/// Marks where two line breaks in a row part a block's paragraphs, while it
/// is read (a character no page writes: U+2029, the paragraph separator).
const PARAGRAPH_BREAK: char = '\u{2029}';

/// Marks a single line break in a block's text while it is read (U+2028,
/// the line separator): a space in a paragraph, but the end of a line of
/// a header set with line breaks (headline, byline, dates).
const LINE_BREAK: char = '\u{2028}';

/// Lines a header set with line breaks runs to at most, each of at most
/// [`HEADER_LINE`] characters.
const HEADER_LINES: usize = 6;
const HEADER_LINE: usize = 100;

/// Text being gathered for one block.
#[derive(Default)]
pub(super) struct Pending {
    pub(super) text: String,
    pub(super) link_chars: usize,
    pub(super) metadata: bool,
    /// Where the text after the last date or author's name begins.
    after_mark: usize,
    /// Runs of linked words since then, each where it begins and how many
    /// words: a post's categories are no words of the line's own.
    links_after_mark: Vec<(usize, usize)>,
    /// Whether the author's name being read follows a byline's label ("By", "di", "Posted by").
    labelled: bool,
    /// Where that labelled name ends: a byline when the line goes on as
    /// fields (", pubblicato il …", " on March 3") or stops.
    byline_name_end: Option<usize>,
    pub(super) description: bool,
    /// Whether a `<br>` came last, with nothing but spaces after it.
    after_break: bool,
}

impl Pending {
    pub(super) fn push(&mut self, text: &str, in_link: bool) {
        self.after_break &= text.trim().is_empty();
        let start = self.text.len();
        self.text.push_str(text);
        if in_link {
            self.link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
            let words = text.split_whitespace().count();
            if words > 0 {
                self.links_after_mark.push((start, words));
            }
        }
    }

    /// Reads a `<br>`: two in a row end a paragraph, as pages set text
    /// before `<p>` was in use (`text<br><br>text`). The block stays one for
    /// scoring and the rules on lines; its paragraphs part in the body.
    pub(super) fn line_break(&mut self) {
        self.text.push(if self.after_break { PARAGRAPH_BREAK } else { LINE_BREAK });
        self.after_break = true;
    }

    /// Marks the line as metadata when an element in it is a `<time>` that
    /// gives a date (a recipe's "15 Min" is a duration) or author markup;
    /// says whether it is one.
    pub(super) fn mark(&mut self, element: ElementRef<'_>) -> bool {
        let e = element.value();
        let duration = attr(e, "datetime").is_some_and(|d| d.starts_with('P'))
            || attr(e, "itemprop")
                .is_some_and(|p| ["prepTime", "cookTime", "totalTime", "performTime", "duration"].contains(&p));
        let author = crate::html::author::marks_an_author(element);
        self.labelled = author && !self.metadata && crate::html::author::is_byline_label(&self.text);
        let marks = e.name() == "time" && !duration || author;
        self.metadata |= marks;
        marks
    }

    /// Notes that the text after this point follows the last date or author's name.
    pub(super) fn end_mark(&mut self) {
        self.after_mark = self.text.len();
        self.links_after_mark.clear();
        if std::mem::take(&mut self.labelled) {
            self.byline_name_end = Some(self.text.len());
        }
    }

    /// Whether the line, holding a date or an author's name, is prose that
    /// mentions them ("At the meeting on 3 March the mayor said"), not a
    /// line of metadata ("By Jane Doe · March 3, 2024", "Posted on 3 March
    /// in Politics and Business", "Last updated on March 3, 2024 at 10:00
    /// am"): no byline opening it, nor a date's label right before its date,
    /// no separators between fields, three words or more of its own after
    /// the last date (its time of day with it) or name, and most of its
    /// words, six or more, in lower case, as a sentence's are. "Von Thomas
    /// Mann stammt der Satz …" and "Published in 1922, the novel …" are prose.
    pub(super) fn reads_as_prose(&self, text: &str) -> bool {
        let byline = self.byline_name_end.is_some_and(|end| {
            let after = self.text.get(end..).unwrap_or_default().trim_start();
            after.starts_with([',', '·', '|', '–', '-'])
                || after.starts_with("on ")
                || after.split_whitespace().count() < 3
        });
        if byline || crate::dates::opens_with_label(text) || text.contains(['|', '•', '·']) {
            return false;
        }
        let dated = crate::dates::all_in_dateline(&self.text, false).last().map_or(0, |(at, _)| at.end);
        let from = self.after_mark.max(dated);
        let tail = self.text.get(from..).unwrap_or_default();
        let linked: usize = self.links_after_mark.iter().filter(|&&(at, _)| at >= from).map(|&(_, words)| words).sum();
        if tail.split_whitespace().count().saturating_sub(linked) < 3 {
            return false;
        }
        let (words, lower) = text
            .split_whitespace()
            .filter(|w| w.starts_with(char::is_alphabetic))
            .fold((0, 0), |(words, lower), w| (words + 1, lower + usize::from(w.starts_with(char::is_lowercase))));
        words >= 6 && lower * 2 >= words
    }
}

/// The text of a block with its spaces collapsed, the paragraphs parted by
/// line breaks in it on lines of their own; `headline` is the page's
/// headline, normalized (empty when unknown).
pub(super) fn clean_paragraphs(text: &str, headline: &str) -> String {
    if !text.contains([PARAGRAPH_BREAK, LINE_BREAK]) {
        return clean_inline(text);
    }
    let paragraphs: Vec<String> = text
        .split(PARAGRAPH_BREAK)
        .map(|paragraph| without_header_lines(paragraph, headline))
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n")
}

/// A paragraph's text without the header that opens it, as a print version
/// or an old page sets it, a line to each field over the text
/// (`Headline<br>By Jane Doe<br>Staff Writer<br>Published: March 10, 2026`):
/// its first short lines, a byline and a dateline among them, down to the
/// last one that is either; or the page's headline (`headline`, normalized)
/// among them with a byline or a dateline, down to the last line under it
/// that is no sentence (a deck, a byline, a date: `Published: March 10,
/// 2026<br>Headline<br>Deck`). The headline, authors and dates are read
/// elsewhere. The site's copyright notice closing the paragraph goes too,
/// with the reporter's address over it.
fn without_header_lines(paragraph: &str, headline: &str) -> String {
    let mut lines: Vec<String> = paragraph.split(LINE_BREAK).map(clean_inline).filter(|l| !l.is_empty()).collect();
    // A credit closing a paragraph ("© 2003 Jane Doe") may be the text's
    // own; a notice that reserves the rights, or forbids reprints, is not.
    let notice = |l: &String| is_notice(l, l.chars().count());
    let reserves = |l: &String| l.to_lowercase().contains("all rights reserved") || l.contains("금지");
    if let [.., address, last] = &lines[..]
        && notice(last)
    {
        if is_sign_off(address) {
            lines.truncate(lines.len() - 2);
        } else if reserves(last) {
            lines.pop();
        }
    }
    let short = lines.iter().take(HEADER_LINES).take_while(|l| l.chars().count() <= HEADER_LINE).count();
    let leading = &lines[..short];
    let byline = |l: &String| crate::html::author::is_byline(l);
    let date = |l: &String| is_date_line(l);
    // Dates alone may be the text's own (a list of meetings, a video's
    // facts), and so may a "by" alone (a book's title and authors).
    let header = if leading.iter().any(byline) && leading.iter().any(date) {
        leading.iter().rposition(|l| byline(l) || date(l)).map_or(0, |at| at + 1)
    } else {
        0
    };
    // Lines under the headline that end as a sentence, or go on to the next
    // line (a poem's, after its title), are text.
    let titled = (!headline.is_empty() && leading.iter().any(|l| byline(l) || date(l)))
        .then(|| leading.iter().position(|l| crate::html::title::normalize(l) == headline))
        .flatten()
        .map(|at| {
            let under = leading[at + 1..].iter().take_while(|l| !ends_sentence(l) && !l.ends_with([',', ';']));
            at + 1 + under.count()
        });
    let header = header.max(titled.unwrap_or(0));
    let rest = lines[header..].join(" ");
    // A box of fields ("Datum: …", "Autor: …", "Quelle: …") stays whole, for
    // the rules on lines of metadata to judge.
    if rest.is_empty() || rest.chars().count() > HEADER_LINE || titled.is_some() { rest } else { lines.join(" ") }
}
