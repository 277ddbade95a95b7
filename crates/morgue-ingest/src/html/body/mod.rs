//! The article body: the page as a list of text blocks, the container that
//! holds the article found by scoring, and the clutter around it dropped.
//!
//! The page is walked once into *blocks* (paragraphs, sub-headings, list
//! items, quotes, preformatted text, table cells, and loose text directly in a
//! `<div>`) and *containers* (every other element that holds blocks). Subtrees
//! that never hold article text are skipped on the way: scripts, navigation,
//! forms, hidden elements, and elements whose `class`, `id` or `role` name
//! clutter (share bars, "related" and "most read" lists, newsletter boxes,
//! comments, footers, ads). The paragraphs then vote for their containers, as
//! in Readability: each paragraph of some length gives its parent a score by
//! its length and commas, its grandparent half of it, and further ancestors
//! less; a container's score is discounted by the share of its text that is
//! link text. The best container, widened to its parent when the parent
//! scores as well, and those of its siblings that score close to it, make the
//! body; inside it, link lists, teaser headings and one-line calls to action
//! are dropped.

use std::collections::HashSet;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use self::clutter::{Clutter, is_back_link, is_clutter, names_article_part, weight};
pub(super) use self::lines::opens_teasers;
use self::lines::{
    commas, ends_sentence, invites_to_subscribe, is_furniture_part, is_kicker, is_sign_off, is_site_notice,
    keeps_block, sums_up,
};
use self::pending::{Pending, clean_paragraphs};
use self::words::{INLINE, LEAF_BLOCKS, SKIPPED, TAIL_HEADINGS};
use super::attr;
use crate::extractor::clean_inline;

mod clutter;
mod lines;
mod pending;
mod report;
mod stories;
#[cfg(test)]
mod tests;
mod words;

pub(crate) use lines::is_slide_counter;
pub(crate) use report::scores_report;

/// Nesting deeper than this is not walked (pathological pages; no article
/// text lives 200 elements deep).
const MAX_DEPTH: usize = 200;

/// What kind of text a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A paragraph, or loose text in a `<div>`.
    Paragraph,
    /// A sub-heading.
    Heading,
    /// A list item.
    Item,
    /// A quote or preformatted text.
    Quote,
    /// A table cell.
    Cell,
    /// The page's own headline element.
    Title,
}

/// One block of text of the page.
#[derive(Debug)]
struct Block {
    text: String,
    kind: Kind,
    /// Characters of the text inside links.
    link_chars: usize,
    /// The innermost container holding the block.
    container: usize,
    /// Characters of `text`, spaces included.
    chars: usize,
    /// Characters of `text` that are not spaces, the unit of `link_chars`.
    letters: usize,
    /// Whether the text holds a `<time>` or an author's name marked up as
    /// such: a line of metadata, unless it is a sentence or reads as prose.
    metadata: bool,
    /// Whether the element is marked up as the article's description (`itemprop="description"`).
    description: bool,
}

impl Block {
    /// Whether the block has `min` characters or more, spaces included, and
    /// under one in `n` of them in links (link characters count no spaces,
    /// so a link's share reads a little low, as in the rules before these).
    fn has_text(&self, min: usize, n: usize) -> bool {
        self.chars >= min && self.link_chars * n < self.chars
    }
}

/// An element that holds blocks; counts start at zero.
#[derive(Debug, Default)]
struct Container {
    parent: Option<usize>,
    /// The prior from the tag name and the `class`/`id`/`itemprop` values.
    weight: f32,
    /// Score from the paragraphs below.
    votes: f32,
    /// Characters of text in the blocks below, and of link text among them.
    text_chars: usize,
    link_chars: usize,
    /// Paragraph blocks (of some length) directly or indirectly below.
    paragraphs: u32,
    /// Characters of prose below: paragraphs of some length, mostly not links.
    prose: usize,
    /// Characters of that prose in list items: a box of key points, a list article's entries.
    item_prose: usize,
    /// Headlines (`<h1>` blocks) below: a story's, or a teaser card's.
    titles: usize,
    /// `class` attribute, to compare siblings.
    class: String,
    /// Whether the element is a list (`ol`, `ul`, `dl`) or a quote: part of an article, never all of it.
    is_part: bool,
    /// Whether the element is or lies in a `<header>`, where a story's headline is set.
    in_header: bool,
    /// Whether the element is or lies in a `<blockquote>`: a quoted post, signature and all.
    in_quote: bool,
    /// Whether the element is an `<article>`: a story, maybe one of several on an endless page.
    is_article: bool,
    /// The innermost `<table>` holding the element (or the element itself).
    table: Option<usize>,
    /// For a `<table>`: what it is, judged once its walk is done.
    table_kind: Option<TableKind>,
}

/// What a `<table>`'s text is, measured on its walk.
#[derive(Debug, Default)]
struct TableText {
    /// Characters of the cells' own words, nested tables' too: a menu's
    /// cells are links, and link text is left out.
    cell_words: usize,
    /// The most of them in one cell.
    largest_cell: usize,
    /// Whether the table, or a table nested in it, holds a paragraph of a
    /// story: 250 characters or more, or a cell of 600, a story set straight
    /// in a cell with its paragraphs parted by line breaks.
    holds_story: bool,
}

/// What a `<table>` is, judged once when its walk is done: the one place
/// that tells a table of data from a page laid out in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableKind {
    /// A page's columns: a story's paragraph in a cell (or in a table
    /// nested in one, as old pages nest them) beside a menu's cell. A
    /// story's paragraph is no value, whatever the other cells hold.
    Layout,
    /// Rows of values (results, schedules, prices): the text mostly in
    /// plain cells and spread over them, where a layout table of old pages
    /// holds the story in one cell, beside a menu's.
    Data,
    /// Neither: a box of a few cells, a grid of links, short paragraphs set
    /// in cells.
    Other,
}

