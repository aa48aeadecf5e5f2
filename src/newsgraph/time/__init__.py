"""Time expressions: recognition and TIMEX3 normalisation (`timex`), and dating events from them.

`event_date` is the API the event coder uses: given a sentence and the document's time
expressions, it returns the calendar date the sentence implies, at the precision the text supports.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Span

from newsgraph.model import TimeExpr
from newsgraph.time.timex import find_times

__all__ = ["calendar_value", "event_date", "find_times"]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})(?:$|-(?:Q\d|H\d|SP|SU|FA|WI|XX))")


def calendar_value(value: str, published: str | None = None) -> tuple[str, int] | None:
    """A TIMEX3 value as a calendar date "YYYY[-MM[-DD]]" with its precision (3 day, 2 month, 1 year).

    Weeks become the month holding their Thursday (the ISO week's anchor day); quarters, halves
    and seasons their year. `PRESENT_REF` is the publication date, `PAST_REF` ("recently") its
    month; values without a calendar position (durations, sets, decades, FUTURE_REF) give None.
    """
    if value == "PRESENT_REF" and published:
        return published, published.count("-") + 1
    if value == "PAST_REF" and published:
        recent = published[:7]
        return recent, recent.count("-") + 1
    day = _DAY.match(value)
    if day:
        return day.group(0), 3
    week = _WEEK.match(value)
    if week:
        try:
            thursday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)
        except ValueError:
            return None
        return thursday.strftime("%Y-%m"), 2
    month = _MONTH.match(value)
    if month:
        return month.group(0), 2
    year = _YEAR.match(value)
    if year:
        return year.group(1), 1
    return None


def _bounds(sentence: Span | tuple[int, int]) -> tuple[int, int]:
    if isinstance(sentence, tuple):
        return sentence
    return sentence.start_char, sentence.end_char


def event_date(
    sentence: Span | tuple[int, int],
    times: Sequence[TimeExpr],
    published: str | None,
    *,
    fallback_to_published_year: bool = False,
    near: int | None = None,
) -> str | None:
    """The date an event reported in `sentence` happened: "YYYY", "YYYY-MM" or "YYYY-MM-DD".

    `sentence` is a spaCy span or (start, end) character offsets into the text `times` were found
    in. Among the DATE/TIME expressions inside it, the most precise wins ("Tuesday" over "this
    week" over "2015"); ties go to the one nearest `near` (e.g. the trigger's offset), else the
    first. Durations and sets do not date an event. With no usable expression the result is None,
    or the publication year when `fallback_to_published_year` is set.
    """
    start, end = _bounds(sentence)
    best: tuple[int, int, str] | None = None
    for time in times:
        if time.end <= start or time.start >= end or time.type not in ("DATE", "TIME"):
            continue
        found = calendar_value(time.value, published)
        if found is None:
            continue
        date, precision = found
        distance = abs(time.start - near) if near is not None else time.start - start
        key = (-precision, distance, date)
        if best is None or key < best:
            best = key
    if best is not None:
        return best[2]
    if fallback_to_published_year and published and published[:4].isdigit():
        return published[:4]
    return None
