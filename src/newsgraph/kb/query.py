"""Asking the knowledge base: events, claims and relations with filters, as typed records or DataFrames.

from newsgraph.kb import KnowledgeBase
kb = KnowledgeBase()                                   # NEWSGRAPH_DB, else the embedded default
kb.events(actor="Taliban", type="ASSAULT", since="2015-01-01", text="parliament")
kb.relations(actor="al-Qaida", type="ALLY")
kb.frame("events", place="AF")                         # a pandas DataFrame
"""

from __future__ import annotations

import importlib
import logging
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from rapidfuzz import fuzz, process
from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    Select,
    String,
    column,
    func,
    or_,
    select,
    table,
    union_all,
)
from sqlalchemy.sql.elements import ColumnElement

from newsgraph.store import open_engine
from newsgraph.store import schema as s
from newsgraph.store.keys import date_range, fold

LOGGER = logging.getLogger(__name__)

Kind = Literal["events", "claims", "relations"]
_WORD = re.compile(r"\w+", re.UNICODE)
RECENT_EVENTS = 2000  # events per side that allies/rivals-by-conduct are counted over


@dataclass
class Source:
    """One report behind a fact: its sentence, article, outlets that ran the story, and attribution."""

    evidence: str
    document_id: str
    title: str | None
    published: str | None
    outlets: list[str]
    url: str | None
    source: str | None
    attributed_to: str | None = None  # "Bruce Riedel (Brookings)"


@dataclass
class EventRecord:
    id: int
    type: str
    date: str | None
    source: str | None
    target: str | None
    place: str | None
    country: str | None
    killed: int | None
    injured: int | None
    arrested: int | None
    cameo: str | None
    reports: int
    first_reported: str | None
    last_reported: str | None
    sources: list[Source] = field(default_factory=list)


@dataclass
class RelationRecord:
    id: int
    type: str
    source: str
    target: str
    target_kind: Literal["entity", "place"]
    first_seen: str | None
    last_seen: str | None
    reports: int
    sources: list[Source] = field(default_factory=list)
    target_place_id: int | None = None
    target_parent: str | None = None  # the place containing a target place ("Afghanistan" for Helmand)


@dataclass
class ClaimRecord:
    id: int
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    text: str
    quote: bool
    published: str | None
    sources: list[Source] = field(default_factory=list)


@dataclass
class ContradictionRecord:
    id: int
    kind: str
    field: str | None
    about: str  # the event or relation in dispute, in words
    a_value: str | None
    b_value: str | None
    a_source: str | None
    b_source: str | None
    a_evidence: Source | None
    b_evidence: Source | None


@dataclass
class ActorRecord:
    id: int
    name: str
    type: str
    registry_id: str | None
    role: str | None
    aliases: list[str]


def fts_query(words: str) -> str:
    """An FTS5 query that ANDs the words of `words` as quoted terms (no user syntax reaches FTS5)."""
    return " ".join(f'"{w}"' for w in _WORD.findall(words))


class KnowledgeBase:
    """Read access to the knowledge base at `url` (default: `newsgraph.config.database_url()`)."""

    def __init__(self, url: str | None = None, *, engine: Engine | None = None) -> None:
        self.engine = engine if engine is not None else open_engine(url)

    # -- look-ups -----------------------------------------------------------------------------

    def actor(self, name: str) -> ActorRecord | None:
        """The actor called `name` (name, alias or registry id; else the closest alias by fuzzy match)."""
        with self.engine.connect() as conn:
            ids = actor_ids(conn, name)
            if not ids:
                return None
            return load_actor(conn, ids[0])

    # -- filters ------------------------------------------------------------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        place: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        limit: int | None = 100,
        evidence: bool = True,
    ) -> list[EventRecord]:
        with self.engine.connect() as conn:
            return find_events(
                conn,
                actor=actor,
                type_=type,
                place=place,
                since=since,
                until=until,
                text=text,
                limit=limit,
                evidence=evidence,
            )

    def relations(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        place: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        limit: int | None = 100,
        evidence: bool = True,
    ) -> list[RelationRecord]:
        with self.engine.connect() as conn:
            return find_relations(
                conn,
                actor=actor,
                type_=type,
                place=place,
                since=since,
                until=until,
                text=text,
                limit=limit,
                evidence=evidence,
            )

    def claims(
        self,
        *,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        limit: int | None = 100,
        evidence: bool = True,
    ) -> list[ClaimRecord]:
        with self.engine.connect() as conn:
            return find_claims(
                conn, actor=actor, since=since, until=until, text=text, limit=limit, evidence=evidence
            )

    def frame(self, kind: Kind, **filters: Any) -> Any:
        """The same query as a pandas DataFrame (one row per fact; `sources` kept as a list column)."""
        pandas = importlib.import_module("pandas")
        records: list[Any] = getattr(self, kind)(**filters)
        return pandas.DataFrame([asdict(r) for r in records])


