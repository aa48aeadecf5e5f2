"""Actors: the canonical registry (`registry`) and linking mentions to it (`linking`, `component`).

from newsgraph.actors import load_registry
registry = load_registry()
registry.leaders_of("actor:taliban", on="2015-08-14")
"""

from __future__ import annotations

from newsgraph.actors.registry import Actor, Registry, Role, load_registry, normalize

__all__ = ["Actor", "Registry", "Role", "load_registry", "normalize"]
