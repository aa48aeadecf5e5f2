"""Nominal references to groups ("the terror group", "the two groups") resolved to named actors.

A definite noun phrase headed by a group noun points at the most salient group named before it:
recent, and preferably the subject (or the modifier of the subject) of its clause. "Terror",
"militant" and similar modifiers restrict the choice to armed groups; "the two groups" and "both
groups" take the two most salient distinct groups.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from newsgraph.actors import vocab
from newsgraph.model import EntityType

if TYPE_CHECKING:
    from newsgraph.actors.linking import Found

GROUP_TYPES = frozenset({"ARMED_GROUP", "ORGANIZATION"})
WINDOW_SENTENCES = 2  # how far back (in sentences) a nominal may point
SUBJECT_WEIGHT = 0.3  # a subject counts as this fraction of its distance


def find_nominals(
    doc: Doc, found: list[Found], type_of: Callable[[str], EntityType], claimed: set[int]
) -> list[Found]:
    from newsgraph.actors.linking import Found, subject_like

    named = sorted((f for f in found if f.named and type_of(f.key) in GROUP_TYPES), key=lambda f: f.start)
    if not named:
        return []
    sentence_of = {}
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sentence_of[i] = number
    out: list[Found] = []
    for token in doc:
        if token.lower_ not in vocab.GROUP_NOUNS or token.i in claimed or token.pos_ != "NOUN":
            continue
        if _names_members(token):
            continue  # "the group of soldiers" is not a reference to a group actor
        left = [t for t in doc[max(0, token.i - 3) : token.i]]
        # the determiner opens the phrase: keep only the words after the last determiner
        det_at = max((k for k, t in enumerate(left) if t.lower_ in {"the", "both"}), default=None)
        if det_at is None:
            continue
        modifiers = left[det_at + 1 :]
        if any(
            t.lower_ not in vocab.GROUP_MODIFIERS and t.lower_ not in vocab.NUMBER_WORDS for t in modifiers
        ):
            continue
        if any(t.i in claimed for t in modifiers):
            continue
        start = left[det_at].i
        named_next = next((f for f in named if f.start == token.i + 1), None)
        if named_next is not None:
            # "the jihadist group IS", "the terror group al-Shabaab": the name says which group
            out.append(Found(start, token.i + 1, named_next.key, named=False, label="nominal"))
            continue
        words = {t.lower_ for t in [*left[det_at:], token]}
        plural = token.tag_ == "NNS" or token.lower_.endswith("s")
        count = next((vocab.NUMBER_WORDS[w] for w in words if w in vocab.NUMBER_WORDS), 2 if plural else 1)
        armed = bool(words & vocab.ARMED_MODIFIERS)
        here = sentence_of.get(token.i, 0)
        scored: dict[str, float] = {}
        for f in named:
            if f.start >= token.i:
                break
            if here - sentence_of.get(f.start, 0) > WINDOW_SENTENCES:
                continue
            if armed and type_of(f.key) != "ARMED_GROUP":
                continue
            distance = float(doc[token.i].idx - doc[f.start].idx)
            root = doc[f.start : f.end].root
            before = doc[f.start - 1] if f.start > 0 else root
            if before.lower_ in vocab.GROUP_NOUNS:
                root = before  # a name in apposition takes the role of its noun: "the group IS claimed"
            score = distance * (SUBJECT_WEIGHT if subject_like(root) else 1.0)
            scored[f.key] = min(score, scored.get(f.key, score))
        if len(scored) < count:
            continue
        for key, _score in sorted(scored.items(), key=lambda kv: kv[1])[:count]:
            out.append(Found(start, token.i + 1, key, named=False, label="nominal"))
    return out


def _names_members(token: Token) -> bool:
    """Whether an "of" phrase gives the group's members: "the group of soldiers", "of 12 men"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (
                    obj.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "nummod" for c in obj.children)
                ):
                    return True
    return False
