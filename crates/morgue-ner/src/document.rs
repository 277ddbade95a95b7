//! Document-level passes: one type per name in a document, bare surnames
//! resolved to the full name, and canonical entities.

use std::collections::HashMap;

use morgue_model::{Entity, EntityKind};

use crate::aliases::{Aliases, normalise};
use crate::gazetteer::Gazetteer;
use crate::tag::{Label, Tag};

/// The parts of an article that name things.
#[derive(Debug, Clone, Copy, Default)]
pub struct ArticleText<'a> {
    /// The headline.
    pub title: &'a str,
    /// The dek or standfirst.
    pub summary: &'a str,
    /// Image captions.
    pub captions: &'a [String],
    /// The body, paragraphs separated by blank lines.
    pub body: &'a str,
    /// Publisher tags: they count as mentions when they name an entity.
    pub tags: &'a [String],
}

/// The longest name (in tokens) propagated to its untagged occurrences.
const MAX_NAME_TOKENS: usize = 6;

/// A tagged run of tokens: sentence, first token, one past the last token, type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) sentence: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) label: Label,
}

/// The entity spans of tagged sentences, in order.
pub(crate) fn spans(tags: &[Vec<Tag>]) -> Vec<Span> {
    let mut out = Vec::new();
    for (s, sentence) in tags.iter().enumerate() {
        let mut open: Option<Span> = None;
        for (i, tag) in sentence.iter().enumerate() {
            let continues =
                !tag.is_begin() && tag.label().is_some() && open.is_some_and(|o| Some(o.label) == tag.label());
            if continues {
                if let Some(o) = open.as_mut() {
                    o.end = i + 1;
                }
                continue;
            }
            out.extend(open.take());
            if let Some(label) = tag.label() {
                open = Some(Span { sentence: s, start: i, end: i + 1, label });
            }
        }
        out.extend(open);
    }
    out
}

fn label_index(label: Label) -> usize {
    match label {
        Label::Per => 0,
        Label::Org => 1,
        Label::Loc => 2,
        Label::Misc => 3,
    }
}

const LABELS: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Misc];

fn is_name_like(tokens: &[&str]) -> bool {
    tokens.first().and_then(|t| t.chars().next()).is_some_and(char::is_uppercase)
        && tokens.last().and_then(|t| t.chars().next()).is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Makes a document's tags consistent: every occurrence of a name gets the
/// type most of its tagged occurrences have, untagged occurrences of a tagged
/// name are tagged, and a bare surname of a person named in full is a person.
pub(crate) fn make_consistent(sentences: &[Vec<&str>], tags: &mut [Vec<Tag>]) {
    for (sentence, tags) in sentences.iter().zip(tags.iter_mut()) {
        split_possessives(sentence, tags);
        trim_leading_function_words(sentence, tags);
        extend_after_titles(sentence, tags);
        retype_after_title_phrases(sentence, tags);
        merge_adjective_into_organisation(tags);
    }
    let found = spans(tags);
    // Votes per name, in order of first sight.
    let mut votes: HashMap<Vec<&str>, ([u32; 4], usize)> = HashMap::new();
    let mut surnames: HashMap<&str, u32> = HashMap::new();
    for (n, span) in found.iter().enumerate() {
        let name = &sentences[span.sentence][span.start..span.end];
        let entry = votes.entry(name.to_vec()).or_insert(([0; 4], n));
        entry.0[label_index(span.label)] += 1;
        if span.label == Label::Per && name.len() >= 2 && is_name_like(name) {
            *surnames.entry(name[name.len() - 1]).or_default() += 1;
        }
    }
    let majority = |name: &[&str]| -> Option<Label> {
        if name.len() == 1 && surnames.contains_key(name[0]) {
            return Some(Label::Per);
        }
        let (counts, _) = votes.get(name)?;
        let best = (0..4).max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))?;
        Some(LABELS[best])
    };
    for span in &found {
        let name = &sentences[span.sentence][span.start..span.end];
        if let Some(label) = majority(name) {
            write_span(&mut tags[span.sentence], span.start, span.end, label);
        }
    }
    // Untagged occurrences of known names, longest first.
    for (s, sentence) in sentences.iter().enumerate() {
        let mut i = 0;
        while i < sentence.len() {
            let mut matched = 0;
            if tags[s][i] == Tag::O {
                for len in (1..=MAX_NAME_TOKENS.min(sentence.len() - i)).rev() {
                    let name = &sentence[i..i + len];
                    if tags[s][i..i + len].iter().any(|t| *t != Tag::O) || !is_name_like(name) {
                        continue;
                    }
                    if i + len < sentence.len() && tags[s][i + len] != Tag::O && !tags[s][i + len].is_begin() {
                        continue;
                    }
                    let known = votes.contains_key(name) || (len == 1 && surnames.contains_key(name[0]));
                    if let (true, Some(label)) = (known, majority(name)) {
                        write_span(&mut tags[s], i, i + len, label);
                        matched = len;
                        break;
                    }
                }
            }
            i += matched.max(1);
        }
    }
}

