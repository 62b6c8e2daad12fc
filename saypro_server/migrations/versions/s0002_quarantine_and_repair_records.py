"""records.quarantined; repair records stored before text and numbers were checked

Text that is not valid Unicode (a lone UTF-16 surrogate) or holds NUL is repaired in place: each
such character becomes U+FFFD, and the record gets a new feed position so every device receives the
repaired version. A record holding a whole number no client or database can keep (beyond 2**31 - 1)
cannot be repaired without guessing: it is quarantined (never served) with the reason logged.

Revision ID: s0002_quarantine
Revises: s0001_initial
"""

from __future__ import annotations

import logging
import re
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = 's0002_quarantine'
down_revision = 's0001_initial'
branch_labels = None
depends_on = None

log = logging.getLogger("saypro_server.migrations")
NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
MAX_INT = 2**31 - 1


def _repaired(value: Any) -> tuple[Any, bool, bool]:
    """(value with bad characters replaced, whether any was, whether a number is out of bounds)."""
    if isinstance(value, str):
        fixed = NOT_TEXT.sub("\ufffd", value)
        return fixed, fixed != value, False
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return value, False, False
    if isinstance(value, int):
        return value, False, not -MAX_INT <= value <= MAX_INT
    if isinstance(value, list):
        results = [_repaired(v) for v in value]
        return [r[0] for r in results], any(r[1] for r in results), any(r[2] for r in results)
    if isinstance(value, dict):
        out, changed, too_big = {}, False, False
        for key, item in value.items():
            fixed_key, key_changed, _ = _repaired(key)
            fixed, item_changed, item_too_big = _repaired(item)
            out[fixed_key] = fixed
            changed, too_big = changed or key_changed or item_changed, too_big or item_too_big
        return out, changed, too_big
    return value, False, False


def upgrade() -> None:
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quarantined', sa.String(length=200), nullable=True))
    records = sa.table('records', sa.column('id', sa.String), sa.column('fields', sa.JSON),
                       sa.column('feed_position', sa.BigInteger), sa.column('quarantined', sa.String))
    counter = sa.table('feed_counter', sa.column('id', sa.Integer), sa.column('position', sa.BigInteger))
    connection = op.get_bind()
    repaired: list[tuple[str, Any]] = []
    quarantined: list[tuple[str, str]] = []
    last_id = ""
    while True:  # in pages: a server may hold millions of records
        rows = connection.execute(sa.select(records.c.id, records.c.fields).where(records.c.id > last_id)
                                  .order_by(records.c.id).limit(2000)).all()
        if not rows:
            break
        for record_id, fields in rows:
            fixed, changed, too_big = _repaired(fields)
            if too_big:
                quarantined.append((record_id, "a whole number beyond what every client and database can keep"))
            elif changed:
                repaired.append((record_id, fixed))
        last_id = rows[-1][0]
    position = connection.execute(sa.select(counter.c.position).where(counter.c.id == 1)).scalar() or 0
    for record_id, fixed in repaired:
        position += 1
        connection.execute(records.update().where(records.c.id == record_id).values(
            fields=fixed, feed_position=position))
        log.warning("repaired text that was not valid Unicode in record %s", record_id)
    if repaired:
        connection.execute(counter.update().where(counter.c.id == 1).values(position=position))
    for record_id, reason in quarantined:
        connection.execute(records.update().where(records.c.id == record_id).values(quarantined=reason))
        log.warning("quarantined record %s: %s", record_id, reason)


def downgrade() -> None:
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.drop_column('quarantined')
