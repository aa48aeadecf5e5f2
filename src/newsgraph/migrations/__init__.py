"""Alembic migrations of the knowledge base, shipped inside the package (see `newsgraph.store.engine`)."""
