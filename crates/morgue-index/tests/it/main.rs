//! Integration tests of the index: round trip, replacement, filters, facets, order.

use std::collections::BTreeMap;

use morgue_index::{DateRange, FacetField, Histogram, Interval, SearchIndex, SearchRequest, Sort, Upsert};
use morgue_model::{Article, ArticleId, Provenance};

fn article(n: u8, title: &str, body: &str, published: &str, tags: &[&str]) -> Article {
    let id = ArticleId::parse(&format!("{n:016x}")).expect("valid id");
    let mut article = Article::new(id, title, body);
    article.published = Some(published.parse().expect("valid date"));
    article.tags = tags.iter().map(|t| (*t).to_owned()).collect();
    article.site = Some("Example Daily".into());
    article.authors = vec![format!("Reporter {}", n % 2)];
    article.provenance = Provenance { content_hash: Some(format!("hash-{n}")), ..Provenance::default() };
    article
}

fn corpus() -> Vec<Article> {
    vec![
        article(
            1,
            "Ceasefire talks resume in Doha",
            "Negotiators met in Doha to discuss a ceasefire in Gaza.",
            "2025-06-24T14:44:00",
            &["Gaza", "Qatar"],
        ),
        article(
            2,
            "Lavrov warns the West",
            "Sergey Lavrov said the West is escalating the war in Ukraine.",
            "2024-05-24T15:34:00",
            &["Russia", "Ukraine war"],
        ),
        article(
            3,
            "Harvest festival draws crowds",
            "Farmers celebrated the harvest with music and a parade.",
            "2023-10-19T09:51:00+03:00",
            &["Culture"],
        ),
        article(
            4,
            "Ceasefire holds in Lebanon",
            "The ceasefire between the parties held for a third day.",
            "2024-07-18T05:54:00",
            &["Lebanon", "Gaza"],
        ),
        article(
            5,
            "Grain deal extended",
            "Russia and Ukraine agreed to extend the grain deal.",
            "2021-08-24T17:21:00",
            &["Russia", "Ukraine war", "Economy"],
        ),
    ]
}

fn index_with(articles: &[Article]) -> SearchIndex {
    let index = SearchIndex::create_in_ram().expect("ram index");
    let mut writer = index.writer(15_000_000).expect("writer");
    for article in articles {
        assert_eq!(writer.upsert(article).expect("upsert"), Upsert::Added);
    }
    writer.commit().expect("commit");
    index
}

#[allow(clippy::needless_pass_by_value)] // Cases read better building the request inline.
fn search(index: &SearchIndex, request: SearchRequest) -> morgue_index::SearchResults {
    index.search(&request).expect("search")
}

fn titles(results: &morgue_index::SearchResults) -> Vec<&str> {
    results.hits.iter().map(|hit| hit.title.as_str()).collect()
}

fn filters(facet: FacetField, values: &[&str]) -> BTreeMap<FacetField, Vec<String>> {
    BTreeMap::from([(facet, values.iter().map(|v| (*v).to_owned()).collect())])
}

#[test]
fn stored_article_comes_back_whole() {
    let articles = corpus();
    let index = index_with(&articles);
    let back = index.article(&articles[1].id).expect("read").expect("present");
    assert_eq!(back, articles[1]);
    let missing = ArticleId::parse("ffffffffffffffff").expect("valid id");
    assert_eq!(index.article(&missing).expect("read"), None);
}

#[test]
fn upsert_replaces_by_id_and_skips_unchanged_pages() {
    let articles = corpus();
    let index = index_with(&articles);
    let mut writer = index.writer(15_000_000).expect("writer");
    assert_eq!(writer.upsert(&articles[0]).expect("upsert"), Upsert::Unchanged);
    let mut edited = articles[0].clone();
    edited.title = "Ceasefire talks resume in Cairo".into();
    edited.provenance.content_hash = Some("hash-edited".into());
    assert_eq!(writer.upsert(&edited).expect("upsert"), Upsert::Replaced);
    writer.commit().expect("commit");
    assert_eq!(index.num_articles(), 5);
    let back = index.article(&articles[0].id).expect("read").expect("present");
    assert_eq!(back.title, "Ceasefire talks resume in Cairo");
    let results = search(&index, SearchRequest { query: "doha".into(), ..Default::default() });
    assert_eq!(titles(&results), ["Ceasefire talks resume in Cairo"]);
}

