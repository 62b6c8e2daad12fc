"""feed_counter.epoch (the feed's identity), devices.cursor_answered: restored servers and laptops are
found and reconciled

Revision ID: s0007_feed_epoch
Revises: s0006_author_times
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = 's0007_feed_epoch'
down_revision = 's0006_author_times'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('feed_counter', schema=None) as batch_op:
        batch_op.add_column(sa.Column('epoch', sa.String(length=36), nullable=True))
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cursor_answered', sa.BigInteger(), nullable=False, server_default='0'))
    counter = sa.table('feed_counter', sa.column('epoch', sa.String))
    op.get_bind().execute(counter.update().values(epoch=str(uuid.uuid4())))


def downgrade() -> None:
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_column('cursor_answered')
    with op.batch_alter_table('feed_counter', schema=None) as batch_op:
        batch_op.drop_column('epoch')
