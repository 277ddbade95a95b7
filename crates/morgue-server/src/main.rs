//! The `morgue` binary: parse arguments, load configuration, install logging,
//! and hand over to the library.

use std::process::ExitCode;

use clap::Parser;
use morgue_server::Config;
use morgue_server::cli::{self, Cli};

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    morgue_server::telemetry::init(cli.log_format);
    let config = match Config::load(cli.config.as_deref()) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("morgue: {error:#}");
            return ExitCode::from(2);
        }
    };
    tracing::debug!(?config, "configuration loaded");
    match cli::run(cli, config).await {
        Ok(code) => code,
        Err(error) => {
            eprintln!("morgue: {error:#}");
            ExitCode::FAILURE
        }
    }
}
