"""sync state: server revision per record, conflicts

Revision ID: 0003_sync_state
Revises: 0002_search
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003_sync_state'
down_revision = '0002_search'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_conflicts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('record_type', sa.String(length=32), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('kept', sa.Text(), nullable=False),
    sa.Column('lost', sa.Text(), nullable=False),
    sa.Column('kept_stamp', sa.String(length=90), nullable=False),
    sa.Column('lost_stamp', sa.String(length=90), nullable=False),
    sa.Column('lost_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=24), nullable=False),
    sa.Column('resolved', sa.Boolean(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflicts'))
    )
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_conflicts_record_id'), ['record_id'], unique=False)

    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('server_revision', sa.Integer(), server_default='0', nullable=False))

    with op.batch_alter_table('development_goal', schema=None) as batch_op:
        batch_op.add_column(sa.Column('server_revision', sa.Integer(), server_default='0', nullable=False))

    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.add_column(sa.Column('server_revision', sa.Integer(), server_default='0', nullable=False))

    with op.batch_alter_table('learning_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('server_revision', sa.Integer(), server_default='0', nullable=False))

    with op.batch_alter_table('self_assessment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('server_revision', sa.Integer(), server_default='0', nullable=False))

    with op.batch_alter_table('session_note', schema=None) as batch_op:
        batch_op.add_column(sa.Column('server_revision', sa.Integer(), server_default='0', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('session_note', schema=None) as batch_op:
        batch_op.drop_column('server_revision')

    with op.batch_alter_table('self_assessment', schema=None) as batch_op:
        batch_op.drop_column('server_revision')

    with op.batch_alter_table('learning_log', schema=None) as batch_op:
        batch_op.drop_column('server_revision')

    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_column('server_revision')

    with op.batch_alter_table('development_goal', schema=None) as batch_op:
        batch_op.drop_column('server_revision')

    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_column('server_revision')

    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_conflicts_record_id'))

    op.drop_table('sync_conflicts')
