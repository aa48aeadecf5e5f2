"""Readable Rich renderings of results, shared by the CLI commands."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from newsgraph.model import Extraction, Failure


def summary_table(results: Sequence[Extraction | Failure]) -> Table:
    table = Table(title=f"newsgraph extract: {len(results)} input record(s)", show_lines=False)
    for column in ("source", "title", "published", "words", "actors", "places", "events", "claims"):
        table.add_column(column, overflow="fold")
    for result in results:
        if isinstance(result, Failure):
            status = "skipped" if result.skipped else "FAILED"
            table.add_row(
                result.source, f"[red]{status}[/red] {result.code}: {result.reason}", "", "", "", "", "", ""
            )
            continue
        doc = result.document
        published = f"{doc.published} ({doc.published_source})" if doc.published else "-"
        table.add_row(
            doc.source or "",
            doc.title or "-",
            published,
            str(len(doc.body.split())),
            str(len(result.entities)),
            str(len(result.places)),
            str(len(result.events)),
            str(len(result.claims)),
        )
    return table