# -- shared query helpers (also used by the briefing and the exports) ----------------------------


def actor_ids(conn: Connection, name: str) -> list[int]:
    """Entity ids named `name`, best first; a fuzzy alias match when nothing matches exactly."""
    key = fold(name)
    exact = (
        select(s.entity_aliases.c.entity_id, func.count(s.mentions.c.id).label("n"))
        .select_from(
            s.entity_aliases.outerjoin(s.mentions, s.mentions.c.entity_id == s.entity_aliases.c.entity_id)
        )
        .where(s.entity_aliases.c.alias_key == key)
        .group_by(s.entity_aliases.c.entity_id)
        .order_by(func.count(s.mentions.c.id).desc(), s.entity_aliases.c.entity_id)
    )
    ids = [int(row.entity_id) for row in conn.execute(exact)]
    if ids:
        return ids
    registry = conn.execute(
        select(s.entities.c.id).where(
            or_(s.entities.c.registry_id == name, s.entities.c.key == f"reg:{name}")
        )
    ).scalar()
    if registry is not None:
        return [int(registry)]
    aliases = conn.execute(select(s.entity_aliases.c.alias_key, s.entity_aliases.c.entity_id)).all()
    if not aliases:
        return []
    choices = {i: row.alias_key for i, row in enumerate(aliases)}
    best = process.extractOne(key, choices, scorer=fuzz.WRatio, score_cutoff=85)
    return [int(aliases[best[2]].entity_id)] if best else []


def load_actor(conn: Connection, entity_id: int) -> ActorRecord:
    row = conn.execute(select(s.entities).where(s.entities.c.id == entity_id)).one()
    aliases = [
        a
        for a in conn.execute(
            select(s.entity_aliases.c.alias)
            .where(s.entity_aliases.c.entity_id == entity_id)
            .order_by(s.entity_aliases.c.id)
        ).scalars()
        if a != row.name
    ]
    return ActorRecord(row.id, row.name, row.type, row.registry_id, row.role, aliases)


def place_ids(conn: Connection, place: str) -> list[int]:
    """Places named `place`, or in the country with ISO code `place`."""
    key = fold(place)
    rows = conn.execute(
        select(s.places.c.id, s.places.c.name, s.places.c.country).where(
            or_(s.places.c.key.like(f"name:{key}|%"), func.upper(s.places.c.country) == place.upper())
        )
    ).all()
    found = [int(r.id) for r in rows]
    if not found:
        for row in conn.execute(select(s.places.c.id, s.places.c.name)):
            if fold(row.name) == key:
                found.append(int(row.id))
    return found


def _text_refs(conn: Connection, kind: str, words: str) -> Select[Any]:
    """A select of `ref_id`s of `kind` whose searchable text matches all of `words`."""
    st = s.search_text.c
    if conn.dialect.name == "sqlite":
        fts = table("search_fts", column("rowid", Integer), column("search_fts", String))
        matched = select(fts.c.rowid).where(fts.c.search_fts.op("MATCH")(fts_query(words)))
        return select(st.ref_id).where(st.kind == kind, st.id.in_(matched))
    if conn.dialect.name == "postgresql":
        condition = func.to_tsvector("english", st.text).op("@@")(func.plainto_tsquery("english", words))
        return select(st.ref_id).where(st.kind == kind, condition)
    like = [st.text.ilike(f"%{w}%") for w in _WORD.findall(words)]
    return select(st.ref_id).where(st.kind == kind, *like)


