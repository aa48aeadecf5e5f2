"""`newsgraph ingest`: read inputs, extract the new ones (in worker processes), and write them to the store.

Idempotent and incremental: a record whose body is stored already is recognised by its content hash
before any NLP runs, and only its new source (if any) is noted. The writer is the only process that
touches the database; workers only extract.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from newsgraph.extraction import extract_records, prepare
from newsgraph.model import Document, Extraction, Failure
from newsgraph.reading import RawRecord, iter_records
from newsgraph.store import Writer

LOGGER = logging.getLogger(__name__)

CHUNK = 8  # records a worker extracts at a time: small enough for a lively progress bar


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0  # documents that started a story
    syndicated: int = 0  # near-duplicates that joined an existing story
    duplicate: int = 0  # bodies stored already (re-ingest, or the same text from another place)
    skipped: list[Failure] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    def reasons(self, failures: Sequence[Failure]) -> Counter[str]:
        return Counter(f"{f.code}: {f.reason}" for f in failures)


def _extract_chunk(args: tuple[list[RawRecord], str | None]) -> list[Extraction | Failure]:
    records, model = args
    return list(extract_records(records, model=model, nlp=_worker_nlp(model)))


_NLP: Any = None


def _worker_nlp(model: str | None) -> Any:
    # One pipeline per worker process, loaded on its first chunk and kept.
    global _NLP  # noqa: PLW0603 - a per-process cache is the point
    if _NLP is None:
        from newsgraph.nlp import load_pipeline

        _NLP = load_pipeline(model)
    return _NLP


def _chunks(items: Iterable[RawRecord], size: int) -> Iterator[list[RawRecord]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ingest(
    paths: Iterable[str | Path],
    engine: Engine,
    *,
    workers: int = 1,
    published: str | None = None,
    model: str | None = None,
    on_total: Callable[[int], None] | None = None,
    on_advance: Callable[[int], None] | None = None,
    writer: Writer | None = None,
) -> IngestSummary:
    """Ingest every record under `paths` into the knowledge base behind `engine`."""
    writer = writer or Writer(engine)
    summary = IngestSummary()
    records = list(iter_records(paths, published=published))
    summary.read = len(records)
    if on_total:
        on_total(len(records))
    pending: list[RawRecord] = []
    for item in records:
        if isinstance(item, Failure):
            _record_failure(writer, summary, item)
            _advance(on_advance)
            continue
        prepared = prepare(item)
        if isinstance(prepared, Failure):
            _record_failure(writer, summary, prepared)
            _advance(on_advance)
            continue
        if _already_stored(writer, prepared):
            summary.duplicate += 1
            _advance(on_advance)
            continue
        pending.append(item)
    # One result per record, in order: the raw input goes with its extraction.
    results = _extract(pending, workers=workers, model=model, on_advance=on_advance)
    for record, result in zip(pending, results, strict=True):
        if isinstance(result, Failure):
            _record_failure(writer, summary, result)
            continue
        added = writer.add(result, raw=record.content, raw_kind=record.kind)
        if added.status == "new":
            summary.new += 1
        elif added.status == "syndicated":
            summary.syndicated += 1
        else:
            summary.duplicate += 1
    return summary


def ingest_extractions(items: Iterable[Extraction | Failure], engine: Engine) -> IngestSummary:
    """Write already extracted results (the library's `extract_many` output, or hand-built ones)."""
    writer = Writer(engine)
    summary = IngestSummary()
    for item in items:
        summary.read += 1
        if isinstance(item, Failure):
            _record_failure(writer, summary, item)
            continue
        added = writer.add(item)
        if added.status == "new":
            summary.new += 1
        elif added.status == "syndicated":
            summary.syndicated += 1
        else:
            summary.duplicate += 1
    return summary


def _advance(on_advance: Callable[[int], None] | None, n: int = 1) -> None:
    if on_advance:
        on_advance(n)


def _already_stored(writer: Writer, document: Document) -> bool:
    return writer.seen(document) is not None


def _record_failure(writer: Writer, summary: IngestSummary, failure: Failure) -> None:
    writer.add_failure(failure)
    (summary.skipped if failure.skipped else summary.failed).append(failure)


def _extract(
    records: list[RawRecord],
    *,
    workers: int,
    model: str | None,
    on_advance: Callable[[int], None] | None,
) -> Iterator[Extraction | Failure]:
    if not records:
        return
    if workers <= 1 or len(records) <= CHUNK:
        for chunk in _chunks(records, CHUNK):
            yield from extract_records(chunk, model=model)
            _advance(on_advance, len(chunk))
        return
    # fork keeps the parent's imports; each worker loads the spaCy pipeline once, on its first chunk.
    context = multiprocessing.get_context("fork")
    with context.Pool(processes=workers) as pool:
        jobs = ((chunk, model) for chunk in _chunks(records, CHUNK))
        for results in pool.imap(_extract_chunk, jobs):
            yield from results
            _advance(on_advance, len(results))
