"""The cue lexicon of `newsgraph_claims` (data/claims_cues.json), loaded once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]
    object_verbs: frozenset[str]
    hedge_verbs: frozenset[str]
    contradict_verbs: frozenset[str]
    nouns: frozenset[str]
    pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    person_nouns: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = json.loads(files("newsgraph").joinpath("data/claims_cues.json").read_text(encoding="utf-8"))
    return Cues(**{key: frozenset(raw[key]) for key in Cues.__dataclass_fields__})
