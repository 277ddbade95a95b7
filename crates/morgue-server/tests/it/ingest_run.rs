//! `morgue ingest` runs: bad files are reported, good ones indexed, nothing lost.

use std::io::Write;

use morgue_index::{SearchIndex, SearchRequest};

use crate::{ingest_into, seeded_index, seeds_dir};

#[test]
fn bad_files_are_reported_and_the_seeds_are_indexed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pages = dir.path().join("pages");
    std::fs::create_dir_all(&pages).expect("pages dir");
    for entry in std::fs::read_dir(seeds_dir()).expect("seeds") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, pages.join(path.file_name().expect("name"))).expect("copy");
    }
    std::fs::write(pages.join("empty.txt"), b"").expect("write");
    std::fs::write(pages.join("binary.bin"), [0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0]).expect("write");
    let mut big = std::fs::File::create(pages.join("big.html")).expect("create");
    big.write_all(&vec![b'x'; 100_000]).expect("write");
    std::fs::write(pages.join("README.md"), b"# notes about these pages").expect("write");

    let index = SearchIndex::open_or_create(&dir.path().join("index")).expect("index");
    let report = ingest_into(&index, &[pages.clone(), dir.path().join("missing")], 65_536);
    assert_eq!(report.indexed, 5, "{}", report.to_text());
    assert_eq!(report.skipped, 1, "README.md is passed over");
    let failed: Vec<(String, &str)> = report
        .failed
        .iter()
        .map(|(path, reason)| (path.file_name().expect("name").to_string_lossy().into_owned(), reason.as_str()))
        .collect();
    assert_eq!(
        failed,
        [
            ("missing".to_owned(), "no such file or folder"),
            ("big.html".to_owned(), "file is 100000 bytes, over the limit of 65536 bytes"),
            ("binary.bin".to_owned(), "binary file, not a saved page"),
            ("empty.txt".to_owned(), "empty file"),
        ]
    );
    let results = index.search(&SearchRequest { query: "lavrov".into(), ..Default::default() }).expect("search");
    assert_eq!(results.total, 5);
}

#[test]
fn ingesting_again_changes_nothing_and_a_resaved_page_replaces_its_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = seeded_index(dir.path());
    let again = ingest_into(&index, &[seeds_dir()], 10_000_000);
    assert_eq!((again.indexed, again.replaced, again.unchanged), (0, 0, 5));

    let seed = std::fs::read_dir(seeds_dir()).expect("seeds").next().expect("a seed").expect("entry").path();
    let text = std::fs::read_to_string(&seed).expect("seed text");
    let resaved = dir.path().join("resaved.txt");
    std::fs::write(&resaved, text.replacen("BREAKING", "BREAKING\nAnother day, another ticker line.", 1))
        .expect("write");
    let report = ingest_into(&index, &[resaved], 10_000_000);
    assert_eq!((report.indexed, report.replaced), (0, 1));
    assert_eq!(index.num_articles(), 5);
}

#[test]
fn an_index_inside_the_ingested_folder_is_passed_over() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("data dir");
    for entry in std::fs::read_dir(seeds_dir()).expect("seeds") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, data.join(path.file_name().expect("name"))).expect("copy");
    }
    // As with the defaults: the index lives in data/index and data/ is ingested.
    let index = seeded_index(&data.join("index"));
    let report = ingest_into(&index, &[data], 10_000_000);
    assert_eq!((report.unchanged, report.failed.len()), (5, 0), "{}", report.to_text());
}
