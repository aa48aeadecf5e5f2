"""Calendar arithmetic on a (possibly partial) reference date, formatted the TIMEX3 way.

The anchor is the publication date, which may be known only to the year or month. Every helper
degrades to TIMEX3 placeholders ("XXXX-XX-XX") when the precision it needs is missing, rather than
inventing a day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Tense = Literal["PAST", "PRESENT", "FUTURE"]

_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Anchor:
    """A reference date known to the year, the month or the day."""

    year: int | None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, published: str | None) -> Anchor:
        match = _PUBLISHED.match(published or "")
        if not match:
            return cls(None)
        year, month, day = (int(g) if g else None for g in match.groups())
        return cls(year, month, day)

    @classmethod
    def of(cls, date: dt.date) -> Anchor:
        return cls(date.year, date.month, date.day)

    @property
    def date(self) -> dt.date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    @property
    def quarter(self) -> int | None:
        return None if self.month is None else (self.month - 1) // 3 + 1


def fmt_day(date: dt.date | None) -> str:
    return date.isoformat() if date else "XXXX-XX-XX"


def fmt_month(year: int | None, month: int | None) -> str:
    if year is None:
        return "XXXX-XX" if month is None else f"XXXX-{month:02d}"
    return f"{year:04d}-XX" if month is None else f"{year:04d}-{month:02d}"


def fmt_year(year: int | None) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def fmt_week(date: dt.date | None) -> str:
    if date is None:
        return "XXXX-WXX"
    iso = date.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_day(anchor: Anchor, days: int) -> str:
    date = anchor.date
    return fmt_day(date + dt.timedelta(days=days) if date else None)


def shift_week(anchor: Anchor, weeks: int) -> str:
    date = anchor.date
    return fmt_week(date + dt.timedelta(weeks=weeks) if date else None)


def shift_month(anchor: Anchor, months: int) -> str:
    if anchor.year is None or anchor.month is None:
        return "XXXX-XX"
    return fmt_month(*add_months(anchor.year, anchor.month, months))


def shift_year(anchor: Anchor, years: int) -> str:
    return fmt_year(None if anchor.year is None else anchor.year + years)


def shift_quarter(anchor: Anchor, quarters: int) -> str:
    if anchor.year is None or anchor.quarter is None:
        return "XXXX-QX"
    index = anchor.year * 4 + anchor.quarter - 1 + quarters
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def month_year(anchor: Anchor, month: int, tense: Tense | None) -> int | None:
    """The year of a bare month name: the anchor's, moved back (past) or on (future) by tense."""
    if anchor.year is None:
        return None
    if anchor.month is None:
        return anchor.year
    if tense == "FUTURE" and month < anchor.month:
        return anchor.year + 1
    if tense != "FUTURE" and month > anchor.month + (1 if tense is None else 0):
        # News reports mostly look back: a month later in the year than the article is last year's,
        # unless the verb is future (or, untensed, it is the very next month: "talks in May").
        return anchor.year - 1
    return anchor.year


def day_month_year(anchor: Anchor, month: int, day: int, tense: Tense | None) -> int | None:
    """The year of "March 5" without a year, by the same reasoning as `month_year` at day precision."""
    if anchor.year is None:
        return None
    if anchor.month is None or anchor.day is None:
        return anchor.year
    here = (anchor.month, anchor.day)
    if tense == "FUTURE" and (month, day) < here and anchor.month - month > 1:
        return anchor.year + 1
    if tense == "PAST" and (month, day) > here and month - anchor.month > 1:
        return anchor.year - 1
    if tense is None and month - anchor.month > 6:
        return anchor.year - 1
    if tense is None and anchor.month - month > 9:
        return anchor.year + 1
    return anchor.year


def weekday_date(anchor: Anchor, weekday: int, tense: Tense | None, shift: int = 0) -> dt.date | None:
    """The date of a weekday name (0 = Monday) near the anchor: the latest on or before it for the
    past, the next one after it for the future, the nearest otherwise. `shift` moves whole weeks
    ("last Friday", "next Monday")."""
    date = anchor.date
    if date is None:
        return None
    back = (date.weekday() - weekday) % 7
    forward = (weekday - date.weekday()) % 7
    if shift < 0:
        offset = -(back or 7) + 7 * (shift + 1)
    elif shift > 0:
        offset = (forward or 7) + 7 * (shift - 1)
    elif tense == "FUTURE":
        offset = forward
    elif tense == "PAST":
        offset = -back
    else:
        offset = -back if back <= forward or back <= 1 else forward
    return date + dt.timedelta(days=offset)
