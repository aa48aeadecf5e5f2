"""Opening the knowledge base: the engine for a URL, created and migrated to the latest schema on first use.

SQLite (the embedded default) runs in WAL mode so that the knowledge base can be read while an ingest
writes it; PostgreSQL is used as given by its URL (`postgresql+psycopg://...`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from newsgraph import config

LOGGER = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


def normalise_url(url: str | None) -> str:
    """A SQLAlchemy URL from a URL, a bare SQLite path, or the configured default."""
    if not url:
        return config.database_url()
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    if url.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship; SQLAlchemy's bare "postgresql://" means psycopg2.
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def open_engine(url: str | None = None, *, migrate: bool = True) -> Engine:
    """The engine of the knowledge base at `url` (default: `newsgraph.config.database_url()`)."""
    resolved = make_url(normalise_url(url))
    if resolved.get_backend_name() == "sqlite":
        if resolved.database and resolved.database != ":memory:":
            Path(resolved.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(resolved, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(resolved, pool_pre_ping=True)
    if migrate:
        upgrade(engine)
    return engine


def upgrade(engine: Engine) -> None:
    """Bring the schema to the latest Alembic revision (a no-op when it is there already)."""
    cfg = alembic_config()
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current == head:
        return
    LOGGER.info("migrating knowledge base from %s to %s", current, head)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
