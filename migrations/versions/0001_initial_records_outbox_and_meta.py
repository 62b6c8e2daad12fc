"""records, outbox and meta

Revision ID: 0001_initial
Revises: -
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attachment',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('owner_id', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=24), nullable=False),
    sa.Column('updated_at', sa.String(length=24), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('visibility', sa.String(length=32), nullable=False),
    sa.Column('sync_state', sa.String(length=32), nullable=False),
    sa.Column('sync_error', sa.Text(), nullable=False),
    sa.Column('target_type', sa.Text(), nullable=False),
    sa.Column('target_id', sa.Text(), nullable=False),
    sa.Column('filename', sa.Text(), nullable=False),
    sa.Column('media_type', sa.Text(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.Text(), nullable=False),
    sa.Column('hlc', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_deleted_updated_at'), ['deleted', 'updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_sync_state'), ['sync_state'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_target_type_target_id'), ['target_type', 'target_id'], unique=False)

    op.create_table('development_goal',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('owner_id', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=24), nullable=False),
    sa.Column('updated_at', sa.String(length=24), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('visibility', sa.String(length=32), nullable=False),
    sa.Column('sync_state', sa.String(length=32), nullable=False),
    sa.Column('sync_error', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('specific', sa.Text(), nullable=False),
    sa.Column('measure', sa.Text(), nullable=False),
    sa.Column('achievable_steps', sa.Text(), nullable=False),
    sa.Column('relevance', sa.Text(), nullable=False),
    sa.Column('target_date', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('next_review', sa.String(length=10), nullable=True),
    sa.Column('progress_notes', sa.Text(), nullable=False),
    sa.Column('linked_log_ids', sa.Text(), nullable=False),
    sa.Column('linked_assessment_ids', sa.Text(), nullable=False),
    sa.Column('hlc', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_development_goal'))
    )
    with op.batch_alter_table('development_goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_development_goal_deleted_updated_at'), ['deleted', 'updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_development_goal_sync_state'), ['sync_state'], unique=False)
        batch_op.create_index(batch_op.f('ix_development_goal_target_date'), ['target_date'], unique=False)

    op.create_table('feedback',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('owner_id', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=24), nullable=False),
    sa.Column('updated_at', sa.String(length=24), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('visibility', sa.String(length=32), nullable=False),
    sa.Column('sync_state', sa.String(length=32), nullable=False),
    sa.Column('sync_error', sa.Text(), nullable=False),
    sa.Column('target_type', sa.Text(), nullable=False),
    sa.Column('target_id', sa.Text(), nullable=False),
    sa.Column('author_name', sa.Text(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('review_state', sa.String(length=32), nullable=False),
    sa.Column('hlc', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback'))
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_deleted_updated_at'), ['deleted', 'updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_sync_state'), ['sync_state'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_target_type_target_id'), ['target_type', 'target_id'], unique=False)

    op.create_table('learning_log',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('owner_id', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=24), nullable=False),
    sa.Column('updated_at', sa.String(length=24), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('visibility', sa.String(length=32), nullable=False),
    sa.Column('sync_state', sa.String(length=32), nullable=False),
    sa.Column('sync_error', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('log_date', sa.String(length=10), nullable=False),
    sa.Column('project', sa.Text(), nullable=False),
    sa.Column('milestone', sa.Text(), nullable=False),
    sa.Column('what_happened', sa.Text(), nullable=False),
    sa.Column('what_learned', sa.Text(), nullable=False),
    sa.Column('do_differently', sa.Text(), nullable=False),
    sa.Column('tags', sa.Text(), nullable=False),
    sa.Column('template_id', sa.Text(), nullable=False),
    sa.Column('template_answers', sa.Text(), nullable=False),
    sa.Column('hlc', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_log'))
    )
    with op.batch_alter_table('learning_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_log_deleted_updated_at'), ['deleted', 'updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_learning_log_log_date'), ['log_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_learning_log_project'), ['project'], unique=False)
        batch_op.create_index(batch_op.f('ix_learning_log_sync_state'), ['sync_state'], unique=False)

    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('change_id', sa.String(length=36), nullable=False),
    sa.Column('record_type', sa.String(length=32), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=8), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('base_revision', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=24), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('change_id', name=op.f('uq_outbox_change_id'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_record_type_record_id'), ['record_type', 'record_id'], unique=False)

    op.create_table('self_assessment',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('owner_id', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=24), nullable=False),
    sa.Column('updated_at', sa.String(length=24), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('visibility', sa.String(length=32), nullable=False),
    sa.Column('sync_state', sa.String(length=32), nullable=False),
    sa.Column('sync_error', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('framework_id', sa.Text(), nullable=False),
    sa.Column('framework_version', sa.Integer(), nullable=False),
    sa.Column('assessed_on', sa.String(length=10), nullable=False),
    sa.Column('ratings', sa.Text(), nullable=False),
    sa.Column('reflections', sa.Text(), nullable=False),
    sa.Column('gaps', sa.Text(), nullable=False),
    sa.Column('hlc', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_self_assessment'))
    )
    with op.batch_alter_table('self_assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_self_assessment_assessed_on'), ['assessed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_self_assessment_deleted_updated_at'), ['deleted', 'updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_self_assessment_sync_state'), ['sync_state'], unique=False)

    op.create_table('session_note',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('owner_id', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=24), nullable=False),
    sa.Column('updated_at', sa.String(length=24), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('visibility', sa.String(length=32), nullable=False),
    sa.Column('sync_state', sa.String(length=32), nullable=False),
    sa.Column('sync_error', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('session_type', sa.String(length=32), nullable=False),
    sa.Column('starts_at', sa.String(length=24), nullable=False),
    sa.Column('ends_at', sa.String(length=24), nullable=True),
    sa.Column('location_kind', sa.String(length=32), nullable=False),
    sa.Column('location', sa.Text(), nullable=False),
    sa.Column('facilitators', sa.Text(), nullable=False),
    sa.Column('attendees', sa.Text(), nullable=False),
    sa.Column('insights', sa.Text(), nullable=False),
    sa.Column('challenges', sa.Text(), nullable=False),
    sa.Column('success_stories', sa.Text(), nullable=False),
    sa.Column('action_items', sa.Text(), nullable=False),
    sa.Column('hlc', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_note'))
    )
    with op.batch_alter_table('session_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_note_deleted_updated_at'), ['deleted', 'updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_note_starts_at'), ['starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_note_sync_state'), ['sync_state'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('session_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_note_sync_state'))
        batch_op.drop_index(batch_op.f('ix_session_note_starts_at'))
        batch_op.drop_index(batch_op.f('ix_session_note_deleted_updated_at'))

    op.drop_table('session_note')
    with op.batch_alter_table('self_assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_self_assessment_sync_state'))
        batch_op.drop_index(batch_op.f('ix_self_assessment_deleted_updated_at'))
        batch_op.drop_index(batch_op.f('ix_self_assessment_assessed_on'))

    op.drop_table('self_assessment')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_record_type_record_id'))

    op.drop_table('outbox')
    op.drop_table('meta')
    with op.batch_alter_table('learning_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_log_sync_state'))
        batch_op.drop_index(batch_op.f('ix_learning_log_project'))
        batch_op.drop_index(batch_op.f('ix_learning_log_log_date'))
        batch_op.drop_index(batch_op.f('ix_learning_log_deleted_updated_at'))

    op.drop_table('learning_log')
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_target_type_target_id'))
        batch_op.drop_index(batch_op.f('ix_feedback_sync_state'))
        batch_op.drop_index(batch_op.f('ix_feedback_deleted_updated_at'))

    op.drop_table('feedback')
    with op.batch_alter_table('development_goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_development_goal_target_date'))
        batch_op.drop_index(batch_op.f('ix_development_goal_sync_state'))
        batch_op.drop_index(batch_op.f('ix_development_goal_deleted_updated_at'))

    op.drop_table('development_goal')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_target_type_target_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_sync_state'))
        batch_op.drop_index(batch_op.f('ix_attachment_sha256'))
        batch_op.drop_index(batch_op.f('ix_attachment_deleted_updated_at'))

    op.drop_table('attachment')
