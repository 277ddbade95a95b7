//! The alias table: canonical names and the variants that mean them.
//!
//! `data/aliases.tsv` holds one referent a line:
//! `kind<TAB>canonical name<TAB>variant|variant|...` with kind `person`,
//! `organization` or `place`; `#` starts a comment. A variant is matched as
//! written (after white space and apostrophes are normalised), so `US` and
//! `us` differ.

use std::collections::HashMap;

use morgue_model::EntityKind;

/// Canonical names by variant.
#[derive(Debug, Default)]
pub(crate) struct Aliases {
    by_variant: HashMap<String, (EntityKind, String)>,
}

impl Aliases {
    /// Parses the table; malformed lines are skipped (the shipped table is checked by a test).
    pub(crate) fn parse(tsv: &str) -> Self {
        let mut aliases = Self::default();
        for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut cols = line.split('\t');
            let (Some(kind), Some(canonical)) = (cols.next(), cols.next()) else { continue };
            let Some(kind) = parse_kind(kind) else { continue };
            let canonical = normalise(canonical);
            let variants = cols.next().unwrap_or_default();
            for variant in variants.split('|').map(normalise).chain([canonical.clone()]) {
                if !variant.is_empty() {
                    aliases.by_variant.entry(variant).or_insert_with(|| (kind, canonical.clone()));
                }
            }
        }
        aliases
    }

    /// The kind and canonical name of `name`, when the table knows it.
    pub(crate) fn lookup(&self, name: &str) -> Option<(EntityKind, &str)> {
        self.by_variant.get(&normalise(name)).map(|(k, c)| (*k, c.as_str()))
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
