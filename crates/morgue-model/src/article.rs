//! The article document and its identity.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{ArticleDate, Entity};

/// A news article extracted from a saved page.
///
/// Every text field holds clean text (no markup). Optional metadata the page
/// did not give is `None` or empty, never invented. The JSON form (snake_case
/// keys) is the stable output of `morgue extract` and `GET /api/v1/articles/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Article {
    /// Stable identifier: derived from the canonical URL when the page has one,
    /// else from the site, headline and date.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "5136f0470c5ea9e7"))]
    pub id: ArticleId,
    /// Canonical URL of the article, when the page states one.
    pub url: Option<String>,
    /// Name of the publishing site, e.g. `Al Mayadeen English`.
    pub site: Option<String>,
    /// The headline, without the site name.
    pub title: String,
    /// The dek or standfirst under the headline.
    pub summary: Option<String>,
    /// The article's text: paragraphs and sub-headings separated by a blank line.
    pub body: String,
    /// Person names of the byline, in page order.
    pub authors: Vec<String>,
    /// Agency or source credited for the story, e.g. `Agencies` or `Reuters`.
    pub source: Option<String>,
    /// When the article was first published: `YYYY-MM-DD`, a local
    /// `YYYY-MM-DDTHH:MM:SS`, or RFC 3339 with the offset the page stated.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "2024-05-24T15:34:00"))]
    pub published: Option<ArticleDate>,
    /// When the article was last updated, when the page says so (same forms).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub updated: Option<ArticleDate>,
    /// Section of the site, e.g. `Politics`.
    pub section: Option<String>,
    /// Coverage series or dossier the article belongs to.
    pub series: Option<String>,
    /// Publisher tags, as the publisher wrote them, in page order.
    pub tags: Vec<String>,
    /// Image captions, in page order.
    pub image_captions: Vec<String>,
    /// ISO 639-1 code of the article's language, e.g. `en`.
    pub language: Option<String>,
    /// Number of words in the body.
    pub word_count: u32,
    /// Reading time in minutes, as the page states it or estimated from the body.
    pub reading_minutes: u32,
    /// Named entities mentioned in the article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
    /// Where the article came from.
    #[serde(default)]
    pub provenance: Provenance,
}

/// Where an article came from: the file it was read from and when.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Provenance {
    /// Path of the saved page, as given to ingest.
    pub file: Option<String>,
    /// BLAKE3 hash (hex) of the saved page's bytes.
    pub content_hash: Option<String>,
    /// When the page was ingested, RFC 3339 in UTC.
    pub ingested_at: Option<String>,
}

/// The stable identifier of an article: 16 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    /// Number of hex digits in an id.
    pub const LEN: usize = 16;

    /// Returns the id for a string of 16 lowercase hex digits, or `None`.
    pub fn parse(s: &str) -> Option<Self> {
        let is_id = s.len() == Self::LEN && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        is_id.then(|| Self(s.to_owned()))
    }

    /// Returns the id made of the first 16 hex digits of `digest`.
    ///
    /// # Panics
    ///
    /// Panics if `digest` is shorter than 8 bytes: callers pass a hash output.
    pub fn from_digest(digest: &[u8]) -> Self {
        let head = digest.get(..Self::LEN / 2).expect("a hash digest is at least 8 bytes long");
        Self(head.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// Returns the id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Returns the id as the number its hex digits spell.
    pub fn as_u64(&self) -> u64 {
        // `parse` and `from_digest` only make 16 hex digits, which always fit.
        u64::from_str_radix(&self.0, 16).unwrap_or(u64::MAX)
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Article {
    /// Returns an article with the given id, title and body and nothing else.
    pub fn new(id: ArticleId, title: impl Into<String>, body: impl Into<String>) -> Self {
        let body = body.into();
        let word_count = count_words(&body);
        Self {
            id,
            url: None,
            site: None,
            title: title.into(),
            summary: None,
            body,
            authors: Vec::new(),
            source: None,
            published: None,
            updated: None,
            section: None,
            series: None,
            tags: Vec::new(),
            image_captions: Vec::new(),
            language: None,
            word_count,
            reading_minutes: reading_minutes(word_count),
            entities: Vec::new(),
            provenance: Provenance::default(),
        }
    }

    /// Returns the body's paragraphs (blank-line separated), trimmed.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
    }
}

/// Returns the number of whitespace-separated words in `text`.
pub fn count_words(text: &str) -> u32 {
    u32::try_from(text.split_whitespace().count()).unwrap_or(u32::MAX)
}

/// Returns the reading time of `word_count` words at 230 words a minute,
/// rounded up, and at least one minute.
pub fn reading_minutes(word_count: u32) -> u32 {
    word_count.div_ceil(230).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_parse_accepts_only_sixteen_lowercase_hex_digits() {
        assert!(ArticleId::parse("0123456789abcdef").is_some());
        assert!(ArticleId::parse("0123456789ABCDEF").is_none());
        assert!(ArticleId::parse("0123456789abcde").is_none());
        assert!(ArticleId::parse("../../etc/passwd").is_none());
    }

    #[test]
    fn id_from_digest_is_hex_of_first_eight_bytes() {
        let id = ArticleId::from_digest(&[0xde, 0xad, 0xbe, 0xef, 0, 1, 2, 255, 9, 9]);
        assert_eq!(id.as_str(), "deadbeef000102ff");
    }

    #[test]
    fn reading_minutes_round_up() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(230), 1);
        assert_eq!(reading_minutes(231), 2);
    }
}