/// A possessive inside a name ends it: "Moscow 's Ramenskoye Airport" is
/// Moscow, then Ramenskoye Airport.
fn split_possessives(sentence: &[&str], tags: &mut [Tag]) {
    for i in 0..sentence.len() {
        if matches!(sentence[i], "'s" | "’s") && tags[i] != Tag::O && !tags[i].is_begin() {
            let label = tags[i].label();
            tags[i] = Tag::O;
            if let (Some(label), Some(next)) = (label, tags.get_mut(i + 1))
                && next.label() == Some(label)
                && !next.is_begin()
            {
                *next = Tag::begin(label);
            }
        }
    }
}

/// Capitalised words that open sentences but never names.
const FUNCTION_WORDS: &[&str] = &[
    "A",
    "About",
    "According",
    "After",
    "Again",
    "All",
    "Also",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Either",
    "Even",
    "Every",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "If",
    "In",
    "Its",
    "Meanwhile",
    "Neither",
    "Nor",
    "Not",
    "On",
    "Only",
    "Or",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Such",
    "That",
    "The",
    "Their",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Under",
    "Unlike",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Yet",
];

/// Drops a sentence-opening function word the tagger took into a name
/// ("[Neither Hezbollah]" is Hezbollah).
fn trim_leading_function_words(sentence: &[&str], tags: &mut [Tag]) {
    for i in 0..sentence.len() {
        let Some(label) = tags[i].label() else { continue };
        let next_inside = tags.get(i + 1).is_some_and(|t| t.label() == Some(label) && !t.is_begin());
        if tags[i].is_begin() && next_inside && FUNCTION_WORDS.contains(&sentence[i]) {
            tags[i] = Tag::O;
            tags[i + 1] = Tag::begin(label);
        }
    }
}

/// Words that stand before a person's name: "Foreign Minister Sergei Ryabkov".
const TITLES: &[&str] = &[
    "minister",
    "president",
    "secretary",
    "chancellor",
    "premier",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "general",
    "gen.",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "governor",
    "gov.",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "judge",
    "justice",
    "director",
    "chief",
    "chairman",
    "chairwoman",
    "chair",
    "commander",
    "leader",
    "sheikh",
    "emir",
    "ayatollah",
    "pope",
    "cardinal",
    "bishop",
    "rabbi",
    "imam",
    "coach",
    "captain",
    "capt.",
    "col.",
    "colonel",
    "lt.",
    "sergeant",
    "officer",
    "minister-designate",
    "prime",
    "vice",
    "deputy",
    "counselor",
    "adviser",
    "advisor",
    "aide",
    "ceo",
];

/// A person's name cut short by the tagger ("Minister Israel \[Katz\]", where
/// "Israel" looked like a place) takes back the capitalised word between a title
/// and the name.
fn extend_after_titles(sentence: &[&str], tags: &mut [Tag]) {
    for i in 2..sentence.len() {
        if tags[i] != Tag::begin(Label::Per) {
            continue;
        }
        let word = sentence[i - 1];
        let single = tags[i - 1] == Tag::O || (tags[i - 1].is_begin() && tags[i - 1].label() != Some(Label::Per));
        let capitalised = word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase);
        let titled = is_title(sentence[i - 2]);
        if single && capitalised && titled {
            tags[i - 1] = Tag::begin(Label::Per);
            tags[i] = Tag::inside(Label::Per);
        }
    }
}

