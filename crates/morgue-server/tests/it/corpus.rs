//! News-shaped search over a generated corpus of thirty articles with known
//! tags, dates and one story carried by three sites.

use std::collections::BTreeMap;
use std::path::Path;

use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use morgue_index::SearchIndex;
use morgue_server::{AppState, router};
use serde_json::Value;
use tower::ServiceExt;

use crate::{ingest_into, server_config};

const TOPICS: [&str; 3] = ["Economy", "Health", "Sport"];

const WIRE: &str = "The central bank raised its main interest rate by half a percentage point on Thursday, \
    the largest increase in two decades, as policymakers moved to tame inflation that has climbed to its highest \
    level since the early nineties. The governor said further increases were likely in the coming months if price \
    pressures did not ease, and warned that the economy would slow sharply next year as households cut spending.";

/// Writes article `n` as a text rendering of a saved page.
fn write_page(dir: &Path, n: usize, title: &str, site: &str, date: &str, tags: &[&str], body: &str) {
    let tags: String = tags.iter().map(|t| format!("  • {t}\n")).collect();
    let page = format!(
        "{site}\n\n{title}\n\n  • By Reporter {r}\n  • {date}\n\n{body}\n\nA second paragraph closes story number {n} \
         with enough words to make it a real article body.\n\n{tags}\nMost Read\n\nOther story\n\n{site}\n",
        r = n % 4
    );
    std::fs::write(dir.join(format!("page-{n:02}.txt")), page).expect("write page");
}

/// Thirty articles: topic n % 3 as tag (plus "Analysis" on every fifth), one a
/// month from January 2023, and three copies of one wire story.
fn build_corpus(dir: &Path) {
    for n in 0..27 {
        let topic = TOPICS[n % 3];
        let mut tags = vec![topic];
        if n % 5 == 0 {
            tags.push("Analysis");
        }
        let date = format!(
            "{} {} 2023 12:00",
            1 + n % 28,
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][n % 12]
        );
        let date = if n >= 12 { date.replace("2023", "2024") } else { date };
        let body =
            format!("Story {n} reports on {topic} matters with details that differ for each and every article {n}.");
        write_page(dir, n, &format!("{topic} story {n}"), "Example Daily", &date, &tags, &body);
    }
    for (n, site) in [(27, "Daily One"), (28, "Wire Two"), (29, "Herald Three")] {
        // The last copy went out at 23:30 UTC, already the next day in Moscow.
        let date = if n == 29 { "31 Jan 2025 23:30 UTC" } else { "31 Jan 2025 10:00" };
        write_page(dir, n, &format!("Central bank raises rates ({site})"), site, date, &["Economy"], WIRE);
    }
}

struct Corpus {
    app: axum::Router,
    _dir: tempfile::TempDir,
}

impl Corpus {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let pages = dir.path().join("pages");
        std::fs::create_dir_all(&pages).expect("pages");
        build_corpus(&pages);
        let index = SearchIndex::open_or_create(&dir.path().join("index")).expect("index");
        let report = ingest_into(&index, &[pages], 1_000_000);
        assert_eq!(report.indexed, 30, "{}", report.to_text());
        let state = AppState { index: std::sync::Arc::new(index), config: server_config() };
        Self { app: router(state), _dir: dir }
    }

    async fn get(&self, uri: &str) -> Value {
        let response =
            self.app.clone().oneshot(Request::get(uri).body(Body::empty()).expect("request")).await.expect("response");
        assert!(response.status().is_success(), "{uri}: {}", response.status());
        serde_json::from_slice(&response.into_body().collect().await.expect("body").to_bytes()).expect("JSON")
    }
}

fn counts(facet: &Value) -> BTreeMap<String, u64> {
    facet
        .as_array()
        .expect("facet")
        .iter()
        .map(|c| (c["value"].as_str().expect("value").to_owned(), c["count"].as_u64().expect("count")))
        .collect()
}

#[tokio::test]
async fn facet_counts_are_exact_and_disjunctive() {
    let corpus = Corpus::new();
    let all = corpus.get("/api/v1/search?facets=tags,authors,site&collapse=false").await;
    assert_eq!(all["total"], 30);
    let tags = counts(&all["facets"]["tags"]);
    assert_eq!(
        tags,
        BTreeMap::from([("Analysis".into(), 6), ("Economy".into(), 12), ("Health".into(), 9), ("Sport".into(), 9)])
    );
    // Picking a tag leaves the tag counts of everything else as they were.
    let picked = corpus.get("/api/v1/search?tag=Health&facets=tags,authors&collapse=false").await;
    assert_eq!(picked["total"], 9);
    assert_eq!(counts(&picked["facets"]["tags"]), tags);
    // ... and equal to the counts of the query filtered by everything but tags.
    let with_author = corpus.get("/api/v1/search?tag=Health&author=Reporter+1&facets=tags&collapse=false").await;
    let author_only = corpus.get("/api/v1/search?author=Reporter+1&facets=tags&collapse=false").await;
    assert_eq!(with_author["facets"]["tags"], author_only["facets"]["tags"]);
    let two = corpus.get("/api/v1/search?tag=Health&tag=Sport&collapse=false").await;
    assert_eq!(two["total"], 18);
}

