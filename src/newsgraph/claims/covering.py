"""Which claim an event sentence belongs to, for `Event.attributed_to`."""

from __future__ import annotations

from newsgraph.model import Claim
from newsgraph.nlp.analysis import Analysis


def claim_covering(found: Analysis, start: int, end: int) -> Claim | None:
    """The claim whose content span covers most of body[start:end] (an event's evidence), or None.

    A span counts as covered when at least half of it lies inside the claim's text span; the
    narrowest such claim wins (a report nested in a denial belongs to the report).
    """
    best: tuple[int, Claim] | None = None
    length = max(1, end - start)
    for claim in found.claims:
        bounds = claim.mentions.get("text")
        if not bounds or len(bounds) != 2:
            continue
        overlap = min(end, bounds[1]) - max(start, bounds[0])
        if overlap * 2 < length and not (bounds[0] <= start and end <= bounds[1]):
            continue
        width = bounds[1] - bounds[0]
        if best is None or width < best[0]:
            best = (width, claim)
    return best[1] if best else None
