"""full-text search index and reference data cache

The FTS5 table is created here in raw SQL (SQLAlchemy cannot describe a virtual table). Records
written before this revision are indexed by the store on its next start: the migration only
marks the index stale, so it never depends on how the app builds index text.

Revision ID: 0002_search
Revises: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002_search'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reference_cache',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('fetched_at', sa.String(length=24), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_reference_cache'))
    )
    op.create_table('search_docs',
    sa.Column('rowid', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('record_type', sa.String(length=32), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('rowid', name=op.f('pk_search_docs')),
    sa.UniqueConstraint('record_id', name=op.f('uq_search_docs_record_id'))
    )
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    op.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index_stale', '1')")


def downgrade() -> None:
    op.execute("DROP TABLE search_index")
    op.execute("DELETE FROM meta WHERE key = 'search_index_stale'")
    op.drop_table('reference_cache')
    op.drop_table('search_docs')
