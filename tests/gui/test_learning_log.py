"""Writing learning logs as a field officer does: type, pick a template, save, fix, filter, delete, undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from saypro_core.records import LearningLog, Visibility
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui import record_page
from saypro_desktop.ui.learning_log_page import LearningLogPage
from tests import factories
from tests.gui.conftest import ScriptedDialogs, go_to, wait_for_list

CTRL = Qt.KeyboardModifier.ControlModifier


def open_log_page(qtbot: QtBot, open_window) -> LearningLogPage:  # type: ignore[no-untyped-def]
    window = open_window()
    go_to(qtbot, window, 2)
    page = window.learning_log
    assert isinstance(page, LearningLogPage)
    return page


def test_new_log_typed_and_saved_with_the_keyboard(qtbot: QtBot, store: RecordStore,
                                                   open_window) -> None:  # type: ignore[no-untyped-def]
    page = open_log_page(qtbot, open_window)
    assert "No learning logs yet" in page.list_empty.text()
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    assert page.title_edit.hasFocus()
    qtbot.keyClicks(page.title_edit, "Borehole committee meeting")
    qtbot.keyClicks(page.tags_edit, "water, community")
    qtbot.keyClicks(page.learned_edit, "Women on the committee changed the meeting time so more could come.")
    page.visibility_combo.setCurrentIndex(page.visibility_combo.findData(Visibility.TEAM))
    qtbot.keyClick(page, Qt.Key.Key_S, CTRL)
    [saved] = store.records(LearningLog)
    assert saved.title == "Borehole committee meeting"
    assert saved.tags == ["water", "community"]
    assert saved.what_learned.startswith("Women on the committee")
    assert saved.visibility == Visibility.TEAM and saved.log_date == date.today()
    assert page.model.rowCount() == 1
    assert page.list_view.currentIndex().row() == 0
    assert page.state_label.text().startswith("Waiting to sync")
    assert store.drafts() == []


def test_problems_shown_next_to_their_field_and_nothing_stored(qtbot: QtBot, store: RecordStore,
                                                               open_window) -> None:  # type: ignore[no-untyped-def]
    page = open_log_page(qtbot, open_window)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.tags_edit, "a;b")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    title_error = page.sections[0].errors["title"]
    assert title_error.isVisible() and title_error.text() == "Title is required."
    learned_error = page.sections[2].errors["what_learned"]
    assert learned_error.text() == "Write at least what happened or what you learned."
    assert page.error_summary.isVisible() and page.error_summary.text().startswith("2 problems to fix")
    assert store.count(LearningLog) == 0
    qtbot.keyClicks(page.title_edit, "Fixed")
    qtbot.keyClicks(page.happened_edit, "We met.")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not title_error.isVisible() and not page.error_summary.isVisible()
    assert store.count(LearningLog) == 1


def test_a_template_turns_its_guided_questions_into_the_form(qtbot: QtBot, store: RecordStore,
                                                             open_window) -> None:  # type: ignore[no-untyped-def]
    page = open_log_page(qtbot, open_window)
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(page.title_edit, "Jobs fair debrief")
    page.template_combo.setCurrentIndex(page.template_combo.findData("after_action_review"))
    questions = [text for _, text, _ in page.answer_edits]
    assert questions[0] == "What was supposed to happen?" and len(questions) == 5
    qtbot.keyClicks(page.answer_edits[1][2], "Two hundred young people came.")
    qtbot.keyClick(page, Qt.Key.Key_S, CTRL)
    [saved] = store.records(LearningLog)
    assert saved.template_id == "after_action_review"
    answers = {a.question_id: a.answer for a in saved.template_answers}
    assert answers["aar_actual"] == "Two hundred young people came."


def test_editing_an_existing_log(qtbot: QtBot, store: RecordStore, open_window) -> None:  # type: ignore[no-untyped-def]
    original = store.save(factories.learning_log(title="Old title"))
    page = open_log_page(qtbot, open_window)
    page.list_view.setCurrentIndex(page.model.index(0))
    assert page.title_edit.text() == "Old title"
    page.title_edit.selectAll()
    qtbot.keyClicks(page.title_edit, "New title")
    assert "Unsaved" not in page.model.index(0).data(page.model.SubtitleRole)
    qtbot.keyClick(page, Qt.Key.Key_S, CTRL)
    stored = store.require(LearningLog, original.id)
    assert stored.title == "New title" and stored.revision == original.revision + 1
    assert page.model.index(0).data() == "New title"


def test_delete_asks_and_can_be_undone(qtbot: QtBot, store: RecordStore, dialogs: ScriptedDialogs,
                                       open_window) -> None:  # type: ignore[no-untyped-def]
    log = store.save(factories.learning_log(title="Keep me"))
    page = open_log_page(qtbot, open_window)
    page.list_view.setCurrentIndex(page.model.index(0))
    page.list_view.setFocus()
    dialogs.confirm_answers = [False]
    qtbot.keyClick(page.list_view, Qt.Key.Key_Delete)
    assert dialogs.asked == ["Delete this entry?"] and store.count(LearningLog) == 1
    dialogs.confirm_answers = [True]
    qtbot.keyClick(page.list_view, Qt.Key.Key_Delete)
    assert store.count(LearningLog) == 0 and page.model.rowCount() == 0
    assert page.banner.isVisible() and page.banner.text.text() == "Deleted “Keep me”."
    qtbot.keyClick(page, Qt.Key.Key_Z, CTRL)
    assert store.count(LearningLog) == 1 and not page.banner.isVisible()
    assert page.model.rowCount() == 1 and page.title_edit.text() == "Keep me"
    assert store.require(LearningLog, log.id).deleted is False


def test_filters_by_tag_project_and_date(qtbot: QtBot, store: RecordStore,
                                         open_window) -> None:  # type: ignore[no-untyped-def]
    store.save_many([
        factories.learning_log(id=factories.new_id(), title="Water", tags=["water"], project="WASH",
                               log_date=date(2026, 1, 10)),
        factories.learning_log(id=factories.new_id(), title="Jobs", tags=["jobs"], project="Youth Employment",
                               log_date=date(2026, 2, 10)),
        factories.learning_log(id=factories.new_id(), title="Jobs again", tags=["jobs", "cv"],
                               project="Youth Employment", log_date=date(2026, 3, 10)),
    ])
    page = open_log_page(qtbot, open_window)
    assert page.model.rowCount() == 3

    def titles() -> list[str]:
        wait_for_list(qtbot, page)
        return [page.model.index(r).data() for r in range(page.model.rowCount())]

    assert titles() == ["Jobs again", "Jobs", "Water"]  # newest date first
    page.filter_tag.setCurrentIndex(page.filter_tag.findData("jobs"))
    assert titles() == ["Jobs again", "Jobs"]
    page.filter_tag.setCurrentIndex(0)
    page.filter_project.setCurrentIndex(page.filter_project.findData("WASH"))
    assert titles() == ["Water"]
    page.filter_project.setCurrentIndex(0)
    page.filter_from.set_value(date(2026, 2, 1))
    assert titles() == ["Jobs again", "Jobs"]
    page.filter_to.set_value(date(2026, 2, 28))
    assert titles() == ["Jobs"]
    page.filter_to.set_value(date(2025, 1, 1))
    assert titles() == [] and page.list_empty.text() == "Nothing matches these filters."
    page.filter_from.set_value(None)
    page.filter_to.set_value(None)
    page.sort_combo.setCurrentIndex(2)
    assert titles() == ["Jobs", "Jobs again", "Water"]


def test_draft_autosaves_after_typing_pauses_and_is_offered_again(qtbot: QtBot, store: RecordStore, monkeypatch,
                                                                  open_window) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(record_page, "DRAFT_DELAY_MS", 100)
    page = open_log_page(qtbot, open_window)
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(page.title_edit, "Half-written")
    qtbot.waitUntil(lambda: len(store.drafts()) == 1, timeout=3000)
    assert store.drafts()[0].title == "Half-written"
    assert store.count(LearningLog) == 0
    assert page.model.index(0).data() == "Half-written"
    assert "Draft, not saved yet" in page.model.index(0).data(page.model.SubtitleRole)
    # Switch away and back: the draft is still there and reopens with its banner.
    go_to(qtbot, page.window(), 1)  # type: ignore[arg-type]
    go_to(qtbot, page.window(), 2)  # type: ignore[arg-type]
    page.new_entry()
    page.list_view.setCurrentIndex(page.model.index(0))
    assert page.title_edit.text() == "Half-written"
    assert page.banner.isVisible() and "unsaved changes" in page.banner.text.text()
    qtbot.keyClicks(page.learned_edit, "Finished it.")
    qtbot.keyClick(page, Qt.Key.Key_S, CTRL)
    assert store.count(LearningLog) == 1 and store.drafts() == []


def test_discarding_a_draft_goes_back_to_the_saved_version(qtbot: QtBot, store: RecordStore,
                                                           open_window) -> None:  # type: ignore[no-untyped-def]
    store.save(factories.learning_log(title="Saved title"))
    page = open_log_page(qtbot, open_window)
    page.list_view.setCurrentIndex(page.model.index(0))
    page.title_edit.selectAll()
    qtbot.keyClicks(page.title_edit, "Typo")
    page.flush_draft()
    assert "Unsaved changes" in page.model.index(0).data(page.model.SubtitleRole)
    qtbot.mouseClick(page.discard_button, Qt.MouseButton.LeftButton)
    assert page.title_edit.text() == "Saved title" and store.drafts() == []
    QApplication.processEvents()
    assert "Unsaved" not in page.model.index(0).data(page.model.SubtitleRole)


def test_closing_the_window_keeps_typing_as_a_draft(qtbot: QtBot, store: RecordStore,
                                                    open_window) -> None:  # type: ignore[no-untyped-def]
    page = open_log_page(qtbot, open_window)
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(page.title_edit, "Typed just before closing")
    page.window().close()
    assert [d.title for d in store.drafts()] == ["Typed just before closing"]
    window = open_window()
    assert window.pages.currentWidget() is window.learning_log
    assert window.learning_log.title_edit.text() == "Typed just before closing"


def test_a_new_project_and_tag_become_filter_choices_once_saved(qtbot: QtBot, store: RecordStore,
                                                               open_window) -> None:  # type: ignore[no-untyped-def]
    page = open_log_page(qtbot, open_window)
    assert page.filter_project.findData("Borehole repairs") < 0
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(page.title_edit, "Pump handle")
    page.project_edit.setCurrentText("Borehole repairs")
    qtbot.keyClicks(page.tags_edit, "water")
    qtbot.keyClicks(page.learned_edit, "Carry spare washers.")
    qtbot.keyClick(page, Qt.Key.Key_S, CTRL)
    assert page.filter_project.findData("Borehole repairs") >= 0 and page.filter_tag.findData("water") >= 0
    page.new_entry()
    assert page.project_edit.findText("Borehole repairs") >= 0  # offered when typing the next log
