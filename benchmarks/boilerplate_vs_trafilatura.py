"""Boilerplate removal: newsgraph's HTML reader against plain trafilatura on the same pages, side by side.

    .venv/bin/python benchmarks/boilerplate_vs_trafilatura.py [DEV.jsonl] [--limit N] [--worst 10]

DEV.jsonl is the Zyte article-extraction benchmark split (`{"id", "html", "url", "gold": {"body"}}`),
by default `../shared/eval/bench/boilerplate/dev.jsonl`. The baseline is `trafilatura.extract(html,
url=url)` with its defaults; ours is `newsgraph.reading.html.parse_html(html, url).body`, i.e. the
body the `extract` command prints. Both are scored by the benchmark's own metric (word 4-gram
shingles; precision averaged over pages that predicted anything, recall over pages with gold text,
F1 the harmonic mean), imported from the benchmark's `score.py` so that the numbers agree with it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import trafilatura

from newsgraph.reading.html import parse_html

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "bench" / "boilerplate" / "dev.jsonl"


def _scorer(gold_path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("boilerplate_score", gold_path.parent / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py next to {gold_path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(scorer: ModuleType, golds: list[str], preds: list[str]) -> dict[str, float]:
    counts = [scorer.page_counts(g, p) for g, p in zip(golds, preds, strict=True)]
    ps = [scorer.precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [scorer.recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    exact = [scorer.WORD.findall(g) == scorer.WORD.findall(x) for g, x in zip(golds, preds, strict=True)]
    return {
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "precision": p,
        "recall": r,
        "exact": sum(exact) / len(exact) if exact else 0.0,
    }


def _run(
    name: str, fn: Callable[[str, str | None], str], rows: list[dict[str, Any]]
) -> tuple[list[str], float]:
    start = time.perf_counter()
    out = []
    for row in rows:
        try:
            out.append(fn(row["html"], row.get("url")) or "")
        except Exception as err:  # a crash on one page counts as an empty prediction, not a stopped run
            print(f"{name}: {row['id'][:12]}: {type(err).__name__}: {err}", file=sys.stderr)
            out.append("")
    return out, time.perf_counter() - start


def _trafilatura(html: str, url: str | None) -> str:
    return trafilatura.extract(html, url=url) or ""


def _newsgraph(html: str, url: str | None) -> str:
    return parse_html(html, url).body


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--limit", type=int, help="only the first N pages")
    ap.add_argument(
        "--worst", type=int, default=0, help="list the N pages where we lose most against the baseline"
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    scorer = _scorer(args.gold)
    with args.gold.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()][: args.limit]
    golds = [row["gold"]["body"] for row in rows]
    base, base_s = _run("trafilatura", _trafilatura, rows)
    ours, ours_s = _run("newsgraph", _newsgraph, rows)
    b, o = _score(scorer, golds, base), _score(scorer, golds, ours)
    report = {
        "pages": len(rows),
        "trafilatura": {**b, "seconds": base_s},
        "newsgraph": {**o, "seconds": ours_s},
        "f1_ratio": o["f1"] / b["f1"] if b["f1"] else 0.0,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for name, m, secs in (("trafilatura", b, base_s), ("newsgraph", o, ours_s)):
            print(
                f"{name:12} F1 {m['f1']:.4f} | P {m['precision']:.4f} | R {m['recall']:.4f} "
                f"| exact {m['exact']:.3f} | {secs:.1f}s"
            )
        print(f"pages {len(rows)} | F1 ratio newsgraph/trafilatura {report['f1_ratio']:.4f}")
    if args.worst:
        deltas = []
        for row, g, x, y in zip(rows, golds, base, ours, strict=True):
            cb, co = scorer.page_counts(g, x), scorer.page_counts(g, y)
            deltas.append((co[0] - cb[0], row["id"][:12], cb, co))
        for delta, pid, cb, co in sorted(deltas)[: args.worst]:
            print(f"  {pid} tp {cb[0]:.3f} -> {co[0]:.3f} ({delta:+.3f}) fp {cb[1]:.3f} -> {co[1]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
