"""From a raw record to a `Document`: the body without boilerplate, metadata, date, language, stable id."""

from __future__ import annotations

import hashlib
import logging

from newsgraph.errors import EmptyInputError, ReadError
from newsgraph.model import Document
from newsgraph.reading.html import fragment_text, parse_html
from newsgraph.reading.plaintext import parse_text
from newsgraph.reading.published import PublishedDate, infer_from_text, normalise
from newsgraph.reading.records import RawRecord

LOGGER = logging.getLogger(__name__)

MAX_BODY_CHARS = 1_000_000  # spaCy's default Language.max_length


def content_id(body: str) -> str:
    """Stable id of a document: a hash of its whitespace-normalised body."""
    folded = " ".join(body.split())
    return "doc-" + hashlib.sha256(folded.encode("utf-8")).hexdigest()[:20]


def build_document(record: RawRecord) -> Document:
    title, authors, outlet, license_text = record.title, list(record.authors), record.outlet, record.license
    published: PublishedDate | None = normalise(record.published, record.published_source or "given")
    if record.kind == "html":
        page = parse_html(record.content, record.url)
        body = page.body
        if not body.strip() and record.input_format == "feed":
            # A feed entry is a fragment, often a short summary below trafilatura's article threshold.
            body = fragment_text(record.content)
        title = title or page.title
        authors = authors or page.authors
        outlet = outlet or page.outlet
        license_text = license_text or page.license
        published = published or normalise(page.published, "metadata")
    elif not record.clean:
        body = record.content
    else:
        text_page = parse_text(record.content, title_hint=title)
        body = text_page.body
        title = title or text_page.title
        authors = authors or text_page.authors
        outlet = outlet or text_page.outlet
        license_text = license_text or text_page.license
        published = published or text_page.published
    if not body.strip():
        raise EmptyInputError(record.source, "no article text found (empty or all boilerplate)")
    if len(body) > MAX_BODY_CHARS:
        # spaCy refuses longer texts (Language.max_length) and one would stop the whole batch; such a
        # body is a dump or a book, not an article.
        raise ReadError(
            record.source,
            f"article body is {len(body):,} characters, over the {MAX_BODY_CHARS:,} an article may have",
        )
    published = published or infer_from_text(body)
    return Document(
        id=content_id(body),
        body=body,
        title=title,
        authors=authors,
        outlet=outlet,
        published=published.value if published else None,
        published_source=published.source if published else None,
        published_precision=published.precision if published else None,
        license=license_text,
        url=record.url,
        source=record.source,
        input_format=record.input_format,
    )
