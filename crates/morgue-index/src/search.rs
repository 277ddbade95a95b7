//! Answering a [`SearchRequest`]: hits, snippets, facets and the histogram.

use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

use tantivy::collector::{Collector, Count, MultiCollector, SegmentCollector, TopDocs};
use tantivy::columnar::StrColumn;
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer};
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader, Term};

use crate::facet::{FacetCollector, ValueCounts};
use crate::histogram::HistogramCollector;
use crate::order::{Order, SortKey};
use crate::query::Matching;
use crate::schema::CLUSTER;
use crate::{
    FacetCount, FacetField, Hit, Result, SearchIndex, SearchRequest, SearchResults, Sort, TYPO_FALLBACK_BELOW, snippet,
};

/// What one pass over the matching articles counts.
struct Aggregates {
    facets: BTreeMap<FacetField, Vec<FacetCount>>,
    histogram: Vec<crate::Bucket>,
    /// With collapsing: matching articles per story cluster.
    stories: Option<ValueCounts>,
}

/// A request's queries: the text query, and the filters apart so that each
/// facet can be counted without its own.
struct Plan {
    text: Box<dyn Query>,
    date: Option<Box<dyn Query>>,
    filters: BTreeMap<FacetField, Box<dyn Query>>,
}

impl Plan {
    /// Returns the query matching everything the request asks, but for the
    /// filter of `except`.
    fn matching(&self, except: Option<FacetField>) -> BooleanQuery {
        let mut clauses = vec![(Occur::Must, self.text.box_clone())];
        clauses.extend(self.date.iter().map(|q| (Occur::Must, q.box_clone())));
        clauses.extend(
            self.filters.iter().filter(|(facet, _)| Some(**facet) != except).map(|(_, q)| (Occur::Must, q.box_clone())),
        );
        BooleanQuery::new(clauses)
    }
}

