"""Where actors operate (OPERATES_IN): an actor's clause or noun phrase placed by a preposition, a
place it takes or holds, a place it is driven from, and a fronted "In Syria, ..." or "Near Mosul, ...".

re3d's gold reads co-location loosely ("strikes against ISIL terrorists in Syria" places both sides
in Syria); the rules follow the parse so that a place attached elsewhere in the sentence is not used.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from spacy.tokens import Span, Token

from newsgraph.relations.candidates import Candidate, objects, subjects, with_conjuncts
from newsgraph.relations.lexicon import lexicon
from newsgraph.relations.refs import Ref, RefIndex
from newsgraph.relations.surface import can_contain

LOGGER = logging.getLogger(__name__)

_SPEECH = frozenset({"say", "tell", "add", "report", "claim", "announce", "declare", "warn", "write", "note"})
_NP_PREPS = frozenset({"in", "across", "throughout", "inside", "near"})
_CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl", "pcomp", "xcomp", "parataxis"})
_HELD = frozenset({"hold", "control", "occupy", "run", "dominate"})
_CONTROL_NOUNS = frozenset(
    {"control", "capture", "seizure", "occupation", "grip", "hold", "fall", "takeover"}
)
_FRONTED = frozenset({"in", "near", "across", "inside", "throughout"})  # "at the museum" frames an event
MAX_FRONTED_GROUPS = 3


def presence_rules(index: RefIndex, sent: Span) -> Iterator[Candidate]:
    for token in sent:
        if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() not in _SPEECH:
            yield from _clause(token, index, sent)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in _CONTROL_NOUNS:
            yield from _control_noun(token, index, sent)
    yield from _noun_phrases(index, sent)
    yield from _fronted(index, sent)
    yield from _place_in_place(index, sent)


def places_under(prep: Token, index: RefIndex) -> list[Ref]:
    """The place a prepositional phrase names and the places coordinated with it: "in Syria and Iraq",
    "into the Helmand Province of Afghanistan", "in the heart of East Mosul". The phrase is followed
    only through place nouns, so "in its support of the Government of Iraq" names no place, nor do
    clauses inside it ("in what experts warn ... to Afghanistan")."""
    for token in _phrase(prep, index):
        ref = _place_at(token, index)
        if ref is not None:
            out = [ref]
            for conj in token.doc[ref.end - 1].conjuncts:
                other = _place_at(conj, index)
                if other is not None and all(other.id != seen.id for seen in out):
                    out.append(other)
            return out
    return []


def _place_at(token: Token, index: RefIndex) -> Ref | None:
    entity = index.at(token.i, "entity")
    if entity is not None and entity.type != "STATE":
        return None  # "Iraq" inside "the Government of Iraq" names the organisation, not a place
    ref = index.at(token.i, "place")
    if ref is None and entity is not None:
        ref = index.place_for(entity)
    return ref


def _phrase(prep: Token, index: RefIndex) -> list[Token]:
    out, stack = [], [prep]
    place_nouns = lexicon().place_nouns
    while stack:
        token = stack.pop()
        out.append(token)
        governed = token.i != prep.i and token.pos_ in {"NOUN", "PRON"}
        if governed and token.lemma_.lower() not in place_nouns and _place_at(token, index) is None:
            continue  # "support", "efforts": not a place, and neither is what they govern
        stack.extend(
            child
            for child in token.children
            if child.dep_ not in _CLAUSES and child.pos_ not in {"VERB", "AUX"}
        )
    return sorted(out, key=lambda token: token.i)


def _groups(refs: list[Ref]) -> list[Ref]:
    return [ref for ref in refs if ref.is_group]


def _clause(verb: Token, index: RefIndex, sent: Span) -> Iterator[Candidate]:
    lex = lexicon()
    lemma = verb.lemma_.lower()
    agents = _groups(subjects(verb, index))
    if not agents:
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        agents = _groups([ref for c in passive for ref in with_conjuncts(c, index)])
    if not agents:  # "the meeting of Coalition ministers took place in Rome", "the campaign against ISIL is progressing in Iraq"
        agents = _groups(
            [
                ref
                for subject in verb.children
                if subject.dep_ in {"nsubj", "nsubjpass"}
                for prep in subject.children
                if prep.dep_ == "prep" and prep.lower_ in {"of", "against"}
                for pobj in prep.children
                if pobj.dep_ == "pobj"
                for ref in with_conjuncts(pobj, index)
            ]
        )
    if lemma in lex.attitude_verbs:
        return  # "The United States condemns the attacks in Baghdad" places the attacks, not the US
    patients = _groups(objects(verb, index, frozenset({"against"})))
    preps = [c for c in verb.children if c.dep_ == "prep"]
    for child in verb.children:
        action = (
            child.dep_ == "dobj" and child.lemma_.lower() in lex.hostile_nouns and index.actor(child) is None
        )
        if child.dep_ == "advmod" or action:
            preps.extend(c for c in child.children if c.dep_ == "prep")  # "moved back into", "strikes in"
    for prep in preps:
        word = prep.lower_
        if word not in lex.presence_preps:
            continue
        if word in {"from", "out"}:
            actors = agents if lemma in lex.presence_verbs_from else []
            actors = actors + (patients if lemma in lex.removal_verbs else [])
        else:
            actors = agents + patients
        for place in places_under(prep, index):
            for actor in actors:
                yield Candidate("OPERATES_IN", actor, place, sent, f"presence:{lemma}")
    if lemma in lex.control_verbs:
        yield from _control(verb, agents, index, sent)
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        anchor = index.at(verb.head.i, "place") or index.at(verb.head.i, "entity")
        where = index.place_for(anchor) if anchor is not None else None
        if where is not None and where.kind == "place":
            for actor in agents:
                yield Candidate("OPERATES_IN", actor, where, sent, "where")


def _control(verb: Token, agents: list[Ref], index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "ISIL seized Mosul", "Mosul was taken by ISIL terrorists"."""
    places = [_place_of(c, index) for c in verb.children if c.dep_ == "dobj"]
    holders = [  # "liberate the city of Mosul from ISIL terrorists": ISIL held it
        ref
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "from"
        for c in prep.children
        if c.dep_ == "pobj"
        for ref in _groups(with_conjuncts(c, index))
    ]
    for place in places:
        if place is None:
            continue
        for holder in holders:
            yield Candidate("OPERATES_IN", holder, place, sent, "freed-from")
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        agents = _groups(
            [ref for c in agent.children if c.dep_ == "pobj" for ref in with_conjuncts(c, index)]
        )
        places = [_place_of(c, index) for c in verb.children if c.dep_ == "nsubjpass"]
    for place in places:
        for actor in agents:
            if place is not None:
                yield Candidate("OPERATES_IN", actor, place, sent, f"control:{verb.lemma_.lower()}")


