"""Run the relation rules over a parsed article, check each candidate's end types, drop duplicates."""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from newsgraph.model import Relation
from newsgraph.nlp.analysis import Analysis
from newsgraph.relations.candidates import Candidate
from newsgraph.relations.refs import Ref, RefIndex
from newsgraph.relations.rules import sentence_rules

LOGGER = logging.getLogger(__name__)

SYMMETRIC = frozenset({"ALLY", "HOSTILE"})
_PERSONAL = frozenset({"LEADER_OF", "MEMBER_OF", "AFFILIATED_WITH"})


def extract_relations(doc: Doc, found: Analysis) -> list[Relation]:
    if not found.entities and not found.places:
        return []
    index = RefIndex(doc, found)
    seen: set[tuple[str, str, str]] = set()
    relations: list[Relation] = []
    for sent in doc.sents:
        for candidate in sentence_rules(index, sent):
            if not _well_typed(candidate):
                continue
            key = _key(candidate)
            if key in seen:
                continue
            seen.add(key)
            LOGGER.debug(
                "%s %s -> %s (%s)",
                candidate.type,
                candidate.source.name,
                candidate.target.name,
                candidate.rule,
            )
            relations.append(_relation(doc, candidate))
    return relations


def _actor(ref: Ref) -> bool:
    return ref.kind == "entity" or ref.type == "country"


def _well_typed(candidate: Candidate) -> bool:
    source, target, kind = candidate.source, candidate.target, candidate.type
    if source.id == target.id or source.name.lower() == target.name.lower():
        return False
    if kind in SYMMETRIC or kind == "SUPPORTS":
        # "the government of Iraq" and the country Iraq are one actor under two ids
        one = (
            source.country is not None
            and source.country == target.country
            and "place" in {source.kind, target.kind}
        )
        return _actor(source) and _actor(target) and not one
    if kind in _PERSONAL:
        return source.is_person and (target.is_group or (kind == "LEADER_OF" and target.type == "country"))
    if kind == "PART_OF":  # a member state of a coalition may be known only as a place
        return (source.is_group or source.type == "country") and target.is_group
    if kind == "OPERATES_IN":
        # a state's own territory is not news: "Jordan" in "the Hashemite Kingdom of Jordan"
        same = source.country is not None and source.country == target.country
        own = same and (source.type == "STATE" or (source.type == "GOVERNMENT" and target.type == "country"))
        return source.is_group and target.kind == "place" and not own
    if kind == "LOCATED_IN":
        return source.kind == "place" and target.kind == "place"
    return False


def _key(candidate: Candidate) -> tuple[str, str, str]:
    source, target = candidate.source.id, candidate.target.id
    if candidate.type in SYMMETRIC and target < source:
        source, target = target, source
    return candidate.type, source, target


def _relation(doc: Doc, candidate: Candidate) -> Relation:
    sent = candidate.sent
    text = doc.text[sent.start_char : sent.end_char]
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    return Relation(
        type=candidate.type,
        source=candidate.source.id,
        target=candidate.target.id,
        evidence=doc.text[start:end],
        evidence_start=start,
        evidence_end=end,
    )
