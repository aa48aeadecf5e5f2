"""Relations read from the words between two consecutive mentions in a sentence.

"Al-Qaida chief Ayman al-Zawahiri", "Bruce Riedel, a counter-terror expert at Brookings", "the
Taliban's rival ISIS", "3rd Battalion, 321st Field Artillery Regiment", "Raqqah, Syria". Surface
order is used because the small parser often mis-attaches exactly these titles and appositions.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from newsgraph.relations.candidates import Candidate
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
_NOT_LEADING = frozenset({"deputy", "vice", "former", "ex", "late", "assistant", "acting"})
PLACE_RANK = {"country": 4, "region": 3, "admin1": 3, "admin2": 2, "city": 1, "other": 0}
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
    r"^(?:,|in|of|near|inside|in\s+the|of\s+the|in\s+\w+ern|in\s+\w+ern\s+and\s+\w+ern"
    r"|in\s+the\s+(?:\w+\s+){0,2}(?:province|city|town|district|region|area|governorate|state|county)\s+of)$"
)
_INCLUDING_GAP = re.compile(r"^,?\s*(?:including|such as)$")
_HEADED_GAP = re.compile(
    r"^,\s*(?:who|which)\s+(?:heads|headed|leads|led|commands|commanded|runs|ran|founded)(?:\s+the)?$"
)


def _words(tokens: Span) -> list[Token]:
    return [token for token in tokens if not token.is_space]


def role_of(tokens: list[Token]) -> str | None:
    """The relation a run like ", a counter-terror expert at" or "'s new leader" names."""
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
    two = " ".join(w.lower_ for w in words[-2:])
    kind = roles.get(two) or roles.get(words[-1].lower_) or roles.get(words[-1].lemma_.lower())
    if kind is None:
        return None
    if any(w.pos_ not in _MOD_POS and w.text != "-" for w in words[:-1]):
        return None
    if kind == "LEADER_OF" and any(w.lower_ in _NOT_LEADING for w in words[:-1]):
        return "MEMBER_OF"
    return kind


def gap_rules(index: RefIndex, sent: Span) -> Iterator[Candidate]:
    refs = _one_per_span(index.in_sentence(sent))
    doc = sent.doc
    for first, second in itertools.pairwise(refs):
        gap = _words(doc[first.end : second.start])
        if len(gap) > MAX_GAP_TOKENS:
            continue
        text = " ".join(token.lower_ for token in gap)
        a, b = _actor_view(index, first), _actor_view(index, second)
        if a and b and a.is_group and b.is_person and gap:
            # "Al-Qaida chief Ayman al-Zawahiri", "Taliban spokesman, Zabihullah Mujahid"
            kind = role_of(gap)
            if kind:
                yield Candidate(kind, b, a, sent, "title")
        if a and b and a.is_person and b.is_group and gap:
            yield from _person_then_group(a, b, gap, text, sent)
        if a and b and a.is_group and b.is_group:
            yield from _group_pair(a, b, gap, text, sent)
        pa, pb = index.place_for(first), index.place_for(second)
        named = all(
            any(t.pos_ == "PROPN" for t in doc[r.start : r.end]) for r in (first, second)
        )  # not "French"
        if pa and pb and pa.id != pb.id and named:
            yield from _place_pair(pa, pb, text, sent)


def _person_then_group(a: Ref, b: Ref, gap: list[Token], text: str, sent: Span) -> Iterator[Candidate]:
    doc = sent.doc
    commas = [i for i, token in enumerate(gap) if token.text == ","]
    if len(commas) >= 2 and all(token.pos_ == "PROPN" for token in gap[commas[-1] + 1 :]):
        gap = gap[
            : commas[-1] + 1
        ]  # "Volesky, commander, Combined Joint Forces ...": a name the mention missed
    kind = role_of(gap)
    if kind and (gap[-1].lower_ in _ROLE_PREPS | _DETS or gap[-1].text == ","):
        # "Bruce Riedel, a counter-terror expert at Brookings", "Joseph Votel, commander, CENTCOM"
        yield Candidate(kind, a, b, sent, "role-of")
    elif _HEADED_GAP.match(text):
        yield Candidate("LEADER_OF", a, b, sent, "who-heads")
    elif text in {",", ", a", ", an", ", the"}:
        # "Abu Jandal al-Kuwaiti, an ISIL gang leader"
        after = []
        for token in doc[b.end : min(b.end + 4, sent.end)]:
            if token.pos_ not in {"NOUN", "ADJ", "PROPN"}:
                break
            after.append(token)
        kind = role_of(after)
        if kind:
            yield Candidate(kind, a, b, sent, "role-after")


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
        # "al-Qaida's media arm As-Sahab", "the Taliban's rival ISIS"
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
    elif text in {",", "from", "of", "from the", "of the", "in the", "in"} and _is_unit(a) and _is_unit(b):
        # military units: "3rd Battalion, 321st Field Artillery Regiment"
        yield Candidate("PART_OF", a, b, sent, "unit-of-unit")


def _place_pair(a: Ref, b: Ref, text: str, sent: Span) -> Iterator[Candidate]:
    """ "Raqqah, Syria", "the Helmand Province of Afghanistan", "Syria's Idlib province",
    "towns in Northern Iraq including Rabiyah"."""
    if text in {"'s", "’s"}:
        if can_contain(b, a):
            yield Candidate("LOCATED_IN", b, a, sent, "place-possessive")
    elif _INCLUDING_GAP.match(text):
        if can_contain(b, a):
            yield Candidate("LOCATED_IN", b, a, sent, "place-including")
    elif _LOCATION_GAP.match(text) and can_contain(a, b) and (text != "," or _comma_container(b, a)):
        yield Candidate("LOCATED_IN", a, b, sent, "place-in-place")


def _is_unit(ref: Ref) -> bool:
    words = ref.name.lower().split()
    heads = lexicon().unit_heads
    return bool(words) and (words[-1] in heads or " ".join(words[-2:]) in heads)


def _actor_view(index: RefIndex, ref: Ref) -> Ref | None:
    if ref.kind == "entity":
        return ref
    return index.at(ref.start, "entity")


def _one_per_span(refs: list[Ref]) -> list[Ref]:
    """One ref per span, preferring the entity (its place is found again through `place_for`)."""
    out: list[Ref] = []
    for ref in refs:
        if out and ref.start < out[-1].end:  # the same span, or nested in the previous longer mention
            continue
        out.append(ref)
    return out


def can_contain(inner: Ref, outer: Ref) -> bool:
    if inner.country and outer.country and inner.country != outer.country:
        return False
    if inner.type == outer.type == "country":
        return False
    if inner.type == "region" and (inner.country is None or inner.country != outer.country):
        return False  # "Asia" is not inside Japan
    inner_rank, outer_rank = PLACE_RANK.get(inner.type, 0), PLACE_RANK.get(outer.type, 0)
    return inner_rank < outer_rank or "other" in {inner.type, outer.type}


def _comma_container(outer: Ref, inner: Ref) -> bool:
    """A comma joins "city, country" only when the second is the larger unit (not a list of peers)."""
    return PLACE_RANK.get(outer.type, 0) > PLACE_RANK.get(inner.type, 0) >= 0 and outer.type != "other"
