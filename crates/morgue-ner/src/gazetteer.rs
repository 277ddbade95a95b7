//! Place names from GeoNames, matched as runs of tokens.

use crate::hash::{self, HashKeyed};
use crate::table;
use crate::tokenize::tokenize;

/// The longest place name matched, in tokens.
pub(crate) const MAX_SPAN: usize = 6;

/// What kind of place a gazetteer name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum PlaceKind {
    Continent = 1,
    Country = 2,
    State = 3,
    City = 4,
}

/// Place names keyed by the hash of their tokens.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    names: HashKeyed<PlaceKind>,
    /// Whether any name starts with the token of this hash (a quick reject).
    first_tokens: HashKeyed<u8>,
}

impl Gazetteer {
    /// Parses `places.tsv`: `name<TAB>kind<TAB>country<TAB>population` lines, `#` comments.
    pub(crate) fn parse(tsv: &str) -> Self {
        let mut gazetteer = Self::default();
        for (name, kind, _) in table::records(tsv) {
            let kind = match kind {
                "continent" => PlaceKind::Continent,
                "country" => PlaceKind::Country,
                "state" => PlaceKind::State,
                _ => PlaceKind::City,
            };
            let tokens = tokenize(name);
            if tokens.is_empty() || tokens.len() > MAX_SPAN {
                continue;
            }
            let key = hash::span(tokens.iter().map(|t| t.text));
            // The most prominent kind wins: "Mexico" the country over the city.
            let entry = gazetteer.names.entry(key).or_insert(kind);
            *entry = (*entry).min(kind);
            let longest = gazetteer.first_tokens.entry(hash::exact(tokens[0].text)).or_insert(0);
            *longest = (*longest).max(tokens.len() as u8);
        }
        gazetteer
    }

    /// Marks each token with the gazetteer match covering it: 0 for none, else
    /// `kind * 2` for the first token of a match and `kind * 2 + 1` for the others.
    /// Longest matches win, left to right.
    pub(crate) fn mark(&self, tokens: &[&str], exact: &[u64], out: &mut Vec<u8>) {
        out.clear();
        out.resize(tokens.len(), 0);
        let mut i = 0;
        while i < tokens.len() {
            let starts_upper = tokens[i].chars().next().is_some_and(char::is_uppercase);
            let longest = if starts_upper { self.first_tokens.get(&exact[i]).copied().unwrap_or(0) } else { 0 };
            let mut matched = 0;
            for len in (1..=usize::from(longest).min(tokens.len() - i)).rev() {
                if let Some(&kind) = self.names.get(&hash::span(tokens[i..i + len].iter().copied())) {
                    out[i] = kind as u8 * 2;
                    for mark in &mut out[i + 1..i + len] {
                        *mark = kind as u8 * 2 + 1;
                    }
                    matched = len;
                    break;
                }
            }
            i += matched.max(1);
        }
    }

    /// Whether the whole of `tokens` is a place name.
    pub(crate) fn contains(&self, tokens: &[&str]) -> bool {
        self.names.contains_key(&hash::span(tokens.iter().copied()))
    }
}
