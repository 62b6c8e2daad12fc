"""devices.recovery_secret: opens a laptop's encrypted profile after a password reset

Revision ID: s0005_recovery
Revises: s0004_privacy
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 's0005_recovery'
down_revision = 's0004_privacy'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recovery_secret', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_column('recovery_secret')