impl TableKind {
    /// The kind of a table from its text and the prose below it.
    fn of(text: &TableText, prose: usize) -> Self {
        if text.holds_story {
            Self::Layout
        } else if text.cell_words * 2 >= prose && text.largest_cell * 2 < text.cell_words {
            Self::Data
        } else {
            Self::Other
        }
    }

    /// Whether the table is part of an article, never all of it: like a
    /// list, a table of data holding most of the prose is the article's
    /// entries (a list page's, with the introduction above), and the walk
    /// down to the article stops at it.
    fn is_data(self) -> bool {
        self == Self::Data
    }

    /// Whether a short linked text in the table may be a value (the name of
    /// an app beside its size): the links of a page laid out in a table (a
    /// menu, "Print this story") are no data.
    fn holds_values(self) -> bool {
        self != Self::Layout
    }
}

impl Container {
    fn link_density(&self) -> f32 {
        if self.text_chars == 0 { 0.0 } else { self.link_chars as f32 / self.text_chars as f32 }
    }

    fn score(&self) -> f32 {
        (self.weight + self.votes) * (1.0 - self.link_density())
    }
}

/// The page walked into blocks and containers.
struct Page {
    blocks: Vec<Block>,
    containers: Vec<Container>,
    /// Whether `class`/`id` names (and the `<aside>` tag) can make an element clutter.
    by_names: bool,
    /// Whether figures are read for their captions: a photo gallery's text.
    captions: bool,
    /// Ancestors of elements that name themselves the article: never clutter.
    protected: HashSet<NodeId>,
    /// The text of the tables being walked, outermost first, measured for [`TableKind`].
    open_tables: Vec<TableText>,
    /// The story of the page's headline, when the page sets several (see [`Page::headline_story`]).
    story: Option<usize>,
    /// The block of the page's headline: its first `<h1>`, else the first
    /// block that reads as the headline found from the whole page.
    headline_at: Option<usize>,
    /// The headline found from the whole page, normalized: a header set
    /// with line breaks over the text repeats it.
    headline_key: String,
}

impl Page {
    /// Reads the page; `headline` is the article's title as read from the
    /// whole page (empty when unknown).
    fn read(root: ElementRef<'_>, by_names: bool, captions: bool, headline: &str) -> Self {
        let mut protected = HashSet::new();
        if by_names {
            for el in root.descendent_elements() {
                let e = el.value();
                let named = matches!(e.name(), "article" | "main")
                    || attr(e, "itemprop").is_some_and(|p| p.contains("articleBody"))
                    || names_article_part(e);
                if named {
                    let mut at = Some(el);
                    while let Some(a) = at {
                        if !protected.insert(a.id()) {
                            break;
                        }
                        at = a.parent().and_then(ElementRef::wrap);
                    }
                }
            }
        }
        let mut page = Self {
            blocks: Vec::new(),
            containers: Vec::new(),
            by_names,
            captions,
            protected,
            open_tables: Vec::new(),
            story: None,
            headline_at: None,
            headline_key: crate::html::title::normalize(headline),
        };
        page.containers.push(Container::default());
        page.walk(root, 0, 0, false);
        page.story = page.headline_story(headline);
        page.headline_at = page.blocks.iter().position(|b| b.kind == Kind::Title).or_else(|| {
            let key = &page.headline_key;
            let reads_as = |b: &Block| b.chars <= headline.len() * 2 && crate::html::title::normalize(&b.text) == *key;
            (!key.is_empty()).then(|| page.blocks.iter().position(reads_as)).flatten()
        });
        page
    }

    /// Walks the children of `element`, which belong to `container`.
    fn walk(&mut self, element: ElementRef<'_>, container: usize, depth: usize, in_link: bool) {
        if depth > MAX_DEPTH {
            return;
        }
        let mut pending = Pending::default();
        for child in element.children() {
            match child.value() {
                Node::Text(text) => pending.push(text, in_link),
                Node::Element(_) => {
                    let Some(child) = ElementRef::wrap(child) else { continue };
                    let name = child.value().name();
                    if self.is_clutter(child) {
                        continue;
                    }
                    if INLINE.contains(&name) && !holds_blocks(child) {
                        if name == "br" {
                            pending.line_break();
                        } else {
                            let marks = pending.mark(child);
                            self.inline_text(child, &mut pending, in_link || name == "a", depth + 1);
                            if marks {
                                pending.end_mark();
                            }
                        }
                        continue;
                    }
                    self.flush(&mut pending, container);
                    // The heading of a box of jump links ("In this article"
                    // over the article's sections) goes with its links.
                    if name != "h1" && is_heading(name) && heads_jump_links(child) {
                        continue;
                    }
                    if LEAF_BLOCKS.contains(&name) && (!holds_blocks(child) || is_wrapped_heading(child)) {
                        let mut text = Pending::default();
                        text.description = describes_the_article(child);
                        self.inline_text(child, &mut text, in_link, depth + 1);
                        let kind = match name {
                            "h1" => Kind::Title,
                            "h2" | "h3" | "h4" | "h5" | "h6" | "dt" | "caption" => Kind::Heading,
                            "li" => Kind::Item,
                            "blockquote" | "pre" => Kind::Quote,
                            "td" | "th" => Kind::Cell,
                            _ => Kind::Paragraph,
                        };
                        // A heading linked to its own place on the page (a
                        // "back to contents" link, a permalink) is no teaser.
                        if kind == Kind::Heading && links_within_page(child) {
                            text.link_chars = 0;
                        }
                        self.push_block(&text, kind, container);
                    } else {
                        let index = self.containers.len();
                        self.containers.push(Container {
                            parent: Some(container),
                            weight: weight(child),
                            class: attr(child.value(), "class").unwrap_or_default().to_owned(),
                            is_part: matches!(name, "ol" | "ul" | "dl" | "blockquote"),
                            in_header: name == "header" || self.containers[container].in_header,
                            in_quote: name == "blockquote" || self.containers[container].in_quote,
                            is_article: name == "article",
                            table: if name == "table" { Some(index) } else { self.containers[container].table },
                            ..Container::default()
                        });
                        // A teaser card is a link as a whole: its text counts as link text.
                        let in_link = in_link || name == "a" || is_card(child);
                        if name == "table" {
                            self.open_tables.push(TableText::default());
                        }
                        self.walk(child, index, depth + 1, in_link);
                        if name == "table" {
                            let text = self.open_tables.pop().unwrap_or_default();
                            self.containers[index].table_kind =
                                Some(TableKind::of(&text, self.containers[index].prose));
                        }
                    }
                }
                _ => {}
            }
        }
        self.flush(&mut pending, container);
    }

