"""an index on (owner_id, the record's date) of every record table: my pages (mine only), the Team
page and the Hub (records of the people I follow, of a period, the latest of each) ask by owner

Revision ID: 0006_owner_indexes
Revises: 0005_set_aside
"""

from __future__ import annotations

from alembic import op

revision = '0006_owner_indexes'
down_revision = '0005_set_aside'
branch_labels = None
depends_on = None

SECOND = {"learning_log": "log_date", "self_assessment": "assessed_on", "session_note": "starts_at",
          "development_goal": "target_date", "feedback": "target_id", "attachment": "target_id"}


def upgrade() -> None:
    for table, second in SECOND.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f'ix_{table}_owner_id_{second}'), ['owner_id', second], unique=False)


def downgrade() -> None:
    for table, second in SECOND.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_owner_id_{second}'))
