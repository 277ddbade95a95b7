//! `morgue serve`: open the index (building it from the samples when empty),
//! then serve HTTP until SIGINT or SIGTERM.

use std::sync::Arc;

use anyhow::Context;
use morgue_index::SearchIndex;
use morgue_ingest::Extractor;

use crate::http::{AppState, router};
use crate::ingest::{self, IngestOptions};
use crate::{Config, cli};

/// Runs the server with `config` until a shutdown signal.
///
/// # Errors
///
/// Fails when the index cannot be opened or the address cannot be bound.
pub async fn run(config: Config) -> anyhow::Result<()> {
    let index = open_index_with_samples(&config).await?;
    let listener = tokio::net::TcpListener::bind(config.server.listen)
        .await
        .with_context(|| format!("failed to listen on {}", config.server.listen))?;
    let address = listener.local_addr().context("failed to read the bound address")?;
    tracing::info!(%address, articles = index.num_articles(), "morgue listening on http://{address}");
    let state = AppState { index, config: Arc::new(config) };
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown_signal()).await.context("the server failed")
}

/// Opens the index; an empty one is first filled from `ingest.sample_dir`,
/// so a fresh clone serves something real.
async fn open_index_with_samples(config: &Config) -> anyhow::Result<Arc<SearchIndex>> {
    let config = config.clone();
    tokio::task::spawn_blocking(move || -> anyhow::Result<Arc<SearchIndex>> {
        let index = cli::open_index(&config)?;
        if index.num_articles() == 0 {
            let samples = config.ingest.sample_dir.clone();
            tracing::info!(path = %samples.display(), "the index is empty: ingesting {}", samples.display());
            let extractor = Extractor::new(cli::extract_options(&config));
            let options = IngestOptions {
                threads: config.ingest.threads,
                writer_memory_bytes: config.index.writer_memory_bytes,
                progress: true,
            };
            let report = ingest::run(&index, &extractor, &[samples], &options)?;
            tracing::info!("sample ingest: {}", report.to_text());
        }
        Ok(Arc::new(index))
    })
    .await
    .context("the index task failed")?
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(%error, "cannot listen for ctrl-c");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
