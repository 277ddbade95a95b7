//! Facet fields and the collector that counts their values.
//!
//! Counting reads the facet's fast column: each matching document adds one to
//! the term ordinals it holds, and ordinals become strings once per segment,
//! so a count costs one array increment per value per hit.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::Error;

/// A field with exact values that results can be filtered and counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetField {
    /// Publisher tags.
    Tags,
    /// Byline names.
    Authors,
    /// Publishing site.
    Site,
    /// Credited source or agency.
    Source,
    /// Site section.
    Section,
    /// Coverage series.
    Series,
    /// People named in the article.
    Person,
    /// Organisations named in the article.
    Organization,
    /// Places named in the article.
    Place,
}

impl FacetField {
    /// Every facet, in display order.
    pub const ALL: [Self; 9] = [
        Self::Tags,
        Self::Authors,
        Self::Site,
        Self::Source,
        Self::Section,
        Self::Series,
        Self::Person,
        Self::Organization,
        Self::Place,
    ];

    /// Returns the facet's name in `facets=` and in results (`tags`, `authors`, `site`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Tags => "tags",
            Self::Authors => "authors",
            Self::Site => "site",
            Self::Source => "source",
            Self::Section => "section",
            Self::Series => "series",
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Place => "place",
        }
    }

    /// Returns the name of the facet's filter parameter and query-language field
    /// (`tag`, `author`, `site`, ...).
    pub fn filter_name(self) -> &'static str {
        match self {
            Self::Tags => "tag",
            Self::Authors => "author",
            other => other.as_str(),
        }
    }

    /// Returns the schema field holding the facet's values.
    pub(crate) fn field_name(self) -> &'static str {
        self.filter_name()
    }

    /// Returns the facet whose filter parameter is `name`.
    pub fn from_filter_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|facet| facet.filter_name() == name)
    }
}

impl fmt::Display for FacetField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for FacetField {
    type Err = Error;

    /// Parses a facet name as written in `facets=`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|facet| facet.as_str() == s).ok_or_else(|| Error::InvalidRequest {
            parameter: "facets",
            message: format!("unknown facet {s:?}; facets are {}", Self::ALL.map(Self::as_str).join(", ")),
        })
    }
}

/// Counts the values of one facet over the matching documents.
pub(crate) struct FacetCollector {
    field_name: &'static str,
}

impl FacetCollector {
    pub(crate) fn new(facet: FacetField) -> Self {
        Self::for_field(facet.field_name())
    }

    /// Counts the values of any raw fast text field.
    pub(crate) fn for_field(field_name: &'static str) -> Self {
        Self { field_name }
    }
}

/// Counts per value, over all segments.
pub(crate) type ValueCounts = HashMap<String, u64>;

impl Collector for FacetCollector {
    type Fruit = ValueCounts;
    type Child = FacetSegmentCollector;

    fn for_segment(&self, _: SegmentOrdinal, reader: &SegmentReader) -> tantivy::Result<Self::Child> {
        let column = reader.fast_fields().str(self.field_name)?;
        let counts = vec![0; column.as_ref().map_or(0, |c| c.num_terms())];
        Ok(FacetSegmentCollector { column, counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<ValueCounts>) -> tantivy::Result<ValueCounts> {
        let mut merged = ValueCounts::new();
        for fruit in fruits {
            for (value, count) in fruit {
                *merged.entry(value).or_default() += count;
            }
        }
        Ok(merged)
    }
}

/// Counts term ordinals of one segment's facet column.
pub(crate) struct FacetSegmentCollector {
    column: Option<StrColumn>,
    counts: Vec<u64>,
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = ValueCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(column) = &self.column {
            for ord in column.term_ords(doc) {
                if let Some(count) = usize::try_from(ord).ok().and_then(|i| self.counts.get_mut(i)) {
                    *count += 1;
                }
            }
        }
    }

    fn harvest(self) -> ValueCounts {
        let mut out = ValueCounts::new();
        let Some(column) = self.column else {
            return out;
        };
        let mut value = String::new();
        for (ord, &count) in self.counts.iter().enumerate() {
            if count == 0 {
                continue;
            }
            value.clear();
            if column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                out.insert(value.clone(), count);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for facet in FacetField::ALL {
            assert_eq!(facet.as_str().parse::<FacetField>().ok(), Some(facet));
            assert_eq!(FacetField::from_filter_name(facet.filter_name()), Some(facet));
        }
        assert!("tag".parse::<FacetField>().is_err());
    }
}
