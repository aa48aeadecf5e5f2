"""The knowledge-base store: schema (SQLAlchemy Core), engine and migrations, and the writer."""

from newsgraph.store.engine import open_engine
from newsgraph.store.writer import AddResult, Writer

__all__ = ["AddResult", "Writer", "open_engine"]
