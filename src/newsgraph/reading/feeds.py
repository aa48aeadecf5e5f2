"""RSS/Atom feeds: one record per entry. (Placeholder until the reader issue fills it.)"""

from __future__ import annotations

from collections.abc import Iterator

from newsgraph.errors import UnsupportedInputError
from newsgraph.model import Failure
from newsgraph.reading.records import RawRecord


def records_from_feed(text: str, source: str) -> Iterator[RawRecord | Failure]:
    raise UnsupportedInputError(source, "feeds are not read yet")
