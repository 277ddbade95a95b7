//! The command line: `serve`, `ingest`, `search`, `extract`, `eval`, `bench`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use morgue_index::{SearchIndex, SearchRequest};
use morgue_ingest::{ExtractOptions, Extractor};

use crate::entities;
use crate::http::{SearchParams, SearchResponse};
use crate::ingest::{self, IngestOptions, IngestReport};
use crate::telemetry::LogFormat;
use crate::{Config, serve};

/// morgue: full-text search for news archives.
#[derive(Debug, Parser)]
#[command(version, about)]
pub struct Cli {
    /// Configuration file, instead of config/default.toml.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Log line format on stderr.
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the search API and page (ingesting the samples into an empty index first).
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:8080 (overrides server.listen).
        #[arg(long, value_name = "ADDR")]
        listen: Option<std::net::SocketAddr>,
    },
    /// Ingest saved pages (files, or folders walked recursively) into the index.
    Ingest {
        /// Files and folders to ingest.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Print the report as JSON on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Search the index, as GET /api/v1/search does.
    Search(Box<SearchArgs>),
    /// Extract articles from saved pages and print them as JSON.
    Extract {
        /// Write one `DIR/<file stem>.json` per page instead of printing.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Saved pages (files, or folders walked recursively).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Run a component over an evaluation set and print its output for a scorer.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Measure the speed of a component.
    #[command(subcommand)]
    Bench(BenchCommand),
}

/// What `morgue eval` evaluates.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Tag the tokens of a CoNLL file: prints `token<TAB>BIO tag` lines for score_ner.py.
    Ner {
        /// CoNLL file: token in the first column, blank line = sentence end,
        /// `-DOCSTART-` = document start.
        #[arg(value_name = "FILE.conll")]
        file: PathBuf,
        /// Skip the document-level pass (one type per name, surnames).
        #[arg(long)]
        no_consistency: bool,
    },
}

/// What `morgue bench` measures.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Tagging speed on one core over CoNLL files, and ingest time with
    /// entities on against off over saved pages.
    Ner {
        /// CoNLL files whose tokens are tagged.
        #[arg(long, required = true, value_name = "FILE.conll")]
        conll: Vec<PathBuf>,
        /// Saved pages (files or folders) extracted with entities on and off.
        #[arg(long, value_name = "PATH")]
        pages: Vec<PathBuf>,
        /// Timed runs of each measurement; the median is reported.
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
}

/// Arguments of `morgue search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query: words, "phrases", AND/OR/NOT, field:term; empty matches all.
    #[arg(default_value = "")]
    query: String,
    /// Only articles with this tag (repeatable: any of them).
    #[arg(long)]
    tag: Vec<String>,
    /// Only articles by this author (repeatable).
    #[arg(long)]
    author: Vec<String>,
    /// Only articles from this site (repeatable).
    #[arg(long)]
    site: Vec<String>,
    /// Only articles in this section (repeatable).
    #[arg(long)]
    section: Vec<String>,
    /// Only articles of this coverage series (repeatable).
    #[arg(long)]
    series: Vec<String>,
    /// Only articles naming this person, by canonical name (repeatable).
    #[arg(long)]
    person: Vec<String>,
    /// Only articles naming this organisation (repeatable).
    #[arg(long)]
    organization: Vec<String>,
    /// Only articles naming this place (repeatable).
    #[arg(long)]
    place: Vec<String>,
    /// Published on or after: YYYY-MM-DD, RFC 3339, or a span such as 7d.
    #[arg(long)]
    from: Option<String>,
    /// Published on or before: YYYY-MM-DD or RFC 3339.
    #[arg(long)]
    to: Option<String>,
    /// Order: relevance, newest or oldest.
    #[arg(long, default_value = "relevance")]
    sort: String,
    /// Number of hits.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Facets to count, comma-separated (e.g. tags,authors).
    #[arg(long)]
    facets: Option<String>,
    /// Print the answer as the HTTP API's JSON.
    #[arg(long)]
    json: bool,
}

/// Runs a parsed command line with its configuration.
///
/// # Errors
///
/// Fails when the index cannot be opened or written, or output cannot be written.
pub async fn run(cli: Cli, mut config: Config) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Serve { listen } => {
            if let Some(listen) = listen {
                config.server.listen = listen;
            }
            serve::run(config).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest { paths, json } => {
            tokio::task::spawn_blocking(move || ingest_command(&config, &paths, json)).await?
        }
        Command::Search(args) => tokio::task::spawn_blocking(move || search_command(&config, &args)).await?,
        Command::Extract { out, paths } => {
            tokio::task::spawn_blocking(move || extract_command(&config, out.as_deref(), &paths)).await?
        }
        Command::Eval(EvalCommand::Ner { file, no_consistency }) => {
            tokio::task::spawn_blocking(move || entities::eval_command(&file, !no_consistency)).await?
        }
        Command::Bench(BenchCommand::Ner { conll, pages, runs }) => {
            tokio::task::spawn_blocking(move || entities::bench_command(&config, &conll, &pages, runs)).await?
        }
    }
}