/// A two- or three-word name right after a job title is a person's:
/// "Under Secretary for Political Affairs [Victoria Nuland]".
fn retype_after_title_phrases(sentence: &[&str], tags: &mut [Tag]) {
    let title_case = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_lowercase() || c == '-')
    };
    let mut i = 0;
    while i < sentence.len() {
        let Some(label) = tags[i].label().filter(|l| *l != Label::Per && tags[i].is_begin()) else {
            i += 1;
            continue;
        };
        let end = (i + 1..sentence.len()).find(|&j| tags[j] != Tag::inside(label)).unwrap_or(sentence.len());
        if (2..=3).contains(&(end - i)) && sentence[i..end].iter().all(|w| title_case(w)) {
            let mut titled = false;
            for k in (i.saturating_sub(6)..i).rev() {
                let w = sentence[k];
                let capitalised = w.chars().next().is_some_and(char::is_uppercase);
                if tags[k] != Tag::O || !(capitalised || w == "for" || w == "of") {
                    break;
                }
                if is_title(w) {
                    titled = true;
                    break;
                }
            }
            if titled {
                write_span(tags, i, end, Label::Per);
            }
        }
        i = end;
    }
}

/// Whether `word` is one of the [`TITLES`], in any case.
fn is_title(word: &str) -> bool {
    TITLES.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// A one-word MISC name right before an organisation is part of its name:
/// "\[Egyptian\] [Red Crescent Society]" is one organisation.
fn merge_adjective_into_organisation(tags: &mut [Tag]) {
    for i in 1..tags.len() {
        if tags[i] == Tag::begin(Label::Org) && tags[i - 1] == Tag::begin(Label::Misc) {
            tags[i - 1] = Tag::begin(Label::Org);
            tags[i] = Tag::inside(Label::Org);
        }
    }
}

fn write_span(tags: &mut [Tag], start: usize, end: usize, label: Label) {
    tags[start] = Tag::begin(label);
    for tag in &mut tags[start + 1..end] {
        *tag = Tag::inside(label);
    }
}

/// One mention in an article: its type and the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    pub(crate) label: Label,
    pub(crate) surface: String,
}

/// Turns an article's mentions (after [`make_consistent`]) and its publisher
/// tags into canonical entities.
pub(crate) fn entities(mentions: &[Mention], tags: &[String], aliases: &Aliases, gazetteer: &Gazetteer) -> Vec<Entity> {
    // Full names of people, for surnames: "Lavrov" -> "Sergey Lavrov".
    let mut full_names: Vec<(String, u32)> = Vec::new();
    for m in mentions.iter().filter(|m| m.label == Label::Per) {
        let name = clean(&m.surface, m.label);
        if name.split(' ').count() >= 2 {
            match full_names.iter_mut().find(|(n, _)| *n == name) {
                Some((_, count)) => *count += 1,
                None => full_names.push((name, 1)),
            }
        }
    }
    let full_name_of = |single: &str| -> Option<String> {
        full_names
            .iter()
            .filter(|(n, _)| n.rsplit(' ').next() == Some(single))
            .max_by_key(|(_, c)| *c)
            .map(|(n, _)| n.clone())
    };
    let mut out = Entities::default();
    for m in mentions {
        let mut name = clean(&m.surface, m.label);
        let mut kind = match m.label {
            Label::Per => Some(EntityKind::Person),
            Label::Org => Some(EntityKind::Organization),
            Label::Loc => Some(EntityKind::Place),
            Label::Misc => None,
        };
        if !name.contains(' ') {
            if let Some(full) = full_name_of(&name) {
                name = full;
                kind = Some(EntityKind::Person);
            } else if kind == Some(EntityKind::Person) && gazetteer.contains(&[name.as_str()]) {
                // A lone place name is rarely a person: "the Rafah crossing".
                kind = Some(EntityKind::Place);
            }
        }
        if let Some((k, canonical)) = aliases.lookup(&name) {
            kind = Some(k);
            name = canonical.to_owned();
        }
        let Some(kind) = kind else { continue };
        if is_plausible(&name) {
            out.add(kind, name, m.surface.trim());
        }
    }
    for tag in tags {
        if let Some((kind, name)) = tag_entity(tag, &out, aliases, gazetteer, &full_name_of) {
            out.add(kind, name, tag.trim());
        }
    }
    out.into_sorted()
}

