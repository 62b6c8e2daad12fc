"""The sync engine: send the outbox and pull the feed, one request per batch (plain Python, no Qt).

One batch: the oldest outbox entries that fit in ``batch_bytes`` (their changes to one record
merged into one change, so the server sees each record once per batch), plus the pull cursor, in
one zstd-compressed request. The answer streams back as frames: the acknowledgements with the
first records, then more records, each frame stored in one transaction with the cursor that
covers it (storage.remote). Batches repeat until nothing is waiting either way. A dropped
connection costs at most the batch (or frame) in flight: it is sent again, and the server answers
repeated changes with the same acknowledgement. Transient failures are retried with exponential
backoff and jitter (tenacity); the caller can cancel between batches and between frames.
"""

from __future__ import annotations

import functools
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import ValidationError
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_random_exponential

from saypro_core.codec import DecodeError, encode
from saypro_core.ids import is_valid_id
from saypro_core.records import RECORD_TYPES
from saypro_core.reference import parse_reference
from saypro_core.wire import (
    MAX_BATCH_CHANGES,
    MAX_STREAM_RECORDS,
    AnswerFrame,
    Change,
    ConflictOut,
    DirectoryOut,
    RecordOut,
    SyncRequest,
    reference_digest,
)
from saypro_desktop.resources import default_reference_path
from saypro_desktop.storage import remote
from saypro_desktop.storage.outbox import OutboxEntry
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.transport import SyncError, Transport

log = logging.getLogger(__name__)

#: Bytes of change data in the first batch of a sync: on a 128 kbit/s link a second or two of
#: compressed upload, so a drop early on wastes little.
DEFAULT_BATCH_BYTES = 96 * 1024
#: Each batch that goes through makes the next one BATCH_GROWTH times larger, up to MAX_BATCH_BYTES:
#: on a 2G link a round trip costs as much as 6-12 KB of upload, so a long first sync should not be
#: cut into many small requests (a drop still costs only the batch in flight, and the next sync
#: starts small again). x4 rather than x2: 1,000 logs go in 3 requests instead of 4.
BATCH_GROWTH = 4
MAX_BATCH_BYTES = 1024 * 1024
#: Batches in a row that moved nothing either way before a sync stops (the server is broken or hostile).
STALLED_BATCHES = 3


@dataclass
class SyncReport:
    """What one sync did, for the status bar and the Sync page."""

    batches: int = 0
    sent: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: list[tuple[str, str, str]] = field(default_factory=list)
    #: Records (or reference data) from the server this laptop could not use: the Sync page says why.
    set_aside: int = 0
    #: Copies removed: records withdrawn from this user, or deleted by their owners.
    removed: int = 0
    #: Attachment files (sha256) no record here uses any more, to delete once the sync is done.
    unused_files: list[str] = field(default_factory=list)
    #: Who wrote each piece of feedback that arrived (user ids).
    feedback_from: list[str] = field(default_factory=list)
    #: The server or this profile had been restored from a backup, and the two were reconciled.
    reconciled: bool = False
    complete: bool = False  # everything was sent and everything new was pulled
    error: str = ""


def coalesce(entries: list[OutboxEntry]) -> tuple[list[dict[str, Any]], list[remote.SentChange]]:
    """One change per record: later entries' fields over earlier ones'. The change keeps the stamp
    of the record's last entry, so a batch sent again after a drop carries the same changes (the
    server knows a change by the device and its stamp: the wire leaves the change id out)."""
    fields: dict[str, dict[str, Any]] = {}
    last: dict[str, OutboxEntry] = {}
    for entry in entries:
        fields[entry.record_id] = {**fields.get(entry.record_id, {}), **entry.fields}
        last[entry.record_id] = entry
    changes = [{"t": e.record_type, "r": e.record_id,
                "op": "d" if fields[e.record_id].get("deleted") is True else "u",
                "f": fields[e.record_id], "h": e.hlc} for e in last.values()]
    sent = [remote.SentChange(e.change_id, e.record_type, e.record_id, e.seq) for e in last.values()]
    return changes, sent


