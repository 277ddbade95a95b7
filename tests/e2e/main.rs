//! End-to-end tests: the real `morgue` binary, over real HTTP on loopback.
//!
//! The binary is the one cargo builds for the server crate's integration
//! tests (`cargo test --workspace` builds it); set `MORGUE_BIN` to test another.

mod cli;
mod http;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Returns the path of the `morgue` binary under test.
pub fn morgue_bin() -> PathBuf {
    if let Some(bin) = std::env::var_os("MORGUE_BIN") {
        return PathBuf::from(bin);
    }
    // This test runs as target/<profile>/deps/e2e-<hash>; the binary is target/<profile>/morgue.
    let exe = std::env::current_exe().expect("test executable path");
    let profile_dir = exe.parent().and_then(Path::parent).expect("target/<profile>");
    let bin = profile_dir.join(format!("morgue{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.is_file(),
        "{} is missing: run `cargo test --workspace` (or `cargo build -p morgue-server`) first, or set MORGUE_BIN",
        bin.display()
    );
    bin
}

/// The seed pages.
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds")
}

/// A `morgue` command run in `workdir` (which has no config/default.toml, so
/// the built-in defaults apply) with its index in `workdir/index`.
pub fn morgue(workdir: &Path) -> Command {
    let mut command = Command::new(morgue_bin());
    command
        .current_dir(workdir)
        .env("MORGUE_INDEX__PATH", workdir.join("index"))
        .env("MORGUE_INGEST__SAMPLE_DIR", seeds_dir())
        .env("RUST_LOG", "info")
        .env_remove("MORGUE_SERVER__LISTEN");
    command
}
