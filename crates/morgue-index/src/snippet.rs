//! Highlighted snippets of the body.

use tantivy::snippet::SnippetGenerator;

/// Returns the best fragment of `body` with the query's terms in `<mark>`,
/// HTML-escaped; without a match, the opening of the body.
pub(crate) fn highlight(generator: Option<&SnippetGenerator>, body: &str, max_chars: usize) -> String {
    if let Some(generator) = generator {
        let mut snippet = generator.snippet(body);
        if !snippet.is_empty() {
            snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
            // A fragment may span paragraphs; a snippet is one line of text.
            return snippet.to_html().replace('\n', " ").replace("  ", " ");
        }
    }
    escape_html(opening(body, max_chars))
}

/// Returns at most `max_chars` characters of `text`, cut at a word boundary.
fn opening(text: &str, max_chars: usize) -> &str {
    let Some((cut, _)) = text.char_indices().nth(max_chars) else {
        return text;
    };
    let head = &text[..cut];
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
            '\'' => out.push_str("&#39;"),
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
        assert_eq!(highlight(None, "Tom & Jerry <3 cheese forever", 16), "Tom &amp; Jerry &lt;3");
        assert_eq!(highlight(None, "short", 16), "short");
    }
}