    fn flush(&mut self, pending: &mut Pending, container: usize) {
        if pending.text.trim().is_empty() {
            *pending = Pending::default();
            return;
        }
        let text = std::mem::take(pending);
        self.push_block(&text, Kind::Paragraph, container);
    }

    fn push_block(&mut self, pending: &Pending, kind: Kind, container: usize) {
        let text = clean_paragraphs(&pending.text, &self.headline_key);
        if text.is_empty() {
            return;
        }
        // Characters with and without spaces, in one pass.
        let (length, chars) =
            text.chars().fold((0, 0), |(all, letters), c| (all + 1, letters + usize::from(!c.is_whitespace())));
        let link_chars = pending.link_chars.min(chars);
        let story = match kind {
            Kind::Paragraph => length >= 250,
            // A story set straight in a cell, its paragraphs parted by line breaks.
            Kind::Cell => length >= 600,
            _ => false,
        };
        for table in &mut self.open_tables {
            if kind == Kind::Cell {
                table.cell_words += chars - link_chars;
                table.largest_cell = table.largest_cell.max(chars - link_chars);
            }
            table.holds_story |= story;
        }
        // Every ancestor counts the text and link text below it.
        let mut at = Some(container);
        while let Some(index) = at {
            let c = &mut self.containers[index];
            c.text_chars += chars;
            c.link_chars += link_chars;
            c.titles += usize::from(kind == Kind::Title);
            at = c.parent;
        }
        // Prose is sentences: a teaser's headline with a link ("... Full article") is not.
        let is_prose = matches!(kind, Kind::Paragraph | Kind::Quote | Kind::Cell | Kind::Item)
            && chars >= 40
            && link_chars * 3 < chars
            && (link_chars == 0 || chars >= 120 || ends_sentence(&text));
        if is_prose {
            let mut at = Some(container);
            let item = usize::from(kind == Kind::Item) * chars;
            while let Some(index) = at {
                let c = &mut self.containers[index];
                c.prose += chars;
                c.item_prose += item;
                at = c.parent;
            }
        }
        // Paragraphs of some length vote for their ancestors.
        let votes = matches!(kind, Kind::Paragraph | Kind::Quote | Kind::Cell) && chars >= 25;
        if votes && link_chars * 2 < chars {
            let score = 1.0 + commas(&text) as f32 + (chars as f32 / 100.0).min(3.0);
            let mut at = Some(container);
            let mut level = 0;
            while let Some(index) = at
                && level < 5
            {
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    n => n as f32 * 3.0,
                };
                let c = &mut self.containers[index];
                c.votes += score / divider;
                c.paragraphs += 1;
                at = c.parent;
                level += 1;
            }
        }
        let metadata = pending.metadata && !pending.reads_as_prose(&text);
        self.blocks.push(Block {
            chars: length,
            letters: chars,
            text,
            kind,
            link_chars,
            container,
            metadata,
            description: pending.description,
        });
    }

    /// The container that holds most of the page's prose: from the page down,
    /// into the child that holds most of what its parent holds, while there
    /// is one.
    fn top(&self) -> usize {
        let by_votes = self.top_by_votes();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); self.containers.len()];
        for (index, c) in self.containers.iter().enumerate() {
            if let Some(parent) = c.parent {
                children[parent].push(index);
            }
        }
        let mut at = 0;
        loop {
            let total = self.containers[at].prose;
            let Some(&child) = children[at].iter().max_by_key(|&&c| self.containers[c].prose) else { break };
            // A list holding most of the prose is the article's steps or
            // points, a quote the text a post quotes, a table of data its
            // entries; the prose around it belongs to the article too.
            if total == 0
                || self.containers[child].prose * 10 < total * 7
                || self.containers[child].is_part
                || self.containers[child].table_kind.is_some_and(TableKind::is_data)
            {
                break;
            }
            at = child;
        }
        if self.containers[at].prose == 0 {
            return by_votes;
        }
        let at = self.in_headline_story(at);
        // The scored container, when it lies inside and holds nearly all of
        // that prose, is the tighter fit.
        if self.is_within(by_votes, at)
            && !self.containers[by_votes].is_part
            && self.containers[by_votes].prose * 10 >= self.containers[at].prose * 9
        {
            return by_votes;
        }
        at
    }

    /// The best container by score (index 0, the page itself, if none scored).
    fn top_by_votes(&self) -> usize {
        let mut best = 0;
        let mut best_score = 0.0;
        for (index, c) in self.containers.iter().enumerate() {
            if c.paragraphs > 0 && c.score() > best_score {
                best = index;
                best_score = c.score();
            }
        }
        // Climb while the parent scores close to the child: the article is
        // often split over several sibling containers.
        let threshold = best_score / 3.0;
        let mut last = best_score;
        let mut at = self.containers[best].parent;
        while let Some(parent) = at {
            let score = self.containers[parent].score();
            if score < threshold {
                break;
            }
            if score > last {
                best = parent;
                break;
            }
            last = score;
            at = self.containers[parent].parent;
        }
        best
    }

    /// Whether container `index` is `ancestor` or lies below it.
    fn is_within(&self, index: usize, ancestor: usize) -> bool {
        self.lineage(index).any(|c| c == ancestor)
    }

    /// Container `index` and its ancestors, innermost first.
    fn lineage(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(index), |&c| self.containers[c].parent)
    }

    /// The blocks of the article, in page order.
    fn article(&self) -> Vec<&Block> {
        let top = self.top();
        let other_story = |index: usize| self.story.is_some_and(|story| self.is_other_story(index, story));
        let top_score = self.containers[top].score();
        let top_class = &self.containers[top].class;
        // Sibling containers that score close to the top one join it.
        let mut chosen = vec![top];
        let parent = self.containers[top].parent;
        if let Some(parent) = parent {
            let threshold = (top_score * 0.2).max(10.0);
            for (index, c) in self.containers.iter().enumerate() {
                if index == top || c.parent != Some(parent) || other_story(index) {
                    continue;
                }
                let bonus = if !top_class.is_empty() && c.class == *top_class { top_score * 0.2 } else { 0.0 };
                let prose = c.prose >= 80 && c.link_density() < 0.25;
                if c.paragraphs > 0 && (c.score() + bonus >= threshold || prose) {
                    chosen.push(index);
                }
            }
        }
        // An article split over the rows of a grid: beside the top
        // container's parent and grandparent, the elements of the same
        // class (the other rows, the other columns) that hold prose. A row
        // under its own sub-heading is a section of the article even when
        // its prose is short.
        let opens_section =
            |index: usize| self.blocks.iter().any(|b| b.kind == Kind::Heading && self.is_within(b.container, index));
        // Page builders number their rows and columns (`et_pb_row_3`,
        // `vc_custom_1670711767250`, `vc_col-sm-8`): classes are compared
        // without the words that hold digits, for rows mostly of prose (a
        // column beside the text may differ from it by its width alone, and
        // holds boxes, figures and a short text or two). Beyond the parent
        // and the grandparent, the climb goes on through wrappers that hold
        // no other prose than the top container's, for numbered rows only:
        // a theme's wrappers that share a plain class (`container`, `row`)
        // also hold the author's box, the comments and the site's pitch.
        let top_prose = self.containers[top].prose;
        let mut at = top;
        for level in 0..8 {
            let Some(up) = self.containers[at].parent else { break };
            let Some(grand) = self.containers[up].parent else { break };
            if level >= 2 && self.containers[up].prose * 10 > top_prose * 11 {
                break;
            }
            let class = &self.containers[up].class;
            if !class.is_empty() {
                for (index, c) in self.containers.iter().enumerate() {
                    if index == up || c.parent != Some(grand) || c.link_density() >= 0.2 || other_story(index) {
                        continue;
                    }
                    let same_class = level < 2 && c.class == *class;
                    let numbered_row =
                        || c.class != *class && c.prose * 2 >= c.text_chars && same_kind(&c.class, class);
                    if c.prose >= 150 && (same_class || numbered_row())
                        || c.prose >= 80 && same_class && opens_section(index)
                    {
                        chosen.push(index);
                    }
                }
            }
            at = up;
        }
        // Which containers are chosen or lie below a chosen one, marked in
        // one pass (a parent comes before its children) rather than by a
        // walk up from each block's container for every chosen container.
        let mut in_chosen = vec![false; self.containers.len()];
        for &c in &chosen {
            in_chosen[c] = true;
        }
        for index in 0..self.containers.len() {
            if let Some(parent) = self.containers[index].parent {
                in_chosen[index] |= in_chosen[parent];
            }
        }
        let in_article = |block: &Block| {
            if in_chosen[block.container] {
                return true;
            }
            // Paragraphs directly beside the top container.
            parent == Some(block.container) && block.kind == Kind::Paragraph && {
                let chars = block.chars;
                let density = block.link_chars as f32 / chars.max(1) as f32;
                (chars > 80 && density < 0.25) || (density == 0.0 && block.text.ends_with(['.', '!', '?', '"']))
            }
        };
        let first = self.blocks.iter().position(&in_article);
        // The standfirst: prose between the headline and the article's first block.
        // Without an `<h1>` on the page, the headline is the last heading
        // a few blocks before the article.
        // The page's first `<h1>` is its headline, wherever it stands.
        let headline = self.blocks.iter().find(|b| b.kind == Kind::Title);
        let no_h1 = headline.is_none();
        let title = first.and_then(|first| {
            self.blocks[..first].iter().rposition(|b| b.kind == Kind::Title).or_else(|| {
                let from = first.saturating_sub(6);
                let heading = self.blocks[from..first].iter().rposition(|b| b.kind == Kind::Heading);
                heading.filter(|_| no_h1).map(|h| from + h)
            })
        });
        let is_lead = |index: usize, block: &Block| {
            title.is_some_and(|t| index > t)
                && first.is_some_and(|f| index < f)
                // A standfirst set as a sub-heading ("deck", "subheadline") is a sentence or two,
                // or at least longer than sub-headings are, or the heading right under the headline.
                && (matches!(block.kind, Kind::Paragraph | Kind::Quote)
                    || block.kind == Kind::Heading
                        && (ends_sentence(&block.text)
                            || block.chars >= 100
                            || title.is_some_and(|t| index == t + 1)))
                // The page's own description of the article may be shorter.
                && (block.chars >= 80 || block.description && block.chars >= 30)
                && block.link_chars * 5 < block.chars
        };
        // A kicker right over the headline ("Politics", "EXCLUSIVE") labels
        // the page's section: no line of the article.
        let kicker = self.headline_at.and_then(|h| h.checked_sub(1)).filter(|&k| is_kicker(&self.blocks[k]));
        let candidates: Vec<&Block> = self
            .blocks
            .iter()
            .enumerate()
            .filter(|&(i, b)| Some(i) != kicker && (is_lead(i, b) || in_article(b)))
            .map(|(_, b)| b)
            .collect();
        let mut kept = Vec::with_capacity(candidates.len());
        for (i, b) in candidates.iter().enumerate() {
            // The reporter's address over the site's copyright notice signs the article off.
            let signs_off = || is_sign_off(&b.text) && candidates.get(i + 1).is_some_and(|n| is_site_notice(n));
            kept.push(
                keeps_block(b, &self.containers) && !signs_off()
                    || is_linked_subheading(&candidates, i)
                    || is_section_title(&candidates, i, &self.containers, headline)
                    || continues_numbering(&candidates, &kept, i),
            );
        }
        let mut blocks: Vec<&Block> = candidates.iter().zip(kept).filter(|&(_, k)| k).map(|(b, _)| *b).collect();
        drop_repeated_runs(&mut blocks);
        self.cut_teasers_and_tail(&mut blocks);
        self.cut_summary_column(&mut blocks);
        // The last lines invite the reader to subscribe, or are the site's
        // copyright notice: not the article.
        for _ in 0..2 {
            if blocks.len() > 1 && blocks.last().is_some_and(|b| invites_to_subscribe(b) || is_site_notice(b)) {
                blocks.pop();
            }
        }
        // Headings with nothing of the article after them introduce clutter.
        while blocks.last().is_some_and(|b| matches!(b.kind, Kind::Heading | Kind::Title)) {
            blocks.pop();
        }
        blocks
    }

    /// Cuts the article at a heading that opens a teaser or comment section,
    /// or at the contact and further-information box of a press release, in
    /// its last 40 %. A box of teasers set inside the story ("Related" over a
    /// few links), after which the story goes on in the element that held its
    /// paragraphs above, is dropped alone.
    fn cut_teasers_and_tail(&self, blocks: &mut Vec<&Block>) {
        let total: usize = blocks.iter().map(|b| b.text.len()).sum();
        let story = |b: &Block| b.kind == Kind::Paragraph && b.has_text(150, 10);
        let mut seen = 0;
        let mut i = 0;
        while let Some(&b) = blocks.get(i) {
            seen += b.text.len();
            if seen * 10 >= total * 6 {
                if b.kind == Kind::Heading && opens_teasers(&b.text) {
                    let boxed = blocks[i..].iter().take_while(|x| self.is_within(x.container, b.container)).count();
                    let resumes = blocks[i + boxed..].iter().any(|after| {
                        story(after)
                            && blocks[..i].iter().any(|before| story(before) && before.container == after.container)
                    });
                    if resumes {
                        blocks.drain(i..i + boxed);
                        continue;
                    }
                    blocks.truncate(i);
                    return;
                }
                if opens_tail(blocks, i) {
                    blocks.truncate(i);
                    return;
                }
            }
            i += 1;
        }
    }

    /// Cuts a box of key points ("What we know", "Key points") that comes
    /// after the article's text: a summary goes before the text it sums up
    /// (a live blog's, between headline and feed); after it, the box is a
    /// column beside it. The box opens with its heading and holds a list.
    fn cut_summary_column(&self, blocks: &mut Vec<&Block>) {
        let Some(at) = blocks.iter().rposition(|b| b.kind == Kind::Heading && sums_up(&b.text)) else { return };
        let summary = blocks[at].container;
        let in_box = |b: &&Block| self.is_within(b.container, summary);
        let (before, after) = blocks.split_at(at);
        if !before.iter().any(in_box)
            && after.len() > 1
            && after[1..].iter().all(|b| in_box(b) && b.kind == Kind::Item)
            && before.iter().any(|b| b.kind == Kind::Paragraph && b.has_text(80, 5))
        {
            blocks.truncate(at);
        }
    }
}