def story_outlets(conn: Connection, story_ids: list[int]) -> dict[int, list[str]]:
    """Every outlet that ran each story (its documents and every place an exact copy was read from)."""
    if not story_ids:
        return {}
    d = s.documents.c
    o = s.outlets.c
    direct = (
        select(d.story_id, o.name)
        .select_from(s.documents.join(s.outlets, o.id == d.outlet_id))
        .where(d.story_id.in_(story_ids))
    )
    copies = (
        select(d.story_id, o.name)
        .select_from(
            s.document_sources.join(s.documents, d.id == s.document_sources.c.document_id).join(
                s.outlets, o.id == s.document_sources.c.outlet_id
            )
        )
        .where(d.story_id.in_(story_ids))
    )
    found: dict[int, list[str]] = {}
    for row in conn.execute(union_all(direct, copies)):
        names = found.setdefault(int(row.story_id), [])
        if row.name not in names:
            names.append(row.name)
    return found


def affiliation(conn: Connection, entity_id: int) -> str | None:
    """What a speaker speaks for: an AFFILIATED_WITH / MEMBER_OF / LEADER_OF target, else their role."""
    rel = s.relations.c
    target = conn.execute(
        select(s.entities.c.name)
        .select_from(s.relations.join(s.entities, s.entities.c.id == rel.target_entity_id))
        .where(rel.source_id == entity_id, rel.type.in_(["AFFILIATED_WITH", "MEMBER_OF", "LEADER_OF"]))
        .order_by(rel.report_count.desc(), rel.id)
        .limit(1)
    ).scalar()
    if target:
        return str(target)
    role = conn.execute(select(s.entities.c.role).where(s.entities.c.id == entity_id)).scalar()
    return str(role) if role else None


def attribution(conn: Connection, entity_id: int | None, attributed_text: str | None) -> str | None:
    if entity_id is None:
        return attributed_text
    name = conn.execute(select(s.entities.c.name).where(s.entities.c.id == entity_id)).scalar()
    where = affiliation(conn, entity_id)
    return f"{name} ({where})" if where else str(name)


def _sources(
    conn: Connection, table: Any, key: str, ids: list[int], limit: int = 5
) -> dict[int, list[Source]]:
    """The reports of the facts `ids` (`table.c[key]` names the fact column), earliest first."""
    if not ids:
        return {}
    t = table.c
    d = s.documents.c
    # The first `limit` reports of each fact, ranked in SQL: a fact with thousands of reports costs
    # no more than one with five.
    rank = func.row_number().over(partition_by=t[key], order_by=(t.published, t.id)).label("rank")
    ranked = (
        select(
            t[key].label("fact_id"),
            t.id.label("report_id"),
            t.evidence,
            t.document_id,
            t.story_id,
            t.attributed_to,
            t.attributed_text,
            t.published,
            rank,
        )
        .where(t[key].in_(ids))
        .subquery()
    )
    rows = conn.execute(
        select(ranked, d.title, d.url, d.source)
        .select_from(ranked.join(s.documents, d.id == ranked.c.document_id))
        .where(ranked.c.rank <= limit)
        .order_by(ranked.c.fact_id, ranked.c.rank)
    ).all()
    outlets = story_outlets(conn, sorted({int(r.story_id) for r in rows}))
    said: dict[tuple[int | None, str | None], str | None] = {}
    found: dict[int, list[Source]] = {}
    for row in rows:
        who = (row.attributed_to, row.attributed_text)
        if who not in said:
            said[who] = attribution(conn, row.attributed_to, row.attributed_text)
        found.setdefault(int(row.fact_id), []).append(
            Source(
                evidence=row.evidence,
                document_id=row.document_id,
                title=row.title,
                published=row.published,
                outlets=outlets.get(int(row.story_id), []),
                url=row.url,
                source=row.source,
                attributed_to=said[who],
            )
        )
    return found


def _until_day(until: str | None) -> str | None:
    days = date_range(until)
    return days[1] if days else until