#[test]
fn a_writer_dropped_without_commit_changes_nothing() {
    let articles = corpus();
    let index = index_with(&articles[..2]);
    {
        let mut writer = index.writer(15_000_000).expect("writer");
        writer.upsert(&articles[2]).expect("upsert");
    }
    index.reload().expect("reload");
    assert_eq!(index.num_articles(), 2);
}

#[test]
fn query_matches_stemmed_words_and_empty_query_matches_all() {
    let index = index_with(&corpus());
    let results = search(&index, SearchRequest { query: "negotiator".into(), ..Default::default() });
    assert_eq!(titles(&results), ["Ceasefire talks resume in Doha"]);
    assert_eq!(search(&index, SearchRequest::default()).total, 5);
}

#[test]
fn title_matches_rank_first_and_snippets_mark_terms() {
    let index = index_with(&corpus());
    let results = search(&index, SearchRequest { query: "ceasefire".into(), ..Default::default() });
    assert_eq!(results.total, 2);
    assert!(results.hits.iter().all(|hit| hit.title_html.starts_with("<mark>Ceasefire</mark> ")));
    assert!(results.hits.iter().all(|hit| hit.snippets[0].contains("<mark>ceasefire</mark>")));
}

#[test]
fn phrase_boolean_and_field_queries() {
    let index = index_with(&corpus());
    let total = |q: &str| search(&index, SearchRequest { query: q.into(), ..Default::default() }).total;
    assert_eq!(total("\"grain deal\""), 1);
    assert_eq!(total("\"deal grain\""), 0);
    assert_eq!(total("ceasefire OR harvest"), 3);
    assert_eq!(total("ceasefire -lebanon"), 1);
    assert_eq!(total("NOT lebanon"), 4);
    assert_eq!(total("ceasefire AND NOT lebanon"), 1);
    assert_eq!(total("tag:gaza"), 2);
    assert_eq!(total("title:lavrov"), 1);
}

#[test]
fn an_unparsable_query_is_the_callers_error() {
    let index = index_with(&corpus());
    for bad in ["nosuchfield:x", "title:"] {
        let error = index.search(&SearchRequest { query: bad.into(), ..Default::default() });
        assert!(matches!(error, Err(ref e) if e.is_invalid_input()), "{bad}: {error:?}");
    }
}

#[test]
fn filters_or_within_a_facet_and_and_across_facets() {
    let index = index_with(&corpus());
    let mut request = SearchRequest { filters: filters(FacetField::Tags, &["gaza", "Culture"]), ..Default::default() };
    assert_eq!(search(&index, request.clone()).total, 3);
    request.filters.insert(FacetField::Authors, vec!["Reporter 1".into()]);
    assert_eq!(search(&index, request).total, 2);
}

#[test]
fn date_range_includes_its_ends() {
    let index = index_with(&corpus());
    let at = |s: &str| Some(s.parse::<chrono::DateTime<chrono::Utc>>().expect("valid"));
    let request = SearchRequest {
        published: DateRange { from: at("2024-05-24T15:34:00Z"), to: at("2024-07-18T05:54:00Z") },
        ..Default::default()
    };
    assert_eq!(search(&index, request).total, 2);
    // 09:51 at +03:00 is 06:51 UTC.
    let request =
        SearchRequest { published: DateRange { from: None, to: at("2023-10-19T06:51:00Z") }, ..Default::default() };
    assert_eq!(search(&index, request).total, 2);
}

#[test]
fn sort_by_date_and_paging() {
    let index = index_with(&corpus());
    let newest = search(&index, SearchRequest { sort: Sort::Newest, ..Default::default() });
    let dates: Vec<String> = newest.hits.iter().map(|h| h.published.expect("dated").to_string()).collect();
    assert_eq!(
        dates,
        [
            "2025-06-24T14:44:00",
            "2024-07-18T05:54:00",
            "2024-05-24T15:34:00",
            "2023-10-19T09:51:00+03:00",
            "2021-08-24T17:21:00"
        ]
    );
    let oldest = search(&index, SearchRequest { sort: Sort::Oldest, limit: 2, offset: 1, ..Default::default() });
    assert_eq!(oldest.total, 5);
    assert_eq!(titles(&oldest), ["Harvest festival draws crowds", "Lavrov warns the West"]);
}

