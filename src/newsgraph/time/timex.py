"""Find time expressions in text and normalise them to TIMEX3 values (HeidelTime-style rules).

Each rule is a regular expression over the expression grammar (months, weekdays, numbers, units,
modifiers) plus a function that turns the match into a TIMEX3 value and type, anchored on the
publication date and, where the text leaves the direction open ("Friday", "in May"), on the tense
of the governing verb. Overlapping candidates are resolved longest-first, so "last Friday morning"
beats "Friday". Extents follow TimeBank: determiners and modifiers ("the past two years", "early
1990") are inside, governing prepositions ("in June", "since 2002") are outside.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from newsgraph.model import TimeExpr
from newsgraph.time import anchor as cal
from newsgraph.time.anchor import Anchor, Tense
from newsgraph.time.lexicon import (
    MONTHS,
    NUMBER,
    NUMBER_WORD,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNITS,
    VAGUE_PATTERN,
    WEEKDAYS,
    alternation,
    parse_number,
)

LOGGER = logging.getLogger(__name__)

TenseOf = Callable[[int, int], "Tense | None"]


@dataclass
class Context:
    """What a rule's normaliser may consult: the anchor, the tense at a span, the last full date seen."""

    anchor: Anchor
    tense_of: TenseOf
    text: str
    last_day: dt.date | None = None
    last_year: int | None = None
    last_quarter: str | None = None  # "1989-Q3": the period a results story is about
    quarterly: bool = False  # whether the document talks about quarters (a results story)


Result = tuple[str, str] | None  # (value, type) or None to drop the candidate
Handler = Callable[[re.Match[str], Context], Result]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


# --------------------------------------------------------------------------- grammar pieces
_MONTH_FULL = alternation(
    {k: v for k, v in MONTHS.items() if len(k) > 4 or k in ("may", "june", "july")}, capital=True
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
MONTH = rf"(?P<month>{_MONTH_FULL}|{_MONTH_ABBR})"
WEEKDAY = rf"(?P<weekday>{alternation({k: v for k, v in WEEKDAYS.items() if len(k) > 5}, capital=True)})"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
PART = rf"(?P<part>{alternation(PARTS_OF_DAY)})"
UNIT = rf"(?P<unit>{alternation(UNITS)})(?:s|ies)?"
NUM = rf"(?P<num>{NUMBER}|{VAGUE_PATTERN})"
TZ = r"(?P<tz>(?:[ECMP][SD]T|GMT|UTC|ET|local\s+time)\b)"
SEASON = rf"(?P<season>{alternation(SEASONS)})"
# Words after a bare year that show it is a count, not a date ("1,500 troops", "2000 people").
_COUNTED = r"(?!\s+(?:[a-z]+s|people|men|women|percent|per|feet|metres|meters|miles|tons?|km)\b)"
_YEAR_GUARD = r"(?<![\d$£€.,:/])(?<!\d-)"
_EDGE = r"(?![\w-]|\.\d|,\d{3})"


def _month(match: re.Match[str]) -> int:
    return MONTHS[match.group("month").rstrip(".").lower()]


def _weekday(match: re.Match[str]) -> int:
    return WEEKDAYS[match.group("weekday").lower()]


def _group(match: re.Match[str], name: str) -> str | None:
    try:
        return match.group(name)
    except IndexError:
        return None


def _unit_letter(unit: str, amount: str) -> str:
    letter = UNITS[unit]
    split = _fractional(letter, amount, unit in TIME_UNITS)
    if split:
        return split
    if unit in TIME_UNITS:
        return f"PT{amount}{letter}"
    if letter == "DE":
        return "PXY" if amount == "X" else f"P{int(float(amount) * 10)}Y"
    if letter == "CE":
        return f"P{amount}CE" if amount == "X" else f"P{int(float(amount) * 100)}Y"
    return f"P{amount}{letter}"


def _amount(num: str | None, half: bool = False) -> str:
    if num is None:
        return "1"
    value = parse_number(re.sub(r"(?i)\s+and\s+a\s+half$", "", num))
    if value is None:
        return "X"
    if half or re.search(r"(?i)and\s+a\s+half$", num):
        value += 0.5
    if value == int(value):
        return str(int(value))
    return f"{value:g}"


# A fractional amount is written with the next smaller unit, as TimeBank does: P2Y6M, PT5H30M.
_SPLIT_DATE = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7)}
_SPLIT_TIME = {"H": ("M", 60), "M": ("S", 60)}


def _fractional(letter: str, amount: str, time: bool) -> str | None:
    try:
        value = float(amount)
    except ValueError:
        return None
    whole = int(value)
    if value == whole:
        return None
    if letter == "D" and not time:
        return f"P{whole}DT{round((value - whole) * 24)}H" if whole else f"PT{round(value * 24)}H"
    table = _SPLIT_TIME if time else _SPLIT_DATE
    if letter not in table:
        return None
    small, factor = table[letter]
    rest = round((value - whole) * factor)
    head = f"{whole}{letter}" if whole else ""
    return f"PT{head}{rest}{small}" if time else f"P{head}{rest}{small}"


def _unit_of(match: re.Match[str]) -> str:
    raw = match.group("unit").lower()
    if raw.startswith("centur"):
        return "century"
    return raw if raw in UNITS else raw.removesuffix("s")


