//! Answering a [`SearchRequest`]: query, filters, hits, snippets, facets.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::time::Instant;

use tantivy::collector::{Count, MultiCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, QueryParserError, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Order, Searcher, Term};

use crate::facet::{FacetCollector, ValueCounts};
use crate::schema::{self, PUBLISHED};
use crate::{Error, FacetCount, FacetField, Hit, Result, SearchIndex, SearchRequest, SearchResults, Sort, snippet};

/// Relative weight of a match in each text field.
const TITLE_BOOST: f32 = 3.0;
const SUMMARY_BOOST: f32 = 1.5;
const TAG_BOOST: f32 = 2.0;

impl SearchIndex {
    /// Answers `request`: the page of hits it asks for, the total, and its facets.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidQuery`] or [`Error::InvalidRequest`] for a bad request;
    /// [`Error::Tantivy`] or [`Error::CorruptDocument`] if the index fails.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let started = Instant::now();
        request.validate()?;
        let searcher = self.searcher();
        let text_query = self.text_query(&request.query)?;
        let filters: BTreeMap<FacetField, Box<dyn Query>> = request
            .filters
            .iter()
            .filter(|(_, values)| !values.is_empty())
            .map(|(&facet, values)| (facet, self.filter_query(facet, values)))
            .collect();
        let date_query = self.date_query(request);
        let matching = |except: Option<FacetField>| {
            let mut clauses = vec![(Occur::Must, text_query.box_clone())];
            clauses.extend(date_query.iter().map(|q| (Occur::Must, q.box_clone())));
            clauses.extend(
                filters.iter().filter(|(facet, _)| Some(**facet) != except).map(|(_, q)| (Occur::Must, q.box_clone())),
            );
            BooleanQuery::new(clauses)
        };
        let query = matching(None);
        let (total, top) = top_docs(&searcher, &query, request)?;
        let facets = self.count_facets(&searcher, request, &query, &filters, matching)?;
        let generator = if request.query.trim().is_empty() {
            None
        } else {
            let mut generator = SnippetGenerator::create(&searcher, &*text_query, self.fields().body)?;
            generator.set_max_num_chars(request.snippet_length);
            Some(generator)
        };
        let hits = top
            .into_iter()
            .map(|(score, address)| self.hit(&searcher, address, score, generator.as_ref(), request))
            .collect::<Result<_>>()?;
        Ok(SearchResults {
            total,
            took_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            hits,
            facets,
        })
    }

    /// Parses the query language over the text fields; empty matches all.
    fn text_query(&self, query: &str) -> Result<Box<dyn Query>> {
        let query = query.trim();
        if query.is_empty() || query == "*" {
            return Ok(Box::new(AllQuery));
        }
        let fields = self.fields();
        let tags = fields.facet(FacetField::Tags);
        let mut parser = QueryParser::for_index(
            self.tantivy_index(),
            vec![fields.title, fields.summary, fields.body, fields.captions, tags],
        );
        parser.set_conjunction_by_default();
        parser.set_field_boost(fields.title, TITLE_BOOST);
        parser.set_field_boost(fields.summary, SUMMARY_BOOST);
        parser.set_field_boost(tags, TAG_BOOST);
        let parsed = match parser.parse_query(query) {
            // `NOT x` alone means every article but those with x.
            Err(QueryParserError::AllButQueryForbidden) => parser.parse_query(&format!("* AND ({query})")),
            other => other,
        };
        parsed.map(complete_negations).map_err(|error| Error::InvalidQuery { message: error.to_string() })
    }

    /// Matches articles having any of `values` for `facet`, ignoring case.
    fn filter_query(&self, facet: FacetField, values: &[String]) -> Box<dyn Query> {
        let field = self.fields().facet(facet);
        let mut analyzer = schema::keyword_analyzer();
        let clauses = values
            .iter()
            .map(|value| {
                let mut normalized = String::new();
                analyzer.token_stream(value.trim()).process(&mut |token| normalized.push_str(&token.text));
                let term = Term::from_field_text(field, &normalized);
                let query: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, query)
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    fn date_query(&self, request: &SearchRequest) -> Option<Box<dyn Query>> {
        let range = request.published;
        if range.is_unbounded() {
            return None;
        }
        let field = self.fields().published;
        let bound = |instant: Option<chrono::DateTime<chrono::Utc>>| match instant {
            Some(instant) => Bound::Included(Term::from_field_date_for_search(
                field,
                DateTime::from_timestamp_secs(instant.timestamp()),
            )),
            None => Bound::Unbounded,
        };
        Some(Box::new(RangeQuery::new(bound(range.from), bound(range.to))))
    }

    /// Counts each requested facet with every filter but its own, so that a
    /// picked value leaves the counts of its siblings as they were. Facets
    /// without a filter of their own share one pass over the matching articles.
    fn count_facets(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
        query: &BooleanQuery,
        filters: &BTreeMap<FacetField, Box<dyn Query>>,
        matching: impl Fn(Option<FacetField>) -> BooleanQuery,
    ) -> Result<BTreeMap<FacetField, Vec<FacetCount>>> {
        let mut counts = BTreeMap::new();
        let mut shared = MultiCollector::new();
        let mut handles = Vec::new();
        for &facet in &request.facets {
            if filters.contains_key(&facet) {
                let own = searcher.search(&matching(Some(facet)), &FacetCollector::new(facet))?;
                counts.insert(facet, top_values(own, request.facet_limit));
            } else {
                handles.push((facet, shared.add_collector(FacetCollector::new(facet))));
            }
        }
        if !handles.is_empty() {
            let mut fruits = searcher.search(query, &shared)?;
            for (facet, handle) in handles {
                counts.insert(facet, top_values(handle.extract(&mut fruits), request.facet_limit));
            }
        }
        Ok(counts)
    }

    fn hit(
        &self,
        searcher: &Searcher,
        address: DocAddress,
        score: f32,
        generator: Option<&SnippetGenerator>,
        request: &SearchRequest,
    ) -> Result<Hit> {
        let article = self.load_article(searcher, address)?;
        let snippet = snippet::highlight(generator, &article.body, request.snippet_length);
        Ok(Hit {
            id: article.id,
            title: article.title,
            url: article.url,
            published: article.published,
            site: article.site,
            authors: article.authors,
            tags: article.tags,
            summary: article.summary,
            snippet,
            score,
        })
    }
}

/// Gives every boolean clause made only of exclusions (`a AND NOT b` parses
/// as `+a +(-b)`) an all-documents clause to exclude from, so that it means
/// "all but" rather than nothing.
fn complete_negations(query: Box<dyn Query>) -> Box<dyn Query> {
    let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
        return query;
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> =
        boolean.clauses().iter().map(|(occur, clause)| (*occur, complete_negations(clause.box_clone()))).collect();
    if !clauses.is_empty() && clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Returns the total and the requested page of (score, address), in the
/// request's order.
fn top_docs(searcher: &Searcher, query: &dyn Query, request: &SearchRequest) -> Result<(u64, Vec<(f32, DocAddress)>)> {
    if request.limit == 0 {
        return Ok((searcher.search(query, &Count)? as u64, Vec::new()));
    }
    let top = || TopDocs::with_limit(request.limit).and_offset(request.offset);
    let by_date = |order| top().order_by_fast_field::<DateTime>(PUBLISHED, order);
    let (total, page) = match request.sort {
        Sort::Relevance => {
            let (total, page) = searcher.search(query, &(Count, top().order_by_score()))?;
            (total, page)
        }
        Sort::Newest => {
            let (total, page) = searcher.search(query, &(Count, by_date(Order::Desc)))?;
            (total, page.into_iter().map(|(_, address)| (0.0, address)).collect())
        }
        Sort::Oldest => {
            let (total, page) = searcher.search(query, &(Count, by_date(Order::Asc)))?;
            (total, page.into_iter().map(|(_, address)| (0.0, address)).collect())
        }
    };
    Ok((total as u64, page))
}

/// Sorts counts by count, then value, and keeps the first `limit`.
fn top_values(counts: ValueCounts, limit: usize) -> Vec<FacetCount> {
    let mut values: Vec<FacetCount> = counts.into_iter().map(|(value, count)| FacetCount { value, count }).collect();
    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    values.truncate(limit);
    values
}
