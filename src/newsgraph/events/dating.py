"""An event's date from the time expressions around its trigger, at the precision they justify.

The times stage normalises expressions against the publication date (TIMEX3-like values:
"2011-11-19", "2015-06", "2015-W33", "PAST_REF"). An event takes the expression nearest its trigger
in its own clause, else in its sentence. Weeks become their month; vague references ("recently",
"earlier this year") keep only the publication year.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

from spacy.tokens import Token

from newsgraph.model import TimeExpr

LOGGER = logging.getLogger(__name__)

_CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_SEASON_OR_QUARTER = re.compile(r"^(\d{4})-(?:SP|SU|FA|AU|WI|Q\d|H\d)")
VAGUE_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})


def calendar_value(time: TimeExpr, published: str | None) -> str | None:
    """A YYYY[-MM[-DD]] reading of a time expression's value, or None when it is not a date."""
    if time.type not in ("DATE", "TIME"):
        return None
    value = time.value or ""
    week = _WEEK.match(value)
    if week:
        monday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        thursday = monday + timedelta(days=3)
        return f"{thursday.year:04d}-{thursday.month:02d}"
    match = _CALENDAR.match(value)
    if match:
        year, month, day = match.groups()
        if _SEASON_OR_QUARTER.match(value):
            return year
        return "-".join(part for part in (year, month, day) if part)
    if value in ("PAST_REF", "PRESENT_REF") and published:
        return published[:4]
    return None


def pick_time(trigger: Token, times: list[TimeExpr]) -> TimeExpr | None:
    """The time expression that belongs to the trigger: inside its subtree first, then nearest."""
    if not times:
        return None
    root = trigger if trigger.pos_ != "NOUN" else trigger.head
    left, right = root.left_edge.idx, root.right_edge.idx + len(root.right_edge.text)
    inside = [time for time in times if left <= time.start and time.end <= right]
    pool = inside or times
    return min(pool, key=lambda time: abs(time.start - trigger.idx))
