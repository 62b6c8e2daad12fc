"""Photos and documents after the text: upload what this laptop added, download what others shared.

Files go up in chunks at the offset the server already holds (the tus protocol is the model), so a
dropped link costs at most one chunk (the server keeps the part of a chunk that arrived). A file
whose upload finished is remembered in the profile and not asked about again. Downloads are
written to a partial file as they arrive and resume from its size (an HTTP range), so a drop costs
only the block in flight; they enter the file store once their sha256 matches. A file whose
transfer breaks is tried again a few times in the same sync (backoff with jitter, as the records),
then at the next sync from where it stopped. Plain Python; the sync session runs this after the
records, and only when attachments are allowed (a person can hold them back on a metered
connection).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from saypro_core.records import Attachment
from saypro_desktop.storage.blobs import BlobStore, is_sha256
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.engine import retry_policy
from saypro_desktop.sync.transport import FileProblem, HttpTransport, SignInNeeded, SyncError

log = logging.getLogger(__name__)

CHUNK_BYTES = 256 * 1024  # about 16 s at 128 kbit/s: what a drop can cost
UPLOADED_KEY = "attachments_uploaded"


@dataclass
class FileReport:
    uploaded: int = 0
    downloaded: int = 0
    waiting: int = 0  # files still to send or fetch (held back, or not reached before a failure)
    #: Files the server refused to send or take this time (name, why): each was skipped, the rest went on.
    failed: list[tuple[str, str]] = field(default_factory=list)


def _uploaded(store: RecordStore) -> set[str]:
    return set(json.loads(store.meta_value(UPLOADED_KEY) or "[]"))


def sync_files(store: RecordStore, blobs: BlobStore, transport: HttpTransport, user_id: str,
               cancelled: Callable[[], bool] = lambda: False, *, attempts: int = 4,
               max_wait_s: float = 30.0) -> FileReport:
    """Send what this laptop added and fetch what it lacks; each file is tried ``attempts`` times."""
    report = FileReport()
    done = _uploaded(store)
    attachments = list(store.iter_all(Attachment))
    retrying = retry_policy(attempts, max_wait_s, cancelled)
    for attachment in attachments:
        if cancelled():
            break
        if not is_sha256(attachment.sha256):
            continue  # never stored so (the domain's rules); a file name is made of it only if it is a hash
        mine = attachment.owner_id in ("", user_id)
        try:
            if mine and attachment.sha256 not in done and blobs.has(attachment.sha256):
                retrying(_upload, blobs, attachment, transport, cancelled)
                done.add(attachment.sha256)
                store.set_meta_value(UPLOADED_KEY, json.dumps(sorted(done)))
                report.uploaded += 1
            elif not blobs.has(attachment.sha256):
                retrying(_download, blobs, attachment, transport, user_id, cancelled)
                report.downloaded += 1
                if mine:  # it came from the server: it is there already
                    done.add(attachment.sha256)
                    store.set_meta_value(UPLOADED_KEY, json.dumps(sorted(done)))
        except SyncError as exc:
            if cancelled() or isinstance(exc, SignInNeeded) or (exc.retryable and not isinstance(exc, FileProblem)):
                raise  # the link or the server, not this file: the next files would fail the same way
            # The server refused this one file (a colleague's photo that was never uploaded, one over
            # the quota) or it kept arriving damaged: it is reported and tried again next time; the
            # others go on.
            log.warning("file %s skipped: %s", attachment.sha256[:12], exc)
            report.failed.append((attachment.filename, str(exc)))
    wanted = {a.sha256 for a in attachments}
    for sha256 in blobs.partial_downloads():  # the record went away before its file arrived
        if sha256 not in wanted:
            blobs.partial(sha256).unlink()
    report.waiting = files_waiting(store, blobs, user_id)
    return report


def files_waiting(store: RecordStore, blobs: BlobStore, user_id: str) -> int:
    """How many files wait to go up or come down (without moving any)."""
    done = _uploaded(store)
    return sum(1 for a in store.iter_all(Attachment)
               if not blobs.has(a.sha256) or (a.owner_id in ("", user_id) and a.sha256 not in done))


def fetch_one(blobs: BlobStore, attachment: Attachment, transport: HttpTransport, user_id: str,
              cancelled: Callable[[], bool] = lambda: False, *, attempts: int = 4, max_wait_s: float = 30.0) -> None:
    """Fetch one file now (tried ``attempts`` times, from the bytes already here); raises SyncError."""
    if not is_sha256(attachment.sha256):
        raise FileProblem(f"“{attachment.filename}” has no file to fetch.")
    if not blobs.has(attachment.sha256):
        retry_policy(attempts, max_wait_s, cancelled)(_download, blobs, attachment, transport, user_id, cancelled)


def _stopped(what: str) -> SyncError:
    error = SyncError(f"Stopped while {what} a file; it goes on from there next time.")
    error.retryable = False
    return error


def _upload(blobs: BlobStore, attachment: Attachment, transport: HttpTransport, cancelled: Callable[[], bool]) -> None:
    offset = transport.start_upload(attachment.sha256, attachment.size)
    while offset < attachment.size:
        if cancelled():
            raise _stopped("sending")
        offset = transport.append_chunk(attachment.sha256, offset, blobs.read(attachment.sha256, offset, CHUNK_BYTES))


def _download(blobs: BlobStore, attachment: Attachment, transport: HttpTransport, user_id: str,
              cancelled: Callable[[], bool]) -> None:
    partial = blobs.partial(attachment.sha256)
    if partial.size() != attachment.size:
        transport.download_to(attachment.sha256, attachment.owner_id or user_id, partial, cancelled)
    if cancelled() and partial.size() < attachment.size:
        raise _stopped("fetching")
    if not blobs.adopt(attachment.sha256):
        raise FileProblem(f"“{attachment.filename}” arrived damaged; it will be fetched again.")
