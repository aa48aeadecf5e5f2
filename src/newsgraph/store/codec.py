"""Extractions from their contract JSON (the inverse of `Extraction.to_dict()`), for re-loading exports."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from newsgraph.model import Claim, Document, Entity, Event, Extraction, Mention, Place, Relation, TimeExpr


def _mentions(items: list[dict[str, Any]] | None) -> list[Mention]:
    return [Mention(int(m["start"]), int(m["end"]), str(m["text"])) for m in items or []]


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    # Fields beyond the dataclass (the contract allows extras) are dropped, missing ones take defaults.
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    document = Document(**_known(Document, data["document"]))
    entities = [
        Entity(**{**_known(Entity, e), "mentions": _mentions(e.get("mentions"))})
        for e in data.get("entities", [])
    ]
    places = [
        Place(**{**_known(Place, p), "mentions": _mentions(p.get("mentions"))})
        for p in data.get("places", [])
    ]
    return Extraction(
        document=document,
        entities=entities,
        places=places,
        events=[Event(**_known(Event, e)) for e in data.get("events", [])],
        relations=[Relation(**_known(Relation, r)) for r in data.get("relations", [])],
        claims=[Claim(**_known(Claim, c)) for c in data.get("claims", [])],
        times=[TimeExpr(**_known(TimeExpr, t)) for t in data.get("times", [])],
    )
