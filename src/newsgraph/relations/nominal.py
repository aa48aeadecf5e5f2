"""Relations carried by nouns: alliances ("the alliance between the two groups"), support ("with the
support of the Taliban"), possessed units and rivals ("its production team As-Sahab", "its terror
rival, Islamic State") and membership ("as part of the Global Coalition")."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from spacy.tokens import Span, Token

from newsgraph.relations.candidates import Candidate, subjects, with_conjuncts
from newsgraph.relations.lexicon import lexicon
from newsgraph.relations.refs import Ref, RefIndex

LOGGER = logging.getLogger(__name__)

_COLLECTIVES = frozenset({"group", "side", "country", "nation", "movement", "organization", "organisation"})


def alliance(noun: Token, index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "the alliance between al-Qaida and the Taliban"; "between the two groups" takes the last two
    groups named before it in the sentence."""
    between = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"between", "of"}), None)
    if between is not None:
        members: list[Ref] = []
        for pobj in (c for c in between.children if c.dep_ == "pobj"):
            members.extend(with_conjuncts(pobj, index))
            if not members and pobj.lemma_.lower() in _COLLECTIVES:
                distinct: list[Ref] = []
                for ref in reversed([r for r in index.in_sentence(sent) if r.is_group and r.end <= noun.i]):
                    if all(ref.id != other.id for other in distinct):
                        distinct.append(ref)
                members = distinct[:2][::-1] if len(distinct) >= 2 else []
        groups = [member for member in members if member.is_group or member.type == "country"]
        if len(groups) >= 2:
            yield Candidate("ALLY", groups[0], groups[1], sent, "alliance-between")
        return
    partner = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    source = index.actor(owner) if owner is not None else None
    if partner is not None and source is not None and source.is_group:
        for pobj in (c for c in partner.children if c.dep_ == "pobj"):
            for target in with_conjuncts(pobj, index):
                if target.is_group:
                    yield Candidate("ALLY", source, target, sent, "alliance-with")


def support(noun: Token, index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "With the support of the Taliban, al-Qaida moved ..."; "in support of Y"; "X's support for Y",
    "UK support for Iraq". A person's declared support is a claim, not an organisational relation."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}), None)
    frame = noun.head if noun.dep_ == "pobj" else None
    if of is not None and frame is not None and frame.lower_ in {"with", "in"}:
        inner = [ref for c in of.children if c.dep_ == "pobj" for ref in with_conjuncts(c, index)]
        verb = frame.head
        outer = subjects(verb, index) if verb.pos_ in {"VERB", "AUX"} else []
        for x in inner:
            for y in outer:
                if frame.lower_ == "with" and not x.is_person:
                    yield Candidate("SUPPORTS", x, y, sent, "with-support-of")
                elif frame.lower_ == "in" and not y.is_person:
                    yield Candidate("SUPPORTS", y, x, sent, "in-support-of")
    owner = next((c for c in noun.children if c.dep_ in {"poss", "compound"}), None)
    target_prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    source = index.actor(owner) if owner is not None else None
    if target_prep is not None and source is not None and not source.is_person:
        for pobj in (c for c in target_prep.children if c.dep_ == "pobj"):
            for target in with_conjuncts(pobj, index):
                yield Candidate("SUPPORTS", source, target, sent, "support-for")


def membership(noun: Token, index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "The UK, as part of the Global Coalition, ...", "Turkey is a member of NATO"."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return
    wholes = [ref for c in of.children if c.dep_ == "pobj" for ref in with_conjuncts(c, index)]
    head = noun.head
    if head.lower_ == "as" and head.head.i != head.i:
        head = head.head
    if head.pos_ in {"VERB", "AUX"}:
        members = subjects(head, index)
    else:
        ref = index.actor(head)
        members = [ref] if ref is not None else []
    for member in members:
        for whole in wholes:
            if whole.is_group:
                yield Candidate(
                    "MEMBER_OF" if member.is_person else "PART_OF", member, whole, sent, "part-of"
                )


def possessive_pronoun(token: Token, index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "its production team As-Sahab", "its terror rival, Islamic State", "their leader X"."""
    noun = token.head
    lemma = noun.lemma_.lower()
    lex = lexicon()
    kinds = {**dict.fromkeys(lex.parts, "PART_OF"), **dict.fromkeys(lex.rivals, "HOSTILE")}
    kinds.update(dict.fromkeys(lex.allies, "ALLY"))
    kind = kinds.get(lemma) or lex.roles.get(lemma)
    if kind is None:
        return
    named = _named_after(noun, index)
    owner = index.actor(token)
    if named is None or owner is None or named.id == owner.id or not owner.is_group:
        return
    if kind in {"LEADER_OF", "MEMBER_OF", "AFFILIATED_WITH"}:
        if named.is_person:
            yield Candidate(kind, named, owner, sent, "its-role")
    elif named.is_group:
        if kind == "PART_OF":
            yield Candidate(kind, named, owner, sent, "its-part")
        else:
            yield Candidate(kind, owner, named, sent, "its-relation")


def _named_after(noun: Token, index: RefIndex) -> Ref | None:
    """The entity named right after a noun, as apposition or by juxtaposition ("team As-Sahab")."""
    for child in noun.children:
        if child.dep_ == "appos":
            ref = index.at(child.i, "entity")
            if ref is not None:
                return ref
    doc = noun.doc
    i = noun.i + 1
    while i < len(doc) and (doc[i].is_space or doc[i].text in {",", "the"}):
        i += 1
    return index.at(i, "entity") if i < len(doc) else None
