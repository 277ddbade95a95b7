//! Related articles and suggestions: finding articles from an article, and
//! completions from a few typed letters.

use std::collections::HashSet;

use morgue_model::{ArticleId, EntityKind};
use tantivy::Term;
use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, OwnedValue};

use crate::search::{Ranked, cluster_of};
use crate::{FacetField, Hit, Result, SearchIndex, SearchRequest};

/// What kind of thing a suggestion completes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionKind {
    /// A headline.
    Title,
    /// A value of a facet (tag, person, organization, place).
    Facet(FacetField),
}

/// A completion of typed letters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The completed text.
    pub text: String,
    /// What it is.
    pub kind: SuggestionKind,
    /// How many articles have it (1 for a headline).
    pub count: u64,
}

/// Facets whose values are suggested, most useful first.
const SUGGESTED_FACETS: [FacetField; 4] =
    [FacetField::Person, FacetField::Place, FacetField::Organization, FacetField::Tags];

impl SearchIndex {
    /// Returns articles related to the article with `id`: sharing its
    /// distinctive words, tags and entities, best first, one per story and
    /// never a copy of the article itself. `None` if no article has the id.
    ///
    /// # Errors
    ///
    /// As [`SearchIndex::search`].
    pub fn related(&self, id: &ArticleId, limit: usize) -> Result<Option<Vec<Hit>>> {
        let searcher = self.searcher();
        let Some(address) = self.address_of(&searcher, id)? else { return Ok(None) };
        let article = self.load_article(&searcher, address)?;
        let fields = self.fields();
        let text = |value: &str| vec![OwnedValue::Str(value.to_owned())];
        let mut document = vec![
            (fields.title, text(&article.title)),
            (fields.summary, text(article.summary.as_deref().unwrap_or_default())),
            (fields.body, text(&article.body)),
        ];
        let mut facet_values = vec![(FacetField::Tags, article.tags.clone())];
        for (facet, kind) in [
            (FacetField::Person, EntityKind::Person),
            (FacetField::Organization, EntityKind::Organization),
            (FacetField::Place, EntityKind::Place),
        ] {
            facet_values
                .push((facet, article.entities.iter().filter(|e| e.kind == kind).map(|e| e.name.clone()).collect()));
        }
        for (facet, values) in facet_values {
            let values: Vec<OwnedValue> = values.into_iter().map(|v| OwnedValue::Str(v.to_lowercase())).collect();
            if !values.is_empty() {
                document.push((fields.facet(facet), values));
            }
        }
        let like_this = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(1)
            .with_max_doc_frequency((searcher.num_docs() / 2).max(2))
            .with_min_term_frequency(1)
            .with_min_word_length(3)
            .with_max_query_terms(30)
            .with_document_fields(document);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(like_this))];
        clauses.push((
            Occur::MustNot,
            Box::new(TermQuery::new(Term::from_field_text(fields.id, id.as_str()), IndexRecordOption::Basic)),
        ));
        let own_cluster = cluster_of(&searcher, address);
        if let Some(cluster) = &own_cluster {
            clauses.push((
                Occur::MustNot,
                Box::new(TermQuery::new(Term::from_field_text(fields.cluster, cluster), IndexRecordOption::Basic)),
            ));
        }
        let top =
            searcher.search(&BooleanQuery::new(clauses), &TopDocs::with_limit(limit.max(1) * 3).order_by_score())?;
        let mut seen = HashSet::new();
        let ranked: Vec<Ranked> = top
            .into_iter()
            .map(|(score, address)| Ranked { score, address, cluster: cluster_of(&searcher, address) })
            .filter(|r| r.cluster.as_ref().is_none_or(|c| seen.insert(c.clone())))
            .take(limit)
            .collect();
        self.hits(&searcher, &SearchRequest::default(), &AllQuery, ranked, None).map(Some)
    }

    /// Returns up to `limit` completions of `typed`: entity names and tags
    /// with a word starting with its last word (most frequent first), then
    /// headlines containing its words, the last as a prefix.
    ///
    /// # Errors
    ///
    /// As [`SearchIndex::search`].
    pub fn suggest(&self, typed: &str, limit: usize) -> Result<Vec<Suggestion>> {
        let typed = typed.trim();
        if typed.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        let request = SearchRequest { facet_limit: limit, ..SearchRequest::default() };
        let mut facet_hits = Vec::new();
        for facet in SUGGESTED_FACETS {
            for value in self.search_facet(facet, typed, &request)? {
                facet_hits.push(Suggestion {
                    text: value.value,
                    kind: SuggestionKind::Facet(facet),
                    count: value.count,
                });
            }
        }
        facet_hits.sort_by_key(|s| std::cmp::Reverse(s.count));
        for suggestion in facet_hits {
            if out.len() < limit && seen.insert(suggestion.text.to_lowercase()) {
                out.push(suggestion);
            }
        }
        if out.len() < limit {
            for title in self.titles_starting(typed, limit)? {
                if out.len() < limit && seen.insert(title.to_lowercase()) {
                    out.push(Suggestion { text: title, kind: SuggestionKind::Title, count: 1 });
                }
            }
        }
        Ok(out)
    }

    /// Returns headlines holding every word of `typed`, the last one as a prefix.
    fn titles_starting(&self, typed: &str, limit: usize) -> Result<Vec<String>> {
        let words: Vec<&str> = typed.split_whitespace().filter(|w| w.chars().all(char::is_alphanumeric)).collect();
        let Some((last, rest)) = words.split_last() else { return Ok(Vec::new()) };
        let query_text: Vec<String> =
            rest.iter().map(|w| format!("title:{w}")).chain(std::iter::once(format!("title:{last}*"))).collect();
        let query = self.text_query(&query_text.join(" "), crate::query::Matching::Exact)?;
        let searcher = self.searcher();
        let top = searcher.search(&*query, &TopDocs::with_limit(limit).order_by_score())?;
        top.into_iter().map(|(_, address)| Ok(self.load_article(&searcher, address)?.title)).collect()
    }
}
