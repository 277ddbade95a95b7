#!/usr/bin/env bash
# Scores morgue and the extraction crates side by side on the dev sets.
# usage: scripts/compare-extractors/run.sh [CORPORA_DIR] [SHARED_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpora=${1:-$root/target/corpora}
shared=${2:-$root/../shared}
[ -d "$corpora/trafilatura-eval" ] || "$shared/eval/unpack-corpora.sh" "$corpora"
CARGO_TARGET_DIR="$root/target/compare-extractors" cargo build --release --quiet --manifest-path "$here/Cargo.toml"
bin="$root/target/compare-extractors/release/compare-extractors"
out="$root/target/compare-extractors/pred"
for set in trafilatura-eval htmldate-eval readability-testpages newspaper4k; do
  where=(); [ "$set" = newspaper4k ] && where=(--where kind=article)
  for engine in morgue trafilatura rs-trafilatura; do
    rm -rf "$out/$set/$engine"
    echo "## $set: $("$bin" "$engine" "$corpora/$set/html" "$out/$set/$engine")"
    python3 "$shared/eval/score_extraction.py" "$out/$set/$engine" --gold "$corpora/$set" --n-bootstrap 0 "${where[@]}" | tail -n +2
  done
done
