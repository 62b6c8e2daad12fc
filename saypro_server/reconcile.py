"""Reconciling a device with the server after either was restored from a backup (DESIGN.md, "Survives
restores"), by the digests of saypro_core.reconcile.

The device sends the digests of what it holds; the server answers where they differ from its own
view of the records the user may read, down to the records of the leaves that differ. There each
record is settled on its own, by the stamp of its last change:

- the device lacks it, or holds an older state (a deletion included): the server sends it (take);
- the device holds a newer state of its own record, or one the (restored) server lacks: the device
  sends it whole (send), so nothing any laptop still holds is lost, and a deletion made after the
  backup is made again, not undone;
- the device holds a record the user may not (or no longer) read: the device drops it.

A newer state of someone else's record the device holds is left alone: only its owner's device can
send it. Nothing is doubled: records are keyed by id on both sides.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from saypro_core.reconcile import Digests, differing, leaf_of
from saypro_core.wire import ANSWER_BYTES, ReconcileRequest, ReconcileResponse, RecordOut
from saypro_server.sync_service import Principal, read_feed_state, record_out, visible_to
from saypro_server.tables import StoredRecord


def _in_scope(session: Session, principal: Principal) -> list[tuple[str, str, bool]]:
    """(id, stamp, deleted) of every record the user may read."""
    rows = session.execute(select(StoredRecord.id, StoredRecord.stamp, StoredRecord.deleted).where(
        visible_to(principal), StoredRecord.quarantined.is_(None)))
    return [(row.id, row.stamp, bool(row.deleted)) for row in rows]


def answer(session: Session, principal: Principal, request: ReconcileRequest) -> ReconcileResponse:
    state = read_feed_state(session)
    scope = _in_scope(session, principal)
    digests = Digests.of((record_id, stamp) for record_id, stamp, deleted in scope if not deleted)
    if request.lv == 1:
        theirs = {top: (count, xor) for top, count, xor in request.tops}
        return ReconcileResponse(ep=state.epoch, high=state.high,
                                 tops=differing({top: d.wire() for top, d in digests.tops.items()}, theirs))
    if request.lv == 2:
        asked = {top for top, _, _ in request.tops}
        theirs_leaves = {(top, leaf): (count, xor) for top, leaf, count, xor in request.leaves}
        mine_leaves = {key: d.wire() for key, d in digests.leaves.items() if key[0] in asked}
        return ReconcileResponse(ep=state.epoch, high=state.high, leaves=differing(mine_leaves, theirs_leaves))
    return _settle(session, principal, request, state.epoch, state.high, scope)


def _settle(session: Session, principal: Principal, request: ReconcileRequest, epoch: str, high: int,
            scope: Sequence[tuple[str, str, bool]]) -> ReconcileResponse:
    asked = list(dict.fromkeys((top, leaf) for top, leaf in request.ask))
    wanted = set(asked)
    server = {record_id: (stamp, deleted) for record_id, stamp, deleted in scope if leaf_of(record_id) in wanted}
    device = {record_id: (stamp, bool(deleted), bool(mine)) for _, record_id, stamp, deleted, mine in request.e
              if leaf_of(record_id) in wanted}
    send: list[tuple[str, int]] = []
    take_ids: list[str] = []
    drop: list[str] = []
    for record_id in sorted(set(server) | set(device)):
        held, theirs = server.get(record_id), device.get(record_id)
        if theirs is None:
            if held is not None and not held[1]:
                take_ids.append(record_id)
        elif held is None:
            stamp, deleted, mine = theirs
            if mine and not deleted:
                send.append((record_id, 0))
            elif not mine:
                drop.append(record_id)
        elif held[0] > theirs[0]:
            take_ids.append(record_id)
        elif theirs[0] > held[0] and theirs[2]:
            send.append((record_id, 0))
    revisions: dict[str, int] = {row.id: row.revision for row in session.execute(
        select(StoredRecord.id, StoredRecord.revision).where(StoredRecord.id.in_([i for i, _ in send])))}
    records = {r.id: r for r in session.scalars(select(StoredRecord).where(StoredRecord.id.in_(take_ids)))} \
        if take_ids else {}
    take: list[RecordOut] = []
    rest: list[tuple[int, int]] = []
    size = 0
    for leaf in asked:  # whole leaves, until the answer is full; the rest is asked for again
        in_leaf = [records[i] for i in take_ids if i in records and leaf_of(i) == leaf]
        if size >= ANSWER_BYTES:
            rest.append(leaf)
            continue
        take.extend(record_out(r, principal.user_id) for r in in_leaf)
        size += sum(len(json.dumps(r.fields)) for r in in_leaf)
    answered = set(asked) - set(rest)
    return ReconcileResponse(
        ep=epoch, high=high, take=take, rest=rest,
        send=[(i, int(revisions.get(i, 0))) for i, _ in send if leaf_of(i) in answered],
        drop=[i for i in drop if leaf_of(i) in answered])
