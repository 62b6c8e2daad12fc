"""records.activity_on (the day of a record's activity, saypro_core.metrics.activity_day) and the
reports' index on it; filled in for the records already stored

Revision ID: s0010_activity_on
Revises: s0009_reference_versions
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from saypro_core.metrics import ACTIVITY_FIELDS, activity_day

revision = 's0010_activity_on'
down_revision = 's0009_reference_versions'
branch_labels = None
depends_on = None

BATCH = 5000


def _as_dict(value: Any) -> dict[str, Any]:
    loaded = json.loads(value) if isinstance(value, str) else value  # SQLite hands back JSON text
    return loaded if isinstance(loaded, dict) else {}


def _as_moment(value: Any) -> datetime:
    """updated_at as stored: UTC (SQLite hands back text or a naive datetime)."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def upgrade() -> None:
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('activity_on', sa.Date(), nullable=True))
    connection = op.get_bind()
    records = sa.table('records', sa.column('id', sa.String), sa.column('type', sa.String),
                       sa.column('fields', sa.JSON), sa.column('updated_at', sa.DateTime),
                       sa.column('activity_on', sa.Date))
    types = [*ACTIVITY_FIELDS, "feedback"]
    last = ""
    while True:
        rows = connection.execute(sa.select(records.c.id, records.c.type, records.c.fields, records.c.updated_at)
                                  .where(records.c.type.in_(types), records.c.id > last)
                                  .order_by(records.c.id).limit(BATCH)).all()
        if not rows:
            break
        days = [{"key": row.id, "day": activity_day(row.type, _as_dict(row.fields), _as_moment(row.updated_at))}
                for row in rows]
        connection.execute(records.update().where(records.c.id == sa.bindparam("key"))
                           .values(activity_on=sa.bindparam("day")), [d for d in days if d["day"] is not None])
        last = rows[-1].id
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.create_index('ix_records_activity', ['type', 'activity_on', 'owner_id', 'visibility'], unique=False,
                              postgresql_where=sa.text('NOT deleted'), sqlite_where=sa.text('deleted = 0'))


def downgrade() -> None:
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.drop_index('ix_records_activity', postgresql_where=sa.text('NOT deleted'),
                            sqlite_where=sa.text('deleted = 0'))
        batch_op.drop_column('activity_on')
