"""The speaker of a claim: its noun phrase in the parse, and the entity it names.

The phrase stops before an apposition or relative clause ("Bruce Riedel, a counter-terror expert at
Brookings" -> "Bruce Riedel"), because the role belongs to relations, not to the speaker's name. An
unnamed speaker ("a senior al-Qaida official") is linked to the organisation it names.
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from newsgraph.model import Entity
from newsgraph.nlp.analysis import Analysis
from newsgraph.nlp.lookup import entities_in, entity_at, places_in

LOGGER = logging.getLogger(__name__)

_CUT_DEPS = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis"})
_KEEP_APPOS_DEPS = frozenset({"appos"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "DET", "NUM", "ADJ", "X"})
# Institution words: a place named in such a phrase ("Afghan authorities") speaks as its state.
_STATE_WORDS = frozenset(
    {
        "authorities",
        "authority",
        "government",
        "officials",
        "official",
        "ministry",
        "army",
        "military",
        "police",
        "forces",
        "president",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "embassy",
    }
)


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the noun phrase headed by `head`, without appositions or clauses."""
    start, end = head.i, head.i + 1
    for child in head.children:
        if child.i < head.i:
            if child.dep_ in _CUT_DEPS or child.pos_ == "VERB":
                continue
            start = min(start, child.left_edge.i)
        else:
            # "ISIS chief Abu Bakr al-Baghdadi": an apposition glued to its title names the speaker
            gap = head.doc[head.i + 1 : child.left_edge.i]
            glued = child.dep_ in _KEEP_APPOS_DEPS and all(t.is_space for t in gap)
            if child.dep_ in _CUT_DEPS and not glued:
                break
            if child.dep_ == "prep" and child.lower_ not in {"of", "at", "from", "with", "for", "in"}:
                break
            end = max(end, child.right_edge.i + 1)
    doc = head.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    # a comma inside the subtree starts an apposition the parser attached elsewhere
    for i in range(head.i + 1, end):
        if doc[i].text in {",", "(", "–", "—"} or "\n" in doc[i].text:
            end = i
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def is_nominal(token: Token) -> bool:
    return token.pos_ in _NOMINAL and not token.is_punct


def link_speaker(found: Analysis, head: Token, start_char: int, end_char: int) -> str | None:
    """The entity (or, failing one, the place) a speaker phrase names; None for "some experts"."""
    direct = entity_at(found, head)
    if direct is not None:
        return direct.id
    inside = [
        entity
        for mention_start, entity in entities_in(found, (start_char, end_char))
        if not (entity.type == "PERSON" and _possessor(head, mention_start))
    ]
    if inside:
        return _best(inside).id
    words = {word.lower() for word in head.doc.text[start_char:end_char].split()}
    if words & _STATE_WORDS:
        places = [place for _, place in places_in(found, (start_char, end_char))]
        if places:
            named = [entity for entity in found.entities if entity.name == places[0].name]
            return named[0].id if named else places[0].id
    return None


def _best(entities: list[Entity]) -> Entity:
    # A person named in the phrase is the speaker; otherwise the organisation the official speaks for.
    people = [entity for entity in entities if entity.type == "PERSON"]
    return people[0] if people else entities[0]


def _possessor(head: Token, start_char: int) -> bool:
    """Whether the mention at `start_char` is the possessor of the phrase ("Amirov's lawyer" is not Amirov)."""
    for child in head.children:
        owner = child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of")  # "the party of X"
        if owner and child.left_edge.idx <= start_char <= child.right_edge.idx:
            return True
    return False
