"""Articles per second of `newsgraph extract` against bare spaCy `nlp.pipe` on the same texts.

    .venv/bin/python benchmarks/extract_speed.py [--limit N] [--corpus data/corpus/articles.jsonl]

Both runs use the same spaCy model in the same process; the baseline is the statistical pipeline
alone (what any spaCy user pays), the measured run is the full extraction (reading, our components,
assembly). Prints both rates and their ratio; the first, warm-up pass is not timed.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from newsgraph import config
from newsgraph.extraction import extract_records
from newsgraph.model import Failure
from newsgraph.nlp import load_pipeline
from newsgraph.reading import records_from_jsonl

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "corpus" / "articles.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    args = parser.parse_args()

    lines = args.corpus.read_text(encoding="utf-8").splitlines()
    if args.limit:
        lines = lines[: args.limit]
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    sample = args.corpus.with_name(".bench-sample.jsonl")
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        bare = spacy.load(config.model_name())
        full = load_pipeline()
        list(bare.pipe(texts[:5]))  # warm-up: lazy tables, gazetteer and registry loads
        list(extract_records(records_from_jsonl(sample), nlp=full))

        start = time.perf_counter()
        list(bare.pipe(texts))
        bare_seconds = time.perf_counter() - start

        start = time.perf_counter()
        results = list(extract_records(records_from_jsonl(sample), nlp=full))
        full_seconds = time.perf_counter() - start
    finally:
        sample.unlink(missing_ok=True)

    failures = sum(isinstance(r, Failure) for r in results)
    bare_rate, full_rate = len(texts) / bare_seconds, len(texts) / full_seconds
    print(f"articles: {len(texts)} ({failures} failed)  model: {config.model_name()}")
    print(f"bare spaCy nlp.pipe : {bare_rate:7.2f} articles/s")
    print(f"newsgraph extract   : {full_rate:7.2f} articles/s")
    print(f"ratio extract/spaCy : {full_rate / bare_rate:7.3f}")


if __name__ == "__main__":
    main()
