"""Knowledge-base store: idempotent ingest, story clusters, merging, contradictions, briefing, queries.

Every test runs on SQLite and, when NEWSGRAPH_TEST_PG_URL is set (CI starts a PostgreSQL server), on
PostgreSQL too. The extractions are hand-built (tests/fixtures/kb/reports.py), so no NLP runs here
except where the seed's shared extraction is reused.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text

from newsgraph.kb.brief import build_briefing, render_markdown
from newsgraph.kb.ingest import ingest_extractions
from newsgraph.kb.query import KnowledgeBase
from newsgraph.model import Failure
from newsgraph.store import Writer, open_engine
from newsgraph.store import schema as s
from tests.fixtures.kb import reports

PG_URL = os.environ.get("NEWSGRAPH_TEST_PG_URL")


def _reset_postgres(url: str) -> None:
    engine = open_engine(url, migrate=False)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=pytest.mark.skipif(
                not PG_URL, reason="NEWSGRAPH_TEST_PG_URL is not set (no PostgreSQL server to test against)"
            ),
        ),
    ]
)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'kb.db'}"
    else:
        assert PG_URL
        url = PG_URL
        _reset_postgres(url)
    built = open_engine(url)
    yield built
    built.dispose()


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in s.metadata.sorted_tables
        }


def test_schema_is_created_on_first_use_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "dir" / "kb.db"
    engine = open_engine(str(path))
    assert path.exists()
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002"
    # Opening again does not migrate again.
    open_engine(str(path)).dispose()
    engine.dispose()


def test_an_older_schema_is_upgraded_on_open(tmp_path: Path) -> None:
    from alembic import command

    from newsgraph.store.engine import alembic_config

    path = tmp_path / "old.db"
    old = open_engine(str(path), migrate=False)
    cfg = alembic_config()
    with old.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    old.dispose()
    engine = open_engine(str(path))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002"
        conn.execute(text("SELECT raw, raw_kind FROM documents"))
    engine.dispose()


def test_reingest_adds_no_rows(engine: Engine) -> None:
    first = ingest_extractions(reports.all_reports(), engine)
    assert (first.new, first.duplicate) == (6, 0)
    before = _counts(engine)
    again = ingest_extractions(reports.all_reports(), engine)
    assert (again.new, again.syndicated, again.duplicate) == (0, 0, 6)
    assert _counts(engine) == before


def test_reports_of_one_attack_merge_into_one_event(engine: Engine) -> None:
    ingest_extractions(reports.attack_reports(), engine)
    kb = KnowledgeBase(engine=engine)
    attacks = kb.events(type="ASSAULT", actor="Taliban")
    assert len(attacks) == 1
    attack = attacks[0]
    assert attack.reports == 3
    assert (attack.source, attack.target, attack.place) == ("Taliban", "Afghan parliament", "Kabul")
    assert attack.killed == 2 and attack.injured == 31  # the first report's figures; disputes are below
    assert {o for src in attack.sources for o in src.outlets} == {"Kabul Times", "Frontier Post", "Gulf Wire"}


def test_disagreeing_figures_and_dates_are_contradictions_with_both_sources(engine: Engine) -> None:
    ingest_extractions(reports.attack_reports(), engine)
    briefing = build_briefing(engine, "Taliban")
    by_field = {c.field: c for c in briefing.contradictions}
    injured = by_field["injured"]
    assert {injured.a_value, injured.b_value} == {"31", "18"}
    assert injured.a_source == "Kabul Times"
    assert injured.b_source == "Sediq Sediqqi via Frontier Post"
    assert injured.a_evidence and "injuring 31" in injured.a_evidence.evidence
    assert injured.b_evidence and "18 were wounded" in injured.b_evidence.evidence
    date = by_field["date"]
    assert {date.a_value, date.b_value} == {"2015-06-22", "2015-06-21"}
    assert date.b_source == "Gulf Wire"
    # Agreeing figures (two killed everywhere) are no contradiction.
    assert "killed" not in by_field
    markdown = render_markdown(briefing, evidence=True)
    assert "'31' (Kabul Times) vs '18' (Sediq Sediqqi via Frontier Post)" in markdown


def test_claims_in_opposition_are_stored_with_both_speakers(engine: Engine) -> None:
    ingest_extractions([reports.omar_report()], engine)
    briefing = build_briefing(engine, "Mullah Omar")
    claims = [c for c in briefing.contradictions if c.kind == "claim"]
    assert len(claims) == 1  # listed on both claims, stored once
    claim = claims[0]
    assert claim.a_source == "Taliban via Kabul Times"
    assert claim.b_source == "Afghanistan via Kabul Times"
    assert claim.a_value and "June" in claim.a_value
    assert claim.b_value and "2013" in claim.b_value
    # The dispute is also about the Taliban, who made one of the claims.
    assert [c.kind for c in build_briefing(engine, "Taliban").contradictions] == ["claim"]


def test_al_qaida_briefing_reads_relations_and_attribution(engine: Engine) -> None:
    ingest_extractions([reports.al_qaida_report(), reports.al_qaida_later_report()], engine)
    briefing = build_briefing(engine, "al Qaeda")  # an unseen spelling: fuzzy alias look-up
    assert briefing.actor.name == "al-Qaida"
    assert [r.source for r in briefing.leaders] == ["Ayman al-Zawahiri"]
    assert briefing.leaders[0].reports == 2
    places = {r.target: r for r in briefing.operates_in}
    assert set(places) == {"Helmand", "Afghanistan"}
    helmand = places["Helmand"]
    assert helmand.first_seen == "2015-08-14"
    assert helmand.sources[0].attributed_to == "Bruce Riedel (Brookings)"
    assert helmand.sources[0].outlets == ["Daily Caller News Foundation"]
    (ally,) = briefing.allies
    assert "Taliban" in (ally.source, ally.target)
    assert (ally.first_seen, ally.last_seen, ally.reports) == ("2015-08-14", "2019-03-04", 2)
    (rival,) = briefing.rivals
    assert "Islamic State" in (rival.source, rival.target)
    markdown = render_markdown(briefing)
    assert "Helmand — since 2015-08-14" in markdown
    assert "according to Bruce Riedel (Brookings) via Daily Caller News Foundation" in markdown
    # As of 2016 the UN report had not been published: one report of the alliance, no 2019 clash.
    earlier = build_briefing(engine, "al-Qaida", as_of="2016")
    assert [(r.reports, r.last_seen) for r in earlier.allies] == [(1, "2015-08-14")]
    assert all(e.date and e.date < "2016" for e in earlier.events)


def test_syndicated_copy_joins_the_story_and_doubles_no_count(engine: Engine, seed_extraction: Any) -> None:
    writer = Writer(engine)
    assert writer.add(seed_extraction).status == "new"
    before = _counts(engine)
    paragraphs = [p for p in seed_extraction.document.body.split("\n") if p.strip()]
    # A new header, two paragraphs swapped, one sentence rewritten: the usual syndication edits.
    paragraphs[2], paragraphs[3] = paragraphs[3], paragraphs[2]
    paragraphs[-1] = "This story was edited for length by the Frontier Desk."
    body = "Republished with permission by Example Outlet\n\n" + "\n\n".join(paragraphs)
    copy_document = dataclasses.replace(
        seed_extraction.document,
        id=hashlib.sha256(body.encode()).hexdigest()[:16],
        body=body,
        outlet="Example Outlet",
        source="copy.txt",
    )
    added = writer.add(dataclasses.replace(seed_extraction, document=copy_document))
    assert added.status == "syndicated"
    assert added.similarity is not None and added.similarity > 0.7
    after = _counts(engine)
    assert after["stories"] == before["stories"] == 1
    assert after["documents"] == 2
    for table in ("events", "event_reports", "relations", "relation_reports", "claims", "mentions"):
        assert after[table] == before[table], table
    with engine.connect() as conn:
        outlets = conn.execute(select(s.outlets.c.name).order_by(s.outlets.c.name)).scalars().all()
    assert "Example Outlet" in outlets
    # An unrelated article is a story of its own.
    assert writer.add(reports.omar_report()).status == "new"


def test_queries_filter_by_actor_type_place_dates_and_text(engine: Engine) -> None:
    ingest_extractions(reports.all_reports(), engine)
    kb = KnowledgeBase(engine=engine)
    assert {e.type for e in kb.events(actor="Mullah Omar")} == {"DEATH"}
    assert [e.date for e in kb.events(actor="Omar", since="2015-01-01")] == ["2015-06"]
    assert [e.date for e in kb.events(actor="Omar", until="2014")] == ["2013-04"]
    assert [e.type for e in kb.events(place="Kabul")] == ["ASSAULT"]
    assert {e.place for e in kb.events(place="AF")} == {"Kabul", "Helmand", "Nangarhar"}
    assert [e.type for e in kb.events(text="wounded civilians")] == ["ASSAULT"]
    assert kb.events(text="wounded zebras") == []
    assert [c.speaker for c in kb.claims(text="Karachi hospital")] == ["Afghanistan"]
    assert {c.speaker for c in kb.claims(actor="Omar")} == {"Taliban", "Afghanistan"}
    assert [r.type for r in kb.relations(actor="Mansour")] == ["LEADER_OF"]
    assert {r.target for r in kb.relations(type="OPERATES_IN")} == {"Helmand", "Afghanistan"}
    frame = kb.frame("events", type="ASSAULT")
    assert list(frame["type"]) == ["ASSAULT", "ASSAULT"]
    assert set(frame.columns) >= {"date", "source", "target", "place", "killed", "injured", "reports"}


def test_failures_are_recorded_once_with_reasons(engine: Engine) -> None:
    bad = Failure("broken.json", "NG102", "invalid JSON: line 1")
    skipped = Failure("french.txt", "NG200", "language is 'fr', not English", skipped=True)
    summary = ingest_extractions([bad, skipped, reports.omar_report()], engine)
    assert [f.code for f in summary.failed] == ["NG102"]
    assert [f.code for f in summary.skipped] == ["NG200"]
    ingest_extractions([bad, skipped], engine)
    with engine.connect() as conn:
        rows = conn.execute(select(s.failures.c.source, s.failures.c.reason, s.failures.c.skipped)).all()
    assert sorted(rows) == [
        ("broken.json", "invalid JSON: line 1", False),
        ("french.txt", "language is 'fr', not English", True),
    ]


def test_seed_briefing_end_to_end(tmp_path: Path, seed_extraction: Any) -> None:
    """The seed's real extraction, stored and briefed: al-Qaida's leader, ally and operating areas."""
    engine = open_engine(str(tmp_path / "seed.db"))
    ingest_extractions([seed_extraction], engine)
    briefing = build_briefing(engine, "al-Qaeda")
    assert briefing.actor.name == "al-Qaida"
    assert "Ayman al-Zawahiri" in [r.source for r in briefing.leaders]
    assert any("Taliban" in (r.source, r.target) for r in briefing.allies)
    helmand = [r for r in briefing.operates_in if r.target.startswith("Helmand")]
    assert helmand, [r.target for r in briefing.operates_in]
    said = {source.attributed_to for r in helmand for source in r.sources}
    assert any(who and who.startswith("Bruce Riedel (Brookings") for who in said), said
    assert {o for r in helmand for source in r.sources for o in source.outlets} == {
        "Daily Caller News Foundation"
    }
    engine.dispose()
