"""HTML pages: trafilatura for body and metadata, htmldate as the fallback for the date."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, cast

import trafilatura

LOGGER = logging.getLogger(__name__)


@dataclass
class HtmlArticle:
    body: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None
    license: str | None = None


def parse_html(html: str, url: str | None = None) -> HtmlArticle:
    # as_dict=True makes trafilatura return a plain dict; its annotations do not say so.
    extracted = cast(
        "dict[str, Any] | None",
        trafilatura.bare_extraction(html, url=url, with_metadata=True, as_dict=True),
    )
    if not extracted:
        return HtmlArticle(body="")
    body = extracted.get("text") or ""
    authors = [a.strip() for a in (extracted.get("author") or "").split(";") if a.strip()]
    return HtmlArticle(
        body=body,
        title=extracted.get("title"),
        authors=authors,
        outlet=extracted.get("sitename"),
        published=extracted.get("date"),
        license=extracted.get("license"),
    )
