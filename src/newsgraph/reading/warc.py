"""WARC files: one record per HTML response. (Placeholder until the reader issue fills it.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import UnsupportedInputError
from newsgraph.model import Failure
from newsgraph.reading.records import RawRecord


def records_from_warc(path: Path) -> Iterator[RawRecord | Failure]:
    raise UnsupportedInputError(str(path), "WARC files are not read yet")
