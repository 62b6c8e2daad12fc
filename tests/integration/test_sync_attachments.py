"""Photos and documents after the text: sent in chunks that resume where a dropped link left off,
received by the person's other laptop byte for byte, and held back when the person says so."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from bench.linkem import Link
from saypro_core.records import Attachment, SessionNote, Visibility
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.blobs import BlobStore, StoredFile
from saypro_desktop.storage.profile_access import blobs_for
from saypro_desktop.storage.profile_lock import new_key
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.account import sign_in
from saypro_desktop.sync.attachments import CHUNK_BYTES
from saypro_desktop.sync.credentials import CredentialStore
from saypro_desktop.sync.session import sync_profile
from tests import factories
from tests.integration.conftest import PASSWORD, admin, point_at, signed_in_profile

Served = tuple[str, Path, subprocess.Popen[str]]


def laptop(root: Path, server: str) -> tuple[DataPaths, RecordStore, BlobStore]:
    paths, store = signed_in_profile(server, root)
    return paths, store, BlobStore(paths.attachments_dir())


def photographed_note(store: RecordStore, blobs: BlobStore,
                      folder: Path) -> tuple[SessionNote, Path, StoredFile]:
    """A session note with a photo of a little over three chunks attached."""
    note = store.save(factories.session_note(owner_id=""))
    photo = folder / "flipchart.jpg"
    photo.write_bytes(os.urandom(3 * CHUNK_BYTES + 1000))
    stored = blobs.put_file(photo)
    store.save(Attachment(target_type="session_note", target_id=note.id, filename="flipchart.jpg",
                          media_type="image/jpeg", size=stored.size, sha256=stored.sha256))
    return note, photo, stored


def test_a_photo_goes_up_in_resumable_chunks_and_arrives_on_the_other_laptop(served: Served, tmp_path: Path) -> None:
    url = served[0]
    paths, store, blobs = laptop(tmp_path / "laptop", url)
    note, photo, stored = photographed_note(store, blobs, tmp_path)
    with Link(int(url.rsplit(":", 1)[1]), rtt_ms=20) as link:
        # Held back (costly connection): the records go, the photo waits and is counted.
        point_at(paths, link.url)
        held = sync_profile(store, paths.root, "default", files=False)
        assert held.attempt.complete and held.attempt.files_waiting == 1 and held.attempt.files_up == 0
        # The link drops in the middle of the photo's third chunk; the same sync tries again a moment
        # later and goes on from the offset the server holds: only the chunk in flight goes twice.
        link.reset_stats()
        link.fail_next("drop", after_bytes=2 * CHUNK_BYTES + CHUNK_BYTES // 2)
        done = sync_profile(store, paths.root, "default")
        assert done.attempt.complete and done.attempt.files_up == 1 and done.attempt.files_waiting == 0
        assert link.stats.faults == {"drop": 1} and link.stats.connections == 2
        assert stored.size < link.stats.bytes_up < stored.size + CHUNK_BYTES + 20_000
    tablet_paths, tablet, tablet_blobs = laptop(tmp_path / "tablet", url)
    received = sync_profile(tablet, tablet_paths.root, "default")
    assert received.attempt.complete and received.attempt.files_down == 1
    [attachment] = tablet.records(Attachment)
    assert tablet_blobs.path_for(attachment.sha256).read_bytes() == photo.read_bytes()
    assert tablet.require(SessionNote, note.id).title == note.title
    again = sync_profile(tablet, tablet_paths.root, "default")
    assert again.attempt.files_down == 0 and again.attempt.files_up == 0  # nothing moves twice


def test_a_photo_coming_down_goes_on_from_the_bytes_it_has(served: Served, tmp_path: Path) -> None:
    url = served[0]
    paths, store, blobs = laptop(tmp_path / "laptop", url)
    _, photo, stored = photographed_note(store, blobs, tmp_path)
    assert sync_profile(store, paths.root, "default").attempt.files_up == 1
    tablet_paths, tablet, tablet_blobs = laptop(tmp_path / "tablet", url)
    partial = tablet_blobs.partial(stored.sha256).path
    forgotten = tablet_blobs.partial("0" * 64).path  # a download whose record went away
    forgotten.parent.mkdir(parents=True)
    forgotten.write_bytes(b"half a photo")
    with Link(int(url.rsplit(":", 1)[1]), rtt_ms=20) as link:
        # The link drops a third of the way into the photo; the same sync goes on from there.
        link.fail_next("drop", after_bytes=stored.size // 3)
        point_at(tablet_paths, link.url)
        dropped = sync_profile(tablet, tablet_paths.root, "default")
        assert dropped.attempt.complete and dropped.attempt.files_down == 1
        assert link.stats.faults == {"drop": 1} and link.stats.connections == 2
        assert stored.size < link.stats.bytes_down < stored.size + 20_000  # the records, headers: no byte twice
        assert tablet_blobs.path_for(stored.sha256).read_bytes() == photo.read_bytes()
        assert not partial.exists() and not forgotten.exists()

        # The person closes the app half-way: what arrived stays, and the next sync fetches the rest.
        tablet_blobs.path_for(stored.sha256).unlink()
        link.reset_stats()
        stopped = sync_profile(tablet, tablet_paths.root, "default",
                               cancelled=lambda: partial.exists() and partial.stat().st_size > stored.size // 2)
        assert stopped.attempt.error == "Stopped while fetching a file; it goes on from there next time."
        assert stopped.attempt.files_waiting == 1
        held = partial.stat().st_size
        assert stored.size // 2 < held < stored.size
        link.reset_stats()
        rest = sync_profile(tablet, tablet_paths.root, "default")
        assert rest.attempt.complete and rest.attempt.files_down == 1 and rest.attempt.files_waiting == 0
        assert stored.size - held < link.stats.bytes_down < stored.size - held + 5_000
        assert tablet_blobs.path_for(stored.sha256).read_bytes() == photo.read_bytes()

        # Bytes that went bad on the disk are caught by the hash and fetched again, whole.
        tablet_blobs.path_for(stored.sha256).unlink()
        partial.write_bytes(b"x" * (stored.size // 2))
        mended = sync_profile(tablet, tablet_paths.root, "default")
        assert mended.attempt.complete and mended.attempt.files_down == 1
        assert tablet_blobs.path_for(stored.sha256).read_bytes() == photo.read_bytes() and not partial.exists()


def test_a_colleagues_photo_never_uploaded_stops_nothing_else(served: Served, tmp_path: Path) -> None:
    """Sipho shares a note whose photo never reaches the server; Thandi's own photo still goes up and
    the photo that can be fetched still comes down. The missing one is reported and tried again."""
    url, data_dir, _ = served
    created = admin(data_dir, "users", "create", "sipho", "--team", "Limpopo", "--password-stdin",
                    stdin=f"{PASSWORD}\n")
    assert created.returncode == 0, created.stderr
    sipho_paths = DataPaths.resolve(tmp_path / "sipho")
    sipho_paths.ensure()
    sipho = RecordStore.open(sipho_paths.database())
    CredentialStore(sipho_paths.root, "default").save(sign_in(url, "sipho", PASSWORD, sipho.device_id))
    sipho_blobs = BlobStore(sipho_paths.attachments_dir())
    shared = []
    for name in ("never-sent.jpg", "sent.jpg"):
        note = sipho.save(factories.session_note(owner_id="", visibility=Visibility.TEAM, title=name))
        photo = tmp_path / name
        photo.write_bytes(os.urandom(5000))
        stored = sipho_blobs.put_file(photo)
        shared.append(sipho.save(Attachment(target_type="session_note", target_id=note.id, filename=name,
                                            visibility=Visibility.TEAM, size=stored.size, sha256=stored.sha256)))
    assert sync_profile(sipho, sipho_paths.root, "default", files=False).attempt.complete
    sipho_blobs.path_for(shared[0].sha256).unlink()  # lost before it was ever sent
    assert sync_profile(sipho, sipho_paths.root, "default").attempt.files_up == 1

    paths, store, blobs = laptop(tmp_path / "thandi", url)
    _, _, own = photographed_note(store, blobs, tmp_path)
    outcome = sync_profile(store, paths.root, "default")
    assert outcome.attempt.complete, outcome.report.error
    assert (outcome.attempt.files_up, outcome.attempt.files_down, outcome.attempt.files_failed) == (1, 1, 1)
    assert blobs.has(shared[1].sha256) and not blobs.has(shared[0].sha256)
    assert outcome.attempt.files_waiting == 1


def test_a_locked_profiles_photo_goes_up_and_comes_down_encrypted(served: Served, tmp_path: Path) -> None:
    """A signed-in person's profile is encrypted (storage.profile_access): the sync reads its files
    through the profile's key and writes what it fetches encrypted, never a plain copy beside them."""
    url = served[0]
    paths, store = signed_in_profile(url, tmp_path / "laptop")
    key = new_key()
    store.encrypt(key)
    blobs = blobs_for(paths, "default", key)
    _, photo, stored = photographed_note(store, blobs, tmp_path)
    assert sync_profile(store, paths.root, "default").attempt.files_up == 1
    tablet_paths, tablet = signed_in_profile(url, tmp_path / "tablet")
    tablet_key = new_key()
    tablet.encrypt(tablet_key)
    assert sync_profile(tablet, tablet_paths.root, "default").attempt.files_down == 1
    tablet_blobs = blobs_for(tablet_paths, "default", tablet_key)
    assert tablet_blobs.has(stored.sha256)
    assert tablet_blobs.read(stored.sha256, 0, stored.size) == photo.read_bytes()
    assert tablet_blobs.path_for(stored.sha256).read_bytes() != photo.read_bytes()  # encrypted on disk
    assert not BlobStore(tablet_paths.attachments_dir()).has(stored.sha256)  # and no plain copy
