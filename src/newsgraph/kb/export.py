"""Exports of the knowledge base: contract JSONL, Parquet tables, GDELT-style event CSV, GraphML of the
actor network (opens in Gephi), PLOVER-style JSON events.

Rows are streamed in batches, so exports of a large knowledge base run in bounded memory.
"""

from __future__ import annotations

import csv
import importlib
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Connection, Engine, Table, select

from newsgraph.store import schema as s

LOGGER = logging.getLogger(__name__)

BATCH = 10_000

# PLOVER and our extra types -> the CAMEO root code they correspond to, for events without a CAMEO
# code of their own (Event.cameo is filled by the event coder when it knows better).
PLOVER_TO_CAMEO_ROOT = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "REQUEST": "02",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "18",
    "RELOCATE": "15",
    "DEFECT": "08",
    "CLAIM_TERRITORY": "13",
    "CLAIM_RESPONSIBILITY": "01",
    "LEADERSHIP_CHANGE": "01",
    "DEATH": "18",
}

GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
    "PLOVERType",
]

_ACTOR_TYPE_CODES = {"GOVERNMENT": "GOV", "STATE": "GOV", "ARMED_GROUP": "REB", "MEDIA": "MED", "PERSON": ""}
_GEO_TYPES = {"country": 1, "admin1": 5, "admin2": 5, "city": 4}


def cameo_root(code: str | None, plover: str) -> str:
    if code:
        return code[:2]
    return PLOVER_TO_CAMEO_ROOT.get(plover, "")


def quad_class(root: str) -> int | None:
    """GDELT's QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    if not root.isdigit():
        return None
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


def _event_rows(conn: Connection) -> Iterator[Any]:
    e = s.events.c
    src = s.entities.alias("src")
    tgt = s.entities.alias("tgt")
    query = (
        select(
            e.id,
            e.type,
            e.date,
            e.date_start,
            e.cameo,
            e.intensity,
            e.killed,
            e.injured,
            e.arrested,
            e.report_count,
            e.first_reported,
            src.c.name.label("source"),
            src.c.country.label("source_country"),
            src.c.type.label("source_type"),
            tgt.c.name.label("target"),
            tgt.c.country.label("target_country"),
            tgt.c.type.label("target_type"),
            s.places.c.name.label("place"),
            s.places.c.country.label("place_country"),
            s.places.c.lat,
            s.places.c.lon,
            s.places.c.feature,
            s.places.c.geonames_id,
            s.places.c.admin1,
        )
        .select_from(
            s.events.outerjoin(src, src.c.id == e.source_id)
            .outerjoin(tgt, tgt.c.id == e.target_id)
            .outerjoin(s.places, s.places.c.id == e.place_id)
        )
        .order_by(e.id)
    )
    yield from conn.execution_options(stream_results=True, yield_per=BATCH).execute(query)


def _first_reports(conn: Connection, event_ids: list[int]) -> dict[int, Any]:
    r = s.event_reports.c
    d = s.documents.c
    rows = conn.execute(
        select(r.event_id, r.evidence, r.modality, d.url, d.source, d.title, s.outlets.c.name.label("outlet"))
        .select_from(
            s.event_reports.join(s.documents, d.id == r.document_id).outerjoin(
                s.outlets, s.outlets.c.id == d.outlet_id
            )
        )
        .where(r.event_id.in_(event_ids))
        .order_by(r.id)
    ).all()
    found: dict[int, Any] = {}
    for row in rows:
        found.setdefault(int(row.event_id), row)
    return found


def _batched(rows: Iterator[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def export_gdelt(engine: Engine, out: TextIO) -> int:
    """GDELT 1.0-style event table (tab-separated, with a header) with CAMEO codes; returns the rows written."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(GDELT_COLUMNS)
    written = 0
    with engine.connect() as conn, engine.connect() as lookups:
        for batch in _batched(_event_rows(conn)):
            reports = _first_reports(lookups, [row.id for row in batch])
            for row in batch:
                day = (row.date_start or "").replace("-", "")
                root = cameo_root(row.cameo, row.type)
                report = reports.get(row.id)
                writer.writerow(
                    [
                        row.id,
                        day,
                        day[:6],
                        day[:4],
                        (row.source or "").upper(),
                        row.source_country or "",
                        _ACTOR_TYPE_CODES.get(row.source_type or "", ""),
                        (row.target or "").upper(),
                        row.target_country or "",
                        _ACTOR_TYPE_CODES.get(row.target_type or "", ""),
                        1,
                        row.cameo or (root + "0" if root else ""),
                        (row.cameo or root)[:3],
                        root,
                        quad_class(root) or "",
                        "" if row.intensity is None else row.intensity,
                        row.report_count,
                        row.report_count,
                        row.report_count,
                        _GEO_TYPES.get(row.feature or "", 0 if row.place is None else 4),
                        row.place or "",
                        row.place_country or "",
                        "" if row.lat is None else row.lat,
                        "" if row.lon is None else row.lon,
                        row.geonames_id or "",
                        (row.first_reported or "").replace("-", ""),
                        (report.url or report.source or "") if report else "",
                        row.type,
                    ]
                )
                written += 1
    return written


