"""Entity and place mentions as token spans, and the parse-level look-ups the relation rules need:
which actor a noun stands for ("Taliban militants" -> Taliban) and what a pronoun refers to.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.analysis import Analysis
from newsgraph.relations.lexicon import lexicon

LOGGER = logging.getLogger(__name__)

_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "itself", "themselves"})
_ANAPHORS = frozenset({"group", "organization", "organisation", "movement", "militia", "network", "faction"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
_STATE_TYPES = frozenset({"STATE", "GOVERNMENT"})


@dataclass(frozen=True)
class Ref:
    """One mention of an entity or place, as tokens [start, end)."""

    id: str
    kind: Literal["entity", "place"]
    type: str  # entity type, or the place's feature
    start: int
    end: int
    name: str
    country: str | None = None

    @property
    def is_person(self) -> bool:
        return self.kind == "entity" and self.type == "PERSON"

    @property
    def is_group(self) -> bool:
        return self.kind == "entity" and self.type != "PERSON"


class RefIndex:
    """All mentions of the analysis, findable by token."""

    def __init__(self, doc: Doc, found: Analysis) -> None:
        self.doc = doc
        refs: list[Ref] = []
        for entity in found.entities:
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None and len(span):
                    refs.append(
                        Ref(
                            entity.id,
                            "entity",
                            entity.type,
                            span.start,
                            span.end,
                            entity.name,
                            entity.country,
                        )
                    )
        for place in found.places:
            for mention in place.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None and len(span):
                    refs.append(
                        Ref(place.id, "place", place.feature, span.start, span.end, place.name, place.country)
                    )
        self.refs = sorted(refs, key=lambda ref: (ref.start, -ref.end))
        self._by_token: dict[int, list[Ref]] = {}
        for ref in self.refs:
            for i in range(ref.start, ref.end):
                self._by_token.setdefault(i, []).append(ref)
        self._by_sentence: dict[tuple[int, int], list[Ref]] = {}
        self._places_by_name = {place.name.lower(): place for place in found.places}

    def at(self, i: int, kind: str) -> Ref | None:
        hits = [ref for ref in self._by_token.get(i, []) if ref.kind == kind]
        return max(hits, key=lambda ref: ref.end - ref.start) if hits else None

    def in_sentence(self, sent: Span) -> list[Ref]:
        key = (sent.start, sent.end)
        if key not in self._by_sentence:  # rules ask for the same sentence's refs many times
            self._by_sentence[key] = [
                ref for ref in self.refs if sent.start <= ref.start and ref.end <= sent.end
            ]
        return self._by_sentence[key]

    def place_for(self, ref: Ref) -> Ref | None:
        """A place ref for an actor ref that names a country ("Afghanistan" as a STATE entity)."""
        if ref.kind == "place":
            return ref
        hit = self.at(ref.start, "place")
        if hit is not None:
            return hit
        place = self._places_by_name.get(ref.name.lower())
        if place is None:
            return None
        return Ref(place.id, "place", place.feature, ref.start, ref.end, place.name, place.country)

    # -- actors ---------------------------------------------------------------------------------------

    def actor(self, token: Token, *, allow_place: bool = True) -> Ref | None:
        """The actor a token stands for: its own entity, the entity modifying an actor noun
        ("Taliban militants", "Afghanistan's parliament"), or a pronoun's antecedent."""
        ref = self.at(token.i, "entity")
        if ref is not None:
            return ref
        lower = token.lower_
        if lower in _PRONOUNS or (lower in _ANAPHORS and _definite(token)):
            return self.antecedent(token)
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and lemma in lexicon().hostile_nouns:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None:  # "the coalition's airstrikes delivered munitions against ISIL"
                return self.actor(owner, allow_place=allow_place)
        if token.pos_ in {"NOUN", "PROPN"} and lemma in lexicon().actor_heads:
            for child in token.children:
                if child.dep_ in _MODIFIER_DEPS and child.i < token.i:
                    inner = self.at(child.i, "entity")
                    if inner is not None:
                        return inner
                    place = self.at(child.i, "place") if allow_place else None
                    if place is not None and place.type in {"country", "other"}:
                        return place  # a country acting through its government or forces
            for prep in token.children:  # "the government of Iraq", "the people of Syria"
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        inner = self.actor(pobj, allow_place=allow_place)  # "scores of Syrian civilians"
                        if inner is not None and (inner.kind == "entity" or inner.type == "country"):
                            return inner
        if allow_place and token.pos_ == "PROPN":
            place = self.at(token.i, "place")
            if place is not None and place.type == "country":
                return place
        return None

    def antecedent(self, token: Token) -> Ref | None:
        """What "it"/"its"/"the group" refers to: the nearest organisation before it in the sentence
        ("the Government of Iraq and the Iraqi people in their fight"), else the subject of the
        enclosing clauses, else the previous sentence's subject."""
        sent = token.sent
        before = [ref for ref in self.in_sentence(sent) if ref.end <= token.i and ref.is_group]
        if before:
            return before[-1]
        seen: set[int] = set()
        head = token
        while head.i not in seen:
            seen.add(head.i)
            for child in head.children:
                if child.dep_ in {"nsubj", "nsubjpass"} and child.i != token.i and child.i < token.i:
                    ref = self.at(child.i, "entity") or self._modifier_entity(child)
                    if ref is not None and ref.is_group:
                        return ref
            if head.head.i == head.i:
                break
            head = head.head
        if sent.start > 0:
            previous = self.doc[sent.start - 1].sent
            groups = [ref for ref in self.in_sentence(previous) if ref.is_group]
            subjects = [ref for ref in groups if self.doc[ref.end - 1].dep_ in {"nsubj", "nsubjpass"}]
            if subjects or groups:
                return (subjects or groups)[0]
        return None

    def _modifier_entity(self, token: Token) -> Ref | None:
        for child in token.children:
            if child.dep_ in _MODIFIER_DEPS:
                ref = self.at(child.i, "entity")
                if ref is not None:
                    return ref
        return None


def _definite(token: Token) -> bool:
    return any(child.lower_ in {"the", "this", "that"} for child in token.children)