impl SearchIndex {
    /// Answers `request`: the page of hits it asks for, the total, its facets
    /// and its histogram.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidQuery`] or [`crate::Error::InvalidRequest`] for a
    /// bad request; [`crate::Error::Tantivy`] or [`crate::Error::CorruptDocument`]
    /// if the index fails.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let started = Instant::now();
        request.validate()?;
        let searcher = self.searcher();
        let order = Order::new(request.sort, request.recency_half_life, request.cursor.as_deref())?;
        let mut plan = self.plan(request, Matching::Exact)?;
        let mut query = plan.matching(None);
        let (mut total, mut top) = page(&searcher, &query, request, &order)?;
        let mut typos_matched = false;
        if request.typos && total < TYPO_FALLBACK_BELOW && !request.query.trim().is_empty() {
            let tolerant = self.plan(request, Matching::Typos)?;
            let tolerant_query = tolerant.matching(None);
            let (tolerant_total, tolerant_top) = page(&searcher, &tolerant_query, request, &order)?;
            if tolerant_total > total {
                (plan, query, total, top, typos_matched) =
                    (tolerant, tolerant_query, tolerant_total, tolerant_top, true);
            }
        }
        let aggregates = self.aggregate(&searcher, request, &plan, &query)?;
        let next_cursor = match top.last() {
            Some(last) if top.len() == request.limit => last.key.map(|key| order.cursor_after(&key)),
            _ => None,
        };
        let hits = self.hits(&searcher, request, &*plan.text, top, aggregates.stories.as_ref())?;
        Ok(SearchResults {
            total,
            took_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            hits,
            facets: aggregates.facets,
            histogram: aggregates.histogram,
            typos_matched,
            stories: aggregates.stories.map(|stories| stories.len() as u64),
            next_cursor,
        })
    }

    /// Returns the values of `facet` that have a word starting with `prefix`
    /// (ignoring case and diacritics; every value when `prefix` is empty),
    /// counted over the articles `request` matches without its own filter on
    /// `facet`, most frequent first, at most `request.facet_limit` of them.
    ///
    /// # Errors
    ///
    /// As [`SearchIndex::search`].
    pub fn search_facet(&self, facet: FacetField, prefix: &str, request: &SearchRequest) -> Result<Vec<FacetCount>> {
        request.validate()?;
        let searcher = self.searcher();
        let plan = self.plan(request, Matching::Exact)?;
        let counts = searcher.search(&plan.matching(Some(facet)), &FacetCollector::new(facet))?;
        let mut folder = Folder::new();
        // Stored values are composed at ingest; the typed prefix may not be.
        let prefix = folder.fold(&crate::query::composed(prefix));
        let counts = counts
            .into_iter()
            .filter(|(value, _)| prefix.is_empty() || folder.has_words_starting(value, &prefix))
            .collect();
        Ok(top_values(counts, request.facet_limit))
    }

    fn plan(&self, request: &SearchRequest, matching: Matching) -> Result<Plan> {
        Ok(Plan {
            text: self.text_query(&request.query, matching)?,
            date: self.date_query(request.published),
            filters: request
                .filters
                .iter()
                .filter(|(_, values)| !values.is_empty())
                .map(|(&facet, values)| (facet, self.filter_query(facet, values)))
                .collect(),
        })
    }

    /// Counts facets and the histogram. Each facet is counted with every
    /// filter but its own, so that a picked value leaves the counts of its
    /// siblings as they were; facets without a filter of their own and the
    /// histogram share one pass over the matching articles.
    fn aggregate(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
        plan: &Plan,
        query: &BooleanQuery,
    ) -> Result<Aggregates> {
        let mut counts = BTreeMap::new();
        let mut shared = MultiCollector::new();
        let mut handles = Vec::new();
        for &facet in &request.facets {
            if plan.filters.contains_key(&facet) {
                let own = searcher.search(&plan.matching(Some(facet)), &FacetCollector::new(facet))?;
                counts.insert(facet, top_values(own, request.facet_limit));
            } else {
                handles.push((facet, shared.add_collector(FacetCollector::new(facet))));
            }
        }
        let histogram_handle =
            request.histogram.map(|histogram| shared.add_collector(HistogramCollector { histogram }));
        let stories_handle = request.collapse.then(|| shared.add_collector(FacetCollector::for_field(CLUSTER)));
        if handles.is_empty() && histogram_handle.is_none() && stories_handle.is_none() {
            return Ok(Aggregates { facets: counts, histogram: Vec::new(), stories: None });
        }
        let mut fruits = searcher.search(query, &shared)?;
        for (facet, handle) in handles {
            counts.insert(facet, top_values(handle.extract(&mut fruits), request.facet_limit));
        }
        let histogram = match (histogram_handle, request.histogram) {
            (Some(handle), Some(histogram)) => histogram.buckets(&handle.extract(&mut fruits)),
            _ => Vec::new(),
        };
        let stories = stories_handle.map(|handle| handle.extract(&mut fruits));
        Ok(Aggregates { facets: counts, histogram, stories })
    }

    pub(crate) fn hits(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
        text_query: &dyn Query,
        top: Vec<Ranked>,
        stories: Option<&ValueCounts>,
    ) -> Result<Vec<Hit>> {
        let (body_generator, title_generator) = if request.query.trim().is_empty() || top.is_empty() {
            (None, None)
        } else {
            let mut body = SnippetGenerator::create(searcher, text_query, self.fields().body)?;
            body.set_max_num_chars(request.snippet_length);
            let mut title = SnippetGenerator::create(searcher, text_query, self.fields().title)?;
            title.set_max_num_chars(1000);
            (Some(body), Some(title))
        };
        top.into_iter()
            .map(|Ranked { score, address, cluster, .. }| {
                let article = self.load_article(searcher, address)?;
                let story_size = cluster.as_ref().and_then(|c| stories?.get(c)).copied().unwrap_or(1);
                Ok(Hit {
                    title_html: snippet::highlight_title(title_generator.as_ref(), &article.title),
                    snippets: snippet::fragments(body_generator.as_ref(), &article.body, request.snippet_length),
                    id: article.id,
                    title: article.title,
                    url: article.url,
                    published: article.published,
                    site: article.site,
                    authors: article.authors,
                    tags: article.tags,
                    summary: article.summary,
                    score,
                    duplicates: story_size.saturating_sub(1),
                })
            })
            .collect()
    }
}

