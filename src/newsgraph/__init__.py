"""newsgraph: news reports in, a sourced, time-aware knowledge base of actors, events, places and claims out.

The library API (the CLI and HTTP layers are thin wrappers around it):

    import newsgraph
    result = newsgraph.extract("article.txt")          # -> newsgraph.Extraction
    for item in newsgraph.extract_many(["dir/"]):      # Extraction or Failure per input record
        ...
"""

from __future__ import annotations

import logging

from newsgraph.extraction import extract, extract_many, extract_records
from newsgraph.model import (
    Claim,
    Document,
    Entity,
    Event,
    Extraction,
    Failure,
    Mention,
    Place,
    Relation,
    TimeExpr,
)

logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"
__all__ = [
    "Claim",
    "Document",
    "Entity",
    "Event",
    "Extraction",
    "Failure",
    "Mention",
    "Place",
    "Relation",
    "TimeExpr",
    "extract",
    "extract_many",
    "extract_records",
]
