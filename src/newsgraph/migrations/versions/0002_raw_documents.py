"""Keep each document's raw input (the text or HTML as read) beside the derived body and extraction.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 22:25:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("raw", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("raw_kind", sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("raw_kind")
        batch_op.drop_column("raw")
