//! Related articles and suggestions: finding articles from an article, and
//! completions from a few typed letters.

use std::collections::{BTreeMap, HashSet};

use morgue_model::{Article, ArticleId, EntityKind};
use tantivy::Term;
use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;

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

/// Reads one text field of an article.
type TextOf = fn(&Article) -> &str;

/// Most distinctive words asked for in a related-articles query.
const MAX_QUERY_WORDS: usize = 30;
/// Shortest word (after stemming) worth asking for.
const MIN_WORD_LENGTH: usize = 3;
/// A headline word counts as this many body words.
const TITLE_WEIGHT: f32 = 2.0;
/// Weight of a shared tag or entity against one distinctive word.
const FACET_WEIGHT: f32 = 2.0;

/// Facets whose values are suggested, most useful first.
const SUGGESTED_FACETS: [FacetField; 4] =
    [FacetField::Person, FacetField::Place, FacetField::Organization, FacetField::Tags];

impl SearchIndex {
    /// Returns articles related to the article with `id`: sharing its
    /// distinctive words, tags and entities, best first, one per story and
    /// never a copy of the article itself. `None` if no article has the id.
    ///
    /// The words are chosen here rather than by tantivy's `MoreLikeThisQuery`:
    /// a word is only worth asking for if some article outside the story has
    /// it, so a word's document frequency is counted without the story's own
    /// copies. Otherwise the words unique to a story that several sites carry
    /// score highest, fill the query, and match nothing but the excluded
    /// copies. Ties are broken by the word, so the answer is deterministic.
    ///
    /// # Errors
    ///
    /// As [`SearchIndex::search`].
    pub fn related(&self, id: &ArticleId, limit: usize) -> Result<Option<Vec<Hit>>> {
        let searcher = self.searcher();
        let Some(address) = self.address_of(&searcher, id)? else { return Ok(None) };
        let article = self.load_article(&searcher, address)?;
        let story = self.duplicates(id)?;
        let fields = self.fields();

        // Words of the article (with their frequency in it), and in how many
        // of the story's copies (the article included) each one occurs.
        let mut words: BTreeMap<Term, (f32, u64)> = BTreeMap::new();
        let texts: [(_, _, TextOf); 3] = [
            (fields.title, TITLE_WEIGHT, |a| &a.title),
            (fields.summary, 1.0, |a| a.summary.as_deref().unwrap_or_default()),
            (fields.body, 1.0, |a| &a.body),
        ];
        for (field, weight, text_of) in texts {
            let mut analyzer = self.tantivy_index().tokenizer_for_field(field)?;
            for token in tokens(&mut analyzer, text_of(&article)) {
                if token.chars().count() >= MIN_WORD_LENGTH {
                    words.entry(Term::from_field_text(field, &token)).or_insert((0.0, 1)).0 += weight;
                }
            }
            for copy in &story {
                let seen: HashSet<String> = tokens(&mut analyzer, text_of(copy)).collect();
                for token in seen {
                    if let Some((_, in_story)) = words.get_mut(&Term::from_field_text(field, &token)) {
                        *in_story += 1;
                    }
                }
            }
        }
        let total = searcher.num_docs();
        let max_frequency = (total / 2).max(2);
        let mut scored = Vec::with_capacity(words.len());
        for (term, (frequency, in_story)) in words {
            let outside = searcher.doc_freq(&term)?.saturating_sub(in_story);
            if outside == 0 || outside > max_frequency {
                continue;
            }
            let idf = (1.0 + (total - outside) as f32 / (outside as f32 + 0.5)).ln();
            scored.push((frequency * idf, term));
        }
        scored.sort_by(|(a, x), (b, y)| b.total_cmp(a).then_with(|| x.cmp(y)));
        scored.truncate(MAX_QUERY_WORDS);

        let mut wanted: Vec<(Occur, Box<dyn Query>)> = scored
            .into_iter()
            .map(|(weight, term)| -> (Occur, Box<dyn Query>) {
                let query = TermQuery::new(term, IndexRecordOption::WithFreqs);
                (Occur::Should, Box::new(BoostQuery::new(Box::new(query), weight)))
            })
            .collect();
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
            for value in values {
                let term = Term::from_field_text(fields.facet(facet), &value.to_lowercase());
                let query = TermQuery::new(term, IndexRecordOption::Basic);
                wanted.push((Occur::Should, Box::new(BoostQuery::new(Box::new(query), FACET_WEIGHT))));
            }
        }
        if wanted.is_empty() {
            return Ok(Some(Vec::new()));
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(BooleanQuery::new(wanted)))];
        clauses.push((
            Occur::MustNot,
            Box::new(TermQuery::new(Term::from_field_text(fields.id, id.as_str()), IndexRecordOption::Basic)),
        ));
        if let Some(cluster) = cluster_of(&searcher, address) {
            clauses.push((
                Occur::MustNot,
                Box::new(TermQuery::new(Term::from_field_text(fields.cluster, &cluster), IndexRecordOption::Basic)),
            ));
        }
        let top =
            searcher.search(&BooleanQuery::new(clauses), &TopDocs::with_limit(limit.max(1) * 3).order_by_score())?;
        let mut seen = HashSet::new();
        let ranked: Vec<Ranked> = top
            .into_iter()
            .map(|(score, address)| Ranked { score, address, cluster: cluster_of(&searcher, address), key: None })
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
        let typed = crate::query::composed(typed.trim());
        let typed = typed.as_ref();
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

/// Returns the terms `analyzer` makes of `text`.
fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> impl Iterator<Item = String> {
    let mut out = Vec::new();
    analyzer.token_stream(text).process(&mut |token| out.push(token.text.clone()));
    out.into_iter()
}
