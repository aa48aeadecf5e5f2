"""The records newsgraph extracts from one article, shaped as the extraction contract.

Every stage of the pipeline reads and writes these plain dataclasses; `Extraction.to_dict()` gives
the JSON the contract (and the scorers) read. Fields beyond the contract (provenance, precision,
modality, CAMEO codes) are printed too: the contract allows more, and analysts need them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EntityType = Literal["PERSON", "ARMED_GROUP", "ORGANIZATION", "STATE", "GOVERNMENT", "MEDIA", "OTHER"]
PlaceFeature = Literal["country", "admin1", "admin2", "city", "region", "other"]
Modality = Literal["asserted", "reported", "hedged", "negated", "planned"]


@dataclass
class Mention:
    """A span of `Document.body`: `body[start:end] == text`."""

    start: int
    end: int
    text: str


@dataclass
class Document:
    id: str  # content hash of the body (stable across runs and machines)
    body: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None  # YYYY[-MM[-DD]]
    published_source: str | None = None  # given | record | feed | metadata | dateline | inferred
    published_precision: str | None = None  # year | month | day
    license: str | None = None
    language: str | None = None
    url: str | None = None
    source: str | None = None  # where the raw input came from (path, path:line, feed entry)
    input_format: str | None = None  # txt | html | json | feed | warc
    input_id: str | None = None  # the caller's record id (batch input)


@dataclass
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    registry_id: str | None = None  # the canonical actor it was linked to, if any
    role: str | None = None  # "a counter-terror expert at Brookings"
    country: str | None = None


@dataclass
class Place:
    id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: PlaceFeature = "other"
    geonames_id: int | None = None
    mentions: list[Mention] = field(default_factory=list)
    admin1: str | None = None
    parent: str | None = None  # place id of the containing unit, when known


@dataclass
class TimeExpr:
    start: int
    end: int
    text: str
    value: str
    type: str = "DATE"  # DATE | TIME | DURATION | SET


@dataclass
class Event:
    type: str
    evidence: str
    source: str | None = None
    target: str | None = None
    place: str | None = None
    date: str | None = None
    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    attributed_to: str | None = None
    modality: Modality = "asserted"
    evidence_start: int | None = None
    evidence_end: int | None = None
    trigger: str | None = None
    cameo: str | None = None
    intensity: float | None = None


@dataclass
class Relation:
    type: str
    source: str
    target: str
    evidence: str
    evidence_start: int | None = None
    evidence_end: int | None = None


@dataclass
class Claim:
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    text: str
    quote: bool
    mentions: dict[str, list[int]] = field(default_factory=dict)
    contradicts: list[int] = field(default_factory=list)  # indexes of claims in this article it opposes


@dataclass
class Extraction:
    document: Document
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Failure:
    """An input that could not be turned into an extraction, with the stable error code and reason."""

    source: str
    code: str
    reason: str
    skipped: bool = False  # True when the input was read but deliberately not processed (e.g. language)
    input_id: str | None = None
    document: Document | None = None  # what reading produced, when only the analysis was skipped

    def line(self) -> str:
        verb = "skipped" if self.skipped else "error"
        return f"{self.source}: {verb} {self.code}: {self.reason}"
