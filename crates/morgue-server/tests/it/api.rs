//! The HTTP API in-process: the acceptance queries and every error shape.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use morgue_server::{AppState, router};
use serde_json::Value;
use tower::ServiceExt;

use crate::{seeded_index, server_config};

struct Api {
    app: axum::Router,
    _dir: tempfile::TempDir,
}

impl Api {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let index = seeded_index(dir.path());
        Self { app: router(AppState { index, config: server_config() }), _dir: dir }
    }

    async fn get(&self, uri: &str) -> (StatusCode, Value) {
        let (status, _, body) = self.get_raw(uri).await;
        let json = serde_json::from_slice(&body).unwrap_or_else(|_| panic!("{uri} answered non-JSON"));
        (status, json)
    }

    async fn get_raw(&self, uri: &str) -> (StatusCode, String, Vec<u8>) {
        let request = Request::get(uri).body(Body::empty()).expect("request");
        let response = self.app.clone().oneshot(request).await.expect("response");
        let status = response.status();
        let content_type =
            response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        let body = response.into_body().collect().await.expect("body").to_bytes().to_vec();
        (status, content_type, body)
    }
}

fn titles(json: &Value) -> Vec<&str> {
    json["hits"].as_array().expect("hits").iter().map(|h| h["title"].as_str().expect("title")).collect()
}

#[tokio::test]
async fn lavrov_matches_all_five_with_russia_on_each() {
    let api = Api::new();
    let (status, json) = api.get("/api/v1/search?q=lavrov&facets=tags").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json["total"], 5);
    let tags = json["facets"]["tags"].as_array().expect("tag facet");
    assert!(tags.contains(&serde_json::json!({"value": "Russia", "count": 5})), "{tags:?}");
    assert!(json["took_ms"].is_u64());
    let hit = &json["hits"][0];
    for key in ["id", "title", "url", "published", "site", "authors", "tags", "summary", "snippet"] {
        assert!(hit.get(key).is_some(), "hit has {key}");
    }
    assert!(hit["snippet"].as_str().expect("snippet").contains("<mark>Lavrov</mark>"));
}

#[tokio::test]
async fn date_filter_keeps_only_articles_from_that_day_on() {
    let api = Api::new();
    let (_, json) = api.get("/api/v1/search?q=ceasefire&from=2025-01-01").await;
    assert_eq!(json["total"], 1);
    assert_eq!(json["hits"][0]["published"], "2025-06-24T14:44:00");
    let (_, json) = api.get("/api/v1/search?q=ceasefire&to=2024-12-31").await;
    assert!(json["hits"].as_array().expect("hits").iter().all(|h| h["published"].as_str() < Some("2025")));
}

#[tokio::test]
async fn newest_sort_lists_by_date() {
    let api = Api::new();
    let (_, json) = api.get("/api/v1/search?sort=newest").await;
    let dates: Vec<&str> =
        json["hits"].as_array().expect("hits").iter().map(|h| h["published"].as_str().expect("date")).collect();
    assert_eq!(
        dates,
        [
            "2025-06-24T14:44:00",
            "2024-07-18T05:54:00",
            "2024-05-24T15:34:00",
            "2023-10-19T09:51:00",
            "2021-08-24T17:21:00"
        ]
    );
    let (_, oldest) = api.get("/api/v1/search?sort=oldest&limit=1").await;
    assert_eq!(oldest["hits"][0]["published"], "2021-08-24T17:21:00");
}

#[tokio::test]
async fn repeated_filters_or_and_different_filters_and() {
    let api = Api::new();
    let (_, json) = api.get("/api/v1/search?tag=Ukraine%20war").await;
    assert_eq!(json["total"], 2);
    let (_, json) = api.get("/api/v1/search?tag=Ukraine+war&tag=Afghanistan").await;
    assert_eq!(json["total"], 3);
    let (_, json) = api.get("/api/v1/search?tag=Ukraine+war&tag=Afghanistan&author=Al+Mayadeen").await;
    assert_eq!(titles(&json), ["Lavrov: Russia Does not want US Army in Central Asia"]);
    let (_, json) = api.get("/api/v1/search?series=War+on+Gaza&facets=series").await;
    assert_eq!(json["total"], 2);
}

