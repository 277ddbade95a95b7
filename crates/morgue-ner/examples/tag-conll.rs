//! Tags a CoNLL file with a model file (for iterating on features without
//! rebuilding the server): `tag-conll MODEL FILE.conll [--no-consistency] > PRED.conll`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

use morgue_ner::{Model, Recognizer};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(model), Some(input)) = (args.first(), args.get(1)) else {
        eprintln!("usage: tag-conll MODEL FILE.conll [--no-consistency]");
        return ExitCode::FAILURE;
    };
    let run = || -> Result<String, String> {
        let bytes = std::fs::read(model).map_err(|e| format!("{model}: {e}"))?;
        let model = Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
        let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
        let consistent = !args.iter().any(|a| a == "--no-consistency");
        Ok(Recognizer::with_model(model).tag_conll(&text, consistent))
    };
    match run() {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("tag-conll: {e}");
            ExitCode::FAILURE
        }
    }
}