def find_events(
    conn: Connection,
    *,
    actor: str | None = None,
    type_: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
    limit: int | None = 100,
    evidence: bool = True,
    actor_id: int | None = None,
) -> list[EventRecord]:
    e = s.events.c
    src = s.entities.alias("src")
    tgt = s.entities.alias("tgt")
    conditions: list[ColumnElement[bool]] = []
    if type_:
        conditions.append(e.type == type_.upper())
    if since:
        days = date_range(since)
        conditions.append(e.date_start >= (days[0] if days else since))
    if until:
        conditions.append(e.date_start <= _until_day(until))
    if place:
        conditions.append(e.place_id.in_(place_ids(conn, place) or [-1]))
    if text:
        reports = select(s.event_reports.c.event_id).where(
            s.event_reports.c.id.in_(_text_refs(conn, "event", text))
        )
        conditions.append(e.id.in_(reports))
    ids: list[int] = []
    if actor_id is not None:
        ids = [actor_id]
    elif actor:
        ids = actor_ids(conn, actor) or [-1]
    base = select(e.id).where(*conditions)
    if ids:
        # One indexed scan per side of the event, merged: an OR across two columns would scan all.
        by_source = base.where(e.source_id.in_(ids)).order_by(e.date_start.desc(), e.id.desc())
        by_target = base.where(e.target_id.in_(ids)).order_by(e.date_start.desc(), e.id.desc())
        if limit:
            by_source = by_source.limit(limit)
            by_target = by_target.limit(limit)
        merged = union_all(by_source.subquery().select(), by_target.subquery().select()).subquery()
        chosen = select(merged.c.id)
    else:
        chosen = base.order_by(e.date_start.desc(), e.id.desc())
        if limit:
            chosen = chosen.limit(limit)
    query = (
        select(
            e.id,
            e.type,
            e.date,
            e.date_start,
            src.c.name.label("source"),
            tgt.c.name.label("target"),
            s.places.c.name.label("place"),
            s.places.c.country,
            e.killed,
            e.injured,
            e.arrested,
            e.cameo,
            e.report_count,
            e.first_reported,
            e.last_reported,
        )
        .select_from(
            s.events.outerjoin(src, src.c.id == e.source_id)
            .outerjoin(tgt, tgt.c.id == e.target_id)
            .outerjoin(s.places, s.places.c.id == e.place_id)
        )
        .where(e.id.in_(chosen))
        .order_by(e.date_start.desc(), e.id.desc())
    )
    if limit:
        query = query.limit(limit)
    rows = conn.execute(query).all()
    sources = _sources(conn, s.event_reports, "event_id", [r.id for r in rows]) if evidence else {}
    return [
        EventRecord(
            id=r.id,
            type=r.type,
            date=r.date,
            source=r.source,
            target=r.target,
            place=r.place,
            country=r.country,
            killed=r.killed,
            injured=r.injured,
            arrested=r.arrested,
            cameo=r.cameo,
            reports=r.report_count,
            first_reported=r.first_reported,
            last_reported=r.last_reported,
            sources=sources.get(r.id, []),
        )
        for r in rows
    ]


