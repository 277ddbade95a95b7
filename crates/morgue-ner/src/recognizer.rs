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
        for (sentence, tags) in words.iter().zip(tags.iter_mut()) {
            self.tag_known_names(sentence, tags);
        }
        document::make_consistent(&words, &mut tags);
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

#[cfg(test)]
mod tests {
    use morgue_model::EntityKind;

    use super::*;
    use crate::table;

    fn names(entities: &[Entity], kind: EntityKind) -> Vec<&str> {
        entities.iter().filter(|e| e.kind == kind).map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn shipped_model_loads_and_tags_a_sentence() {
        let recognizer = Recognizer::shipped();
        let tokens = ["Russian", "Foreign", "Minister", "Sergey", "Lavrov", "met", "officials", "in", "Moscow", "."];
        let mut tags = Vec::new();
        recognizer.tag(&tokens, &mut Scratch::default(), &mut tags);
        let conll: Vec<String> = tags.iter().map(|t| t.to_conll()).collect();
        assert_eq!(conll[3..5], ["B-PER", "I-PER"]);
        assert_eq!(conll[8], "B-LOC");
        assert_eq!(conll[5], "O");
    }

    #[test]
    fn a_surname_resolves_to_the_full_name_and_spellings_to_the_canonical_one() {
        let body = "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Monday.\n\n\
                    Lavrov told reporters that talks with Turkey went well. Sergey Lavrov left later.";
        let entities = Recognizer::shipped().entities(&ArticleText { body, ..ArticleText::default() });
        let lavrov = entities.iter().find(|e| e.name == "Sergey Lavrov").expect("Lavrov found");
        assert_eq!(lavrov.kind, EntityKind::Person);
        assert_eq!(lavrov.mentions, 3);
        assert!(lavrov.surface_forms.iter().any(|s| s == "Lavrov"));
        assert!(lavrov.surface_forms.iter().any(|s| s == "Sergei Lavrov"));
        assert_eq!(names(&entities, EntityKind::Person), ["Sergey Lavrov"]);
    }

    #[test]
    fn abbreviations_and_aliases_of_a_country_are_one_place() {
        let body = "The US said on Friday that U.S. troops would stay. The United States of America \
                    and the USA are the same country, officials in Washington said.";
        let tags = ["US".to_owned()];
        let entities = Recognizer::shipped().entities(&ArticleText { body, tags: &tags, ..ArticleText::default() });
        let places = names(&entities, EntityKind::Place);
        assert!(places.contains(&"United States"), "{places:?}");
        assert!(!places.iter().any(|p| ["US", "U.S.", "USA", "United States of America"].contains(p)), "{places:?}");
        let us = entities.iter().find(|e| e.name == "United States").expect("United States");
        assert!(us.mentions >= 4, "{us:?}");
    }

    #[test]
    fn a_publisher_tag_with_a_title_names_the_person() {
        let body = "Sergey Lavrov spoke in Moscow on Tuesday about the talks.";
        let tags = ["Russian Foreign Minister Sergey Lavrov".to_owned(), "Lavrov".to_owned()];
        let entities = Recognizer::shipped().entities(&ArticleText { body, tags: &tags, ..ArticleText::default() });
        let lavrov = entities.iter().find(|e| e.name == "Sergey Lavrov").expect("Lavrov found");
        assert_eq!(lavrov.mentions, 3);
        assert!(lavrov.surface_forms.iter().any(|s| s == "Russian Foreign Minister Sergey Lavrov"));
        assert!(!entities.iter().any(|e| e.name.contains("Minister")), "{entities:?}");
    }

    #[test]
    fn a_name_keeps_one_type_through_a_document() {
        let conll = "-DOCSTART-\tO\n\nParis\tO\nHilton\tO\narrived\tO\n.\tO\n\n\
                     Paris\tO\nHilton\tO\nsaid\tO\nno\tO\n.\tO\n";
        let mut sentences = vec![vec!["Paris", "Hilton", "arrived", "."], vec!["Paris", "Hilton", "said", "no", "."]];
        let mut tags = vec![
            vec![Tag::begin(Label::Per), Tag::inside(Label::Per), Tag::O, Tag::O],
            vec![Tag::begin(Label::Loc), Tag::inside(Label::Loc), Tag::O, Tag::O, Tag::O],
        ];
        // A third mention the tagger missed is tagged like the others.
        sentences.push(vec!["Then", "Paris", "Hilton", "left", "."]);
        tags.push(vec![Tag::O; 5]);
        tags[1][0] = Tag::begin(Label::Per);
        tags[1][1] = Tag::inside(Label::Per);
        document::make_consistent(&sentences, &mut tags);
        assert_eq!(tags[2][1], Tag::begin(Label::Per));
        assert_eq!(tags[2][2], Tag::inside(Label::Per));
        // The CoNLL path keeps the token sequence intact.
        let out = Recognizer::shipped().tag_conll(conll, true);
        let tokens: Vec<&str> = out.lines().filter(|l| !l.is_empty() && !l.starts_with("-DOCSTART-")).collect();
        assert_eq!(tokens.len(), 9);
        assert!(tokens.iter().all(|l| l.contains('\t')));
    }

    #[test]
    fn a_well_known_bare_surname_is_canonical_across_articles() {
        let text = ArticleText { title: "Lavrov warns NATO over Ukraine", ..ArticleText::default() };
        let entities = Recognizer::shipped().entities(&text);
        assert!(entities.iter().any(|e| e.kind == EntityKind::Person && e.name == "Sergey Lavrov"), "{entities:?}");
        // The article's own full name wins over the table.
        let body = "Andrei Lavrov, a Moscow teacher, spoke on Monday. Lavrov said the school would reopen.";
        let entities = Recognizer::shipped().entities(&ArticleText { body, ..ArticleText::default() });
        let people = names(&entities, EntityKind::Person);
        assert!(people.contains(&"Andrei Lavrov") && !people.contains(&"Sergey Lavrov"), "{people:?}");
    }

    #[test]
    fn a_majority_decides_the_type_of_a_name() {
        let sentences = vec![vec!["Jordan", "spoke"], vec!["Jordan", "smiled"], vec!["Jordan", "left"]];
        let mut tags = vec![
            vec![Tag::begin(Label::Per), Tag::O],
            vec![Tag::begin(Label::Per), Tag::O],
            vec![Tag::begin(Label::Loc), Tag::O],
        ];
        document::make_consistent(&sentences, &mut tags);
        assert!(tags.iter().all(|t| t[0] == Tag::begin(Label::Per)));
    }

    #[test]
    fn the_alias_table_parses_every_line() {
        let lines = table::lines(ALIASES).count();
        let aliases = Aliases::parse(ALIASES);
        assert!(aliases.len() > lines, "every line gives at least its canonical name");
        for line in table::lines(ALIASES) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!((2..=3).contains(&cols.len()), "malformed alias line: {line:?}");
            assert!(EntityKind::ALL.iter().any(|k| k.as_str() == cols[0]), "unknown kind in {line:?}");
        }
        assert_eq!(aliases.lookup("U.S."), Some((EntityKind::Place, "United States")));
        assert_eq!(aliases.lookup("Sergei  Lavrov"), Some((EntityKind::Person, "Sergey Lavrov")));
    }

