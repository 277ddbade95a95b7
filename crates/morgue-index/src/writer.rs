//! Adding articles: one writer, replace by id, commit.

use std::collections::HashMap;

use morgue_model::{Article, ArticleId};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DateTime, IndexWriter, Searcher, TantivyDocument, Term};

use crate::duplicate::{SAME_STORY, Signature};

use crate::{FacetField, Result, SearchIndex};

/// What [`Writer::upsert`] did with an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    /// The index had no article with this id.
    Added,
    /// An article with this id, from other page bytes, was replaced.
    Replaced,
    /// The index already holds this article from the same page bytes.
    Unchanged,
}

/// Adds articles to a [`SearchIndex`]. Changes become visible on [`Writer::commit`];
/// a writer dropped without commit leaves the index as it was.
pub struct Writer<'a> {
    index: &'a SearchIndex,
    writer: IndexWriter,
    committed: Searcher,
    pending: HashMap<ArticleId, Option<String>>,
    /// Signatures added since the last commit, which searches cannot see yet.
    pending_stories: Vec<Story>,
    /// Band key to positions in `pending_stories`.
    pending_bands: HashMap<String, Vec<usize>>,
}

/// What clustering needs to know of an article.
struct Story {
    id: ArticleId,
    cluster: String,
    signature: Signature,
}

/// Most candidates checked per article.
const MAX_CANDIDATES: usize = 20;

impl<'a> Writer<'a> {
    pub(crate) fn new(index: &'a SearchIndex, writer: IndexWriter) -> Self {
        let committed = index.searcher();
        Self {
            index,
            writer,
            committed,
            pending: HashMap::new(),
            pending_stories: Vec::new(),
            pending_bands: HashMap::new(),
        }
    }

    /// Adds `article`, replacing any article of the same id.
    ///
    /// An article whose page bytes hash to the stored content hash is left
    /// alone and reported [`Upsert::Unchanged`].
    ///
    /// # Errors
    ///
    /// [`crate::Error::Tantivy`] if the index cannot be read or written.
    pub fn upsert(&mut self, article: &Article) -> Result<Upsert> {
        let hash = article.provenance.content_hash.clone();
        let previous = match self.pending.get(&article.id) {
            Some(pending) => Some(pending.clone()),
            None => match self.index.address_of(&self.committed, &article.id)? {
                Some(address) => Some(self.index.content_hash(&self.committed, address)?),
                None => None,
            },
        };
        let outcome = match previous {
            None => Upsert::Added,
            Some(previous) if hash.is_some() && previous == hash => return Ok(Upsert::Unchanged),
            Some(_) => Upsert::Replaced,
        };
        let signature = Signature::of(&article.body);
        let cluster = match &signature {
            Some(signature) => self.same_story(&article.id, signature)?,
            None => None,
        }
        .unwrap_or_else(|| article.id.to_string());
        let fields = self.index.fields();
        self.writer.delete_term(Term::from_field_text(fields.id, article.id.as_str()));
        self.writer.add_document(self.document(article, signature.as_ref(), &cluster))?;
        self.pending.insert(article.id.clone(), hash);
        if let Some(signature) = signature {
            for key in signature.band_keys() {
                self.pending_bands.entry(key).or_default().push(self.pending_stories.len());
            }
            self.pending_stories.push(Story { id: article.id.clone(), cluster, signature });
        }
        Ok(outcome)
    }

