from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app
from tests.conftest import SEED

runner = CliRunner()


def test_extract_prints_one_contract_object() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"document", "entities", "places", "events", "relations", "claims", "times"}
    assert data["document"]["title"].startswith("14 Years Later")


def test_jsonl_batch_keeps_order_and_reports_bad_lines_inline(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Rebels attacked the town of Kunduz on Monday, officials said."}),
        "{not json",
        json.dumps({"id": "c", "text": "", "published": "2015-08-14"}),
        json.dumps({"id": "d", "text": "Troops left the city.", "clean": False}),
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--jsonl", str(batch), "--format", "jsonl"])
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("input_id") for o in out] == ["a", None, "c", "d"]
    assert "error" in out[1] and "invalid JSON" in out[1]["error"]
    assert "error" in out[2]
    assert out[3]["document"]["body"] == "Troops left the city."


def test_missing_file_fails_with_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and "nope.txt" in errors[0]
