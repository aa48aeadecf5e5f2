"""The tense of the verb that governs a span, read from spaCy's parse and tags.

Direction-ambiguous expressions ("Friday", "in May", "the fourth quarter") are resolved forwards
when the clause is about the future and backwards otherwise; this module gives that clause's tense.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Token

from newsgraph.time.anchor import Tense

LOGGER = logging.getLogger(__name__)

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
# Verbs whose complement is planned, not done: "is expected to meet Friday", "plans to vote in May".
_SCHEDULE_VERBS = frozenset({"schedule", "slate", "due"})
_FUTURE_VERBS = frozenset(
    {"expect", "plan", "schedule", "intend", "hope", "aim", "set", "due", "prepare", "propose"}
)


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") or current.tag_.startswith("VB"):
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def verb_tense(verb: Token) -> Tense | None:
    aux = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in aux}
    if words & _FUTURE_AUX or (verb.lower_ in _FUTURE_AUX):
        return "FUTURE"
    if verb.lemma_ in _SCHEDULE_VERBS:
        return "FUTURE"  # "has scheduled a news conference Thursday"
    if words & {"have", "has", "had", "'ve"}:
        return "PAST"
    if any(child.tag_ == "MD" for child in aux):
        # "would leave Monday", "could come as early as Tuesday"; a modal passive ("could be
        # located Wednesday") says nothing about direction.
        if verb.tag_ == "VB" or "be" not in words:
            return "FUTURE"
        return None if words & {"could", "might"} else "FUTURE"
    if "to" in words and verb.tag_ == "VB" and verb.head.tag_ in ("VBZ", "VBP", "MD"):
        return "FUTURE"  # "is to resume trading Tuesday"
    if any(child.tag_ == "VBD" for child in aux) or verb.tag_ == "VBD":
        return "PAST"
    if verb.tag_ == "VBN" and not aux:
        return "PAST"  # a bare participle: "the agreement, announced Friday"
    # An infinitive or gerund inherits from the verb it depends on ("plans to meet Monday").
    if verb.tag_ in ("VB", "VBG") and verb.dep_ in ("xcomp", "ccomp", "advcl", "conj", "relcl", "acl"):
        head = verb.head
        if head is not verb:
            if head.lemma_ in _FUTURE_VERBS and verb.tag_ == "VB":
                return "FUTURE"
            inherited = verb_tense(head) if head.pos_ in ("VERB", "AUX") else None
            if inherited is not None:
                return inherited
    if verb.tag_ in ("VBZ", "VBP") or any(child.tag_ in ("VBZ", "VBP") for child in aux):
        if verb.tag_ == "VBG" or verb.lemma_ in _FUTURE_VERBS:
            return "FUTURE"  # "is meeting Friday", "is expected Monday"
        return "PRESENT"
    return None


def tense_at(doc: Doc, start: int, end: int) -> Tense | None:
    """The tense of the clause around the character span [start, end) of `doc`, if the parse shows it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    return verb_tense(verb)
