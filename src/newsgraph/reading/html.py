"""HTML pages: trafilatura for body and metadata, htmldate as the fallback for the date.

Measured on the Zyte article-extraction dev split (benchmarks/boilerplate_vs_trafilatura.py): with
`favor_precision=True` trafilatura drops most of the related-links, comment and caption residue its
default keeps (token F1 0.971 against 0.954 for plain `extract()`), and loses little article text.
When precision mode keeps a short text (under 500 characters) and almost nothing of what the default
finds, the page is one whose article it mistakes for furniture, and the default's output is used
instead. What trafilatura leaves at the body's edges (teaser lists, prompts) is trimmed after it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import trafilatura

from newsgraph.reading import boilerplate as bp
from newsgraph.reading.byline import split_authors

LOGGER = logging.getLogger(__name__)

# Below this share of the default's text, precision mode has thrown the article away with the furniture.
_MIN_PRECISION_SHARE = 0.2
_SHORT_TEXT = 500  # only then is the default mode run too: it costs a second parse
# A body needs one line of this many words (or 60 characters, for scripts written without spaces);
# shorter lines alone are menus and link labels.
_MIN_PARAGRAPH_WORDS = 6


@dataclass
class HtmlArticle:
    body: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None
    license: str | None = None


def parse_html(html: str, url: str | None = None) -> HtmlArticle:
    precise = _extract(html, url, favor_precision=True)
    text = _text(precise)
    if len(text) < _SHORT_TEXT:
        default = _extract(html, url)
        fallback = _text(default)
        if len(text) < _MIN_PRECISION_SHARE * len(fallback) or (not text and fallback):
            precise, text = default, fallback
    meta = precise or {}
    title = _clean(meta.get("title"))
    if not text:
        # libxml2 gives up on markup nested deeper than 255 elements; read such a page without a tree.
        text = deep_markup_text(html)
    body = _tidy(text, title)
    published = meta.get("date") or _htmldate(html, url)
    return HtmlArticle(
        body=body,
        title=title,
        authors=split_authors(meta["author"]) if meta.get("author") else [],
        outlet=_clean(meta.get("sitename")),
        published=published,
        license=_clean(meta.get("license")) or page_license(html),
    )


class _FlatParagraphs(HTMLParser):
    """Paragraph texts of a page by streaming its tags: no tree, so no depth limit and linear time."""

    _SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template"})
    _BLOCK = frozenset({"p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.max_depth = 0
        self.skipping = 0
        self.current: list[str] | None = None
        self.paragraphs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self._close()
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        self.depth = max(0, self.depth - 1)
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCK:
            self._close()

    def handle_data(self, data: str) -> None:
        if self.current is not None and not self.skipping:
            self.current.append(data)

    def _close(self) -> None:
        if self.current:
            text = " ".join("".join(self.current).split())
            if text:
                self.paragraphs.append(text)
        self.current = None


_LXML_MAX_DEPTH = 255


def deep_markup_text(html: str) -> str:
    """The paragraphs of a page too deeply nested for lxml; "" for any other page (trafilatura's call)."""
    parser = _FlatParagraphs()
    try:
        parser.feed(html)
        parser.close()
    except (ValueError, AssertionError) as err:
        LOGGER.debug("flat HTML read failed: %s", err)
        return ""
    if parser.max_depth < _LXML_MAX_DEPTH:
        return ""
    parser._close()
    return "\n".join(p for p in parser.paragraphs if len(p.split()) >= 5)


def fragment_text(html: str) -> str:
    """All text of a small HTML fragment (a feed summary), one paragraph a line."""
    text = trafilatura.html2txt(html, clean=True) or ""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


_CC_URL = re.compile(
    r"creativecommons\.org/(?P<kind>licenses|publicdomain)/(?P<terms>[a-z\-+]+)(?:/(?P<version>\d(?:\.\d)?))?",
    re.IGNORECASE,
)
_REL_LICENSE = re.compile(r"<(?:a|link)\b[^>]*\brel=[\"']?license[\"']?[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"\bhref=[\"']?([^\"' >]+)", re.IGNORECASE)


def page_license(html: str) -> str | None:
    """Reuse terms a page declares in markup: a rel="license" link or a Creative Commons URL."""
    for tag in _REL_LICENSE.findall(html):
        href = _HREF.search(tag)
        if href:
            return _describe_license(href.group(1))
    match = _CC_URL.search(html)
    return _describe_license(match.group(0)) if match else None


def _describe_license(url: str) -> str:
    match = _CC_URL.search(url)
    if not match:
        return url
    if match.group("kind").lower() == "publicdomain":
        name = "CC0" if "zero" in match.group("terms").lower() else "Public Domain Mark"
    else:
        name = "CC " + match.group("terms").upper()
    version = match.group("version")
    return f"{name} {version} ({url})" if version else f"{name} ({url})"


def _extract(html: str, url: str | None, **options: Any) -> dict[str, Any] | None:
    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True, **options)
    except (ValueError, TypeError, RecursionError) as err:  # trafilatura/lxml on pathological markup
        LOGGER.warning("trafilatura failed on %s: %s", url or "page", err)
        return None
    if document is None:
        return None
    # trafilatura 2 returns a Document object; its as_dict() is the stable, typed-enough view.
    as_dict = getattr(document, "as_dict", None)
    data = as_dict() if callable(as_dict) else document
    return data if isinstance(data, dict) else None


def _text(extracted: dict[str, Any] | None) -> str:
    value = (extracted or {}).get("text")
    return value if isinstance(value, str) else ""


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _tidy(text: str, title: str | None) -> str:
    """Paragraphs of the body, without a repeated title and without furniture left at its edges."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    if title and lines and _fold(lines[0]) == _fold(title):
        lines = lines[1:]
    lines = bp.trim_extracted(lines)
    # Only navigation labels and link texts left ("Home", "News"): the page is all furniture.
    if not any(len(line.split()) >= _MIN_PARAGRAPH_WORDS or len(line) >= 60 for line in lines):
        return ""
    return "\n".join(lines)


def _htmldate(html: str, url: str | None) -> str | None:
    try:
        from htmldate import find_date

        found = find_date(html, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError) as err:
        LOGGER.debug("htmldate failed: %s", err)
        return None
    return found if isinstance(found, str) else None


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
