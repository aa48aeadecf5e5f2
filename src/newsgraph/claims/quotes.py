"""Find quoted passages in an article body.

Curly quotes pair unambiguously; straight quotes alternate within a paragraph. A quote still open at
the end of its paragraph is closed there: newswire style re-opens a quote that runs on into the next
paragraph without closing the first, so each paragraph's part is its own passage.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"\n\s*\n")
_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'
MIN_QUOTE_WORDS = 4  # shorter quoted strings are titles or scare quotes ("Khorasan Province"), not speech


@dataclass(frozen=True)
class Quote:
    start: int  # first character inside the quotation marks
    end: int  # end of the quoted text (the closing mark or the paragraph end)
    outer_start: int  # the opening mark
    outer_end: int  # after the closing mark

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, last = [], 0
    for match in _PARAGRAPH.finditer(text):
        spans.append((last, match.start()))
        last = match.end()
    spans.append((last, len(text)))
    return spans


def find_quotes(text: str) -> list[Quote]:
    """Quoted passages of at least `MIN_QUOTE_WORDS` words, in text order."""
    found: list[Quote] = []
    for para_start, para_end in _paragraphs(text):
        opened: int | None = None
        straight_open = False
        for pos in range(para_start, para_end):
            char = text[pos]
            if char == _OPEN or (char == _STRAIGHT and not straight_open and opened is None):
                opened = pos
                straight_open = char == _STRAIGHT
            elif opened is not None and (char == _CLOSE or (char == _STRAIGHT and straight_open)):
                found.append(Quote(opened + 1, pos, opened, pos + 1))
                opened, straight_open = None, False
        if opened is not None:
            end = len(text[:para_end].rstrip())
            found.append(Quote(opened + 1, end, opened, end))
    return [quote for quote in found if quote.words(text) >= MIN_QUOTE_WORDS]


def quote_at(quotes: list[Quote], position: int) -> Quote | None:
    """The quote (from `find_quotes`: in text order, not overlapping) around a character position."""
    i = bisect.bisect_right([quote.outer_start for quote in quotes], position) - 1
    if i >= 0 and position < quotes[i].outer_end:
        return quotes[i]
    return None


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding spaces, quotation marks and trailing commas."""
    junk = " \t\n\r\"“”‘’'.,;:"
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in junk:
        end -= 1
    return start, end
