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
    """The year of a month named without one ("in May", "March 5"), from the anchor and the tense.

    A month well after the anchor's is last year's unless the clause is about the future; one well
    before it is next year's when the clause is about the future (or tenseless and nearly a year
    away: "January" in a November article about a schedule). Nearby months keep the anchor's year.
    """
    if anchor.year is None:
        return None
    if anchor.month is None:
        return anchor.year
    diff = month - anchor.month
    if diff >= 3 and tense != "FUTURE":
        return anchor.year - 1
    if diff <= -3 and tense == "FUTURE":
        return anchor.year + 1
    if diff <= -8 and tense != "PAST":
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
    else:
        # Reports look back: "Friday" in a past or present clause is the latest Friday (or today).
        offset = -back
    return date + dt.timedelta(days=offset)