/// Whether two `class` values name the same kind of element: the same
/// words, leaving out those with digits, which number one element of the
/// kind; unless no word is left (`col-12` is a width, not a kind).
fn same_kind(a: &str, b: &str) -> bool {
    fn key(class: &str) -> Vec<&str> {
        let mut words: Vec<&str> =
            class.split_whitespace().filter(|w| !w.bytes().any(|b| b.is_ascii_digit())).collect();
        words.sort_unstable();
        words.dedup();
        words
    }
    a == b || {
        let a = key(a);
        !a.is_empty() && a == key(b)
    }
}

/// Drops the second copy of a run of paragraphs: templates that print the
/// article twice (once for each screen size, or the intro again over a
/// slideshow). Two different long paragraphs in a row repeated verbatim are
/// a copy; one repeated paragraph may be the text's own refrain.
fn drop_repeated_runs(blocks: &mut Vec<&Block>) {
    let long = |b: &Block| b.chars >= 50;
    let mut pairs = HashSet::new();
    let mut repeated = vec![false; blocks.len()];
    for i in 1..blocks.len() {
        let (a, b) = (blocks[i - 1], blocks[i]);
        if long(a) && long(b) && a.text != b.text && !pairs.insert((a.text.as_str(), b.text.as_str())) {
            repeated[i - 1] = true;
            repeated[i] = true;
        }
    }
    let mut repeated = repeated.into_iter();
    blocks.retain(|_| !repeated.next().unwrap_or(false));
}

