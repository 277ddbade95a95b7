//! The committed HTML fixtures extract to their snapshotted articles, and
//! the pages that are not articles are refused with a reason.

use std::path::{Path, PathBuf};

use morgue_ingest::{Error, ExtractOptions, Extractor};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html").join(name)
}

fn extract(name: &str) -> Result<morgue_model::Article, Error> {
    let bytes = std::fs::read(fixture(name)).expect("the fixture exists");
    Extractor::new(ExtractOptions::default()).extract_bytes(&bytes, None)
}

#[track_caller]
fn snapshot(name: &str) -> morgue_model::Article {
    let article = extract(name).unwrap_or_else(|e| panic!("{name} is an article: {e}"));
    insta::assert_json_snapshot!(name, article);
    article
}

#[test]
fn json_ld_article_with_offset_date() {
    let article = snapshot("jsonld-offset-date.html");
    assert_eq!(article.title, "Harbour bridge reopens after two-year repair");
    assert_eq!(article.authors, ["Priya Natarajan", "Tom Okafor"]);
    assert_eq!(article.published.map(|d| d.to_string()).as_deref(), Some("2024-05-27T07:30:00+01:00"));
    assert_eq!(article.site.as_deref(), Some("The Riverside Courier"));
    assert!(article.body.starts_with("The swing bridge over the harbour mouth"), "the standfirst leads the body");
    assert!(article.body.contains("Delays and costs"), "sub-headings are kept");
    assert!(article.body.contains("at high tide in the evening"), "list items are kept");
    assert!(article.body.contains("Bus routes 4 and 12"), "the paragraph after the newsletter box is kept");
    for clutter in
        ["Share on", "newsletter", "Related stories", "Council tax", "harbourwatcher", "commute", "Copyright"]
    {
        assert!(!article.body.contains(clutter), "{clutter:?} is clutter");
    }
}

#[test]
fn visible_byline_and_dateline_only() {
    let article = snapshot("visible-byline-dateline.html");
    assert_eq!(article.title, "Allotment society wins county prize");
    assert_eq!(article.authors, ["Gwen Hughes"]);
    assert_eq!(article.published.map(|d| d.to_string()).as_deref(), Some("2019-03-14T16:15:00"));
    assert!(!article.body.contains("Read more"));
    assert!(!article.body.contains("Library opening hours"));
}

#[test]
fn windows_1252_without_a_declaration_is_detected() {
    let article = snapshot("windows-1252-no-charset.html");
    assert_eq!(article.title, "Bäckerei am Marktplatz schließt nach 80 Jahren");
    assert!(article.body.contains("„Es fällt mir schwer"));
    assert!(article.body.contains("45 Cent – ein Preis"));
    assert_eq!(article.published.map(|d| d.to_string()).as_deref(), Some("2021-02-05T10:45:00"));
    assert_eq!(article.language.as_deref(), Some("de"));
}

#[test]
fn shift_jis_page() {
    let article = snapshot("shift-jis.html");
    assert_eq!(article.title, "市立図書館、開館時間を延長へ");
    assert!(article.body.contains("市立図書館の開館時間を七月から午後九時まで延長する"));
    assert_eq!(article.published.map(|d| d.to_string()).as_deref(), Some("2023-06-12T09:30:00"));
}

#[test]
fn a_wayback_capture_reads_as_the_captured_page() {
    let article = snapshot("wayback-capture.html");
    assert_eq!(article.url.as_deref(), Some("http://www.millbrook-notes.example/2009/05/allotments-under-water/"));
    assert_eq!(article.site.as_deref(), Some("Millbrook Notes"));
    assert_eq!(article.title, "Allotments under water after the river bursts its banks");
    assert_eq!(article.authors, ["Gwen Hughes"]);
    assert_eq!(article.published.map(|d| d.to_string()).as_deref(), Some("2009-05-12"));
    assert!(article.body.starts_with("The lower plots of Millbrook Allotment Society"), "{}", article.body);
    for toolbar in ["Wayback", "captures", "COLLECTED BY", "Alexa", "2015"] {
        assert!(!article.body.contains(toolbar), "{toolbar:?} is the archive's toolbar");
    }
}

#[test]
fn pages_that_are_not_articles_are_refused() {
    assert!(matches!(extract("home-page.html"), Err(Error::NotAnArticle { .. })), "{:?}", extract("home-page.html"));
    assert!(matches!(extract("error-page.html"), Err(Error::NotAnArticle { .. })), "{:?}", extract("error-page.html"));
    assert!(matches!(extract("empty.html"), Err(Error::Empty)));
}

#[test]
fn oversized_pages_are_refused_with_the_sizes() {
    let extractor = Extractor::new(ExtractOptions { max_page_bytes: 1000, ..ExtractOptions::default() });
    let result = extractor.extract_file(&fixture("jsonld-offset-date.html"));
    assert!(matches!(result, Err(Error::TooLarge { limit_bytes: 1000, .. })), "{result:?}");
}
