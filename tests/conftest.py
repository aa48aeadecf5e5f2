from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "seed" / "dcnf-al-qaida-afghanistan.txt"
CORPUS = ROOT / "data" / "corpus" / "articles.jsonl"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed_extraction():  # type: ignore[no-untyped-def]
    import newsgraph

    return newsgraph.extract(SEED)
