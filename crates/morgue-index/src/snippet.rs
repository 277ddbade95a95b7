//! Highlighted snippets of the body and the headline.

use tantivy::snippet::SnippetGenerator;

/// Most body fragments per hit.
const MAX_FRAGMENTS: usize = 3;

/// Returns up to three fragments of `body`, one per paragraph with a match,
/// in body order, with the query's terms in `<mark>` and HTML-escaped;
/// without a match, the opening of the body.
pub(crate) fn fragments(generator: Option<&SnippetGenerator>, body: &str, max_chars: usize) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(generator) = generator {
        for paragraph in body.split("\n\n") {
            let mut snippet = generator.snippet(paragraph);
            if snippet.highlighted().is_empty() {
                continue;
            }
            snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
            out.push(snippet.to_html());
            if out.len() == MAX_FRAGMENTS {
                break;
            }
        }
    }
    if out.is_empty() {
        out.push(escape_html(opening(body, max_chars)));
    }
    out
}

/// Returns the whole of `title` with the query's terms in `<mark>`, HTML-escaped.
pub(crate) fn highlight_title(generator: Option<&SnippetGenerator>, title: &str) -> String {
    if let Some(generator) = generator {
        let mut snippet = generator.snippet(title);
        if !snippet.highlighted().is_empty() && snippet.fragment().len() == title.len() {
            snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
            return snippet.to_html();
        }
    }
    escape_html(title)
}

/// Returns at most `max_chars` characters of `text`, cut at a word boundary.
fn opening(text: &str, max_chars: usize) -> &str {
    let Some((cut, _)) = text.char_indices().nth(max_chars) else {
        return text.split("\n\n").next().unwrap_or(text);
    };
    let head = &text[..cut];
    let head = head.split("\n\n").next().unwrap_or(head);
    if head.len() < cut {
        return head;
    }
    head.rfind(char::is_whitespace).map_or(head, |space| &head[..space])
}

/// Escapes the five HTML-special characters.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_cuts_at_a_word_boundary_and_escapes() {
        assert_eq!(fragments(None, "Tom & Jerry <3 cheese forever", 16), ["Tom &amp; Jerry &lt;3"]);
        assert_eq!(fragments(None, "short\n\nsecond paragraph", 100), ["short"]);
        assert_eq!(highlight_title(None, "A <b> title"), "A &lt;b&gt; title");
    }
}