/// Whether the block at `index` is the label of a press release's tail:
/// "Contact:", "Further information" alone on its line, as a heading or a
/// paragraph, not a link, next to prose (a menu's "Press contact" among
/// other menu entries is not).
fn opens_tail(blocks: &[&Block], index: usize) -> bool {
    let Some(block) = blocks.get(index) else { return false };
    if !matches!(block.kind, Kind::Heading | Kind::Paragraph) || block.link_chars > 0 || block.chars > 40 {
        return false;
    }
    let prose = |b: &&Block| b.chars >= 80;
    if !(index.checked_sub(1).and_then(|i| blocks.get(i)).is_some_and(prose)
        || blocks.get(index + 1).is_some_and(prose))
    {
        return false;
    }
    let lower = block.text.to_lowercase();
    let label = lower.trim().trim_end_matches([':', ' ']);
    TAIL_HEADINGS.contains(&label)
}

/// Whether the block at `index` is an `<h1>` heading a section of the
/// article: documents that give each section its own `<h1>` (HTML5's
/// outline, books, Medium) set it between two of the article's paragraphs,
/// the one below in the same element (or in a quote set in it, or under a
/// sub-heading of the section). The page's headline (its first `<h1>`) is
/// never one, even set under a note; a box's `<h1>` comes under
/// another heading or alone in its element,
/// and the next story's sits in that story's `<header>`.
fn is_section_title(blocks: &[&Block], index: usize, containers: &[Container], headline: Option<&Block>) -> bool {
    let Some(block) = blocks.get(index) else { return false };
    let within = |c: usize| std::iter::successors(Some(c), |&c| containers[c].parent).any(|a| a == block.container);
    let opens_text = |b: &&Block| {
        matches!(b.kind, Kind::Paragraph | Kind::Quote)
            && (b.container == block.container || b.kind == Kind::Quote || containers[b.container].in_quote)
            && within(b.container)
            && b.has_text(25, 5)
    };
    let below = match blocks.get(index + 1) {
        Some(b) if b.kind == Kind::Heading && b.container == block.container => blocks.get(index + 2),
        b => b,
    };
    block.kind == Kind::Title
        && !headline.is_some_and(|h| std::ptr::eq(h, *block))
        && !containers[block.container].in_header
        && block.chars <= 150
        && block.link_chars * 2 < block.chars
        && blocks[..index].iter().any(|b| b.kind == Kind::Paragraph && b.has_text(80, 5))
        && index.checked_sub(1).and_then(|i| blocks.get(i)).is_some_and(|b| {
            matches!(b.kind, Kind::Paragraph | Kind::Item | Kind::Quote | Kind::Cell) && b.has_text(25, 5)
        })
        && below.is_some_and(opens_text)
}

