"""Publication dates: normalise a given date, or infer one from the text, saying how and how precisely."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass
class PublishedDate:
    value: str  # YYYY[-MM[-DD]]
    source: str  # given | record | feed | metadata | dateline | inferred
    precision: str  # year | month | day


def normalise(value: str | None, source: str) -> PublishedDate | None:
    """An ISO-like date string cut to what it states: '2015-08-14T10:00' -> 2015-08-14 (day)."""
    if not value:
        return None
    match = _ISO.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if day:
        return PublishedDate(f"{year}-{month}-{day}", source, "day")
    if month:
        return PublishedDate(f"{year}-{month}", source, "month")
    return PublishedDate(year, source, "year")


def infer_from_text(text: str) -> PublishedDate | None:
    """A date the text itself pins (a dateline, an anniversary of a known event). Filled by the reader issue."""
    return None