def find_relations(
    conn: Connection,
    *,
    actor: str | None = None,
    type_: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
    limit: int | None = 100,
    evidence: bool = True,
    actor_id: int | list[int] | None = None,
    types: list[str] | None = None,
    direction: Literal["any", "source", "target"] = "any",
) -> list[RelationRecord]:
    """Relations, with first/last seen and report counts over the reports published until `until`."""
    rel = s.relations.c
    rr = s.relation_reports.c
    src = s.entities.alias("src")
    tgt = s.entities.alias("tgt")
    parent = s.places.alias("parent")
    conditions: list[ColumnElement[bool]] = []
    wanted = [t.upper() for t in (types or ([type_] if type_ else []))]
    if wanted:
        conditions.append(rel.type.in_(wanted))
    ids: list[int] = []
    if actor_id is not None:
        ids = [actor_id] if isinstance(actor_id, int) else list(actor_id)
    elif actor:
        ids = actor_ids(conn, actor) or [-1]
    if ids:
        sides = {
            "source": rel.source_id.in_(ids),
            "target": rel.target_entity_id.in_(ids),
            "any": or_(rel.source_id.in_(ids), rel.target_entity_id.in_(ids)),
        }
        conditions.append(sides[direction])
    if place:
        conditions.append(rel.target_place_id.in_(place_ids(conn, place) or [-1]))
    report_conditions: list[ColumnElement[bool]] = []
    if since:
        report_conditions.append(rr.published >= since)
    if until:
        # Reports without a publication date are kept: they cannot be placed after the cut-off.
        report_conditions.append(or_(rr.published.is_(None), rr.published <= _until_day(until)))
    if text:
        report_conditions.append(rr.id.in_(_text_refs(conn, "relation", text)))
    query = (
        select(
            rel.id,
            rel.type,
            src.c.name.label("source"),
            func.coalesce(tgt.c.name, s.places.c.name).label("target"),
            rel.target_place_id,
            parent.c.name.label("target_parent"),
            func.min(rr.published).label("first_seen"),
            func.max(rr.published).label("last_seen"),
            func.count(func.distinct(rr.story_id)).label("reports"),
        )
        .select_from(
            s.relations.join(s.relation_reports, rr.relation_id == rel.id)
            .join(src, src.c.id == rel.source_id)
            .outerjoin(tgt, tgt.c.id == rel.target_entity_id)
            .outerjoin(s.places, s.places.c.id == rel.target_place_id)
            .outerjoin(parent, parent.c.id == s.places.c.parent_id)
        )
        .where(*conditions, *report_conditions)
        .group_by(
            rel.id, rel.type, src.c.name, tgt.c.name, s.places.c.name, rel.target_place_id, parent.c.name
        )
        .order_by(func.count(func.distinct(rr.story_id)).desc(), func.min(rr.published), rel.id)
    )
    if limit:
        query = query.limit(limit)
    rows = conn.execute(query).all()
    sources: dict[int, list[Source]] = {}
    if evidence and rows:
        sources = _sources(conn, s.relation_reports, "relation_id", [r.id for r in rows])
        if until:
            cut = _until_day(until) or ""
            sources = {k: [x for x in v if not x.published or x.published <= cut] for k, v in sources.items()}
    return [
        RelationRecord(
            id=r.id,
            type=r.type,
            source=r.source,
            target=r.target,
            target_kind="place" if r.target_place_id is not None else "entity",
            first_seen=r.first_seen,
            last_seen=r.last_seen,
            reports=r.reports,
            sources=sources.get(r.id, []),
            target_place_id=r.target_place_id,
            target_parent=r.target_parent,
        )
        for r in rows
    ]


def find_claims(
    conn: Connection,
    *,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
    limit: int | None = 100,
    evidence: bool = True,
) -> list[ClaimRecord]:
    c = s.claims.c
    speaker = s.entities.alias("speaker")
    conditions: list[ColumnElement[bool]] = []
    if actor:
        ids = actor_ids(conn, actor) or [-1]
        about = select(s.claim_entities.c.claim_id).where(s.claim_entities.c.entity_id.in_(ids))
        conditions.append(or_(c.speaker_id.in_(ids), c.id.in_(about)))
    if since:
        conditions.append(c.published >= since)
    if until:
        conditions.append(c.published <= _until_day(until))
    if text:
        conditions.append(c.id.in_(_text_refs(conn, "claim", text)))
    query = (
        select(
            c.id,
            speaker.c.name.label("speaker"),
            c.speaker_text,
            c.cue,
            c.text,
            c.quote,
            c.published,
            c.story_id,
        )
        .select_from(s.claims.outerjoin(speaker, speaker.c.id == c.speaker_id))
        .where(*conditions)
        .order_by(c.published.desc(), c.id.desc())
    )
    if limit:
        query = query.limit(limit)
    rows = conn.execute(query).all()
    documents: dict[int, Source] = {}
    if evidence and rows:
        d = s.documents.c
        claim_docs = conn.execute(
            select(c.id, c.text, c.story_id, d.id.label("document_id"), d.title, d.published, d.url, d.source)
            .select_from(s.claims.join(s.documents, d.id == c.document_id))
            .where(c.id.in_([r.id for r in rows]))
        ).all()
        outlets = story_outlets(conn, sorted({int(r.story_id) for r in claim_docs}))
        documents = {
            r.id: Source(
                r.text, r.document_id, r.title, r.published, outlets.get(r.story_id, []), r.url, r.source
            )
            for r in claim_docs
        }
    return [
        ClaimRecord(
            id=r.id,
            speaker=r.speaker,
            speaker_text=r.speaker_text,
            cue=r.cue,
            text=r.text,
            quote=bool(r.quote),
            published=r.published,
            sources=[documents[r.id]] if r.id in documents else [],
        )
        for r in rows
    ]