# Prepositions that point forward whatever the verb's tense: "closed until Friday", "as soon as Tuesday".
_FORWARD_CUE = re.compile(
    r"(?i:\b(?:until|till|through|effective|as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than|starting|beginning)\s+(?:on\s+|next\s+)?)$"
)


def _tense(match: re.Match[str], ctx: Context) -> Tense | None:
    if _FORWARD_CUE.search(ctx.text, max(0, match.start() - 30), match.start()):
        return "FUTURE"
    return ctx.tense_of(match.start(), match.end())


def _note_day(ctx: Context, date: dt.date | None) -> None:
    if date is not None:
        ctx.last_day = date
        ctx.last_year = date.year


# --------------------------------------------------------------------------- handlers
def _full_date(match: re.Match[str], ctx: Context) -> Result:
    month = _month(match)
    day = int(match.group("day"))
    year_text = _group(match, "year")
    year = int(year_text) if year_text else cal.month_year(ctx.anchor, month, _tense(match, ctx))
    if not 1 <= day <= 31:
        return None
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}", "DATE"
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    _note_day(ctx, date)
    value = date.isoformat()
    part = _group(match, "part")
    if part:
        value += PARTS_OF_DAY[part.lower()]
    return value, "DATE"


def _month_year(match: re.Match[str], ctx: Context) -> Result:
    year = int(match.group("year"))
    ctx.last_year = year
    return cal.fmt_month(year, _month(match)), "DATE"


def _bare_month(match: re.Match[str], ctx: Context) -> Result:
    month = _month(match)
    rel = (_group(match, "rel") or "").lower()
    anchor = ctx.anchor
    if rel in ("last", "past") and anchor.year is not None:
        year: int | None = anchor.year if anchor.month and month < anchor.month else anchor.year - 1
    elif rel in ("next", "coming") and anchor.year is not None:
        year = anchor.year if anchor.month and month > anchor.month else anchor.year + 1
    elif rel == "this":
        year = anchor.year
    else:
        yearword = (_group(match, "yrel") or "").lower()
        if yearword:
            year = None if anchor.year is None else anchor.year + {"last": -1, "next": 1}.get(yearword, 0)
        else:
            year = cal.month_year(anchor, month, _tense(match, ctx))
    return cal.fmt_month(year, month), "DATE"


def _numeric_date(match: re.Match[str], ctx: Context) -> Result:
    groups = match.groupdict()
    if groups.get("iy"):
        year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    else:
        month, day, year = int(groups["um"]), int(groups["ud"]), int(groups["uy"])
        if year < 100:
            year += 1900 if year > 30 else 2000
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    _note_day(ctx, date)
    return date.isoformat(), "DATE"


def _weekday_date(match: re.Match[str], ctx: Context) -> Result:
    rel = (_group(match, "rel") or "").lower().split()
    shift = -1 if rel and rel[0] in ("last", "past") else 1 if rel and rel[-1] in ("next", "coming") else 0
    date = cal.weekday_date(ctx.anchor, _weekday(match), _tense(match, ctx), shift)
    _note_day(ctx, date)
    # "Friday night" keeps the day only: TimeBank annotates most of these as plain dates.
    return cal.fmt_day(date), "DATE"


def _weekday_set(match: re.Match[str], ctx: Context) -> Result:
    if not (match.group("every") or match.group("plural")):
        return None
    return f"XXXX-WXX-{_weekday(match) + 1}", "SET"


def _year(match: re.Match[str], ctx: Context) -> Result:
    year = int(match.group("year"))
    if year > 2100 or year < 1600:
        return None
    ctx.last_year = year
    return f"{year:04d}", "DATE"


def _short_year(match: re.Match[str], ctx: Context) -> Result:
    yy = int(match.group("yy"))
    # The century that puts the year no more than a few years after the anchor.
    century = 2000 if ctx.anchor.year is not None and 2000 + yy <= ctx.anchor.year + 5 else 1900
    return f"{century + yy:04d}", "DATE"


def _year_two_thousand(match: re.Match[str], ctx: Context) -> Result:
    rest = match.group("rest")
    extra = parse_number(re.sub(r"(?i)^and\s+", "", rest)) if rest else 0
    return f"{2000 + int(extra or 0):04d}", "DATE"


def _spoken_year(match: re.Match[str], ctx: Context) -> Result:
    century = parse_number(match.group("cent"))
    rest = parse_number(match.group("rest"))
    if century is None or rest is None:
        return None
    return f"{int(century) * 100 + int(rest):04d}", "DATE"


def _decade(match: re.Match[str], ctx: Context) -> Result:
    text = match.group("decade")
    digits = re.sub(r"\D", "", text)
    if len(digits) == 4:
        return digits[:3], "DATE"
    if len(digits) == 2:
        century = "19" if int(digits) > 20 or ctx.anchor.year is None or ctx.anchor.year < 2000 else "20"
        if int(digits) <= 20 and ctx.anchor.year and ctx.anchor.year >= 2020:
            century = "20"
        return f"{century}{digits[0]}", "DATE"
    return None


_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip


def _decade_word(match: re.Match[str], ctx: Context) -> Result:
    return f"19{_DECADE_WORDS[match.group('dword').lower()]}", "DATE"


def _century(match: re.Match[str], ctx: Context) -> Result:
    raw = match.group("ord").lower()
    number = ORDINALS.get(raw)
    if number is None:
        digits = re.sub(r"\D", "", raw)
        number = int(digits) if digits else None
    if number is None:
        return None
    return f"{number - 1:02d}", "DATE"


