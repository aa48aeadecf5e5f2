"""Readable Rich renderings of results, shared by the CLI commands."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from newsgraph.model import Extraction, Failure


def summary_table(results: Sequence[Extraction | Failure]) -> Table:
    table = Table(title=f"newsgraph extract: {len(results)} input record(s)", show_lines=False)
    table.add_column("source", overflow="ellipsis", no_wrap=True, max_width=28)
    table.add_column("title", overflow="ellipsis", no_wrap=True, max_width=48)
    table.add_column("published", no_wrap=True)
    for column in ("words", "actors", "places", "events", "claims"):
        table.add_column(column, justify="right", no_wrap=True)
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
            _short_source(doc.input_id, doc.source),
            doc.title or "-",
            published,
            str(len(doc.body.split())),
            str(len(result.entities)),
            str(len(result.places)),
            str(len(result.events)),
            str(len(result.claims)),
        )
    return table


def _short_source(input_id: str | None, source: str | None) -> str:
    """The caller's record id when there is one, else the file name: full paths crowd the table."""
    if input_id:
        return input_id
    return (source or "").rsplit("/", 1)[-1]
