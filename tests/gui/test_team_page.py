"""The Team page and the review box, driven as a supervisor would: who they follow, this month's
figures, who has gone quiet, the competency grid, a person's shared log opened read-only and
answered with "needs more"."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from saypro_core.records import CompetencyRating, Feedback, GoalStatus, LearningLog, ReviewState, Visibility
from saypro_core.wire import DirectoryOut, PersonOut
from saypro_desktop.storage.directory import write_directory
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.main_window import TEAM_ROW
from tests import factories

ME, SIPHO, LERATO, PEER = (factories.new_id() for _ in range(4))


def _directory(store: RecordStore, *people: PersonOut) -> None:
    with store.engine.begin() as connection:
        write_directory(connection, DirectoryOut(v=1, me=ME, p=[
            PersonOut(id=ME, n="Sam Mahlangu", r="supervisor", t="Limpopo"), *people]))


def test_a_supervisor_follows_the_team_and_asks_for_more(qtbot: QtBot, store: RecordStore,
                                                          open_window) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    _directory(store, PersonOut(id=SIPHO, n="Sipho Dlamini", r="staff", t="Limpopo", rel=["supervisee"]),
               PersonOut(id=LERATO, n="Lerato Nkosi", r="staff", t="Gauteng", rel=["mentee"]))
    visit = store.save(factories.learning_log(id=factories.new_id(), owner_id=SIPHO, log_date=today,
                                              visibility=Visibility.SUPERVISOR, title="Savings group visit"))
    store.save_many([
        factories.development_goal(id=factories.new_id(), owner_id=SIPHO, status=GoalStatus.AT_RISK,
                                   target_date=today - timedelta(days=3), next_review=None),
        factories.self_assessment(id=factories.new_id(), owner_id=SIPHO, assessed_on=today,
                                  ratings=[CompetencyRating(competency_id="facilitation", rating=2)], gaps=[]),
        factories.learning_log(id=factories.new_id(), owner_id=LERATO, log_date=today - timedelta(days=40),
                               visibility=Visibility.TEAM, title="An old one"),
    ])
    window = open_window(owner_id=ME)
    assert not window.navigation.item(TEAM_ROW).isHidden()
    window.navigation.setCurrentRow(TEAM_ROW)
    team = window.team
    qtbot.waitUntil(lambda: team.view is not None and team.table.rowCount() == 2)
    rows = {team.table.item(r, 0).text(): [team.table.item(r, c).text() for c in range(1, 10)]
            for r in range(team.table.rowCount())}
    assert rows["Sipho Dlamini"][:8] == ["1", "1", "0", "0", "0", "0", "1", "0"]  # the at-risk goal is overdue
    assert rows["Lerato Nkosi (mentee)"][0] == "0"
    row_of = {team.table.item(r, 0).text(): r for r in range(team.table.rowCount())}
    lerato, sipho = row_of["Lerato Nkosi (mentee)"], row_of["Sipho Dlamini"]
    assert team.table.item(lerato, 9).font().bold()  # 40 days without reflecting stands out
    assert not team.table.item(sipho, 9).font().bold()
    facilitation = next(c for c in range(team.grid.columnCount())
                        if team.grid.horizontalHeaderItem(c).text() == "Facilitation")
    assert team.grid.item(sipho, facilitation).text() == "2"
    assert team.grid.item(lerato, facilitation).text() == "–"
    # Sipho's shared log, opened from the page: read-only, in the Hub, with a review box.
    team.table.setCurrentCell(sipho, 0)
    qtbot.waitUntil(lambda: team.shared_list.count() >= 2, timeout=15_000)  # loaded off the GUI thread
    item = next(team.shared_list.item(i) for i in range(team.shared_list.count())
                if "Savings group visit" in team.shared_list.item(i).text())
    team.shared_list.itemActivated.emit(item)
    hub = window.knowledge_hub
    assert window.pages.currentWidget() is hub and "By Sipho Dlamini" in hub.reader.toPlainText()
    thread = hub.feedback_thread
    assert thread.review.isVisible()  # his supervisor reviews
    thread.review.setCurrentIndex(thread.review.findData(ReviewState.NEEDS_MORE.value))
    qtbot.keyClicks(thread.compose, "Which savings rules did they agree?")
    qtbot.mouseClick(thread.send_button, Qt.MouseButton.LeftButton)
    (review,) = store.records(Feedback)
    assert (review.target_id, review.review_state, review.owner_id, review.visibility) == (
        visit.id, ReviewState.NEEDS_MORE, ME, Visibility.SUPERVISOR)
    # Nothing of Sipho's is in my own pages.
    window.navigation.setCurrentRow(1)
    qtbot.waitUntil(lambda: not window.learning_log.model.is_loading())
    assert window.learning_log.model.rowCount() == 0
    assert store.get(LearningLog, visit.id) is not None


def test_a_peer_comments_but_does_not_review_and_staff_see_no_team_section(
        qtbot: QtBot, store: RecordStore, open_window) -> None:  # type: ignore[no-untyped-def]
    _directory(store, PersonOut(id=PEER, n="Sipho Dlamini", r="staff", t="Limpopo", rel=["teammate"]))
    shared = store.save(factories.learning_log(id=factories.new_id(), owner_id=PEER, visibility=Visibility.TEAM,
                                               title="Team-shared lesson"))
    window = open_window(owner_id=ME)
    assert window.navigation.item(TEAM_ROW).isHidden()
    assert window.open_record("learning_log", shared.id)
    thread = window.knowledge_hub.feedback_thread
    assert thread.isVisible() and not thread.review.isVisible()


def test_a_goal_agreed_by_the_supervisor_shows_so_and_the_plan_prints(
        qtbot: QtBot, store: RecordStore, open_window, dialogs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _directory(store, PersonOut(id=SIPHO, n="Sipho Dlamini", r="supervisor", t="Limpopo", rel=["supervisor"]))
    goal = store.save(factories.development_goal(id=factories.new_id(), owner_id=ME, title="Run data checks"))
    store.save(factories.feedback(id=factories.new_id(), owner_id=SIPHO, target_type="development_goal",
                                  target_id=goal.id, review_state=ReviewState.AGREED, comment="Agreed at our review.",
                                  created_at=goal.updated_at + timedelta(minutes=5)))
    window = open_window(owner_id=ME)
    plan = window.page(4)
    window.navigation.setCurrentRow(4)
    assert plan.open_record(goal.id)
    assert plan.agreement_label.text().startswith("Agreed with Sipho Dlamini on ")
    assert "Agreed at our review." in plan.feedback_thread.entries.text()
    plan.title_edit.setText("Run data checks every month")
    plan.mark_changed()
    assert plan.save()
    assert plan.open_record(goal.id)
    assert plan.agreement_label.text().endswith("changed since: to agree again")
    dialogs.save_paths.append(tmp_path / "plan")
    qtbot.mouseClick(plan.pdf_button, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "plan.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1_000


def test_a_review_meeting_is_kept_in_the_goals_history_with_the_next_review(
        qtbot: QtBot, store: RecordStore, open_window) -> None:  # type: ignore[no-untyped-def]
    goal = store.save(factories.development_goal(id=factories.new_id(), owner_id=ME, progress_notes=[],
                                                 next_review=date.today() - timedelta(days=3)))
    window = open_window(owner_id=ME)
    window.navigation.setCurrentRow(4)
    plan = window.page(4)
    assert plan.open_record(goal.id)
    qtbot.keyClicks(plan.note_edit, "On track; add the March report")
    qtbot.mouseClick(plan.meeting_button, Qt.MouseButton.LeftButton)
    assert plan.save()
    saved = store.require(type(goal), goal.id)
    assert [(n.noted_on, n.text) for n in saved.progress_notes] == [
        (date.today(), "Review meeting: On track; add the March report")]
    assert saved.next_review == date.today() + timedelta(days=91)
