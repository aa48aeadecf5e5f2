"""Toponym resolution: pick the gazetteer entry each place-name candidate refers to, using the document.

Each candidate's gazetteer homonyms are scored by a population prior and feature rank, then by context:
the feature word it carries ("Province" wants a first-level division), the countries the document already
talks about, first-level divisions named in the document, and "X, Y" / "X of Y" containment
("Springfield, Illinois", "the Helmand Province of Afghanistan"). Only exact (folded) names are looked up:
a name that matches nothing, or a claimed or historical region, stays unresolved.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass

from newsgraph.places.gazetteer import Entry, Gazetteer
from newsgraph.places.names import fold
from newsgraph.places.recognize import Candidate

LOGGER = logging.getLogger(__name__)

FEATURE_PRIOR = {"country": 4.0, "region": 3.5, "admin1": 1.0, "admin2": 0.0, "city": 0.0, "other": 0.0}
CAPITAL = 2.5  # "Washington", "Kabul": a bare capital's name usually means the capital
HINT_MATCH = 4.0
HINT_MISMATCH = -3.0
COUNTRY_IN_PLAY = 2.5
ADMIN1_IN_PLAY = 1.5
ALTERNATE_NAME = -2.0  # matched only through an old or foreign name ("Salisbury" for Harare)
MAIN_TOWN = 1.5  # "New York": the division's main town named like it, over the division
NEAR = 2.0  # within NEAR_KM of another place the document names (local news names neighbours)
NEAR_KM = 150.0
HOLDS_NAMED_TOWN = 2.0  # a division that contains a town the document names ("Washington" with Seattle)
CONTAINED_IN_NEXT = 8.0
STRAY_MAX_POPULATION = 100_000
STRAY_DOMINANCE = 3  # mentions of the story's main country before a stray small place is doubted  # "Springfield, Illinois": the next name is this entry's division or country
_CONTAINER_GAP = re.compile(r"^\s*(,|of|in)\s*(the\s+)?$", re.IGNORECASE)


# Generic geographic words and region names that gazetteer homonyms would wrongly pin on a town
# ("the Gulf", "Centre", "the Middle East" in Baltimore, "the West Coast" of New Zealand): left unresolved.
GENERIC = {
    "centre",
    "center",
    "central",
    "north",
    "south",
    "east",
    "west",
    "gulf",
    "coast",
    "delta",
    "valley",
    "middle east",
    "near east",
    "far east",
    "west coast",
    "east coast",
    "gulf coast",
    "midwest",
    "west bank",
    "the gulf",
    "persian gulf",
    "arabian gulf",
    "capital",
    "downtown",
    "uptown",
    "city",
    "county",
    "state",
    "island",
    "islands",
    "lake",
    "river",
    "bay",
    "harbor",
    "harbour",
    "mountains",
    "hills",
    "park",
}
MONTHS_AND_DAYS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}


@dataclass
class Resolved:
    candidate: Candidate
    entry: Entry | None


def _options(candidate: Candidate, gaz: Gazetteer) -> list[Entry]:
    key = fold(candidate.text)
    if key in GENERIC or key in MONTHS_AND_DAYS:
        return []
    if candidate.source == "demonym":
        return gaz.demonym(candidate.text)
    if candidate.alias:
        wanted = "city" if candidate.alias == "District of Columbia" else "admin1"
        return [e for e in gaz.lookup(candidate.alias) if e.feature == wanted and e.country == "US"]
    options = gaz.lookup(candidate.text)
    if not options and candidate.lookup_text != candidate.text:
        options = gaz.lookup(candidate.lookup_text)
    if not options and candidate.text.lower().endswith(("ns", "es")):
        options = gaz.demonym(candidate.text)  # "Americans" tagged GPE
    if not options:
        options = gaz.demonym(candidate.text)
    return options


def _prior(entry: Entry, candidate: Candidate) -> float:
    score = math.log10(entry.population + 10) + FEATURE_PRIOR.get(entry.feature, 0.0)
    names = (fold(candidate.text), fold(candidate.lookup_text), fold(candidate.alias or ""))
    exact = candidate.source == "demonym" or fold(entry.name) in names
    # "New York" is GeoNames' "New York City": a trailing "City" does not make it an alternate name.
    if not exact and fold(entry.name).removesuffix(" city") not in names:
        score += ALTERNATE_NAME
    elif exact and entry.capital:
        score += CAPITAL
    if candidate.hint:
        score += HINT_MATCH if entry.feature == candidate.hint else HINT_MISMATCH
    elif entry.feature == "admin2":
        # A bare name is rarely a county or district unless nothing else carries it.
        score -= 2.0
    return score


def resolve(text: str, candidates: list[Candidate], gaz: Gazetteer) -> list[Resolved]:
    options = [[] if c.claimed else _options(c, gaz) for c in candidates]

    # Pass 1: what the document is about, from each candidate's best entry by prior alone.
    first: list[Entry | None] = [
        max(opts, key=lambda e, c=c: _prior(e, c)) if opts else None  # type: ignore[misc]
        for opts, c in zip(options, candidates, strict=True)
    ]
    countries: Counter[str] = Counter()
    # Per name: mentions of one ambiguous name ("Mexico" five times) are no evidence for each other.
    same_name: Counter[tuple[str, str]] = Counter()
    admins: Counter[tuple[str, str]] = Counter()
    for candidate, entry in zip(candidates, first, strict=True):
        if entry is None:
            continue
        if entry.country:
            countries[entry.country] += 1
            same_name[(fold(candidate.text), entry.country)] += 1
        if entry.feature == "admin1" and entry.country and entry.admin1:
            admins[(entry.country, entry.admin1)] += 1

    towns = Counter((e.country, e.admin1) for e in first if e is not None and e.feature in ("city", "admin2"))
    local = [
        (i, e.lat, e.lon) for i, e in enumerate(first) if e is not None and e.feature in ("city", "admin2")
    ]

    out: list[Resolved] = []
    for index, (candidate, opts) in enumerate(zip(candidates, options, strict=True)):
        if not opts:
            out.append(Resolved(candidate, None))
            continue
        own = first[index]
        nxt = _container(text, candidates, first, index)

        def score(
            entry: Entry,
            *,
            candidate: Candidate = candidate,
            own: Entry | None = own,
            nxt: Entry | None = nxt,
            opts: list[Entry] = opts,
            index: int = index,
        ) -> float:
            value = _prior(entry, candidate)
            if entry.feature not in ("country", "region") and entry.country:
                # Other mentions of this country, not counting this candidate's own first guess.
                others = countries[entry.country] - same_name[(fold(candidate.text), entry.country)]
                if others > 0:
                    value += COUNTRY_IN_PLAY
            if entry.feature in ("city", "admin2") and admins[(entry.country or "", entry.admin1 or "")] > 0:
                value += ADMIN1_IN_PLAY
            if nxt is not None and entry.feature != "country" and _inside(entry, nxt):
                value += CONTAINED_IN_NEXT
            if entry.feature == "admin1":
                held = towns[(entry.country, entry.admin1)]
                if own is not None and own.feature in ("city", "admin2") and own.admin1 == entry.admin1:
                    held -= 1  # not counting this candidate's own first guess
                if held > 0:
                    value += HOLDS_NAMED_TOWN
            if entry.feature == "city" and _main_town(entry, opts):
                value += MAIN_TOWN
            if entry.feature in ("city", "admin2") and any(
                i != index and _km(entry.lat, entry.lon, lat, lon) <= NEAR_KM for i, lat, lon in local
            ):
                value += NEAR
            return value

        best = max(opts, key=score)
        if _stray(best, countries, same_name[(fold(candidate.text), best.country or "")]):
            LOGGER.debug("%s: %s is far from the story's country, left unresolved", candidate.text, best.id)
            out.append(Resolved(candidate, None))
            continue
        out.append(Resolved(candidate, best))
    return out


def _container(text: str, candidates: list[Candidate], first: list[Entry | None], index: int) -> Entry | None:
    """The next candidate's first-guess entry when it directly follows as a container ("X, Y", "X of Y")."""
    if index + 1 >= len(candidates):
        return None
    here, there = candidates[index], candidates[index + 1]
    if not _CONTAINER_GAP.match(text[here.end : there.start]):
        return None
    return first[index + 1]


def _stray(entry: Entry, countries: Counter[str], own_mentions: int) -> bool:
    """A small place in a country nothing else in a story about another country mentions: more likely a
    misspelling or a local name that happens to match ("Ghanzi", Botswana, in a report from Ghazni)."""
    if entry.feature not in ("city", "admin2", "admin1") or entry.population >= STRAY_MAX_POPULATION:
        return False
    if not countries or countries[entry.country or ""] > own_mentions:
        return False
    top, count = countries.most_common(1)[0]
    return top != entry.country and count >= STRAY_DOMINANCE


def _main_town(entry: Entry, options: list[Entry]) -> bool:
    """Whether `entry` is the big town of a same-named division among the options ("New York")."""
    for other in options:
        if other.feature == "admin1" and other.country == entry.country and other.admin1 == entry.admin1:
            return entry.population * 10 >= other.population
    return False


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _inside(entry: Entry, container: Entry) -> bool:
    if container.feature == "country":
        return entry.country == container.country
    if container.feature == "admin1":
        return entry.country == container.country and entry.admin1 == container.admin1
    return False
