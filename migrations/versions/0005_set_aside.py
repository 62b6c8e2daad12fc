"""set_aside: what the server sent that this laptop could not use, and why

Revision ID: 0005_set_aside
Revises: 0004_drafts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005_set_aside'
down_revision = '0004_drafts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('set_aside',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('received_at', sa.String(length=24), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_set_aside'))
    )
    with op.batch_alter_table('set_aside', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_set_aside_record_id'), ['record_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('set_aside', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_set_aside_record_id'))
    op.drop_table('set_aside')
