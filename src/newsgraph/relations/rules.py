"""Relation rules. Each reads one sentence and yields candidate relations between mention refs.

Surface rules look at the words between two consecutive mentions ("Al-Qaida chief Ayman
al-Zawahiri", "Bruce Riedel, a counter-terror expert at Brookings", "Raqqah, Syria"); parse rules
follow subject, object and preposition arcs ("The Taliban is battling the Afghanistan government",
"operating out of Taliban territory in Afghanistan").
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsgraph.relations.lexicon import lexicon
from newsgraph.relations.refs import Ref, RefIndex

LOGGER = logging.getLogger(__name__)

MAX_GAP_TOKENS = 8
_DETS = frozenset({"a", "an", "the", "its", "their"})
_LEADS = frozenset(
    {",", "is", "was", "are", "were", "became", "as", "who", "now", "has", "been", "serves", "served"}
)
_ROLE_PREPS = frozenset({"of", "at", "with", "for", "in", "from", "to"})
_MOD_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "ADV"})
_POSSESSIVE = frozenset({"'s", "’s", "'"})
_PLACE_RANK = {"country": 4, "region": 3, "admin1": 3, "admin2": 2, "city": 1, "other": 0}
_ALLY_GAP = re.compile(
    r"^(?:(?:has|have|had|is|are|was|were|now|also|again|openly|publicly)\s+)*"
    r"(?:sides|sided|siding|allied|aligned|allies|teamed up|joined forces|cooperates|cooperated|cooperating|"
    r"partnered|partnering|works|worked|working|fights|fought|fighting)\s+(?:with|alongside)(?:\s+the)?$"
)
_PART_GAP = re.compile(r"^(?:,\s+)?(?:(?:is|are|was|were|,)\s+)?(?:a\s+|an\s+)?part\s+of(?:\s+the)?$")
_INCLUDES_GAP = re.compile(
    r"^,?\s*(?:which|that)\s+(?:includes|include|included|comprises|contains)(?:\s+the)?$"
)
_LOCATION_GAP = re.compile(
    r"^(?:,|in|of|near|inside|in\s+the|of\s+the|in\s+\w+ern|in\s+\w+ern\s+and\s+\w+ern)$"
)
_HEADED_GAP = re.compile(
    r"^,\s*(?:who|which)\s+(?:heads|headed|leads|led|commands|commanded|runs|ran|founded)(?:\s+the)?$"
)


@dataclass(frozen=True)
class Candidate:
    type: str
    source: Ref
    target: Ref
    sent: Span
    rule: str


def _words(tokens: Span) -> list[Token]:
    return [token for token in tokens if not token.is_space]


def _gap_text(tokens: list[Token]) -> str:
    return " ".join(token.lower_ for token in tokens)


def role_of(tokens: list[Token]) -> str | None:
    """The relation named by a run like ", a counter-terror expert at" or "'s new leader"."""
    words = list(tokens)
    while words and (words[0].lower_ in _LEADS or words[0].text in _POSSESSIVE):
        words = words[1:]
    while words and (words[-1].lower_ in _ROLE_PREPS or words[-1].lower_ in _DETS or words[-1].text == ","):
        words = words[:-1]
    while words and words[0].lower_ in _DETS:
        words = words[1:]
    if not words or len(words) > 5:
        return None
    roles = lexicon().roles
    last = words[-1].lemma_.lower()
    two = " ".join(w.lower_ for w in words[-2:])
    kind = roles.get(two) or roles.get(words[-1].lower_) or roles.get(last)
    if kind is None:
        return None
    if any(w.pos_ not in _MOD_POS and w.text != "-" for w in words[:-1]):
        return None
    if (
        any(w.lower_ in {"deputy", "vice", "former", "ex", "late"} for w in words[:-1])
        and kind == "LEADER_OF"
    ):
        return "MEMBER_OF"
    return kind


def _head_word(ref: Ref, sent: Span) -> str:
    return sent.doc[ref.end - 1].lower_


def gap_rules(index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """Relations read from the words between consecutive mentions."""
    refs = _dedupe_spans(index.in_sentence(sent))
    doc = sent.doc
    for first, second in itertools.pairwise(refs):
        if second.start < first.end:
            continue
        gap = _words(doc[first.end : second.start])
        if len(gap) > MAX_GAP_TOKENS:
            continue
        text = _gap_text(gap)
        a, b = _actor_view(index, first), _actor_view(index, second)
        # "Al-Qaida chief Ayman al-Zawahiri", "Taliban spokesman, Zabihullah Mujahid"
        if a and b and a.is_group and b.is_person and gap:
            kind = role_of(gap)
            if kind:
                yield Candidate(kind, b, a, sent, "title")
        # "Bruce Riedel, a counter-terror expert at Brookings"
        if a and b and a.is_person and b.is_group and gap:
            kind = role_of(gap)
            if kind and gap[-1].lower_ in _ROLE_PREPS | _DETS:
                yield Candidate(kind, a, b, sent, "role-of")
            elif _HEADED_GAP.match(text):
                yield Candidate("LEADER_OF", a, b, sent, "who-heads")
            elif text in {",", ", a", ", an", ", the"}:
                # "Abu Jandal al-Kuwaiti, an ISIL gang leader"
                after = _words(doc[second.end : min(second.end + 4, sent.end)])
                kind = role_of(_until_punct(after))
                if kind:
                    yield Candidate(kind, a, b, sent, "role-after")
        if a and b and a.is_group and b.is_group:
            yield from _group_pair(a, b, gap, text, sent)
        # places: "Raqqah, Syria", "the Helmand Province of Afghanistan", "Syria's Idlib province"
        pa, pb = index.place_for(first), index.place_for(second)
        if pa and pb and pa.id != pb.id:
            if text in {"'s", "’s"}:
                if _can_contain(pb, pa):
                    yield Candidate("LOCATED_IN", pb, pa, sent, "place-possessive")
            elif (
                _LOCATION_GAP.match(text)
                and _can_contain(pa, pb)
                and (text != "," or _strong_container(pb, pa))
            ):
                yield Candidate("LOCATED_IN", pa, pb, sent, "place-in-place")


def _group_pair(a: Ref, b: Ref, gap: list[Token], text: str, sent: Span) -> Iterator[Candidate]:
    lex = lexicon()
    content = [w for w in gap if w.lower_ not in _DETS and w.text not in _POSSESSIVE and w.text != ","]
    last = content[-1].lemma_.lower() if content else ""
    if _ALLY_GAP.match(text):
        yield Candidate("ALLY", a, b, sent, "sides-with")
    elif _PART_GAP.match(text):
        yield Candidate("PART_OF", a, b, sent, "part-of")
    elif _INCLUDES_GAP.match(text):
        yield Candidate("PART_OF", b, a, sent, "includes")
    elif gap and gap[0].text in _POSSESSIVE and content and len(content) <= 3:
        # "ISIL's War Committee", "al-Qaida's media arm As-Sahab", "the Taliban's rival ISIS"
        if last in lex.parts:
            yield Candidate("PART_OF", b, a, sent, "possessive-part")
        elif last in lex.rivals:
            yield Candidate("HOSTILE", a, b, sent, "possessive-rival")
        elif last in lex.allies:
            yield Candidate("ALLY", a, b, sent, "possessive-ally")
    elif text.startswith(",") and gap and gap[-1].lower_ in {"of", "to"} and content:
        # "As-Sahab, the media arm of al-Qaida", "ISIS, a rival of the Taliban"
        noun = next((w for w in reversed(content) if w.lower_ not in {"of", "to"}), None)
        lemma = noun.lemma_.lower() if noun is not None else ""
        if lemma in lex.parts or lemma in {"affiliate", "member", "part"}:
            yield Candidate("PART_OF", a, b, sent, "appositive-part")
        elif lemma in lex.rivals:
            yield Candidate("HOSTILE", a, b, sent, "appositive-rival")
        elif lemma in lex.allies:
            yield Candidate("ALLY", a, b, sent, "appositive-ally")
    elif (
        text in {",", "from", "of", "from the", "of the", "in the", "in"}
        and _is_unit(a, sent)
        and _is_unit(b, sent)
    ):
        # military units: "3rd Battalion, 321st Field Artillery Regiment", "Airmen from the 507th Wing"
        yield Candidate("PART_OF", a, b, sent, "unit-of-unit")


def _until_punct(tokens: list[Token]) -> list[Token]:
    out = []
    for token in tokens:
        if token.is_punct:
            break
        out.append(token)
    return out


def _is_unit(ref: Ref, sent: Span) -> bool:
    words = ref.name.lower().split()
    return bool(words) and (words[-1] in lexicon().unit_heads or " ".join(words[-2:]) in lexicon().unit_heads)


def _actor_view(index: RefIndex, ref: Ref) -> Ref | None:
    if ref.kind == "entity":
        return ref
    return index.at(ref.start, "entity")


def _dedupe_spans(refs: list[Ref]) -> list[Ref]:
    """One ref per span, preferring the entity (the place is found again through `place_for`)."""
    out: list[Ref] = []
    for ref in refs:
        if out and out[-1].start == ref.start and out[-1].end == ref.end:
            continue
        if out and ref.start < out[-1].end:  # nested in the previous, longer mention
            continue
        out.append(ref)
    return out


def _can_contain(inner: Ref, outer: Ref) -> bool:
    if inner.country and outer.country and inner.country != outer.country:
        return False
    return _PLACE_RANK.get(inner.type, 0) < _PLACE_RANK.get(outer.type, 0) or (
        (inner.type == "other" or outer.type == "other") and not (inner.type == outer.type == "country")
    )


def _strong_container(outer: Ref, inner: Ref) -> bool:
    """A comma joins two places as "city, country" only when the second is the larger unit."""
    return _PLACE_RANK.get(outer.type, 0) > _PLACE_RANK.get(inner.type, 0) and outer.type in {
        "country",
        "admin1",
    }


# -- parse rules ---------------------------------------------------------------------------------------


def _subjects(verb: Token, index: RefIndex) -> list[Ref]:
    out = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            out.extend(_with_conjuncts(child, index))
    if not out and verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                out.extend(_with_conjuncts(child, index))
    if not out and verb.dep_ == "relcl":
        ref = index.actor(verb.head)
        if ref is not None:
            out.append(ref)
    return out


def _with_conjuncts(token: Token, index: RefIndex) -> list[Ref]:
    out = []
    for item in [token, *token.conjuncts]:
        ref = index.actor(item)
        if ref is not None:
            out.append(ref)
    return out


def _objects(token: Token, index: RefIndex, preps: frozenset[str]) -> list[Ref]:
    out = []
    for child in token.children:
        if child.dep_ in {"dobj", "obj"}:
            out.extend(_with_conjuncts(child, index))
        elif child.dep_ == "prep" and child.lower_ in preps:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    out.extend(_with_conjuncts(grand, index))
    return out


def parse_rules(index: RefIndex, sent: Span) -> Iterator[Candidate]:
    lex = lexicon()
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"}:
            subjects = [
                ref for ref in _subjects(token, index) if ref.kind == "entity" or ref.type == "country"
            ]
            if lemma in lex.hostile_verbs and subjects:
                for target in _objects(token, index, frozenset({"against", "with", "on"})):
                    for source in subjects:
                        yield Candidate("HOSTILE", source, target, sent, f"verb:{lemma}")
            elif lemma in lex.ally_verbs and subjects:
                for target in _objects(token, index, frozenset({"with", "alongside"})):
                    for source in subjects:
                        yield Candidate("ALLY", source, target, sent, f"verb:{lemma}")
            elif lemma in lex.support_verbs and subjects:
                for target in _objects(token, index, frozenset()):
                    for source in subjects:
                        if not source.is_person:
                            yield Candidate("SUPPORTS", source, target, sent, f"verb:{lemma}")
            if lemma in lex.support_verbs and token.tag_ == "VBN":
                yield from _passive_support(token, index, sent)
            yield from _presence(token, subjects, index, sent)
        elif token.lower_ == "against":
            yield from _against(token, index, sent)
        elif token.pos_ == "NOUN" and lemma in lex.alliances:
            yield from _alliance(token, index, sent)
        elif token.pos_ == "NOUN" and lemma in lex.support_nouns:
            yield from _support_noun(token, index, sent)
        elif token.lower_ in {"its", "their"} and token.dep_ == "poss":
            yield from _possessive_pronoun(token, index, sent)
    yield from _actor_in_place(index, sent)


def _passive_support(verb: Token, index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "Y, backed by X" / "Y is backed by X"."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None:
        return
    sources = [index.actor(c) for c in agent.children if c.dep_ == "pobj"]
    targets = [index.actor(c) for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ in {"acl", "relcl"}:
        targets.append(index.actor(verb.head))
    for source in sources:
        for target in targets:
            if source is not None and target is not None and not source.is_person:
                yield Candidate("SUPPORTS", source, target, sent, "passive-support")


def _against(token: Token, index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "X conducted strikes against Y", "ISIL's defenses against the SDF", "the fight against Y"."""
    targets = [ref for c in token.children if c.dep_ == "pobj" for ref in _with_conjuncts(c, index)]
    if not targets:
        return
    head = token.head
    sources: list[Ref] = []
    if head.pos_ == "NOUN":
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            ref = index.actor(owner)
            sources = [ref] if ref is not None else []
        while not sources and head.pos_ == "NOUN" and head.head.i != head.i:
            head = head.head
        if not sources and head.pos_ == "NOUN":
            modifier = next(
                (c for c in head.children if c.dep_ in {"compound", "amod"} and index.at(c.i, "entity")), None
            )
            if modifier is not None:
                ref = index.actor(modifier)
                sources = [ref] if ref is not None else []
    if not sources and head.pos_ in {"VERB", "AUX"}:
        sources = _subjects(head, index)
    for source in sources:
        for target in targets:
            yield Candidate("HOSTILE", source, target, sent, "against")


