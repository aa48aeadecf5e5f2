"""The word lists of `newsgraph_relations` (data/relations_lexicon.json), loaded once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class Lexicon:
    roles: dict[str, str]  # role noun -> relation type ("chief" -> LEADER_OF)
    parts: frozenset[str]
    rivals: frozenset[str]
    allies: frozenset[str]
    alliances: frozenset[str]
    hostile_verbs: frozenset[str]
    hostile_nouns: frozenset[str]
    ally_verbs: frozenset[str]
    support_verbs: frozenset[str]
    support_nouns: frozenset[str]
    presence_preps: frozenset[str]
    presence_verbs_from: frozenset[str]
    actor_heads: frozenset[str]
    unit_heads: frozenset[str]
    control_verbs: frozenset[str]
    removal_verbs: frozenset[str]
    join_verbs: frozenset[str]
    attitude_verbs: frozenset[str]
    place_nouns: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads(files("newsgraph").joinpath("data/relations_lexicon.json").read_text(encoding="utf-8"))
    roles = {word: kind for kind, words in raw["roles"].items() for word in words}
    lists = {key: frozenset(raw[key]) for key in Lexicon.__dataclass_fields__ if key != "roles"}
    return Lexicon(roles=roles, **lists)
