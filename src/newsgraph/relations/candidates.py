"""What every relation rule yields, and the parse look-ups they share: who a verb's subjects and
objects are, as actor refs."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsgraph.relations.refs import Ref, RefIndex

# Clause links a subject is shared across: "forces continue to join the SDF", "degrade and defeat ISIL".
_SHARED_SUBJECT = frozenset({"conj", "xcomp", "advcl"})


@dataclass(frozen=True)
class Candidate:
    type: str
    source: Ref
    target: Ref
    sent: Span
    rule: str


def with_conjuncts(token: Token, index: RefIndex) -> list[Ref]:
    """The actors of a noun and of the nouns coordinated with it ("the UK, the Coalition and Iraq")."""
    out: list[Ref] = []
    items = [token, *token.conjuncts]
    for child in token.children:  # "The UK, the wider Coalition and Iraq": a list parsed as apposition
        if child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children):
            items += [child, *child.conjuncts]
    for item in items:
        ref = index.actor(item)
        if ref is not None and all(ref.id != seen.id for seen in out):
            out.append(ref)
    return out


def subjects(verb: Token, index: RefIndex) -> list[Ref]:
    """A verb's subject actors, following shared subjects up through coordinated and
    complement clauses, and the noun a relative or participle clause modifies."""
    current = verb
    for _ in range(3):
        out = [
            ref for child in current.children if child.dep_ == "nsubj" for ref in with_conjuncts(child, index)
        ]
        if out:
            return out
        if current.dep_ in {"relcl", "acl"}:
            ref = index.actor(current.head)
            if ref is None:  # "U.S. efforts to help ...": the owner of the noun
                owner = next((c for c in current.head.children if c.dep_ in {"poss", "compound"}), None)
                ref = index.actor(owner) if owner is not None else None
            if ref is None and current.dep_ == "acl" and current.head.dep_ == "dobj":
                current = current.head.head  # "forces conducted strikes coordinated with X": the forces
                continue
            return [ref] if ref is not None else []
        if current.dep_ not in _SHARED_SUBJECT or current.head.i == current.i:
            return []
        if current.dep_ == "xcomp":  # "assisting the Iraqi government to destroy ISIL": the object acts
            objects = [
                ref for c in current.head.children if c.dep_ == "dobj" for ref in with_conjuncts(c, index)
            ]
            if objects:
                return objects
        current = current.head
    return []


def objects(token: Token, index: RefIndex, preps: frozenset[str]) -> list[Ref]:
    """Direct objects and the objects of the given prepositions; a verb coordinated after this one
    lends its object ("degrade and defeat ISIL")."""
    out = []
    for child in token.children:
        if child.dep_ in {"dobj", "obj"}:
            out.extend(with_conjuncts(child, index))
        elif child.dep_ == "prep" and child.lower_ in preps:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    out.extend(with_conjuncts(grand, index))
    if not out:
        for conj in (c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            out.extend(ref for c in conj.children if c.dep_ == "dobj" for ref in with_conjuncts(c, index))
    return out
