"""drafts: unsaved editor contents kept for crash recovery

Revision ID: 0004_drafts
Revises: 0003_sync_state
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_drafts'
down_revision = '0003_sync_state'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('drafts',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('record_type', sa.String(length=32), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('saved_at', sa.String(length=24), nullable=False),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_drafts'))
    )


def downgrade() -> None:
    op.drop_table('drafts')