def _season(match: re.Match[str], ctx: Context) -> Result:
    code = SEASONS[match.group("season").lower()]
    year_text = _group(match, "year")
    rel = (_group(match, "rel") or "").lower()
    anchor = ctx.anchor
    if year_text:
        year: int | None = int(year_text)
    elif anchor.year is None:
        year = None
    elif rel in ("last", "past"):
        year = anchor.year - 1
    elif rel in ("next", "coming"):
        year = anchor.year + 1
    else:
        year = anchor.year
    return f"{cal.fmt_year(year)}-{code}", "DATE"


def _relative_day(match: re.Match[str], ctx: Context) -> Result:
    word = match.group("rday").lower()
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    value = cal.shift_day(ctx.anchor, offset)
    date = ctx.anchor.date
    _note_day(ctx, date + dt.timedelta(days=offset) if date else None)
    part = _group(match, "part")
    if word == "tonight":
        return value + "TNI", "TIME"
    if part:
        return value + PARTS_OF_DAY[part.lower()], "TIME"
    return value, "DATE"


def _this_part(match: re.Match[str], ctx: Context) -> Result:
    rel = match.group("rel").lower()
    offset = -1 if rel in ("last", "yesterday") else 1 if rel == "tomorrow" else 0
    return cal.shift_day(ctx.anchor, offset) + PARTS_OF_DAY[match.group("part").lower()], "TIME"


def _ref(value: str) -> Handler:
    def handler(match: re.Match[str], ctx: Context) -> Result:
        return value, "DATE"

    return handler


def _calendar_unit(match: re.Match[str], ctx: Context) -> Result:
    """this/last/next week|month|year|quarter|weekend, with "earlier/later/the end of" folded in."""
    rel = match.group("rel").lower().split()[-1]
    unit = _unit_of(match)
    offset = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(
        rel, 0
    )
    anchor = ctx.anchor
    if unit == "week":
        return cal.shift_week(anchor, offset), "DATE"
    if unit == "weekend":
        return cal.shift_week(anchor, offset) + "-WE", "DATE"
    if unit == "month":
        return cal.shift_month(anchor, offset), "DATE"
    if unit == "quarter":
        return cal.shift_quarter(anchor, offset), "DATE"
    if unit == "year":
        return cal.shift_year(anchor, offset), "DATE"
    if unit == "decade" and anchor.year is not None:
        if rel in ("past", "last") and "the" in match.group("rel").lower():
            return "P10Y", "DURATION"  # "the past decade" is the ten years just gone
        return f"{anchor.year // 10 + offset:03d}", "DATE"
    if unit == "century" and anchor.year is not None:
        if rel in ("past", "last") and "the" in match.group("rel").lower():
            return "P100Y", "DURATION"
        return f"{anchor.year // 100 + offset:02d}", "DATE"
    return None


def _duration(match: re.Match[str], ctx: Context) -> Result:
    unit = _unit_of(match)
    amount = _amount(_group(match, "num"))
    phrase = match.group(0).lower()
    if "half" in phrase:
        amount = _amount(re.sub(r"(?i)\s+and\s+a\s+half.*", "", _group(match, "num") or "a"), half=True)
    if phrase.endswith("old"):
        return None  # ages ("a 6-year-old") are not time expressions in TimeML
    if unit == "second" and re.match(r"(?i:an?\s+second)$", phrase):
        return None  # "a second time": the ordinal, not a second of time
    if unit == "quarter" and (
        amount == "1" or "-quarters" in phrase or ctx.text.startswith(" of", match.end())
    ):
        return None  # fractions: "a quarter of", "three-quarters"
    if re.fullmatch(r"(?i:an?)\s+\w+", phrase) and _set_context(match, ctx):
        return _unit_letter("day" if unit == "night" else unit, "1"), "SET"  # "twice a year"
    if unit == "weekend":
        return ("P2D" if amount == "1" else f"P{amount}WE"), "DURATION"
    if unit == "night":
        unit = "day"
    value = _unit_letter(unit, amount)
    return value, "DURATION"


def _bare_units(match: re.Match[str], ctx: Context) -> Result:
    return _unit_letter(_unit_of(match), "X"), "DURATION"


def _ago(match: re.Match[str], ctx: Context) -> Result:
    """ "three years ago", "a week or so ago": the anchor moved back, at the unit's precision."""
    unit = _unit_of(match)
    amount = parse_number(_group(match, "num") or "a")
    direction = -1 if match.group("dir").lower() in ("ago", "earlier", "before") else 1
    anchor = ctx.anchor
    if amount is None or amount != int(amount):
        return "PAST_REF" if direction < 0 else "FUTURE_REF", "DATE"
    n = int(amount) * direction
    if unit in ("day", "night"):
        return cal.shift_day(anchor, n), "DATE"
    if unit == "week":
        return cal.shift_week(anchor, n), "DATE"
    if unit == "month":
        return cal.shift_month(anchor, n), "DATE"
    if unit == "quarter":
        return cal.shift_quarter(anchor, n), "DATE"
    if unit == "year":
        if n == -1 and _in_quarterly_sentence(match, ctx):
            return _quarter_year_ago(ctx), "DATE"
        return cal.shift_year(anchor, n), "DATE"
    if unit == "decade" and anchor.year is not None:
        return f"{anchor.year + 10 * n:04d}", "DATE"
    if unit in TIME_UNITS:
        return cal.shift_day(anchor, 0), "TIME"
    return None


