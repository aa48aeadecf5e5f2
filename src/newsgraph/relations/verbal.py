"""Relations carried by verbs and "against": "The Taliban is battling the Afghan government",
"al-Qaida sides with the Taliban", "Pakistan backs the Taliban", "fighters continue to join the SDF",
"the Federal Government of Iraq, led by Prime Minister Haider Al Abadi", "strikes against ISIL"."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator

from spacy.tokens import Span, Token

from newsgraph.relations.candidates import Candidate, objects, subjects, with_conjuncts
from newsgraph.relations.lexicon import lexicon
from newsgraph.relations.refs import Ref, RefIndex

LOGGER = logging.getLogger(__name__)

_WITH = frozenset({"with", "alongside"})
_AGAINST = frozenset({"against", "with", "on", "from"})  # "seize the hospital from ISIL fighters"
_PASSIVE_ROLES = {"lead": "LEADER_OF", "head": "LEADER_OF", "command": "LEADER_OF", "represent": "MEMBER_OF"}
_STANDING = frozenset({"stand", "side"})
_STATES = frozenset({"STATE", "GOVERNMENT"})
_INCLUDING = frozenset({"include", "comprise", "encompass", "count"})
_GIVING = frozenset({"provide", "give", "send", "supply", "deliver", "extend", "grant", "donate", "sell"})
MAX_COALITION = 4  # more conjoined subjects than this is a list, not a coalition


def verb_rules(verb: Token, index: RefIndex, sent: Span) -> Iterator[Candidate]:
    lex = lexicon()
    lemma = verb.lemma_.lower()
    agents = [ref for ref in subjects(verb, index) if ref.kind == "entity" or ref.type == "country"]
    if agents:
        if lemma in lex.hostile_verbs:
            for target in objects(verb, index, _AGAINST):
                for source in agents:
                    yield Candidate("HOSTILE", source, target, sent, f"verb:{lemma}")
        elif lemma in lex.ally_verbs:
            for target in objects(verb, index, _WITH):
                for source in agents:
                    yield Candidate("ALLY", source, target, sent, f"verb:{lemma}")
        elif lemma in lex.support_verbs or lemma in _STANDING:
            preps = frozenset({"with", "by"}) if lemma in _STANDING else frozenset()
            targets = objects(verb, index, preps)
            for target in targets if lemma not in _STANDING or targets else []:
                for source in agents:
                    if not source.is_person:
                        yield Candidate("SUPPORTS", source, target, sent, f"verb:{lemma}")
        elif lemma in _GIVING:
            # "provide the government of Iraq with military support", "send weapons to the Kurds"
            given = [
                ref for c in verb.children if c.dep_ in {"dative", "dobj"} for ref in with_conjuncts(c, index)
            ]
            given += objects(verb, index, frozenset({"to"})) if not given else []
            for target in given:
                for source in agents:
                    if not source.is_person:
                        yield Candidate("SUPPORTS", source, target, sent, f"verb:{lemma}")
        elif lemma in _INCLUDING:
            # "Coalition nations which have conducted strikes in Iraq include Australia, Belgium, ..."
            for member in objects(verb, index, frozenset()):
                for whole in agents:
                    if whole.is_group and (member.is_group or member.type == "country"):
                        yield Candidate("PART_OF", member, whole, sent, f"verb:{lemma}")
        elif lemma in lex.join_verbs:
            for whole in objects(verb, index, frozenset()):
                for member in agents:
                    if whole.type in _STATES or whole.kind == "place":
                        yield Candidate(
                            "ALLY", member, whole, sent, f"verb:{lemma}"
                        )  # "U.S. forces will join Jordan"
                    elif whole.is_group:
                        kind = "MEMBER_OF" if member.is_person else "PART_OF"
                        yield Candidate(kind, member, whole, sent, f"verb:{lemma}")
        yield from _together(verb, agents, index, sent)
        yield from _coalition(verb, agents, sent)
    else:  # "The UK, the Coalition and the Government of Iraq are committed to defeating ..."
        passive = [ref for c in verb.children if c.dep_ == "nsubjpass" for ref in with_conjuncts(c, index)]
        yield from _coalition(verb, passive, sent)
    if verb.tag_ == "VBN":
        yield from _passive(verb, index, sent)


def _together(verb: Token, agents: list[Ref], index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "X, together with Y, ..." and "coordinated with Y"."""
    for child in verb.children:
        if child.lower_ == "together":
            for prep in (c for c in child.children if c.lower_ == "with"):
                for partner in (
                    r for c in prep.children if c.dep_ == "pobj" for r in with_conjuncts(c, index)
                ):
                    for agent in agents:
                        yield Candidate("ALLY", agent, partner, sent, "together-with")


def _coalition(verb: Token, agents: list[Ref], sent: Span) -> Iterator[Candidate]:
    """Groups named together as the subject of a fight against a common enemy are allies
    ("both the Taliban and al-Qaida have rejected ...", "The UK, the Coalition and Iraq are committed to
    defeating these terrorists")."""
    groups = [ref for ref in agents if not ref.is_person]
    if not 2 <= len(groups) <= MAX_COALITION:
        return
    lex = lexicon()
    hostile = any(
        t.lemma_.lower() in lex.hostile_verbs
        or t.lemma_.lower() in lex.hostile_nouns
        or t.lower_ == "against"
        for t in verb.subtree
        if t.i > verb.i or t.head.i == verb.i
    )
    if hostile or verb.lemma_.lower() in {"reject", "oppose", "condemn"}:
        for a, b in itertools.combinations(groups, 2):
            yield Candidate("ALLY", a, b, sent, "coalition")


def _passive(verb: Token, index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "Y, backed by X" (SUPPORTS); "Y, led by X" (LEADER_OF); "Y, represented by X" (MEMBER_OF)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None:
        return
    lemma = verb.lemma_.lower()
    sources = [ref for c in agent.children if c.dep_ == "pobj" for ref in with_conjuncts(c, index)]
    targets = [ref for c in verb.children if c.dep_ == "nsubjpass" for ref in with_conjuncts(c, index)]
    if verb.dep_ in {"acl", "relcl"}:
        head = index.actor(verb.head)
        targets += [head] if head is not None else []
    for source in sources:
        for target in targets:
            if lemma in lexicon().support_verbs and not source.is_person:
                yield Candidate("SUPPORTS", source, target, sent, "passive-support")
            elif lemma in _PASSIVE_ROLES and source.is_person and target.is_group:
                yield Candidate(_PASSIVE_ROLES[lemma], source, target, sent, f"passive:{lemma}")


def against(token: Token, index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "X conducted strikes against Y", "ISIL's defenses against the SDF", "their fight against ISIL"."""
    targets = [ref for c in token.children if c.dep_ == "pobj" for ref in with_conjuncts(c, index)]
    if not targets:
        return
    head = token.head
    sources: list[Ref] = []
    if head.pos_ == "NOUN":
        owner = next(
            (c for c in head.children if c.dep_ in {"poss", "compound", "amod"} and index.actor(c)), None
        )
        if owner is not None:
            ref = index.actor(owner)
            sources = [ref] if ref is not None else []
        while not sources and head.pos_ == "NOUN" and head.head.i != head.i:
            head = head.head
    if not sources and head.pos_ in {"VERB", "AUX"}:
        sources = subjects(head, index)
    for source in sources:
        for target in targets:
            yield Candidate("HOSTILE", source, target, sent, "against")
