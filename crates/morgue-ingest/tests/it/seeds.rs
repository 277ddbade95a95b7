//! The five seed pages extract to their hand-checked articles.

use std::path::{Path, PathBuf};

use morgue_ingest::{Error, ExtractOptions, Extractor};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Expected {
    site: String,
    title: String,
    authors: Vec<String>,
    source: String,
    published: String,
    reading_minutes: u32,
    summary: String,
    image_caption: String,
    tags: Vec<String>,
    series: Option<String>,
    language: String,
    body: String,
    body_must_not_contain: Vec<String>,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds")
}

/// The five seed pages of the fixtures, in file order.
pub(crate) fn seed_pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures folder")
        .map(|entry| entry.expect("dir entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 5, "the five seed pages");
    pages
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

#[track_caller]
fn check(page: &Path) {
    let expected: Expected =
        serde_json::from_str(&std::fs::read_to_string(page.with_extension("json")).expect("expected json"))
            .expect("expected json parses");
    let article = Extractor::default().extract_file(page).expect("seed extracts");
    let name = page.display();
    assert_eq!(article.site.as_deref(), Some(expected.site.as_str()), "site of {name}");
    assert_eq!(article.title, expected.title, "title of {name}");
    assert_eq!(article.authors, expected.authors, "authors of {name}");
    assert_eq!(article.source.as_deref(), Some(expected.source.as_str()), "source of {name}");
    assert_eq!(article.published.map(|d| d.to_string()), Some(expected.published), "published of {name}");
    assert_eq!(article.reading_minutes, expected.reading_minutes, "reading_minutes of {name}");
    assert_eq!(article.summary.as_deref(), Some(expected.summary.as_str()), "summary of {name}");
    assert_eq!(article.image_captions.first(), Some(&expected.image_caption), "caption of {name}");
    assert_eq!(article.tags, expected.tags, "tags of {name}");
    assert_eq!(article.series, expected.series, "series of {name}");
    assert_eq!(article.language.as_deref(), Some(expected.language.as_str()), "language of {name}");
    let got: Vec<&str> = article.paragraphs().collect();
    let want: Vec<&str> = expected.body.split("\n\n").collect();
    assert_eq!(got.len(), want.len(), "paragraph count of {name}: {got:#?}");
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(words(g), words(w), "paragraph of {name}");
    }
    for banned in &expected.body_must_not_contain {
        assert!(!article.body.contains(banned.as_str()), "body of {name} contains {banned:?}");
    }
}

#[test]
fn each_seed_page_matches_its_hand_checked_extraction() {
    for page in seed_pages() {
        check(&page);
    }
}

#[test]
fn seed_ids_are_distinct_and_stable() {
    let extractor = Extractor::default();
    let ids: Vec<String> =
        seed_pages().iter().map(|page| extractor.extract_file(page).expect("extracts").id.to_string()).collect();
    let again: Vec<String> =
        seed_pages().iter().map(|page| extractor.extract_file(page).expect("extracts").id.to_string()).collect();
    assert_eq!(ids, again);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
}

#[test]
fn a_page_saved_again_with_another_ticker_keeps_its_id() {
    let page = &seed_pages()[0];
    let text = std::fs::read_to_string(page).expect("seed");
    let resaved = text.replacen("BREAKING", "BREAKING\nA different headline of another day.", 1);
    let extractor = Extractor::default();
    let first = extractor.extract_bytes(text.as_bytes(), None).expect("extracts");
    let second = extractor.extract_bytes(resaved.as_bytes(), None).expect("extracts");
    assert_eq!(first.id, second.id);
    assert_ne!(first.provenance.content_hash, second.provenance.content_hash);
    assert_eq!(first.body, second.body);
}

#[test]
fn the_most_read_dates_are_not_the_article_date() {
    // A page whose byline lost its date must not borrow one from the teasers below.
    let page = &seed_pages()[0];
    let text = std::fs::read_to_string(page).expect("seed");
    let undated = text.replace("  • 24 May 2024 15:34\n", "");
    let article = Extractor::default().extract_bytes(undated.as_bytes(), None).expect("extracts");
    assert_eq!(article.published, None);
}

#[test]
fn files_that_are_not_pages_are_refused_with_a_reason() {
    let dir = tempfile_dir();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    let binary = dir.join("image.bin");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0, 13]).expect("write");
    let big = dir.join("big.html");
    std::fs::write(&big, vec![b'a'; 2048]).expect("write");
    let extractor = Extractor::new(ExtractOptions { max_page_bytes: 1024, ..Default::default() });
    assert!(matches!(extractor.extract_file(&empty), Err(Error::Empty)));
    assert!(matches!(extractor.extract_file(&binary), Err(Error::Binary)));
    assert!(matches!(extractor.extract_file(&big), Err(Error::TooLarge { size_bytes: 2048, .. })));
    assert!(matches!(extractor.extract_file(&dir.join("missing.txt")), Err(Error::Io { .. })));
    std::fs::remove_dir_all(dir).expect("cleanup");
}

fn tempfile_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("morgue-ingest-it-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