#[tokio::test]
async fn histogram_sums_to_total_and_moves_late_stories_into_the_next_day_in_moscow() {
    let corpus = Corpus::new();
    let monthly = corpus.get("/api/v1/search?histogram=month&collapse=false").await;
    let buckets = monthly["histogram"].as_array().expect("buckets");
    assert_eq!(buckets.iter().map(|b| b["count"].as_u64().expect("count")).sum::<u64>(), 30);
    assert_eq!(buckets.len(), 25, "January 2023 to January 2025, empty months included");
    let day = |json: &Value, key: &str| {
        json["histogram"].as_array().expect("buckets").iter().find(|b| b["key"] == key).map(|b| b["count"].clone())
    };
    let utc = corpus.get("/api/v1/search?q=central+bank&histogram=day&collapse=false").await;
    assert_eq!(day(&utc, "2025-01-31"), Some(3.into()));
    let moscow = corpus.get("/api/v1/search?q=central+bank&histogram=day&tz=Europe/Moscow&collapse=false").await;
    assert_eq!(day(&moscow, "2025-01-31"), Some(2.into()));
    assert_eq!(day(&moscow, "2025-02-01"), Some(1.into()));
}

#[tokio::test]
async fn wire_copies_collapse_and_the_article_lists_them() {
    let corpus = Corpus::new();
    let collapsed = corpus.get("/api/v1/search?q=central+bank").await;
    assert_eq!((collapsed["total"].as_u64(), collapsed["stories"].as_u64()), (Some(3), Some(1)));
    assert_eq!(collapsed["hits"][0]["duplicates"], 2);
    let id = collapsed["hits"][0]["id"].as_str().expect("id").to_owned();
    let article = corpus.get(&format!("/api/v1/articles/{id}")).await;
    assert_eq!(article["duplicates"].as_array().expect("duplicates").len(), 2);
    let everything = corpus.get("/api/v1/search?limit=100").await;
    assert_eq!((everything["total"].as_u64(), everything["stories"].as_u64()), (Some(30), Some(28)));
    assert_eq!(everything["hits"].as_array().expect("hits").len(), 28);
}

#[tokio::test]
async fn paging_with_offset_walks_every_story_once() {
    let corpus = Corpus::new();
    let mut seen = Vec::new();
    for offset in (0..28).step_by(5) {
        let page = corpus.get(&format!("/api/v1/search?sort=oldest&limit=5&offset={offset}")).await;
        seen.extend(page["hits"].as_array().expect("hits").iter().map(|h| h["id"].as_str().expect("id").to_owned()));
    }
    let unique: std::collections::BTreeSet<_> = seen.iter().collect();
    assert_eq!((seen.len(), unique.len()), (28, 28));
}

#[tokio::test]
async fn cursor_paging_walks_every_story_once_in_the_order_of_one_page() {
    let corpus = Corpus::new();
    let ids = |page: &Value| -> Vec<String> {
        page["hits"].as_array().expect("hits").iter().map(|h| h["id"].as_str().expect("id").to_owned()).collect()
    };
    for search in ["sort=newest", "sort=oldest", "q=story+OR+bank", "q=central+bank&collapse=false"] {
        let whole = ids(&corpus.get(&format!("/api/v1/search?{search}&limit=100")).await);
        let mut seen = Vec::new();
        let mut uri = format!("/api/v1/search?{search}&limit=4");
        for _ in 0..20 {
            let page = corpus.get(&uri).await;
            seen.extend(ids(&page));
            let Some(next) = page["next_cursor"].as_str() else { break };
            uri = format!("/api/v1/search?{search}&limit=4&cursor={next}");
        }
        assert_eq!(seen, whole, "{search}");
    }
    let response = corpus
        .app
        .clone()
        .oneshot(Request::get("/api/v1/search?cursor=nonsense").body(Body::empty()).expect("request"))
        .await
        .expect("response");
    assert_eq!(response.status(), 400);
    let error: Value =
        serde_json::from_slice(&response.into_body().collect().await.expect("body").to_bytes()).expect("JSON");
    assert_eq!((error["code"].as_str(), error["field"].as_str()), (Some("invalid_parameter"), Some("cursor")));
}