    #[test]
    fn odd_text_never_panics() {
        let long = "A".repeat(5000);
        let many = "Lavrov . ".repeat(2000);
        let texts = [
            "",
            " ",
            "'",
            "’s",
            "'s 's",
            "...",
            "U.S.",
            "“",
            "—",
            "Ǆ ǅ ǆ",
            "İstanbul İZMİR",
            "Mr.",
            "A.",
            "e\u{301}",
            "🦀 Rust 🦀's",
            "(((",
            "Lavrov's's",
            "the The THE",
            long.as_str(),
            many.as_str(),
            "\n\n\n",
            "a—b–c",
        ];
        for body in texts {
            let tags = [body.to_owned()];
            let captions = [body.to_owned()];
            let text = ArticleText { title: body, summary: body, captions: &captions, body, tags: &tags };
            let _ = Recognizer::shipped().entities(&text);
            let _ = Recognizer::shipped().tag_conll(body, true);
        }
    }

    #[test]
    fn training_is_deterministic() {
        let sentence = |tokens: &[&str], tags: &[Tag]| Sentence {
            tokens: tokens.iter().map(|t| (*t).to_owned()).collect(),
            tags: tags.to_vec(),
        };
        let per = [Tag::begin(Label::Per), Tag::inside(Label::Per), Tag::O];
        let data = vec![
            sentence(&["Anna", "Smith", "spoke"], &per),
            sentence(&["in", "Paris", "today"], &[Tag::O, Tag::begin(Label::Loc), Tag::O]),
        ];
        let options = TrainOptions { epochs: 3, bits: 12, ..TrainOptions::default() };
        let a = Recognizer::train(&data, options).to_bytes();
        let b = Recognizer::train(&data, options).to_bytes();
        assert_eq!(a, b);
        let model = Model::from_bytes(&a).expect("a model reads back");
        let mut tags = Vec::new();
        Recognizer::with_model(model).tag(&["Anna", "Smith", "spoke"], &mut Scratch::default(), &mut tags);
        assert_eq!(tags, per);
    }
}
