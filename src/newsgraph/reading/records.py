"""A raw input record: what was read, kept verbatim, before anything is derived from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

RecordKind = Literal["text", "html"]


@dataclass
class RawRecord:
    source: str  # a path, "path:line" for JSONL, "path#entry" for feeds and WARC
    kind: RecordKind
    content: str  # decoded text or HTML, exactly as read
    input_id: str | None = None  # the caller's id (JSONL records)
    published: str | None = None  # given from outside the text (record, feed, --published)
    published_source: str | None = None
    url: str | None = None
    title: str | None = None  # given by a feed or a record
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    license: str | None = None
    clean: bool = True  # False: the text is already the article; keep it verbatim as the body
    input_format: str = "txt"
    extra: dict[str, Any] = field(default_factory=dict)
