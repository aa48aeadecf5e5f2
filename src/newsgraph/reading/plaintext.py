"""Plain-text pages: split the page head (title, outlet, byline, date) and tail (social, licensing,
prompts) from the story.

A text page copied from a browser has a recognisable shape: a head of short lines (the title, an
outlet's logo alt-text, a byline with the reporter's role, reader controls, a date), then the story
as prose paragraphs, then a tail (follow/share prompts, reuse and syndication terms, comment and
newsletter prompts). We classify lines by those patterns (`boilerplate.py`, `byline.py`), take the
head from the top and the tail from the bottom, and keep every paragraph in between. Text without
such furniture (a record's clean body, a wire story) passes through whole.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from newsgraph.reading import boilerplate as bp
from newsgraph.reading.byline import parse_byline
from newsgraph.reading.published import PublishedDate, dateline, find_date

LOGGER = logging.getLogger(__name__)

_HEAD_LINES = 12  # the head of a page is short; furniture further down is the story's own business
_TERMINAL = re.compile(r"[.!?…:;\"”’)\]]\s*$")
_DATE_LINE = re.compile(
    r"^\s*(?:(?:published|posted|updated|last updated|first published|date)\s*(?:on|at)?\s*:?\s*)?"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\s*)?[\w .,:/\-]{0,40}\d{4}"
    r"[\w .,:/\-]{0,30}$",
    re.IGNORECASE,
)
_OUTLET_IN_TERMS = re.compile(
    r"\b(?:content|articles?|stories|material)\s+(?:created|produced|written|published|distributed)\s+by\s+"
    r"(?:[Tt]he\s+)?(?P<name>[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){0,6})"
    r"|(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:[Tt]he\s+)?(?P<owner>[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){0,5})",
    re.IGNORECASE,
)

# "KABUL, Afghanistan (Reuters) — ...", "GAO, Mali, May 14, 2019 (AP) - ...": the wire service that filed it.
_DATELINE_AGENCY = re.compile(
    r"^[A-Z][A-Z .'\-]{1,40}(?:,[\w .,]{1,60})?\s*\((?P<agency>[A-Z][\w .&'\-]{1,40})\)\s*[—–\-]"
)


@dataclass
class TextArticle:
    body: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    license: str | None = None
    published: PublishedDate | None = None


def paragraphs_of(text: str) -> list[str]:
    """The text's paragraphs: one per line, or per blank-line block when lines are hard-wrapped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    out: list[str] = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if len(lines) > 2 and _hard_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    # A wrapped paragraph: every line but the last is of similar, medium length, most do not end a sentence,
    # and many continue mid-sentence (the next line starts in lower case), unlike a page head's short lines.
    widths = [len(line) for line in lines[:-1]]
    open_ends = sum(1 for line in lines[:-1] if not _TERMINAL.search(line))
    continued = sum(1 for line in lines[1:] if line[:1].islower())
    return (
        min(widths) >= 40
        and max(widths) <= 100
        and max(widths) - min(widths) <= 30
        and open_ends >= len(widths) / 2
        and continued >= len(widths) * 0.4
    )


def is_prose(line: str) -> bool:
    """A story paragraph: ends like a sentence, or is too long for a heading or a control."""
    return len(line) > 160 or (bool(_TERMINAL.search(line)) and len(line.split()) >= 4)


def parse_text(text: str, title_hint: str | None = None) -> TextArticle:
    lines = paragraphs_of(text)
    article = TextArticle(body="")
    if not lines:
        return article
    start = _read_head(lines, article, title_hint)
    end = _read_tail(lines, start, article)
    body_lines = []
    for line in lines[start:end]:
        # Furniture can interrupt a story ("Advertisement", "RELATED: ..."), but only as a line of its own.
        if not is_prose(line) and (bp.is_furniture(line) or bp.is_caption(line)):
            continue
        if bp.is_prompt(line) and len(line) < 120:
            continue
        cleaned = bp.strip_inline_teasers(line).strip()
        if cleaned:
            body_lines.append(cleaned)
    article.body = "\n\n".join(body_lines)
    if article.outlet is None and article.license:
        article.outlet = _outlet_from_terms(article.license)
    if article.published is None and body_lines:
        article.published = dateline(body_lines[0])
    if article.outlet is None and body_lines:
        agency = _DATELINE_AGENCY.match(body_lines[0])
        article.outlet = agency.group("agency") if agency else None
    return article


