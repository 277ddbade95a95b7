#!/usr/bin/env python3
"""Runs `morgue extract --out` over the extraction dev sets and scores the output.

usage: scripts/eval-extraction.py [--morgue BIN | --fast] [--corpora DIR] [--shared DIR]
                                  [--sets a,b,...] [--json OUT.json] [--keep DIR] [--ceiling]

For each set under CORPORA (default target/corpora, unpacked once from
SHARED/corpora/extraction with SHARED/eval/unpack-corpora.sh), extracts every
html/<id>.html with `morgue extract --out`, turns each Article JSON into the
scorer's prediction file {"id","title","body","date","authors","lang"}
(`published` -> `date`), and runs SHARED/eval/score_extraction.py (newspaper4k
with `--where kind=article`). Pages that morgue refuses get no prediction and
count as empty. Build morgue first (`cargo build --release -p morgue-server`),
or pass --fast to build and use the ingest crate's `extract_pages` example instead,
which extracts the same way without entities and builds in a fraction of the time.

--ceiling also scores, for each set with gold bodies, a prediction equal to the gold
body on every page except those morgue refuses and (newspaper4k) those whose gold body
is a test-suite note, which stay empty: the most any extractor could score while
refusing the same pages and not writing the notes.
"""
import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    'trafilatura-eval': [],
    'htmldate-eval': [],
    'readability-testpages': [],
    'newspaper4k': ['--where', 'kind=article'],
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--morgue', type=Path, default=ROOT / 'target/release/morgue')
    ap.add_argument('--fast', action='store_true',
                    help='build and run the extract_pages example instead of `morgue extract`')
    ap.add_argument('--corpora', type=Path, default=ROOT / 'target/corpora')
    ap.add_argument('--shared', type=Path, default=ROOT.parent / 'shared')
    ap.add_argument('--sets', default=','.join(SETS))
    ap.add_argument('--json', type=Path, help='write all scores as one JSON file')
    ap.add_argument('--keep', type=Path, help='keep the Article JSON and predictions under this folder')
    ap.add_argument('--ceiling', action='store_true',
                    help='also score the gold bodies, less the refused pages and the note-only golds')
    args = ap.parse_args()
    if args.fast:
        subprocess.run(['cargo', 'build', '--release', '--quiet', '-p', 'morgue-ingest', '--example', 'extract_pages'],
                       cwd=ROOT, check=True)
        metadata = subprocess.run(['cargo', 'metadata', '--format-version', '1', '--no-deps'], cwd=ROOT,
                                  check=True, capture_output=True, text=True).stdout
        target = Path(json.loads(metadata)['target_directory'])
        extract = [str(target / 'release/examples/extract_pages')]
    else:
        extract = [str(args.morgue), 'extract']

    if not args.corpora.is_dir() or not any(args.corpora.iterdir()):
        subprocess.run([str(args.shared / 'eval/unpack-corpora.sh'), str(args.corpora)], check=True)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix='morgue-eval-'))
    results = {}
    for name in args.sets.split(','):
        set_dir = args.corpora / name
        articles, preds = work / name / 'articles', work / name / 'pred'
        for d in (articles, preds):
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir(parents=True)
        run = subprocess.run([*extract, '--out', str(articles), str(set_dir / 'html')],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        refused = [line for line in run.stderr.splitlines() if line.startswith('failed:')]
        (work / name / 'refused.txt').write_text('\n'.join(refused) + '\n', encoding='utf8')
        for path in articles.glob('*.json'):
            article = json.loads(path.read_text('utf8'))
            pred = {
                'id': path.stem,
                'title': article.get('title') or '',
                'body': article.get('body') or '',
                'date': article.get('published'),
                'authors': article.get('authors') or [],
            }
            if article.get('language'):
                pred['lang'] = article['language']
            (preds / path.name).write_text(json.dumps(pred, ensure_ascii=False), encoding='utf8')
        out = work / name / 'scores.json'
        print(f'## {name}: {len(list(preds.glob("*.json")))} articles, {len(refused)} refused', flush=True)
        subprocess.run([sys.executable, str(args.shared / 'eval/score_extraction.py'), str(preds),
                        '--gold', str(set_dir), '--n-bootstrap', '200', '--json', str(out),
                        '--per-page', str(work / name / 'per-page.tsv'), *SETS.get(name, [])], check=True)
        results[name] = json.loads(out.read_text('utf8'))
        if name == 'newspaper4k':
            # 19 of its gold bodies are the test suite's notes, not text
            # ("MISSES SECOND HALF OF ARTICLE"): score once more without them.
            clean = work / name / 'gold-without-notes'
            shutil.rmtree(clean, ignore_errors=True)
            (clean / 'gold').mkdir(parents=True)
            notes = 0
            for g in (set_dir / 'gold').glob('*.json'):
                gold = json.loads(g.read_text('utf8'))
                if is_note(gold):
                    notes += 1
                    continue
                (clean / 'gold' / g.name).write_text(json.dumps(gold), encoding='utf8')
            print(f'## {name} without the {notes} pages whose gold body is a note', flush=True)
            out = work / name / 'scores-without-notes.json'
            subprocess.run([sys.executable, str(args.shared / 'eval/score_extraction.py'), str(preds),
                            '--gold', str(clean), '--n-bootstrap', '200', '--json', str(out),
                            *SETS.get(name, [])], check=True)
            results[name + ' (gold notes excluded)'] = json.loads(out.read_text('utf8'))
        if args.ceiling:
            results[name + ' (ceiling)'] = ceiling(args, name, set_dir, work, refused)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding='utf8')
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def is_note(gold):
    """A gold body that is a test suite's note in capitals ("MISSES SECOND HALF OF ARTICLE"), not text."""
    body = (gold.get('body') or '').strip() if isinstance(gold.get('body'), str) else ''
    letters = [c for c in body if c.isalpha()]
    return bool(body) and len(body) < 200 and bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def ceiling(args, name, set_dir, work, refused):
    """Scores the gold bodies as predictions, empty on the note-only golds (which no
    extractor can write), then also on the pages morgue refuses."""
    refused_ids = {Path(line.split(': ', 1)[1].split(': not ', 1)[0]).stem
                   for line in refused if ': ' in line}
    golds = {g.stem: json.loads(g.read_text('utf8')) for g in (set_dir / 'gold').glob('*.json')}
    golds = {i: g for i, g in golds.items() if isinstance(g.get('body'), str)}
    notes = {i for i, g in golds.items() if is_note(g)}
    scores = {}
    for label, empty in (('any extractor', notes), ('refusing as morgue does', notes | refused_ids)):
        if not empty or label == 'refusing as morgue does' and not refused_ids & set(golds):
            continue
        preds = work / name / ('ceiling-' + label.split()[0])
        shutil.rmtree(preds, ignore_errors=True)
        preds.mkdir(parents=True)
        for i, g in golds.items():
            if i not in empty:
                (preds / f'{i}.json').write_text(json.dumps({'id': i, 'body': g['body']}), encoding='utf8')
        out = work / name / f'scores-{preds.name}.json'
        run = subprocess.run([sys.executable, str(args.shared / 'eval/score_extraction.py'), str(preds),
                              '--gold', str(set_dir), '--n-bootstrap', '200', '--json', str(out),
                              *SETS.get(name, [])], check=True, capture_output=True, text=True)
        print(f'## {name} ceiling, {label}: the gold bodies, empty on {len(empty & set(golds))} pages '
              f'({len(notes)} note-only golds, {len(empty & set(golds)) - len(notes)} refused)', flush=True)
        print('\n'.join(line for line in run.stdout.splitlines() if 'AEB' in line), flush=True)
        scores[label] = json.loads(out.read_text('utf8'))
    return scores or None

if __name__ == '__main__':
    main()
