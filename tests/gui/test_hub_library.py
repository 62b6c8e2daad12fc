"""The Knowledge Hub as a library, offline: shelves by kind, filters by kind, project and tag,
full-text search, a new entry (guides and toolkits for supervisors only, bad input refused),
proposing and featuring for the newsletter, links that open only on the web, and the Reflective
Practice Toolkit's worksheets printed and saved as PDF."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from saypro_core.records import Feedback, HubEntry, HubKind, ReviewState, Visibility
from saypro_core.wire import DirectoryOut, PersonOut
from saypro_desktop.storage import hub
from saypro_desktop.storage.directory import write_directory
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.hub_dialogs import HubEntryDialog, ToolkitDialog
from saypro_desktop.ui.knowledge_hub_page import KnowledgeHubPage
from saypro_desktop.ui.main_window import HUB_ROW, MainWindow
from tests import factories
from tests.gui.conftest import ScriptedDialogs

ME, SAM, SIPHO = (factories.new_id() for _ in range(3))


def _directory(store: RecordStore, my_role: str, relations: tuple[str, ...] = ()) -> None:
    """Me, Sam (a supervisor) and Sipho, whom I supervise when ``relations`` says so."""
    with store.engine.begin() as connection:
        write_directory(connection, DirectoryOut(v=1, me=ME, p=[
            PersonOut(id=ME, n="Thandi Mokoena", r=my_role, t="Limpopo", rel=[]),
            PersonOut(id=SAM, n="Sam Dlamini", r="supervisor", t="Limpopo", rel=["supervisor"]),
            PersonOut(id=SIPHO, n="Sipho Nkosi", r="staff", t="Limpopo", rel=list(relations) or ["teammate"])]))


def _library(store: RecordStore) -> None:
    store.save_many([
        factories.hub_entry(id=factories.new_id(), owner_id=SIPHO, author_name="Sipho Nkosi"),
        factories.hub_entry(id=factories.new_id(), owner_id=SAM, kind=HubKind.TOOLKIT, title="Facilitation toolkit",
                            project="Leadership", tags=["facilitation"], author_name="Sam Dlamini",
                            entry_date=date(2026, 5, 1)),
        factories.hub_entry(id=factories.new_id(), owner_id=SIPHO, kind=HubKind.SHARED_LEARNING,
                            title="What the borehole committee taught us", tags=["water"], project="WASH",
                            summary="Ask the committee first.", links=[], author_name="Sipho Nkosi"),
        factories.learning_log(id=factories.new_id(), owner_id=SIPHO, visibility=Visibility.TEAM,
                               title="Village savings lesson", project="WASH", tags=["water"]),
        factories.session_note(id=factories.new_id(), owner_id=SAM, visibility=Visibility.ORGANISATION,
                               title="Knowledge café on volunteers"),
    ])


def _open_hub(qtbot: QtBot, open_window, owner_id: str = ME) -> tuple[MainWindow, KnowledgeHubPage]:  # type: ignore[no-untyped-def]
    window = open_window(owner_id=owner_id)
    window.navigation.setCurrentRow(HUB_ROW)
    page = window.knowledge_hub
    qtbot.waitUntil(lambda: page.content is not None and page.content.query == page.query)
    return window, page


def _rows(page: KnowledgeHubPage) -> dict[str, list[str]]:
    tree = page.tree
    return {tree.topLevelItem(g).text(0): [tree.topLevelItem(g).child(c).text(0)
                                           for c in range(tree.topLevelItem(g).childCount())]
            for g in range(tree.topLevelItemCount())}


def _choose(qtbot: QtBot, page: KnowledgeHubPage, combo_name: str, value: str) -> None:
    combo = getattr(page, combo_name)
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: page.content is not None and page.content.query == page.query)


def test_the_library_has_shelves_by_kind_filters_and_searches_offline(qtbot: QtBot, store: RecordStore,
                                                                     open_window) -> None:  # type: ignore[no-untyped-def]
    _directory(store, "staff")
    _library(store)
    _, page = _open_hub(qtbot, open_window)
    assert _rows(page) == {
        "Case studies (1)": ["Case study: radio slots for parents · Sipho Nkosi · 3 Mar 2026"],
        "Toolkits (1)": ["Facilitation toolkit · Sam Dlamini · 1 May 2026"],
        "Shared learnings (1)": ["What the borehole committee taught us · Sipho Nkosi · 3 Mar 2026"],
        "Session summaries (1)": ["Knowledge café on volunteers · Sam Dlamini"],
        "Colleagues' learning logs (1)": ["Village savings lesson · Sipho Nkosi"],
    }
    assert [page.tag_combo.itemText(i) for i in range(page.tag_combo.count())] == [
        "All tags", "facilitation", "parents", "radio", "water"]
    # A tag finds the Hub entry and the colleague's log that carry it; a session summary has none.
    _choose(qtbot, page, "tag_combo", "water")
    assert list(_rows(page)) == ["Shared learnings (1)", "Colleagues' learning logs (1)"]
    _choose(qtbot, page, "shelf_combo", HubKind.SHARED_LEARNING.value)
    assert list(_rows(page)) == ["Shared learnings (1)"]
    _choose(qtbot, page, "tag_combo", "")
    _choose(qtbot, page, "shelf_combo", "")
    _choose(qtbot, page, "project_combo", "Leadership")
    assert list(_rows(page)) == ["Toolkits (1)"]
    _choose(qtbot, page, "project_combo", "")
    # Full text, offline: words of the summary and the tags.
    qtbot.keyClicks(page.search_edit, "committee")
    qtbot.waitUntil(lambda: page.content is not None and page.content.query.text == "committee")
    assert _rows(page) == {"Shared learnings (1)": ["What the borehole committee taught us · Sipho Nkosi · 3 Mar 2026"]}
    page.tree.setCurrentItem(page.tree.topLevelItem(0).child(0))
    text = page.reader.toPlainText()
    assert "Ask the committee first." in text and "By Sipho Nkosi" in text and "WASH" in text
    page.search_edit.setText("zebra")
    qtbot.waitUntil(lambda: page.content is not None and page.content.query.text == "zebra")
    assert page.stack.currentWidget() is page.empty and "Nothing in the library matches" in page.empty.text()


def test_a_long_shelf_lists_its_newest_and_says_how_many_more(store: RecordStore) -> None:
    store.save_many([factories.hub_entry(id=factories.new_id(), owner_id=SIPHO, title=f"Case {n}",
                                         entry_date=date(2025, 1, 1) + timedelta(days=n))
                     for n in range(hub.NEWEST + 5)])
    found = hub.library(store, ME, hub.HubQuery())
    [shelf] = found.shelves
    assert (shelf.key, len(shelf.rows), shelf.more) == ("case_study", hub.NEWEST, True)
    assert shelf.rows[0].title == f"Case {hub.NEWEST + 4}"  # newest first


@pytest.mark.parametrize("role", ["staff", "supervisor"])
def test_a_new_entry_is_checked_and_only_supervisors_publish_guides_and_toolkits(
        qtbot: QtBot, store: RecordStore, open_window, role: str) -> None:  # type: ignore[no-untyped-def]
    _directory(store, role)
    _, page = _open_hub(qtbot, open_window)
    assert page.empty.isVisible() and "Nothing is here yet" in page.empty.text()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, HubEntryDialog) and dialog.isVisible()
    kinds = {dialog.kind_combo.itemData(i) for i in range(dialog.kind_combo.count())}
    assert (HubKind.TOOLKIT in kinds and HubKind.GUIDE in kinds) == (role == "supervisor")
    assert HubKind.CASE_STUDY in kinds
    # Nothing to read, and a link that would run a script: refused, with the reasons, nothing saved.
    qtbot.keyClicks(dialog.title_edit, "Radio for parents")
    dialog.links_edit.setPlainText("javascript:alert(1)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "must be a web address" in dialog.problems.text()
    assert store.records(HubEntry) == []
    dialog.links_edit.setPlainText("https://saypro.online/hub/radio")
    qtbot.keyClicks(dialog.summary_edit, "Saturday radio reached parents.")
    qtbot.keyClicks(dialog.tags_edit, "radio, parents")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    [entry] = store.records(HubEntry)
    assert (entry.owner_id, entry.author_name, entry.tags, entry.visibility) == (
        ME, "Thandi Mokoena", ["radio", "parents"], Visibility.ORGANISATION)
    qtbot.waitUntil(lambda: page.content is not None and page.content.shown == 1)
    assert "Saturday radio reached parents." in page.reader.toPlainText()
    # My own entry: I may attach files to it.
    assert page.attachments.isVisible() and page.attachments.add_button.isVisible()


def test_propose_for_the_newsletter_and_feature_as_the_authors_supervisor(
        qtbot: QtBot, store: RecordStore, open_window) -> None:  # type: ignore[no-untyped-def]
    _directory(store, "supervisor", relations=("supervisee",))
    _library(store)
    sams = store.records(HubEntry, where=hub.RecordFilter(kind=HubKind.TOOLKIT.value))[0]
    _, page = _open_hub(qtbot, open_window)
    page.show_record(sams)
    # Sam's toolkit: I am not Sam's supervisor, so I may propose it but not feature it.
    assert page.propose_button.isVisible() and not page.feature_button.isVisible()
    qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    [proposal] = store.records(Feedback)
    assert (proposal.target_id, proposal.review_state, proposal.owner_id) == (sams.id, ReviewState.PROPOSED, ME)
    assert page.newsletter_label.text().startswith("☆ Proposed") and not page.propose_button.isVisible()
    qtbot.waitUntil(lambda: any(row.startswith("☆ Facilitation toolkit") for rows in _rows(page).values()
                                for row in rows))
    # Sipho's shared learning: I supervise Sipho, so I feature it.
    siphos = next(e for e in store.records(HubEntry) if e.kind == HubKind.SHARED_LEARNING)
    page.show_record(siphos)
    assert page.feature_button.isVisible()
    qtbot.mouseClick(page.feature_button, Qt.MouseButton.LeftButton)
    assert store.records(Feedback, where=hub.RecordFilter(target_id=siphos.id))[0].review_state == ReviewState.FEATURED
    assert page.newsletter_label.text() == "★ Featured in the newsletter" and not page.feature_button.isVisible()
    assert "★ Featured in the newsletter" in page.feedback_thread.entries.text()


def test_links_open_on_the_web_only(qtbot: QtBot, store: RecordStore, open_window,
                                    monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    _directory(store, "staff")
    _library(store)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    _, page = _open_hub(qtbot, open_window)
    entry = next(e for e in store.records(HubEntry) if e.links)
    page.show_record(entry)
    assert "https://saypro.online/hub/radio" in page.reader.toHtml()
    page.open_link(QUrl("https://saypro.online/hub/radio"))
    page.open_link(QUrl("file:///etc/passwd"))
    page.open_link(QUrl("javascript:alert(1)"))
    assert opened == ["https://saypro.online/hub/radio"]


def test_the_toolkits_worksheets_print_and_save_as_pdf(qtbot: QtBot, store: RecordStore, open_window,
                                                       dialogs: ScriptedDialogs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, page = _open_hub(qtbot, open_window)
    qtbot.mouseClick(page.toolkit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ToolkitDialog) and dialog.isVisible()
    names = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "After-action review" in names and "Field visit reflection" in names
    dialog.list.setCurrentRow(names.index("After-action review"))
    assert "1. What was supposed to happen?" in dialog.preview.toPlainText()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert "What actually happened?" in dialogs.printed[0]
    dialogs.save_paths.append(tmp_path / "aar")
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    pdf = (tmp_path / "aar.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-64:]


def test_a_search_keeps_to_the_filters_and_to_what_was_shared(store: RecordStore) -> None:
    _library(store)
    store.save(factories.learning_log(id=factories.new_id(), owner_id=SIPHO, visibility=Visibility.PRIVATE,
                                      title="Private water diary", tags=["water"]))
    store.save(factories.learning_log(id=factories.new_id(), owner_id=ME, visibility=Visibility.TEAM,
                                      title="My own water log", tags=["water"]))

    def titles(**query: str) -> list[str]:
        return [row.title for shelf in hub.library(store, ME, hub.HubQuery(**query)).shelves for row in shelf.rows]

    # Tags are searched too; a colleague's private log and my own are not in the library.
    assert sorted(titles(text="water")) == ["Village savings lesson", "What the borehole committee taught us"]
    assert titles(text="committee", tag="water") == ["What the borehole committee taught us"]
    assert titles(text="committee", tag="radio") == []
    assert titles(text="savings", project="wash") == ["Village savings lesson"]
    assert titles(text="savings", shelf="session_note") == []
    assert titles(tag="water") == ["What the borehole committee taught us", "Village savings lesson"]
