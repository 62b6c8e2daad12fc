"""sign-in sessions (token families), login throttle, change ids per device, record sizes for quotas;
the signing key leaves the database

- sessions: one per sign-in of a device; refresh tokens belong to one and are used once (used_at).
  Refresh tokens still valid are kept, each device's in a session of its own, so no laptop has to
  sign in again because of the upgrade.
- login_throttle replaces login_failures (attempts per user name, address and pair).
- applied_changes is keyed by (device_id, change_id). Rows from before do not say which device
  sent them: they keep an empty device id (a change sent again after the upgrade is applied again,
  which changes nothing: it holds the values the record already has).
- records.size and users.stored_bytes: bytes of record text, for the per-user quota.
- server_secrets is dropped: saypro_server.migrate moved the signing key to the key file first.

Revision ID: s0003_sessions
Revises: s0002_quarantine
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text
from sqlalchemy.dialects import postgresql

revision = 's0003_sessions'
down_revision = 's0002_quarantine'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), 'postgresql')
SESSION_DAYS = 90


def upgrade() -> None:
    connection = op.get_bind()
    now = datetime.now(UTC)
    op.create_table('login_throttle',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('window_start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_attempt', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.drop_index('ix_login_failures_username', table_name='login_failures')
    op.drop_table('login_failures')
    op.drop_table('server_secrets')

    sessions = op.create_table('sessions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_why', sa.String(length=120), nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_sessions_device_id', 'sessions', ['device_id'], unique=False)
    op.create_index('ix_sessions_user_id', 'sessions', ['user_id'], unique=False)

    old_tokens = connection.execute(sa.text(
        "SELECT token_hash, user_id, device_id, expires_at FROM refresh_tokens WHERE used = :no"),
        {"no": False}).all()
    op.drop_index('ix_refresh_tokens_device_id', table_name='refresh_tokens')
    op.drop_index('ix_refresh_tokens_user_id', table_name='refresh_tokens')
    op.drop_table('refresh_tokens')
    tokens = op.create_table('refresh_tokens',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('session_id', sa.String(length=36), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], ),
    sa.PrimaryKeyConstraint('token_hash')
    )
    op.create_index('ix_refresh_tokens_session_id', 'refresh_tokens', ['session_id'], unique=False)
    session_of: dict[tuple[str, str], str] = {}
    for token_hash, user_id, device_id, expires_at in old_tokens:
        key = (user_id, device_id)
        if key not in session_of:
            session_of[key] = str(uuid.uuid4())
            connection.execute(sessions.insert().values(
                id=session_of[key], user_id=user_id, device_id=device_id, created_at=now,
                expires_at=now + timedelta(days=SESSION_DAYS)))
        connection.execute(tokens.insert().values(token_hash=token_hash, session_id=session_of[key],
                                                  expires_at=expires_at))

    old_changes = sa.table('applied_changes', sa.column('change_id', sa.String), sa.column('user_id', sa.String),
                           sa.column('ack', JSON), sa.column('created_at', sa.DateTime(timezone=True)))
    applied = op.create_table('applied_changes_keyed',
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('change_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('ack', JSON, nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('device_id', 'change_id')
    )
    connection.execute(applied.insert().from_select(
        ['device_id', 'change_id', 'user_id', 'ack', 'created_at'],
        sa.select(sa.literal(''), old_changes.c.change_id, old_changes.c.user_id, old_changes.c.ack,
                  old_changes.c.created_at)))
    op.drop_table('applied_changes')
    op.rename_table('applied_changes_keyed', 'applied_changes')

    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('size', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stored_bytes', sa.BigInteger(), nullable=False, server_default='0'))
    records = sa.table('records', sa.column('id', sa.String), sa.column('owner_id', sa.String),
                       sa.column('fields', JSON), sa.column('size', sa.Integer))
    users = sa.table('users', sa.column('id', sa.String), sa.column('stored_bytes', sa.BigInteger))
    per_owner: dict[str, int] = defaultdict(int)
    last_id = ""
    while True:
        rows = connection.execute(sa.select(records.c.id, records.c.owner_id, records.c.fields)
                                  .where(records.c.id > last_id).order_by(records.c.id).limit(2000)).all()
        if not rows:
            break
        sizes = [{"rid": record_id, "new_size": len(json.dumps(fields, separators=(",", ":")))}
                 for record_id, _, fields in rows]
        connection.execute(records.update().where(records.c.id == sa.bindparam("rid"))
                           .values(size=sa.bindparam("new_size")), sizes)
        for (_, owner_id, _), size in zip(rows, sizes, strict=True):
            per_owner[owner_id] += size["new_size"]
        last_id = rows[-1][0]
    for owner_id, total in per_owner.items():
        connection.execute(users.update().where(users.c.id == owner_id).values(stored_bytes=total))


def downgrade() -> None:
    raise NotImplementedError("s0003 cannot be undone: restore the database from the backup taken before upgrading")
