"""reference_versions: the history of the reference data (each version, who made it, when, why);
the version in use when this runs becomes its first entry

Revision ID: s0009_reference_versions
Revises: s0008_mentors
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from saypro_server.tables import JsonValue, UtcDateTime

revision = 's0009_reference_versions'
down_revision = 's0008_mentors'
branch_labels = None
depends_on = None


def upgrade() -> None:
    versions = op.create_table(
        'reference_versions',
        sa.Column('version', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('body', JsonValue, nullable=False),
        sa.Column('created_at', UtcDateTime(), nullable=False),
        sa.Column('actor_id', sa.String(length=36), nullable=True),
        sa.Column('note', sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint('version'),
    )
    current = op.get_bind().execute(sa.text("SELECT version, body, updated_at FROM reference_data WHERE id = 1")).first()
    if current is not None:
        body = json.loads(current.body) if isinstance(current.body, str) else current.body  # SQLite: text
        op.bulk_insert(versions, [{"version": current.version, "body": body,
                                   "created_at": datetime.now(UTC), "actor_id": None,
                                   "note": "in use before the history was kept"}])


def downgrade() -> None:
    op.drop_table('reference_versions')
