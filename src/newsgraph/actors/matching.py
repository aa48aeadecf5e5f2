"""Phrase matchers over the registry: actor aliases, weak aliases, and state names and adjectives.

Aliases in capitals of up to five letters ("IS", "AQ", "UN") match case-sensitively; all others
match case-insensitively but need a capital letter in the text, so "trump" the verb or "hamas" in
a URL do not become actors.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from newsgraph.actors.registry import Registry, normalize

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Hit:
    """A matched phrase: token span plus the registry keys it may stand for."""

    start: int  # token index
    end: int
    keys: tuple[str, ...]  # actor ids (aliases) or ISO codes (countries)
    kind: str  # "alias" | "weak" | "country" | "adjective"


def _case_sensitive(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


class RegistryMatcher:
    """Finds registry names in a Doc; built once per pipeline from the registry."""

    def __init__(self, nlp: Language, registry: Registry) -> None:
        self.registry = registry
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._labels: dict[str, tuple[str, tuple[str, ...]]] = {}
        groups: dict[tuple[str, str, bool], set[str]] = {}
        for actor in registry.actors.values():
            if actor.type == "STATE":
                continue  # states are found by the country patterns below, where they act
            if actor.id.startswith(("gov:", "mil:")):
                # generated governments are found by the government patterns; only the names the
                # registry adds by hand ("Assad regime", "Kremlin") are matched as phrases
                for name in registry.extra_aliases.get(actor.id, ()):
                    groups.setdefault(("alias", name, _case_sensitive(name)), set()).add(actor.id)
                continue
            for name in actor.names:
                groups.setdefault(("alias", name, _case_sensitive(name)), set()).add(actor.id)
            for name in actor.weak_aliases:
                groups.setdefault(("weak", name, _case_sensitive(name)), set()).add(actor.id)
        for state in registry.states.values():
            for name in state.names:
                groups.setdefault(("country", name, _case_sensitive(name)), set()).add(state.alpha2)
            for adjective in state.adjectives:
                groups.setdefault(("adjective", adjective, _case_sensitive(adjective)), set()).add(
                    state.alpha2
                )
        for number, ((kind, name, exact), keys) in enumerate(sorted(groups.items())):
            label = f"ng_{kind}_{number}"
            self._labels[label] = (kind, tuple(sorted(keys)))
            # typographic apostrophes: "Da’esh" must match the alias "Da'esh"
            variants = dict.fromkeys([name, name.replace("'", "’"), name.replace("’", "'")])
            patterns = [nlp.make_doc(variant) for variant in variants]
            (self._exact if exact else self._lower).add(label, patterns)

    def __call__(self, doc: Doc) -> list[Hit]:
        hits: list[Hit] = []
        strings = doc.vocab.strings
        for matcher, exact in ((self._exact, True), (self._lower, False)):
            for match_id, start, end in matcher(doc):
                kind, keys = self._labels[strings[match_id]]
                span = doc[start:end]
                if not exact and not any(c.isupper() for c in span.text):
                    continue
                if kind == "adjective" and not exact and not span.text[:1].isupper():
                    continue
                hits.append(Hit(start, end, keys, kind))
        return hits


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, preferring longer ones, then earlier ones."""
    taken: set[int] = set()
    out: list[Hit] = []
    # at equal length an alias beats a country name, and a name beats the same word as adjective
    rank = {"alias": 0, "country": 1, "adjective": 2, "weak": 3}
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start, rank.get(h.kind, 4))):
        if any(i in taken for i in range(hit.start, hit.end)):
            continue
        taken.update(range(hit.start, hit.end))
        out.append(hit)
    return sorted(out, key=lambda h: h.start)


def span_key(span: Span) -> str:
    return normalize(span.text)