/// Whether the paragraph at `index` is the next numbered point of a list
/// article ("12. <a>This cover of Hallelujah</a>"), after the point
/// numbered one less in the same element was kept: a point may link all
/// its words, while a box of numbered teasers starts at one of its own.
fn continues_numbering(blocks: &[&Block], kept: &[bool], index: usize) -> bool {
    let Some(block) = blocks.get(index) else { return false };
    if block.kind != Kind::Paragraph || block.chars > 300 {
        return false;
    }
    let Some(n) = point_number(&block.text) else { return false };
    blocks[..index]
        .iter()
        .zip(kept)
        .rev()
        .filter(|(b, _)| b.container == block.container && b.kind == Kind::Paragraph)
        .find_map(|(b, &k)| point_number(&b.text).map(|m| k && m + 1 == n))
        .unwrap_or(false)
}

/// The number a point of a list article opens with: "12. ", "12) ".
fn point_number(text: &str) -> Option<u32> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = text.get(digits..)?;
    if digits == 0 || digits > 3 || !(rest.starts_with(". ") || rest.starts_with(") ")) {
        return None;
    }
    text.get(..digits)?.parse().ok()
}

/// Whether the block at `index` is a sub-heading that is a link (the name of
/// a product, a place, a work) between paragraphs of prose, as in a list
/// article; a teaser's linked headline has a short summary under it. The
/// paragraph above may be the entry's own links ("streaming on Netflix,
/// available on Google Play"), as long as they do not make most of it.
fn is_linked_subheading(blocks: &[&Block], index: usize) -> bool {
    let is_prose = |b: &&Block| b.kind == Kind::Paragraph && b.has_text(250, 10);
    let ends_entry = |b: &&Block| b.kind == Kind::Paragraph && b.has_text(80, 2) && ends_sentence(&b.text);
    let Some(block) = blocks.get(index) else { return false };
    block.kind == Kind::Heading
        && block.chars <= 80
        && !opens_teasers(&block.text)
        && index.checked_sub(1).and_then(|i| blocks.get(i)).is_some_and(|b| is_prose(b) || ends_entry(b))
        && blocks.get(index + 1).is_some_and(is_prose)
}

impl Page {
    /// Appends the text of an inline element (or a leaf block) to `pending`.
    fn inline_text(&self, element: ElementRef<'_>, pending: &mut Pending, in_link: bool, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        // Whether a dropped back link's opening bracket ("[<a>↩</a>]") awaits its closing one.
        let mut bracketed = false;
        for child in element.children() {
            match child.value() {
                Node::Text(text) => {
                    let text: &str = text;
                    let text =
                        if std::mem::take(&mut bracketed) { text.strip_prefix(']').unwrap_or(text) } else { text };
                    pending.push(text, in_link);
                }
                Node::Element(e) => {
                    let name = e.name();
                    if name == "br" {
                        pending.line_break();
                        continue;
                    }
                    let Some(child) = ElementRef::wrap(child) else { continue };
                    if self.is_clutter(child)
                        && !(matches!(is_clutter(child), Clutter::ByName) && is_inline_dateline(child))
                    {
                        bracketed = pending.text.ends_with('[') && is_back_link(child);
                        if bracketed {
                            pending.text.pop();
                        }
                        continue;
                    }
                    let marks = pending.mark(child);
                    // Blocks inside an inline element still break words
                    // apart, and so does a footnote's linked marker
                    // ("<sup><a>22</a></sup>Sometimes"); a superscript
                    // alone is part of its word ("m²", "19th").
                    let block = !INLINE.contains(&name)
                        || name == "sup" && child.descendent_elements().any(|d| d.value().name() == "a");
                    if block {
                        pending.text.push(' ');
                    }
                    self.inline_text(child, pending, in_link || name == "a", depth + 1);
                    if block {
                        pending.text.push(' ');
                    }
                    if marks {
                        pending.end_mark();
                    }
                }
                _ => {}
            }
        }
    }

