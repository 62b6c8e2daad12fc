"""The app's background sync against a real server on loopback: edits go out a few seconds after
they are saved, what another device wrote arrives and is listed, "Sync now" works, and a server
that is gone is reported honestly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from saypro_core.records import LearningLog
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.credentials import CredentialStore
from saypro_desktop.sync.session import sync_profile
from saypro_desktop.ui.main_window import SYNC_ROW, MainWindow
from saypro_desktop.ui.translation import install_language
from tests import factories
from tests.integration.conftest import PASSWORD, signed_in_profile

Served = tuple[str, Path, subprocess.Popen[str]]


def open_window(qtbot: QtBot, paths: DataPaths, store: RecordStore) -> MainWindow:
    install_language("en")
    window = MainWindow(store, paths, settings=QSettings(str(paths.settings_file), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.sync.start()
    if CredentialStore(paths.root, "default").load() is not None:
        qtbot.waitUntil(lambda: window.sync.signed_in, timeout=10_000)  # tokens are read off the GUI thread
    return window


def test_edits_sync_in_the_background_and_what_others_write_arrives(
        qtbot: QtBot, served: Served, tmp_path: Path, fast_schedule: None) -> None:
    url, _, _ = served
    paths, store = signed_in_profile(url, tmp_path / "laptop")
    window = open_window(qtbot, paths, store)
    sync = window.sync
    assert sync.signed_in and sync.server == url and window.services.owner_id == sync.user_id
    qtbot.waitUntil(lambda: sync.last_attempt is not None and not sync.running, timeout=20_000)
    assert sync.last_attempt is not None and sync.last_attempt.complete
    # Write a learning log in the window: it is sent a moment after it is saved, with progress shown.
    shown_while_syncing: list[str] = []
    sync.progressed.connect(lambda: shown_while_syncing.append(window.sync_state_text()))
    window.navigation.setCurrentRow(1)
    page = window.learning_log
    page.new_entry()
    qtbot.keyClicks(page.title_edit, "Written in the field")
    qtbot.keyClicks(page.learned_edit, "Sync takes it from here.")
    assert page.save()
    qtbot.waitUntil(lambda: store.outbox_summary().changes == 0 and not sync.running, timeout=20_000)
    qtbot.waitUntil(lambda: window.sync_status.text().startswith("Last synced"), timeout=5_000)
    assert "nothing waiting to sync" in window.sync_status.text()
    assert store.records(LearningLog)[0].sync_state == "synced"
    assert any(text.startswith("Syncing… 1 sent, 0 received (") and " up, " in text for text in shown_while_syncing)
    # A second laptop of the same person receives it, writes its own, and sends it.
    tablet_paths, tablet = signed_in_profile(url, tmp_path / "tablet")
    assert sync_profile(tablet, tablet_paths.root, "default").attempt.complete
    assert [log.title for log in tablet.records(LearningLog)] == ["Written in the field"]
    tablet.save(factories.learning_log(title="From the tablet", owner_id=""))
    assert sync_profile(tablet, tablet_paths.root, "default").attempt.complete
    tablet.close()
    # "Sync now" on the Sync page brings it to the laptop's list.
    window.navigation.setCurrentRow(SYNC_ROW)
    sync_page = window.sync_page
    qtbot.waitUntil(lambda: sync_page.overview is not None and sync_page.sync_button.isEnabled(), timeout=5_000)
    qtbot.mouseClick(sync_page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not sync.running and store.count(LearningLog) == 2, timeout=20_000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5_000)
    qtbot.waitUntil(lambda: sync_page.history_list.count() >= 3, timeout=5_000)
    assert "complete" in sync_page.history_list.item(0).text()
    assert "Signed in as <b>Thandi Mokoena</b>" in sync_page.status.text()
    window.close()


def test_a_server_that_is_gone_is_reported_and_sync_resumes_when_it_answers(
        qtbot: QtBot, served: Served, tmp_path: Path, fast_schedule: None) -> None:
    url, server_dir, server = served
    paths, store = signed_in_profile(url, tmp_path / "laptop")
    window = open_window(qtbot, paths, store)
    sync = window.sync
    qtbot.waitUntil(lambda: sync.last_attempt is not None and not sync.running, timeout=20_000)
    server.terminate()
    server.wait(timeout=30)
    store.save(factories.learning_log(owner_id=""))
    sync.sync_now()
    qtbot.waitUntil(lambda: not sync.running and bool(sync.last_attempt and sync.last_attempt.error),
                    timeout=120_000)
    assert sync.waiting_for_connection
    qtbot.waitUntil(lambda: "Sync failed at" in window.sync_status.text(), timeout=5_000)
    assert "Could not reach the server" in window.sync_status.text()
    assert "(last full sync " in window.sync_status.text()  # the first sync, before the server went
    assert "1 change waiting to sync" in window.sync_status.text()
    assert store.outbox_summary().changes == 1  # kept for the next attempt
    # The server comes back on the same address: the health probe notices and the change goes out.
    port = url.rsplit(":", 1)[1]
    restarted = subprocess.Popen([sys.executable, "-m", "saypro_server", "--data-dir", str(server_dir), "serve",
                                  "--port", port], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        qtbot.waitUntil(lambda: store.outbox_summary().changes == 0 and not sync.running, timeout=60_000)
        qtbot.waitUntil(lambda: window.sync_status.text().startswith("Last synced"), timeout=5_000)
        assert not sync.waiting_for_connection
    finally:
        window.close()
        restarted.terminate()
        restarted.wait(timeout=30)


def test_signing_in_from_the_sync_page_keeps_and_sends_what_was_written_offline(
        qtbot: QtBot, served: Served, tmp_path: Path, fast_schedule: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from saypro_desktop.storage.profile_lock import check_password
    from saypro_desktop.ui.sign_in_dialog import SignInDialog

    url = served[0]
    paths = DataPaths.resolve(tmp_path / "laptop")
    paths.ensure()
    store = RecordStore.open(paths.database())
    store.save(factories.learning_log(title="Written before any sign-in", owner_id=""))
    window = open_window(qtbot, paths, store)
    assert not window.sync.signed_in
    qtbot.waitUntil(lambda: window.sync_status.text().startswith("Working offline"))
    window.navigation.setCurrentRow(SYNC_ROW)
    page = window.sync_page
    qtbot.waitUntil(lambda: page.overview is not None)
    assert page.sign_in_button.isVisible() and not page.sync_button.isEnabled()

    def fill_in(dialog: SignInDialog) -> int:
        dialog.show()
        assert dialog.pages.currentIndex() == 1 and not dialog.offline_button.isVisible()
        qtbot.keyClicks(dialog.server_edit, url)
        qtbot.keyClicks(dialog.user_edit, "thandi")
        qtbot.keyClicks(dialog.new_password, "wrong")
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
        assert dialog.error.text() == "Wrong user name or password (or the account is disabled)."
        dialog.new_password.clear()
        qtbot.keyClicks(dialog.new_password, PASSWORD)
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        return int(SignInDialog.DialogCode.Accepted)

    monkeypatch.setattr(SignInDialog, "exec", fill_in)
    qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
    assert window.sync.signed_in and window.sync.user_name == "Thandi Mokoena"
    assert check_password(paths.profile_dir(), PASSWORD)  # the next start opens offline
    assert store.key is not None and window.services.blobs.cipher is not None  # locked with her password
    assert b"Written before any sign-in" not in paths.database().read_bytes()
    qtbot.waitUntil(lambda: store.outbox_summary().changes == 0 and not window.sync.running, timeout=20_000)
    [log] = store.records(LearningLog)
    assert log.title == "Written before any sign-in" and log.sync_state == "synced"
    window.close()


def test_signing_out_from_the_window_ends_the_sign_in_and_keeps_the_work(
        qtbot: QtBot, served: Served, tmp_path: Path, fast_schedule: None) -> None:
    from saypro_desktop.storage.profile_access import lock_after_sign_in
    from saypro_desktop.sync.account import sign_in_with_recovery
    from tests.gui.conftest import ScriptedDialogs

    url = served[0]
    paths = DataPaths.resolve(tmp_path / "laptop")
    paths.ensure()
    plain = RecordStore.open(paths.database())
    credentials, recovery = sign_in_with_recovery(url, "thandi", PASSWORD, plain.device_id)
    key = lock_after_sign_in(paths, "default", PASSWORD, user="thandi", display_name=credentials.display_name,
                             server=url, user_id=credentials.user_id, device_id=plain.device_id,
                             recovery_secret=recovery, store=plain)
    plain.close()
    CredentialStore(paths.root, "default").save(credentials)
    store = RecordStore.open(paths.database(), key)
    dialogs = ScriptedDialogs(confirm_answers=[True])
    install_language("en")
    window = MainWindow(store, paths, dialogs=dialogs,
                        settings=QSettings(str(paths.settings_file), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sync.signed_in, timeout=10_000)
    store.save(factories.learning_log(title="Written, not yet sent", owner_id=""))
    window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: window.sync.needs_sign_in, timeout=20_000)
    assert dialogs.errors == []  # the server was told
    assert "Signed out" in window.statusBar().currentMessage()
    assert CredentialStore(paths.root, "default").load() is None
    assert window.sync.needs_sign_in and not window.sync.can_sync
    old = requests.get(f"{url}/api/v1/auth/me", timeout=10,
                       headers={"Authorization": f"Bearer {credentials.access_token}"})
    assert old.status_code == 401  # the server ended the session
    assert [log.title for log in store.records(LearningLog)] == ["Written, not yet sent"]
    assert store.outbox_summary().changes == 1  # waits for the next sign-in
    window.close()


def test_a_conflict_is_shown_side_by_side_and_the_choice_reaches_every_device(
        qtbot: QtBot, served: Served, tmp_path: Path, fast_schedule: None) -> None:
    import dataclasses

    url = served[0]
    tablet_paths, tablet = signed_in_profile(url, tmp_path / "tablet")
    paths, store = signed_in_profile(url, tmp_path / "laptop")
    log = store.save(factories.learning_log(title="Shared start", owner_id=""))
    assert sync_profile(store, paths.root, "default").attempt.complete
    assert sync_profile(tablet, tablet_paths.root, "default").attempt.complete
    # Both change the same field offline; the tablet syncs first, the laptop's later stamp wins.
    tablet.save(dataclasses.replace(tablet.require(LearningLog, log.id), what_learned="Tablet's lesson"))
    assert sync_profile(tablet, tablet_paths.root, "default").attempt.complete
    store.save(dataclasses.replace(store.require(LearningLog, log.id), what_learned="Laptop's lesson"))
    window = open_window(qtbot, paths, store)
    sync = window.sync
    before = sync.last_attempt  # from the sync above
    qtbot.waitUntil(lambda: sync.last_attempt is not before and not sync.running, timeout=20_000)
    assert [c.field for c in store.conflicts()] == ["what_learned"]
    window.navigation.setCurrentRow(SYNC_ROW)
    page = window.sync_page
    qtbot.waitUntil(lambda: page.overview is not None and page.conflicts_list.count() == 1, timeout=5_000)
    view = page.conflict_view
    assert view.isVisible() and "What I learned" in view.title()
    assert {view.kept_text.toPlainText(), view.lost_text.toPlainText()} == {"Tablet's lesson", "Laptop's lesson"}
    assert "this laptop" in view.kept_caption.text() + view.lost_caption.text()
    assert view.combined.isVisible()
    view.combined.setPlainText("Both lessons: radio and WhatsApp")
    qtbot.mouseClick(view.save_combined, Qt.MouseButton.LeftButton)
    assert store.conflicts() == [] and store.resolutions_to_report() != []
    assert store.require(LearningLog, log.id).what_learned == "Both lessons: radio and WhatsApp"
    qtbot.waitUntil(lambda: store.outbox_summary().changes == 0 and not store.resolutions_to_report()
                    and not sync.running, timeout=20_000)
    qtbot.waitUntil(lambda: page.conflicts_list.count() == 0, timeout=5_000)
    window.close()
    assert sync_profile(tablet, tablet_paths.root, "default").attempt.complete
    assert tablet.require(LearningLog, log.id).what_learned == "Both lessons: radio and WhatsApp"
    assert tablet.conflicts() == []  # the tablet heard the conflict is settled


def test_a_record_the_server_refuses_shows_so_in_its_open_editor(
        qtbot: QtBot, served: Served, tmp_path: Path, fast_schedule: None) -> None:
    from sqlalchemy import update

    from saypro_desktop.storage.tables import outbox

    url, _, _ = served
    paths, store = signed_in_profile(url, tmp_path / "laptop")
    log = store.save(factories.learning_log(id=factories.new_id(), owner_id=""))
    (entry,) = store.pending_changes()
    with store.engine.begin() as connection:  # an older app version could have queued what the server refuses
        connection.execute(update(outbox).values(fields={**entry.fields, "title": "x" * 300}))
    window = open_window(qtbot, paths, store)
    window.navigation.setCurrentRow(1)
    page = window.learning_log
    assert page.open_record(log.id)
    qtbot.waitUntil(lambda: "The server said: title: Title is too long" in page.state_label.text(), timeout=20_000)
    assert page.state_label.text().startswith("Not accepted")
    assert "Correct it and save to send it again" in page.state_label.text()
    window.close()
