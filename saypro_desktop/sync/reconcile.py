"""Reconciling this laptop with the server after either was restored from a backup (plain Python).

The server answers a sync with "reconcile first" when the laptop's cursor means nothing: the server
was restored (another feed epoch, or a cursor past the feed's end) or this profile was (a cursor
further back than it has sent before). Then the two compare digests of what they hold
(saypro_core.reconcile), narrowing down in three steps to the records that differ, which are
settled one by one (saypro_server.reconcile): the laptop takes what it lacks or holds older, drops
what it may not hold, and sends its own records the server lacks or holds older, whole. At the end
the cursor is the feed's end as it was when the reconciliation began: whatever changed since comes
with the next pull.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import ValidationError

from saypro_core.reconcile import Digests, leaf_of
from saypro_core.wire import MAX_RECONCILE_LEAVES, ReconcileRequest, ReconcileResponse
from saypro_desktop.storage import remote
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.transport import SyncError, Transport

log = logging.getLogger(__name__)


@dataclass
class ReconcileReport:
    taken: int = 0
    dropped: int = 0
    sent_again: int = 0
    requests: int = 0
    unused_files: list[str] = field(default_factory=list)


def _ask(transport: Transport, request: ReconcileRequest, report: ReconcileReport) -> ReconcileResponse:
    report.requests += 1
    raw = transport.post_reconcile(request.model_dump_json().encode())
    try:
        return ReconcileResponse.model_validate(json.loads(raw))
    except (ValueError, RecursionError, ValidationError):
        raise SyncError("The server's answer to a reconciliation could not be read. Will try again.") from None


def reconcile(store: RecordStore, transport: Transport, user_id: str,
              cancelled: Callable[[], bool] = lambda: False) -> ReconcileReport:
    """Reconcile until every leaf that differed is settled; the cursor and epoch are kept only then
    (a reconciliation cut short starts again at the next sync, and changes nothing twice)."""
    report = ReconcileReport()
    held = store.holdings()
    mine_ids = {record_id for _, record_id, _, _, owner in held if owner in ("", user_id)}
    digests = Digests.of((record_id, stamp) for _, record_id, stamp, deleted, _ in held if not deleted)
    device = store.device_id
    first = _ask(transport, ReconcileRequest(dev=device, lv=1, tops=digests.top_wire()), report)
    epoch, high = first.ep, first.high
    leaves: list[tuple[int, int]] = []
    if first.tops:
        second = _ask(transport, ReconcileRequest(dev=device, lv=2, tops=[(t, 0, "0" * 16) for t in first.tops],
                                                  leaves=digests.leaf_wire(first.tops)), report)
        leaves = list(second.leaves)
    by_leaf: dict[tuple[int, int], list[tuple[str, str, str, int, int]]] = {}
    for record_type, record_id, stamp, deleted, _ in held:
        by_leaf.setdefault(leaf_of(record_id), []).append(
            (record_type, record_id, stamp, int(deleted), int(record_id in mine_ids)))
    types = {record_id: record_type for record_type, record_id, *_ in held}
    cursor = store.sync_cursor()
    while leaves:
        if cancelled():
            raise SyncError("Stopped while reconciling; it starts again at the next sync.")
        ask, leaves = leaves[:MAX_RECONCILE_LEAVES], leaves[MAX_RECONCILE_LEAVES:]
        entries = [entry for leaf in ask for entry in by_leaf.get(leaf, [])]
        step = _ask(transport, ReconcileRequest(dev=device, lv=3, ask=ask, e=entries), report)  # type: ignore[arg-type]
        leaves = list(step.rest) + leaves
        take = remote.SyncAnswer(
            acknowledgements=(), cursor=cursor,
            records=[remote.RemoteRecord(r.t, r.r, r.rev, r.o, r.f, r.h, r.at, r.ca, r.ua) for r in step.take],
            conflicts=())
        send = [(types[record_id], record_id, revision) for record_id, revision in step.send if record_id in types]
        report.unused_files.extend(store.apply_reconciliation(take, step.drop, send, None))
        report.taken += len(step.take)
        report.dropped += len(step.drop)
        report.sent_again += len(send)
    store.apply_reconciliation(remote.SyncAnswer((), (), (), cursor), (), (), (high, epoch))
    log.info("reconciled: %d records taken, %d dropped, %d to send again, in %d requests", report.taken,
             report.dropped, report.sent_again, report.requests)
    return report