/// One ranked article: its score, where it is, and its story cluster.
pub(crate) struct Ranked {
    pub(crate) score: f32,
    pub(crate) address: DocAddress,
    pub(crate) cluster: Option<String>,
    /// Where the hit stands in the request's order, for its cursor.
    pub(crate) key: Option<SortKey>,
}

/// Returns the total and the requested page of hits, in the request's order;
/// with collapsing, the page holds the best-ranked article of each story.
fn page(searcher: &Searcher, query: &dyn Query, request: &SearchRequest, order: &Order) -> Result<(u64, Vec<Ranked>)> {
    if request.limit == 0 {
        return Ok((searcher.search(query, &Count)? as u64, Vec::new()));
    }
    let sort = order.sort;
    let ranked_hit = |(key, address): (SortKey, DocAddress), cluster| Ranked {
        score: key.score(sort),
        address,
        cluster,
        key: Some(key),
    };
    if !request.collapse {
        let (total, top) = ranked(searcher, query, order, request.limit, request.offset)?;
        return Ok((total, top.into_iter().map(|hit| ranked_hit(hit, None)).collect()));
    }
    // Fetch ever deeper from the top until the page is full of distinct stories.
    let wanted = request.offset + request.limit;
    let mut depth = (wanted * 2).max(20);
    // The stories shown on earlier pages, gathered on first need.
    let mut shown_before: Option<HashSet<String>> = None;
    loop {
        let (total, top) = ranked(searcher, query, order, depth, 0)?;
        let exhausted = top.len() < depth;
        let mut seen = HashSet::new();
        let mut stories = Vec::with_capacity(wanted);
        for (key, address) in top {
            let cluster = cluster_of(searcher, address);
            if !seen.insert(cluster.clone().unwrap_or_else(|| format!("{address:?}"))) {
                continue;
            }
            // Past a cursor, a story whose best copy ranks at or before it
            // was shown on an earlier page.
            if let Some(cluster) = &cluster
                && order.cursor().is_some()
                && has_copies(searcher, cluster)?
            {
                let shown = match &mut shown_before {
                    Some(shown) => shown,
                    None => shown_before.insert(searcher.search(query, &ShownBeforeCursor { order: *order })?),
                };
                if shown.contains(cluster) {
                    continue;
                }
            }
            stories.push(ranked_hit((key, address), cluster));
            if stories.len() == wanted {
                break;
            }
        }
        if stories.len() == wanted || exhausted {
            return Ok((total, stories.into_iter().skip(request.offset).collect()));
        }
        depth *= 4;
    }
}

/// Returns whether story `cluster` has more than one article in the index
/// (a story of one article has no other copy that could have been shown).
fn has_copies(searcher: &Searcher, cluster: &str) -> Result<bool> {
    let field = searcher.schema().get_field(CLUSTER)?;
    Ok(searcher.doc_freq(&Term::from_field_text(field, cluster))? > 1)
}

/// Collects the story clusters with an article matching the query that ranks
/// at or before the order's cursor: the stories shown on earlier pages.
///
/// One pass over the matching articles serves every story of a page. The
/// articles are ranked by the query itself, not by the query and a cluster
/// term: tantivy may score a conjunction otherwise than its parts, and the
/// keys must be the very ones the pages were ranked by.
struct ShownBeforeCursor {
    order: Order,
}

struct ShownBeforeCursorSegment {
    key_of: Box<dyn Fn(DocId, Score) -> SortKey>,
    clusters: Option<StrColumn>,
    ords: HashSet<u64>,
}

