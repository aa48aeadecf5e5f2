"""RSS/Atom feeds: one record per entry, read with feedparser after a defusedxml safety pass.

feedparser itself resolves no external entities, but its fallback parser expands internal entity
definitions, so a "billion laughs" feed would blow up memory. The feed is first parsed by defusedxml,
which refuses DTD entity declarations outright; only a document it accepts reaches feedparser.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from newsgraph.errors import ParseError
from newsgraph.model import Failure
from newsgraph.reading.published import normalise
from newsgraph.reading.records import RawRecord

LOGGER = logging.getLogger(__name__)


def check_xml(text: str, source: str) -> None:
    """Refuse hostile XML (entity expansion, external entities, DTDs) and XML that is not well-formed."""
    try:
        fromstring(text.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as err:
        raise ParseError(source, f"hostile XML refused ({type(err).__name__}: {err})") from err
    except SyntaxError as err:  # xml.etree.ElementTree.ParseError subclasses SyntaxError
        raise ParseError(source, f"malformed XML ({err})") from err


def records_from_feed(text: str, source: str) -> Iterator[RawRecord | Failure]:
    check_xml(text, source)
    parsed: Any = feedparser.parse(text)
    entries = list(parsed.entries)
    if not entries:
        problem = parsed.get("bozo_exception")
        raise ParseError(source, f"feed has no entries{f' ({problem})' if problem else ''}")
    feed_title = parsed.feed.get("title")
    for number, entry in enumerate(entries, 1):
        entry_source = f"{source}#{number}"
        html = _entry_html(entry)
        if not html:
            yield Failure(entry_source, ParseError.code, "feed entry has no content or summary")
            continue
        date = _entry_date(entry)
        authors = [str(a["name"]) for a in entry.get("authors", []) if isinstance(a, dict) and a.get("name")]
        if not authors and entry.get("author"):
            authors = [str(entry["author"])]
        yield RawRecord(
            source=entry_source,
            kind="html",
            content=html,
            input_id=entry.get("id") or entry.get("link"),
            published=date,
            published_source="feed" if date else None,
            url=entry.get("link"),
            title=entry.get("title"),
            authors=authors,
            outlet=feed_title,
            license=entry.get("rights") or parsed.feed.get("rights"),
            input_format="feed",
        )


def _entry_html(entry: Any) -> str:
    # Full content (content:encoded, Atom content) when the feed carries it, else the summary.
    for content in entry.get("content", []) or []:
        value = content.get("value") if isinstance(content, dict) else None
        if value and value.strip():
            return _as_page(str(value))
    summary = entry.get("summary")
    return _as_page(str(summary)) if summary and str(summary).strip() else ""


def _as_page(fragment: str) -> str:
    # trafilatura wants a page; a bare fragment ("<p>...</p>" or plain text) is wrapped into one.
    if "<" not in fragment:
        paragraphs = "".join(f"<p>{p}</p>" for p in fragment.split("\n\n") if p.strip())
        fragment = paragraphs or f"<p>{fragment}</p>"
    return f"<html><body><article>{fragment}</article></body></html>"


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    for key in ("published", "updated"):
        found = normalise(entry.get(key), "feed")
        if found:
            return found.value
    return None
