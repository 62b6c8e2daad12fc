"""Photos and documents after the text: sent in chunks that resume where a dropped link left off,
received by the person's other laptop byte for byte, and held back when the person says so."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from bench.linkem import Link
from saypro_desktop.domain.records import Attachment, SessionNote
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.blobs import BlobStore
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.attachments import CHUNK_BYTES
from saypro_desktop.sync.session import sync_profile
from tests import factories
from tests.integration.conftest import signed_in_profile

Served = tuple[str, Path, subprocess.Popen[str]]


def laptop(root: Path, server: str) -> tuple[DataPaths, RecordStore, BlobStore]:
    paths, store = signed_in_profile(server, root)
    return paths, store, BlobStore(paths.attachments_dir())


def test_a_photo_goes_up_in_resumable_chunks_and_arrives_on_the_other_laptop(served: Served, tmp_path: Path) -> None:
    url = served[0]
    paths, store, blobs = laptop(tmp_path / "laptop", url)
    note = store.save(factories.session_note(owner_id=""))
    photo = tmp_path / "flipchart.jpg"
    photo.write_bytes(os.urandom(3 * CHUNK_BYTES + 1000))
    stored = blobs.put_file(photo)
    store.save(Attachment(target_type="session_note", target_id=note.id, filename="flipchart.jpg",
                          media_type="image/jpeg", size=stored.size, sha256=stored.sha256))
    with Link(int(url.rsplit(":", 1)[1]), rtt_ms=20) as link:
        # Held back (costly connection): the records go, the photo waits and is counted.
        held = sync_profile(store, paths.root, "default", server=link.url, files=False)
        assert held.attempt.complete and held.attempt.files_waiting == 1 and held.attempt.files_up == 0
        # The link drops in the middle of the photo's third chunk.
        link.reset_stats()
        link.fail_next("drop", after_bytes=2 * CHUNK_BYTES + CHUNK_BYTES // 2)
        dropped = sync_profile(store, paths.root, "default", server=link.url)
        assert dropped.attempt.error and dropped.attempt.files_waiting == 1
        first_try = link.stats.bytes_up
        link.reset_stats()
        done = sync_profile(store, paths.root, "default", server=link.url)
        assert done.attempt.complete and done.attempt.files_up == 1 and done.attempt.files_waiting == 0
        # Resumed: the second attempt sent what was missing plus at most the chunk in flight.
        assert link.stats.bytes_up < stored.size - first_try + CHUNK_BYTES + 20_000
        assert link.stats.bytes_up < stored.size
    tablet_paths, tablet, tablet_blobs = laptop(tmp_path / "tablet", url)
    received = sync_profile(tablet, tablet_paths.root, "default")
    assert received.attempt.complete and received.attempt.files_down == 1
    [attachment] = tablet.records(Attachment)
    assert tablet_blobs.path_for(attachment.sha256).read_bytes() == photo.read_bytes()
    assert tablet.require(SessionNote, note.id).title == note.title
    again = sync_profile(tablet, tablet_paths.root, "default")
    assert again.attempt.files_down == 0 and again.attempt.files_up == 0  # nothing moves twice
