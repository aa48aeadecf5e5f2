"""The canonical actor registry: states and their governments, armed groups, IGOs, media, leaders.

Shipped data (`newsgraph/data/actors.toml`, `newsgraph/data/actors_states.tsv`) plus any TOML files
named in `NEWSGRAPH_ACTORS` (paths separated by the OS path separator), which may add actors and
roles or replace shipped actors by reusing their id. States and governments are generated from
pycountry (ISO 3166-1) and our demonym table, so every state has a distinct government actor:
`state:AF` is Afghanistan, `gov:AF` the Government of Afghanistan, `mil:AF` its armed forces.

    registry = load_registry()
    registry.get("actor:taliban").aliases
    registry.lookup("al-Qaeda")                      # actors with that name or alias
    registry.leaders_of("actor:taliban", on="2015-08-14")
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, cast, get_args

import pycountry

from newsgraph.model import EntityType

LOGGER = logging.getLogger(__name__)

ENV_VAR = "NEWSGRAPH_ACTORS"
TYPES: frozenset[str] = frozenset(get_args(EntityType))


def normalize(text: str) -> str:
    """A lookup key: accents, case, quotes, punctuation, a leading "the" and a possessive folded away."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("\u2019", "'").replace("\u2018", "'").lower()
    folded = re.sub(r"'s\b", "", folded)
    folded = re.sub(r"[^\w\s]", " ", folded)
    folded = re.sub(r"\s+", " ", folded).strip()
    return folded.removeprefix("the ")


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()  # link only when a related actor is in the same article
    country: str | None = None  # ISO alpha-2
    parent: str | None = None
    sources: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Role:
    """`person` held `title` in `of` from `start` to `end` (YYYY[-MM[-DD]]; None = open)."""

    person: str
    of: str
    title: str
    start: str | None = None
    end: str | None = None

    def active_on(self, date: str) -> bool:
        """Whether the role covers `date`; comparisons are on the common precision of the two dates."""

        def before(a: str, b: str) -> bool:
            size = min(len(a), len(b))
            return a[:size] < b[:size]

        if self.start and before(date, self.start):
            return False
        return not (self.end and before(self.end, date))


@dataclass(frozen=True)
class State:
    alpha2: str
    names: tuple[str, ...]  # the canonical short name first
    adjectives: tuple[str, ...]


@dataclass
class Registry:
    actors: dict[str, Actor] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    states: dict[str, State] = field(default_factory=dict)
    extra_aliases: dict[str, list[str]] = field(default_factory=dict)  # added to generated actors
    _by_key: dict[str, list[str]] = field(default_factory=dict)
    _weak_by_key: dict[str, list[str]] = field(default_factory=dict)

    def add(self, actor: Actor) -> None:
        self.actors[actor.id] = actor

    def index(self) -> None:
        """Rebuild the alias look-ups after actors were added."""
        by_key: dict[str, list[str]] = defaultdict(list)
        weak: dict[str, list[str]] = defaultdict(list)
        for actor in self.actors.values():
            for name in actor.names:
                key = normalize(name)
                if key and actor.id not in by_key[key]:
                    by_key[key].append(actor.id)
            for name in actor.weak_aliases:
                key = normalize(name)
                if key and actor.id not in weak[key]:
                    weak[key].append(actor.id)
        self._by_key, self._weak_by_key = dict(by_key), dict(weak)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def lookup(self, name: str) -> list[Actor]:
        """Actors whose canonical name or alias equals `name` after normalisation."""
        return [self.actors[i] for i in self._by_key.get(normalize(name), [])]

    def lookup_weak(self, name: str) -> list[Actor]:
        return [self.actors[i] for i in self._weak_by_key.get(normalize(name), [])]

    def alias_keys(self) -> dict[str, list[str]]:
        """Normalised name -> actor ids (for fuzzy matching)."""
        return self._by_key

    def roles_of(self, person_id: str) -> list[Role]:
        return [role for role in self.roles if role.person == person_id]

    def leaders_of(self, actor_id: str, on: str | None = None) -> list[Role]:
        """The roles held in `actor_id`, or only those active on date `on`."""
        return [r for r in self.roles if r.of == actor_id and (on is None or r.active_on(on))]

    def related(self, actor_id: str) -> set[str]:
        """Actors tied to `actor_id` by a role or by parenthood, in either direction."""
        out: set[str] = set()
        actor = self.actors.get(actor_id)
        if actor and actor.parent:
            out.add(actor.parent)
        for role in self.roles:
            if role.person == actor_id:
                out.add(role.of)
            elif role.of == actor_id:
                out.add(role.person)
        out.update(a.id for a in self.actors.values() if a.parent == actor_id)
        return out

    def state(self, alpha2: str) -> Actor | None:
        return self.actors.get(f"state:{alpha2}")

    def government(self, alpha2: str) -> Actor | None:
        return self.actors.get(f"gov:{alpha2}")

    def forces(self, alpha2: str) -> Actor | None:
        return self.actors.get(f"mil:{alpha2}")