def _alliance(noun: Token, index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "the alliance between al-Qaida and the Taliban"; "between the two groups" takes the two groups
    last named in the sentence."""
    between = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"between", "of"}), None)
    if between is not None:
        members: list[Ref] = []
        for pobj in (c for c in between.children if c.dep_ == "pobj"):
            members.extend(_with_conjuncts(pobj, index))
            if not members and pobj.lemma_.lower() in {
                "group",
                "side",
                "country",
                "nation",
                "movement",
                "organization",
            }:
                groups = [ref for ref in index.in_sentence(sent) if ref.is_group and ref.end <= noun.i]
                distinct: list[Ref] = []
                for ref in reversed(groups):
                    if all(ref.id != other.id for other in distinct):
                        distinct.append(ref)
                members = distinct[:2][::-1] if len(distinct) >= 2 else []
        if len(members) >= 2 and members[0].id != members[1].id and all(m.is_group for m in members[:2]):
            yield Candidate("ALLY", members[0], members[1], sent, "alliance-between")
        return
    partner = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if partner is not None and owner is not None:
        source = index.actor(owner)
        for pobj in (c for c in partner.children if c.dep_ == "pobj"):
            for target in _with_conjuncts(pobj, index):
                if source is not None and source.is_group and target.is_group:
                    yield Candidate("ALLY", source, target, sent, "alliance-with")


def _support_noun(noun: Token, index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "With the support of the Taliban, al-Qaida moved ..."; "X's support for Y"; "in support of Y"."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}), None)
    frame = noun.head if noun.dep_ == "pobj" else None
    if of is not None and frame is not None and frame.lower_ in {"with", "in"}:
        inner = [ref for c in of.children if c.dep_ == "pobj" for ref in _with_conjuncts(c, index)]
        verb = frame.head
        outer = _subjects(verb, index) if verb.pos_ in {"VERB", "AUX"} else []
        for x in inner:
            for y in outer:
                if frame.lower_ == "with" and not x.is_person:
                    yield Candidate("SUPPORTS", x, y, sent, "with-support-of")
                elif frame.lower_ == "in" and not y.is_person:
                    yield Candidate("SUPPORTS", y, x, sent, "in-support-of")
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    target_prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    if owner is not None and target_prep is not None:
        source = index.actor(owner)
        for pobj in (c for c in target_prep.children if c.dep_ == "pobj"):
            for target in _with_conjuncts(pobj, index):
                if source is not None and source.is_group:
                    yield Candidate("SUPPORTS", source, target, sent, "support-for")


def _possessive_pronoun(token: Token, index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "its production team As-Sahab", "its terror rival, Islamic State", "their leader X"."""
    noun = token.head
    lemma = noun.lemma_.lower()
    lex = lexicon()
    kind = (
        "PART_OF"
        if lemma in lex.parts
        else "HOSTILE"
        if lemma in lex.rivals
        else "ALLY"
        if lemma in lex.allies
        else lex.roles.get(lemma)
    )
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


def _presence(verb: Token, subjects: list[Ref], index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "Al-Qaida is operating ... in Afghanistan", "As-Sahab was moved back into Helmand", "Pakistan,
    where it had been operating"."""
    lex = lexicon()
    lemma = verb.lemma_.lower()
    actors = [ref for ref in subjects if ref.is_group]
    if not actors:
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        actors = [ref for c in passive for ref in _with_conjuncts(c, index) if ref.is_group]
    if not actors or lemma in {"say", "tell", "add", "report", "claim", "announce", "declare", "warn"}:
        return
    preps = [c for c in verb.children if c.dep_ == "prep"]
    for advmod in (c for c in verb.children if c.dep_ == "advmod"):
        preps.extend(c for c in advmod.children if c.dep_ == "prep")
    for prep in preps:
        word = prep.lower_
        if word not in lex.presence_preps:
            continue
        if word in {"from", "out"} and lemma not in lex.presence_verbs_from:
            continue
        for place in _places_under(prep, index):
            for actor in actors:
                yield Candidate("OPERATES_IN", actor, place, sent, f"presence:{lemma}")
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        anchor = index.at(verb.head.i, "place") or index.at(verb.head.i, "entity")
        where = index.place_for(anchor) if anchor is not None else None
        if where is not None and where.kind == "place":
            for actor in actors:
                if actor.id != where.id:
                    yield Candidate("OPERATES_IN", actor, where, sent, "where")


def _places_under(prep: Token, index: RefIndex) -> list[Ref]:
    """The first place in a prepositional phrase and the places coordinated with it."""
    for token in prep.subtree:
        ref = index.at(token.i, "place")
        if ref is None:
            entity = index.at(token.i, "entity")
            ref = index.place_for(entity) if entity is not None and entity.type in {"STATE"} else None
        if ref is not None:
            out = [ref]
            head = token.doc[ref.end - 1]
            for conj in head.conjuncts:
                other = index.at(conj.i, "place")
                if other is not None and other.id != ref.id:
                    out.append(other)
            return out
    return []


def _actor_in_place(index: RefIndex, sent: Span) -> Iterator[Candidate]:
    """ "ISIL terrorists in Syria and Iraq": an actor noun phrase located by its own preposition."""
    lex = lexicon()
    for ref in index.in_sentence(sent):
        if not ref.is_group:
            continue
        head = sent.doc[ref.end - 1]
        if head.dep_ == "compound" and head.head.lemma_.lower() in lex.actor_heads:
            head = head.head
        for prep in (
            c
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in {"in", "across", "throughout", "inside"}
        ):
            for place in _places_under(prep, index):
                yield Candidate("OPERATES_IN", ref, place, sent, "actor-in-place")
