"""Home shows the L&D office's "continuous learner": congratulations to the person, news to the
others (the record arrives with sync; here it is in the store as a sync leaves it)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from saypro_desktop.storage.store import RecordStore
from tests import factories

ME = factories.new_id()


def test_the_person_is_congratulated(qtbot: QtBot, store: RecordStore, open_window) -> None:  # type: ignore[no-untyped-def]
    store.save(factories.recognition(id=factories.new_id(), person_id=ME,
                                     title="Continuous learner of the month: November 2026"))
    home = open_window(owner_id=ME).home
    qtbot.waitUntil(home.recognition.isVisible, timeout=5_000)
    text = home.recognition.text()
    assert "You are the continuous learner of the month: November 2026!" in text
    assert "4 reflections shared, 2 sessions attended." in text


def test_colleagues_read_who_it_is(qtbot: QtBot, store: RecordStore, open_window) -> None:  # type: ignore[no-untyped-def]
    store.save(factories.recognition(id=factories.new_id(), person_name="Thandi <b>Mokoena</b>",
                                     title="Continuous learner of the month: November 2026"))
    home = open_window(owner_id=ME).home
    qtbot.waitUntil(home.recognition.isVisible, timeout=5_000)
    expected = "Continuous learner of the month: November 2026: Thandi &lt;b&gt;Mokoena&lt;/b&gt;"
    assert expected in home.recognition.text()  # a name is text, never markup


def test_a_learner_of_the_quarter_in_the_apps_own_words(qtbot: QtBot, store: RecordStore,  # type: ignore[no-untyped-def]
                                                        open_window) -> None:
    store.save(factories.recognition(id=factories.new_id(), person_name="Sipho Nkosi", period="2026-Q4",
                                     title="Something the server wrote"))
    home = open_window(owner_id=ME).home
    qtbot.waitUntil(home.recognition.isVisible, timeout=5_000)
    assert "Continuous learner of the quarter: October to December 2026: Sipho Nkosi" in home.recognition.text()
