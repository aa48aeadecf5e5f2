"""Name folding shared by the gazetteer builder, the loader and the resolver."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")
_DOTS = re.compile(r"(?<=\w)\.(?=\w|$)")


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "the U.S." -> "us", "São Paulo" -> "sao paulo"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"'s$", "", text)
    # "U.S." and "U.K." fold to "us" and "uk", so abbreviations meet their dotless forms.
    text = _DOTS.sub("", text)
    text = _NON_WORD.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text