def _place_of(token: Token, index: RefIndex) -> Ref | None:
    """The place a noun names: itself, or "the (Iraqi) city of Mosul"."""
    place = _place_at(token, index)
    if place is None and token.lemma_.lower() in lexicon().place_nouns:
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            found = places_under(prep, index)
            if found:
                return found[0]
    return place


def _noun_phrases(index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "ISIL terrorists in Syria and Iraq", "ISIL's campaign in Iraq", "the gathering of the Syrian
    opposition in Riyadh", "the campaign against Da'esh in Iraq", "ISIL-held territory in Syria"."""
    lex = lexicon()
    for ref in _groups(index.in_sentence(sent)):
        head = sent.doc[ref.end - 1]
        if head.dep_ == "compound" and head.head.lemma_.lower() in lex.actor_heads:
            head = head.head
        heads = [head]
        if head.dep_ == "poss" and head.head.pos_ == "NOUN":
            heads.append(head.head)  # what the actor owns or does happens where its phrase says
        elif head.dep_ == "pobj" and head.head.lower_ in {"of", "against"} and head.head.head.pos_ == "NOUN":
            heads.append(head.head.head)
        elif head.dep_ in {"npadvmod", "compound"} and head.head.lemma_.lower() in _HELD:
            held = head.head.head
            held_place = _place_at(held, index)
            if held_place is not None:
                yield Candidate("OPERATES_IN", ref, held_place, sent, "actor-held")
            heads.append(held)
        for noun in heads:
            for prep in (c for c in noun.children if c.dep_ == "prep"):
                word = prep.lower_
                if word in _NP_PREPS or (word == "of" and noun.lemma_.lower() in _CONTROL_NOUNS):
                    for place in places_under(prep, index):
                        yield Candidate("OPERATES_IN", ref, place, sent, "actor-in-place")


def _control_noun(noun: Token, index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "ISIL has had control of Mosul", "The Syrian army now claims full control of Aleppo", "the
    fall of Mosul to ISIL terrorists"."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    to = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"to", "by"}), None)
    if of is not None and to is not None:
        takers = _groups([ref for c in to.children if c.dep_ == "pobj" for ref in with_conjuncts(c, index)])
        for place in places_under(of, index)[:1]:
            for taker in takers:
                yield Candidate("OPERATES_IN", taker, place, sent, "fall-to")
        return
    if of is None or noun.head.pos_ not in {"VERB", "AUX"} or noun.dep_ not in {"dobj", "attr"}:
        return
    for place in places_under(of, index):
        for actor in _groups(subjects(noun.head, index)):
            yield Candidate("OPERATES_IN", actor, place, sent, "control-of")