#[tokio::test]
async fn picking_a_tag_keeps_the_tag_counts_of_the_query() {
    let api = Api::new();
    let (_, all) = api.get("/api/v1/search?q=lavrov&facets=tags,authors").await;
    let (_, picked) = api.get("/api/v1/search?q=lavrov&tag=Gaza&facets=tags,authors").await;
    assert_eq!(picked["total"], 1);
    assert_eq!(picked["facets"]["tags"], all["facets"]["tags"]);
    assert_eq!(picked["facets"]["authors"], serde_json::json!([{"value": "Al Mayadeen English", "count": 1}]));
}

#[tokio::test]
async fn article_comes_back_whole_and_unknown_ids_are_404() {
    let api = Api::new();
    let (_, search) = api.get("/api/v1/search?q=Pyongyang").await;
    let id = search["hits"][0]["id"].as_str().expect("id").to_owned();
    let (status, article) = api.get(&format!("/api/v1/articles/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(article["title"], "Russian FM slams blaming Iran for 'everything' as 'provocative'");
    assert_eq!(article["series"], "War on Gaza");
    assert_eq!(article["reading_minutes"], 4);
    assert!(article["body"].as_str().expect("body").contains("\n\n"));
    for uri in ["/api/v1/articles/ffffffffffffffff", "/api/v1/articles/not-an-id"] {
        let (status, error) = api.get(uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(error["code"], "article_not_found");
    }
}

#[tokio::test]
async fn bad_parameters_are_400_with_a_stable_code() {
    let api = Api::new();
    for (query, code) in [
        ("limit=1000", "invalid_parameter"),
        ("limit=-1", "invalid_parameter"),
        ("from=yesterday", "invalid_date"),
        ("to=2025-02-30", "invalid_date"),
        ("from=2025-01-01&to=2024-01-01", "invalid_date_range"),
        ("tags=Russia", "invalid_parameter"),
        ("sort=popular", "invalid_parameter"),
        ("facets=tags,colour", "invalid_parameter"),
        ("q=title:", "invalid_query"),
        ("q=nosuchfield:x", "invalid_query"),
        ("q=%22unclosed", "invalid_query"),
    ] {
        let (status, json) = api.get(&format!("/api/v1/search?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}: {json}");
        assert_eq!(json["code"], code, "{query}: {json}");
        assert!(json["message"].as_str().is_some_and(|m| !m.is_empty()), "{query}");
    }
}

#[tokio::test]
async fn unknown_paths_are_404_json_and_health_answers() {
    let api = Api::new();
    let (status, json) = api.get("/api/v2/search").await;
    assert_eq!((status, json["code"].as_str()), (StatusCode::NOT_FOUND, Some("not_found")));
    let (status, json) = api.get("/healthz").await;
    assert_eq!((status, json["status"].as_str()), (StatusCode::OK, Some("ok")));
    let (_, json) = api.get("/readyz").await;
    assert_eq!(json["articles"], 5);
}

#[tokio::test]
async fn the_page_is_served_self_contained() {
    let api = Api::new();
    let (status, content_type, body) = api.get_raw("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/html"));
    let html = String::from_utf8(body).expect("utf-8");
    assert!(html.contains("api/v1/search"));
    for external in ["src=\"http", "href=\"http", "url(http", "@import", "//cdn", "fonts.googleapis"] {
        assert!(!html.contains(external), "the page loads nothing from elsewhere ({external})");
    }
    assert!(html.len() < 150_000, "the page is {} bytes", html.len());
}

#[tokio::test]
async fn histogram_buckets_sum_to_total_with_empty_ones_between() {
    let api = Api::new();
    let (status, json) = api.get("/api/v1/search?q=lavrov&histogram=year&tz=Europe/Moscow").await;
    assert_eq!(status, StatusCode::OK, "{json}");
    let buckets = json["histogram"].as_array().expect("histogram");
    let keys: Vec<&str> = buckets.iter().map(|b| b["key"].as_str().expect("key")).collect();
    assert_eq!(keys, ["2021-01-01", "2022-01-01", "2023-01-01", "2024-01-01", "2025-01-01"]);
    let counts: Vec<u64> = buckets.iter().map(|b| b["count"].as_u64().expect("count")).collect();
    assert_eq!(counts, [1, 0, 1, 2, 1]);
    assert_eq!(buckets[0]["start"], "2021-01-01T00:00:00+03:00");
    let (_, json) = api.get("/api/v1/search?q=lavrov").await;
    assert!(json.get("histogram").is_none(), "no histogram unless asked");
    for bad in ["histogram=hour", "histogram=day&tz=Mars/Olympus", "recency=soon", "typos=maybe"] {
        let (status, json) = api.get(&format!("/api/v1/search?{bad}")).await;
        assert_eq!((status, json["code"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_parameter")), "{bad}");
    }
}

#[tokio::test]
async fn hits_carry_a_highlighted_title_and_up_to_three_snippets() {
    let api = Api::new();
    let (_, json) = api.get("/api/v1/search?q=ceasefire&sort=newest").await;
    let hit = &json["hits"][0];
    assert_eq!(
        hit["title_html"],
        "Lavrov: Russia backs Iran-&#x27;Israel&#x27; <mark>ceasefire</mark>, warns of fragile truce"
    );
    let snippets = hit["snippets"].as_array().expect("snippets");
    assert_eq!(snippets.len(), 3);
    assert!(snippets.iter().all(|s| s.as_str().expect("text").contains("<mark>ceasefire</mark>")));
    assert_eq!(hit["snippet"], snippets[0]);
}

#[tokio::test]
async fn a_misspelt_name_still_finds_the_articles() {
    let api = Api::new();
    let (_, json) = api.get("/api/v1/search?q=Lavorv").await;
    assert_eq!((json["total"].as_u64(), json["typos"].as_bool()), (Some(5), Some(true)));
    let (_, json) = api.get("/api/v1/search?q=Lavorv&typos=false").await;
    assert_eq!(json["total"], 0);
    let (_, json) = api.get("/api/v1/search?q=lavr*").await;
    assert_eq!(json["total"], 5);
}

#[tokio::test]
async fn facet_values_are_searchable_by_prefix_under_the_current_filters() {
    let api = Api::new();
    let (status, json) = api.get("/api/v1/facets/tags?q=lav").await;
    assert_eq!(status, StatusCode::OK, "{json}");
    assert_eq!(
        json,
        serde_json::json!({"facet": "tags", "values": [
            {"value": "Sergey Lavrov", "count": 3},
            {"value": "Lavrov", "count": 1},
            {"value": "Russian Foreign Minister Sergey Lavrov", "count": 1},
        ]})
    );
    let (_, json) = api.get("/api/v1/facets/tags?q=lav&query=pyongyang").await;
    assert_eq!(json["values"], serde_json::json!([{"value": "Lavrov", "count": 1}]));
    let (_, json) = api.get("/api/v1/facets/tags?q=ukr&from=2025-01-01").await;
    assert_eq!(json["values"], serde_json::json!([{"value": "Ukraine war", "count": 1}]));
    let (status, json) = api.get("/api/v1/facets/colour?q=x").await;
    assert_eq!((status, json["code"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_parameter")));
}

#[tokio::test]
async fn related_articles_exclude_the_article_and_unknown_ids_are_404() {
    let api = Api::new();
    let (_, search) = api.get("/api/v1/search?q=Pyongyang").await;
    let id = search["hits"][0]["id"].as_str().expect("id").to_owned();
    let (status, json) = api.get(&format!("/api/v1/articles/{id}/related?limit=3")).await;
    assert_eq!(status, StatusCode::OK, "{json}");
    let hits = json["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 3);
    assert!(hits.iter().all(|h| h["id"] != id.as_str()));
    let (status, json) = api.get("/api/v1/articles/ffffffffffffffff/related").await;
    assert_eq!((status, json["code"].as_str()), (StatusCode::NOT_FOUND, Some("article_not_found")));
    let (status, _) = api.get(&format!("/api/v1/articles/{id}/related?limit=500")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn suggestions_complete_entities_tags_and_headlines() {
    let api = Api::new();
    let (status, json) = api.get("/api/v1/suggest?q=afgh").await;
    assert_eq!(status, StatusCode::OK, "{json}");
    // A place and a tag of one name are one suggestion, the entity's.
    assert_eq!(json["suggestions"], serde_json::json!([{"text": "Afghanistan", "kind": "place", "count": 1}]));
    let (_, json) = api.get("/api/v1/suggest?q=russian+fm").await;
    assert_eq!(json["suggestions"][0]["text"], "Russian FM slams blaming Iran for 'everything' as 'provocative'");
    assert_eq!(json["suggestions"][0]["kind"], "title");
}

#[tokio::test]
async fn a_search_is_a_valid_atom_feed_newest_first() {
    let api = Api::new();
    let (status, content_type, body) = api.get_raw("/api/v1/search.atom?q=lavrov&tag=Russia").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/atom+xml; charset=utf-8");
    let feed = feed_rs::parser::parse(body.as_slice()).expect("a valid feed");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(feed.entries.len(), 5);
    let published: Vec<_> = feed.entries.iter().map(|e| e.published.expect("published")).collect();
    assert!(published.windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert_eq!(
        feed.entries[0].title.as_ref().expect("title").content,
        "Lavrov: Russia backs Iran-'Israel' ceasefire, warns of fragile truce"
    );
    assert!(feed.entries[0].categories.iter().any(|c| c.term == "Russia"));
    let (status, error) = api.get("/api/v1/search.atom?limit=1000").await;
    assert_eq!((status, error["code"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_parameter")));
}

#[tokio::test]
async fn a_query_error_says_where_the_problem_is() {
    let api = Api::new();
    let (status, json) = api.get("/api/v1/search?q=lavrov%20colour:red").await;
    assert_eq!((status, json["code"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_query")));
    assert_eq!(json["position"], 7, "{json}");
    let (_, json) = api.get("/api/v1/search?q=%22unclosed%20phrase").await;
    assert!(json["position"].is_u64(), "{json}");
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern_and_status() {
    let api = Api::new();
    api.get("/api/v1/search?q=lavrov").await;
    api.get("/api/v1/search?limit=1000").await;
    let (_, article) = api.get("/api/v1/search?limit=1").await;
    let id = article["hits"][0]["id"].as_str().expect("id").to_owned();
    api.get(&format!("/api/v1/articles/{id}")).await;
    api.get("/no/such/path").await;
    let (status, content_type, body) = api.get_raw("/metrics").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/plain; version=0.0.4"), "{content_type}");
    let text = String::from_utf8(body).expect("UTF-8");
    for line in [
        "morgue_index_articles 5",
        "morgue_http_requests_total{route=\"/api/v1/search\",status=\"200\"} 2",
        "morgue_http_requests_total{route=\"/api/v1/search\",status=\"400\"} 1",
        "morgue_http_requests_total{route=\"/api/v1/articles/{id}\",status=\"200\"} 1",
        "morgue_http_requests_total{route=\"unmatched\",status=\"404\"} 1",
        "morgue_http_request_duration_seconds_count{route=\"/api/v1/search\"} 3",
    ] {
        assert!(text.lines().any(|l| l == line), "no {line:?} in\n{text}");
    }
}