# States whose English short name takes "the" ("the Government of the United States").
_TAKES_ARTICLE = frozenset(
    {"US", "GB", "NL", "PH", "CF", "CD", "CG", "CZ", "AE", "DO", "KM", "MV", "MH", "SB", "SC"}
)


def _states_table() -> list[tuple[str, list[str], list[str]]]:
    text = resources.files("newsgraph.data").joinpath("actors_states.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [*line.split("\t"), "", ""][:3]
        names = [n.strip() for n in parts[1].split("|") if n.strip()]
        adjectives = [a.strip() for a in parts[2].split("|") if a.strip()]
        rows.append((parts[0].strip(), names, adjectives))
    return rows


def _add_states(registry: Registry) -> None:
    for alpha2, extra_names, adjectives in _states_table():
        country = pycountry.countries.get(alpha_2=alpha2)
        if country is None:
            LOGGER.warning("actors_states.tsv: unknown ISO code %s", alpha2)
            continue
        iso_names = [
            getattr(country, "common_name", None),
            country.name,
            getattr(country, "official_name", None),
        ]
        names = list(dict.fromkeys(n for n in [*extra_names, *iso_names] if n))
        registry.states[alpha2] = State(alpha2, tuple(names), tuple(adjectives))
        name = names[0]
        registry.add(Actor(f"state:{alpha2}", name, "STATE", tuple(names[1:]), country=alpha2))
        adjective = adjectives[0] if adjectives else name
        the = "the " if alpha2 in _TAKES_ARTICLE else ""
        gov_aliases = [f"{adjective} government", f"{name} government", f"{adjective} authorities"]
        if adjective == name:
            gov_aliases = gov_aliases[1:]
        registry.add(
            Actor(
                f"gov:{alpha2}",
                f"Government of {the}{name}",
                "GOVERNMENT",
                tuple(dict.fromkeys(gov_aliases)),
                country=alpha2,
                parent=f"state:{alpha2}",
            )
        )
        # the armed and security forces: a distinct actor from the government (CAMEO's MIL vs GOV)
        forces = [
            f"{adjective} forces",
            f"{adjective} security forces",
            f"{adjective} military",
            f"{adjective} troops",
        ]
        registry.add(
            Actor(
                f"mil:{alpha2}",
                f"Armed forces of {the}{name}",
                "GOVERNMENT",
                tuple(dict.fromkeys([*forces, f"{name} forces", f"{adjective} army"])),
                country=alpha2,
                parent=f"gov:{alpha2}",
            )
        )


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _load_toml(registry: Registry, data: dict[str, Any], origin: str) -> None:
    for raw in data.get("actor", []):
        kind = raw.get("type", "OTHER")
        if kind not in TYPES or not raw.get("id") or not raw.get("name"):
            LOGGER.warning("%s: skipping actor %r (needs id, name and a known type)", origin, raw.get("id"))
            continue
        registry.add(
            Actor(
                id=str(raw["id"]),
                name=str(raw["name"]),
                type=cast(EntityType, kind),
                aliases=_tuple(raw.get("aliases")),
                weak_aliases=_tuple(raw.get("weak_aliases")),
                country=raw.get("country"),
                parent=raw.get("parent"),
                sources=_tuple(raw.get("sources")),
            )
        )
    for raw in data.get("alias", []):
        # more names for an actor defined elsewhere (a generated state or government)
        target = registry.actors.get(str(raw.get("of", "")))
        names = _tuple(raw.get("names"))
        if target is None:
            LOGGER.warning("%s: alias table for unknown actor %r", origin, raw.get("of"))
            continue
        registry.extra_aliases.setdefault(target.id, []).extend(names)
        registry.add(replace(target, aliases=tuple(dict.fromkeys([*target.aliases, *names]))))
    for raw in data.get("role", []):
        if not raw.get("person") or not raw.get("of"):
            LOGGER.warning("%s: skipping role without person or of: %r", origin, raw)
            continue
        registry.roles.append(
            Role(
                str(raw["person"]),
                str(raw["of"]),
                str(raw.get("title", "leader")),
                str(raw["start"]) if raw.get("start") else None,
                str(raw["end"]) if raw.get("end") else None,
            )
        )


def user_registry_paths() -> list[Path]:
    configured = os.environ.get(ENV_VAR, "")
    return [Path(p) for p in configured.split(os.pathsep) if p.strip()]


def load_registry(extra: tuple[Path, ...] | None = None) -> Registry:
    """The shipped registry plus `extra` files (default: those named in NEWSGRAPH_ACTORS)."""
    paths = tuple(extra) if extra is not None else tuple(user_registry_paths())
    return _load(paths)


@lru_cache(maxsize=8)
def _load(paths: tuple[Path, ...]) -> Registry:
    registry = Registry()
    _add_states(registry)
    shipped = resources.files("newsgraph.data").joinpath("actors.toml").read_text(encoding="utf-8")
    _load_toml(registry, tomllib.loads(shipped), "actors.toml")
    for path in paths:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as err:
            LOGGER.warning("cannot read actor registry %s: %s", path, err)
            continue
        _load_toml(registry, data, str(path))
    registry.index()
    LOGGER.debug("actor registry: %d actors, %d roles", len(registry.actors), len(registry.roles))
    return registry
