"""The L&D office's monthly and quarterly report, for the organisation or one team: participation,
learnings shared, sessions and attendance, goals, reviews, satisfaction, competency growth, a
twelve-month trend, and highlights (success stories and what was featured for the newsletter).

The figures are those of saypro_core.metrics (defined there once, in words, and in the README). The
records are read as a few JSON fields each, filtered by the dates of the activity in SQL: the
report never decodes whole records, so it stays fast with a year of an organisation's records.
Private records are never read. The dashboard, the CSV and PDF downloads and ``saypro-server
report`` all show what :func:`build_report` returns.
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, false, func, select, true
from sqlalchemy.orm import Session

from saypro_core.metrics import (
    OPEN_STATES,
    ORGANISATION_TZ,
    RECOGNITION_POINTS,
    GoalFacts,
    Period,
    competency_growth,
    goal_state_of,
    percent,
    recognition_score,
)
from saypro_server.tables import FeedCounter, StoredRecord, Team, User

TREND_MONTHS = 12
HIGHLIGHTS = 8


@dataclass(frozen=True)
class MonthFigures:
    month: date  # its first day
    participation_percent: float
    learnings_shared: int
    sessions_held: int
    attendance: int


@dataclass(frozen=True)
class PersonRow:
    user_id: str
    name: str
    team: str
    learnings_shared: int
    sessions_attended: int
    took_part: bool
    goals_achieved: int
    goals_open: int


@dataclass(frozen=True)
class Highlight:
    kind: str  # "success_story" or "featured"
    title: str
    text: str
    author: str
    day: date | None


@dataclass
class Report:
    period: Period
    scope: str  # "the organisation" or the team's name
    team_id: str | None
    today: date
    active_staff: int = 0
    took_part: int = 0
    learnings_shared: int = 0
    sessions_held: int = 0
    attendance: int = 0
    goals: dict[str, int] = field(default_factory=dict)  # state -> goals
    reviews_overdue: int = 0
    satisfaction: float | None = None  # mean overall rating, 1-5
    satisfaction_answers: int = 0
    competency_growth: float | None = None  # mean change in average rating between assessments
    assessed_twice: int = 0
    trend: list[MonthFigures] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)

    @property
    def participation_percent(self) -> float:
        return percent(self.took_part, self.active_staff)

    @property
    def goals_total(self) -> int:
        return sum(self.goals.values())


def _shared(record_type: str) -> list[ColumnElement[bool]]:
    return [StoredRecord.type == record_type, StoredRecord.deleted == false(), StoredRecord.visibility != "private"]


def _field(name: str) -> Any:
    return StoredRecord.fields[name].as_string()


def _people(session: Session, team_id: str | None) -> list[tuple[User, str]]:
    """Active staff of the scope: accounts not disabled that belong to a team (the team's members)."""
    query = (select(User, Team.name).join(Team, Team.id == User.team_id)
             .where(User.disabled.is_(False)).order_by(User.display_name, User.username))
    if team_id is not None:
        query = query.where(User.team_id == team_id)
    return [(user, team) for user, team in session.execute(query)]


@dataclass
class _Facts:
    """What every report of a period reads, read once for the whole organisation (the overview
    shows the organisation and each team from one reading)."""

    window: Period  # the trend's twelve months, ending with the period
    logs: dict[tuple[str, str], int]  # (owner, "YYYY-MM") -> shared learning logs dated that month
    note_months: dict[str, set[str]]  # owner -> months ("YYYY-MM") with a shared session report
    stories: list[tuple[str, date, str, str]]  # (owner, day, title, success stories) of the period, newest first
    rolls: list[tuple[date, list[str], int]]  # (day, attendee ids, how many guests) of the window
    goals: list[tuple[GoalFacts, int]]  # grouped: see _goals
    assessments: list[tuple[str, date, list[int]]]  # each person's last two up to the period's end
    ratings: list[tuple[str, int]]  # (owner, overall) of the period's survey answers
    featured: list[tuple[str, str, str]]  # (owner, title, text) featured in the period
    #: Derived once for every report: the days each person was on a roll.
    attended: dict[str, list[date]] = field(default_factory=dict)

    logs_of: dict[str, dict[str, int]] = field(default_factory=dict)  # person -> month -> logs
    goals_of: dict[str, list[tuple[GoalFacts, int]]] = field(default_factory=dict)
    assessments_of: dict[str, list[tuple[str, date, list[int]]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        logs_of: dict[str, dict[str, int]] = defaultdict(dict)
        for (owner, month), count in self.logs.items():
            logs_of[owner][month] = count
        self.logs_of = dict(logs_of)
        goals_of: dict[str, list[tuple[GoalFacts, int]]] = defaultdict(list)
        for goal, count in self.goals:
            goals_of[goal.owner_id].append((goal, count))
        self.goals_of = dict(goals_of)
        assessments_of: dict[str, list[tuple[str, date, list[int]]]] = defaultdict(list)
        for assessment in self.assessments:
            assessments_of[assessment[0]].append(assessment)
        self.assessments_of = dict(assessments_of)
        attended: dict[str, list[date]] = defaultdict(list)
        for day, attendees, _guests in self.rolls:
            for person in set(attendees):
                attended[person].append(day)
        self.attended = dict(attended)


def read_facts(session: Session, period: Period, on_day: date) -> _Facts:
    """What the reports of ``period`` count, read once; goals in the state they have on ``on_day``.

    On PostgreSQL the biggest reading (a year of logs and session reports counted by person and
    month) runs on a connection of its own while this one reads the rest: the database works on
    both at once, and the page waits for the longer of the two instead of their sum."""
    window = Period(Period.month(_months_back(period.end, TREND_MONTHS - 1)).start, period.end)
    with ThreadPoolExecutor(max_workers=1) if _postgresql(session) else nullcontext() as pool:
        if pool is not None:
            engine = session.get_bind()
            reflections = pool.submit(_in_a_session_of_its_own, engine, _reflections_by_month, window)
        rest = (_stories(session, period), _rolls(session, window), _goals(session, on_day),
                _assessments(session, period), _satisfaction(session, period), _featured(session, period))
        logs, note_months = reflections.result() if pool is not None else _reflections_by_month(session, window)
    return _Facts(window, logs, note_months, *rest)


def _in_a_session_of_its_own(engine: Any, reading: Any, *args: Any) -> Any:
    with Session(engine) as session:
        return reading(session, *args)


def build_report(session: Session, period: Period, team_id: str | None = None, *,
                 today: date | None = None) -> Report:
    """The report of ``period`` for the organisation (``team_id`` None) or one team."""
    return build_reports(session, period, [team_id], today=today)[0]


def _data_version(session: Session) -> tuple[str, int, int, int, int]:
    """What a report depends on: the feed's epoch (a restored database has a new one) and last
    position (any record written, changed or deleted), the directory's version (names, roles,
    teams, supervisors), and the count of accounts and of disabled ones."""
    epoch, position, directory_version = session.execute(select(
        FeedCounter.epoch, FeedCounter.position, FeedCounter.directory_version).where(FeedCounter.id == 1)).one()
    users, disabled = session.execute(select(func.count(), func.count().filter(User.disabled.is_(True)))).one()
    return str(epoch), int(position), int(directory_version), int(users), int(disabled)


#: Reports kept per database (engine): a process serving two databases never mixes them up.
_caches: weakref.WeakKeyDictionary[Any, OrderedDict[tuple[Any, ...], list[Report]]] = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()
CACHED_REPORTS = 16


def build_reports(session: Session, period: Period, team_ids: list[str | None], *,
                  today: date | None = None) -> list[Report]:
    """The reports of ``period`` for each of ``team_ids`` (None: the organisation), from one reading.

    Kept while nothing they depend on changes (:func:`_data_version` and the day): the L&D office
    opening the overview again, or the report after it, does not read a year of records again."""
    today = today or datetime.now(ORGANISATION_TZ).date()
    key = (period, tuple(team_ids), today, _data_version(session))
    engine = session.get_bind()
    with _cache_lock:
        cache = _caches.setdefault(engine, OrderedDict())
        if key in cache:
            cache.move_to_end(key)
            return list(cache[key])  # the caller's own list (the reports themselves are shared: read only)
    reports = _build_reports(session, period, team_ids, today)
    with _cache_lock:
        cache[key] = reports
        while len(cache) > CACHED_REPORTS:
            cache.popitem(last=False)
    return list(reports)


@dataclass
class _Person:
    """One person's share of a period's figures, worked out once for every report that counts them."""

    logs_by_month: dict[str, int]
    active_months: set[str]  # months ("YYYY-MM") with a shared reflection or a session attended
    logs_in_period: int
    attended_in_period: int
    took_part: bool
    goal_states: dict[str, int]
    reviews_overdue: int
    achieved: int
    open_goals: int


def _person(facts: _Facts, person: str, period: Period, months_in: set[str], on_day: date) -> _Person:
    logs = facts.logs_of.get(person, {})
    attended = facts.attended.get(person, [])
    active = set(logs) | facts.note_months.get(person, set()) | {month_key(day) for day in attended}
    states: dict[str, int] = defaultdict(int)
    reviews_overdue = 0
    for goal, count in facts.goals_of.get(person, ()):
        state = goal_state_of(goal, on_day)
        states[state] += count
        if state not in ("achieved", "dropped") and goal.next_review is not None and goal.next_review < on_day:
            reviews_overdue += count
    return _Person(
        logs_by_month=logs, active_months=active, logs_in_period=sum(logs.get(m, 0) for m in months_in),
        attended_in_period=sum(day in period for day in attended), took_part=bool(active & months_in),
        goal_states=dict(states), reviews_overdue=reviews_overdue, achieved=states["achieved"],
        open_goals=sum(states[s] for s in OPEN_STATES))


def _build_reports(session: Session, period: Period, team_ids: list[str | None], today: date) -> list[Report]:
    on_day = min(today, period.end)
    facts = read_facts(session, period, on_day)
    everyone = _people(session, None)
    names = {team.id: team.name for team in session.scalars(select(Team))}
    team_of = {user.id: user.team_id for user, _ in everyone}
    months_in = {f"{m:%Y-%m}" for m in _month_starts(period)}
    persons = {user.id: _person(facts, user.id, period, months_in, on_day) for user, _ in everyone}
    # Sessions held and attendance, by scope: every roll once (the organisation counts everyone on
    # it, guests too; a team the members it names).
    held: dict[str | None, list[tuple[date, int]]] = defaultdict(list)
    for day, attendees, guests in facts.rolls:
        named = set(attendees)
        held[None].append((day, len(named) + guests))
        by_team: dict[str, int] = defaultdict(int)
        for person in named:
            if (team := team_of.get(person)) is not None:
                by_team[team] += 1
        for team, count in by_team.items():
            held[team].append((day, count))
    return [_report(facts, period, team_id, names.get(team_id or "", ""),
                    [(u, t) for u, t in everyone if team_id is None or u.team_id == team_id], persons,
                    held[team_id], today)
            for team_id in team_ids]


def _report(facts: _Facts, period: Period, team_id: str | None, team_name: str, people: list[tuple[User, str]],
            persons: dict[str, _Person], held: list[tuple[date, int]], today: date) -> Report:
    report = Report(period, team_name if team_id is not None else "the organisation", team_id, today)
    ids = {user.id for user, _ in people}
    members = [persons[user.id] for user, _ in people]
    report.active_staff = len(people)
    months_in = {f"{m:%Y-%m}" for m in _month_starts(period)}
    logs_by_month: dict[str, int] = defaultdict(int)
    took_part_by_month: dict[str, int] = defaultdict(int)
    for member in members:
        for month, count in member.logs_by_month.items():
            logs_by_month[month] += count
        for month in member.active_months:
            took_part_by_month[month] += 1
        for state, count in member.goal_states.items():
            report.goals[state] = report.goals.get(state, 0) + count
        report.reviews_overdue += member.reviews_overdue
    sessions_by_month: dict[str, int] = defaultdict(int)
    attendance_by_month: dict[str, int] = defaultdict(int)
    for day, count in held:
        sessions_by_month[month_key(day)] += 1
        attendance_by_month[month_key(day)] += count
    for month_start in _month_starts(facts.window):
        key = f"{month_start:%Y-%m}"
        report.trend.append(MonthFigures(
            month=month_start, participation_percent=percent(took_part_by_month[key], len(ids)),
            learnings_shared=logs_by_month[key], sessions_held=sessions_by_month[key],
            attendance=attendance_by_month[key]))
    report.took_part = sum(member.took_part for member in members)
    report.learnings_shared = sum(member.logs_in_period for member in members)
    report.sessions_held = sum(sessions_by_month[m] for m in months_in)
    report.attendance = sum(attendance_by_month[m] for m in months_in)

    ratings = [overall for owner, overall in facts.ratings if team_id is None or owner in ids]
    report.satisfaction_answers = len(ratings)
    report.satisfaction = round(sum(ratings) / len(ratings), 2) if ratings else None
    growth = competency_growth([a for p in ids for a in facts.assessments_of.get(p, ())], period)
    report.assessed_twice = len(growth)
    report.competency_growth = round(sum(growth) / len(growth), 2) if growth else None
    report.people = [PersonRow(
        user_id=user.id, name=user.display_name or user.username, team=team,
        learnings_shared=persons[user.id].logs_in_period, sessions_attended=persons[user.id].attended_in_period,
        took_part=persons[user.id].took_part, goals_achieved=persons[user.id].achieved,
        goals_open=persons[user.id].open_goals) for user, team in people]
    names = {user.id: user.display_name or user.username for user, _ in people}
    report.highlights = _highlights(facts, period, names, ids)
    return report


def _months_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _month_starts(window: Period) -> Iterable[date]:
    month = window.start
    while month <= window.end:
        yield month
        month = (month + timedelta(days=32)).replace(day=1)


def _on(record_type: str | None, span: Period, *, shared: bool = True) -> list[ColumnElement[bool]]:
    """Live records of a type (None: the caller says which) whose activity falls in ``span``
    (through records.activity_on and its index); ``shared``: never a private one."""
    conditions = [StoredRecord.type == record_type] if record_type is not None else []
    conditions += [StoredRecord.deleted == false(),
                  StoredRecord.activity_on >= span.start, StoredRecord.activity_on <= span.end]
    return conditions + ([StoredRecord.visibility != "private"] if shared else [])


def _postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


@functools.lru_cache(maxsize=512)
def month_key(day: date) -> str:
    """"2026-11" for any day of November 2026 (the reports' months; kept, as a year of rolls and
    logs asks for the same few hundred days again and again)."""
    return f"{day:%Y-%m}"


def _reflections_by_month(session: Session, window: Period) -> tuple[dict[tuple[str, str], int], dict[str, set[str]]]:
    """Each person's shared learning logs by the month of their date in ``window``, and the months
    in which they shared a session report: counted in SQL from the index, in one statement (a year
    of an organisation's logs is never read)."""
    if _postgresql(session):
        month: Any = func.date_trunc("month", StoredRecord.activity_on)  # the cheapest grouping there
    else:
        month = func.strftime("%Y-%m", StoredRecord.activity_on)
    is_log = StoredRecord.type == "learning_log"
    rows = session.execute(select(StoredRecord.owner_id, month, func.count().filter(is_log),
                                  func.count().filter(~is_log)).where(
        StoredRecord.type.in_(("learning_log", "session_note")), *_on(None, window)).group_by(
        StoredRecord.owner_id, month))
    logs: dict[tuple[str, str], int] = {}
    note_months: dict[str, set[str]] = defaultdict(set)
    for owner, value, log_count, note_count in rows:
        key = value if isinstance(value, str) else month_key(value)
        if log_count:
            logs[owner, key] = int(log_count)
        if note_count:
            note_months[owner].add(key)
    return logs, dict(note_months)


def _counts(session: Session, record_type: str, period: Period) -> dict[str, int]:
    """How many records of a type each person shared with its activity in ``period``."""
    rows = session.execute(select(StoredRecord.owner_id, func.count()).where(*_on(record_type, period))
                           .group_by(StoredRecord.owner_id))
    return {owner: int(count) for owner, count in rows}


def _stories(session: Session, period: Period) -> list[tuple[str, date, str, str]]:
    """(owner, day, title, success stories) of the period's shared session reports that tell one,
    newest first."""
    found = [(owner, day, title or "", stories) for owner, day, title, stories in session.execute(select(
        StoredRecord.owner_id, StoredRecord.activity_on, _field("title"), _field("success_stories")).where(
        *_on("session_note", period))) if stories and stories.strip()]
    return sorted(found, key=lambda story: story[1], reverse=True)


def _rolls(session: Session, window: Period) -> list[tuple[date, list[str], int]]:
    """(day, attendee ids, how many guests) of the closed rolls of session dates in ``window``."""
    guests = StoredRecord.fields["guests"]
    if _postgresql(session):  # jsonb_array_length refuses anything but an array
        guest_count: Any = case((func.jsonb_typeof(guests) == "array", func.jsonb_array_length(guests)), else_=0)
    else:  # SQLite's is 0 for anything but an array
        guest_count = func.json_array_length(guests)
    found = []
    for day, attendees, count in session.execute(select(
            StoredRecord.activity_on, StoredRecord.fields["attendee_ids"], guest_count).where(
            *_on("attendance", window), StoredRecord.fields["closed"].as_boolean() == true())):
        if isinstance(attendees, list):
            found.append((day, [str(a) for a in attendees], int(count or 0)))
    return found


def _goals(session: Session, on_day: date) -> list[tuple[GoalFacts, int]]:
    """The shared goals, as (facts, how many goals have them) grouped in SQL by what a goal's state
    and an overdue review depend on (saypro_core.metrics.goal_state_of): the owner, the status,
    whether the target date and the next review date are before ``on_day``. Each group stands for
    its goals with dates that say just that (the day before ``on_day``, or ``on_day``)."""
    passed = StoredRecord.activity_on < on_day
    review = _field("next_review")
    review_passed = case((review.is_(None), None), (review == "", None), else_=review < on_day.isoformat())
    status = _field("status")
    rows = session.execute(select(StoredRecord.owner_id, status, passed, review_passed, func.count()).where(
        *_shared("development_goal"), StoredRecord.activity_on.is_not(None)).group_by(
        StoredRecord.owner_id, status, passed, review_passed))
    before = on_day - timedelta(days=1)
    return [(GoalFacts(owner, goal_status or "not_started", before if target_passed else on_day,
                       None if review_is_past is None else before if review_is_past else on_day), int(count))
            for owner, goal_status, target_passed, review_is_past, count in rows]


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _satisfaction(session: Session, period: Period) -> list[tuple[str, int]]:
    """(owner, overall rating 1-5) of the survey answers of session dates in ``period`` (a team
    counts its members' answers, anonymous ones included: the server knows whose they are)."""
    return [(owner, overall) for owner, kind, overall in session.execute(select(
        StoredRecord.owner_id, _field("kind"), StoredRecord.fields["overall"]).where(
        *_on("survey_response", period, shared=False)))
        if kind in (None, "survey") and isinstance(overall, int) and 1 <= overall <= 5]


def _assessments(session: Session, period: Period) -> list[tuple[str, date, list[int]]]:
    """(owner, day, ratings) of the last two self-assessments up to the period's end of each person
    who shared one in the period: what competency growth compares (the ratings of no other
    assessment are read)."""
    assessed = select(StoredRecord.owner_id).where(*_on("self_assessment", period))
    latest = select(StoredRecord.id, func.row_number().over(
        partition_by=StoredRecord.owner_id,
        order_by=(StoredRecord.activity_on.desc(), StoredRecord.id.desc())).label("n")).where(
        *_shared("self_assessment"), StoredRecord.activity_on <= period.end,
        StoredRecord.owner_id.in_(assessed)).subquery()
    found = []
    for owner, day, ratings in session.execute(select(
            StoredRecord.owner_id, StoredRecord.activity_on, StoredRecord.fields["ratings"]).join(
            latest, latest.c.id == StoredRecord.id).where(latest.c.n <= 2)):
        if isinstance(ratings, list):
            values = [r.get("rating") for r in ratings if isinstance(r, dict)]
            found.append((owner, day, [v for v in values if isinstance(v, int) and v > 0]))
    return found


def _featured(session: Session, period: Period) -> list[tuple[str, str, str]]:
    """(owner, title, text) of the shared records featured for the newsletter during ``period``."""
    featured_ids = [i for i in session.scalars(select(StoredRecord.parent_id).where(
        *_on("feedback", period), _field("review_state") == "featured")) if i]
    found = []
    for record in session.scalars(select(StoredRecord).where(
            StoredRecord.id.in_(featured_ids), StoredRecord.deleted.is_(False), StoredRecord.visibility != "private")):
        text = str(record.fields.get("summary") or record.fields.get("what_learned") or record.fields.get("insights")
                   or "")
        found.append((record.owner_id, str(record.fields.get("title") or ""), text.strip()[:400]))
    return found


def _highlights(facts: _Facts, period: Period, names: dict[str, str], ids: set[str]) -> list[Highlight]:
    """Success stories of the period's session reports, then what was featured for the newsletter."""
    found = [Highlight("success_story", title, stories.strip()[:400], names.get(owner, ""), day)
             for owner, day, title, stories in facts.stories if owner in ids][:HIGHLIGHTS]
    found += [Highlight("featured", title, text, names.get(owner, ""), None)
              for owner, title, text in facts.featured if owner in ids]
    return found


@dataclass(frozen=True)
class Candidate:
    """A proposed "continuous learner": their counts under the stated rules and the score."""

    user_id: str
    name: str
    team: str
    counts: dict[str, int]
    score: int


def candidates(session: Session, period: Period, *, limit: int = 5) -> list[Candidate]:
    """The active staff with the most points in ``period`` (saypro_core.metrics.RECOGNITION_POINTS)."""
    people = _people(session, None)
    ids = {user.id for user, _ in people}
    counts: dict[str, dict[str, int]] = {user.id: defaultdict(int) for user, _ in people}
    for record_type in ("learning_log", "session_note"):
        for owner, shared in _counts(session, record_type, period).items():
            if owner in ids:
                counts[owner]["reflections_shared"] += shared
    for _day, attendees, _guests in _rolls(session, period):
        for person in set(attendees) & ids:
            counts[person]["sessions_attended"] += 1
    start = datetime.combine(period.start, time(), tzinfo=ORGANISATION_TZ)
    end = datetime.combine(period.end + timedelta(days=1), time(), tzinfo=ORGANISATION_TZ)
    for (owner,) in session.execute(select(StoredRecord.owner_id).where(
            *_shared("development_goal"), _field("status") == "achieved", StoredRecord.updated_at >= start,
            StoredRecord.updated_at < end)):
        if owner in ids:
            counts[owner]["goals_achieved"] += 1
    for owner, subject in session.execute(select(StoredRecord.owner_id, StoredRecord.subject_id).where(
            StoredRecord.type == "feedback", StoredRecord.deleted.is_(False), StoredRecord.activity_on >= period.start,
            StoredRecord.created_at >= start, StoredRecord.created_at < end)):
        if owner in ids and subject != owner:
            counts[owner]["feedback_given"] += 1
    ranked = [Candidate(user.id, user.display_name or user.username, team, dict(counts[user.id]),
                        recognition_score(counts[user.id])) for user, team in people]
    ranked = [c for c in ranked if c.score > 0]
    ranked.sort(key=lambda c: (-c.score, -c.counts.get("reflections_shared", 0), c.name.lower()))
    return ranked[:limit]


def recognition_reasons(candidate: Candidate) -> str:
    """The counts in words, as the person and their colleagues read them in the app."""
    words = {"reflections_shared": ("reflection shared", "reflections shared"),
             "sessions_attended": ("session attended", "sessions attended"),
             "goals_achieved": ("goal achieved", "goals achieved"),
             "feedback_given": ("piece of feedback to colleagues", "pieces of feedback to colleagues")}
    parts = [f"{n} {words[name][0] if n == 1 else words[name][1]}"
             for name, _points in RECOGNITION_POINTS if (n := candidate.counts.get(name, 0))]
    return ", ".join(parts) + "."
