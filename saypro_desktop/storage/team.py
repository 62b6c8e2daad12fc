"""What the Team page shows a supervisor or mentor, computed on this laptop from what the people
they follow shared with them (the last sync's copy): each person's figures this month and this
quarter (saypro_core.metrics, as the server's team report counts them), and their latest
self-assessment's ratings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from saypro_core.metrics import Period, PersonFigures, person_figures
from saypro_core.records import Attendance, DevelopmentGoal, LearningLog, Record, SelfAssessment, SessionNote
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


def team_view(store: RecordStore, directory: Directory, today: date | None = None) -> TeamView:
    """Everyone I follow, counted with a few queries for the whole team (not per person): the
    quarter's logs and sessions (a day's margin: sessions count on their South African day), every
    goal, each person's latest log date up to today and latest self-assessment."""
    today = today or date.today()
    month, quarter = Period.month(today), Period.quarter(today)
    people = directory.followed()
    ids = tuple(p.id for p in people)
    if not ids:
        return TeamView(today, month, quarter, [])
    span = RecordFilter(authors=ids, date_from=quarter.start - timedelta(days=1),
                        date_to=quarter.end + timedelta(days=1))
    theirs: dict[str, list[Record]] = {person_id: [] for person_id in ids}
    for record in (*store.records(LearningLog, where=span, limit=None),
                   *store.records(SessionNote, where=span, limit=None),
                   *store.records(DevelopmentGoal, where=RecordFilter(authors=ids), limit=None)):
        theirs[record.owner_id].append(record)
    for roll in store.records(Attendance, limit=None):  # rolls name people whoever took them
        if quarter.start - timedelta(days=1) <= roll.occurrence.date() <= quarter.end + timedelta(days=1):
            for person_id in set(roll.attendee_ids) & theirs.keys():
                theirs[person_id].append(roll)
    last_logs = store.latest_dates(LearningLog, "log_date", ids, today)
    assessments: dict[str, SelfAssessment] = {}
    for found in store.records(SelfAssessment, where=RecordFilter(authors=ids), order_by="assessed_on", limit=None):
        assessments.setdefault(found.owner_id, found)  # newest first: the first is the latest
    members = []
    for person in people:
        records = theirs[person.id]
        last = last_logs.get(person.id)
        if last is not None and last < quarter.start:
            # The latest log is older than the quarter, so not among the records read: it stands in,
            # dated outside both periods, for the last reflection only.
            records.append(LearningLog(title="", log_date=last, owner_id=person.id))
        assessment = assessments.get(person.id)
        members.append(MemberView(
            person, person_figures(records, month, today, person.id),
            person_figures(records, quarter, today, person.id), assessment,
            {r.competency_id: r.rating for r in assessment.ratings} if assessment else {}))
    return TeamView(today, month, quarter, members)


def shared_by(store: RecordStore, author: str, limit: int = 100) -> list[Record]:
    """A person's records this laptop holds (what they shared with me), newest first."""
    found: list[Record] = []
    for cls in (LearningLog, SessionNote, SelfAssessment, DevelopmentGoal):
        found.extend(store.records(cls, where=RecordFilter(author=author), limit=limit))
    return sorted(found, key=lambda r: r.updated_at, reverse=True)[:limit]
