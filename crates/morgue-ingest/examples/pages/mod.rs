//! Finding the saved pages the examples run over.

use std::path::{Path, PathBuf};

/// Every file under `paths` (folders walked recursively), in name order.
pub(crate) fn files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        walk(path, &mut out);
    }
    out
}

fn walk(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else { return };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for child in children {
            walk(&child, out);
        }
    } else if path.is_file() {
        out.push(path.to_owned());
    }
}
