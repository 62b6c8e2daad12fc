"""The mentor's loop in two real windows against a real server on loopback, driven as the people
would: the supervisor opens My team, opens a team member's shared log, asks for more and syncs; the
author's laptop syncs: a notification, one unread in the Home inbox with the log's title, the
comment at the top of the log, a to-do that stays until the author replies; the reply reaches the
supervisor. Nothing of the author's can be edited in the supervisor's window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from saypro_core.records import LearningLog, ReviewState, Visibility
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage import feedback
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.account import sign_in
from saypro_desktop.sync.credentials import CredentialStore
from saypro_desktop.ui.main_window import HUB_ROW, TEAM_ROW, MainWindow
from tests import factories
from tests.integration.conftest import PASSWORD, admin, signed_in_profile
from tests.integration.test_gui_sync import Served, open_window


def _profile(url: str, root: Path, username: str) -> tuple[DataPaths, RecordStore]:
    paths = DataPaths.resolve(root)
    paths.ensure()
    store = RecordStore.open(paths.database())
    CredentialStore(paths.root, "default").save(sign_in(url, username, PASSWORD, store.device_id))
    return paths, store


def _synced(qtbot: QtBot, window: MainWindow) -> None:
    """Sync now and wait until it is done (and whatever it brought is shown)."""
    sync = window.sync
    qtbot.waitUntil(lambda: not sync.running, timeout=20_000)
    before = sync.last_attempt
    sync.sync_now()
    qtbot.waitUntil(lambda: sync.last_attempt is not before and not sync.running, timeout=30_000)
    assert sync.last_attempt is not None and sync.last_attempt.complete, sync.last_attempt


def test_a_supervisor_asks_for_more_and_the_author_replies(
        qtbot: QtBot, served: Served, tmp_path: Path, fast_schedule: None) -> None:
    url, data_dir, _ = served
    created = admin(data_dir, "users", "create", "sam", "--display-name", "Sam Dlamini", "--role", "supervisor",
                    "--password-stdin", stdin=f"{PASSWORD}\n")
    assert created.returncode == 0, created.stderr
    assert admin(data_dir, "teams", "set-supervisor", "Limpopo", "sam").returncode == 0
    thandi_paths, thandi_store = signed_in_profile(url, tmp_path / "thandi")
    sam_paths, sam_store = _profile(url, tmp_path / "sam", "sam")

    author = open_window(qtbot, thandi_paths, thandi_store)
    qtbot.waitUntil(lambda: author.sync.last_attempt is not None and not author.sync.running, timeout=20_000)
    log = thandi_store.save(factories.learning_log(id=factories.new_id(), owner_id=author.services.owner_id,
                                                   title="Savings group visit", visibility=Visibility.SUPERVISOR,
                                                   log_date=date.today()))
    _synced(qtbot, author)

    supervisor = open_window(qtbot, sam_paths, sam_store)
    _synced(qtbot, supervisor)
    assert not supervisor.navigation.item(TEAM_ROW).isHidden()
    supervisor.navigation.setCurrentRow(TEAM_ROW)
    team = supervisor.team
    qtbot.waitUntil(lambda: team.view is not None and team.table.rowCount() == 1, timeout=5_000)
    assert team.table.item(0, 0).text() == "Thandi Mokoena" and team.table.item(0, 1).text() == "1"
    team.table.setCurrentCell(0, 0)
    qtbot.waitUntil(lambda: team.shared_list.count() == 1, timeout=5_000)
    team.shared_list.itemActivated.emit(team.shared_list.item(0))
    hub = supervisor.knowledge_hub
    assert supervisor.navigation.currentRow() == HUB_ROW and "By Thandi Mokoena" in hub.reader.toPlainText()
    assert not supervisor.learning_log.open_record(log.id)  # not in his pages, not editable
    thread = hub.feedback_thread
    thread.review.setCurrentIndex(thread.review.findData(ReviewState.NEEDS_MORE.value))
    qtbot.keyClicks(thread.compose, "Which savings rules did the group agree? Add them.")
    qtbot.mouseClick(thread.send_button, Qt.MouseButton.LeftButton)
    _synced(qtbot, supervisor)

    _synced(qtbot, author)
    assert "New feedback: 1 comment from Sam Dlamini" in author.statusBar().currentMessage()
    author.navigation.setCurrentRow(0)
    home = author.home
    home.refresh()
    qtbot.waitUntil(lambda: home.feedback_list.count() == 1, timeout=5_000)
    assert home.feedback_heading.text() == "Feedback for me (1 unread)"
    entry = home.feedback_list.item(0).text()
    assert entry.startswith("⚑ To do") and "Savings group visit" in entry and "Sam Dlamini" in entry
    home.feedback_list.itemActivated.emit(home.feedback_list.item(0))
    page = author.learning_log
    assert author.pages.currentWidget() is page and page.title_edit.text() == "Savings group visit"
    assert "Which savings rules" in page.feedback_thread.entries.text()
    assert page.feedback_thread.y() < page.sections[0].y()  # at the top of the record
    author.navigation.setCurrentRow(0)
    home.refresh()
    qtbot.waitUntil(lambda: home.feedback_heading.text() == "Feedback for me", timeout=5_000)  # read now
    assert home.feedback_list.item(0).text().startswith("⚑ To do")  # still to do: no reply yet
    author.navigation.setCurrentRow(1)
    assert page.open_record(log.id)
    qtbot.keyClicks(page.feedback_thread.compose, "Added: weekly meetings and a fine for lateness.")
    qtbot.mouseClick(page.feedback_thread.send_button, Qt.MouseButton.LeftButton)
    assert feedback.inbox(thandi_store, author.services.owner_id, author.services.directory).to_do == []
    _synced(qtbot, author)

    _synced(qtbot, supervisor)
    comments = [item.comment for item in feedback.thread(sam_store, log.id)]
    assert comments[-1] == "Added: weekly meetings and a fine for lateness."
    assert sam_store.get(LearningLog, log.id) is not None
    author.close()
    supervisor.close()
