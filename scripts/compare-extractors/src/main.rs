//! Runs one extraction engine over a folder of saved pages and writes the
//! scorer's prediction files (`PRED/<id>.json` = `{"id","title","body","date","authors"}`),
//! then prints the engine's CPU time per page.
//!
//! ```text
//! compare-extractors ENGINE PAGES_DIR PRED_DIR
//! ENGINE: morgue | trafilatura | rs-trafilatura
//! ```
//!
//! Every engine gets the same UTF-8 text: the page decoded by morgue's decoder
//! (declared charset, else detection), so that encoding handling is not what
//! is compared. Timing covers the engine's call only, on this one thread.

use std::path::{Path, PathBuf};
use std::time::Duration;

use morgue_ingest::{ExtractOptions, Extractor};
use rustix::time::{ClockId, clock_gettime};
use serde_json::json;

struct Prediction {
    title: String,
    body: String,
    date: Option<String>,
    authors: Vec<String>,
}

fn thread_cpu() -> Duration {
    let t = clock_gettime(ClockId::ThreadCPUTime);
    Duration::new(u64::try_from(t.tv_sec).unwrap_or_default(), u32::try_from(t.tv_nsec).unwrap_or_default())
}

fn split_authors(authors: &str) -> Vec<String> {
    authors.split(';').map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect()
}

fn run(engine: &str, morgue: &Extractor, text: &str) -> Option<Prediction> {
    match engine {
        "morgue" => {
            let article = morgue.extract_bytes(text.as_bytes(), None).ok()?;
            Some(Prediction {
                title: article.title,
                body: article.body,
                date: article.published.map(|d| d.to_string()),
                authors: article.authors,
            })
        }
        "trafilatura" => {
            let result = trafilatura::extract(text, &trafilatura::Options::default()).ok()?;
            Some(Prediction {
                title: result.metadata.title,
                body: result.content_text,
                date: result.metadata.date.map(|d| d.to_string()),
                authors: split_authors(&result.metadata.author),
            })
        }
        "rs-trafilatura" => {
            let result = rs_trafilatura::extract(text).ok()?;
            Some(Prediction {
                title: result.metadata.title.unwrap_or_default(),
                body: result.content_text,
                date: result.metadata.date.map(|d| d.date_naive().to_string()),
                authors: split_authors(&result.metadata.author.unwrap_or_default()),
            })
        }
        other => {
            eprintln!("unknown engine {other}: morgue, trafilatura or rs-trafilatura");
            std::process::exit(2);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [engine, pages, pred] = args.as_slice() else {
        eprintln!("usage: compare-extractors ENGINE PAGES_DIR PRED_DIR");
        std::process::exit(2);
    };
    let pred = Path::new(pred);
    std::fs::create_dir_all(pred).expect("the prediction folder can be created");
    let mut files: Vec<PathBuf> = std::fs::read_dir(pages)
        .expect("a folder of pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let morgue = Extractor::new(ExtractOptions { entities: false, ..ExtractOptions::default() });
    let mut costs = Vec::new();
    for file in &files {
        let Ok(bytes) = std::fs::read(file) else { continue };
        let (text, _) = morgue_ingest::decode::decode(&bytes, true);
        let start = thread_cpu();
        let prediction = run(engine, &morgue, &text);
        costs.push((thread_cpu() - start).as_secs_f64() * 1000.0);
        let Some(p) = prediction else { continue };
        let id = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let json = json!({"id": id, "title": p.title, "body": p.body, "date": p.date, "authors": p.authors});
        std::fs::write(pred.join(format!("{id}.json")), json.to_string()).expect("the prediction can be written");
    }
    costs.sort_by(f64::total_cmp);
    let median = costs.get(costs.len() / 2).copied().unwrap_or_default();
    let mean = costs.iter().sum::<f64>() / costs.len().max(1) as f64;
    println!("{engine}: {} pages, CPU ms/page median {median:.2} mean {mean:.2}", costs.len());
}