def _quarter(match: re.Match[str], ctx: Context, relative: str | None = None) -> Result:
    number = ORDINALS[match.group("qord").lower()]
    year_text = _group(match, "year")
    anchor = ctx.anchor
    yrel = (relative or "").lower()
    if year_text:
        year: int | None = int(year_text)
    elif anchor.year is None:
        year = None
    elif yrel in ("last", "previous", "year-ago", "year-earlier"):
        year = anchor.year - 1
    elif yrel == "next":
        year = anchor.year + 1
    elif yrel == "this":
        year = anchor.year
    elif anchor.quarter is not None and number > anchor.quarter and _tense(match, ctx) != "FUTURE":
        # Results are reported after the quarter ends: a later quarter than today's is last year's.
        year = anchor.year - 1
    else:
        year = anchor.year
    kind = match.group("qunit").lower()
    if kind == "half":
        return f"{cal.fmt_year(year)}-H{number}", "DATE"
    value = f"{cal.fmt_year(year)}-Q{number}"
    if year is not None and not yrel and ctx.last_quarter is None:
        ctx.last_quarter = value  # the first quarter named is the one a results story is about
    return value, "DATE"


def _reported_quarter(match: re.Match[str], ctx: Context) -> Result:
    # "the latest quarter", "the quarter": the quarter the story has named, else the last completed one.
    return ctx.last_quarter or cal.shift_quarter(ctx.anchor, -1), "DATE"


def _quarter_year_ago(ctx: Context) -> str:
    """The same quarter a year before the one a results story is about ("a year earlier")."""
    quarter = ctx.last_quarter or cal.shift_quarter(ctx.anchor, -1)
    if quarter[:4].isdigit():
        return f"{int(quarter[:4]) - 1:04d}{quarter[4:]}"
    return quarter


_QUARTER_WORD = re.compile(r"(?i:\b(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter)")
_QUARTERLY = re.compile(r"(?i:\bquarter|\bquarterly\b|\bperiod\b)")


def _in_quarterly_sentence(match: re.Match[str], ctx: Context) -> bool:
    """Whether the match compares quarterly results year on year: the story talks about quarters."""
    if ctx.quarterly:
        return True
    start = max(ctx.text.rfind(". ", 0, match.start()), ctx.text.rfind("\n", 0, match.start()), 0)
    end_candidates = [
        i for i in (ctx.text.find(". ", match.end()), ctx.text.find("\n", match.end())) if i >= 0
    ]
    end = min(end_candidates) if end_candidates else len(ctx.text)
    return bool(_QUARTERLY.search(ctx.text, start, end))


def _year_ago_period(match: re.Match[str], ctx: Context) -> Result:
    # "the year-ago quarter": the quarter being reported, a year earlier.
    if ctx.anchor.year is None:
        return "XXXX-QX", "DATE"
    return _quarter_year_ago(ctx), "DATE"


def _year_ago(match: re.Match[str], ctx: Context) -> Result:
    if _in_quarterly_sentence(match, ctx):
        return _quarter_year_ago(ctx), "DATE"
    return cal.shift_year(ctx.anchor, -1), "DATE"


def _fiscal(match: re.Match[str], ctx: Context) -> Result:
    return match.group("year"), "DATE"


def _clock(match: re.Match[str], ctx: Context) -> Result:
    groups = match.groupdict()
    word = (groups.get("clockword") or "").lower()
    if word:
        hour, minute = (12, 0) if word in ("noon", "midday") else (24, 0)
    elif groups.get("h24"):
        hour, minute = int(groups["h24"]), int(groups["m24"])
    else:
        hour = int(groups["hour"])
        minute = int(groups.get("minute") or 0)
        meridiem = (groups.get("ampm") or "").lower().replace(".", "").replace(" ", "")
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
    if hour > 24 or minute > 59:
        return None
    date: str | None = None
    if groups.get("rday"):
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[groups["rday"].lower()]
        date = cal.shift_day(ctx.anchor, offset)
    elif groups.get("weekday"):
        found = cal.weekday_date(ctx.anchor, _weekday(match), _tense(match, ctx))
        date = cal.fmt_day(found)
    elif groups.get("month") and groups.get("day"):
        month, day = _month(match), int(groups["day"])
        year = cal.month_year(ctx.anchor, month, _tense(match, ctx))
        date = f"{cal.fmt_year(year)}-{month:02d}-{day:02d}"
    else:
        date = cal.fmt_day(ctx.last_day or ctx.anchor.date)
    value = f"{date}T{hour:02d}:{minute:02d}"
    tz = (groups.get("tz") or "").upper()
    if tz in ("UTC", "GMT"):
        value += "Z"
    return value, "TIME"


def _set(match: re.Match[str], ctx: Context) -> Result:
    word = match.group("setword").lower()
    value = {
        "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
        "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y",
    }[word]  # fmt: skip
    return value, "SET"


def _every(match: re.Match[str], ctx: Context) -> Result:
    unit = _unit_of(match)
    amount = _amount(_group(match, "num"))
    if (_group(match, "other") or "").strip():
        amount = "2"
    if unit == "night":
        unit = "day"
    return _unit_letter(unit, amount), "SET"


