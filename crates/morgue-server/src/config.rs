//! The typed configuration tree, loaded in layers.
//!
//! Precedence, lowest first: built-in defaults (equal to `config/default.toml`),
//! then `config/default.toml` or the `--config` file, then `MORGUE_*`
//! environment variables (`MORGUE_SERVER__LISTEN=0.0.0.0:8080`), then flags.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// The file read when no `--config` is given, relative to the working directory.
pub const DEFAULT_CONFIG_FILE: &str = "config/default.toml";

/// Every setting of morgue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The HTTP server.
    pub server: ServerConfig,
    /// The index on disk.
    pub index: IndexConfig,
    /// Reading saved pages.
    pub ingest: IngestConfig,
    /// Defaults of searches.
    pub search: SearchConfig,
}

/// Defaults of searches, which requests may override.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchConfig {
    /// Half-life of the recency boost of relevance sort (`30d`, `1y`, ...), or `off`.
    pub recency_half_life: String,
}

impl Default for SearchConfig {
    fn default() -> Self {
        Self { recency_half_life: "1y".to_owned() }
    }
}

impl SearchConfig {
    /// Returns the recency half-life, `None` when turned off.
    ///
    /// # Errors
    ///
    /// Fails when the setting is neither a span nor `off`.
    pub fn recency_half_life(&self) -> anyhow::Result<Option<chrono::TimeDelta>> {
        match self.recency_half_life.as_str() {
            "off" => Ok(None),
            text => morgue_index::parse_span(text)
                .map(Some)
                .with_context(|| format!("search.recency_half_life {text:?} is not a span such as 30d or 1y, nor off")),
        }
    }
}

/// Settings of the HTTP server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    /// Address and port to listen on.
    pub listen: SocketAddr,
    /// Requests running longer are answered 503 `timeout`.
    pub request_timeout_ms: u64,
    /// Largest request body accepted.
    pub max_body_bytes: usize,
    /// Path prefix the whole server lives under behind a reverse proxy, such
    /// as `/tools/archive`; `/` for none.
    pub base_path: String,
    /// Origins (`https://intranet.example`) whose pages may call the API from
    /// the browser; same-origin calls always work.
    pub cors_allowed_origins: Vec<String>,
    /// Origins whose pages may show `/embed` in a frame, besides this server.
    pub embed_frame_ancestors: Vec<String>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            request_timeout_ms: 10_000,
            max_body_bytes: 64 * 1024,
            base_path: "/".to_owned(),
            cors_allowed_origins: Vec::new(),
            embed_frame_ancestors: Vec::new(),
        }
    }
}

/// Settings of the index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexConfig {
    /// Directory of the tantivy index, created if missing.
    pub path: PathBuf,
    /// Memory budget of the index writer.
    pub writer_memory_bytes: usize,
}

impl Default for IndexConfig {
    fn default() -> Self {
        Self { path: PathBuf::from("data/index"), writer_memory_bytes: 100_000_000 }
    }
}

/// Settings of ingest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IngestConfig {
    /// Folder `morgue serve` ingests when the index is empty.
    pub sample_dir: PathBuf,
    /// Pages larger than this are refused.
    pub max_page_bytes: u64,
    /// Pages whose body has fewer words are not articles.
    pub min_body_words: u32,
    /// Threads extracting pages; 0 means one per core.
    pub threads: usize,
    /// Whether ingest recognises people, organisations and places (in English articles).
    pub entities: bool,
}

impl Default for IngestConfig {
    fn default() -> Self {
        Self {
            sample_dir: PathBuf::from("data"),
            max_page_bytes: 10 * 1024 * 1024,
            min_body_words: 10,
            threads: 0,
            entities: true,
        }
    }
}

/// The `MORGUE_SECTION__KEY` environment variables. A `MORGUE_` variable with
/// no `__` names no setting (the tests' `MORGUE_BIN`, say) and is left alone,
/// rather than refused as an unknown key; a misspelt key of a section is
/// still refused.
fn env_provider() -> Env {
    Env::prefixed("MORGUE_").filter(|key| key.as_str().contains("__")).split("__")
}

impl Config {
    /// Loads the layered configuration; `file` replaces `config/default.toml`
    /// and must exist.
    ///
    /// # Errors
    ///
    /// Fails naming the key at fault when a value does not parse or break a rule,
    /// and when an explicit `file` cannot be read.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Self> {
        let mut figment = Figment::from(Serialized::defaults(Self::default()));
        figment = match file {
            Some(path) => {
                if !path.try_exists().unwrap_or(false) {
                    bail!("config file {} does not exist", path.display());
                }
                figment.merge(Toml::file_exact(path))
            }
            None => figment.merge(Toml::file(DEFAULT_CONFIG_FILE)),
        };
        let config: Self = figment.merge(env_provider()).extract().context("invalid configuration")?;
        config.validate()?;
        Ok(config)
    }

    /// Checks rules that span several keys or that types cannot state.
    ///
    /// # Errors
    ///
    /// Names the offending key.
    pub fn validate(&self) -> anyhow::Result<()> {
        if self.index.writer_memory_bytes < 15_000_000 {
            bail!("index.writer_memory_bytes must be at least 15000000");
        }
        if self.ingest.max_page_bytes == 0 {
            bail!("ingest.max_page_bytes must be above 0");
        }
        self.search.recency_half_life()?;
        let base = &self.server.base_path;
        if !base.starts_with('/') || (base.len() > 1 && base.ends_with('/')) || base.contains(['?', '#', ' ']) {
            bail!("server.base_path {base:?} must start with / and not end with one (e.g. /tools/archive), or be /");
        }
        for origin in self.server.cors_allowed_origins.iter().chain(&self.server.embed_frame_ancestors) {
            let valid = (origin.starts_with("https://") || origin.starts_with("http://"))
                && !origin.trim_start_matches("https://").trim_start_matches("http://").contains('/')
                && !origin.contains([' ', ';', ',', '\'']);
            if !valid {
                bail!(
                    "{origin:?} in server.cors_allowed_origins or server.embed_frame_ancestors is not an origin such as https://intranet.example"
                );
            }
        }
        if self.server.request_timeout_ms == 0 {
            bail!("server.request_timeout_ms must be above 0");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_config_default_toml() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../config/default.toml");
        let text = std::fs::read_to_string(path).expect("config/default.toml");
        let from_file: Config = toml_config(&text);
        assert_eq!(from_file, Config::default());
    }

    #[test]
    fn unknown_keys_are_refused() {
        let result = Figment::from(Serialized::defaults(Config::default()))
            .merge(Toml::string("[server]\nlisten = \"127.0.0.1:1\"\nlisen = 3\n"))
            .extract::<Config>();
        assert!(result.is_err());
    }

    fn toml_config(text: &str) -> Config {
        Figment::from(Toml::string(text)).extract().expect("valid config")
    }
}
