"""privacy: withdrawals, an audit log, records never more visible than their parent, tombstones
without text

- withdrawals: records someone may no longer read, in the feed (their devices remove the copy).
- audit_log: who read or handled whose records.
- records.parent_id: the record a feedback or attachment belongs to. Existing ones get it, and
  their visibility (and team) narrowed to the parent's.
- users.scope_epoch: a device whose user may newly see more pulls from the start once.
- Deleted records keep only a tombstone: the text of those already deleted is removed.

Revision ID: s0004_privacy
Revises: s0003_sessions
Created: 2026-12-03 09:03:37.149585
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql')
ORDER = {"private": 0, "supervisor": 1, "team": 2, "organisation": 3}


revision = 's0004_privacy'
down_revision = 's0003_sessions'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.String(length=36), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('record_id', sa.String(length=36), nullable=True),
    sa.Column('record_type', sa.String(length=32), nullable=True),
    sa.Column('detail', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_owner_id'), ['owner_id'], unique=False)

    op.create_table('withdrawals',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('record_type', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('feed_position', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('withdrawals', schema=None) as batch_op:
        batch_op.create_index('ix_withdrawals_user_id_feed_position', ['user_id', 'feed_position'], unique=False)

    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parent_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_records_parent_id'), ['parent_id'], unique=False)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope_epoch', sa.Integer(), nullable=False, server_default='0'))

    records = sa.table('records', sa.column('id', sa.String), sa.column('type', sa.String),
                       sa.column('fields', JSON), sa.column('visibility', sa.String),
                       sa.column('team_id', sa.String), sa.column('deleted', sa.Boolean),
                       sa.column('parent_id', sa.String), sa.column('field_revisions', JSON),
                       sa.column('field_stamps', JSON), sa.column('size', sa.Integer))
    connection = op.get_bind()
    children = connection.execute(sa.select(records.c.id, records.c.fields, records.c.visibility).where(
        records.c.type.in_(("feedback", "attachment")))).all()
    for child_id, fields, visibility in children:
        parent = connection.execute(sa.select(records.c.visibility, records.c.team_id, records.c.deleted).where(
            records.c.id == fields.get("target_id"))).first()
        if parent is None:
            continue
        narrowest = "private" if parent.deleted else min(visibility, parent.visibility, key=ORDER.__getitem__)
        connection.execute(records.update().where(records.c.id == child_id).values(
            parent_id=fields.get("target_id"), visibility=narrowest, team_id=parent.team_id))
    tombstones = connection.execute(sa.select(records.c.id, records.c.fields, records.c.field_revisions,
                                              records.c.field_stamps).where(records.c.deleted.is_(True))).all()
    for record_id, fields, revisions, stamps in tombstones:
        kept = ("deleted", "visibility")
        connection.execute(records.update().where(records.c.id == record_id).values(
            fields={k: fields[k] for k in kept if k in fields},
            field_revisions={k: revisions[k] for k in kept if k in revisions},
            field_stamps={k: stamps[k] for k in kept if k in stamps}, size=40))


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('scope_epoch')

    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_records_parent_id'))
        batch_op.drop_column('parent_id')

    with op.batch_alter_table('withdrawals', schema=None) as batch_op:
        batch_op.drop_index('ix_withdrawals_user_id_feed_position')

    op.drop_table('withdrawals')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_owner_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))
        batch_op.drop_index(batch_op.f('ix_audit_log_actor_id'))

    op.drop_table('audit_log')