    /// Whether the element and its subtree are clutter, by tag, visibility, role or names.
    fn is_clutter(&self, element: ElementRef<'_>) -> bool {
        if self.captions {
            let name = element.value().name();
            if matches!(name, "figure" | "figcaption") {
                return false;
            }
            // A gallery numbers its captions ("<span>2 of 6</span> Pilots …").
            if INLINE.contains(&name) && is_slide_counter(&element.text().collect::<String>()) {
                return true;
            }
        }
        match is_clutter(element) {
            Clutter::Yes => true,
            Clutter::No => false,
            Clutter::ByName => self.by_names && !self.protected.contains(&element.id()),
            Clutter::Aside => self.by_names,
        }
    }
}

/// Whether an element is a teaser card: a short text (headline, summary)
/// under an empty link to another page that the site's style stretches over
/// the whole card (`<div class="tile"><a href="/story"></a><span>…</span></div>`).
fn is_card(element: ElementRef<'_>) -> bool {
    let empty_link = element.children().filter_map(ElementRef::wrap).any(|child| {
        child.value().name() == "a"
            && child.children().all(|c| c.value().as_text().is_some_and(|t| t.trim().is_empty()))
            && attr(child.value(), "href")
                .is_some_and(|href| !href.starts_with('#') && !href.starts_with("javascript:"))
    });
    if !empty_link {
        return false;
    }
    let mut paragraphs = element.descendent_elements().filter(|d| d.value().name() == "p");
    let (first, second) = (paragraphs.next(), paragraphs.next());
    let (all, paragraph) = (text_chars(element), first.map_or(0, text_chars));
    // A card has a headline beside its one summary; a paragraph of a story
    // alone beside an icon link (a live blog's entry, a short post) is not one.
    all <= 400 && second.is_none() && (paragraph < 80 || all.saturating_sub(paragraph) >= 20)
}

/// Whether an element holds links and they all lead to places on the same page.
fn links_within_page(element: ElementRef<'_>) -> bool {
    let mut links = element.descendent_elements().filter(|d| d.value().name() == "a").peekable();
    links.peek().is_some()
        && links.all(|a| attr(a.value(), "href").is_some_and(|href| href.len() > 1 && href.starts_with('#')))
}

/// Whether a heading stands over a list of links to places on the page (a
/// table of contents), each item (nearly) all its link: a footnote's mark,
/// or a key point that links its first words to its section, leaves words
/// of the item's own. The box ends there; a list of tabs
/// (`role="tablist"`) heads its panels.
fn heads_jump_links(heading: ElementRef<'_>) -> bool {
    // A number before the link ("1. Introduction") is no words of its own.
    let all_link = |e: ElementRef<'_>| {
        let all = text_chars(e);
        let links = e.descendent_elements().filter(|d| d.value().name() == "a").map(text_chars).sum::<usize>();
        all.saturating_sub(links) * 10 <= all.max(30)
    };
    let mut after = heading.next_siblings().filter_map(ElementRef::wrap);
    after.next().is_some_and(|list| {
        let mut items = list.descendent_elements().filter(|d| d.value().name() == "li").peekable();
        matches!(list.value().name(), "ul" | "ol" | "nav")
            && attr(list.value(), "role") != Some("tablist")
            && links_within_page(list)
            && if items.peek().is_some() { items.all(all_link) } else { all_link(list) }
    }) && after.all(|e| text_chars(e) == 0)
}

/// Whether an element has block-level children (so it is walked, not read as one block).
/// A formula's parts (`<mi>`, `<mo>`, `<mtable>`) are not blocks: it reads as one line.
fn holds_blocks(element: ElementRef<'_>) -> bool {
    element.value().name() != "math"
        && element.children().filter_map(ElementRef::wrap).any(|child| {
            let name = child.value().name();
            !INLINE.contains(&name) && !SKIPPED.contains(&name)
        })
}

/// The characters of an element's text, each text node trimmed.
fn text_chars(element: ElementRef<'_>) -> usize {
    element.text().map(|t| t.trim().chars().count()).sum()
}

/// Whether an element's name is a heading's, `<h1>` to `<h6>`.
fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Whether a heading wraps its short text in a block (`<h1><div>Title</div></h1>`):
/// it is still one heading. A long one, or one holding a paragraph of text,
/// is an unclosed heading holding the page.
fn is_wrapped_heading(element: ElementRef<'_>) -> bool {
    is_heading(element.value().name())
        && text_chars(element) <= 300
        && !element
            .descendent_elements()
            .any(|d| matches!(d.value().name(), "p" | "li" | "table") && d.text().any(|t| !t.trim().is_empty()))
}

/// Whether an inline element inside a paragraph is its dateline
/// (`<p><span class="dateline">KOBE –</span> A total of…`): the paragraph's
/// first words, not a line of metadata.
fn is_inline_dateline(element: ElementRef<'_>) -> bool {
    INLINE.contains(&element.value().name())
        && super::naming_tokens(element.value()).any(|token| token.contains("dateline"))
}

