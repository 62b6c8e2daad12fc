"""Search everything (Ctrl+F) and the Knowledge Hub; lists that load lazily."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from saypro_core.records import Feedback, LearningLog, ReviewState, Visibility
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.search_dialog import SearchDialog
from tests import factories
from tests.gui.conftest import go_to, wait_for_list


def test_ctrl_f_finds_records_grouped_by_type_and_opens_the_chosen_one(qtbot: QtBot, store: RecordStore,
                                                                       open_window) -> None:  # type: ignore[no-untyped-def]
    store.save(factories.learning_log(title="Radio slots for parents", what_learned="Saturday radio works."))
    note = store.save(factories.session_note(title="Community radio outreach"))
    store.save(factories.development_goal(title="Unrelated goal"))
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SearchDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.query_edit, "radio")
    qtbot.waitUntil(lambda: dialog.latest is not None and dialog.latest.query == "radio")
    groups = [dialog.results.topLevelItem(i).text(0) for i in range(dialog.results.topLevelItemCount())]
    assert groups == ["Learning logs (1)", "Session notes (1)"]
    assert dialog.summary.text().startswith("2 results.")
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Down)
    assert dialog.results.currentItem().text(0) == "Community radio outreach"
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.pages.currentWidget() is window.session_notes
    assert window.session_notes.title_edit.text() == "Community radio outreach"
    assert window.session_notes.current_record_id() == note.id


def test_search_says_when_nothing_matches(qtbot: QtBot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.show_search()
    dialog = window.findChild(SearchDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.query_edit, "zebra")
    qtbot.waitUntil(lambda: dialog.latest is not None)
    assert dialog.summary.text() == "Nothing found for “zebra”."


def test_knowledge_hub_shows_what_others_shared_and_searches_it(qtbot: QtBot, store: RecordStore,
                                                                open_window) -> None:  # type: ignore[no-untyped-def]
    store.save_many([
        factories.session_note(id=factories.new_id(), owner_id="colleague", visibility=Visibility.ORGANISATION,
                               title="Knowledge cafe on savings groups"),
        factories.learning_log(id=factories.new_id(), owner_id="colleague", visibility=Visibility.TEAM,
                               title="Village savings lesson"),
        factories.learning_log(id=factories.new_id(), owner_id="colleague", visibility=Visibility.PRIVATE,
                               title="Private savings diary"),
        factories.learning_log(id=factories.new_id(), owner_id="me", visibility=Visibility.TEAM,
                               title="My own savings log"),
    ])
    window = open_window(owner_id="me")
    go_to(qtbot, window, 7)
    hub = window.knowledge_hub
    qtbot.waitUntil(lambda: hub.content is not None)
    titles = [hub.tree.topLevelItem(g).child(c).text(0) for g in range(hub.tree.topLevelItemCount())
              for c in range(hub.tree.topLevelItem(g).childCount())]
    assert titles == ["Knowledge cafe on savings groups · A colleague", "Village savings lesson · A colleague"]
    hub.tree.setCurrentItem(hub.tree.topLevelItem(0).child(0))
    assert "Knowledge cafe on savings groups" in hub.reader.toPlainText()
    assert "By A colleague" in hub.reader.toPlainText()
    # A peer comments on what was shared with them: no review, only a comment.
    thread = hub.feedback_thread
    assert thread.isVisible() and thread.send_button.text() == "Send feedback" and not thread.review.isVisible()
    qtbot.keyClicks(thread.compose, "We tried this in Polokwane too.")
    qtbot.mouseClick(thread.send_button, Qt.MouseButton.LeftButton)
    assert thread.problem.isHidden(), thread.problem.text()
    (comment,) = store.records(Feedback)
    assert (comment.owner_id, comment.review_state, comment.visibility) == (
        "me", ReviewState.COMMENT, Visibility.ORGANISATION)
    assert "We tried this in Polokwane too." in thread.entries.text() and "You" in thread.entries.text()
    qtbot.keyClicks(hub.search_edit, "village")
    qtbot.waitUntil(lambda: hub.content is not None and hub.content.query.text == "village")
    assert hub.tree.topLevelItemCount() == 1
    assert hub.tree.topLevelItem(0).child(0).text(0) == "Village savings lesson · A colleague"
    hub.search_edit.clear()
    qtbot.keyClicks(hub.search_edit, "diary")
    qtbot.waitUntil(lambda: hub.content is not None and hub.content.query.text == "diary")
    assert hub.stack.currentWidget() is hub.empty and "Nothing in the library matches" in hub.empty.text()


def test_a_colleagues_record_is_never_in_my_pages_nor_editable(qtbot: QtBot, store: RecordStore,
                                                              open_window) -> None:  # type: ignore[no-untyped-def]
    theirs = store.save(factories.learning_log(id=factories.new_id(), owner_id="colleague",
                                               visibility=Visibility.SUPERVISOR, title="Sipho's field visit"))
    mine = store.save(factories.learning_log(id=factories.new_id(), owner_id="me", title="My field visit"))
    window = open_window(owner_id="me")
    page = window.learning_log
    go_to(qtbot, window, 2)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.record_at(0).id == mine.id
    assert not page.open_record(theirs.id)  # the editor refuses it
    assert window.open_record("learning_log", theirs.id)  # search and Home open it read-only in the Hub
    assert window.pages.currentWidget() is window.knowledge_hub
    assert "Sipho's field visit" in window.knowledge_hub.reader.toPlainText()


def test_an_empty_hub_says_why(qtbot: QtBot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    go_to(qtbot, window, 7)
    hub = window.knowledge_hub
    qtbot.waitUntil(lambda: hub.content is not None)
    assert hub.empty.isVisible() and "Nothing is here yet" in hub.empty.text()


def test_the_log_list_loads_a_page_at_a_time_as_the_user_scrolls(qtbot: QtBot, store: RecordStore,
                                                                 open_window) -> None:  # type: ignore[no-untyped-def]
    start = date(2025, 1, 1)
    store.save_many([factories.learning_log(id=factories.new_id(), title=f"Log {n:04d}",
                                            log_date=start + timedelta(days=n)) for n in range(450)])
    window = open_window()
    go_to(qtbot, window, 2)
    page = window.learning_log
    model = page.model
    assert model.rowCount() == model.page_size == 100
    assert model.index(0).data() == "Log 0449"
    view = page.list_view
    for _ in range(10):
        view.scrollToBottom()
        QApplication.processEvents()
        wait_for_list(qtbot, page)
        if model.rowCount() == 450:
            break
    assert model.rowCount() == 450 and not model.canFetchMore()
    assert len({model.index(r).data() for r in range(450)}) == 450
    assert model.index(449).data() == "Log 0000"
    assert store.count(LearningLog) == 450