def read_frame(raw: bytes) -> AnswerFrame:
    """One frame of the server's answer, its envelope checked (records and conflicts are checked
    one by one in :func:`_answer`). Raises SyncError if the frame itself cannot be read."""
    try:
        document = json.loads(raw)  # the standard parser: it reads what a hostile server may send
        return AnswerFrame.model_validate(document)
    except RecursionError:
        raise SyncError("The server's answer could not be read (nested too deeply).") from None
    except (ValueError, UnicodeDecodeError) as exc:
        count = exc.error_count() if isinstance(exc, ValidationError) else 1
        raise SyncError(f"The server's answer could not be read ({count} problems).") from None


def _unreadable(item: Any, exc: ValidationError) -> remote.SetAside:
    """A record or conflict of the answer that does not have the wire's shape, as a set-aside entry."""
    kind = item.get("t") if isinstance(item, dict) else None
    record_id = item.get("r") if isinstance(item, dict) else None
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])[:60]
    return remote.SetAside(kind if isinstance(kind, str) and kind in RECORD_TYPES else "record",
                           record_id if isinstance(record_id, str) and is_valid_id(record_id) else "",
                           f"the server sent it in a shape this app cannot read ({where}: {first['msg'][:120]}).")


M = TypeVar("M", RecordOut, ConflictOut)


def _readable(model: type[M], items: list[Any], unreadable: list[remote.SetAside]) -> list[M]:
    """The items that have the wire's shape; each other one is noted in ``unreadable``."""
    readable = []
    for item in items:
        try:
            readable.append(model.model_validate(item))
        except ValidationError as exc:
            unreadable.append(_unreadable(item, exc))
    return readable


def _answer(frame: AnswerFrame, sent: list[remote.SentChange]) -> remote.SyncAnswer:
    if len(frame.ack) != len(sent):
        log.warning("the server acknowledged %d of %d changes", len(frame.ack), len(sent))
        raise SyncError("The server did not acknowledge the changes sent. Will try again later.")
    unreadable: list[remote.SetAside] = []
    records = [remote.RemoteRecord(r.t, r.r, r.rev, r.o, r.f, r.h, r.at, r.ca, r.ua)
               for r in _readable(RecordOut, frame.ch, unreadable)]
    conflicts = [remote.RemoteConflict(c.id, c.t, c.r, c.field, c.kept, c.lost, c.kept_h, c.lost_h, c.lost_by, c.at,
                                       c.res) for c in _readable(ConflictOut, frame.cf, unreadable)]
    withdrawn = [item for item in frame.w if isinstance(item, str) and is_valid_id(item)]
    if len(withdrawn) < len(frame.w):
        unreadable.append(remote.SetAside("record", "", "the server withdrew something that is not a record id."))
    directory = None
    if frame.dir is not None:
        try:
            directory = DirectoryOut.model_validate(frame.dir)
        except ValidationError as exc:  # the old directory stays; the records are not held up by it
            log.warning("the server's directory could not be read: %s", exc.errors()[:1])
            unreadable.append(remote.SetAside("directory", "", "the server's list of people could not be read."))
    return remote.SyncAnswer(  # acknowledgements come in the order of the changes sent
        acknowledgements=[remote.Acknowledgement(change.change_id, a.s, a.rev, a.err)
                          for a, change in zip(frame.ack, sent, strict=True)],
        records=records, conflicts=conflicts, cursor=frame.cur,
        reference=(frame.ref.version, frame.ref.data) if frame.ref else None,
        set_aside=unreadable, withdrawn=withdrawn, scope_epoch=frame.se, feed_epoch=frame.ep, directory=directory,
    )


