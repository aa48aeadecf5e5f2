"""The `newsgraph` command: thin Typer commands over the library's typed functions."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from newsgraph.extraction import extract_many, extract_records
from newsgraph.kb import commands as kb_commands
from newsgraph.model import Extraction, Failure
from newsgraph.reading import records_from_jsonl
from newsgraph.render import summary_table

app = typer.Typer(help="Turn news reports into a sourced, time-aware knowledge base.", no_args_is_help=True)
stderr = Console(stderr=True)


@app.callback()
def _root() -> None:
    """newsgraph: news reports in; actors, events, places, claims and their sources out."""


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    summary = "summary"


def _jsonl_line(result: Extraction | Failure) -> str:
    payload: dict[str, Any]
    if isinstance(result, Failure):
        payload = {
            "input_id": result.input_id,
            "error": result.line(),
            "code": result.code,
            "skipped": result.skipped,
            "source": result.source,
        }
        if result.document is not None:  # skipped after reading: the document is still recorded
            payload["document"] = asdict(result.document)
    else:
        payload = {"input_id": result.document.input_id, **result.to_dict()}
    text = json.dumps(payload, ensure_ascii=False)
    # Escape the characters str.splitlines() also breaks on, so one record stays one line.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def _report(result: Failure) -> None:
    # One line per failure, not wrapped by Rich, so that scripts can grep it.
    print(result.line(), file=sys.stderr)


@app.command()
def extract(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Article files or directories (.txt, .html, .json, .jsonl, RSS/Atom, WARC)."),
    ] = None,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="Batch input: one contract record a line.")
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="json: one object (single article); jsonl: one line per record; summary: a readable table.",
        ),
    ] = OutputFormat.json,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD, when known from outside the text.")
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(help="spaCy pipeline name or path (default: NEWSGRAPH_MODEL, else en_core_web_sm)."),
    ] = None,
) -> None:
    """Extract documents, actors, places, events, relations, claims and times from articles."""
    if not paths and jsonl is None:
        raise typer.BadParameter("give article PATHs or --jsonl FILE")
    results: Iterator[Extraction | Failure]
    if jsonl is not None:
        if not jsonl.is_file():
            print(f"{jsonl}: error NG100: no such file", file=sys.stderr)
            raise typer.Exit(2)
        results = extract_records(records_from_jsonl(jsonl), model=model)
    else:
        results = extract_many(paths or [], published=published, model=model)
    failed = skipped = 0
    if output_format is OutputFormat.summary:
        collected = []
        for result in results:
            if isinstance(result, Failure):
                failed += not result.skipped
                skipped += result.skipped
                _report(result)
            collected.append(result)
        Console().print(summary_table(collected))
    elif output_format is OutputFormat.json and jsonl is None:
        single = list(results)
        for result in single:
            if isinstance(result, Failure):
                failed += not result.skipped
                skipped += result.skipped
                _report(result)
        good = [r.to_dict() for r in single if isinstance(r, Extraction)]
        if len(good) == 1 and len(single) == 1:
            print(json.dumps(good[0], ensure_ascii=False, indent=2))
        elif good:
            print(json.dumps(good, ensure_ascii=False, indent=2))
    else:
        for result in results:
            if isinstance(result, Failure):
                failed += not result.skipped
                skipped += result.skipped
                _report(result)
            print(_jsonl_line(result), flush=False)
        # In the --jsonl batch form failures are reported in their output lines (the contract), and
        # the exit code stays 0 so that a scorer keeps the rest; elsewhere any failure makes it 1.
        if jsonl is not None:
            failed = 0
    if failed:
        raise typer.Exit(1)


kb_commands.register(app)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