def export_plover(engine: Engine, out: TextIO) -> int:
    """PLOVER-style event records (one JSON object a line): type, actor, recipient, location, date, text."""
    written = 0
    with engine.connect() as conn, engine.connect() as lookups:
        for batch in _batched(_event_rows(conn)):
            reports = _first_reports(lookups, [row.id for row in batch])
            for row in batch:
                report = reports.get(row.id)
                record = {
                    "id": row.id,
                    "event_type": row.type,
                    "mode": report.modality if report else None,
                    "event_date": row.date,
                    "actor": row.source,
                    "actor_country": row.source_country,
                    "recipient": row.target,
                    "recipient_country": row.target_country,
                    "location": {
                        "name": row.place,
                        "country": row.place_country,
                        "admin1": row.admin1,
                        "lat": row.lat,
                        "lon": row.lon,
                        "geonames_id": row.geonames_id,
                    }
                    if row.place
                    else None,
                    "fatalities": row.killed,
                    "injuries": row.injured,
                    "arrests": row.arrested,
                    "cameo": row.cameo,
                    "num_reports": row.report_count,
                    "event_text": report.evidence if report else None,
                    "source": (report.outlet or report.source) if report else None,
                    "url": report.url if report else None,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
    return written


def export_jsonl(engine: Engine, out: TextIO) -> int:
    """Every stored document's extraction in the contract's shape, with its story id, one a line."""
    d = s.documents.c
    written = 0
    with engine.connect() as conn:
        rows = conn.execution_options(stream_results=True, yield_per=1000).execute(
            select(d.extraction, d.story_id, d.canonical).order_by(d.ingested_at, d.id)
        )
        for row in rows:
            payload = dict(row.extraction)
            payload["story_id"] = row.story_id
            payload["syndicated_copy"] = not row.canonical
            out.write(json.dumps(payload, ensure_ascii=False) + "\n")
            written += 1
    return written


PARQUET_TABLES: tuple[Table, ...] = (
    s.documents,
    s.stories,
    s.outlets,
    s.entities,
    s.entity_aliases,
    s.places,
    s.events,
    s.event_reports,
    s.relations,
    s.relation_reports,
    s.claims,
    s.contradictions,
    s.failures,
)


def export_parquet(engine: Engine, directory: Path) -> dict[str, int]:
    """One Parquet file per table in `directory` (documents without their derived JSON and signature)."""
    pyarrow = importlib.import_module("pyarrow")
    parquet = importlib.import_module("pyarrow.parquet")
    directory.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with engine.connect() as conn:
        for table in PARQUET_TABLES:
            columns = [c for c in table.c if c.name not in {"extraction", "minhash"}]
            rows = conn.execution_options(stream_results=True, yield_per=BATCH).execute(select(*columns))
            names = [c.name for c in columns]
            writer = None
            total = 0
            for batch in _batched(iter(rows)):
                data = {name: [_plain(row[i]) for row in batch] for i, name in enumerate(names)}
                chunk = pyarrow.table(data)
                if writer is None:
                    writer = parquet.ParquetWriter(str(directory / f"{table.name}.parquet"), chunk.schema)
                writer.write_table(chunk.cast(writer.schema))
                total += len(batch)
            if writer is None:
                empty = pyarrow.table({name: pyarrow.array([], type=pyarrow.string()) for name in names})
                parquet.write_table(empty, str(directory / f"{table.name}.parquet"))
            else:
                writer.close()
            counts[table.name] = total
    return counts


def _plain(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def actor_graph(engine: Engine) -> Any:
    """The actor network as a networkx MultiDiGraph: actors as nodes, relations between actors as edges."""
    networkx = importlib.import_module("networkx")
    graph = networkx.MultiDiGraph()
    rel = s.relations.c
    src = s.entities.alias("src")
    tgt = s.entities.alias("tgt")
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                rel.id,
                rel.type,
                rel.first_seen,
                rel.last_seen,
                rel.report_count,
                src.c.id.label("source_id"),
                src.c.name.label("source"),
                src.c.type.label("source_type"),
                tgt.c.id.label("target_id"),
                tgt.c.name.label("target"),
                tgt.c.type.label("target_type"),
            )
            .select_from(
                s.relations.join(src, src.c.id == rel.source_id).join(tgt, tgt.c.id == rel.target_entity_id)
            )
            .order_by(rel.id)
        )
        for row in rows:
            for node, name, kind in (
                (row.source_id, row.source, row.source_type),
                (row.target_id, row.target, row.target_type),
            ):
                graph.add_node(f"e{node}", label=name, type=kind)
            graph.add_edge(
                f"e{row.source_id}",
                f"e{row.target_id}",
                key=f"r{row.id}",
                label=row.type,
                type=row.type,
                weight=row.report_count,
                first_seen=row.first_seen or "",
                last_seen=row.last_seen or "",
            )
    return graph


def export_graphml(engine: Engine, path: Path) -> tuple[int, int]:
    networkx = importlib.import_module("networkx")
    graph = actor_graph(engine)
    networkx.write_graphml(graph, str(path))
    return graph.number_of_nodes(), graph.number_of_edges()
