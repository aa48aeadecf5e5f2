"""Turn paths (files, directories, JSONL batches) into `RawRecord`s, one bad input never stopping the rest."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import NewsgraphError, ParseError, UnsupportedInputError
from newsgraph.model import Failure
from newsgraph.reading.decoding import decode, read_bytes
from newsgraph.reading.records import RawRecord

LOGGER = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".arc"}


def iter_records(paths: Iterable[str | Path], published: str | None = None) -> Iterator[RawRecord | Failure]:
    """Every record in `paths`, recursing into directories in a stable (sorted) order."""
    for raw_path in paths:
        path = Path(raw_path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            for file in files:
                yield from _records_of_file(file, published)
        else:
            yield from _records_of_file(path, published)


def _records_of_file(path: Path, published: str | None) -> Iterator[RawRecord | Failure]:
    suffixes = [s.lower() for s in path.suffixes]
    suffix = suffixes[-1] if suffixes else ""
    if suffix == ".gz" and len(suffixes) > 1:
        suffix = suffixes[-2]
    try:
        if suffix in WARC_SUFFIXES:
            from newsgraph.reading.warc import records_from_warc

            yield from records_from_warc(path)
            return
        if suffix == ".jsonl":
            yield from records_from_jsonl(path)
            return
        text = decode(read_bytes(path), str(path))
        if suffix == ".json":
            loaded = _load_json(text, str(path))
            if isinstance(loaded, list) and loaded and all(isinstance(o, dict) for o in loaded):
                # A JSON array of records: one document each, named path#n like feed entries.
                for number, obj in enumerate(loaded, 1):
                    try:
                        yield record_from_json(obj, f"{path}#{number}")
                    except NewsgraphError as err:
                        yield Failure(err.source, err.code, err.reason)
            else:
                yield record_from_json(loaded, str(path))
        elif suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and _looks_like_feed(text)):
            from newsgraph.reading.feeds import records_from_feed

            yield from records_from_feed(text, str(path))
        elif suffix in HTML_SUFFIXES or _looks_like_html(text):
            yield RawRecord(
                str(path),
                "html",
                text,
                published=published,
                published_source="given" if published else None,
                input_format="html",
            )
        elif suffix in TEXT_SUFFIXES or suffix.isalnum():
            yield RawRecord(
                str(path),
                "text",
                text,
                published=published,
                published_source="given" if published else None,
                input_format="txt",
            )
        else:
            raise UnsupportedInputError(str(path), f"unsupported file type {suffix!r}")
    except NewsgraphError as err:
        yield Failure(err.source, err.code, err.reason)


def records_from_jsonl(path: str | Path) -> Iterator[RawRecord | Failure]:
    """One record per JSONL line; a bad line becomes a `Failure` naming `path:line`."""
    path = Path(path)
    try:
        text = decode(read_bytes(path), str(path))
    except NewsgraphError as err:
        yield Failure(err.source, err.code, err.reason)
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        obj: Any = None
        try:
            obj = _load_json(line, source)
            yield record_from_json(obj, source)
        except NewsgraphError as err:
            input_id = obj.get("id") if isinstance(obj, dict) else None
            yield Failure(
                err.source, err.code, err.reason, input_id=None if input_id is None else str(input_id)
            )


def record_from_json(obj: Any, source: str) -> RawRecord:
    """A contract input record: {"id", "text" | "html", "published"?, "url"?, "clean"?, "title"?}."""
    if not isinstance(obj, dict):
        raise ParseError(source, "JSON record is not an object")
    input_id = obj.get("id")
    html, text = obj.get("html"), obj.get("text")
    if isinstance(html, str) and html.strip():
        kind, content = "html", html
    elif isinstance(text, str) and text.strip():
        kind, content = "text", text
    else:
        raise ParseError(source, 'record has neither a non-empty "text" nor "html" string')
    published = obj.get("published")
    authors = obj.get("authors") or ([obj["author"]] if isinstance(obj.get("author"), str) else [])
    return RawRecord(
        source=source,
        kind=kind,  # type: ignore[arg-type]  # narrowed above to "html" or "text"
        content=content,
        input_id=None if input_id is None else str(input_id),
        published=str(published) if published else None,
        published_source="record" if published else None,
        url=obj.get("url"),
        title=obj.get("title"),
        authors=[a for a in authors if isinstance(a, str)],
        outlet=obj.get("source") or obj.get("outlet"),
        license=obj.get("license"),
        clean=obj.get("clean", True) is not False,
        input_format="json",
    )


def _load_json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as err:
        raise ParseError(source, f"invalid JSON ({err})") from err


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<div" in head


def _looks_like_feed(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<rss", "<feed")):
        return True
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf" in head)
