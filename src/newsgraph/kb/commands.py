"""CLI commands of the knowledge base (ingest, brief, query, export). Placeholder until that issue lands."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the knowledge-base commands to the `newsgraph` CLI."""