def _claim_source(conn: Connection, claim_id: int | None) -> Source | None:
    if claim_id is None:
        return None
    c = s.claims.c
    d = s.documents.c
    row = conn.execute(
        select(c.text, c.story_id, c.speaker_id, c.speaker_text, d.id, d.title, d.published, d.url, d.source)
        .select_from(s.claims.join(s.documents, d.id == c.document_id))
        .where(c.id == claim_id)
    ).first()
    if row is None:
        return None
    outlets = story_outlets(conn, [int(row.story_id)])
    return Source(
        row.text,
        row.id,
        row.title,
        row.published,
        outlets.get(int(row.story_id), []),
        row.url,
        row.source,
        attribution(conn, row.speaker_id, row.speaker_text),
    )


def find_contradictions(
    conn: Connection,
    *,
    actor_id: int | None = None,
    until: str | None = None,
    limit: int | None = 20,
) -> list[ContradictionRecord]:
    k = s.contradictions.c
    conditions: list[ColumnElement[bool]] = []
    if actor_id is not None:
        conditions.append(
            k.id.in_(
                select(s.contradiction_entities.c.contradiction_id).where(
                    s.contradiction_entities.c.entity_id == actor_id
                )
            )
        )
    da = s.documents.alias("da")
    db = s.documents.alias("db")
    query = select(s.contradictions).select_from(s.contradictions)
    if until:
        cut = _until_day(until)
        query = query.select_from(
            s.contradictions.join(da, da.c.id == k.a_document_id).join(db, db.c.id == k.b_document_id)
        )
        conditions.append(or_(da.c.published.is_(None), da.c.published <= cut))
        conditions.append(or_(db.c.published.is_(None), db.c.published <= cut))
    query = query.where(*conditions).order_by(k.id.desc())
    if limit:
        query = query.limit(limit)
    rows = conn.execute(query).all()
    # The evidence of both sides, fetched in one query per kind of report.
    event_reports = _sources(
        conn,
        s.event_reports,
        "id",
        [i for r in rows for i in (r.a_event_report_id, r.b_event_report_id) if i is not None],
        limit=1,
    )
    relation_reports = _sources(
        conn,
        s.relation_reports,
        "id",
        [i for r in rows for i in (r.a_relation_report_id, r.b_relation_report_id) if i is not None],
        limit=1,
    )

    def side(event_report: int | None, relation_report: int | None, claim: int | None) -> Source | None:
        if event_report is not None and event_report in event_reports:
            return event_reports[event_report][0]
        if relation_report is not None and relation_report in relation_reports:
            return relation_reports[relation_report][0]
        return _claim_source(conn, claim)

    return [
        ContradictionRecord(
            id=row.id,
            kind=row.kind,
            field=row.field,
            about=_describe(conn, row.event_id, row.relation_id),
            a_value=row.a_value,
            b_value=row.b_value,
            a_source=row.a_source,
            b_source=row.b_source,
            a_evidence=side(row.a_event_report_id, row.a_relation_report_id, row.a_claim_id),
            b_evidence=side(row.b_event_report_id, row.b_relation_report_id, row.b_claim_id),
        )
        for row in rows
    ]


