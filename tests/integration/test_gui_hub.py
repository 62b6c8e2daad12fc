"""The Knowledge Hub library in real windows against a real server on loopback: a supervisor
publishes a toolkit with a document; a field officer on a costly connection gets the entry with the
sync but the document only when she opens it; she shares a learning of her own, and her supervisor
features it for the newsletter, which she sees after her next sync."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from saypro_core.records import Attachment, HubEntry, HubKind
from saypro_desktop.ui.hub_dialogs import HubEntryDialog
from saypro_desktop.ui.knowledge_hub_page import KnowledgeHubPage
from saypro_desktop.ui.main_window import HUB_ROW, MainWindow
from tests.integration.conftest import PASSWORD, admin
from tests.integration.test_gui_feedback import _profile, _synced
from tests.integration.test_gui_sync import Served, open_window


def _hub(qtbot: QtBot, window: MainWindow) -> KnowledgeHubPage:
    window.navigation.setCurrentRow(HUB_ROW)
    page = window.knowledge_hub
    page.content = None  # wait for this load, not one from before the sync
    page.refresh()
    qtbot.waitUntil(lambda: page.content is not None and page.content.query == page.query, timeout=5_000)
    return page


def _write_entry(qtbot: QtBot, page: KnowledgeHubPage, title: str, kind: HubKind, summary: str) -> HubEntry:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, HubEntryDialog)
    dialog.title_edit.setText(title)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind.value))
    dialog.summary_edit.setPlainText(summary)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.problems.text()
    assert dialog.entry is not None
    return dialog.entry


def _select(qtbot: QtBot, page: KnowledgeHubPage, title: str) -> None:
    def find() -> bool:
        tree = page.tree
        for g in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(g)
            for c in range(group.childCount()):
                if title in group.child(c).text(0):
                    tree.setCurrentItem(group.child(c))
                    return True
        return False

    qtbot.waitUntil(find, timeout=5_000)


def test_a_toolkits_document_comes_when_opened_and_a_learning_is_featured(
        qtbot: QtBot, served: Served, tmp_path: Path, fast_schedule: None, monkeypatch: pytest.MonkeyPatch) -> None:
    url, data_dir, _ = served
    for name, display, role in (("sam", "Sam Dlamini", "supervisor"), ("sipho", "Sipho Nkosi", "staff")):
        created = admin(data_dir, "users", "create", name, "--display-name", display, "--role", role,
                        *(("--team", "Limpopo") if role == "staff" else ()), "--password-stdin",
                        stdin=f"{PASSWORD}\n")
        assert created.returncode == 0, created.stderr
    assert admin(data_dir, "teams", "set-supervisor", "Limpopo", "sam").returncode == 0
    opened: list[Path] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True)

    # Sam publishes a toolkit with a document of 1.5 MB and syncs it, file and all.
    sam = open_window(qtbot, *_profile(url, tmp_path / "sam", "sam"))
    _synced(qtbot, sam)
    sams_hub = _hub(qtbot, sam)
    toolkit = _write_entry(qtbot, sams_hub, "Facilitation toolkit", HubKind.TOOLKIT,
                           "Everything for running a knowledge cafe.")
    document = tmp_path / "toolkit.pdf"
    document.write_bytes(b"%PDF-1.4\n" + os.urandom(1_500_000))
    assert len(sams_hub.attachments.add_files([document])) == 1
    _synced(qtbot, sam)
    assert sam.sync.last_attempt is not None and sam.sync.last_attempt.files_up == 1

    # Sipho is on a costly connection: the entry comes with the sync, the document waits.
    sipho = open_window(qtbot, *_profile(url, tmp_path / "sipho", "sipho"))
    sipho.sync.hold_files = True
    _synced(qtbot, sipho)
    [attachment] = sipho.services.store.records(Attachment)
    assert not sipho.services.blobs.has(attachment.sha256)
    hub = _hub(qtbot, sipho)
    _select(qtbot, hub, "Facilitation toolkit")
    assert "Everything for running a knowledge cafe." in hub.reader.toPlainText()
    files = hub.attachments
    assert files.isVisible() and not files.add_button.isVisible()  # Sam's entry: opened, not changed
    assert files.files.item(0).text().endswith("fetched when you open it")
    files.files.setCurrentRow(0)
    qtbot.mouseClick(files.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert opened[0].name == "toolkit.pdf" and opened[0].read_bytes() == document.read_bytes()
    assert sipho.services.blobs.has(attachment.sha256)

    # Sipho shares a learning; Sam, his supervisor, features it; Sipho sees it after his sync.
    learning = _write_entry(qtbot, hub, "Ask the borehole committee first", HubKind.SHARED_LEARNING,
                            "The committee knew where the pipes ran.")
    assert hub.propose_button.isVisible() and not hub.feature_button.isVisible()
    _synced(qtbot, sipho)
    _synced(qtbot, sam)
    sams_hub = _hub(qtbot, sam)
    _select(qtbot, sams_hub, "Ask the borehole committee first")
    assert sams_hub.feature_button.isVisible()
    qtbot.mouseClick(sams_hub.feature_button, Qt.MouseButton.LeftButton)
    _synced(qtbot, sam)
    assert sam.sync.last_attempt is not None and sam.sync.last_attempt.refused == 0
    _synced(qtbot, sipho)
    hub = _hub(qtbot, sipho)
    _select(qtbot, hub, "Ask the borehole committee first")
    assert hub.newsletter_label.text() == "★ Featured in the newsletter"
    assert "Sam Dlamini" in hub.feedback_thread.entries.text()
    assert toolkit.id != learning.id
