"""Photos and documents after the text: upload what this laptop added, download what others shared.

Files go up in chunks at the offset the server already holds (the tus protocol is the model), so a
dropped link costs one chunk. A file whose upload finished is remembered in the profile and not
asked about again. Downloads are checked against their sha256 before they enter the file store.
Plain Python; the sync session runs this after the records, and only when attachments are allowed
(a person can hold them back on a metered connection).
"""

from __future__ import annotations

import hashlib
import json
import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from saypro_desktop.domain.records import Attachment
from saypro_desktop.storage.blobs import BlobStore
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.transport import HttpTransport, SyncError

log = logging.getLogger(__name__)

CHUNK_BYTES = 256 * 1024  # about 16 s at 128 kbit/s: what a drop can cost
UPLOADED_KEY = "attachments_uploaded"


@dataclass
class FileReport:
    uploaded: int = 0
    downloaded: int = 0
    waiting: int = 0  # files still to send or fetch (held back, or not reached before a failure)


def _uploaded(store: RecordStore) -> set[str]:
    return set(json.loads(store.meta_value(UPLOADED_KEY) or "[]"))


def sync_files(store: RecordStore, blobs: BlobStore, transport: HttpTransport, user_id: str,
               cancelled: Callable[[], bool] = lambda: False) -> FileReport:
    report = FileReport()
    done = _uploaded(store)
    attachments = list(store.iter_all(Attachment))
    for attachment in attachments:
        if cancelled():
            break
        mine = attachment.owner_id in ("", user_id)
        if mine and attachment.sha256 not in done and blobs.has(attachment.sha256):
            _upload(blobs.path_for(attachment.sha256), attachment, transport, cancelled)
            done.add(attachment.sha256)
            store.set_meta_value(UPLOADED_KEY, json.dumps(sorted(done)))
            report.uploaded += 1
        elif not blobs.has(attachment.sha256):
            _download(blobs, attachment, transport, user_id)
            report.downloaded += 1
            if mine:  # it came from the server: it is there already
                done.add(attachment.sha256)
                store.set_meta_value(UPLOADED_KEY, json.dumps(sorted(done)))
    report.waiting = files_waiting(store, blobs, user_id)
    return report


def files_waiting(store: RecordStore, blobs: BlobStore, user_id: str) -> int:
    """How many files wait to go up or come down (without moving any)."""
    done = _uploaded(store)
    return sum(1 for a in store.iter_all(Attachment)
               if not blobs.has(a.sha256) or (a.owner_id in ("", user_id) and a.sha256 not in done))


def _upload(path: Path, attachment: Attachment, transport: HttpTransport, cancelled: Callable[[], bool]) -> None:
    offset = transport.start_upload(attachment.sha256, attachment.size)
    with path.open("rb") as f:
        while offset < attachment.size:
            if cancelled():
                raise SyncError("Stopped while sending a file; it goes on from there next time.")
            f.seek(offset)
            offset = transport.append_chunk(attachment.sha256, offset, f.read(CHUNK_BYTES))


def _download(blobs: BlobStore, attachment: Attachment, transport: HttpTransport, user_id: str) -> None:
    data = transport.download(attachment.sha256, attachment.owner_id or user_id)
    if hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise SyncError(f"“{attachment.filename}” arrived damaged; it will be fetched again.")
    with tempfile.NamedTemporaryFile(dir=blobs.root.parent, delete=False) as f:
        f.write(data)
        temporary = Path(f.name)
    try:
        blobs.put_file(temporary)
    finally:
        temporary.unlink(missing_ok=True)