def _holiday(match: re.Match[str], ctx: Context) -> Result:
    name = re.sub(r"\s+", " ", match.group("holiday").lower())
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's day": (1, 1), "new year's eve": (12, 31), "new year's": (1, 1),
        "independence day": (7, 4), "valentine's day": (2, 14), "halloween": (10, 31),
    }  # fmt: skip
    year_text = _group(match, "year")
    if name in fixed:
        month, day = fixed[name]
    elif name.startswith("thanksgiving"):
        month, day = 11, 0
    else:
        return None
    year = int(year_text) if year_text else cal.month_year(ctx.anchor, month, _tense(match, ctx))
    if year is None:
        return f"XXXX-{month:02d}-{max(day, 1):02d}", "DATE"
    if day == 0:  # fourth Thursday of November
        first = dt.date(year, 11, 1)
        day = 1 + (3 - first.weekday()) % 7 + 21
    return f"{year:04d}-{month:02d}-{day:02d}", "DATE"


def _anaphoric_day(match: re.Match[str], ctx: Context) -> Result:
    """ "the next day", "the day before", "that day": relative to the last full date mentioned."""
    phrase = match.group(0).lower()
    base = ctx.last_day or ctx.anchor.date
    if base is None:
        return "XXXX-XX-XX", "DATE"
    offset = (
        1
        if re.search(r"next|following|after|later", phrase)
        else -1
        if re.search(r"before|previous|earlier", phrase)
        else 0
    )
    return (base + dt.timedelta(days=offset)).isoformat(), "DATE"


def _anaphoric_year(match: re.Match[str], ctx: Context) -> Result:
    phrase = match.group(0).lower()
    base = ctx.last_year or ctx.anchor.year
    offset = (
        1
        if re.search(r"next|following|after|later", phrase)
        else -1
        if re.search(r"before|previous|earlier", phrase)
        else 0
    )
    return cal.fmt_year(None if base is None else base + offset), "DATE"


def _week_of_month(match: re.Match[str], ctx: Context) -> Result:
    month = _month(match)
    year = cal.month_year(ctx.anchor, month, _tense(match, ctx))
    if year is None:
        return f"XXXX-{month:02d}", "DATE"
    word = match.group("word").lower()
    if word in ("last", "final"):
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return cal.fmt_week(last - dt.timedelta(days=3)), "DATE"
    first = dt.date(year, month, 1)
    return cal.fmt_week(first + dt.timedelta(days=3 + 7 * (ORDINALS[word] - 1))), "DATE"


def _the_weekend(match: re.Match[str], ctx: Context) -> Result:
    # The weekend just gone, unless the clause looks ahead.
    date = ctx.anchor.date
    if date is None:
        return "XXXX-WXX-WE", "DATE"
    if _tense(match, ctx) == "FUTURE":
        return cal.fmt_week(date + dt.timedelta(days=(5 - date.weekday()) % 7)) + "-WE", "DATE"
    back = (date.weekday() - 5) % 7
    return cal.fmt_week(date - dt.timedelta(days=back)) + "-WE", "DATE"


def _the_year(match: re.Match[str], ctx: Context) -> Result:
    before = ctx.text[max(0, match.start() - 12) : match.start()].lower()
    after = ctx.text[match.end() : match.end() + 10].lower()
    if re.search(r"\b(?:for|over|during|throughout)\s+$", before) or re.match(
        r"\s+(?:ended|ending)\b", after
    ):
        return "P1Y", "DURATION"
    return cal.fmt_year(ctx.anchor.year), "DATE"


def _year_end(match: re.Match[str], ctx: Context) -> Result:
    year = ctx.anchor.year
    return (f"{year:04d}-12-31" if year else "XXXX-12-31"), "DATE"


def _whole_year(match: re.Match[str], ctx: Context) -> Result:
    return cal.shift_year(ctx.anchor, 0), "DATE"


def _end_of_month(match: re.Match[str], ctx: Context) -> Result:
    return cal.shift_month(ctx.anchor, 0), "DATE"


def _quarter_with(match: re.Match[str], ctx: Context) -> Result:
    # "the third quarter of last year" means the same as "last year's third quarter".
    return _quarter(match, ctx, _group(match, "yrel") or _group(match, "yrel2"))


_SET_BEFORE = re.compile(
    r"(?i:(?:times|once|twice|percent|%|\d|dollars?|cents?|barrels?|tons?|a\s+piece|each)\s*)$"
)


def _set_context(match: re.Match[str], ctx: Context) -> bool:
    """ "every day", "per year" always; "a year" only after a rate ("twice a day", "$5 a year")."""
    first = match.group(0).split()[0].lower()
    if first in ("every", "each", "per"):
        return True
    return bool(_SET_BEFORE.search(ctx.text[max(0, match.start() - 20) : match.start()].rstrip() + " "[:0]))


