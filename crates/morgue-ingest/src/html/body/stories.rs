//! Pages that set several stories, each an `<article>` with an `<h1>` of
//! its own (an endless page's next stories, a live blog's entries, a strip
//! of teaser cards): which one is the article's.

use super::{Kind, Page};
use crate::html::title;

impl Page {
    /// The innermost `<article>` holding the page's headline, when the page
    /// sets several stories, each with an `<h1>` of its own.
    ///
    /// An `<h1>` that reads as the article's `headline` (and is no link, as a
    /// teaser card's is) heads the story when its `<article>` holds a story's
    /// worth of prose, however long the next story of an endless page below
    /// it. Otherwise the first `<h1>` heads the story when it holds as much
    /// prose as any other: a live blog's entries under the page's header, or
    /// the story below a strip of teaser cards, each with a headline of its
    /// own, are not other stories of an endless page.
    pub(super) fn headline_story(&self, headline: &str) -> Option<usize> {
        /// Characters of prose of a story: a few paragraphs, more than the
        /// standfirst of a live blog's header (and its key points).
        const STORY_PROSE: usize = 300;
        let key = title::normalize(headline);
        let named = self.blocks.iter().find(|b| {
            b.kind == Kind::Title && b.link_chars == 0 && !key.is_empty() && title::normalize(&b.text) == key
        });
        if let Some(story) = named.and_then(|b| self.article_of(b.container))
            && self.story_prose(story) >= STORY_PROSE
        {
            return Some(story);
        }
        let story = self.article_of(self.blocks.iter().find(|b| b.kind == Kind::Title)?.container)?;
        let prose = self.story_prose(story);
        let mut others = (0..self.containers.len()).filter(|&c| self.is_other_story(c, story));
        others.all(|c| self.story_prose(c) <= prose).then_some(story)
    }

    /// Characters of a story's prose outside lists: a live blog's header
    /// may hold a box of key points longer than each entry below it.
    fn story_prose(&self, index: usize) -> usize {
        let c = &self.containers[index];
        c.prose - c.item_prose
    }

    /// The innermost `<article>` holding container `index`.
    fn article_of(&self, index: usize) -> Option<usize> {
        self.lineage(index).find(|&c| self.containers[c].is_article)
    }

    /// Whether container `index` is another story than the headline's
    /// `story`: an `<article>` beside it with a headline of its own, as an
    /// endless page sets the next story below the article.
    pub(super) fn is_other_story(&self, index: usize, story: usize) -> bool {
        let c = &self.containers[index];
        c.is_article && c.titles > 0 && !self.is_within(index, story) && !self.is_within(story, index)
    }

    /// The container to read the article from instead of `at`, the one
    /// holding the page's most prose. An endless page sets the next stories
    /// below the article: the article is the story of the page's headline,
    /// whether the most prose lies around it and the next stories or in
    /// one of them.
    pub(super) fn in_headline_story(&self, at: usize) -> usize {
        let Some(story) = self.story.filter(|&story| story != at) else { return at };
        let holds_other_stories = self.is_within(story, at)
            && (0..self.containers.len())
                .any(|c| self.containers[c].prose > 0 && self.is_within(c, at) && self.is_other_story(c, story));
        let in_other_story = self.lineage(at).any(|c| self.is_other_story(c, story));
        if holds_other_stories || in_other_story { story } else { at }
    }
}
