//! `morgue ingest`, `morgue search` and `morgue extract` as a user runs them.

use std::io::Write;
use std::path::Path;

use serde_json::Value;

use crate::{morgue, seeds_dir};

/// Writes `len` pseudo-random bytes (xorshift, fixed seed) to `path`.
fn write_random(path: &Path, len: usize) {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    let mut written = 0;
    while written < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        file.write_all(&state.to_le_bytes()).expect("write");
        written += 8;
    }
    file.flush().expect("flush");
}

#[test]
fn ingest_reports_bad_files_keeps_going_and_search_still_answers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pages = dir.path().join("pages");
    std::fs::create_dir_all(&pages).expect("dir");
    for entry in std::fs::read_dir(seeds_dir()).expect("seeds") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, pages.join(path.file_name().expect("name"))).expect("copy");
    }
    std::fs::write(pages.join("empty.html"), b"").expect("write");
    std::fs::write(pages.join("photo.jpg"), b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01").expect("write");
    write_random(&pages.join("random.bin"), 50 * 1024 * 1024);

    let output = morgue(dir.path()).args(["ingest"]).arg(&pages).output().expect("morgue ingest runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "exit {:?}: {stdout}", output.status);
    assert!(stdout.starts_with("5 indexed, 0 replaced, 0 unchanged, 3 failed"), "{stdout}");
    assert!(stdout.contains("empty.html: empty file"), "{stdout}");
    assert!(stdout.contains("photo.jpg: binary file"), "{stdout}");
    assert!(stdout.contains("random.bin: file is 52428800 bytes, over the limit"), "{stdout}");

    let output = morgue(dir.path()).args(["search", "lavrov", "--json"]).output().expect("search runs");
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["total"], 5);

    let output =
        morgue(dir.path()).args(["search", "--tag", "Ukraine war", "--sort", "newest"]).output().expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("2 articles"), "{stdout}");

    let output = morgue(dir.path())
        .args(["search", "--person", "Sergey Lavrov", "--place", "Qatar", "--json"])
        .output()
        .expect("runs");
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let titles: Vec<&str> = json["hits"].as_array().expect("hits").iter().filter_map(|h| h["title"].as_str()).collect();
    assert!(!titles.is_empty() && titles.len() < 5, "{titles:?}");
}

#[test]
fn ingest_of_nothing_usable_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    let output = morgue(dir.path()).arg("ingest").arg(&empty).output().expect("runs");
    assert!(!output.status.success());
}

#[test]
fn extract_prints_one_article_or_writes_one_file_per_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = seeds_dir().join("004_6eed723335a04b22.txt");
    let output = morgue(dir.path()).arg("extract").arg(&seed).output().expect("runs");
    assert!(output.status.success());
    let article: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(article["title"], "Lavrov: Russia backs Iran-'Israel' ceasefire, warns of fragile truce");
    assert_eq!(article["published"], "2025-06-24T14:44:00");
    for key in [
        "id",
        "url",
        "site",
        "summary",
        "body",
        "authors",
        "source",
        "updated",
        "section",
        "series",
        "tags",
        "image_captions",
        "language",
        "reading_minutes",
    ] {
        assert!(article.get(key).is_some(), "article has {key}");
    }

    let out = dir.path().join("out");
    let output = morgue(dir.path()).args(["extract", "--out"]).arg(&out).arg(seeds_dir()).output().expect("runs");
    assert!(output.status.success());
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .expect("out dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written.len(), 5);
    assert_eq!(written[4], "004_6eed723335a04b22.json");
}

#[test]
fn stray_morgue_variables_are_ignored_but_misspelt_keys_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = seeds_dir().join("004_6eed723335a04b22.txt");
    // Test harnesses set MORGUE_BIN to the binary under test: no setting.
    let output =
        morgue(dir.path()).env("MORGUE_BIN", "/usr/bin/morgue").arg("extract").arg(&seed).output().expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let output =
        morgue(dir.path()).env("MORGUE_SERVER__LISEN", "127.0.0.1:1").arg("extract").arg(&seed).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("lisen"), "{stderr}");
}
