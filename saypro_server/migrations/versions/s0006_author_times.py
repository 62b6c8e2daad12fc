"""records.created_at, records.author_updated_at: the times the author's device set

Revision ID: s0006_author_times
Revises: s0005_recovery
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 's0006_author_times'
down_revision = 's0005_recovery'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('author_updated_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.drop_column('author_updated_at')
        batch_op.drop_column('created_at')