/// The entity a publisher tag names, if any: an alias, an entity of the
/// article, a surname of a person in it, a place name, or a person's name after
/// a title ("Russian Foreign Minister Sergey Lavrov").
fn tag_entity(
    tag: &str,
    found: &Entities,
    aliases: &Aliases,
    gazetteer: &Gazetteer,
    full_name_of: &dyn Fn(&str) -> Option<String>,
) -> Option<(EntityKind, String)> {
    let tag = normalise(tag);
    let words: Vec<&str> = tag.split(' ').collect();
    // Whole tag first, then shorter endings after capitalised title words.
    for start in 0..words.len() {
        if start > 0 && !words[..start].iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
            break;
        }
        let name = words[start..].join(" ");
        let whole = start == 0;
        if let Some((kind, canonical)) = aliases.lookup(&name)
            && (whole || kind == EntityKind::Person)
        {
            return Some((kind, canonical.to_owned()));
        }
        if let Some(kind) = found.kind_of(&name)
            && (whole || kind == EntityKind::Person)
        {
            return Some((kind, found.name_of(&name).unwrap_or(name)));
        }
        if words.len() - start == 1
            && let Some(full) = full_name_of(&name)
        {
            let full = aliases.lookup(&full).map_or(full.clone(), |(_, c)| c.to_owned());
            return Some((EntityKind::Person, full));
        }
        if whole && gazetteer.contains(&words) {
            return Some((EntityKind::Place, name));
        }
    }
    None
}

/// Trims what is not part of a name: a leading "the", a trailing possessive.
fn clean(surface: &str, label: Label) -> String {
    let mut name = normalise(surface);
    for suffix in ["'s", "'"] {
        if let Some(stripped) = name.strip_suffix(suffix) {
            name = stripped.trim_end().to_owned();
        }
    }
    if label != Label::Per
        && let Some(rest) = name.strip_prefix("the ").or_else(|| name.strip_prefix("The "))
    {
        name = rest.to_owned();
    }
    name
}

fn is_plausible(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && name.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && name.split(' ').count() <= 8
}

/// Entities being collected, in order of first mention.
#[derive(Debug, Default)]
struct Entities {
    list: Vec<Entity>,
    order: HashMap<(EntityKind, String), usize>,
}

impl Entities {
    fn add(&mut self, kind: EntityKind, name: String, surface: &str) {
        let index = *self.order.entry((kind, name.clone())).or_insert_with(|| {
            self.list.push(Entity { kind, name, surface_forms: Vec::new(), mentions: 0 });
            self.list.len() - 1
        });
        let entity = &mut self.list[index];
        entity.mentions += 1;
        if !entity.surface_forms.iter().any(|s| s == surface) {
            entity.surface_forms.push(surface.to_owned());
        }
    }

    /// The kind of the entity named or written `name`, the most mentioned if several.
    fn kind_of(&self, name: &str) -> Option<EntityKind> {
        self.find(name).map(|e| e.kind)
    }

    fn name_of(&self, name: &str) -> Option<String> {
        self.find(name).map(|e| e.name.clone())
    }

    fn find(&self, name: &str) -> Option<&Entity> {
        self.list
            .iter()
            .filter(|e| e.name == name || e.surface_forms.iter().any(|s| normalise(s) == name))
            .max_by_key(|e| e.mentions)
    }

    /// Most mentioned first; ties in order of first mention.
    fn into_sorted(self) -> Vec<Entity> {
        let mut list = self.list;
        list.sort_by_key(|e| std::cmp::Reverse(e.mentions));
        list
    }
}
