"""Knowledge-base latency at scale: build a synthetic knowledge base of N events and time the briefing
and the query filters (p50/p95), on SQLite and, given a URL, on PostgreSQL.

    python benchmarks/kb_bench.py --events 20000                        # quick, SQLite only
    python benchmarks/kb_bench.py --events 1000000 --pg postgresql+psycopg://user:pw@host/db

The PostgreSQL database is emptied first (its public schema is dropped). The synthetic data follows
the real shape: a few hub actors with many events (like al-Qaida), a long tail of small ones, one
report per event with a sentence for full-text search, relations with reports, and contradictions.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Integer, insert, text

from newsgraph.kb.brief import build_briefing
from newsgraph.kb.query import KnowledgeBase
from newsgraph.store import open_engine
from newsgraph.store import schema as s

TYPES = [
    "ASSAULT",
    "THREATEN",
    "COERCE",
    "SUPPORT",
    "AGREE",
    "CONSULT",
    "ACCUSE",
    "MOBILIZE",
    "RELOCATE",
    "DEATH",
]
WORDS = [
    "attack",
    "convoy",
    "checkpoint",
    "militants",
    "soldiers",
    "village",
    "district",
    "bombing",
    "raid",
    "talks",
    "ceasefire",
    "border",
]
CHUNK = 20_000


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _load(engine: Engine, table: Any, rows: Iterator[dict[str, Any]]) -> int:
    n = 0
    for batch in _chunks(rows):
        with engine.begin() as conn:
            conn.execute(insert(table), batch)
        n += len(batch)
    return n


def build(engine: Engine, n_events: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    n_actors = max(50, min(20_000, n_events // 50))
    n_places = max(20, min(5_000, n_events // 200))
    n_docs = max(10, n_events // 5)
    n_relations = max(20, n_events // 20)
    day0 = date(2000, 1, 1)

    def day(i: int) -> str:
        return (day0 + timedelta(days=i)).isoformat()

    # Zipf-like actor popularity: actor 1 is the hub ("al-Qaida"), then a long tail.
    weights = [1.0 / (i + 1) for i in range(n_actors)]
    actors = list(range(1, n_actors + 1))

    cumulative = list(itertools.accumulate(weights))

    def actor() -> int:
        return rng.choices(actors, cum_weights=cumulative)[0]

    counts = {}
    counts["outlets"] = _load(
        engine, s.outlets, ({"id": i, "key": f"outlet {i}", "name": f"Outlet {i}"} for i in range(1, 51))
    )
    counts["entities"] = _load(
        engine,
        s.entities,
        (
            {
                "id": i,
                "key": f"reg:actor-{i}",
                "name": "al-Qaida" if i == 1 else f"Actor {i}",
                "type": "ARMED_GROUP",
                "registry_id": f"actor-{i}",
            }
            for i in actors
        ),
    )
    counts["entity_aliases"] = _load(
        engine,
        s.entity_aliases,
        (
            {
                "entity_id": i,
                "alias": "al-Qaida" if i == 1 else f"Actor {i}",
                "alias_key": "al qaida" if i == 1 else f"actor {i}",
            }
            for i in actors
        ),
    )
    counts["places"] = _load(
        engine,
        s.places,
        (
            {"id": i, "key": f"gn:{i}", "name": f"Place {i}", "country": "AF", "feature": "city"}
            for i in range(1, n_places + 1)
        ),
    )
    counts["stories"] = _load(
        engine,
        s.stories,
        (
            {"id": i, "title": f"Story {i}", "first_published": day(i % 9000), "created_at": now}
            for i in range(1, n_docs + 1)
        ),
    )
    counts["documents"] = _load(
        engine,
        s.documents,
        (
            {
                "id": f"d{i}",
                "story_id": i,
                "outlet_id": 1 + i % 50,
                "canonical": True,
                "title": f"Story {i}",
                "authors": [],
                "published": day(i % 9000),
                "body": "synthetic",
                "extraction": {},
                "source": f"synthetic:{i}",
                "ingested_at": now,
            }
            for i in range(1, n_docs + 1)
        ),
    )

    def events() -> Iterator[dict[str, Any]]:
        for i in range(1, n_events + 1):
            d = day(rng.randrange(9000))
            yield {
                "id": i,
                "type": rng.choice(TYPES),
                "source_id": actor(),
                "target_id": actor(),
                "place_id": rng.randrange(1, n_places + 1),
                "date": d,
                "date_start": d,
                "date_end": d,
                "killed": rng.choice([None, None, 0, 1, 2, 5]),
                "report_count": 1,
                "first_reported": d,
                "last_reported": d,
            }

    counts["events"] = _load(engine, s.events, events())

    def reports() -> Iterator[dict[str, Any]]:
        for i in range(1, n_events + 1):
            doc = 1 + (i * 7919) % n_docs
            yield {
                "id": i,
                "event_id": i,
                "document_id": f"d{doc}",
                "story_id": doc,
                "evidence": " ".join(rng.choices(WORDS, k=8)) + f" report {i}.",
                "published": day(doc % 9000),
            }

    counts["event_reports"] = _load(engine, s.event_reports, reports())
    rng2 = random.Random(seed + 1)
    counts["search_text"] = _load(
        engine,
        s.search_text,
        (
            {
                "id": i,
                "kind": "event",
                "ref_id": i,
                "text": " ".join(rng2.choices(WORDS, k=8)) + f" report {i}.",
            }
            for i in range(1, n_events + 1)
        ),
    )
    rel_types = ["ALLY", "HOSTILE", "LEADER_OF", "OPERATES_IN", "SUPPORTS", "PART_OF"]

    def relations() -> Iterator[dict[str, Any]]:
        for i in range(1, n_relations + 1):
            kind = rel_types[i % len(rel_types)]
            yield {
                "id": i,
                "type": kind,
                "source_id": actor(),
                "target_entity_id": None if kind == "OPERATES_IN" else actor(),
                "target_place_id": rng.randrange(1, n_places + 1) if kind == "OPERATES_IN" else None,
                "report_count": 1,
            }

    counts["relations"] = _load(engine, s.relations, relations())
    counts["relation_reports"] = _load(
        engine,
        s.relation_reports,
        (
            {
                "id": i,
                "relation_id": 1 + i % n_relations,
                "document_id": f"d{1 + i % n_docs}",
                "story_id": 1 + i % n_docs,
                "evidence": f"relation sentence {i}",
                "published": day((1 + i % n_docs) % 9000),
            }
            for i in range(1, 2 * n_relations + 1)
        ),
    )
    n_contradictions = max(10, n_events // 100)
    counts["contradictions"] = _load(
        engine,
        s.contradictions,
        (
            {
                "id": i,
                "kind": "figure",
                "field": "killed",
                "event_id": i,
                "a_value": "2",
                "b_value": "5",
                "a_event_report_id": i,
                "b_event_report_id": i,
                "a_document_id": f"d{1 + i % n_docs}",
                "b_document_id": f"d{1 + (i + 1) % n_docs}",
                "a_source": "Outlet A",
                "b_source": "Outlet B",
                "detected_at": now,
            }
            for i in range(1, n_contradictions + 1)
        ),
    )
    counts["contradiction_entities"] = _load(
        engine,
        s.contradiction_entities,
        ({"contradiction_id": i, "entity_id": 1 + (i % 7) * (i % 3)} for i in range(1, n_contradictions + 1)),
    )
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            for table in s.metadata.sorted_tables:
                if (
                    "id" in table.c
                    and table.c.id.autoincrement is not False
                    and isinstance(table.c.id.type, Integer)
                ):
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), (SELECT coalesce(max(id), 1) FROM {table.name}))"
                        )
                    )
            conn.execute(text("ANALYZE"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    return counts


def timed(label: str, fn: Callable[[int], Any], runs: int) -> tuple[str, float, float]:
    samples = []
    fn(0)  # warm the cache once, as an interactive session would be
    for i in range(runs):
        start = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p50 = statistics.median(samples)
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return label, p50, p95


def measure(engine: Engine, n_events: int, runs: int) -> list[tuple[str, float, float]]:
    kb = KnowledgeBase(engine=engine)
    tail = [f"Actor {i}" for i in (2, 5, 17, 40)]
    results = [
        timed("brief al-Qaida (hub actor)", lambda _i: build_briefing(engine, "al-Qaida"), runs),
        timed(
            "brief al-Qaida --as-of 2010", lambda _i: build_briefing(engine, "al-Qaida", as_of="2010"), runs
        ),
        timed("brief tail actors", lambda i: build_briefing(engine, tail[i % len(tail)]), runs),
        timed("events actor+type", lambda _i: kb.events(actor="al-Qaida", type="ASSAULT", limit=50), runs),
        timed(
            "events place+date range",
            lambda i: kb.events(place=f"Place {1 + i % 20}", since="2005", until="2006", limit=50),
            runs,
        ),
        timed(
            "events type+date range",
            lambda _i: kb.events(type="THREATEN", since="2010-01-01", until="2010-03-31", limit=50),
            runs,
        ),
        timed("events full-text", lambda i: kb.events(text=f"convoy report {1000 + i}", limit=50), runs),
        timed("relations actor", lambda _i: kb.relations(actor="al-Qaida", limit=50), runs),
    ]
    del n_events
    return results


def run(label: str, url: str, n_events: int, runs: int) -> None:
    engine = open_engine(url)
    start = time.perf_counter()
    counts = build(engine, n_events)
    built = time.perf_counter() - start
    print(
        f"\n{label}: built {counts['events']:,} events, {counts['event_reports']:,} reports, "
        f"{counts['relations']:,} relations, {counts['entities']:,} actors, {counts['documents']:,} documents "
        f"in {built:.0f} s",
        flush=True,
    )
    print(f"{'query':34} {'p50 ms':>9} {'p95 ms':>9}")
    for name, p50, p95 in measure(engine, n_events, runs):
        print(f"{name:34} {p50:9.1f} {p95:9.1f}", flush=True)
    engine.dispose()


def _reset_postgres(url: str) -> None:
    engine = open_engine(url, migrate=False)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--events", type=int, default=20_000, help="synthetic events (1000000 for the full run)"
    )
    parser.add_argument("--runs", type=int, default=20, help="timed repetitions of each query")
    parser.add_argument("--sqlite", type=Path, help="SQLite file to build (default: a temporary file)")
    parser.add_argument(
        "--pg", help="PostgreSQL URL to build in as well (its public schema is dropped first)"
    )
    parser.add_argument("--no-sqlite", action="store_true", help="only PostgreSQL")
    args = parser.parse_args(argv)
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            path = args.sqlite or Path(tmp) / "kb_bench.db"
            if path.exists():
                path.unlink()
            run("SQLite", f"sqlite:///{path}", args.events, args.runs)
    if args.pg:
        _reset_postgres(args.pg)
        run("PostgreSQL", args.pg, args.events, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
