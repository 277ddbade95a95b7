//! The recogniser: the shipped model, gazetteer and aliases, and the passes
//! that turn text into entities.

use std::sync::OnceLock;

use morgue_model::{Entity, EntityKind};

use crate::aliases::Aliases;
use crate::conll::{self, Sentence};
use crate::document::{self, ArticleText, Mention};
use crate::gazetteer::Gazetteer;
use crate::model::{Model, Scratch};
use crate::tag::{Label, Tag};
use crate::tokenize::{Token, tokenize_into};
use crate::train::{self, TrainOptions};

const SHIPPED_MODEL: &[u8] = include_bytes!("../model/ner.bin");
const PLACES: &str = include_str!("../data/places.tsv");
const ALIASES: &str = include_str!("../data/aliases.tsv");

/// Sentences longer than this are tagged in pieces.
const MAX_SENTENCE_TOKENS: usize = 150;

/// Finds and names the entities of a text.
#[derive(Debug)]
pub struct Recognizer {
    model: Model,
    gazetteer: Gazetteer,
    aliases: Aliases,
}

impl Recognizer {
    /// The recogniser with the model, place names and aliases compiled into
    /// the binary, loaded on first use.
    ///
    /// # Panics
    ///
    /// If the shipped model file is corrupt, which the crate's tests rule out.
    pub fn shipped() -> &'static Self {
        static SHIPPED: OnceLock<Recognizer> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            let model = Model::from_bytes(SHIPPED_MODEL).expect("the shipped model/ner.bin loads (a test checks it)");
            Self::with_model(model)
        })
    }

    /// A recogniser with `model` and the shipped place names and aliases.
    pub fn with_model(model: Model) -> Self {
        Self { model, gazetteer: Gazetteer::parse(PLACES), aliases: Aliases::parse(ALIASES) }
    }

    /// Trains a model on CoNLL sentences with the shipped place names.
    pub fn train(sentences: &[Sentence], options: TrainOptions) -> Model {
        train::train(sentences, &Gazetteer::parse(PLACES), options)
    }

    /// Tags one sentence of tokens, one tag per token into `out`.
    pub fn tag(&self, tokens: &[&str], scratch: &mut Scratch, out: &mut Vec<Tag>) {
        self.model.tag(tokens, &self.gazetteer, scratch, out);
    }

    /// Tags the tokens of a CoNLL file and returns `token<TAB>tag` lines, a blank
    /// line after each sentence. With `consistent`, each document (from one
    /// `-DOCSTART-` to the next) gets the document-level pass.
    pub fn tag_conll(&self, input: &str, consistent: bool) -> String {
        let mut out = String::with_capacity(input.len());
        let mut scratch = Scratch::default();
        for doc in conll::parse(input) {
            let sentences: Vec<Vec<&str>> =
                doc.sentences.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
            let mut tags: Vec<Vec<Tag>> = Vec::with_capacity(sentences.len());
            for sentence in &sentences {
                let mut t = Vec::new();
                self.tag(sentence, &mut scratch, &mut t);
                tags.push(t);
            }
            if consistent {
                document::make_consistent(&sentences, &mut tags);
            }
            out.push_str("-DOCSTART-\tO\n\n");
            for (sentence, tags) in sentences.iter().zip(&tags) {
                for (token, tag) in sentence.iter().zip(tags) {
                    out.push_str(token);
                    out.push('\t');
                    out.push_str(&tag.to_conll());
                    out.push('\n');
                }
                out.push('\n');
            }
        }
        out
    }

    /// The people, organisations and places of an article, under canonical
    /// names, most mentioned first.
    pub fn entities(&self, text: &ArticleText<'_>) -> Vec<Entity> {
        let mut segments: Vec<&str> = vec![text.title, text.summary];
        segments.extend(text.captions.iter().map(String::as_str));
        segments.extend(text.body.split('\n'));
        let mut sentences: Vec<(&str, Vec<Token<'_>>)> = Vec::new();
        let mut tokens = Vec::new();
        for segment in segments {
            tokens.clear();
            tokenize_into(segment, &mut tokens);
            for sentence in split_sentences(&tokens) {
                sentences.push((segment, sentence.to_vec()));
            }
        }
        let words: Vec<Vec<&str>> = sentences.iter().map(|(_, s)| s.iter().map(|t| t.text).collect()).collect();
        let mut scratch = Scratch::default();
        let mut tags: Vec<Vec<Tag>> = Vec::with_capacity(words.len());
        for sentence in &words {
            let mut t = Vec::new();
            self.tag(sentence, &mut scratch, &mut t);
            tags.push(t);
        }
        document::make_consistent(&words, &mut tags);
        for (sentence, tags) in words.iter().zip(tags.iter_mut()) {
            self.tag_known_names(sentence, tags);
        }
        let mentions: Vec<Mention> = document::spans(&tags)
            .into_iter()
            .map(|span| {
                let (segment, tokens) = &sentences[span.sentence];
                let surface = &segment[tokens[span.start].start..tokens[span.end - 1].end];
                Mention { label: span.label, surface: surface.to_owned() }
            })
            .collect();
        document::entities(&mentions, text.tags, &self.aliases, &self.gazetteer)
    }
}

impl Recognizer {
    /// Tags names of the alias table the tagger missed, where no tag is set.
    fn tag_known_names(&self, sentence: &[&str], tags: &mut [Tag]) {
        let mut i = 0;
        while i < sentence.len() {
            // A known name may cover whole tagged names ("Egyptian [Red Crescent Society]"), never cut one.
            let boundary = |t: Option<&Tag>| t.is_none_or(|t| *t == Tag::O || t.is_begin());
            let starts_name = boundary(tags.get(i)) && sentence[i].chars().next().is_some_and(char::is_uppercase);
            if let Some((len, kind)) = starts_name.then(|| self.aliases.match_at(&sentence[i..])).flatten() {
                let free = boundary(tags.get(i + len));
                if free {
                    let label = match kind {
                        EntityKind::Person => Label::Per,
                        EntityKind::Organization => Label::Org,
                        EntityKind::Place => Label::Loc,
                    };
                    tags[i] = Tag::begin(label);
                    for tag in &mut tags[i + 1..i + len] {
                        *tag = Tag::inside(label);
                    }
                    i += len;
                    continue;
                }
            }
            i += 1;
        }
    }
}

/// Splits a paragraph's tokens into sentences after `.`, `!` and `?` tokens.
fn split_sentences<'t, 'a>(tokens: &'t [Token<'a>]) -> impl Iterator<Item = &'t [Token<'a>]> {
    let mut start = 0;
    let mut pieces = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let end = matches!(t.text, "." | "!" | "?") || i + 1 - start >= MAX_SENTENCE_TOKENS;
        if end {
            pieces.push(&tokens[start..=i]);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        pieces.push(&tokens[start..]);
    }
    pieces.into_iter()
}