# --------------------------------------------------------------------------- rules
_EARLY = r"(?:(?i:early|late|mid|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half|rest|close|turn)\s+of|the\s+early|the\s+late|the\s+mid)[\s-]+)?"
# A bare month keeps only the unambiguous abbreviations, with their full stop ("Aug." not "Mar").
_BARE_MONTH = rf"(?P<month>{_MONTH_FULL}|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)"
_REL_PREFIX = r"(?P<rel>(?i:last|next|this|past|coming|this\s+coming|this\s+past|early|late|earlier|later))"
_PREP_BEFORE_MONTH = r"(?:(?<=\b[Ii]n\s)|(?<=\b[Oo]f\s)|(?<=\b[Ss]ince\s)|(?<=\b[Uu]ntil\s)|(?<=\b[Bb]y\s)|(?<=\b[Ff]rom\s)|(?<=\b[Tt]o\s)|(?<=\b[Bb]efore\s)|(?<=\b[Aa]fter\s)|(?<=\b[Dd]uring\s)|(?<=\b[Tt]hrough\s)|(?<=\b[Aa]nd\s)|(?<=\b[Oo]r\s)|(?<=\b[Tt]ill\s)|(?<=\b[Ff]or\s)|(?<=\b[Ee]arly\s)|(?<=\b[Ll]ate\s)|(?<=\bmid-)|(?<=,\s)|(?<=\b[Ee]nd\sof\s)|(?<=\b[Mm]iddle\sof\s)|(?<=\b[Bb]eginning\sof\s))"


def _r(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern), handler)


