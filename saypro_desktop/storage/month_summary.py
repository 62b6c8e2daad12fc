"""What Home shows: the user's month at a glance, read in one go off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from saypro_core.metrics import OPEN_STATES, goal_state
from saypro_core.records import DevelopmentGoal, LearningLog, Recognition, SessionNote
from saypro_desktop.storage.directory import Directory
from saypro_desktop.storage.drafts import DraftInfo
from saypro_desktop.storage.feedback import Inbox, inbox
from saypro_desktop.storage.outbox import OutboxSummary
from saypro_desktop.storage.programme import Occasion, reminders
from saypro_desktop.storage.queries import RecordFilter
from saypro_desktop.storage.store import RecordStore

#: Home shows the newest few recognitions (a month's and a quarter's).
RECOGNITIONS_SHOWN = 2

@dataclass(frozen=True)
class MonthSummary:
    month_start: date
    logs_written: int
    sessions: int
    goals_on_track: int
    goals_at_risk: int
    goals_overdue: int
    reviews_due: int
    goals_achieved: int
    #: Feedback others gave on my records, with what is unread and the "needs more" to-dos.
    feedback: Inbox
    waiting: OutboxSummary
    drafts: list[DraftInfo]
    #: My places on sessions of today and tomorrow.
    reminders: list[Occasion] = field(default_factory=list)
    #: The latest "continuous learner" recognitions the L&D office confirmed (newest first).
    recognitions: list[Recognition] = field(default_factory=list)


def month_summary(store: RecordStore, me: str = "", directory: Directory | None = None,
                  today: date | None = None) -> MonthSummary:
    """My month (``me``: the signed-in person's id, "" before any sign-in): my records only, never
    those colleagues shared with me."""
    today = today or date.today()
    start = today.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    month = RecordFilter(date_from=start, date_to=end, owner=me or None)
    on_track = at_risk = overdue = reviews = achieved = 0
    for goal in store.iter_all(DevelopmentGoal):
        if goal.owner_id not in ("", me):
            continue
        state = goal_state(goal, today)  # each goal once, as the Team page and the server count
        achieved += state == "achieved"
        on_track += state == "on_track"
        at_risk += state == "at_risk"
        overdue += state == "overdue"
        if state in OPEN_STATES and goal.next_review is not None and goal.next_review < today:
            reviews += 1
    return MonthSummary(
        month_start=start,
        logs_written=store.count(LearningLog, where=month),
        sessions=store.count(SessionNote, where=month),
        goals_on_track=on_track, goals_at_risk=at_risk, goals_overdue=overdue, reviews_due=reviews,
        goals_achieved=achieved,
        feedback=inbox(store, me, directory or Directory()),
        waiting=store.outbox_summary(),
        drafts=store.drafts(),
        reminders=reminders(store, me, today),
        recognitions=store.records(Recognition, order_by="period", limit=RECOGNITIONS_SHOWN),
    )