def _describe(conn: Connection, event_id: int | None, relation_id: int | None) -> str:
    if event_id is not None:
        e = s.events.c
        src = s.entities.alias("src")
        tgt = s.entities.alias("tgt")
        row = conn.execute(
            select(
                e.type,
                e.date,
                src.c.name.label("source"),
                tgt.c.name.label("target"),
                s.places.c.name.label("place"),
            )
            .select_from(
                s.events.outerjoin(src, src.c.id == e.source_id)
                .outerjoin(tgt, tgt.c.id == e.target_id)
                .outerjoin(s.places, s.places.c.id == e.place_id)
            )
            .where(e.id == event_id)
        ).first()
        if row is not None:
            return describe_event(row.type, row.source, row.target, row.place, row.date)
    if relation_id is not None:
        rel = s.relations.c
        src = s.entities.alias("src")
        tgt = s.entities.alias("tgt")
        pair = conn.execute(
            select(src.c.name.label("source"), tgt.c.name.label("target"))
            .select_from(
                s.relations.join(src, src.c.id == rel.source_id).outerjoin(
                    tgt, tgt.c.id == rel.target_entity_id
                )
            )
            .where(rel.id == relation_id)
        ).first()
        if pair is not None:
            return f"{pair.source} and {pair.target}"
    return "opposed claims"


def describe_event(
    type_: str, source: str | None, target: str | None, place: str | None, date: str | None
) -> str:
    words = [type_]
    if source:
        words.append(f"by {source}")
    if target:
        words.append(
            f"against {target}" if type_ in {"ASSAULT", "COERCE", "THREATEN", "ACCUSE"} else f"-> {target}"
        )
    if place:
        words.append(f"in {place}")
    if date:
        words.append(f"({date})")
    return " ".join(words)


@dataclass
class CounterpartRecord:
    """Another actor this one acted with or against, summed over events of some types."""

    name: str
    events: int
    types: list[str]
    first_seen: str | None
    last_seen: str | None
    sources: list[Source] = field(default_factory=list)


def event_counterparts(
    conn: Connection, actor_id: int, types: list[str], *, until: str | None = None, limit: int = 10
) -> list[CounterpartRecord]:
    """Actors on the other side of `actor_id`'s latest events of `types` (either direction), most first."""
    e = s.events.c
    cut = _until_day(until)
    sides = []
    for mine, theirs in ((e.source_id, e.target_id), (e.target_id, e.source_id)):
        query = select(theirs.label("other"), e.id, e.type, e.date_start).where(
            mine == actor_id, e.type.in_(types), theirs.is_not(None), theirs != actor_id
        )
        if cut:
            query = query.where(e.date_start <= cut)
        # The latest events only: bounded work for an actor with hundreds of thousands of events,
        # and recent conduct is what a briefing is about.
        query = query.order_by(e.date_start.desc(), e.id.desc()).limit(RECENT_EVENTS)
        sides.append(query.subquery().select())
    rows = conn.execute(union_all(*sides)).all()
    grouped: dict[int, list[Any]] = {}
    for row in rows:
        grouped.setdefault(int(row.other), []).append(row)
    ranked = sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0]))[:limit]
    names = dict(
        conn.execute(
            select(s.entities.c.id, s.entities.c.name).where(s.entities.c.id.in_([k for k, _ in ranked]))
        ).all()
    )
    latest = {k: max(v, key=lambda r: (r.date_start or "", r.id)).id for k, v in ranked}
    sources = _sources(conn, s.event_reports, "event_id", list(latest.values()), limit=2)
    found = []
    for other, items in ranked:
        dates = sorted(r.date_start for r in items if r.date_start)
        found.append(
            CounterpartRecord(
                name=names[other],
                events=len(items),
                types=sorted({r.type for r in items}),
                first_seen=dates[0] if dates else None,
                last_seen=dates[-1] if dates else None,
                sources=sources.get(latest[other], []),
            )
        )
    return found


def part_ids(conn: Connection, actor_id: int) -> list[int]:
    """Units that are part of the actor (its media arm, its branches): they operate on its behalf."""
    rel = s.relations.c
    return [
        int(i)
        for i in conn.execute(
            select(rel.source_id).where(rel.type == "PART_OF", rel.target_entity_id == actor_id).distinct()
        ).scalars()
    ]