def retry_policy(attempts: int, max_wait_s: float, cancelled: Callable[[], bool]) -> Retrying:
    """Try again what failed for a reason that may pass (a dropped link, a busy server): up to
    ``attempts`` times in all, waiting with exponential backoff and jitter; a wait ends, and no
    new try starts, once ``cancelled`` says so. Batches of records and file transfers share it."""
    return Retrying(
        stop=stop_after_attempt(attempts), wait=wait_random_exponential(multiplier=1, max=max_wait_s),
        sleep=lambda seconds: _pause(seconds, cancelled), reraise=True,
        retry=retry_if_exception(lambda exc: isinstance(exc, SyncError) and exc.retryable and not cancelled()))


def _pause(seconds: float, cancelled: Callable[[], bool]) -> None:
    end = time.monotonic() + seconds
    while not cancelled() and (left := end - time.monotonic()) > 0:
        time.sleep(min(0.2, left))


@functools.cache
def shipped_reference_digest() -> str | None:
    """The digest of the reference data shipped with the app, which a laptop holds until a sync
    brings the server's, in the form the server stores it (parsed and encoded again, as the admin
    command loads it). None if the file cannot be read: then the server sends its data."""
    try:
        shipped = parse_reference(json.loads(default_reference_path().read_text(encoding="utf-8")))
        return reference_digest(encode(shipped))
    except (OSError, ValueError, DecodeError):
        log.warning("the shipped reference data could not be read", exc_info=True)
        return None


class ReconcileNeeded(Exception):
    """The server asked this laptop to reconcile before syncing (it, or this profile, was restored)."""


