"""Folded keys under which names are merged: case, accents, punctuation and a leading "the" do not count."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def fold(name: str) -> str:
    """`The Al-Qa'ida` -> `al qa ida`."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _NON_WORD.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def date_range(value: str | None) -> tuple[str, str] | None:
    """The first and last day a `YYYY[-MM[-DD]]` string covers, as ISO strings; None if it is not one."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return f"{year:04d}-01-01", f"{year:04d}-12-31"
        month = int(parts[1])
        if len(parts) == 2:
            import calendar

            last = calendar.monthrange(year, month)[1]
            return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
        day = int(parts[2])
    except (ValueError, IndexError):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", f"{year:04d}-{month:02d}-{day:02d}"
