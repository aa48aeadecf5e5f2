"""The knowledge-base schema, one definition for SQLite and PostgreSQL (SQLAlchemy Core).

Facts are kept with their reports: an `events` row is the merged event, each `event_reports` row one
article's account of it (its sentence, figures, date and who it is attributed to). Relations and
claims follow the same pattern, so every line of a briefing leads back to sentences and outlets.
Dates are ISO strings (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as the contract gives them; `date_start` /
`date_end` hold the day range such a string covers, so that range filters use plain string order.

Changing this module needs a new Alembic revision under `newsgraph/migrations/versions/`.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

outlets = Table(
    "outlets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(300), nullable=False, unique=True),  # folded name: one row per outlet
    Column("name", String(300), nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text),
    Column("first_published", String(10)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # the content hash the reader gives
    Column("story_id", Integer, ForeignKey("stories.id"), nullable=False, index=True),
    Column("outlet_id", Integer, ForeignKey("outlets.id"), index=True),
    # True for the story's first document: its facts are merged; syndicated copies only list outlets.
    Column("canonical", Boolean, nullable=False),
    Column("similarity", Float),  # estimated Jaccard similarity to the story's first document
    Column("title", Text),
    Column("authors", JSON, nullable=False),
    Column("published", String(10), index=True),
    Column("published_source", String(20)),
    Column("published_precision", String(10)),
    Column("license", Text),
    Column("language", String(10)),
    Column("url", Text),
    Column("source", Text),
    Column("input_format", String(10)),
    Column("input_id", Text),
    Column("body", Text, nullable=False),
    Column("extraction", JSON, nullable=False),  # the derived record: the contract's JSON
    Column("raw", Text),  # the input as read (text or HTML), when the ingest had it
    Column("raw_kind", String(10)),  # text | html
    Column(
        "minhash", LargeBinary
    ),  # MinHash signature (affine32 scheme, uint32 little-endian) for near-duplicates
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

# Every place a document was read from; an exact copy read again elsewhere adds a row here, not a document.
document_sources = Table(
    "document_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("outlet_id", Integer, ForeignKey("outlets.id")),
    Column("url", Text),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("document_id", "source", name="uq_document_sources_document_source"),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("input_id", Text),
    Column("code", String(10), nullable=False),
    Column("reason", Text, nullable=False),
    Column("skipped", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source", "code", name="uq_failures_source_code"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(300), nullable=False, unique=True),  # "reg:<registry id>" or "name:<folded>"
    Column("name", String(300), nullable=False),
    Column("type", String(20), nullable=False),
    Column("registry_id", String(100), index=True),
    Column("country", String(10)),
    Column("role", Text),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False, index=True),
    Column("alias", String(300), nullable=False),
    Column("alias_key", String(300), nullable=False, index=True),  # folded, for look-ups
    UniqueConstraint("entity_id", "alias", name="uq_entity_aliases_entity_alias"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False, index=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(300), nullable=False, unique=True),  # "gn:<geonames id>" or "name:<folded>|<cc>"
    Column("name", String(300), nullable=False),
    Column("country", String(10)),
    Column("lat", Float),
    Column("lon", Float),
    Column("feature", String(20)),
    Column("geonames_id", Integer),
    Column("admin1", String(100)),
    Column("parent_id", Integer, ForeignKey("places.id")),
)

place_mentions = Table(
    "place_mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("place_id", Integer, ForeignKey("places.id"), nullable=False, index=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("type", String(30), nullable=False),
    Column("source_id", Integer, ForeignKey("entities.id")),
    Column("target_id", Integer, ForeignKey("entities.id")),
    Column("place_id", Integer, ForeignKey("places.id"), index=True),
    Column("date", String(10)),  # as first reported (explicit date, else the report's publication date)
    Column("date_start", String(10), index=True),
    Column("date_end", String(10)),
    Column("killed", Integer),
    Column("injured", Integer),
    Column("arrested", Integer),
    Column("cameo", String(10)),
    Column("intensity", Float),
    Column("report_count", Integer, nullable=False),  # stories that report it
    Column("first_reported", String(10)),
    Column("last_reported", String(10)),
    Index("ix_events_source_date", "source_id", "date_start"),
    Index("ix_events_target_date", "target_id", "date_start"),
    Index("ix_events_type_date", "type", "date_start"),
)

event_reports = Table(
    "event_reports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False, index=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
    Column("story_id", Integer, ForeignKey("stories.id"), nullable=False),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("date", String(10)),  # the date this report gives, if any
    Column("killed", Integer),
    Column("injured", Integer),
    Column("arrested", Integer),
    Column("attributed_to", Integer, ForeignKey("entities.id")),
    Column("attributed_text", Text),
    Column("modality", String(20)),
    Column("trigger", Text),
    Column("published", String(10)),
)

relations = Table(
    "relations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("type", String(30), nullable=False),
    Column("source_id", Integer, ForeignKey("entities.id"), nullable=False),
    Column("target_entity_id", Integer, ForeignKey("entities.id")),
    Column("target_place_id", Integer, ForeignKey("places.id")),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("report_count", Integer, nullable=False),
    Index("ix_relations_source_type", "source_id", "type"),
    Index("ix_relations_target_type", "target_entity_id", "type"),
    Index("ix_relations_place", "target_place_id"),
)

relation_reports = Table(
    "relation_reports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("relation_id", Integer, ForeignKey("relations.id"), nullable=False, index=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
    Column("story_id", Integer, ForeignKey("stories.id"), nullable=False),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("attributed_to", Integer, ForeignKey("entities.id")),
    Column("attributed_text", Text),
    Column("published", String(10)),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
    Column("story_id", Integer, ForeignKey("stories.id"), nullable=False),
    Column("idx", Integer, nullable=False),  # position in the article's claim list
    Column("speaker_id", Integer, ForeignKey("entities.id"), index=True),
    Column("speaker_text", Text),
    Column("cue", Text),
    Column("text", Text, nullable=False),
    Column("quote", Boolean, nullable=False),
    Column("text_start", Integer),
    Column("text_end", Integer),
    Column("published", String(10)),
)

# The entities a claim is about (mentioned inside its text), for "claims about X" and contradictions.
claim_entities = Table(
    "claim_entities",
    metadata,
    Column("claim_id", Integer, ForeignKey("claims.id"), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True, index=True),
)

contradictions = Table(
    "contradictions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),  # figure | date | claim | relation
    Column("field", String(20)),  # killed | injured | arrested | date | ALLY/HOSTILE ...
    Column("event_id", Integer, ForeignKey("events.id"), index=True),
    Column("relation_id", Integer, ForeignKey("relations.id")),
    Column("a_value", Text),
    Column("b_value", Text),
    Column("a_event_report_id", Integer, ForeignKey("event_reports.id")),
    Column("b_event_report_id", Integer, ForeignKey("event_reports.id")),
    Column("a_claim_id", Integer, ForeignKey("claims.id")),
    Column("b_claim_id", Integer, ForeignKey("claims.id")),
    Column("a_relation_report_id", Integer, ForeignKey("relation_reports.id")),
    Column("b_relation_report_id", Integer, ForeignKey("relation_reports.id")),
    Column("a_document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("b_document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("a_source", Text),  # who says it: the attribution, else the outlet
    Column("b_source", Text),
    Column("detected_at", DateTime(timezone=True), nullable=False),
)

contradiction_entities = Table(
    "contradiction_entities",
    metadata,
    Column("contradiction_id", Integer, ForeignKey("contradictions.id"), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True, index=True),
)

# One row per searchable sentence (event and relation evidence, claim text). SQLite indexes it with
# FTS5 (an external-content table kept in step by triggers), PostgreSQL with a GIN tsvector index;
# both are created by the migration, outside SQLAlchemy's table model.
search_text = Table(
    "search_text",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),  # event | relation | claim
    Column("ref_id", Integer, nullable=False),  # the event_reports / relation_reports / claims row
    Column("text", Text, nullable=False),
    Index("ix_search_text_kind_ref", "kind", "ref_id"),
)