#[test]
fn facets_count_values_by_count_then_name() {
    let index = index_with(&corpus());
    let results =
        search(&index, SearchRequest { facets: vec![FacetField::Tags, FacetField::Site], ..Default::default() });
    let tags: Vec<(&str, u64)> =
        results.facets[&FacetField::Tags].iter().map(|c| (c.value.as_str(), c.count)).collect();
    assert_eq!(tags[..3], [("Gaza", 2), ("Russia", 2), ("Ukraine war", 2)]);
    assert_eq!(tags.iter().map(|(_, n)| n).sum::<u64>(), 10);
    assert_eq!(results.facets[&FacetField::Site][0].count, 5);
}

#[test]
fn picking_a_tag_leaves_the_other_tags_counts_as_without_it() {
    let index = index_with(&corpus());
    let base = SearchRequest {
        filters: filters(FacetField::Authors, &["Reporter 1"]),
        facets: vec![FacetField::Tags, FacetField::Authors],
        ..Default::default()
    };
    let without = search(&index, base.clone());
    let mut picked = base;
    picked.filters.insert(FacetField::Tags, vec!["Gaza".into()]);
    let with = search(&index, picked);
    assert_eq!(with.total, 1);
    assert_eq!(with.facets[&FacetField::Tags], without.facets[&FacetField::Tags]);
    // The author facet is narrowed by the tag pick, but not by its own filter.
    let authors: Vec<(&str, u64)> =
        with.facets[&FacetField::Authors].iter().map(|c| (c.value.as_str(), c.count)).collect();
    assert_eq!(authors, [("Reporter 0", 1), ("Reporter 1", 1)]);
}

#[test]
fn out_of_range_requests_are_refused() {
    let index = index_with(&corpus());
    let error = index.search(&SearchRequest { limit: 1000, ..Default::default() });
    assert!(matches!(error, Err(morgue_index::Error::InvalidRequest { parameter: "limit", .. })));
}

#[test]
fn index_on_disk_survives_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = corpus();
    {
        let index = SearchIndex::open_or_create(dir.path()).expect("create");
        let mut writer = index.writer(15_000_000).expect("writer");
        for article in &articles {
            writer.upsert(article).expect("upsert");
        }
        writer.commit().expect("commit");
    }
    let index = SearchIndex::open_or_create(dir.path()).expect("reopen");
    assert_eq!(index.num_articles(), 5);
    let mut writer = index.writer(15_000_000).expect("writer");
    assert_eq!(writer.upsert(&articles[3]).expect("upsert"), Upsert::Unchanged);
}

#[test]
fn histogram_buckets_sum_to_total_and_follow_the_zone() {
    let mut articles = corpus();
    // 23:30 UTC on 31 January is already 1 February in Moscow.
    articles.push(article(
        6,
        "Late story",
        "A late night story about the grain deal.",
        "2025-01-31T23:30:00Z",
        &["Economy"],
    ));
    let index = index_with(&articles);
    let request =
        |tz| SearchRequest { histogram: Some(Histogram { interval: Interval::Month, tz }), ..Default::default() };
    let utc = search(&index, request(chrono_tz::UTC));
    assert_eq!(utc.histogram.iter().map(|b| b.count).sum::<u64>(), utc.total);
    let key = |results: &morgue_index::SearchResults, day: &str| {
        results.histogram.iter().find(|b| b.key.to_string() == day).map(|b| b.count)
    };
    assert_eq!(key(&utc, "2025-01-01"), Some(1));
    assert_eq!(key(&utc, "2025-02-01"), Some(0), "empty buckets between first and last are included");
    let moscow = search(&index, request(chrono_tz::Europe::Moscow));
    assert_eq!(key(&moscow, "2025-01-01"), Some(0));
    assert_eq!(key(&moscow, "2025-02-01"), Some(1));
    assert_eq!(moscow.histogram.first().map(|b| b.key.to_string()).as_deref(), Some("2021-08-01"));
    assert_eq!(moscow.histogram.len(), 12 * 4 - 7 + 6);
}

#[test]
fn typos_in_long_words_are_tolerated_when_exact_words_find_little() {
    let index = index_with(&corpus());
    let results = search(&index, SearchRequest { query: "Lavorv".into(), ..Default::default() });
    assert!(results.typos_matched);
    assert_eq!(titles(&results), ["Lavrov warns the West"]);
    let results = search(&index, SearchRequest { query: "ceasfire".into(), ..Default::default() });
    assert_eq!(results.total, 2);
    let off = search(&index, SearchRequest { query: "ceasfire".into(), typos: false, ..Default::default() });
    assert_eq!(off.total, 0);
    // Short words never match with a typo.
    assert_eq!(search(&index, SearchRequest { query: "dela".into(), ..Default::default() }).total, 0);
}