def _read_head(lines: list[str], article: TextArticle, title_hint: str | None) -> int:
    """Fill title, outlet, authors and date from the page head; the index where the story starts."""
    last_head = -1
    first = lines[0]
    hint = _fold(title_hint) if title_hint else None
    if hint and _fold(first) == hint:
        # The record's title repeated as the text's first line.
        last_head = 0
    elif (
        len(lines) > 1
        and len(re.findall(r"[^\W\d_]{2,}", first)) >= 2  # "2011-11-S-034" is a reference, not a title
        and not is_prose(first)
        and len(first) <= 200
        and not bp.is_furniture(first)
        and not bp.is_license(first)
        and parse_byline(first) is None
    ):
        article.title = first.strip()
        last_head = 0
    prose_seen = 0
    for index in range(last_head + 1, min(len(lines), _HEAD_LINES)):
        line = lines[index]
        outlet = bp.logo_outlet(line)
        authors = parse_byline(line) if not is_prose(line) or line.lower().startswith("by ") else None
        if outlet:
            article.outlet = article.outlet or outlet
        elif authors:
            article.authors = article.authors or authors
        elif _DATE_LINE.match(line) and (found := find_date(line, "dateline")):
            article.published = article.published or found
        elif bp.is_furniture(line) or bp.is_caption(line):
            # Reader controls after prose are the story's own interruptions ("Advertisement"), not head.
            if prose_seen:
                continue
        else:
            if is_prose(line):
                # A standfirst (one or two sentences under the title) may precede the byline; more prose,
                # or a long paragraph, is the story itself.
                prose_seen += 1
                if prose_seen > 2 or len(line) > 300:
                    break
            continue  # an unrecognised line (a deck, a section label): head only if a head line follows
        last_head = index
    return last_head + 1


def _read_tail(lines: list[str], start: int, article: TextArticle) -> int:
    """Collect reuse terms from the page tail; the index where the story ends."""
    end = len(lines)
    terms: list[str] = []
    bio_seen = False
    # A foot list ("Topics" over tag lines): from its heading down, only short lines, terms or furniture.
    for index in range(len(lines) - 1, max(start, len(lines) - 25), -1):
        if bp.is_list_heading(lines[index]):
            rest = lines[index + 1 :]
            if all(not is_prose(line) or bp.is_license(line) or bp.is_furniture(line) for line in rest):
                terms = [line for line in rest if bp.is_license(line)]
                end = index
            break
    while end > start + 1:
        line = lines[end - 1]
        if bp.is_license(line):
            terms.insert(0, line)
        elif (bio := bp.author_bio(line)) and not bio_seen:
            # "Jane Doe is a staff writer at X." closes the story: page furniture, but it names the author.
            bio_seen = True
            article.authors = article.authors or [bio]
        elif not (
            bp.is_furniture(line) or bp.is_caption(line) or (not is_prose(line) and parse_byline(line))
        ):
            break
        end -= 1
    if terms:
        article.license = " ".join(terms)
    return end


def _outlet_from_terms(terms: str) -> str | None:
    match = _OUTLET_IN_TERMS.search(terms)
    if not match:
        return None
    name = (match.group("name") or match.group("owner") or "").strip(" .,")
    # Stop at the sentence's end or the words that continue it ("X is available", "X. All rights reserved").
    name = re.split(r"\.\s|\s+(?:is|are|was|an?|all|and)\b|,", name, flags=re.IGNORECASE)[0].strip(" .,")
    return name or None


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
