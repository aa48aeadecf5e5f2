"""Writing extractions into the knowledge base: documents into story clusters, facts merged across reports.

One document is written in one transaction, so a reader (SQLite WAL) never sees half an article.
- Exact duplicates (same body hash) add nothing but, when read from a new place, a `document_sources` row.
- Near duplicates (MinHash LSH) join the story of the document they copy; their facts are not merged
  again, so a syndicated copy lists its outlet without doubling any count.
- Entities merge by canonical actor (`registry_id`), else by folded name or alias; places by GeoNames
  id, else folded name and country.
- Events merge when type, source and target actors agree, places do not conflict, and their dates
  lie within `window_days` of each other; differing figures and dates become contradictions.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import Connection, Engine, and_, func, insert, or_, select, update

from newsgraph.model import Claim, Document, Entity, Event, Extraction, Failure, Place, Relation
from newsgraph.store import schema as s
from newsgraph.store.dedup import NearDuplicateIndex, from_bytes, signature, to_bytes
from newsgraph.store.keys import date_range, fold

LOGGER = logging.getLogger(__name__)

AddStatus = Literal["new", "syndicated", "duplicate"]

SYMMETRIC = frozenset({"ALLY", "HOSTILE"})
OPPOSED = {"ALLY": "HOSTILE", "HOSTILE": "ALLY"}
FIGURES = ("killed", "injured", "arrested")
PLACE_TARGETED = frozenset({"OPERATES_IN", "LOCATED_IN"})


@dataclass
class AddResult:
    status: AddStatus
    document_id: str
    story_id: int | None = None
    similarity: float | None = None


def _now() -> datetime:
    return datetime.now(UTC)


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _span(
    body: str, text: str, given: tuple[int | None, int | None] | list[int] | None
) -> tuple[int, int] | None:
    if given and given[0] is not None and given[1] is not None:
        return int(given[0]), int(given[1])
    if not text:
        return None
    at = body.find(text)
    return (at, at + len(text)) if at >= 0 else None


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


class Writer:
    """Adds extractions and failures to the knowledge base behind `engine`."""

    def __init__(self, engine: Engine, *, window_days: int = 3, threshold: float | None = None) -> None:
        self.engine = engine
        self.window_days = window_days
        self.index = NearDuplicateIndex() if threshold is None else NearDuplicateIndex(threshold)
        with engine.connect() as conn:
            for doc_id, blob in conn.execute(select(s.documents.c.id, s.documents.c.minhash)):
                if blob:
                    self.index.add(doc_id, from_bytes(blob))

    # -- documents -------------------------------------------------------------------------------

    def seen(self, document: Document) -> AddResult | None:
        """If this body is stored already: record where it was read from and say it is a duplicate."""
        with self.engine.begin() as conn:
            return self._seen(conn, document)

    def _seen(self, conn: Connection, document: Document) -> AddResult | None:
        row = conn.execute(select(s.documents.c.story_id).where(s.documents.c.id == document.id)).first()
        if row is None:
            return None
        source = document.source or document.url or ""
        known = conn.execute(
            select(s.document_sources.c.id).where(
                s.document_sources.c.document_id == document.id, s.document_sources.c.source == source
            )
        ).first()
        if known is None:
            conn.execute(
                insert(s.document_sources).values(
                    document_id=document.id,
                    source=source,
                    outlet_id=self._outlet(conn, document.outlet),
                    url=document.url,
                    ingested_at=_now(),
                )
            )
        return AddResult("duplicate", document.id, row.story_id)

    def add(
        self, extraction: Extraction, *, raw: str | None = None, raw_kind: str | None = None
    ) -> AddResult:
        document = extraction.document
        minhash = signature(document.body)
        with self.engine.begin() as conn:
            seen = self._seen(conn, document)
            if seen is not None:
                return seen
            match = self.index.best_match(minhash)
            similarity: float | None = None
            if match is not None:
                story_id = conn.execute(
                    select(s.documents.c.story_id).where(s.documents.c.id == match[0])
                ).scalar_one()
                similarity = match[1]
            else:
                story_id = conn.execute(
                    insert(s.stories).values(
                        title=document.title, first_published=document.published, created_at=_now()
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
            outlet_id = self._outlet(conn, document.outlet)
            conn.execute(
                insert(s.documents).values(
                    id=document.id,
                    story_id=story_id,
                    outlet_id=outlet_id,
                    canonical=match is None,
                    similarity=similarity,
                    title=document.title,
                    authors=list(document.authors),
                    published=document.published,
                    published_source=document.published_source,
                    published_precision=document.published_precision,
                    license=document.license,
                    language=document.language,
                    url=document.url,
                    source=document.source,
                    input_format=document.input_format,
                    input_id=document.input_id,
                    body=document.body,
                    extraction=extraction.to_dict(),
                    raw=raw,
                    raw_kind=raw_kind,
                    minhash=to_bytes(minhash),
                    ingested_at=_now(),
                )
            )
            conn.execute(
                insert(s.document_sources).values(
                    document_id=document.id,
                    source=document.source or document.url or "",
                    outlet_id=outlet_id,
                    url=document.url,
                    ingested_at=_now(),
                )
            )
            if match is None:
                _Merge(self, conn, extraction, story_id).run()
        self.index.add(document.id, minhash)
        if match is not None:
            return AddResult("syndicated", document.id, story_id, similarity)
        return AddResult("new", document.id, story_id)

    def add_failure(self, failure: Failure) -> bool:
        """Record a failed or skipped input; False when it was recorded before."""
        with self.engine.begin() as conn:
            known = conn.execute(
                select(s.failures.c.id).where(
                    s.failures.c.source == failure.source, s.failures.c.code == failure.code
                )
            ).first()
            if known is not None:
                return False
            conn.execute(
                insert(s.failures).values(
                    source=failure.source,
                    input_id=failure.input_id,
                    code=failure.code,
                    reason=failure.reason,
                    skipped=failure.skipped,
                    created_at=_now(),
                )
            )
        return True

    def _outlet(self, conn: Connection, name: str | None) -> int | None:
        if not name or not fold(name):
            return None
        key = fold(name)
        found = conn.execute(select(s.outlets.c.id).where(s.outlets.c.key == key)).scalar()
        if found is None:
            found = conn.execute(insert(s.outlets).values(key=key, name=name)).inserted_primary_key[0]  # type: ignore[index]
        return int(found)


class _Merge:
    """Merges one canonical document's facts into the knowledge base, inside the caller's transaction."""

    def __init__(self, writer: Writer, conn: Connection, extraction: Extraction, story_id: int) -> None:
        self.writer = writer
        self.conn = conn
        self.extraction = extraction
        self.document = extraction.document
        self.story_id = story_id
        self.entity_ids: dict[str, int] = {}
        self.place_ids: dict[str, int] = {}
        self.entity_names: dict[int, str] = {}
        self.claim_rows: list[tuple[int, Claim, tuple[int, int] | None]] = []
        outlet = self.document.outlet
        self.outlet_name = outlet or self.document.source or "unknown outlet"

    def run(self) -> None:
        for entity in self.extraction.entities:
            self.entity_ids[entity.id] = self._entity(entity)
        for place in self.extraction.places:
            self.place_ids[place.id] = self._place(place)
        self._claims(self.extraction.claims)
        for event in self.extraction.events:
            self._event(event)
        for relation in self.extraction.relations:
            self._relation(relation)

    # -- actors and places ----------------------------------------------------------------------

    def _entity(self, entity: Entity) -> int:
        conn = self.conn
        names = [entity.name, *entity.aliases]
        found: int | None = None
        if entity.registry_id:
            key = f"reg:{entity.registry_id}"
            found = conn.execute(select(s.entities.c.id).where(s.entities.c.key == key)).scalar()
        else:
            key = f"name:{fold(entity.name)}"
            folded = sorted({fold(n) for n in names if fold(n)})
            found = conn.execute(
                select(s.entity_aliases.c.entity_id)
                .where(s.entity_aliases.c.alias_key.in_(folded))
                .order_by(s.entity_aliases.c.entity_id)
                .limit(1)
            ).scalar()
            if found is None:
                found = conn.execute(select(s.entities.c.id).where(s.entities.c.key == key)).scalar()
        if found is None:
            found = conn.execute(
                insert(s.entities).values(
                    key=key,
                    name=entity.name,
                    type=entity.type,
                    registry_id=entity.registry_id,
                    country=entity.country,
                    role=entity.role,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        elif entity.role:
            conn.execute(
                update(s.entities)
                .where(s.entities.c.id == found, s.entities.c.role.is_(None))
                .values(role=entity.role)
            )
        entity_id = int(found)
        known = set(
            conn.execute(
                select(s.entity_aliases.c.alias).where(s.entity_aliases.c.entity_id == entity_id)
            ).scalars()
        )
        new = [n for n in dict.fromkeys(names) if n and n not in known and fold(n)]
        if new:
            conn.execute(
                insert(s.entity_aliases),
                [{"entity_id": entity_id, "alias": n, "alias_key": fold(n)} for n in new],
            )
        if entity.mentions:
            conn.execute(
                insert(s.mentions),
                [
                    {
                        "entity_id": entity_id,
                        "document_id": self.document.id,
                        "start": m.start,
                        "end": m.end,
                        "text": m.text,
                    }
                    for m in entity.mentions
                ],
            )
        self.entity_names[entity_id] = entity.name
        return entity_id

    def _place(self, place: Place) -> int:
        conn = self.conn
        if place.geonames_id is not None:
            key = f"gn:{place.geonames_id}"
        else:
            key = f"name:{fold(place.name)}|{place.country or ''}"
        found = conn.execute(select(s.places.c.id).where(s.places.c.key == key)).scalar()
        if found is None:
            found = conn.execute(
                insert(s.places).values(
                    key=key,
                    name=place.name,
                    country=place.country,
                    lat=place.lat,
                    lon=place.lon,
                    feature=place.feature,
                    geonames_id=place.geonames_id,
                    admin1=place.admin1,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        if place.mentions:
            conn.execute(
                insert(s.place_mentions),
                [
                    {
                        "place_id": found,
                        "document_id": self.document.id,
                        "start": m.start,
                        "end": m.end,
                        "text": m.text,
                    }
                    for m in place.mentions
                ],
            )
        return int(found)

    def _entity_of(self, ref: str | None) -> int | None:
        return self.entity_ids.get(ref) if ref else None

    def _name(self, entity_id: int | None) -> str | None:
        if entity_id is None:
            return None
        if entity_id not in self.entity_names:
            name = self.conn.execute(select(s.entities.c.name).where(s.entities.c.id == entity_id)).scalar()
            self.entity_names[entity_id] = str(name)
        return self.entity_names[entity_id]

    def _who(self, attributed_id: int | None, attributed_text: str | None) -> str:
        """`Bruce Riedel via Daily Caller News Foundation`: the attribution, then the outlet."""
        name = self._name(attributed_id) or attributed_text
        return f"{name} via {self.outlet_name}" if name else self.outlet_name

    # -- claims -------------------------------------------------------------------------------

    def _claims(self, claims: list[Claim]) -> None:
        body = self.document.body
        for idx, claim in enumerate(claims):
            given = claim.mentions.get("text")
            span = _span(body, claim.text, given)
            speaker_id = self._entity_of(claim.speaker)
            claim_id = int(
                self.conn.execute(
                    insert(s.claims).values(
                        document_id=self.document.id,
                        story_id=self.story_id,
                        idx=idx,
                        speaker_id=speaker_id,
                        speaker_text=claim.speaker_text,
                        cue=claim.cue,
                        text=claim.text,
                        quote=claim.quote,
                        text_start=span[0] if span else None,
                        text_end=span[1] if span else None,
                        published=self.document.published,
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
            )
            self.conn.execute(insert(s.search_text).values(kind="claim", ref_id=claim_id, text=claim.text))
            about = {
                self.entity_ids[e.id]
                for e in self.extraction.entities
                if e.id in self.entity_ids and any(_overlaps((m.start, m.end), span) for m in e.mentions)
            }
            if about:
                self.conn.execute(
                    insert(s.claim_entities), [{"claim_id": claim_id, "entity_id": e} for e in sorted(about)]
                )
            self.claim_rows.append((claim_id, claim, span))
        for idx, claim in enumerate(claims):
            for other in claim.contradicts:
                # Each opposed pair once, whichever side lists the other.
                if (
                    0 <= other < len(claims)
                    and other != idx
                    and (other > idx or idx not in claims[other].contradicts)
                ):
                    self._claim_contradiction(idx, other)

    def _claim_contradiction(self, a: int, b: int) -> None:
        a_id, a_claim, _ = self.claim_rows[a]
        b_id, b_claim, _ = self.claim_rows[b]
        a_speaker = self._entity_of(a_claim.speaker)
        b_speaker = self._entity_of(b_claim.speaker)
        about: set[int] = {e for e in (a_speaker, b_speaker) if e is not None}
        about.update(
            self.conn.execute(
                select(s.claim_entities.c.entity_id).where(s.claim_entities.c.claim_id.in_([a_id, b_id]))
            ).scalars()
        )
        self._contradiction(
            about,
            kind="claim",
            field=None,
            a_value=a_claim.text,
            b_value=b_claim.text,
            a_claim_id=a_id,
            b_claim_id=b_id,
            a_document_id=self.document.id,
            b_document_id=self.document.id,
            a_source=self._who(a_speaker, a_claim.speaker_text),
            b_source=self._who(b_speaker, b_claim.speaker_text),
        )

    def _contradiction(self, about: Iterable[int | None], **values: Any) -> None:
        contradiction_id = self.conn.execute(
            insert(s.contradictions).values(detected_at=_now(), **values)
        ).inserted_primary_key[0]  # type: ignore[index]
        entity_ids = sorted({e for e in about if e is not None})
        if entity_ids:
            self.conn.execute(
                insert(s.contradiction_entities),
                [{"contradiction_id": contradiction_id, "entity_id": e} for e in entity_ids],
            )

    def _attribution(self, span: tuple[int, int] | None) -> tuple[int | None, str | None]:
        """The speaker of the claim whose text covers `span`: who the article attributes it to."""
        for _claim_id, claim, claim_span in self.claim_rows:
            if _overlaps(span, claim_span):
                return self._entity_of(claim.speaker), claim.speaker_text
        return None, None

    # -- events -------------------------------------------------------------------------------

    def _event(self, event: Event) -> None:
        conn = self.conn
        source_id = self._entity_of(event.source)
        target_id = self._entity_of(event.target)
        place_id = self.place_ids.get(event.place) if event.place else None
        span = _span(self.document.body, event.evidence, (event.evidence_start, event.evidence_end))
        attributed_id = self._entity_of(event.attributed_to)
        attributed_text: str | None = None
        if attributed_id is None:
            attributed_id, attributed_text = self._attribution(span)
        effective = event.date or self.document.published
        days = date_range(effective)
        event_id = self._matching_event(event.type, source_id, target_id, place_id, days)
        published = self.document.published
        if event_id is None:
            event_id = int(
                conn.execute(
                    insert(s.events).values(
                        type=event.type,
                        source_id=source_id,
                        target_id=target_id,
                        place_id=place_id,
                        date=effective,
                        date_start=days[0] if days else None,
                        date_end=days[1] if days else None,
                        killed=event.killed,
                        injured=event.injured,
                        arrested=event.arrested,
                        cameo=event.cameo,
                        intensity=event.intensity,
                        report_count=0,
                        first_reported=published,
                        last_reported=published,
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
            )
        report_id = int(
            conn.execute(
                insert(s.event_reports).values(
                    event_id=event_id,
                    document_id=self.document.id,
                    story_id=self.story_id,
                    evidence=event.evidence,
                    evidence_start=span[0] if span else None,
                    evidence_end=span[1] if span else None,
                    date=event.date,
                    killed=event.killed,
                    injured=event.injured,
                    arrested=event.arrested,
                    attributed_to=attributed_id,
                    attributed_text=attributed_text,
                    modality=event.modality,
                    trigger=event.trigger,
                    published=published,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        )
        conn.execute(insert(s.search_text).values(kind="event", ref_id=report_id, text=event.evidence))
        self._event_contradictions(
            event_id=event_id,
            report_id=report_id,
            event=event,
            source_id=source_id,
            target_id=target_id,
            attributed_id=attributed_id,
            attributed_text=attributed_text,
        )
        self._refresh_event(event_id, event, place_id)

    def _matching_event(
        self,
        type_: str,
        source_id: int | None,
        target_id: int | None,
        place_id: int | None,
        days: tuple[str, str] | None,
    ) -> int | None:
        e = s.events.c
        conditions = [
            e.type == type_,
            e.source_id.is_(None) if source_id is None else e.source_id == source_id,
            e.target_id.is_(None) if target_id is None else e.target_id == target_id,
        ]
        if place_id is not None:
            conditions.append(or_(e.place_id.is_(None), e.place_id == place_id))
        if days is None:
            conditions.append(e.date_start.is_(None))
        else:
            window = self.writer.window_days
            conditions.append(
                and_(e.date_start <= _shift(days[1], window), e.date_end >= _shift(days[0], -window))
            )
        found = self.conn.execute(select(e.id).where(*conditions).order_by(e.id).limit(1)).scalar()
        return int(found) if found is not None else None

    def _event_contradictions(
        self,
        *,
        event_id: int,
        report_id: int,
        event: Event,
        source_id: int | None,
        target_id: int | None,
        attributed_id: int | None,
        attributed_text: str | None,
    ) -> None:
        r = s.event_reports.c
        others = self.conn.execute(
            select(
                r.id,
                r.document_id,
                r.date,
                r.killed,
                r.injured,
                r.arrested,
                r.attributed_to,
                r.attributed_text,
                s.outlets.c.name.label("outlet"),
                s.documents.c.source,
            )
            .select_from(
                s.event_reports.join(s.documents, s.documents.c.id == r.document_id).outerjoin(
                    s.outlets, s.outlets.c.id == s.documents.c.outlet_id
                )
            )
            .where(r.event_id == event_id, r.id != report_id)
            .order_by(r.id)
        ).all()
        if not others:
            return
        mine = self._who(attributed_id, attributed_text)
        about = (source_id, target_id)
        seen: set[tuple[str, str]] = set()
        for other in others:
            # Two sentences of one article with the same attribution are one account, not a dispute.
            if other.document_id == self.document.id and other.attributed_to == attributed_id:
                continue
            theirs_name = self._name(other.attributed_to) or other.attributed_text
            outlet = other.outlet or other.source or "unknown outlet"
            theirs = f"{theirs_name} via {outlet}" if theirs_name else outlet
            for field_name in FIGURES:
                mine_value = getattr(event, field_name)
                their_value = getattr(other, field_name)
                if mine_value is None or their_value is None or mine_value == their_value:
                    continue
                if (field_name, str(their_value)) in seen:
                    continue
                seen.add((field_name, str(their_value)))
                self._contradiction(
                    about,
                    kind="figure",
                    field=field_name,
                    event_id=event_id,
                    a_value=str(their_value),
                    b_value=str(mine_value),
                    a_event_report_id=other.id,
                    b_event_report_id=report_id,
                    a_document_id=other.document_id,
                    b_document_id=self.document.id,
                    a_source=theirs,
                    b_source=mine,
                )
            mine_days = date_range(event.date)
            their_days = date_range(other.date)
            if (
                mine_days
                and their_days
                and (mine_days[1] < their_days[0] or their_days[1] < mine_days[0])
                and ("date", str(other.date)) not in seen
            ):
                seen.add(("date", str(other.date)))
                self._contradiction(
                    about,
                    kind="date",
                    field="date",
                    event_id=event_id,
                    a_value=other.date,
                    b_value=event.date,
                    a_event_report_id=other.id,
                    b_event_report_id=report_id,
                    a_document_id=other.document_id,
                    b_document_id=self.document.id,
                    a_source=theirs,
                    b_source=mine,
                )

    def _refresh_event(self, event_id: int, event: Event, place_id: int | None) -> None:
        r = s.event_reports.c
        count, first, last = self.conn.execute(
            select(func.count(func.distinct(r.story_id)), func.min(r.published), func.max(r.published)).where(
                r.event_id == event_id
            )
        ).one()
        values: dict[str, Any] = {"report_count": count, "first_reported": first, "last_reported": last}
        e = s.events.c
        current = self.conn.execute(
            select(e.place_id, e.killed, e.injured, e.arrested, e.cameo).where(e.id == event_id)
        ).one()
        # Fill what earlier reports left open; figures already given stay (disputes are contradictions).
        if current.place_id is None and place_id is not None:
            values["place_id"] = place_id
        for name in (*FIGURES, "cameo"):
            if getattr(current, name) is None and getattr(event, name) is not None:
                values[name] = getattr(event, name)
        self.conn.execute(update(s.events).where(e.id == event_id).values(**values))

    # -- relations ----------------------------------------------------------------------------

    def _relation(self, relation: Relation) -> None:
        conn = self.conn
        source_id = self._entity_of(relation.source)
        if source_id is None:
            self._place_in_place(relation)
            return
        target_entity = self._entity_of(relation.target)
        target_place = self.place_ids.get(relation.target) if target_entity is None else None
        if target_entity is None and target_place is None:
            return
        if relation.type in SYMMETRIC and target_entity is not None and target_entity < source_id:
            source_id, target_entity = target_entity, source_id
        if target_entity == source_id:
            return
        span = _span(self.document.body, relation.evidence, (relation.evidence_start, relation.evidence_end))
        attributed_id, attributed_text = self._attribution(span)
        relation_id = self._relation_row(relation.type, source_id, target_entity, target_place)
        published = self.document.published
        report_id = int(
            conn.execute(
                insert(s.relation_reports).values(
                    relation_id=relation_id,
                    document_id=self.document.id,
                    story_id=self.story_id,
                    evidence=relation.evidence,
                    evidence_start=span[0] if span else None,
                    evidence_end=span[1] if span else None,
                    attributed_to=attributed_id,
                    attributed_text=attributed_text,
                    published=published,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        )
        conn.execute(insert(s.search_text).values(kind="relation", ref_id=report_id, text=relation.evidence))
        rr = s.relation_reports.c
        count, first, last = conn.execute(
            select(
                func.count(func.distinct(rr.story_id)), func.min(rr.published), func.max(rr.published)
            ).where(rr.relation_id == relation_id)
        ).one()
        conn.execute(
            update(s.relations)
            .where(s.relations.c.id == relation_id)
            .values(report_count=count, first_seen=first, last_seen=last)
        )
        opposed = OPPOSED.get(relation.type)
        if opposed and target_entity is not None:
            self._relation_contradiction(
                opposed=opposed,
                relation=relation,
                source_id=source_id,
                target_id=target_entity,
                report_id=report_id,
                attributed_id=attributed_id,
                attributed_text=attributed_text,
            )

    def _place_in_place(self, relation: Relation) -> None:
        """LOCATED_IN between places is geography, kept as the place's parent (first report wins)."""
        child = self.place_ids.get(relation.source)
        parent = self.place_ids.get(relation.target)
        if relation.type != "LOCATED_IN" or child is None or parent is None or child == parent:
            return
        self.conn.execute(
            update(s.places)
            .where(s.places.c.id == child, s.places.c.parent_id.is_(None))
            .values(parent_id=parent)
        )

    def _relation_row(
        self, type_: str, source_id: int, target_entity: int | None, target_place: int | None
    ) -> int:
        rel = s.relations.c
        conditions = [
            rel.type == type_,
            rel.source_id == source_id,
            rel.target_entity_id.is_(None)
            if target_entity is None
            else rel.target_entity_id == target_entity,
            rel.target_place_id.is_(None) if target_place is None else rel.target_place_id == target_place,
        ]
        found = self.conn.execute(select(rel.id).where(*conditions)).scalar()
        if found is not None:
            return int(found)
        return int(
            self.conn.execute(
                insert(s.relations).values(
                    type=type_,
                    source_id=source_id,
                    target_entity_id=target_entity,
                    target_place_id=target_place,
                    report_count=0,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        )

    def _relation_contradiction(
        self,
        *,
        opposed: str,
        relation: Relation,
        source_id: int,
        target_id: int,
        report_id: int,
        attributed_id: int | None,
        attributed_text: str | None,
    ) -> None:
        """Allies in one report, enemies in another: both accounts are kept, side by side."""
        rel = s.relations.c
        rr = s.relation_reports.c
        other = self.conn.execute(
            select(
                rr.id,
                rr.document_id,
                rr.evidence,
                rr.attributed_to,
                rr.attributed_text,
                rel.id.label("relation_id"),
            )
            .select_from(s.relation_reports.join(s.relations, rel.id == rr.relation_id))
            .where(rel.type == opposed, rel.source_id == source_id, rel.target_entity_id == target_id)
            .where(rr.story_id != self.story_id)
            .order_by(rr.id)
            .limit(1)
        ).first()
        if other is None:
            return
        outlet = self.conn.execute(
            select(s.outlets.c.name, s.documents.c.source)
            .select_from(s.documents.outerjoin(s.outlets, s.outlets.c.id == s.documents.c.outlet_id))
            .where(s.documents.c.id == other.document_id)
        ).one()
        theirs_name = self._name(other.attributed_to) or other.attributed_text
        theirs_outlet = outlet.name or outlet.source or "unknown outlet"
        self._contradiction(
            (source_id, target_id),
            kind="relation",
            field=f"{opposed}/{relation.type}",
            relation_id=other.relation_id,
            a_value=f"{opposed}: {other.evidence}",
            b_value=f"{relation.type}: {relation.evidence}",
            a_relation_report_id=other.id,
            b_relation_report_id=report_id,
            a_document_id=other.document_id,
            b_document_id=self.document.id,
            a_source=f"{theirs_name} via {theirs_outlet}" if theirs_name else theirs_outlet,
            b_source=self._who(attributed_id, attributed_text),
        )
