"""Privacy reaches the laptops (a real server process): a record its owner makes private or deletes,
or that a person may no longer read after a team move, leaves every other laptop with its
attachments and search entry; an edit of a record deleted elsewhere brings it back whole."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from saypro_core.records import Attachment, LearningLog, SessionNote, Visibility
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.blobs import BlobStore
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.account import sign_in
from saypro_desktop.sync.credentials import CredentialStore
from saypro_desktop.sync.session import sync_profile
from tests import factories
from tests.integration.conftest import PASSWORD, admin

Served = tuple[str, Path, subprocess.Popen[str]]


def laptop_of(url: str, root: Path, user: str) -> tuple[DataPaths, RecordStore, BlobStore]:
    paths = DataPaths.resolve(root)
    paths.ensure()
    store = RecordStore.open(paths.database())
    CredentialStore(paths.root, "default").save(sign_in(url, user, PASSWORD, store.device_id))
    return paths, store, BlobStore(paths.attachments_dir())


def synced(store: RecordStore, paths: DataPaths) -> None:
    outcome = sync_profile(store, paths.root, "default")
    assert outcome.attempt.complete, outcome.report.error


def test_a_log_made_private_or_deleted_leaves_the_colleagues_laptop(served: Served, tmp_path: Path) -> None:
    url, data_dir, _ = served
    assert admin(data_dir, "users", "create", "sipho", "--team", "Limpopo", "--password-stdin",
                 stdin=f"{PASSWORD}\n").returncode == 0
    t_paths, thandi, t_blobs = laptop_of(url, tmp_path / "thandi", "thandi")
    s_paths, sipho, s_blobs = laptop_of(url, tmp_path / "sipho", "sipho")
    note = thandi.save(factories.session_note(owner_id="", visibility=Visibility.TEAM, title="Cafe in Tzaneen"))
    photo = tmp_path / "flipchart.jpg"
    photo.write_bytes(os.urandom(3000))
    stored = t_blobs.put_file(photo)
    thandi.save(Attachment(target_type="session_note", target_id=note.id, filename="flipchart.jpg",
                           visibility=Visibility.TEAM, size=stored.size, sha256=stored.sha256))
    log = thandi.save(factories.learning_log(owner_id="", visibility=Visibility.TEAM, title="Jobs fair"))
    synced(thandi, t_paths)
    synced(sipho, s_paths)
    assert sipho.get(SessionNote, note.id) is not None and s_blobs.has(stored.sha256)
    assert [hit.record_id for hit in sipho.search("Tzaneen")] == [note.id]

    thandi.save(thandi.require(SessionNote, note.id).__class__(**{
        **thandi.require(SessionNote, note.id).__dict__, "visibility": Visibility.PRIVATE}))
    thandi.delete(LearningLog, log.id)
    synced(thandi, t_paths)
    outcome = sync_profile(sipho, s_paths.root, "default")
    assert outcome.attempt.complete and outcome.report.removed == 3  # the note, its photo record, the log
    assert sipho.get(SessionNote, note.id) is None and sipho.get(LearningLog, log.id) is None
    assert sipho.records(Attachment) == [] and not s_blobs.has(stored.sha256)
    assert sipho.search("Tzaneen") == [] and sipho.search("Jobs") == []


def test_an_edit_of_a_log_deleted_on_another_laptop_brings_it_back_whole(served: Served, tmp_path: Path) -> None:
    url = served[0]
    l_paths, laptop, _ = laptop_of(url, tmp_path / "laptop", "thandi")
    p_paths, tablet, _ = laptop_of(url, tmp_path / "tablet", "thandi")
    log = laptop.save(factories.learning_log(owner_id="", title="Youth jobs fair"))
    synced(laptop, l_paths)
    synced(tablet, p_paths)
    tablet.delete(LearningLog, log.id)
    synced(tablet, p_paths)  # the server keeps only the tombstone
    edited = laptop.require(LearningLog, log.id)
    laptop.save(edited.__class__(**{**edited.__dict__, "what_learned": "Short CVs work best."}))
    outcome = sync_profile(laptop, l_paths.root, "default")  # "send it whole", and it goes up whole
    assert outcome.attempt.complete and outcome.report.rejected == []
    synced(tablet, p_paths)
    back = tablet.require(LearningLog, log.id)
    assert not back.deleted and back.title == "Youth jobs fair" and back.what_learned == "Short CVs work best."


def test_a_team_move_takes_the_old_teams_logs_away_and_brings_the_new_ones(served: Served, tmp_path: Path) -> None:
    url, data_dir, _ = served
    assert admin(data_dir, "teams", "create", "Gauteng").returncode == 0
    for name, team in (("sipho", "Limpopo"), ("lerato", "Gauteng")):
        assert admin(data_dir, "users", "create", name, "--team", team, "--password-stdin",
                     stdin=f"{PASSWORD}\n").returncode == 0
    stores = {name: laptop_of(url, tmp_path / name, name) for name in ("thandi", "sipho", "lerato")}
    logs = {}
    for name in ("sipho", "lerato"):
        paths, store, _ = stores[name]
        logs[name] = store.save(factories.learning_log(owner_id="", visibility=Visibility.TEAM, title=f"By {name}"))
        synced(store, paths)
    t_paths, thandi, _ = stores["thandi"]
    synced(thandi, t_paths)
    assert [log.title for log in thandi.records(LearningLog)] == ["By sipho"]
    assert admin(data_dir, "teams", "add-member", "Gauteng", "thandi").returncode == 0
    synced(thandi, t_paths)
    assert [log.title for log in thandi.records(LearningLog)] == ["By lerato"]
