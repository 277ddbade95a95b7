//! A report of how the body of one page is found, for the `body_scores`
//! example: a development aid, kept apart from the extraction it explains.

use std::fmt::Write as _;

use scraper::{ElementRef, Html};

use super::clutter::{Clutter, is_clutter, names_of};
use super::{Container, Page};

/// A report of how the body is found on a page, for the `body_scores`
/// example: the best-scoring containers, the chosen one, the ancestors of the
/// first text node holding `needle` (and whether each is clutter), the element
/// tree a few levels down, large subtrees skipped as clutter, and the blocks
/// of the article. `headline` is the title the page's extraction found.
pub(crate) fn scores_report(text: &str, headline: &str, needle: Option<&str>) -> String {
    let document = Html::parse_document(text);
    let root = document.root_element();
    let page = Page::read(root, true, false, headline);
    let mut out = String::new();
    let mut ranked: Vec<(usize, &Container)> = page.containers.iter().enumerate().collect();
    ranked.sort_by(|a, b| b.1.score().total_cmp(&a.1.score()));
    for (index, c) in ranked.iter().take(8) {
        let first = page
            .blocks
            .iter()
            .find(|b| page.is_within(b.container, *index))
            .map(|b| b.text.chars().take(60).collect::<String>());
        let _ = writeln!(
            out,
            "{index} score {:.1} weight {} votes {:.1} ld {:.2} paras {} prose {} parent {:?} class {:?} first {:?}",
            c.score(),
            c.weight,
            c.votes,
            c.link_density(),
            c.paragraphs,
            c.prose,
            c.parent,
            c.class,
            first
        );
    }
    for (name, index) in [("top", page.top()), ("by votes", page.top_by_votes())] {
        let c = &page.containers[index];
        let _ = writeln!(out, "{name} {index}: prose {} of {} chars, paras {}", c.prose, c.text_chars, c.paragraphs);
    }
    if let Some(needle) = needle {
        let found = root.descendants().find(|node| {
            node.value().as_text().is_some_and(|t| t.contains(needle))
                && !node
                    .ancestors()
                    .filter_map(ElementRef::wrap)
                    .any(|a| matches!(a.value().name(), "head" | "script" | "style" | "title"))
        });
        match found {
            Some(node) => {
                for a in node.ancestors().filter_map(ElementRef::wrap) {
                    let clutter = !matches!(is_clutter(a), Clutter::No);
                    let _ = writeln!(out, "  ^ {} {:?} clutter={clutter}", a.value().name(), names_of(a));
                }
            }
            None => {
                let _ = writeln!(out, "  {needle:?} is in no text node of the page");
            }
        }
    }
    // The element tree a few levels down, iteratively.
    let mut stack: Vec<(ElementRef<'_>, usize)> = vec![(root, 0)];
    while let Some((el, depth)) = stack.pop() {
        if depth > 0 {
            let clutter = !matches!(is_clutter(el), Clutter::No);
            let _ =
                writeln!(out, "{}{} {:?} clutter={clutter}", "  ".repeat(depth - 1), el.value().name(), names_of(el));
        }
        if depth <= 6 {
            let children: Vec<_> = el.children().filter_map(ElementRef::wrap).collect();
            stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
        }
    }
    for el in root.descendent_elements() {
        let chars = el.text().map(str::len).sum::<usize>();
        if chars > 2000 && !matches!(is_clutter(el), Clutter::No) {
            let _ = writeln!(out, "clutter {} {:?} ({chars} chars)", el.value().name(), names_of(el));
        }
    }
    for b in page.article() {
        let _ = writeln!(out, "[{:?} {}] {}", b.kind, b.container, b.text.chars().take(100).collect::<String>());
    }
    out
}
