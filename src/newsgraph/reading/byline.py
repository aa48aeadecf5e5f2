"""Bylines: "By Jane Doe and John Roe, Reuters", "Rachel Stoltzfoos Staff Reporter", "Jane Doe | Senior Editor".

A byline is a short line of personal names followed (or preceded) by role words. We recognise it by
its shape: capitalised name tokens, joiners ("and", "&", ","), an optional leading "By", and a tail
drawn from a vocabulary of newsroom roles. The names go to `Document.authors`, the role words do not.
"""

from __future__ import annotations

import re

# Newsroom role words. A byline's tail is made only of these (plus "of", "the", "at", "for" and an
# outlet name after a comma or "|"), so a sentence is never mistaken for a byline.
ROLE_WORDS = frozenset(
    """
    staff reporter reporters correspondent correspondents editor editors writer writers contributor
    contributors columnist columnists senior chief political national foreign defense defence security
    investigative associate assistant managing executive deputy news bureau producer analyst fellow
    contributing freelance special white house congressional capitol hill washington international
    science health business technology tech economics economy legal justice affairs opinion world
    global digital video photo photographer photojournalist journalist journalists intern editorial
    director head desk team breaking energy climate military diplomatic intelligence middle east
    europe asia africa america americas reporting author anchor host commentator researcher
    associated press reuters afp agency wire service
    """.split()  # noqa: SIM905  # a word list reads better as text than as 90 quoted strings
)
_FILLER = frozenset({"of", "the", "at", "for", "and", "on", "in", "a", "&"})
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-zA-Z'’\-]+\.?|[A-Z]\.|(?:de|da|van|von|der|al|el|bin|ibn|la|le)|al-\w+)$"
)
_BY = re.compile(r"^\s*(?:by|written by|words by|reporting by)\s*[:\-]?\s+", re.IGNORECASE)
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2}\s*$")
_JOIN = re.compile(r"\s*(?:,|;|\band\b|&|\bwith\b)\s*")


def parse_byline(line: str) -> list[str] | None:
    """The author names in a byline line, or None when the line is not a byline."""
    text = line.strip()
    if not text or len(text) > 160 or (text.endswith((".", "?", "!", '"', "”")) and not _BY.match(text)):
        return None
    has_by = bool(_BY.match(text))
    text = _BY.sub("", text)
    # "Martin Chulov in Beirut": a filing place after the names marks a byline as surely as a role does.
    located = _IN_PLACE.search(text)
    if located:
        text = text[: located.start()]
    # "Name | Role | Outlet", "Name, Reuters", "Name — Role": only the first segment holds names.
    head = re.split(r"\s*[|•·—–]\s*|\s+-\s+", text)[0]
    tokens = head.split()
    names: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        bare = token.strip(",;")
        lower = bare.lower()
        # A role word ends the names once the current name is complete (two tokens or more); earlier
        # it may be a surname ("Jane Washington").
        if lower in ROLE_WORDS and (len(current) >= 2 or (not current and names)):
            break
        if lower in {"and", "&"} or bare != token:
            # A joiner, or a token ending in "," or ";": close the current name.
            if bare != token and _NAME_TOKEN.match(bare):
                current.append(bare)
            if current:
                names.append(" ".join(current))
                current = []
            index += 1
            continue
        if not _NAME_TOKEN.match(bare):
            return None
        current.append(bare)
        index += 1
    if current:
        names.append(" ".join(current))
    rest = [t.strip(",;").lower() for t in tokens[index:]]
    if any(t not in ROLE_WORDS and t not in _FILLER and not _capitalised(t, tokens) for t in rest):
        return None
    roles = sum(1 for t in rest if t in ROLE_WORDS)
    # A one-word segment after a comma is an outlet or desk ("Jane Doe, Reuters"), not an author.
    names = [n for n in (_clean_name(n) for n in names) if 2 <= len(n.split()) <= 5]
    if not names:
        return None
    # Segments after "|" or a dash: "Jane Doe | Senior Editor".
    for segment in re.split(r"\s*[|•·—–]\s*|\s+-\s+", text)[1:]:
        words = [w.strip(",;").lower() for w in segment.split()]
        if words and all(w in ROLE_WORDS or w in _FILLER for w in words):
            roles += 1
    # Without "By", a line of capitalised words is a byline only if role words follow the names.
    if not has_by and roles == 0 and not located:
        return None
    return names


def _capitalised(lowered: str, tokens: list[str]) -> bool:
    # An outlet or desk name after the role ("Staff Reporter, Daily Caller") is capitalised in the original.
    return any(t.strip(",;").lower() == lowered and t[:1].isupper() for t in tokens)


def _clean_name(name: str) -> str:
    name = " ".join(name.split()).strip(" ,;:")
    # "JANE DOE" in a shouting byline becomes "Jane Doe".
    return name.title() if name.isupper() and len(name) > 3 else name


def split_authors(value: str) -> list[str]:
    """Author names from a metadata string ("A; B", "A and B", "By A, B"), role words removed."""
    text = _BY.sub("", value.strip())
    parsed = parse_byline("By " + text)
    if parsed:
        return parsed
    parts = [p.strip() for p in re.split(r"\s*(?:;|\band\b|&|\|)\s*", text) if p.strip()]
    return [p for p in parts if 1 <= len(p.split()) <= 6]