#[test]
fn prefix_queries_match_word_beginnings() {
    let index = index_with(&corpus());
    let total = |q: &str| search(&index, SearchRequest { query: q.into(), typos: false, ..Default::default() }).total;
    assert_eq!(total("lav*"), 1);
    assert_eq!(total("ceasef*"), 2);
    assert_eq!(total("title:harv*"), 1);
    assert_eq!(total("ceasef* -leb*"), 1);
    assert_eq!(total("\"grain de\"*"), 1);
}

#[test]
fn recency_lets_a_fresh_story_outrank_an_old_one_of_similar_relevance() {
    let old = article(
        1,
        "Parliament debates budget",
        "The parliament debated the budget all day.",
        "2015-03-01T10:00:00",
        &[],
    );
    let fresh = article(
        2,
        "Parliament debates the budget",
        "The parliament debated the budget all day long.",
        "2026-11-20T10:00:00",
        &[],
    );
    let index = index_with(&[old, fresh]);
    let request = |half_life| SearchRequest {
        query: "parliament budget".into(),
        recency_half_life: half_life,
        ..Default::default()
    };
    let plain = search(&index, request(None));
    assert_eq!(plain.hits[0].published.expect("dated").date().to_string(), "2015-03-01");
    let blended = search(&index, request(Some(chrono::TimeDelta::days(30))));
    assert_eq!(blended.hits[0].published.expect("dated").date().to_string(), "2026-11-20");
}

#[test]
fn facet_values_are_found_by_word_prefix_ignoring_case_and_accents() {
    let mut articles = corpus();
    articles[0].tags.push("Sergey Lavrov".into());
    articles[1].tags.push("Émile Zola".into());
    let index = index_with(&articles);
    let values = |prefix: &str, request: &SearchRequest| -> Vec<(String, u64)> {
        index
            .search_facet(FacetField::Tags, prefix, request)
            .expect("facet search")
            .into_iter()
            .map(|c| (c.value, c.count))
            .collect()
    };
    let all = SearchRequest::default();
    assert_eq!(values("lav", &all), [("Sergey Lavrov".to_owned(), 1)]);
    assert_eq!(values("emi", &all), [("Émile Zola".to_owned(), 1)]);
    // Several words: whole words in a row, the last one cut short.
    assert_eq!(values("sergey lav", &all), [("Sergey Lavrov".to_owned(), 1)]);
    assert_eq!(values("Émile  Z", &all), [("Émile Zola".to_owned(), 1)]);
    assert!(values("ergey lav", &all).is_empty());
    assert!(values("lavrov sergey", &all).is_empty());
    assert_eq!(values("UKR", &all), [("Ukraine war".to_owned(), 2)]);
    // Counted under the other filters, not its own.
    let narrowed = SearchRequest { filters: filters(FacetField::Tags, &["Economy"]), ..Default::default() };
    assert_eq!(values("ukr", &narrowed), [("Ukraine war".to_owned(), 2)]);
    let by_query = SearchRequest { query: "grain".into(), ..Default::default() };
    assert_eq!(values("ukr", &by_query), [("Ukraine war".to_owned(), 1)]);
    assert_eq!(values("", &by_query).len(), 3);
}

#[test]
fn a_query_in_another_unicode_form_finds_the_composed_words_of_the_index() {
    let mut articles = corpus();
    articles[2].body.push_str(" 한국 농민들도 축제에 참여했다.");
    articles[2].tags.push("한국".into());
    let index = index_with(&articles);
    // "한국" spelled as its six jamo (NFD), as some keyboards and PDFs give it.
    let decomposed = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}";
    let by_query = search(&index, SearchRequest { query: decomposed.into(), ..Default::default() });
    assert_eq!(titles(&by_query), ["Harvest festival draws crowds"]);
    let by_filter =
        search(&index, SearchRequest { filters: filters(FacetField::Tags, &[decomposed]), ..Default::default() });
    assert_eq!(titles(&by_filter), ["Harvest festival draws crowds"]);
    let values = index.search_facet(FacetField::Tags, decomposed, &SearchRequest::default()).expect("facet search");
    assert_eq!(values.iter().map(|c| c.value.as_str()).collect::<Vec<_>>(), ["한국"]);
    // A title's word typed with a combining accent ("Émile" as E and U+0301).
    let mut articles = corpus();
    articles[3].title = "Émile Zola's Paris".into();
    let index = index_with(&articles);
    let suggested = index.suggest("E\u{301}mi", 5).expect("suggest");
    assert!(suggested.iter().any(|s| s.text == "Émile Zola's Paris"), "{suggested:?}");
}