RULES: tuple[Rule, ...] = (
    _r("iso-date", r"\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b", _numeric_date),
    _r(
        "us-date",
        r"(?<![\d/])(?P<um>[01]?\d)/(?P<ud>[0-3]?\d)/(?P<uy>(?:19|20)?\d\d)(?![\d/])",
        _numeric_date,
    ),
    _r(
        "month-day-year",
        rf"{_EARLY}(?:{WEEKDAY.replace('weekday', 'wd1')},?\s+)?\b{MONTH}\s+{DAY}(?!\d|:\d)(?:(?:,\s*|\s+){YEAR})?{_EDGE}(?:\s+{PART})?",
        _full_date,
    ),
    _r(
        "day-month-year",
        rf"(?:{WEEKDAY.replace('weekday', 'wd1')},?\s+)?\b{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?{_EDGE}",
        _full_date,
    ),
    _r("month-year", rf"{_EARLY}\b{MONTH}(?:,|\s+of)?\s+{YEAR}{_EDGE}", _month_year),
    _r(
        "bare-month",
        rf"(?:{_REL_PREFIX}\s+|{_EARLY}|{_PREP_BEFORE_MONTH}|\b(?=(?:January|February|April|July|September|October|November|December)\b))"
        rf"\b{_BARE_MONTH}(?:\s+(?:of\s+)?(?P<yrel>(?i:this|last|next))\s+year)?(?![\w-])(?!\s+(?:of\s+the|for\s+[A-Z]|of\s+[A-Z])\b)",
        _bare_month,
    ),
    _r(
        "weekday",
        rf"(?:(?P<rel>(?i:last|next|this|this\s+coming|this\s+past|coming|past|early|late|earlier|later))\s+)?\b{WEEKDAY}(?!-)(?:'s)?"
        rf"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b",
        _weekday_date,
    ),
    _r("weekday-set", rf"\b(?:(?P<every>(?i:each|every))\s+)?{WEEKDAY}(?P<plural>s)?\b", _weekday_set),
    _r(
        "clock",
        rf"(?:(?i:about|around|at\s+about|approximately|shortly\s+(?:before|after))\s+)?"
        rf"(?:\b(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.|[ap]m\b|[AP]M\b)"
        rf"|\b(?P<clockword>(?i:noon|midnight|midday))\b"
        rf"|\b(?P<h24>[01]\d|2[0-3]):?(?P<m24>[0-5]\d)(?=\s+(?:GMT|UTC|hours|hrs)\b))"
        rf"(?:\s*{TZ})?"
        rf"(?:,?\s+(?:(?P<rday>(?i:today|tonight|yesterday|tomorrow))|{WEEKDAY}|(?i:on\s+)?{MONTH}\s+{DAY})\b)?",
        _clock,
    ),
    _r("year", rf"{_EARLY}{_YEAR_GUARD}\b{YEAR}(?!\.\d|,\d|\s*%|[\w-]){_COUNTED}", _year),
    # "in '82": a two-digit year after a preposition.
    _r(
        "short-year",
        r"(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bby\s))'(?P<yy>\d\d)\b",
        _short_year,
    ),
    _r(
        "year-two-thousand",
        r"\b(?i:the\s+year\s+two\s+thousand)(?:\s+(?P<rest>(?i:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten)))?\b",
        _year_two_thousand,
    ),
    _r("fiscal", rf"\b(?i:fiscal(?:\s+year)?)\s+{YEAR}\b", _fiscal),
    _r(
        "spoken-year",
        r"\b(?P<cent>(?i:nineteen|twenty))\s+(?P<rest>(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\b",
        _spoken_year,
    ),
    _r(
        "decade",
        r"(?:\b(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]+)?(?P<decade>\b1[6-9]\d0'?s|\b20[0-9]0'?s|'\d0s|\b[2-9]0s)\b",
        _decade,
    ),
    _r(
        "decade-word",
        r"\b(?i:the)\s+(?:(?i:early|late|mid)[\s-]+)?(?P<dword>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
        _decade_word,
    ),
    _r(
        "century",
        r"\b(?:(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[\s-](?i:century)\b",
        _century,
    ),
    _r(
        "season",
        rf"(?:(?P<rel>(?i:last|next|this|past|coming|early|late|the))\s+)?\b(?i:{SEASON})\b(?:(?:\s+of)?\s+{YEAR}\b)?",
        lambda m, c: _season(m, c) if (m.group("rel") or m.group("year")) else None,
    ),
    _r(
        "relative-day",
        rf"(?:(?i:earlier|later|late|early)\s+)?\b(?P<rday>(?i:today|tonight|yesterday|tomorrow))\b(?:\s+{PART})?",
        _relative_day,
    ),
    _r(
        "this-part",
        r"(?:(?i:earlier|later)\s+)?\b(?P<rel>(?i:this|last|yesterday|tomorrow))\s+(?P<part>(?i:morning|afternoon|evening|night))\b",
        _this_part,
    ),
    _r(
        "present-ref",
        r"\b(?i:right\s+now|now|currently|at\s+present|presently|nowadays|these\s+days|current|at\s+the\s+moment|at\s+this\s+time|the\s+present(?:\s+time)?|the\s+time\s+being)\b(?!-)",
        _ref("PRESENT_REF"),
    ),
    _r(
        "past-ref",
        r"\b(?:(?i:more\s+|most\s+|until\s+|only\s+)?(?i:recently|lately)|(?i:the\s+past)(?!\s+(?:\w+\s+)?(?:\w+s\b|year|month|week|day|decade|quarter|century|weekend|hour|minute|\d))"
        r"|(?i:recent(?!\s+(?:years|months|weeks|days|decades|quarters)\b)|recent\s+times))\b",
        _ref("PAST_REF"),
    ),
    _r(
        "recent-units",
        r"\b(?i:recent)\s+(?P<unit>(?i:year|month|week|day|decade|quarter))s\b",
        # TimeBank: "recent months" is a vague duration, "recent years" a past reference.
        lambda m, c: ("PXM", "DURATION") if _unit_of(m) in ("quarter", "month") else ("PAST_REF", "DATE"),
    ),
    _r(
        "future-ref",
        r"\b(?i:the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+(?:short|near|long)\s+term|(?:the\s+)?coming\s+(?:years|months|weeks|days|decades)|(?<=\b[Ii]n\s)future|a\s+later\s+date)\b(?!-)",
        _ref("FUTURE_REF"),
    ),
    _r(
        "calendar-unit",
        r"(?:(?i:earlier|later|early|late|the\s+(?:end|beginning|start|middle|rest|remainder)\s+of)\s+)?\b(?P<rel>(?i:this|last|next|past|previous|coming|current|the\s+(?:current|coming|past|previous)))\s+(?P<unit>(?i:week|weekend|month|year|quarter|decade|century))\b(?!-)",
        _calendar_unit,
    ),
    _r(
        "week-of-month",
        rf"\b(?i:the\s+)?(?P<word>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+(?i:of|in)\s+{_BARE_MONTH}\b",
        _week_of_month,
    ),
    _r("the-day", r"\b(?i:the\s+day)\b(?!\s+(?:before|after|of|when|that|[A-Z]))", _anaphoric_day),
    _r("the-weekend", r"\b(?i:the\s+weekend)\b", _the_weekend),
    _r(
        "the-year",
        r"\b(?i:the\s+year)\b(?!\s+(?:\d|two|nineteen|twenty|before|after|when|that|earlier|ago|[A-Z]))",
        _the_year,
    ),
    _r("year-end", r"\b(?i:year-end|the\s+end\s+of\s+the\s+year)\b", _year_end),
    _r("whole-year", r"\b(?i:the\s+(?:full|entire|whole)\s+year)\b", _whole_year),
    _r("month-end", r"\b(?i:the\s+end\s+of\s+the\s+month)\b", _end_of_month),
    _r(
        "anaphoric-day",
        r"\b(?i:the\s+(?:next|following|previous|same)\s+day|the\s+day\s+(?:before|after)|that\s+(?:day|night)|(?:a|one)\s+day\s+(?:later|earlier|before|after))\b",
        _anaphoric_day,
    ),
    _r(
        "anaphoric-year",
        r"\b(?i:that\s+year|the\s+(?:following|next|previous|same)\s+year|a\s+year\s+later)\b",
        _anaphoric_year,
    ),
    _r(
        "ago",
        rf"(?:(?i:about|around|nearly|almost|some|more\s+than|less\s+than|over|roughly|only|just)\s+)?\b{NUM}[\s-]+{UNIT}(?:\s+(?i:or\s+so))?\s+(?P<dir>(?i:ago|from\s+now|hence))\b",
        _ago,
    ),
    _r(
        "year-earlier",
        r"\b(?P<num>(?i:a|one))\s+(?P<unit>(?i:year))\s+(?P<dir>(?i:earlier|before))\b",
        _ago,
    ),
    _r(
        "duration",
        rf"(?:(?i:each\s+of\s+)?(?i:the|a|an|his|her|its|their)\s+)?(?:(?i:past|last|next|previous|coming|first|final|following|preceding|ensuing|remaining|initial|additional|further|latest)\s+)?"
        rf"(?:(?i:about|around|nearly|almost|some|more\s+than|less\s+than|no\s+more\s+than|at\s+least|at\s+most|over|roughly|only|just|up\s+to|under|approximately|barely|fully|another|an\s+additional)\s+)?"
        rf"\b{NUM}(?:\s+(?i:and\s+a\s+half))?(?:[\s-]+(?i:more|full|straight|consecutive|additional|long|trading|business|working|calendar))?[\s-]+{UNIT}(?P<half>\s+(?i:and\s+a\s+half))?(?:(?:\s+|-)(?i:old|long))?\b(?!-)",
        _duration,
    ),
    _r(
        "past-units",
        rf"\b(?i:the)\s+(?i:past|last|next|previous|coming|following)\s+{UNIT.replace('(?:s|ies)?', '')}\b(?!-)",
        _duration,
    ),
    _r(
        "bare-units",
        r"\b(?P<unit>years|months|weeks|decades|days|hours|minutes|centuries)\b(?!\s+(?i:ago|later|earlier|before|after))(?!-)",
        _bare_units,
    ),
    _r("decades-long", r"\b(?P<unit>(?i:decade|year|month|week|day|centur))(?:s|ies)-long\b", _bare_units),
    _r(
        "quarter",
        r"(?:\b(?P<yrel>(?i:this|last|next|previous|year-ago|year-earlier))(?:\s+year's)?\s+|(?:\b(?i:the)\s+)?(?:(?i:fiscal|latest|current|same)\s+)?)?"
        r"\b(?P<qord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+(?:(?i:fiscal|calendar)[\s-]+)?(?P<qunit>(?i:quarter|half))\b"
        rf"(?:\s+(?i:of)\s+(?:(?i:fiscal\s+)?{YEAR}|(?P<yrel2>(?i:this|last|next))\s+year|(?i:the\s+year)))?",
        _quarter_with,
    ),
    _r(
        "reported-quarter",
        r"\b(?i:the\s+(?:latest|most\s+recent|recent|last|just-ended|just\s+ended)\s+(?:quarter|period)|the\s+quarter)\b(?!-)",
        _reported_quarter,
    ),
    _r(
        "year-ago-period",
        r"\b(?i:the\s+)?(?i:year-ago|year-earlier|year\s+earlier|year\s+ago|prior-year|previous-year|previous\s+year's|last\s+year's)\s+(?P<punit>(?i:quarter|period))\b",
        _year_ago_period,
    ),
    _r("year-ago-adj", r"\b(?i:year-earlier|year-ago)\b", _year_ago),
    _r(
        "every",
        rf"\b(?i:every|each|per|a)\s+(?P<other>(?i:other\s+))?(?:{NUM}\s+)?{UNIT}\b(?!\s+(?i:ago|earlier|later|before|after))",
        lambda m, c: _every(m, c) if _set_context(m, c) else None,
    ),
    _r("set-adverb", r"\b(?P<setword>(?i:hourly|daily|nightly|weekly|monthly|yearly|annually))\b(?!-)", _set),
    _r(
        "holiday",
        rf"\b(?P<holiday>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Independence\s+Day|Valentine's\s+Day|Halloween)(?:,?\s+{YEAR})?\b",
        _holiday,
    ),
)


