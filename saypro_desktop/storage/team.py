"""What the Team page shows a supervisor or mentor, computed on this laptop from what the people
they follow shared with them (the last sync's copy): each person's figures this month and this
quarter (saypro_core.metrics, as the server's team report counts them), and their latest
self-assessment's ratings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from saypro_core.metrics import Period, PersonFigures, person_figures
from saypro_core.records import DevelopmentGoal, LearningLog, Record, SelfAssessment, SessionNote
from saypro_desktop.storage.directory import Directory, Person
from saypro_desktop.storage.queries import RecordFilter
from saypro_desktop.storage.store import RecordStore

#: Who has not reflected in this many days stands out.
QUIET_DAYS = 30


@dataclass(frozen=True)
class MemberView:
    person: Person
    month: PersonFigures
    quarter: PersonFigures
    latest_assessment: SelfAssessment | None = None
    #: Competency id → the latest rating.
    ratings: dict[str, int] = field(default_factory=dict)

    def quiet(self, today: date) -> bool:
        last = self.month.last_reflection
        return last is None or (today - last).days > QUIET_DAYS


@dataclass(frozen=True)
class TeamView:
    today: date
    month: Period
    quarter: Period
    members: list[MemberView]


def _period_records(store: RecordStore, author: str, quarter: Period, today: date) -> list[Record]:
    """What the figures read: the quarter's logs and sessions (a day's margin: sessions are counted on
    their South African day), every goal, and the latest log up to today (the last reflection)."""
    span = RecordFilter(author=author, date_from=quarter.start - timedelta(days=1),
                        date_to=quarter.end + timedelta(days=1))
    found: list[Record] = [*store.records(LearningLog, where=span, limit=None),
                           *store.records(SessionNote, where=span, limit=None),
                           *store.records(DevelopmentGoal, where=RecordFilter(author=author), limit=None)]
    latest = store.records(LearningLog, where=RecordFilter(author=author, date_to=today), order_by="log_date",
                           limit=1)
    found.extend(log for log in latest if log.id not in {r.id for r in found})
    return found


def team_view(store: RecordStore, directory: Directory, today: date | None = None) -> TeamView:
    today = today or date.today()
    month, quarter = Period.month(today), Period.quarter(today)
    members = []
    for person in directory.followed():
        records = _period_records(store, person.id, quarter, today)
        latest = store.records(SelfAssessment, where=RecordFilter(author=person.id), order_by="assessed_on", limit=1)
        assessment = latest[0] if latest else None
        members.append(MemberView(
            person, person_figures(records, month, today), person_figures(records, quarter, today), assessment,
            {r.competency_id: r.rating for r in assessment.ratings} if assessment else {}))
    return TeamView(today, month, quarter, members)


def shared_by(store: RecordStore, author: str, limit: int = 100) -> list[Record]:
    """A person's records this laptop holds (what they shared with me), newest first."""
    found: list[Record] = []
    for cls in (LearningLog, SessionNote, SelfAssessment, DevelopmentGoal):
        found.extend(store.records(cls, where=RecordFilter(author=author), limit=limit))
    return sorted(found, key=lambda r: r.updated_at, reverse=True)[:limit]
