"""CLI commands of the knowledge base: ingest, brief, query, export."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph.kb import export as exports
from newsgraph.kb.brief import UnknownActorError, build_briefing, render_markdown, render_rich
from newsgraph.kb.ingest import IngestSummary, ingest
from newsgraph.kb.query import KnowledgeBase
from newsgraph.store import open_engine

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Knowledge base: SQLite path or SQLAlchemy URL (default: NEWSGRAPH_DB, else ~/.local/share/newsgraph/newsgraph.db).",
    ),
]


class QueryKind(StrEnum):
    events = "events"
    claims = "claims"
    relations = "relations"


class QueryFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"
    gdelt = "gdelt"
    graphml = "graphml"
    plover = "plover"


class BriefFormat(StrEnum):
    rich = "rich"
    markdown = "markdown"


def _summary_table(summary: IngestSummary) -> Table:
    table = Table(title="newsgraph ingest", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("read", str(summary.read))
    table.add_row("new stories", str(summary.new))
    table.add_row("syndicated copies (joined a story)", str(summary.syndicated))
    table.add_row("duplicates (stored already)", str(summary.duplicate))
    table.add_row("skipped", str(len(summary.skipped)))
    for reason, n in summary.reasons(summary.skipped).most_common():
        table.add_row(f"  {reason}", str(n))
    table.add_row("failed", str(len(summary.failed)))
    for reason, n in summary.reasons(summary.failed).most_common():
        table.add_row(f"  {reason}", str(n))
    return table


def register(app: typer.Typer) -> None:
    """Add the knowledge-base commands to the `newsgraph` CLI."""

    @app.command("ingest")
    def ingest_command(
        paths: Annotated[
            list[Path], typer.Argument(help="Article files or directories, JSONL, feeds, WARC.")
        ],
        db: DbOption = None,
        workers: Annotated[int, typer.Option(help="Extraction worker processes.", min=1)] = 1,
        published: Annotated[
            str | None, typer.Option(help="Publication date YYYY-MM-DD for all inputs.")
        ] = None,
        model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path.")] = None,
    ) -> None:
        """Add articles to the knowledge base (idempotent: what is stored already is not added again)."""
        engine = open_engine(db)
        console = Console(stderr=True)
        with Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        ) as progress:
            task = progress.add_task("ingest", total=None)
            summary = ingest(
                paths,
                engine,
                workers=workers,
                published=published,
                model=model,
                on_total=lambda n: progress.update(task, total=n),
                on_advance=lambda n: progress.advance(task, n),
            )
        for failure in summary.failed + summary.skipped:
            print(failure.line(), file=sys.stderr)
        Console().print(_summary_table(summary))

    @app.command("brief")
    def brief_command(  # noqa: PLR0917 - Typer maps each option to a parameter
        actor: Annotated[str, typer.Argument(help="Actor name, alias or registry id.")],
        as_of: Annotated[
            str | None, typer.Option("--as-of", help="Only what was reported by this date.")
        ] = None,
        evidence: Annotated[
            bool, typer.Option("--evidence", help="Show each line's sentences and sources.")
        ] = False,
        output_format: Annotated[BriefFormat, typer.Option("--format", "-f")] = BriefFormat.rich,
        markdown: Annotated[
            Path | None, typer.Option("--markdown", help="Also write the Markdown here.")
        ] = None,
        events: Annotated[int, typer.Option(help="How many recent events to list.")] = 10,
        db: DbOption = None,
    ) -> None:
        """A briefing on an actor: leaders, operating areas, allies, rivals, events, contradictions."""
        engine = open_engine(db)
        try:
            briefing = build_briefing(engine, actor, as_of=as_of, events=events)
        except UnknownActorError:
            print(f"{actor}: no such actor in the knowledge base", file=sys.stderr)
            raise typer.Exit(1) from None
        if markdown is not None:
            markdown.write_text(render_markdown(briefing, evidence=evidence), encoding="utf-8")
        if output_format is BriefFormat.markdown:
            sys.stdout.write(render_markdown(briefing, evidence=evidence))
        else:
            Console().print(render_rich(briefing, evidence=evidence))

    @app.command("query")
    def query_command(  # noqa: PLR0917 - Typer maps each option to a parameter
        kind: Annotated[QueryKind, typer.Argument(help="events, claims or relations.")] = QueryKind.events,
        actor: Annotated[str | None, typer.Option(help="Actor involved (name or alias).")] = None,
        type_: Annotated[
            str | None, typer.Option("--type", help="Event or relation type (ASSAULT, ALLY...).")
        ] = None,
        place: Annotated[str | None, typer.Option(help="Place name or ISO country code.")] = None,
        since: Annotated[str | None, typer.Option(help="From this date (YYYY[-MM[-DD]]).")] = None,
        until: Annotated[str | None, typer.Option(help="Up to this date (YYYY[-MM[-DD]]).")] = None,
        text: Annotated[
            str | None, typer.Option(help="Words that must occur in the evidence or claim.")
        ] = None,
        limit: Annotated[int, typer.Option(help="Most rows returned.")] = 50,
        output_format: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
        db: DbOption = None,
    ) -> None:
        """Events, claims or relations matching the filters, newest first."""
        kb = KnowledgeBase(db)
        records: list[Any]
        if kind is QueryKind.events:
            records = kb.events(
                actor=actor, type=type_, place=place, since=since, until=until, text=text, limit=limit
            )
        elif kind is QueryKind.relations:
            records = kb.relations(
                actor=actor, type=type_, place=place, since=since, until=until, text=text, limit=limit
            )
        else:
            records = kb.claims(actor=actor, since=since, until=until, text=text, limit=limit)
        rows = [asdict(r) for r in records]
        if output_format is QueryFormat.jsonl:
            for row in rows:
                print(json.dumps(row, ensure_ascii=False))
            return
        flat = [{k: v for k, v in row.items() if k != "sources"} for row in rows]
        for row, full in zip(flat, rows, strict=True):
            first = full["sources"][0] if full["sources"] else None
            row["evidence"] = first["evidence"] if first else ""
            row["outlets"] = "; ".join(first["outlets"]) if first else ""
        if output_format is QueryFormat.csv:
            columns = list(flat[0]) if flat else ["id"]
            writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(flat)
            return
        table = Table(title=f"{kind.value}: {len(flat)} shown")
        columns = list(flat[0]) if flat else []
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in flat:
            table.add_row(*("" if v is None else str(v) for v in row.values()))
        Console().print(table)

    @app.command("export")
    def export_command(
        output_format: Annotated[
            ExportFormat, typer.Argument(help="jsonl, parquet, gdelt, graphml or plover.")
        ],
        out: Annotated[Path, typer.Option("--out", "-o", help="Output file (a directory for parquet).")],
        db: DbOption = None,
    ) -> None:
        """Export the knowledge base (contract JSONL, Parquet tables, GDELT CSV, GraphML, PLOVER JSON)."""
        engine = open_engine(db)
        if output_format is ExportFormat.parquet:
            counts = exports.export_parquet(engine, out)
            print(f"{out}: " + ", ".join(f"{name} {n}" for name, n in counts.items()), file=sys.stderr)
            return
        if output_format is ExportFormat.graphml:
            nodes, edges = exports.export_graphml(engine, out)
            print(f"{out}: {nodes} actors, {edges} relations", file=sys.stderr)
            return
        writers = {
            ExportFormat.jsonl: exports.export_jsonl,
            ExportFormat.gdelt: exports.export_gdelt,
            ExportFormat.plover: exports.export_plover,
        }
        with out.open("w", encoding="utf-8", newline="") as handle:
            n = writers[output_format](engine, handle)
        print(f"{out}: {n} records", file=sys.stderr)
