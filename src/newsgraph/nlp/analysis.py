"""What newsgraph's spaCy components read and write on a `Doc`: one `Analysis` under `doc._.newsgraph`.

One extension rather than seven keeps us from colliding with a user's own pipeline, and lets a
component declare in its docstring which fields of the analysis it reads and which it writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsgraph.model import Claim, Entity, Event, Place, Relation, TimeExpr

EXTENSION = "newsgraph"


@dataclass
class Analysis:
    published: str | None = None  # YYYY[-MM[-DD]], the anchor for relative dates
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def register_extension() -> None:
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default=None)


def analysis(doc: Doc) -> Analysis:
    """The document's analysis, created on first use."""
    register_extension()
    current = doc._.get(EXTENSION)
    if current is None:
        current = Analysis()
        doc._.set(EXTENSION, current)
    return current  # type: ignore[no-any-return]  # spaCy's extension store is untyped
