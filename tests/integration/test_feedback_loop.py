"""The mentor's loop against a real server process: a supervisor's and a mentor's laptops learn who
they follow, read a staff member's shared log, write "needs more" offline; the author's laptop gets
it in the inbox (unread, with the log's title, as a to-do) until the author replies; the reply
reaches the supervisor; a mentor set with `users set-mentor` reads what is shared with supervisor
and mentor."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import requests

from saypro_core.records import Feedback, GoalStatus, LearningLog, ReviewState, Visibility
from saypro_desktop.storage import feedback
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.storage.team import team_view
from saypro_desktop.sync.engine import SyncEngine, SyncReport
from saypro_desktop.sync.transport import HttpTransport
from saypro_desktop.ui.feedback_thread import arrived_text
from tests import factories
from tests.integration.conftest import PASSWORD, admin


class Laptop:
    def __init__(self, folder: Path, url: str, username: str) -> None:
        self.store = RecordStore.open(folder / "saypro.sqlite")
        login = requests.post(f"{url}/api/v1/auth/login", timeout=10, json={
            "username": username, "password": PASSWORD, "device_id": self.store.device_id})
        assert login.status_code == 200, login.text
        self.user_id = login.json()["user"]["id"]
        token = self.token = login.json()["access_token"]
        self.engine = SyncEngine(self.store, HttpTransport(url, lambda: token), attempts=1)

    def sync(self) -> SyncReport:
        report = self.engine.sync()
        assert report.complete and not report.rejected, (report.error, report.rejected)
        return report

    def say(self, target: LearningLog, comment: str, state: ReviewState) -> Feedback:
        return self.store.save(Feedback(target_type="learning_log", target_id=target.id, comment=comment,
                                        review_state=state, visibility=target.visibility, owner_id=self.user_id))


def _user(data_dir: Path, name: str, display: str, *extra: str) -> None:
    created = admin(data_dir, "users", "create", name, "--display-name", display, *extra, "--password-stdin",
                    stdin=f"{PASSWORD}\n")
    assert created.returncode == 0, created.stderr


def test_needs_more_reaches_the_author_stays_a_to_do_until_the_reply_and_the_reply_comes_back(
        served: tuple[str, Path, subprocess.Popen[str]], tmp_path: Path) -> None:
    url, data_dir, _ = served
    _user(data_dir, "sam", "Sam Dlamini", "--role", "supervisor")
    assert admin(data_dir, "teams", "set-supervisor", "Limpopo", "sam").returncode == 0
    _user(data_dir, "nomsa", "Nomsa Khumalo")
    assert admin(data_dir, "users", "set-mentor", "thandi", "nomsa").stdout == "'nomsa' mentors 'thandi'.\n"
    thandi, sam, nomsa = (Laptop(tmp_path / name, url, name) for name in ("thandi", "sam", "nomsa"))
    log = thandi.store.save(factories.learning_log(id=factories.new_id(), owner_id=thandi.user_id,
                                                   title="Savings group visit", visibility=Visibility.SUPERVISOR))
    private = thandi.store.save(factories.learning_log(id=factories.new_id(), owner_id=thandi.user_id,
                                                       title="My own doubts", visibility=Visibility.PRIVATE))
    thandi.sync()
    for laptop in (sam, nomsa):
        laptop.sync()
        directory = laptop.store.directory()
        assert [p.name for p in directory.followed()] == ["Thandi Mokoena"]
        assert directory.reviews(thandi.user_id)
        assert laptop.store.get(LearningLog, log.id) is not None
        assert laptop.store.get(LearningLog, private.id) is None
    assert {p.name: sorted(p.relations) for p in thandi.store.directory().people.values() if p.relations} == {
        "Sam Dlamini": ["supervisor"], "Nomsa Khumalo": ["mentor"]}

    shared = sam.store.require(LearningLog, log.id)
    sam.say(shared, "Which savings rules did the group agree? Add them.", ReviewState.NEEDS_MORE)  # offline
    sam.sync()
    arrived = thandi.sync().feedback_from
    words = arrived_text(arrived, thandi.store.directory(), thandi.user_id)
    assert words.startswith("1 comment") and words.endswith(" from Sam Dlamini")  # with or without the catalogue
    inbox = feedback.inbox(thandi.store, thandi.user_id, thandi.store.directory())
    assert inbox.unread == 1
    (item,) = inbox.items
    assert (item.author, item.target_title, item.feedback.review_state) == (
        "Sam Dlamini", "Savings group visit", ReviewState.NEEDS_MORE)
    assert [entry.feedback.id for entry in inbox.to_do] == [item.feedback.id]
    feedback.mark_read(thandi.store, [item.feedback.id])
    assert feedback.inbox(thandi.store, thandi.user_id, thandi.store.directory()).unread == 0

    thandi.say(log, "Added: weekly meetings, a fine for lateness.", ReviewState.COMMENT)
    assert feedback.inbox(thandi.store, thandi.user_id, thandi.store.directory()).to_do == []
    thandi.sync()
    sam.sync()
    nomsa.sync()
    for laptop in (sam, nomsa):  # the thread is one: the supervisor, the mentor and the author read all of it
        comments = [f.comment for f in feedback.thread(laptop.store, log.id)]
        assert comments == ["Which savings rules did the group agree? Add them.",
                            "Added: weekly meetings, a fine for lateness."]


def test_the_team_page_agrees_with_the_servers_team_report(
        served: tuple[str, Path, subprocess.Popen[str]], tmp_path: Path) -> None:
    url, data_dir, _ = served
    _user(data_dir, "sam", "Sam Dlamini", "--role", "supervisor")
    assert admin(data_dir, "teams", "set-supervisor", "Limpopo", "sam").returncode == 0
    _user(data_dir, "sipho", "Sipho Ndlovu", "--team", "Limpopo")
    thandi, sipho, sam = (Laptop(tmp_path / name, url, name) for name in ("thandi", "sipho", "sam"))
    today = date.today()
    thandi.store.save_many([
        factories.learning_log(id=factories.new_id(), owner_id=thandi.user_id, log_date=today,
                               visibility=Visibility.SUPERVISOR),
        factories.learning_log(id=factories.new_id(), owner_id=thandi.user_id, log_date=today,
                               visibility=Visibility.PRIVATE),  # counted by neither
        factories.learning_log(id=factories.new_id(), owner_id=thandi.user_id,
                               log_date=today.replace(day=1) - timedelta(days=1), visibility=Visibility.TEAM),
        factories.development_goal(id=factories.new_id(), owner_id=thandi.user_id, status=GoalStatus.AT_RISK,
                                   target_date=today - timedelta(days=5), visibility=Visibility.SUPERVISOR),
        factories.development_goal(id=factories.new_id(), owner_id=thandi.user_id, status=GoalStatus.ON_TRACK,
                                   target_date=today + timedelta(days=50), visibility=Visibility.TEAM),
    ])
    sipho.store.save(factories.session_note(id=factories.new_id(), owner_id=sipho.user_id, visibility=Visibility.TEAM,
                                            starts_at=datetime.combine(today, time(9), tzinfo=UTC), ends_at=None))
    for laptop in (thandi, sipho, sam):
        laptop.sync()
    view = team_view(sam.store, sam.store.directory(), today)
    answer = requests.get(f"{url}/api/v1/reports/team", params={"month": today.strftime("%Y-%m")}, timeout=10,
                          headers={"Authorization": f"Bearer {sam.token}"})
    assert answer.status_code == 200, answer.text
    (report,) = answer.json()
    by_id = {m["user_id"]: m for m in report["members"]}
    assert {m.person.id for m in view.members} == set(by_id)
    for member in view.members:
        server = by_id[member.person.id]
        month = member.month
        assert (month.logs_written, month.sessions, month.shared_reflections, month.goals_on_track,
                month.goals_at_risk, month.goals_overdue, month.goals_achieved, month.reviews_due,
                month.took_part) == (
            server["learning_logs"], server["session_notes"], server["shared"], server["goals_on_track"],
            server["goals_at_risk"], server["goals_overdue"], server["goals_achieved"], server["reviews_due"],
            server["took_part"]), member.person.name
        assert (month.last_reflection.isoformat() if month.last_reflection else None) == server["last_reflection"]
    thandis = next(m for m in view.members if m.person.id == thandi.user_id)
    assert (thandis.month.logs_written, thandis.month.goals_overdue, thandis.month.goals_on_track) == (1, 1, 1)
