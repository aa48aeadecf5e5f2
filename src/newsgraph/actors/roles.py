"""The role a text gives a person: "Bruce Riedel, a counter-terror expert at Brookings" -> the expert."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.actors import vocab

_SKIP_LEADING = frozenset({"the", "a", "an", "his", "her", "their", "its", ",", "'s"})
_MAX_ROLE_TOKENS = 14


def _clean(tokens: list[Token]) -> str | None:
    while tokens and (
        tokens[0].lower_ in _SKIP_LEADING
        or tokens[0].is_punct
        or tokens[0].pos_ in {"VERB", "AUX", "ADP", "SPACE"}
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in {"'s", "’s"}):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > _MAX_ROLE_TOKENS or (len(tokens[-1].text) < 3 and len(tokens) == 1):
        return None
    if not any(t.pos_ == "NOUN" or t.lower_.rstrip(".") in vocab.TITLES for t in tokens):
        return None  # a role names a function: "expert", "leader", "spokesman"
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip()


def role_for(doc: Doc, name: Span) -> str | None:
    """The appositive or title phrase attached to the person named by `name`, if any."""
    root = name.root
    inside = set(range(name.start, name.end))
    # "Bruce Riedel, a counter-terror expert at Brookings"
    for child in root.children:
        if child.dep_ == "appos" and child.i >= name.end:
            tokens = [doc[i] for i in range(child.left_edge.i, child.right_edge.i + 1)]
            role = _clean(tokens)
            if role:
                return role
    # "ISIS chief Abu Bakr al-Baghdadi": the name is the appositive of its title
    head = root.head
    if root.dep_ == "appos" and head.i < name.start and head.pos_ == "NOUN":
        tokens = [doc[i] for i in range(head.left_edge.i, name.start) if i not in inside]
        role = _clean(tokens)
        if role:
            return role
    # "new Taliban leader Mullah Mansoor", "Al-Qaida chief Ayman al-Zawahiri": modifiers before the name
    left = root.left_edge.i
    if left < name.start:
        tokens = [doc[i] for i in range(left, name.start)]
        if all(
            t.dep_ in {"compound", "amod", "nmod", "det", "punct", "poss", "case", "nummod"} for t in tokens
        ):
            role = _clean(tokens)
            if role:
                return role
    return None