    /// Returns the cluster of the most similar article of the same story,
    /// committed or pending, if any.
    fn same_story(&self, id: &ArticleId, signature: &Signature) -> Result<Option<String>> {
        let keys = signature.band_keys();
        let mut best: Option<(f64, String)> = None;
        let mut consider = |other: &Story| {
            let similarity = signature.similarity(&other.signature);
            if other.id != *id && similarity >= SAME_STORY && best.as_ref().is_none_or(|(s, _)| similarity > *s) {
                best = Some((similarity, other.cluster.clone()));
            }
        };
        for key in &keys {
            for &position in self.pending_bands.get(key).into_iter().flatten() {
                consider(&self.pending_stories[position]);
            }
        }
        let fields = self.index.fields();
        let clauses: Vec<(Occur, Box<dyn Query>)> = keys
            .iter()
            .map(|key| {
                let term = Term::from_field_text(fields.dup_band, key);
                (Occur::Should, Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>)
            })
            .collect();
        let candidates = self
            .committed
            .search(&BooleanQuery::new(clauses), &TopDocs::with_limit(MAX_CANDIDATES).order_by_score())?;
        for (_, address) in candidates {
            let doc: TantivyDocument = self.committed.doc(address)?;
            let stored = (
                doc.get_first(fields.id).and_then(|v| v.as_str()).and_then(ArticleId::parse),
                doc.get_first(fields.cluster).and_then(|v| v.as_str()),
                doc.get_first(fields.signature).and_then(|v| v.as_bytes()).and_then(Signature::from_bytes),
            );
            if let (Some(id), Some(cluster), Some(signature)) = stored {
                // A committed article replaced in this batch is judged by its new version.
                if !self.pending.contains_key(&id) {
                    consider(&Story { id, cluster: cluster.to_owned(), signature });
                }
            }
        }
        Ok(best.map(|(_, cluster)| cluster))
    }

    /// Removes the article with `id`, if any.
    pub fn delete(&mut self, id: &ArticleId) {
        self.writer.delete_term(Term::from_field_text(self.index.fields().id, id.as_str()));
        self.pending.remove(id);
    }

    /// Makes the changes durable and visible to searches.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Tantivy`] if the commit fails; the index then stays as
    /// it was at the previous commit.
    pub fn commit(&mut self) -> Result<()> {
        self.writer.commit()?;
        self.index.reload()?;
        self.committed = self.index.searcher();
        self.pending.clear();
        self.pending_stories.clear();
        self.pending_bands.clear();
        Ok(())
    }

    fn document(&self, article: &Article, signature: Option<&Signature>, cluster: &str) -> TantivyDocument {
        let fields = self.index.fields();
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.id, article.id.as_str());
        doc.add_u64(fields.id_key, article.id.as_u64());
        doc.add_text(fields.title, &article.title);
        if let Some(summary) = &article.summary {
            doc.add_text(fields.summary, summary);
        }
        doc.add_text(fields.body, &article.body);
        for caption in &article.image_captions {
            doc.add_text(fields.captions, caption);
        }
        for facet in FacetField::ALL {
            for value in facet_values(article, facet) {
                doc.add_text(fields.facet(facet), value);
            }
        }
        if let Some(published) = article.published {
            doc.add_date(fields.published, DateTime::from_timestamp_secs(published.to_utc().timestamp()));
        }
        let json = serde_json::to_string(article).expect("an Article always serializes to JSON");
        doc.add_text(fields.article, json);
        if let Some(hash) = &article.provenance.content_hash {
            doc.add_text(fields.content_hash, hash);
        }
        if let Some(signature) = signature {
            for key in signature.band_keys() {
                doc.add_text(fields.dup_band, key);
            }
            doc.add_bytes(fields.signature, &signature.to_bytes());
        }
        doc.add_text(fields.cluster, cluster);
        doc
    }
}

/// Returns the distinct values `article` has for `facet`.
fn facet_values(article: &Article, facet: FacetField) -> Vec<&str> {
    use morgue_model::EntityKind;
    let entities = |kind: EntityKind| -> Vec<&str> {
        article.entities.iter().filter(|e| e.kind == kind).map(|e| e.name.as_str()).collect()
    };
    let mut values: Vec<&str> = match facet {
        FacetField::Tags => article.tags.iter().map(String::as_str).collect(),
        FacetField::Authors => article.authors.iter().map(String::as_str).collect(),
        FacetField::Site => article.site.as_deref().into_iter().collect(),
        FacetField::Source => article.source.as_deref().into_iter().collect(),
        FacetField::Section => article.section.as_deref().into_iter().collect(),
        FacetField::Series => article.series.as_deref().into_iter().collect(),
        FacetField::Person => entities(EntityKind::Person),
        FacetField::Organization => entities(EntityKind::Organization),
        FacetField::Place => entities(EntityKind::Place),
    };
    // A value counted twice in one article would count the article twice.
    let mut seen = std::collections::HashSet::new();
    values.retain(|value| !value.trim().is_empty() && seen.insert(value.to_lowercase()));
    values
}
