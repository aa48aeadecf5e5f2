"""Find which entity, place or time a span of the body belongs to, from the mentions in the analysis.

Events, claims and relations point at entities and places by id; they find them through these
look-ups on character offsets, so they need not know how actors or places were recognised.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.model import Entity, Place, TimeExpr
from newsgraph.nlp.analysis import Analysis


def _overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    return start < other_end and other_start < end


def _bounds(span: Span | Token | tuple[int, int]) -> tuple[int, int]:
    if isinstance(span, tuple):
        return span
    if isinstance(span, Token):
        return span.idx, span.idx + len(span.text)
    return span.start_char, span.end_char


def entity_at(found: Analysis, span: Span | Token | tuple[int, int]) -> Entity | None:
    """The entity with a mention overlapping `span` (the longest mention wins)."""
    start, end = _bounds(span)
    best: tuple[int, Entity] | None = None
    for entity in found.entities:
        for mention in entity.mentions:
            if _overlaps(start, end, mention.start, mention.end):
                length = mention.end - mention.start
                if best is None or length > best[0]:
                    best = (length, entity)
    return best[1] if best else None


def entities_in(found: Analysis, span: Span | tuple[int, int]) -> list[tuple[int, Entity]]:
    """(mention start, entity) for every entity mention inside `span`, in text order."""
    start, end = _bounds(span)
    hits = [
        (mention.start, entity)
        for entity in found.entities
        for mention in entity.mentions
        if start <= mention.start and mention.end <= end
    ]
    return sorted(hits, key=lambda hit: hit[0])


def place_at(found: Analysis, span: Span | Token | tuple[int, int]) -> Place | None:
    start, end = _bounds(span)
    for place in found.places:
        for mention in place.mentions:
            if _overlaps(start, end, mention.start, mention.end):
                return place
    return None


def places_in(found: Analysis, span: Span | tuple[int, int]) -> list[tuple[int, Place]]:
    start, end = _bounds(span)
    hits = [
        (mention.start, place)
        for place in found.places
        for mention in place.mentions
        if start <= mention.start and mention.end <= end
    ]
    return sorted(hits, key=lambda hit: hit[0])


def times_in(found: Analysis, span: Span | tuple[int, int]) -> list[TimeExpr]:
    start, end = _bounds(span)
    return [time for time in found.times if start <= time.start and time.end <= end]