/// Opens the index of `config`.
///
/// # Errors
///
/// Fails naming the index path.
pub fn open_index(config: &Config) -> anyhow::Result<SearchIndex> {
    let path = &config.index.path;
    SearchIndex::open_or_create(path).with_context(|| format!("failed to open the index at {}", path.display()))
}

/// Returns the extractor settings of `config`.
pub fn extract_options(config: &Config) -> ExtractOptions {
    ExtractOptions {
        max_page_bytes: config.ingest.max_page_bytes,
        min_body_words: config.ingest.min_body_words,
        entities: config.ingest.entities,
    }
}

fn ingest_command(config: &Config, paths: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let index = open_index(config)?;
    let extractor = Extractor::new(extract_options(config));
    let options = IngestOptions {
        threads: config.ingest.threads,
        writer_memory_bytes: config.index.writer_memory_bytes,
        progress: !json,
    };
    let report = ingest::run(&index, &extractor, paths, &options)?;
    let mut stdout = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut stdout, &report_json(&report))?;
        writeln!(stdout)?;
    } else {
        writeln!(stdout, "{}", report.to_text())?;
    }
    Ok(if report.ingested() == 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn report_json(report: &IngestReport) -> serde_json::Value {
    let failed: Vec<_> = report
        .failed
        .iter()
        .map(|(path, reason)| serde_json::json!({ "file": path.display().to_string(), "reason": reason }))
        .collect();
    serde_json::json!({
        "indexed": report.indexed,
        "replaced": report.replaced,
        "unchanged": report.unchanged,
        "skipped": report.skipped,
        "failed": failed,
        "elapsed_ms": report.elapsed.as_millis() as u64,
    })
}

fn search_command(config: &Config, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let request = search_request(config, args)?;
    let index = open_index(config)?;
    let results = index.search(&request).context("search failed")?;
    let mut stdout = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut stdout, &SearchResponse::new(&request, results))?;
        writeln!(stdout)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(stdout, "{} articles ({} ms)", results.total, results.took_ms)?;
    for hit in &results.hits {
        let date = hit.published.map(|d| d.date().to_string()).unwrap_or_default();
        writeln!(stdout, "\n{date}  {}  [{}]", hit.title, hit.id)?;
        for snippet in &hit.snippets {
            writeln!(stdout, "    {}", plain_snippet(snippet))?;
        }
    }
    for (facet, counts) in &results.facets {
        let values: Vec<String> = counts.iter().map(|c| format!("{} ({})", c.value, c.count)).collect();
        writeln!(stdout, "\n{facet}: {}", values.join(", "))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Builds the request of `morgue search` through the API's own parameter
/// parsing, so both accept and refuse the same things.
fn search_request(config: &Config, args: &SearchArgs) -> anyhow::Result<SearchRequest> {
    let params = SearchParams {
        q: args.query.clone(),
        tag: args.tag.clone(),
        author: args.author.clone(),
        site: args.site.clone(),
        section: args.section.clone(),
        series: args.series.clone(),
        person: args.person.clone(),
        organization: args.organization.clone(),
        place: args.place.clone(),
        from: args.from.clone(),
        to: args.to.clone(),
        sort: Some(args.sort.clone()),
        limit: Some(args.limit.to_string()),
        facets: args.facets.clone(),
        ..SearchParams::default()
    };
    Ok(params.into_request(&config.search)?)
}

/// Turns an HTML snippet back into terminal text, with matches in brackets.
fn plain_snippet(html: &str) -> String {
    html.replace("<mark>", "[")
        .replace("</mark>", "]")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

fn extract_command(config: &Config, out: Option<&Path>, paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let extractor = Extractor::new(extract_options(config));
    let mut report = IngestReport::default();
    let files = ingest::discover(paths, &mut report);
    if let Some(dir) = out {
        std::fs::create_dir_all(dir).with_context(|| format!("failed to create {}", dir.display()))?;
    }
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    let mut written = 0;
    for (path, reason) in &report.failed {
        writeln!(stderr, "failed: {}: {reason}", path.display())?;
    }
    for file in &files {
        let article = match extractor.extract_file(file) {
            Ok(article) => article,
            Err(error) => {
                writeln!(stderr, "failed: {}: {error}", file.display())?;
                continue;
            }
        };
        match out {
            Some(dir) => {
                let stem = file.file_stem().map_or_else(|| "page".into(), |s| s.to_string_lossy());
                let target = dir.join(format!("{stem}.json"));
                let json = serde_json::to_vec_pretty(&article)?;
                std::fs::write(&target, json).with_context(|| format!("failed to write {}", target.display()))?;
            }
            None if files.len() == 1 => {
                serde_json::to_writer_pretty(&mut stdout, &article)?;
                writeln!(stdout)?;
            }
            // Several pages on stdout: one JSON document per line.
            None => {
                serde_json::to_writer(&mut stdout, &article)?;
                writeln!(stdout)?;
            }
        }
        written += 1;
    }
    Ok(if written == 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
