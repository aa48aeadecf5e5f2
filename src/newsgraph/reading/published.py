"""Publication dates: normalise a given date, read a dateline, or infer the year the text pins.

Every date says how it was obtained (`source`: given | record | feed | metadata | dateline | inferred)
and how precise it is (`precision`: year | month | day), so that downstream time normalisation knows
how far to trust "this week" against it.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass

from newsgraph.reading.known_events import KNOWN_EVENTS

LOGGER = logging.getLogger(__name__)

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # August 14, 2015
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 14 August 2015
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b"),  # 2015-08-14
    re.compile(r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)\d{2})\b"),  # 08/14/2015 (US)
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # August 2015
)

# Numbers written out in "fourteen years after", "the tenth anniversary of".
_NUMBER_WORDS = {
    word: value
    for value, words in enumerate(
        (
            ("zero",),
            ("one", "first"),
            ("two", "second"),
            ("three", "third"),
            ("four", "fourth"),
            ("five", "fifth"),
            ("six", "sixth"),
            ("seven", "seventh"),
            ("eight", "eighth"),
            ("nine", "ninth"),
            ("ten", "tenth"),
            ("eleven", "eleventh"),
            ("twelve", "twelfth"),
            ("thirteen", "thirteenth"),
            ("fourteen", "fourteenth"),
            ("fifteen", "fifteenth"),
            ("sixteen", "sixteenth"),
            ("seventeen", "seventeenth"),
            ("eighteen", "eighteenth"),
            ("nineteen", "nineteenth"),
            ("twenty", "twentieth"),
        )
    )
    for word in words
}
_NUMBER_WORDS.update(
    {"thirty": 30, "thirtieth": 30, "forty": 40, "fortieth": 40, "fifty": 50, "fiftieth": 50}
)
_NUM = r"(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")(?:st|nd|rd|th)?"
# "14 years after the U.S. launched X", "more than a decade since X" is too vague and not matched.
_YEARS_AFTER = re.compile(
    rf"\b{_NUM}[\s-]+years?\s+(?:after|since)\s+(?P<tail>[^\n]{{0,120}})", re.IGNORECASE
)
_ANNIVERSARY = re.compile(rf"\b{_NUM}[\s-]+anniversary\s+of\s+(?P<tail>[^\n]{{0,120}})", re.IGNORECASE)
# The end of a sentence: ".", "!" or "?" then a space, but not after an initial ("U.S. launched").
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?;](?:\s|$)")
# "the 2001 invasion of Afghanistan 14 years ago", "X, N years ago": the event comes before the count.
_YEARS_AGO = re.compile(rf"\b{_NUM}[\s-]+years?\s+ago\b", re.IGNORECASE)
_EXPLICIT_YEAR_AGO = re.compile(
    rf"\bin\s+(?P<year>(?:19|20)\d{{2}})\s*,?\s*(?:some\s+|about\s+|nearly\s+|almost\s+)?{_NUM}[\s-]+years?\s+ago\b",
    re.IGNORECASE,
)


_SCAN_CHARS = 100_000


@dataclass
class PublishedDate:
    value: str  # YYYY[-MM[-DD]]
    source: str  # given | record | feed | metadata | dateline | inferred
    precision: str  # year | month | day


def normalise(value: str | None, source: str) -> PublishedDate | None:
    """A date string cut to what it states: '2015-08-14T10:00' -> 2015-08-14 (day); 'Aug 14, 2015' too."""
    if not value:
        return None
    text = value.strip()
    match = _ISO.match(text)
    if match:
        year, month, day = match.groups()
        if day and _valid(int(year), int(month), int(day)):
            return PublishedDate(f"{year}-{int(month):02d}-{int(day):02d}", source, "day")
        if month and 1 <= int(month) <= 12:
            return PublishedDate(f"{year}-{int(month):02d}", source, "month")
        return PublishedDate(year, source, "year")
    return find_date(text, source)


def find_date(text: str, source: str) -> PublishedDate | None:
    """The first calendar date written in `text` ("Aug. 14, 2015", "14 August 2015", "08/14/2015")."""
    best: tuple[int, PublishedDate] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            found = _from_match(match, source)
            if found and (best is None or match.start() < best[0]):
                best = (match.start(), found)
            if found:
                break
        if best and best[1].precision == "day":
            break
    return best[1] if best else None


def _from_match(match: re.Match[str], source: str) -> PublishedDate | None:
    groups = match.groupdict()
    year = int(groups["year"])
    raw_month = groups.get("month") or ""
    month = int(raw_month) if raw_month.isdigit() else MONTHS.get(raw_month.lower().rstrip("."))
    if not month or not 1 <= month <= 12:
        return None
    day = int(groups["day"]) if groups.get("day") else None
    if day is None:
        return PublishedDate(f"{year}-{month:02d}", source, "month")
    if not _valid(year, month, day):
        return None
    return PublishedDate(f"{year}-{month:02d}-{day:02d}", source, "day")


def _valid(year: int, month: int, day: int) -> bool:
    import datetime as dt

    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2100


def dateline(first_paragraph: str) -> PublishedDate | None:
    """A date in the dateline that opens a story: "KABUL, Afghanistan, Aug. 14, 2015 (AP) — ...".

    Only the opening before the dateline dash counts, so that dates the story reports are not taken
    for its own date.
    """
    head = re.split(r"\s[—–-]{1,2}\s|\s?—|\(\w[\w .]{0,20}\)\s*[—–-]", first_paragraph[:160], maxsplit=1)
    if len(head) < 2 or len(head[0]) > 100:
        return None
    found = find_date(head[0], "dateline")
    return found if found and found.precision == "day" else None


def infer_from_text(text: str) -> PublishedDate | None:
    """The year the text pins by counting from a well-known dated event.

    "14 years after the U.S. launched Operation Enduring Freedom" (2001) gives 2015; so do "the 10th
    anniversary of the Srebrenica massacre" (1995 -> 2005) and "in 2001, 14 years ago". When several
    phrases pin years the most frequent wins; ties are left undecided rather than guessed.
    """
    # The opening of a story is where it sets itself in time; scanning a bounded prefix keeps the time
    # linear and small on huge inputs.
    text = text[:_SCAN_CHARS]
    votes: Counter[int] = Counter()
    for pattern in (_YEARS_AFTER, _ANNIVERSARY):
        for match in pattern.finditer(text):
            if _reported_past(text, match.start()):
                continue
            count = _number(match.group("n"))
            base = _event_year(match.group("tail"))
            if count is not None and base is not None and 0 < count <= 100:
                votes[base + count] += 1
    for match in _YEARS_AGO.finditer(text):
        count = _number(match.group("n"))
        # The event comes before the count ("the 2003 invasion of Iraq, twelve years ago"): look back to
        # the start of the sentence, at most 120 characters.
        before = text[max(0, match.start() - 120) : match.start()]
        ends = list(_SENTENCE_END.finditer(before))
        base = _event_year(before[ends[-1].end() :] if ends else before, cut=False)
        if count is not None and base is not None and 0 < count <= 100:
            votes[base + count] += 1
    for match in _EXPLICIT_YEAR_AGO.finditer(text):
        count = _number(match.group("n"))
        if count is not None and 0 < count <= 100:
            votes[int(match.group("year")) + count] += 1
    if not votes:
        return None
    ranked = votes.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        LOGGER.debug("publication year undecided between %s", ranked)
        return None
    return PublishedDate(str(ranked[0][0]), "inferred", "year")


def _reported_past(text: str, start: int) -> bool:
    """True when the sentence sets the count in another year ("In 2010, nine years after 9/11, ...")."""
    sentence_start = max(0, text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 200)
    return bool(
        re.search(r"\b(?:in|by|until|since)\s+(?:19|20)\d{2}\b", text[sentence_start:start], re.IGNORECASE)
    )


def _number(token: str) -> int | None:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(re.sub(r"(?:st|nd|rd|th)$", "", token)) or _NUMBER_WORDS.get(token)


def _event_year(tail: str, cut: bool = True) -> int | None:
    """The year of the best-known event named in `tail` (the longest matching name wins)."""
    end = _SENTENCE_END.search(tail) if cut else None
    tail = tail[: end.start()] if end else tail
    lowered = tail.lower()
    best: tuple[int, int] | None = None
    for year, names in KNOWN_EVENTS:
        for name in names:
            if re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", lowered) and (
                best is None or len(name) > best[0]
            ):
                best = (len(name), year)
    if best is not None:
        return best[1]
    # "14 years after the 2001 invasion": the event's year is written in the phrase itself.
    explicit = re.search(r"\b((?:19|20)\d{2})\b", tail)
    return int(explicit.group(1)) if explicit else None
