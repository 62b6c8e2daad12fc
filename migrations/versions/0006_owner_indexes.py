"""an index on owner_id of every record table: my pages (mine only), the Team page and the Hub
(records of the people I follow) ask by owner

Revision ID: 0006_owner_indexes
Revises: 0005_set_aside
"""

from __future__ import annotations

from alembic import op

revision = '0006_owner_indexes'
down_revision = '0005_set_aside'
branch_labels = None
depends_on = None

TABLES = ("learning_log", "self_assessment", "session_note", "development_goal", "feedback", "attachment")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f'ix_{table}_owner_id'), ['owner_id'], unique=False)


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_owner_id'))
