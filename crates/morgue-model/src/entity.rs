//! Named entities found in an article.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, agency, party, team or other organisation.
    Organization,
    /// A country, region, city or other place.
    Place,
}

impl EntityKind {
    /// Every kind, in display order.
    pub const ALL: [Self; 3] = [Self::Person, Self::Organization, Self::Place];

    /// Returns the snake_case name used in JSON, facets and query parameters.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Place => "place",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One referent named in an article, under its canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Entity {
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// The canonical name, e.g. `Sergey Lavrov` for `Sergei Lavrov` and `Lavrov`.
    pub name: String,
    /// The distinct surface forms seen in the article.
    pub surface_forms: Vec<String>,
    /// How many times the entity is mentioned.
    pub mentions: u32,
}