const WIRE: &str = "The central bank raised its main interest rate by half a percentage point on Thursday, \
    the largest increase in two decades, as policymakers moved to tame inflation that has climbed to its highest \
    level since the early nineties. The governor said further increases were likely in the coming months if price \
    pressures did not ease, and warned that the economy would slow sharply next year as households cut spending.";

fn wire_copies() -> Vec<Article> {
    let mut copies = vec![
        article(11, "Central bank raises rates", WIRE, "2025-03-06T10:00:00Z", &["Economy"]),
        article(
            12,
            "Bank lifts rates by half a point",
            &format!("LONDON (Reuters) - {WIRE}"),
            "2025-03-06T11:00:00Z",
            &["Economy"],
        ),
        article(
            13,
            "Rates up again",
            &format!("{WIRE} Reporting by Jane Doe; editing by John Roe."),
            "2025-03-06T12:00:00Z",
            &["Banks"],
        ),
    ];
    for (copy, site) in copies.iter_mut().zip(["Daily One", "Wire Two", "Herald Three"]) {
        copy.site = Some(site.into());
    }
    copies
}

#[test]
fn wire_copy_on_several_sites_collapses_into_one_hit() {
    let mut articles = corpus();
    articles.extend(wire_copies());
    let index = index_with(&articles);
    let collapsed = search(&index, SearchRequest { query: "central bank".into(), ..Default::default() });
    assert_eq!((collapsed.total, collapsed.stories), (3, Some(1)));
    assert_eq!(collapsed.hits.len(), 1);
    assert_eq!(collapsed.hits[0].duplicates, 2);
    let all = search(&index, SearchRequest { query: "central bank".into(), collapse: false, ..Default::default() });
    assert_eq!((all.total, all.stories, all.hits.len()), (3, None, 3));
    assert!(all.hits.iter().all(|hit| hit.duplicates == 0));
    // Paging goes by story: the five other stories and the wire story make six.
    let everything = search(&index, SearchRequest { limit: 4, offset: 4, sort: Sort::Newest, ..Default::default() });
    assert_eq!((everything.total, everything.stories, everything.hits.len()), (8, Some(6), 2));
    let duplicates = index.duplicates(&articles[5].id).expect("duplicates");
    let sites: Vec<_> = duplicates.iter().map(|a| a.site.as_deref().unwrap_or_default()).collect();
    assert_eq!(sites, ["Wire Two", "Herald Three"]);
}

#[test]
fn copies_committed_apart_still_join_one_story() {
    let copies = wire_copies();
    let index = index_with(&copies[..1]);
    let mut writer = index.writer(15_000_000).expect("writer");
    writer.upsert(&copies[1]).expect("upsert");
    writer.commit().expect("commit");
    let results = search(&index, SearchRequest::default());
    assert_eq!((results.total, results.stories), (2, Some(1)));
}

#[test]
fn related_articles_share_words_and_tags_but_never_the_same_story() {
    let mut articles = corpus();
    articles.extend(wire_copies());
    articles.push(article(
        20,
        "Bank rates and inflation",
        "Inflation pushed the central bank to consider rates again, the governor said.",
        "2025-04-01T10:00:00Z",
        &["Economy"],
    ));
    let index = index_with(&articles);
    let wire_id = &articles[5].id;
    let related = index.related(wire_id, 5).expect("related").expect("known article");
    let titles: Vec<&str> = related.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(titles.first(), Some(&"Bank rates and inflation"), "{titles:?}");
    assert!(!titles.iter().any(|t| t.contains("Rates up again") || t.contains("Bank lifts")), "{titles:?}");
    let unknown = ArticleId::parse("ffffffffffffffff").expect("valid id");
    assert!(index.related(&unknown, 5).expect("related").is_none());
}

