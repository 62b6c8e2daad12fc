"""Self-assessment (ratings, comparison, radar chart, gaps to goals) and the development plan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from saypro_core.records import (
    CompetencyRating,
    DevelopmentGoal,
    GoalStatus,
    LearningLog,
    SelfAssessment,
)
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.development_plan_page import DevelopmentPlanPage
from saypro_desktop.ui.self_assessment_page import SelfAssessmentPage
from tests import factories
from tests.gui.conftest import go_to

CTRL = Qt.KeyboardModifier.ControlModifier


def click_rating(qtbot: QtBot, page: SelfAssessmentPage, competency_id: str, value: int) -> None:
    rater = next(r for r in page.raters if r.competency.id == competency_id)
    qtbot.waitUntil(rater.isVisible)  # new raters are shown by the next event loop turn
    qtbot.wait(20)  # and laid out
    button = rater.group.button(value)
    page.form_scroll.ensureWidgetVisible(button)
    qtbot.wait(20)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_rating_competencies_compares_and_turns_gaps_into_goals(qtbot: QtBot, store: RecordStore,
                                                                open_window) -> None:  # type: ignore[no-untyped-def]
    earlier = store.save(factories.self_assessment(
        title="March", assessed_on=date.today() - timedelta(days=120),
        ratings=[CompetencyRating(competency_id="me", rating=2), CompetencyRating(competency_id="leadership",
                                                                                 rating=2)], gaps=["me", "leadership"]))
    window = open_window()
    go_to(qtbot, window, 3)
    page = window.self_assessment
    assert isinstance(page, SelfAssessmentPage)
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    assert len(page.raters) == 10
    click_rating(qtbot, page, "me", 4)
    click_rating(qtbot, page, "leadership", 1)
    click_rating(qtbot, page, "facilitation", 2)
    rater = next(r for r in page.raters if r.competency.id == "me")
    assert rater.level.text().startswith("<i>4: Designs simple data tools")
    assert rater.previous.text() == "Last time: 2"
    qtbot.keyClicks(rater.evidence, "Built the attendance dashboard")
    assert "higher in 1, lower in 1, the same in 0" in page.comparison.text()
    assert page.chart.series_titles[-1] == "This assessment" and len(page.chart.series_titles) == 2
    assert "Leadership" in page.gaps_label.text() and "Facilitation" in page.gaps_label.text()
    assert page.goals_button.isEnabled()
    # Pressing a rating again clears it.
    click_rating(qtbot, page, "facilitation", 2)
    assert "Facilitation" not in page.gaps_label.text()
    qtbot.mouseClick(page.goals_button, Qt.MouseButton.LeftButton)
    saved = next(a for a in store.records(SelfAssessment) if a.id != earlier.id)
    assert {(r.competency_id, r.rating) for r in saved.ratings} == {("me", 4), ("leadership", 1)}
    assert saved.gaps == ["leadership"]
    assert next(r for r in saved.ratings if r.competency_id == "me").evidence == "Built the attendance dashboard"
    [goal] = store.records(DevelopmentGoal)
    assert goal.title.startswith("Grow in Leadership") and goal.linked_assessment_ids == [saved.id]
    assert goal.target_date > date.today()


def test_an_assessment_needs_at_least_one_rating(qtbot: QtBot, store: RecordStore,
                                                 open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    go_to(qtbot, window, 3)
    page = window.self_assessment
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    qtbot.keyClick(page, Qt.Key.Key_S, CTRL)
    assert page.ratings_section.errors["ratings"].text() == "Rate at least one competency."
    assert store.count(SelfAssessment) == 0


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # offscreen popups
def test_a_smart_goal_with_progress_notes_links_and_an_overdue_review(qtbot: QtBot, store: RecordStore,
                                                                      open_window) -> None:  # type: ignore[no-untyped-def]
    log = store.save(factories.learning_log(title="Data quality visit"))
    window = open_window()
    go_to(qtbot, window, 5)
    page = window.development_plan
    assert isinstance(page, DevelopmentPlanPage)
    assert "no goals yet" in page.list_empty.text()
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(page.title_edit, "Check data quality monthly")
    qtbot.keyClicks(page.specific_edit, "Run the checklist on every register")
    qtbot.keyClicks(page.measure_edit, "12 checks in a year")
    page.status_combo.setCurrentIndex(page.status_combo.findData(GoalStatus.ON_TRACK))
    page.review_edit.set_value(date.today() - timedelta(days=3))
    assert page.review_warning.isVisible() and "review was due" in page.review_warning.text()
    qtbot.keyClicks(page.note_edit, "First check done in Giyani")
    qtbot.keyClick(page.note_edit, Qt.Key.Key_Return)
    page.link_choice.setCurrentIndex(page.link_choice.findText("Log: Data quality visit"))
    page.link_chosen()
    qtbot.keyClick(page, Qt.Key.Key_S, CTRL)
    [goal] = store.records(DevelopmentGoal)
    assert goal.status == GoalStatus.ON_TRACK and goal.specific == "Run the checklist on every register"
    assert [n.text for n in goal.progress_notes] == ["First check done in Giyani"]
    assert goal.linked_log_ids == [log.id]
    subtitle = page.model.index(0).data(page.model.SubtitleRole)
    assert subtitle.startswith("⚠ Review overdue since")
    page.status_combo.setCurrentIndex(page.status_combo.findData(GoalStatus.ACHIEVED))
    assert not page.review_warning.isVisible()
    assert store.count(LearningLog) == 1
    # A log written since is offered the next time the list of records to link is opened.
    store.save(factories.learning_log(title="Second visit"))
    assert page.link_choice.findText("Log: Second visit") == -1
    page.link_choice.showPopup()
    assert page.link_choice.findText("Log: Second visit") >= 0
    page.link_choice.hidePopup()


@pytest.fixture
def dark_scheme(qtbot: QtBot):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from saypro_desktop.ui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, dark=True)  # as on a laptop set to dark (offscreen Qt has no system scheme)
    yield
    apply_theme(app)


def test_in_dark_mode_the_chosen_rating_and_the_charts_words_can_be_seen(
        qtbot: QtBot, store: RecordStore, open_window, dark_scheme) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor

    from saypro_desktop.ui.theme import ACCENT_DARK, is_dark

    assert is_dark()
    store.save(factories.self_assessment(assessed_on=date.today() - timedelta(days=90)))
    window = open_window()
    go_to(qtbot, window, 3)
    page = window.self_assessment
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    click_rating(qtbot, page, "me", 3)
    chosen = next(r for r in page.raters if r.competency.id == "me").group.button(3)
    image = chosen.grab().toImage()
    middle = QColor(image.pixel(image.width() // 5, image.height() // 2))
    assert abs(middle.green() - ACCENT_DARK.green()) < 30 and abs(middle.red() - ACCENT_DARK.red()) < 30
    other = next(r for r in page.raters if r.competency.id == "me").group.button(2).grab().toImage()
    assert QColor(other.pixel(other.width() // 5, other.height() // 2)) != middle
    words = page.chart.chart_.axes()[0].labelsBrush().color()
    assert words.lightness() > 180  # light words on the dark window
