//! CoNLL files: `token<TAB>...<TAB>tag` lines, blank lines between sentences,
//! `-DOCSTART-` lines between documents.

use crate::tag::Tag;

/// A sentence of a CoNLL file: its tokens and (when the file has them) gold tags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The tokens, first column.
    pub tokens: Vec<String>,
    /// The tags, last column (`O` where a line has a single column or an unknown tag).
    pub tags: Vec<Tag>,
}

/// A document of a CoNLL file: the sentences after one `-DOCSTART-` line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The sentences, in file order.
    pub sentences: Vec<Sentence>,
}

/// Parses a CoNLL file into documents. A file without `-DOCSTART-` is one document.
pub fn parse(text: &str) -> Vec<Document> {
    let mut docs = vec![Document::default()];
    let mut sentence = Sentence::default();
    let flush = |docs: &mut Vec<Document>, sentence: &mut Sentence| {
        if !sentence.tokens.is_empty()
            && let Some(doc) = docs.last_mut()
        {
            doc.sentences.push(std::mem::take(sentence));
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut docs, &mut sentence);
        } else if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut sentence);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(Document::default());
            }
        } else {
            let mut cols = if line.contains('\t') { line.split('\t') } else { line.split(' ') };
            let token = cols.next().unwrap_or_default();
            let tag = cols.next_back().and_then(Tag::parse).unwrap_or(Tag::O);
            sentence.tokens.push(token.to_owned());
            sentence.tags.push(tag);
        }
    }
    flush(&mut docs, &mut sentence);
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_and_sentences_split_on_docstart_and_blank_lines() {
        let docs = parse("-DOCSTART-\tO\n\nSergey\tB-PER\nLavrov\tI-PER\n\nhi\tO\n-DOCSTART-\tO\n\nMoscow\tB-LOC\n");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].tags[1].to_conll(), "I-PER");
        assert_eq!(docs[1].sentences[0].tokens, ["Moscow"]);
    }
}
