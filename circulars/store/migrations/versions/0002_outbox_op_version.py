"""outbox: the operation (upsert | delete) and a version per task

A task withdrawn on ``reprocess`` is queued as a ``delete`` for every sink that had it;
``version`` counts the deliveries queued for a task (the webhook's Idempotency-Key and the
order a receiver applies them in).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 08:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('op', sa.String(length=16), nullable=False, server_default='upsert'))
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('version')
        batch_op.drop_column('op')
