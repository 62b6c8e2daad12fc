"""users.mentor_id (a mentor besides the team's supervisor), feed_counter.directory_version (who is
who reaches every laptop with sync)

Revision ID: s0008_mentors
Revises: s0007_feed_epoch
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 's0008_mentors'
down_revision = 's0007_feed_epoch'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mentor_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_users_mentor_id'), ['mentor_id'], unique=False)
    with op.batch_alter_table('feed_counter', schema=None) as batch_op:
        batch_op.add_column(sa.Column('directory_version', sa.Integer(), nullable=False, server_default='1'))


def downgrade() -> None:
    with op.batch_alter_table('feed_counter', schema=None) as batch_op:
        batch_op.drop_column('directory_version')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_mentor_id'))
        batch_op.drop_column('mentor_id')