/// Whether a leaf element is marked up as the article's own description
/// (`itemprop="description"` outside any item, or in the article's item),
/// not an image's caption or an author's bio in their own items.
pub(crate) fn describes_the_article(element: ElementRef<'_>) -> bool {
    attr(element.value(), "itemprop").is_some_and(|p| p.contains("description"))
        && super::ancestors(element)
            .find(|a| attr(a.value(), "itemscope").is_some())
            .and_then(|a| attr(a.value(), "itemtype"))
            .is_none_or(|t| t.contains("Article") || t.contains("Posting"))
}

/// The article's text as the page gives it.
#[derive(Debug, Default)]
pub(crate) struct Body {
    /// The paragraphs, sub-headings, list items and quotes.
    pub(crate) paragraphs: Vec<String>,
    /// Whether the text starts right below a headline: an `<h1>` that is not
    /// a link (as a site's logo is), a few blocks at most before it. Front
    /// pages put teasers under their logo; articles, their text under their
    /// headline.
    pub(crate) under_headline: bool,
}

impl Page {
    /// Whether a block is a one-line cell of a table of data, whose row
    /// (its container) reads as one line.
    fn is_data_cell(&self, block: &Block) -> bool {
        let in_data_table = self.containers[block.container]
            .table
            .and_then(|t| self.containers[t].table_kind)
            .is_some_and(TableKind::is_data);
        block.kind == Kind::Cell && in_data_table && !block.text.contains('\n')
    }

    /// The body of the article, with how it sits on the page.
    fn body(&self) -> Body {
        let article = self.article();
        let first = article.first().and_then(|f| self.blocks.iter().position(|b| std::ptr::eq(b, *f)));
        let under_headline = first.is_some_and(|first| {
            self.blocks[first.saturating_sub(6)..first]
                .iter()
                .any(|b| b.kind == Kind::Title && b.link_chars == 0 && b.chars >= 15)
        });
        let mut paragraphs: Vec<String> = Vec::new();
        let mut row = None;
        for b in article {
            // A table of data reads a row to a line, its cells parted by bars.
            let in_row = self.is_data_cell(b);
            if in_row
                && row == Some(b.container)
                && let Some(line) = paragraphs.last_mut()
            {
                line.push_str(" | ");
                line.push_str(&b.text);
                continue;
            }
            row = in_row.then_some(b.container);
            let parted = b.text.contains('\n');
            paragraphs
                .extend(b.text.split('\n').filter(|part| !parted || !is_furniture_part(part, b)).map(str::to_owned));
        }
        Body { paragraphs, under_headline }
    }
}

/// Characters of body text under which a page is read again for its
/// figures' captions.
const CAPTIONS_BODY: usize = 100;

/// The article's paragraphs, sub-headings, list items and quotes.
///
/// The page's `<h1>` is left out (it is the headline, read elsewhere).
pub(crate) fn body(root: ElementRef<'_>, headline: &str) -> Body {
    let mut found = Page::read(root, true, false, headline).body();
    let chars = |b: &Body| b.paragraphs.iter().map(|p| p.chars().count()).sum::<usize>();
    // Too little: the names of the page's elements misled the walk (a blog
    // template that calls its post column a "widget", or sets the text in an
    // `<aside>`); walk again without them.
    if chars(&found) < 250 {
        let again = Page::read(root, false, false, headline).body();
        if chars(&again) > chars(&found) {
            found = again;
        }
    }
    // Next to nothing still: a photo gallery, whose text is its captions
    // (an article's captions are no part of its text), in a box its site
    // names a gallery or slideshow, names that say clutter elsewhere.
    if chars(&found) < CAPTIONS_BODY {
        let gallery = Page::read(root, false, true, headline).body();
        if chars(&gallery) > chars(&found) {
            return gallery;
        }
    }
    found
}

/// The paragraphs of a JSON-LD `articleBody`: plain text with a line break
/// between paragraphs, or HTML, sometimes with its tags written as entities.
pub(crate) fn paragraphs_of_text(text: &str) -> Vec<String> {
    let decoded;
    let mut text = text;
    if text.contains("&lt;") {
        decoded = Html::parse_fragment(text).root_element().text().collect::<String>();
        text = &decoded;
    }
    let lower = text.to_ascii_lowercase();
    if ["<p>", "<p ", "<br", "<div", "<h2", "<li"].iter().any(|tag| lower.contains(tag)) {
        let fragment = Html::parse_fragment(text);
        let found = body(fragment.root_element(), "").paragraphs;
        if !found.is_empty() {
            return found;
        }
    }
    text.lines()
        .map(|line| {
            if line.contains('<') {
                clean_inline(&Html::parse_fragment(line).root_element().text().collect::<String>())
            } else {
                clean_inline(line)
            }
        })
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
pub(crate) fn paragraphs(root: ElementRef<'_>) -> Vec<String> {
    body(root, "").paragraphs
}

/// Characters of visible text of the whole page, and of link text among them.
pub(crate) fn page_text(root: ElementRef<'_>) -> (usize, usize) {
    let (mut chars, mut link_chars) = (0, 0);
    // How many links, and how many elements whose text is not shown, are open
    // around the current node: one pass over the tree, not a walk up from each text.
    let (mut links, mut hidden) = (0usize, 0usize);
    for edge in root.traverse() {
        let (node, opens) = match edge {
            Edge::Open(node) => (node, true),
            Edge::Close(node) => (node, false),
        };
        match node.value() {
            Node::Element(e) => {
                let open = match e.name() {
                    "a" => &mut links,
                    "script" | "style" | "noscript" | "template" | "title" | "head" => &mut hidden,
                    _ => continue,
                };
                *open = if opens { *open + 1 } else { open.saturating_sub(1) };
            }
            Node::Text(text) if opens && hidden == 0 => {
                let n = text.chars().filter(|c| !c.is_whitespace()).count();
                chars += n;
                if links > 0 {
                    link_chars += n;
                }
            }
            _ => {}
        }
    }
    (chars, link_chars)
}
