//! The alias table: canonical names and the variants that mean them.
//!
//! `data/aliases.tsv` holds one referent a line:
//! `kind<TAB>canonical name<TAB>variant|variant|...` with kind `person`,
//! `organization` or `place`; `#` starts a comment. A variant is matched as
//! written (after white space and apostrophes are normalised), so `US` and
//! `us` differ.

use std::collections::HashMap;

use morgue_model::EntityKind;

use crate::hash::{self, HashKeyed};
use crate::table;
use crate::tokenize::tokenize;

/// The longest variant matched in running text, in tokens.
const MAX_SPAN: usize = 8;

/// Canonical names by variant.
#[derive(Debug, Default)]
pub(crate) struct Aliases {
    by_variant: HashMap<String, (EntityKind, String)>,
    /// Variants to find in text even where the tagger saw no name, by the hash
    /// of their tokens: names of two words or more, acronyms ("CSTO") and
    /// people's surnames ("Lavrov").
    in_text: HashKeyed<EntityKind>,
    longest_in_text: usize,
}

impl Aliases {
    /// Parses the table; malformed lines are skipped (the shipped table is checked by a test).
    pub(crate) fn parse(tsv: &str) -> Self {
        let mut aliases = Self::default();
        for (kind, canonical, mut rest) in table::records(tsv) {
            let Some(kind) = parse_kind(kind) else { continue };
            let canonical = normalise(canonical);
            let variants = rest.next().unwrap_or_default();
            for variant in variants.split('|').map(normalise).chain([canonical.clone()]) {
                if variant.is_empty() {
                    continue;
                }
                let tokens = tokenize(&variant);
                let acronym = tokens.len() == 1
                    && variant.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && variant.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
                let capitalised = tokens.first().and_then(|t| t.text.chars().next()).is_some_and(char::is_uppercase);
                // A lone surname of the table ("Lavrov") names its person even where the tagger saw nothing.
                let surname = tokens.len() == 1 && kind == EntityKind::Person;
                if (tokens.len() >= 2 || acronym || surname) && capitalised && tokens.len() <= MAX_SPAN {
                    aliases.in_text.entry(hash::span(tokens.iter().map(|t| t.text))).or_insert(kind);
                    aliases.longest_in_text = aliases.longest_in_text.max(tokens.len());
                }
                aliases.by_variant.entry(variant).or_insert_with(|| (kind, canonical.clone()));
            }
        }
        aliases
    }

    /// The kind and canonical name of `name`, when the table knows it.
    pub(crate) fn lookup(&self, name: &str) -> Option<(EntityKind, &str)> {
        self.by_variant.get(&normalise(name)).map(|(k, c)| (*k, c.as_str()))
    }

    /// The longest known name starting at `tokens[0]`: its length in tokens and kind.
    pub(crate) fn match_at(&self, tokens: &[&str]) -> Option<(usize, EntityKind)> {
        (1..=self.longest_in_text.min(tokens.len()))
            .rev()
            .find_map(|len| self.in_text.get(&hash::span(tokens[..len].iter().copied())).map(|&k| (len, k)))
    }

    /// Number of variants known, canonical names included.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.by_variant.len()
    }
}

fn parse_kind(s: &str) -> Option<EntityKind> {
    EntityKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
}

/// Collapses white space and straightens apostrophes.
pub(crate) fn normalise(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").replace(['’', '‘'], "'")
}