class SyncEngine:
    def __init__(self, store: RecordStore, transport: Transport, *, batch_bytes: int = DEFAULT_BATCH_BYTES,
                 max_batch_bytes: int = MAX_BATCH_BYTES, attempts: int = 4, max_wait_s: float = 30.0,
                 user_id: str = "") -> None:
        """``user_id``: whose profile this is (a reconciliation sends their records again; "" also
        counts as theirs: written before the sign-in)."""
        self.store = store
        self.transport = transport
        self.user_id = user_id
        self.batch_bytes = batch_bytes
        self.max_batch_bytes = max(batch_bytes, max_batch_bytes)
        self.attempts = attempts
        self.max_wait_s = max_wait_s
        self._progress: Callable[[SyncReport], None] = lambda report: None

    def sync(self, cancelled: Callable[[], bool] = lambda: False, max_batches: int = 10_000,
             progress: Callable[[SyncReport], None] = lambda report: None) -> SyncReport:
        """Batches until nothing is waiting either way (``complete``), a failure, or cancellation.
        ``progress`` hears of the report after each frame is stored."""
        report = SyncReport()
        self._progress = progress
        size = self.batch_bytes
        retrying = retry_policy(self.attempts, self.max_wait_s, cancelled)
        stalled = 0
        try:
            while report.batches < max_batches and not cancelled():
                before = self._progress_mark(report)
                # A batch tried again is built again: frames that arrived before a drop are stored.
                try:
                    more = retrying(self._one_batch, report, size, cancelled)
                except ReconcileNeeded:
                    if report.reconciled:
                        raise SyncError("The server asks again and again to reconcile. Will try again later.") from None
                    self._reconcile(report, cancelled)
                    continue
                if not more:
                    report.complete = True
                    break
                # A server that keeps saying "more" without moving the cursor or taking a change would
                # keep this loop (and the link) busy for ever.
                stalled = stalled + 1 if self._progress_mark(report) == before else 0
                if stalled >= STALLED_BATCHES:
                    raise SyncError("The server keeps saying more is waiting but sends nothing new. "
                                    "Will try again later.")
                size = min(size * BATCH_GROWTH, self.max_batch_bytes)
        except SyncError as exc:
            report.error = str(exc)
            log.warning("sync stopped after %d batches: %s", report.batches, exc)
        return report

    def _reconcile(self, report: SyncReport, cancelled: Callable[[], bool]) -> None:
        from saypro_desktop.sync.reconcile import reconcile

        log.warning("the server or this profile was restored from a backup: reconciling")
        done = retry_policy(self.attempts, self.max_wait_s, cancelled)(
            reconcile, self.store, self.transport, self.user_id, cancelled)
        report.reconciled = True
        report.pulled += done.taken
        report.removed += done.dropped
        report.unused_files.extend(done.unused_files)

    def _progress_mark(self, report: SyncReport) -> tuple[int, int, int]:
        """What moves when a batch gets somewhere: the cursor, or changes the server took or refused
        (records received again under the same cursor are no progress)."""
        return self.store.sync_cursor(), report.sent, len(report.rejected)

    def _one_batch(self, report: SyncReport, batch_bytes: int, cancelled: Callable[[], bool]) -> bool:
        """One request: the changes that fit in ``batch_bytes`` up, records down as a stream of
        frames, each stored in its own transaction as it arrives. True if more is waiting."""
        entries = self.store.changes_to_send(batch_bytes, MAX_BATCH_CHANGES)
        changes, sent = coalesce(entries)
        bases = self.store.sync_bases([(c.record_type, c.record_id) for c in sent])
        for change in changes:
            base, created_at, updated_at = bases.get(str(change["r"]), (0, None, None))
            change["b"] = base
            if updated_at:  # the author's own times travel with the change (the server bounds them)
                change["u"] = updated_at
                if base == 0:
                    change["c"] = created_at
        held = self.store.reference_version()
        request = SyncRequest(dev=self.store.device_id, cur=self.store.sync_cursor(), se=self.store.scope_epoch(),
                              ep=self.store.feed_epoch(), dv=self.store.directory_version(),
                              ch=[Change.model_validate(c) for c in changes], ref=held,
                              rh=shipped_reference_digest() if held == 0 else None, lim=MAX_STREAM_RECORDS, st=True)
        more: bool | None = None
        for raw in self.transport.post_sync(request.model_dump_json().encode()):
            first = more is None
            response = read_frame(raw)
            if first and response.rc:
                raise ReconcileNeeded
            acknowledged = sent if first else []
            applied = self.store.apply_sync_answer(acknowledged, _answer(response, acknowledged))
            report.sent += applied.acknowledged
            report.pulled += applied.pulled
            report.conflicts += applied.conflicts
            report.set_aside += applied.set_aside
            report.removed += applied.removed
            report.feedback_from.extend(applied.feedback_from)
            report.unused_files.extend(applied.unused_files)
            report.rejected.extend(applied.rejected)
            if first:
                report.batches += 1
                if entries and applied.acknowledged + len(applied.rejected) + len(applied.resend) == 0:
                    # Never loop on a batch the server does not take; the changes stay queued.
                    raise SyncError("The server did not acknowledge the changes sent. Will try again later.")
            more = response.more
            self._progress(report)
            if more and cancelled():
                break  # what arrived is stored; the rest comes with the next sync
        if more is None:
            raise SyncError("The server's answer was empty. Will try again.")
        still_waiting = bool(self.store.pending_changes(limit=1))
        return more or (still_waiting and bool(entries))


def summary(report: SyncReport) -> str:
    """One line for a person (and the `sync` command)."""
    if report.error:
        return f"Sync stopped: {report.error} ({report.sent} sent, {report.pulled} received before it stopped.)"
    parts = [f"{report.sent} sent", f"{report.pulled} received"]
    if report.conflicts:
        parts.append(f"{report.conflicts} conflicts to look at")
    if report.rejected:
        named = "; ".join(f"{kind.replace('_', ' ')} {record_id[:8]}…: {reason}"
                          for kind, record_id, reason in report.rejected[:3])
        more = f" and {len(report.rejected) - 3} more" if len(report.rejected) > 3 else ""
        parts.append(f"{len(report.rejected)} refused by the server ({named}{more}; see `saypro-desktop export` "
                     "or the Sync page)")
    if report.set_aside:
        parts.append(f"{report.set_aside} from the server set aside (see the Sync page)")
    return ("Synced: " if report.complete else "Partly synced: ") + ", ".join(parts) + "."

