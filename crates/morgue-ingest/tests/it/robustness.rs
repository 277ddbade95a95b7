//! The extractor never panics: arbitrary bytes and mangled HTML pages give
//! an article or an error, never a crash.
//!
//! The case count is small for CI; `PROPTEST_CASES=100000 cargo test --release
//! -p morgue-ingest --test it robustness` runs it long, and the
//! `fuzz_extract` example mutates real pages for a set time.

use morgue_ingest::{ExtractOptions, Extractor};
use proptest::prelude::*;

#[path = "../support/snippets.rs"]
mod snippets;

use snippets::SNIPPETS;

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Bridge opens after two years | Example Daily</title>
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2024-03-03T10:00:00+01:00">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge opens after two years",
"author":{"@type":"Person","name":"Jane Doe"},"datePublished":"2024-03-03T10:00:00+01:00"}</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>Bridge opens after two years</h1>
<p class="byline">By Jane Doe, Staff Writer</p><time datetime="2024-03-03T10:00">3 March 2024</time>
<p>The mayor opened the bridge on Sunday, two years after work began, and thanked the builders.</p>
<p>Thousands of people lined the river banks to watch the ceremony, which ended with fireworks.</p>
</article><aside class="related"><ul><li><a href="/x">Old bridge closes</a></li></ul></aside>
<footer>Copyright 2025</footer></body></html>"#;

/// One edit of a page: splice a snippet in, cut a range out, or repeat a range.
#[derive(Debug, Clone)]
enum Edit {
    Insert { at: usize, snippet: usize },
    Delete { at: usize, len: usize },
    Repeat { at: usize, len: usize, times: usize },
    Byte { at: usize, byte: u8 },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..SNIPPETS.len()).prop_map(|(at, snippet)| Edit::Insert { at, snippet }),
        (any::<usize>(), 0usize..200).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), 0usize..100, 1usize..50).prop_map(|(at, len, times)| Edit::Repeat { at, len, times }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Edit::Byte { at, byte }),
    ]
}

fn apply(page: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut bytes = page.to_vec();
    for edit in edits {
        let len = bytes.len().max(1);
        match *edit {
            Edit::Insert { at, snippet } => {
                let at = at % len.min(bytes.len() + 1);
                bytes.splice(at..at, SNIPPETS[snippet].bytes());
            }
            Edit::Delete { at, len: n } => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Edit::Repeat { at, len: n, times } => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    let piece = bytes[at..end].repeat(times);
                    bytes.splice(at..at, piece);
                }
            }
            Edit::Byte { at, byte } => {
                if !bytes.is_empty() {
                    let at = at % bytes.len();
                    bytes[at] = byte;
                }
            }
        }
    }
    bytes
}

fn extractor() -> Extractor {
    Extractor::new(ExtractOptions { max_page_bytes: 1 << 20, ..ExtractOptions::default() })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = extractor().extract_bytes(&bytes, None);
    }

    #[test]
    fn mangled_pages_never_panic(edits in proptest::collection::vec(edit(), 0..24)) {
        let bytes = apply(PAGE.as_bytes(), &edits);
        if let Ok(article) = extractor().extract_bytes(&bytes, None) {
            // Whatever survives is an article by the crate's own rules.
            prop_assert!(!article.title.is_empty());
            prop_assert!(article.word_count > 0);
        }
    }

    #[test]
    fn tag_soup_never_panics(pieces in proptest::collection::vec((0..SNIPPETS.len(), "[a-zA-Z0-9 ,.]{0,40}"), 0..200)) {
        let mut page = String::new();
        for (snippet, text) in &pieces {
            page.push_str(SNIPPETS[*snippet]);
            page.push_str(text);
        }
        let _ = extractor().extract_bytes(page.as_bytes(), None);
    }
}

#[test]
fn the_unmangled_page_is_an_article() {
    let article = extractor().extract_bytes(PAGE.as_bytes(), None).expect("an article");
    assert_eq!(article.title, "Bridge opens after two years");
    assert_eq!(article.authors, ["Jane Doe"]);
}