def _fronted(index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "In Syria, Coalition military forces conducted ...", "Near Rawah, one strike engaged an ISIL
    tactical unit": a sentence-initial place frames every group the sentence names."""
    words = [token for token in sent if not (token.is_space or token.is_punct)]
    prep = next((token for token in words[:3] if token.lower_ in _FRONTED), None)
    if prep is None:
        return
    # read on the surface: the parser often takes "Near Mosul" for a name
    doc = sent.doc
    comma = next((t for t in doc[prep.i + 1 : min(prep.i + 10, sent.end)] if t.text == ","), None)
    if comma is None:
        return
    places: list[Ref] = []
    for token in doc[prep.i + 1 : comma.i]:
        ref = _place_at(token, index)
        if ref is not None and all(ref.id != seen.id for seen in places):
            places.append(ref)
        elif ref is None and not places and not _frame_word(token):
            return  # "In the wake of attacks inside Turkey, ...": the frame is not a place

    if not places:
        return
    seen: set[str] = set()
    for ref in _groups(index.in_sentence(sent)):
        if not _main_argument(doc[ref.end - 1]) or ref.type == "STATE":
            continue  # "On Thursday in Washington, Blinken assured visiting Australian ..." places Blinken only
        if ref.start > comma.i and ref.id not in seen and len(seen) < MAX_FRONTED_GROUPS:
            seen.add(ref.id)
            for place in places[:1]:
                yield Candidate("OPERATES_IN", ref, place, sent, "fronted-place")


def _place_in_place(index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "the city of Raqqa, a self-proclaimed ISIL capital in Syria", "Aleppo and other towns and
    areas in Syria": a place phrase, its apposition or its coordinated nouns placed by "in"."""
    doc = sent.doc
    for ref in index.in_sentence(sent):
        if ref.kind != "place":
            continue
        head = doc[ref.end - 1]
        nouns = [head, *(c for c in head.children if c.dep_ == "appos")]
        nouns += [c for c in head.conjuncts if c.pos_ == "NOUN" and c.lemma_.lower() in lexicon().place_nouns]
        for noun in nouns:
            for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"in", "inside"}):
                for outer in places_under(prep, index)[:1]:
                    if outer.id != ref.id and can_contain(ref, outer):
                        yield Candidate("LOCATED_IN", ref, outer, sent, "place-phrase-in")


def _frame_word(token: Token) -> bool:
    """Words that may stand between a fronted preposition and its place: "In the northern city of Mosul"."""
    return (
        token.pos_ in {"DET", "ADJ", "NUM", "PUNCT", "SPACE"}
        or token.lower_ == "of"
        or token.lemma_.lower() in lexicon().place_nouns
    )


def _main_argument(token: Token) -> bool:
    """Whether a noun is (part of) the subject or object of the sentence's main verb."""
    while (
        token.dep_ in {"compound", "amod", "poss", "nmod", "conj", "appos", "npadvmod"}
        and token.head.i != token.i
    ):
        token = token.head
    if token.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return False
    verb = token.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
