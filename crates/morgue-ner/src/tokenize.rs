//! Splits text into word tokens that keep their byte offsets.
//!
//! The tokens follow the Penn Treebank habits of the training data: punctuation
//! is split off words, the possessive `'s` is a token of its own, and
//! abbreviations keep their dots (`U.S.`, `J.D.`, `Mr.`), so that a dot token
//! ends a sentence.

/// One token of a text: its slice and its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Byte offset of the first byte in the text.
    pub start: usize,
    /// Byte offset one past the last byte in the text.
    pub end: usize,
}

const LEADING: &[char] = &['"', '\'', '“', '‘', '(', '[', '{', '«', '—', '–', '¿', '¡', '*', '#', '@'];
const TRAILING: &[char] = &['"', '\'', '”', '’', ')', ']', '}', '»', ',', ';', ':', '!', '?', '…', '—', '–', '*'];
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "prof", "inc",
    "co", "corp", "ltd", "bros", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "vs", "no",
    "mt", "ft", "ave", "messrs", "adm", "maj", "cpl", "pres", "rev", "hon", "univ", "dept", "est", "fig", "approx",
];

/// Splits `text` into tokens, appending them to `out`.
pub fn tokenize_into<'a>(text: &'a str, out: &mut Vec<Token<'a>>) {
    let mut chunk_start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, s, i, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, s, text.len(), out);
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    tokenize_into(text, &mut out);
    out
}

fn push<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Token<'a>>) {
    if start < end {
        out.push(Token { text: &text[start..end], start, end });
    }
}

/// Splits one white-space-free chunk `text[start..end]`.
fn split_chunk<'a>(text: &'a str, mut start: usize, mut end: usize, out: &mut Vec<Token<'a>>) {
    // Leading punctuation, one token each.
    while start < end {
        let Some(c) = text[start..end].chars().next() else { break };
        if !LEADING.contains(&c) {
            break;
        }
        push(text, start, start + c.len_utf8(), out);
        start += c.len_utf8();
    }
    // Trailing punctuation and clitics, collected from the end.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    while start < end {
        let word = &text[start..end];
        let Some(last) = word.chars().next_back() else { break };
        let lower_ends = |suffix: &str| {
            word.len() > suffix.len() && word.is_char_boundary(word.len() - suffix.len()) && {
                let tail = &word[word.len() - suffix.len()..];
                tail.eq_ignore_ascii_case(suffix)
            }
        };
        let cut = if lower_ends("'s") || lower_ends("’s") {
            if lower_ends("'s") { 2 } else { "’s".len() }
        } else if lower_ends("n't") || lower_ends("n’t") {
            if lower_ends("n't") { 3 } else { "n’t".len() }
        } else if TRAILING.contains(&last) {
            last.len_utf8()
        } else if last == '.' {
            if word.len() > 1 && is_abbreviation(word) {
                break;
            }
            1
        } else {
            break;
        };
        tail.push((end - cut, end));
        end -= cut;
    }
    if start < end {
        // Dashes inside a chunk ("Moscow—Kiev") separate words.
        let mut piece = start;
        for (i, c) in text[start..end].char_indices() {
            if c == '—' || c == '–' {
                push(text, piece, start + i, out);
                push(text, start + i, start + i + c.len_utf8(), out);
                piece = start + i + c.len_utf8();
            }
        }
        push(text, piece, end, out);
    }
    for &(s, e) in tail.iter().rev() {
        push(text, s, e, out);
    }
}

/// Whether a word ending in a dot keeps the dot: initials and dotted
/// abbreviations (`U.S.`, `J.D.`, `a.m.`) and common short forms (`Mr.`).
fn is_abbreviation(word: &str) -> bool {
    let core = &word[..word.len() - 1];
    if core.is_empty() {
        return false;
    }
    let dotted = core.split('.').all(|part| {
        let mut chars = part.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
    });
    dotted || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(core))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text).collect()
    }

    #[test]
    fn abbreviations_keep_their_dots_and_sentence_dots_split() {
        assert_eq!(
            words("The U.S. and J.D. Vance met Mr. Lavrov."),
            ["The", "U.S.", "and", "J.D.", "Vance", "met", "Mr.", "Lavrov", "."]
        );
    }

    #[test]
    fn possessives_quotes_and_punctuation_split() {
        assert_eq!(
            words("“Russia’s stance,” Lavrov's aide said (AP)."),
            ["“", "Russia", "’s", "stance", ",", "”", "Lavrov", "'s", "aide", "said", "(", "AP", ")", "."]
        );
        assert_eq!(words("Ben-Gvir don't"), ["Ben-Gvir", "do", "n't"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "Sergey  Lavrov’s visit";
        for t in tokenize(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
}
