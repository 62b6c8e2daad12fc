"""Session notes: the Session Summary Report Form, its action items, attachments, PDF and printing."""

from __future__ import annotations

import stat
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDateEdit
from pytestqt.qtbot import QtBot

from saypro_core.records import Attachment, LocationKind, SessionNote, SessionType
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.session_notes_page import SessionNotesPage
from tests import factories
from tests.gui.conftest import ScriptedDialogs, go_to

CTRL = Qt.KeyboardModifier.ControlModifier


def open_notes(qtbot: QtBot, open_window) -> SessionNotesPage:  # type: ignore[no-untyped-def]
    window = open_window()
    go_to(qtbot, window, 4)
    page = window.session_notes
    assert isinstance(page, SessionNotesPage)
    return page


def test_a_session_report_typed_with_action_items(qtbot: QtBot, store: RecordStore,
                                                  open_window) -> None:  # type: ignore[no-untyped-def]
    page = open_notes(qtbot, open_window)
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    page.type_combo.setCurrentIndex(page.type_combo.findData(SessionType.KNOWLEDGE_CAFE))
    qtbot.keyClicks(page.title_edit, "Knowledge cafe: using WhatsApp groups with parents")  # QTest types ASCII only
    page.location_kind.setCurrentIndex(page.location_kind.findData(LocationKind.ONLINE))
    qtbot.keyClicks(page.facilitators_edit, "Thandi Mokoena")
    for number, name in enumerate(("Sipho Dlamini", "Lerato Nkosi", "Pieter van Wyk")):
        if number:
            qtbot.keyClick(page.attendees_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(page.attendees_edit, name)
    qtbot.keyClicks(page.insights_edit, "Voice notes work better than long texts.")
    qtbot.mouseClick(page.add_action_button, Qt.MouseButton.LeftButton)
    table = page.actions_table
    table.item(0, 0).setText("Share the group rules template")
    table.item(0, 1).setText("Lerato")
    due = table.cellWidget(0, 2)
    assert isinstance(due, QDateEdit)
    due.setDate(due.date().addDays(7))
    qtbot.mouseClick(page.add_action_button, Qt.MouseButton.LeftButton)
    table.item(1, 0).setText("Ask the principal for a slot")
    table.item(1, 3).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(page.add_action_button, Qt.MouseButton.LeftButton)  # left empty: ignored
    qtbot.keyClick(page, Qt.Key.Key_S, CTRL)
    [note] = store.records(SessionNote)
    assert note.session_type == SessionType.KNOWLEDGE_CAFE and note.location_kind == LocationKind.ONLINE
    assert note.attendees == ["Sipho Dlamini", "Lerato Nkosi", "Pieter van Wyk"]
    assert [(i.text, i.owner, i.done) for i in note.action_items] == [
        ("Share the group rules template", "Lerato", False), ("Ask the principal for a slot", "", True)]
    assert note.action_items[0].due_date is not None and note.action_items[1].due_date is None
    assert note.ends_at is not None and note.ends_at > note.starts_at
    subtitle = page.model.index(0).data(page.model.SubtitleRole)
    assert "Knowledge café" in subtitle and "3 attendees" in subtitle and "1 open action" in subtitle
    # Removing an action item and saving again keeps the other one with its id.
    table.selectRow(1)
    qtbot.mouseClick(page.remove_action_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page, Qt.Key.Key_S, CTRL)
    [again] = store.records(SessionNote)
    assert [i.id for i in again.action_items] == [note.action_items[0].id]


def test_an_end_before_the_start_is_explained(qtbot: QtBot, store: RecordStore,
                                              open_window) -> None:  # type: ignore[no-untyped-def]
    page = open_notes(qtbot, open_window)
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(page.title_edit, "Backwards")
    page.end_edit.setDateTime(page.start_edit.dateTime().addSecs(-3600))
    qtbot.keyClick(page, Qt.Key.Key_S, CTRL)
    assert page.sections[0].errors["ends_at"].text() == "End must be after the start."
    assert store.count(SessionNote) == 0


def test_export_as_pdf_writes_a_report_with_what_was_typed(qtbot: QtBot, store: RecordStore, tmp_path: Path,
                                                           dialogs: ScriptedDialogs,
                                                           open_window) -> None:  # type: ignore[no-untyped-def]
    store.save(factories.session_note(title="Sharing circle: community radio outreach"))
    page = open_notes(qtbot, open_window)
    page.list_view.setCurrentIndex(page.model.index(0))
    target = tmp_path / "report"  # the app adds .pdf
    dialogs.save_paths = [target]
    qtbot.keyClick(page, Qt.Key.Key_E, CTRL)
    assert dialogs.asked == ["Export the session report"], page.error_summary.text()
    pdf = tmp_path / "report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    reader = pypdf.PdfReader(pdf)
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for expected in ("SayPro", "Session Summary Report", "community radio outreach", "Sharing circle",
                     "Sipho Dlamini", "Radio slots on Saturday mornings reach parents", "Action items"):
        assert expected in text, expected
    assert not list(tmp_path.glob("*.partial"))
    assert dialogs.printed == []
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert "community radio outreach" in dialogs.printed[0]


def test_photos_are_attached_stored_by_content_and_removable(qtbot: QtBot, store: RecordStore, tmp_path: Path,
                                                             dialogs: ScriptedDialogs,
                                                             open_window) -> None:  # type: ignore[no-untyped-def]
    note = store.save(factories.session_note())
    photo = tmp_path / "flipchart.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"pixels" * 1000)
    page = open_notes(qtbot, open_window)
    page.list_view.setCurrentIndex(page.model.index(0))
    dialogs.open_paths = [[photo]]
    qtbot.mouseClick(page.attachments.add_button, Qt.MouseButton.LeftButton)
    [attachment] = store.records(Attachment)
    assert attachment.target_id == note.id and attachment.filename == "flipchart.jpg"
    assert attachment.media_type == "image/jpeg" and attachment.size == photo.stat().st_size
    assert page.services.blobs.path_for(attachment.sha256).read_bytes() == photo.read_bytes()
    assert page.attachments.files.count() == 1 and "flipchart.jpg" in page.attachments.files.item(0).text()
    page.attachments.files.setCurrentRow(0)
    qtbot.mouseClick(page.attachments.remove_button, Qt.MouseButton.LeftButton)
    assert store.count(Attachment) == 0 and page.attachments.files.count() == 0


def test_a_file_over_the_limit_is_refused_with_a_reason(qtbot: QtBot, store: RecordStore, tmp_path: Path,
                                                        dialogs: ScriptedDialogs,
                                                        open_window) -> None:  # type: ignore[no-untyped-def]
    store.save(factories.session_note())
    big = tmp_path / "video.mp4"
    with big.open("wb") as f:
        f.truncate(26 * 1024 * 1024)
    page = open_notes(qtbot, open_window)
    page.list_view.setCurrentIndex(page.model.index(0))
    dialogs.open_paths = [[big]]
    qtbot.mouseClick(page.attachments.add_button, Qt.MouseButton.LeftButton)
    assert store.count(Attachment) == 0
    assert dialogs.errors and "at most 25 MB" in dialogs.errors[0]


def test_only_pictures_and_documents_are_opened_the_rest_is_saved(
        qtbot: QtBot, store: RecordStore, tmp_path: Path, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch,
        open_window) -> None:  # type: ignore[no-untyped-def]
    """A colleague's ``notes.hta`` (or .lnk, .desktop, .js) is never handed to the system to open: it
    could run as a program. It can be saved; a photo opens from a private copy deleted at close."""
    opened: list[Path] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True)
    store.save(factories.session_note())
    files = {name: tmp_path / name for name in ("flipchart.jpg", "notes.hta")}
    for path in files.values():
        path.write_bytes(b"content of " + path.name.encode())
    windows = []

    def opener() -> object:
        windows.append(open_window())
        return windows[-1]

    page = open_notes(qtbot, opener)
    window = windows[0]
    page.list_view.setCurrentIndex(page.model.index(0))
    dialogs.open_paths = [list(files.values())]
    qtbot.mouseClick(page.attachments.add_button, Qt.MouseButton.LeftButton)
    assert store.count(Attachment) == 2

    page.attachments.files.setCurrentRow(1)  # notes.hta
    dialogs.save_paths = [tmp_path / "saved.hta"]
    qtbot.mouseClick(page.attachments.open_button, Qt.MouseButton.LeftButton)
    assert opened == [] and "could run as a program" in dialogs.errors[-1]
    assert (tmp_path / "saved.hta").read_bytes() == b"content of notes.hta"

    page.attachments.files.setCurrentRow(0)  # flipchart.jpg
    qtbot.mouseClick(page.attachments.open_button, Qt.MouseButton.LeftButton)
    [copy] = opened
    assert copy.name == "flipchart.jpg" and copy.read_bytes() == b"content of flipchart.jpg"
    assert copy.is_relative_to(window.services.opened.root) and stat.S_IMODE(copy.stat().st_mode) == 0o600
    window.close()
    assert not copy.exists()
