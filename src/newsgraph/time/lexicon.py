"""Words of the time-expression grammar: month, weekday, unit and number vocabularies.

Kept apart from the rules so the regular expressions in `timex` read as a grammar over these names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip

# TIMEX3 duration letters; time-of-day units go after "T" (PT3H), calendar units do not (P3M).
UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "weekend": "WE",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "millennium": "ML",
}  # fmt: skip
TIME_UNITS = frozenset({"second", "minute", "hour"})

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "overnight": "TNI",
    "noon": "T12:00", "midday": "T12:00", "midnight": "T24:00", "dawn": "TMO", "daybreak": "TMO",
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

_ONES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
# Quantities that stand for an unknown number: TIMEX3 writes them as "X" (PXY = "several years").
VAGUE = frozenset({"several", "few", "a few", "many", "some", "couple", "a couple of", "numerous", "various"})
VAGUE_PATTERN = r"(?:a\s+few|few|several|many|some|numerous|various)"

_WORD_NUMBER = "|".join(sorted([*_ONES, *_TENS], key=len, reverse=True))
NUMBER_WORD = rf"(?:(?:{_WORD_NUMBER})(?:[- ](?:{_WORD_NUMBER}))?(?:\s+(?:hundred|thousand))?)"
NUMBER = rf"(?i:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|{NUMBER_WORD}|an?\s+(?:hundred|thousand)|an?|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|dozens\s+of|hundreds\s+of)"


def parse_number(text: str) -> float | None:
    """The value of a number phrase ("twenty-five", "2,000", "a", "a dozen"); None when vague."""
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    joined = " ".join(words)
    if joined in ("a", "an"):
        return 1
    if words[0] in ("a", "an") and len(words) == 2 and words[1] in ("hundred", "thousand"):
        return 100 if words[1] == "hundred" else 1000
    if "couple" in joined:
        return 2
    if joined in ("a dozen",):
        return 12
    if re.fullmatch(r"\d+(?:,\d{3})+", joined):
        return int(joined.replace(",", ""))
    if re.fullmatch(r"\d+(?:\.\d+)?", joined):
        return float(joined)
    frac = re.fullmatch(r"(\d+)\s+(\d)/(\d)", joined)
    if frac:
        return int(frac.group(1)) + int(frac.group(2)) / int(frac.group(3))
    total = 0
    current = 0
    for word in words:
        if word in _ONES:
            current += _ONES[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current


def alternation(words: Iterable[str], *, capital: bool = False) -> str:
    """A regex alternation of `words`, longest first; capitalised-only when `capital` (proper names)."""
    ordered = sorted(words, key=len, reverse=True)
    if capital:
        return "(?:" + "|".join(w[0].upper() + w[1:] for w in ordered) + ")"
    return "(?:" + "|".join(ordered) + ")"