#[test]
fn suggestions_complete_tags_and_headlines() {
    let mut articles = corpus();
    articles[0].tags.push("Sergey Lavrov".into());
    let index = index_with(&articles);
    let texts = |typed: &str| -> Vec<String> {
        index.suggest(typed, 5).expect("suggest").into_iter().map(|s| s.text).collect()
    };
    assert_eq!(texts("lav"), ["Sergey Lavrov", "Lavrov warns the West"]);
    assert_eq!(texts("harvest fest"), ["Harvest festival draws crowds"]);
    assert_eq!(texts("ukr"), ["Ukraine war"]);
    assert!(texts("").is_empty());
}

/// Pages through `request` by cursor, `limit` hits a page; returns the titles
/// and the number of pages.
fn titles_by_cursor(index: &SearchIndex, request: &SearchRequest, limit: usize) -> (Vec<String>, usize) {
    let mut seen = Vec::new();
    let mut cursor = None;
    for page in 1.. {
        let results = search(index, SearchRequest { limit, cursor: cursor.take(), ..request.clone() });
        seen.extend(results.hits.iter().map(|hit| hit.title.clone()));
        assert!(results.hits.len() <= limit);
        match results.next_cursor {
            Some(next) => cursor = Some(next),
            None => return (seen, page),
        }
        assert!(page < 50, "cursor paging does not end");
    }
    unreachable!("the loop returns")
}

#[test]
fn cursors_page_through_every_order_without_gaps_or_repeats() {
    let mut articles = corpus();
    articles.extend(wire_copies());
    // Two articles of the same second: the id breaks the tie.
    let mut twin = article(30, "Twin one", "Ceasefire news of the same second.", "2024-07-18T05:54:00", &["Gaza"]);
    twin.site = Some("Other Daily".into());
    articles.push(twin);
    let mut undated = article(31, "Undated ceasefire note", "A ceasefire note with no date.", "2024-01-01", &[]);
    undated.published = None;
    articles.push(undated);
    let index = index_with(&articles);
    for sort in [Sort::Newest, Sort::Oldest, Sort::Relevance] {
        for (query, collapse) in [("", true), ("", false), ("ceasefire", true), ("rates", false)] {
            let request = SearchRequest { query: query.into(), sort, collapse, ..Default::default() };
            let whole = titles(&search(&index, SearchRequest { limit: 100, ..request.clone() }))
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>();
            assert!(!whole.is_empty());
            for limit in [1, 2, 3] {
                let (paged, pages) = titles_by_cursor(&index, &request, limit);
                assert_eq!(paged, whole, "{sort:?} {query:?} collapse={collapse} limit={limit}");
                assert!(pages >= whole.len().div_ceil(limit));
            }
        }
    }
    let newest =
        search(&index, SearchRequest { sort: Sort::Newest, collapse: false, limit: 100, ..Default::default() });
    assert_eq!(titles(&newest).last(), Some(&"Undated ceasefire note"), "undated articles come last");
}

#[test]
fn a_cursor_of_another_order_or_with_an_offset_is_refused() {
    let index = index_with(&corpus());
    let first = search(&index, SearchRequest { sort: Sort::Newest, limit: 2, ..Default::default() });
    let cursor = first.next_cursor.expect("a full page has a next cursor");
    let refused = |request: SearchRequest| match index.search(&request) {
        Err(morgue_index::Error::InvalidRequest { parameter, .. }) => parameter,
        other => panic!("expected a refusal, got {other:?}"),
    };
    let with = |sort, offset, cursor: &str| SearchRequest {
        sort,
        offset,
        limit: 2,
        cursor: Some(cursor.to_owned()),
        ..Default::default()
    };
    assert_eq!(refused(with(Sort::Oldest, 0, &cursor)), "cursor");
    assert_eq!(refused(with(Sort::Newest, 2, &cursor)), "offset");
    assert_eq!(refused(with(Sort::Newest, 0, "not-a-cursor")), "cursor");
    let second = search(&index, with(Sort::Newest, 0, &cursor));
    let by_offset = search(&index, SearchRequest { sort: Sort::Newest, limit: 2, offset: 2, ..Default::default() });
    assert_eq!(titles(&second), titles(&by_offset));
    let last = search(&index, SearchRequest { sort: Sort::Newest, limit: 10, ..Default::default() });
    assert_eq!(last.next_cursor, None, "a page that is not full is the last");
}
