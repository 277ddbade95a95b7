//! The tantivy schema: field names, analyzers and the [`Fields`] handles.
//!
//! Field names are constants here and nowhere else. Exact-value fields use the
//! names of their filter parameters (`tag`, `author`, ...), so the query
//! language's `tag:russia` and the `tag=Russia` filter mean the same thing.

use std::path::Path;

use tantivy::Index;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, INDEXED, IndexRecordOption, NumericOptions, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};

use crate::{Error, FacetField, Result};

/// The article id, indexed as one term.
pub(crate) const ID: &str = "id";
/// The article id as a number (its 16 hex digits), a fast column that breaks
/// ties in every order.
pub(crate) const ID_KEY: &str = "id_key";
/// The headline.
pub(crate) const TITLE: &str = "title";
/// The dek.
pub(crate) const SUMMARY: &str = "summary";
/// The body text.
pub(crate) const BODY: &str = "body";
/// Image captions.
pub(crate) const CAPTIONS: &str = "caption";
/// Publication instant (UTC; a local time without offset is read as UTC).
pub(crate) const PUBLISHED: &str = "published";
/// The whole article as JSON, stored only.
pub(crate) const ARTICLE: &str = "article";
/// BLAKE3 of the saved page, to tell an unchanged page on re-ingest.
pub(crate) const CONTENT_HASH: &str = "content_hash";
/// Band keys of the body's MinHash signature, to find near-duplicate candidates.
pub(crate) const DUP_BAND: &str = "dup_band";
/// The body's MinHash signature, stored to confirm candidates.
pub(crate) const SIGNATURE: &str = "minhash";
/// The near-duplicate cluster: the id of the first article of the story.
pub(crate) const CLUSTER: &str = "cluster";

/// Analyzer of the English text fields: words, lower-cased, accents folded, stemmed.
pub(crate) const TEXT_ANALYZER: &str = "morgue_en";
/// Analyzer of exact-value fields: the whole value as one lower-cased term.
pub(crate) const KEYWORD_ANALYZER: &str = "morgue_keyword";

/// Handles of every field, resolved once per index.
#[derive(Debug, Clone)]
pub(crate) struct Fields {
    pub(crate) id: Field,
    pub(crate) id_key: Field,
    pub(crate) title: Field,
    pub(crate) summary: Field,
    pub(crate) body: Field,
    pub(crate) captions: Field,
    pub(crate) published: Field,
    pub(crate) article: Field,
    pub(crate) content_hash: Field,
    pub(crate) dup_band: Field,
    pub(crate) signature: Field,
    pub(crate) cluster: Field,
    facets: Vec<(FacetField, Field)>,
}

impl Fields {
    /// Resolves the handles in `schema`, which may come from an index on disk.
    pub(crate) fn resolve(schema: &Schema, path: &Path) -> Result<Self> {
        let field = |name: &'static str| {
            schema.get_field(name).map_err(|_| Error::SchemaMismatch { path: path.to_owned(), field: name })
        };
        let facets =
            FacetField::ALL.iter().map(|&facet| Ok((facet, field(facet.field_name())?))).collect::<Result<_>>()?;
        Ok(Self {
            id: field(ID)?,
            id_key: field(ID_KEY)?,
            title: field(TITLE)?,
            summary: field(SUMMARY)?,
            body: field(BODY)?,
            captions: field(CAPTIONS)?,
            published: field(PUBLISHED)?,
            article: field(ARTICLE)?,
            content_hash: field(CONTENT_HASH)?,
            dup_band: field(DUP_BAND)?,
            signature: field(SIGNATURE)?,
            cluster: field(CLUSTER)?,
            facets,
        })
    }

    /// Returns the field of a facet.
    pub(crate) fn facet(&self, facet: FacetField) -> Field {
        self.facets
            .iter()
            .find(|(f, _)| *f == facet)
            .map(|(_, field)| *field)
            .expect("every facet has a field: `resolve` checked them all")
    }
}

/// Builds the schema of a new index.
pub(crate) fn build() -> Schema {
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let keyword = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default().set_tokenizer(KEYWORD_ANALYZER).set_index_option(IndexRecordOption::Basic),
        )
        // The fast column keeps values as written, for facet counts.
        .set_fast("raw");
    builder.add_text_field(ID, STRING | STORED);
    builder.add_u64_field(ID_KEY, NumericOptions::default().set_fast());
    builder.add_text_field(TITLE, text.clone());
    builder.add_text_field(SUMMARY, text.clone());
    builder.add_text_field(BODY, text.clone());
    builder.add_text_field(CAPTIONS, text);
    for facet in FacetField::ALL {
        builder.add_text_field(facet.field_name(), keyword.clone());
    }
    builder.add_date_field(PUBLISHED, DateOptions::from(INDEXED).set_fast().set_precision(DateTimePrecision::Seconds));
    builder.add_text_field(ARTICLE, STORED);
    builder.add_text_field(CONTENT_HASH, STORED);
    builder.add_text_field(DUP_BAND, STRING);
    builder.add_bytes_field(SIGNATURE, STORED);
    builder.add_text_field(CLUSTER, (STRING | STORED).set_fast("raw"));
    builder.build()
}

/// Registers morgue's analyzers on `index`.
pub(crate) fn register_analyzers(index: &Index) {
    let text = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::default())
        .build();
    index.tokenizers().register(TEXT_ANALYZER, text);
    index.tokenizers().register(KEYWORD_ANALYZER, keyword_analyzer());
}

/// The analyzer of exact-value fields; filters normalise their values with it.
pub(crate) fn keyword_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default()).filter(LowerCaser).build()
}
