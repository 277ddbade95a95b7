//! Trains the tagger: `morgue-ner-train [--epochs N] [--bits B] --out FILE CONLL_OR_DIR...`.
//!
//! Reads every `*.conll` file under the given paths (sorted by path, so the
//! order is fixed), trains with a fixed seed and writes the model. The same
//! inputs give the same bytes.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use morgue_ner::{Recognizer, TrainOptions, conll};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("morgue-ner-train: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut options = TrainOptions::default();
    let mut out = None;
    let mut inputs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--epochs" => options.epochs = value("--epochs")?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--bits" => options.bits = value("--bits")?.parse().map_err(|e| format!("--bits: {e}"))?,
            "-h" | "--help" => {
                println!("usage: morgue-ner-train [--epochs N] [--bits B] --out FILE CONLL_OR_DIR...");
                return Ok(());
            }
            _ => inputs.push(PathBuf::from(arg)),
        }
    }
    let out = out.ok_or("--out FILE is required")?;
    if inputs.is_empty() {
        inputs.push(PathBuf::from("../shared/corpora/ner/train"));
    }
    let mut files = Vec::new();
    for input in &inputs {
        collect(input, &mut files)?;
    }
    files.sort();
    let mut sentences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let before = sentences.len();
        sentences.extend(conll::parse(&text).into_iter().flat_map(|d| d.sentences));
        eprintln!("{}: {} sentences", file.display(), sentences.len() - before);
    }
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    eprintln!("training on {} sentences, {tokens} tokens, {options:?}", sentences.len());
    let model = Recognizer::train(&sentences, options);
    std::fs::write(&out, model.to_bytes()).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("wrote {}", out.display());
    Ok(())
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: {e}", path.display()))?;
            collect(&entry.path(), files)?;
        }
    } else if path.extension().is_some_and(|e| e == "conll") {
        files.push(path.to_owned());
    }
    Ok(())
}
