"""Plain-text pages: split the page head (title, outlet, byline) and tail (social, licensing) from the story."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TextArticle:
    body: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    license: str | None = None


def parse_text(text: str) -> TextArticle:
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n") if p.strip()]
    if len(paragraphs) > 1 and len(paragraphs[0]) < 200 and not paragraphs[0].endswith("."):
        return TextArticle(body="\n\n".join(paragraphs[1:]), title=paragraphs[0])
    return TextArticle(body="\n\n".join(paragraphs))