impl Collector for ShownBeforeCursor {
    type Fruit = HashSet<String>;
    type Child = ShownBeforeCursorSegment;

    fn for_segment(&self, _: SegmentOrdinal, reader: &SegmentReader) -> tantivy::Result<Self::Child> {
        Ok(ShownBeforeCursorSegment {
            key_of: Box::new(self.order.keys_of(reader)),
            clusters: reader.fast_fields().str(CLUSTER)?,
            ords: HashSet::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.order.sort == Sort::Relevance
    }

    fn merge_fruits(&self, fruits: Vec<HashSet<String>>) -> tantivy::Result<HashSet<String>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for ShownBeforeCursorSegment {
    type Fruit = HashSet<String>;

    fn collect(&mut self, doc: DocId, score: Score) {
        // Keys at or before the cursor are the ones marked as not after it.
        if !(self.key_of)(doc, score).is_after_cursor()
            && let Some(ord) = self.clusters.as_ref().and_then(|c| c.term_ords(doc).next())
        {
            self.ords.insert(ord);
        }
    }

    fn harvest(self) -> HashSet<String> {
        let Some(column) = self.clusters else { return HashSet::new() };
        let name = |ord| {
            let mut cluster = String::new();
            column.ord_to_str(ord, &mut cluster).ok()?.then_some(cluster)
        };
        self.ords.into_iter().filter_map(name).collect()
    }
}

/// Returns the story cluster of the article at `address`.
pub(crate) fn cluster_of(searcher: &Searcher, address: DocAddress) -> Option<String> {
    let column = searcher.segment_reader(address.segment_ord).fast_fields().str(CLUSTER).ok()??;
    let ord = column.term_ords(address.doc_id).next()?;
    let mut cluster = String::new();
    column.ord_to_str(ord, &mut cluster).ok()?.then_some(cluster)
}

/// Returns the total and `limit` hits from `offset` after the order's cursor,
/// with their keys, in the order.
fn ranked(
    searcher: &Searcher,
    query: &dyn Query,
    order: &Order,
    limit: usize,
    offset: usize,
) -> Result<(u64, Vec<(SortKey, DocAddress)>)> {
    let order = *order;
    let keys = move |reader: &SegmentReader| order.keys_of(reader);
    let top = TopDocs::with_limit(limit).and_offset(offset).tweak_score(keys);
    let (total, mut page) = searcher.search(query, &(Count, top))?;
    // Hits at or before the cursor sort below all others: drop what is left of them.
    page.retain(|(key, _)| key.is_after_cursor());
    Ok((total as u64, page))
}

/// Folds text for prefix matching: lower-cased, folded to ASCII where it has
/// an equivalent, with words separated by single spaces. The analyzer is built
/// once and reused for every value of a facet.
struct Folder(TextAnalyzer);

impl Folder {
    fn new() -> Folder {
        Folder(TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(AsciiFoldingFilter).build())
    }

    fn fold(&mut self, text: &str) -> String {
        let mut folded = String::with_capacity(text.len());
        self.0.token_stream(text).process(&mut |token| {
            if !folded.is_empty() {
                folded.push(' ');
            }
            folded.push_str(&token.text);
        });
        folded
    }

    /// Whether `text` has words that start with the folded `prefix`: the
    /// prefix's last word may be cut short, its others are whole words in a
    /// row ("sergey lav" finds "Sergey Lavrov").
    fn has_words_starting(&mut self, text: &str, prefix: &str) -> bool {
        let folded = self.fold(text);
        let mut word_starts = std::iter::once(0).chain(folded.match_indices(' ').map(|(at, _)| at + 1));
        word_starts.any(|at| folded[at..].starts_with(prefix))
    }
}

/// Sorts counts by count, then value, and keeps the first `limit`.
fn top_values(counts: ValueCounts, limit: usize) -> Vec<FacetCount> {
    let mut values: Vec<FacetCount> = counts.into_iter().map(|(value, count)| FacetCount { value, count }).collect();
    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    values.truncate(limit);
    values
}