# --------------------------------------------------------------------------- driver
def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    found: list[tuple[int, int, int, re.Match[str]]] = []
    for index, rule in enumerate(RULES):
        for match in rule.pattern.finditer(text):
            if match.end() > match.start():
                found.append((match.start(), match.end(), index, match))
    return found


def _select(found: list[tuple[int, int, int, re.Match[str]]]) -> list[tuple[int, int, int, re.Match[str]]]:
    """Longest candidates first, then earlier rules; each character belongs to one expression."""
    chosen: list[tuple[int, int, int, re.Match[str]]] = []
    for cand in sorted(found, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if all(cand[1] <= other[0] or other[1] <= cand[0] for other in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c[0])


# "a 10-year plan", "the two-week strike": TimeBank leaves the determiner of an adjectival duration out.
_ADJECTIVAL = re.compile(
    rf"(?i:a|an|the|his|her|its|their|our|this|that)\s+(?=(?:\d+|{NUMBER_WORD})[\s-]"
    r"(?i:second|minute|hour|day|week|month|quarter|year|decade|century)$)"
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,;:'":
        end -= 1
    if text[start:end].endswith("'s"):
        end -= 2
    while start < end and text[start] in " \t\n":
        start += 1
    adjectival = _ADJECTIVAL.match(text, start, end)
    if adjectival:
        start = adjectival.end()
    return start, end


def find_times(text: str, published: str | None, tense_of: TenseOf | None = None) -> list[TimeExpr]:
    """All time expressions of `text`, normalised against `published` (YYYY[-MM[-DD]] or None).

    `tense_of(start, end)` gives the tense of the verb governing a span (None when unknown); without
    it, direction-ambiguous expressions ("Friday", "in May") are resolved towards the past, as news
    mostly reports what has happened.
    """
    ctx = Context(anchor=Anchor.parse(published), tense_of=tense_of or (lambda s, e: None), text=text)
    ctx.quarterly = bool(_QUARTER_WORD.search(text))
    times: list[TimeExpr] = []
    for start, end, index, match in _select(_candidates(text)):
        rule = RULES[index]
        try:
            result = rule.handler(match, ctx)
        except (KeyError, ValueError, OverflowError, AttributeError, TypeError, IndexError) as err:
            # One odd match must not cost the article its other expressions.
            LOGGER.debug("rule %s failed on %r: %s", rule.name, match.group(0), err)
            continue
        if result is None:
            continue
        value, kind = result
        s, e = _trim(text, start, end)
        times.append(TimeExpr(start=s, end=e, text=text[s:e], value=value, type=kind))
    return times
