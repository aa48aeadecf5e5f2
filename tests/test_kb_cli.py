"""The knowledge-base commands end to end: ingest (real extraction of tiny inputs), brief, query, export."""

from __future__ import annotations

import csv
import importlib
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.kb.ingest import ingest_extractions
from newsgraph.store import open_engine
from newsgraph.store import schema as s
from tests.fixtures.kb import reports

runner = CliRunner()


@pytest.fixture
def kb_path(tmp_path: Path) -> Path:
    path = tmp_path / "kb.db"
    engine = open_engine(str(path))
    ingest_extractions(reports.all_reports(), engine)
    engine.dispose()
    return path


def _rows(path: Path) -> dict[str, int]:
    engine = open_engine(str(path))
    with engine.connect() as conn:
        counts = {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in s.metadata.sorted_tables
        }
    engine.dispose()
    return counts


def test_ingest_is_idempotent_and_reports_failures(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(
        "Rebels attacked the town of Kunduz on Monday, killing four soldiers, officials said.\n",
        encoding="utf-8",
    )
    (inputs / "b.txt").write_text(
        "The government announced new talks with tribal elders in Kandahar on Tuesday.\n", encoding="utf-8"
    )
    (inputs / "empty.txt").write_text("   \n", encoding="utf-8")
    db = tmp_path / "kb.db"
    first = runner.invoke(app, ["ingest", str(inputs), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert re.search(r"new stories\s*│\s*2\s*│", first.stdout), first.stdout
    assert "empty.txt: error NG101" in first.stderr
    rows = _rows(db)
    assert rows["documents"] == 2 and rows["failures"] == 1
    engine = open_engine(str(db))
    with engine.connect() as conn:
        raw = conn.execute(
            select(s.documents.c.raw, s.documents.c.raw_kind).order_by(s.documents.c.source)
        ).all()
    engine.dispose()
    assert raw[0] == (
        "Rebels attacked the town of Kunduz on Monday, killing four soldiers, officials said.\n",
        "text",
    )
    again = runner.invoke(app, ["ingest", str(inputs), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert re.search(r"duplicates \(stored already\)\s*│\s*2\s*│", again.stdout), again.stdout
    assert _rows(db) == rows


def test_brief_prints_markdown_and_rejects_unknown_actors(kb_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    result = runner.invoke(
        app,
        ["brief", "al-Qaida", "--db", str(kb_path), "--evidence", "--markdown", str(out), "-f", "markdown"],
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text == result.stdout
    assert text.startswith("# al-Qaida\n")
    for section in (
        "## Leaders",
        "## Operates in",
        "## Allies",
        "## Rivals",
        "## Recent events",
        "## Contradictions",
    ):
        assert section in text
    assert "“Al-Qaida recently moved its media arm to Helmand province" in text  # --evidence
    rich = runner.invoke(app, ["brief", "Taliban", "--db", str(kb_path)])
    assert rich.exit_code == 0 and "Contradictions" in rich.stdout
    unknown = runner.invoke(app, ["brief", "Nobody At All", "--db", str(kb_path)])
    assert unknown.exit_code == 1


def test_query_command_filters_and_prints_jsonl(kb_path: Path) -> None:
    result = runner.invoke(
        app,
        ["query", "events", "--db", str(kb_path), "--actor", "Taliban", "--type", "assault", "-f", "jsonl"],
    )
    assert result.exit_code == 0, result.output
    (event,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert event["reports"] == 3 and event["place"] == "Kabul"
    assert {o for src in event["sources"] for o in src["outlets"]} == {
        "Kabul Times",
        "Frontier Post",
        "Gulf Wire",
    }
    claims = runner.invoke(app, ["query", "claims", "--db", str(kb_path), "--text", "Karachi", "-f", "csv"])
    assert claims.exit_code == 0
    rows = list(csv.DictReader(claims.stdout.splitlines()))
    assert [r["speaker"] for r in rows] == ["Afghanistan"]


def test_exports(kb_path: Path, tmp_path: Path) -> None:
    def export(fmt: str, name: str) -> Path:
        out = tmp_path / name
        result = runner.invoke(app, ["export", fmt, "--db", str(kb_path), "--out", str(out)])
        assert result.exit_code == 0, result.output
        return out

    lines = export("jsonl", "kb.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 6
    assert set(records[0]) >= {
        "document",
        "entities",
        "places",
        "events",
        "relations",
        "claims",
        "times",
        "story_id",
    }

    with export("gdelt", "events.tsv").open(encoding="utf-8") as handle:
        gdelt = list(csv.DictReader(handle, delimiter="\t"))
    attack = next(
        row for row in gdelt if row["PLOVERType"] == "ASSAULT" and row["ActionGeo_FullName"] == "Kabul"
    )
    assert (attack["EventCode"], attack["EventRootCode"], attack["QuadClass"]) == ("180", "18", "4")
    assert attack["SQLDATE"] == "20150622" and attack["NumArticles"] == "3"
    assert attack["Actor1Name"] == "TALIBAN" and attack["ActionGeo_CountryCode"] == "AF"

    plover = [json.loads(line) for line in export("plover", "events.plover.jsonl").read_text().splitlines()]
    assert {p["event_type"] for p in plover} >= {"ASSAULT", "DEATH", "RELOCATE"}

    networkx = importlib.import_module("networkx")
    graph = networkx.read_graphml(str(export("graphml", "actors.graphml")))
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert {"al-Qaida", "Taliban", "Islamic State", "Ayman al-Zawahiri"} <= labels
    assert {data["type"] for *_, data in graph.edges(data=True)} >= {"ALLY", "HOSTILE", "LEADER_OF"}

    parquet = importlib.import_module("pyarrow.parquet")
    directory = export("parquet", "tables")
    events = parquet.read_table(str(directory / "events.parquet"))
    assert events.num_rows == _rows(kb_path)["events"]
    assert "extraction" not in parquet.read_table(str(directory / "documents.parquet")).column_names
