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

import threading
import weakref
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from saypro_core.codec import format_datetime, parse_datetime
from saypro_core.metrics import (
    ORGANISATION_TZ,
    RECOGNITION_POINTS,
    GoalFacts,
    Period,
    competency_growth,
    goal_state_of,
    percent,
    recognition_score,
    session_day,
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


def _moment_bounds(start: date, end: date) -> tuple[str, str]:
    """UTC text bounds around South African days start..end (a day's margin each side; the exact
    day is decided in Python by session_day)."""
    low = format_datetime(datetime.combine(start - timedelta(days=1), time(), tzinfo=UTC))
    high = format_datetime(datetime.combine(end + timedelta(days=2), time(), tzinfo=UTC))
    return low, high


def _shared(record_type: str) -> list[ColumnElement[bool]]:
    return [StoredRecord.type == record_type, StoredRecord.deleted.is_(False), StoredRecord.visibility != "private"]


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
    notes: list[tuple[str, date, str, str]]  # (owner, day, title, success stories) of the window
    rolls: list[tuple[date, list[str], list[str]]]  # (day, attendee ids, guests) of the window
    goals: list[GoalFacts]
    assessments: list[tuple[str, date, list[int]]]
    ratings: list[tuple[str, int]]  # (owner, overall) of the period's survey answers
    featured: list[tuple[str, str, str]]  # (owner, title, text) featured in the period
    #: Derived once for every report: each person's months (YYYY-MM) with a shared session report,
    #: and the days they were on a roll; the period's success stories, newest first.
    note_months: dict[str, set[str]] = field(default_factory=dict)
    attended: dict[str, list[date]] = field(default_factory=dict)
    stories: list[tuple[str, date, str, str]] = field(default_factory=list)

    logs_of: dict[str, dict[str, int]] = field(default_factory=dict)  # person -> month -> logs
    goals_of: dict[str, list[GoalFacts]] = field(default_factory=dict)
    assessments_of: dict[str, list[tuple[str, date, list[int]]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        logs_of: dict[str, dict[str, int]] = defaultdict(dict)
        for (owner, month), count in self.logs.items():
            logs_of[owner][month] = count
        self.logs_of = dict(logs_of)
        goals_of: dict[str, list[GoalFacts]] = defaultdict(list)
        for goal in self.goals:
            goals_of[goal.owner_id].append(goal)
        self.goals_of = dict(goals_of)
        assessments_of: dict[str, list[tuple[str, date, list[int]]]] = defaultdict(list)
        for assessment in self.assessments:
            assessments_of[assessment[0]].append(assessment)
        self.assessments_of = dict(assessments_of)
        note_months: dict[str, set[str]] = defaultdict(set)
        for owner, day, _title, _stories in self.notes:
            note_months[owner].add(f"{day:%Y-%m}")
        self.note_months = dict(note_months)
        attended: dict[str, list[date]] = defaultdict(list)
        for day, attendees, _guests in self.rolls:
            for person in set(attendees):
                attended[person].append(day)
        self.attended = dict(attended)


def read_facts(session: Session, period: Period) -> _Facts:
    window = Period(Period.month(_months_back(period.end, TREND_MONTHS - 1)).start, period.end)
    facts = _Facts(window, _log_months(session, window), _session_notes(session, window), _rolls(session, window),
                   _goals(session), _assessments(session), _satisfaction(session, period), _featured(session, period))
    facts.stories = sorted((n for n in facts.notes if n[1] in period and n[3].strip()), key=lambda n: n[1],
                           reverse=True)
    return facts


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


def _build_reports(session: Session, period: Period, team_ids: list[str | None], today: date) -> list[Report]:
    facts = read_facts(session, period)
    everyone = _people(session, None)
    names = {team.id: team.name for team in session.scalars(select(Team))}
    team_of = {user.id: user.team_id for user, _ in everyone}
    # Sessions held and attendance, by scope: every roll once (the organisation counts everyone on
    # it, guests too; a team the members it names).
    held: dict[str | None, list[tuple[date, int]]] = defaultdict(list)
    for day, attendees, guests in facts.rolls:
        named = set(attendees)
        held[None].append((day, len(named) + len(guests)))
        by_team: dict[str, int] = defaultdict(int)
        for person in named:
            if (team := team_of.get(person)) is not None:
                by_team[team] += 1
        for team, count in by_team.items():
            held[team].append((day, count))
    return [_report(facts, period, team_id, names.get(team_id or "", ""),
                    [(u, t) for u, t in everyone if team_id is None or u.team_id == team_id], held[team_id], today)
            for team_id in team_ids]


def _report(facts: _Facts, period: Period, team_id: str | None, team_name: str, people: list[tuple[User, str]],
            held: list[tuple[date, int]], today: date) -> Report:
    report = Report(period, team_name if team_id is not None else "the organisation", team_id, today)
    ids = {user.id for user, _ in people}
    report.active_staff = len(people)
    months_in = {f"{m:%Y-%m}" for m in _month_starts(period)}
    shared_in: dict[str, set[str]] = {}  # person -> months with a shared reflection
    logs_in_period: dict[str, int] = defaultdict(int)
    logs_by_month: dict[str, int] = defaultdict(int)
    for owner in ids:
        months = facts.logs_of.get(owner, {})
        shared_in[owner] = set(months) | facts.note_months.get(owner, set())
        for month, count in months.items():
            logs_by_month[month] += count
            if month in months_in:
                logs_in_period[owner] += count
    attended_on = {person: facts.attended.get(person, []) for person in ids}
    sessions_by_month: dict[str, int] = defaultdict(int)
    attendance_by_month: dict[str, int] = defaultdict(int)
    for day, count in held:
        sessions_by_month[f"{day:%Y-%m}"] += 1
        attendance_by_month[f"{day:%Y-%m}"] += count
    attended_months = {p: {f"{d:%Y-%m}" for d in days} for p, days in attended_on.items()}

    def took_part(person: str, months: set[str]) -> bool:
        return bool(shared_in[person] & months) or bool(attended_months[person] & months)

    for month_start in _month_starts(facts.window):
        key = f"{month_start:%Y-%m}"
        report.trend.append(MonthFigures(
            month=month_start, participation_percent=percent(sum(took_part(p, {key}) for p in ids), len(ids)),
            learnings_shared=logs_by_month[key], sessions_held=sessions_by_month[key],
            attendance=attendance_by_month[key]))
    report.took_part = sum(took_part(p, months_in) for p in ids)
    report.learnings_shared = sum(logs_in_period.values())
    report.sessions_held = sum(sessions_by_month[m] for m in months_in)
    report.attendance = sum(attendance_by_month[m] for m in months_in)

    on_day = min(today, period.end)
    achieved, open_goals = _count_goals(report, [g for p in ids for g in facts.goals_of.get(p, ())], on_day)
    ratings = [overall for owner, overall in facts.ratings if team_id is None or owner in ids]
    report.satisfaction_answers = len(ratings)
    report.satisfaction = round(sum(ratings) / len(ratings), 2) if ratings else None
    growth = competency_growth([a for p in ids for a in facts.assessments_of.get(p, ())], period)
    report.assessed_twice = len(growth)
    report.competency_growth = round(sum(growth) / len(growth), 2) if growth else None
    report.people = [PersonRow(
        user_id=user.id, name=user.display_name or user.username, team=team,
        learnings_shared=logs_in_period[user.id], sessions_attended=sum(d in period for d in attended_on[user.id]),
        took_part=took_part(user.id, months_in), goals_achieved=achieved[user.id], goals_open=open_goals[user.id])
        for user, team in people]
    names = {user.id: user.display_name or user.username for user, _ in people}
    report.highlights = _highlights(facts, period, names, ids)
    return report


def _count_goals(report: Report, goals: list[GoalFacts], on_day: date) -> tuple[dict[str, int], dict[str, int]]:
    """Goals by state and reviews overdue into ``report``; each person's achieved and open goals."""
    achieved: dict[str, int] = defaultdict(int)
    open_goals: dict[str, int] = defaultdict(int)
    for facts in goals:
        state = goal_state_of(facts, on_day)
        report.goals[state] = report.goals.get(state, 0) + 1
        if state == "achieved":
            achieved[facts.owner_id] += 1
        elif state != "dropped":
            open_goals[facts.owner_id] += 1
            if facts.next_review is not None and facts.next_review < on_day:
                report.reviews_overdue += 1
    return achieved, open_goals


def _months_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _month_starts(window: Period) -> Iterable[date]:
    month = window.start
    while month <= window.end:
        yield month
        month = (month + timedelta(days=32)).replace(day=1)


def _logs(session: Session, window: Period, ids: set[str]) -> list[tuple[str, date]]:
    """(owner, day) of the learning logs shared in ``window`` by people of the scope."""
    day = _field("log_date")
    rows = session.execute(select(StoredRecord.owner_id, day).where(
        *_shared("learning_log"), day >= window.start.isoformat(), day <= window.end.isoformat()))
    return [(owner, date.fromisoformat(text)) for owner, text in rows if owner in ids and text]


def _log_months(session: Session, window: Period) -> dict[tuple[str, str], int]:
    """How many learning logs each person shared, by the month of their date, in ``window``
    (counted in SQL: a year of an organisation's logs is never read row by row)."""
    day = _field("log_date")
    month = func.substr(day, 1, 7)
    rows = session.execute(select(StoredRecord.owner_id, month, func.count()).where(
        *_shared("learning_log"), day >= window.start.isoformat(), day <= window.end.isoformat())
        .group_by(StoredRecord.owner_id, month))
    return {(owner, str(m)): int(count) for owner, m, count in rows}


def _session_notes(session: Session, window: Period, ids: set[str] | None = None) -> list[tuple[str, date, str, str]]:
    """(owner, day, title, success stories) of the session notes shared in ``window`` (by ``ids``)."""
    starts = _field("starts_at")
    low, high = _moment_bounds(window.start, window.end)
    found = []
    for owner, text, title, stories in session.execute(select(
            StoredRecord.owner_id, starts, _field("title"), _field("success_stories")).where(
            *_shared("session_note"), starts >= low, starts < high)):
        if (ids is None or owner in ids) and text:
            day = session_day(parse_datetime(text))
            if day in window:
                found.append((owner, day, title or "", stories or ""))
    return found


def _rolls(session: Session, window: Period) -> list[tuple[date, list[str], list[str]]]:
    """(day, attendee ids, guests) of the closed rolls of session dates in ``window``."""
    occurrence = _field("occurrence")
    low, high = _moment_bounds(window.start, window.end)
    found = []
    for text, attendees, guests, closed in session.execute(select(
            occurrence, StoredRecord.fields["attendee_ids"], StoredRecord.fields["guests"],
            StoredRecord.fields["closed"]).where(
            *_shared("attendance"), occurrence >= low, occurrence < high)):
        if not text or closed not in (True,):  # JSON true (SQLite may hand back 1)
            continue
        day = session_day(parse_datetime(text))
        if day in window:
            found.append((day, [str(a) for a in attendees or []], [str(g) for g in guests or []]))
    return found


def _goals(session: Session) -> list[GoalFacts]:
    rows = session.execute(select(StoredRecord.owner_id, _field("status"), _field("target_date"),
                                  _field("next_review")).where(*_shared("development_goal")))
    return [GoalFacts(owner, status or "not_started", date.fromisoformat(target),
                      date.fromisoformat(review) if review else None)
            for owner, status, target, review in rows if target]


def _satisfaction(session: Session, period: Period) -> list[tuple[str, int]]:
    """(owner, overall rating 1-5) of the survey answers of session dates in ``period`` (a team
    counts its members' answers, anonymous ones included: the server knows whose they are)."""
    occurrence = _field("occurrence")
    low, high = _moment_bounds(period.start, period.end)
    ratings = []
    for owner, text, kind, overall in session.execute(select(
            StoredRecord.owner_id, occurrence, _field("kind"), StoredRecord.fields["overall"]).where(
            StoredRecord.type == "survey_response", StoredRecord.deleted.is_(False), occurrence >= low,
            occurrence < high)):
        if kind not in (None, "survey") or not isinstance(overall, int) or not 1 <= overall <= 5:
            continue
        if text and session_day(parse_datetime(text)) in period:
            ratings.append((owner, overall))
    return ratings


def _assessments(session: Session) -> list[tuple[str, date, list[int]]]:
    """(owner, day, ratings) of the self-assessments people shared."""
    found = []
    for owner, day, ratings in session.execute(select(
            StoredRecord.owner_id, _field("assessed_on"), StoredRecord.fields["ratings"]).where(
            *_shared("self_assessment"))):
        if day and isinstance(ratings, list):
            values = [r.get("rating") for r in ratings if isinstance(r, dict)]
            found.append((owner, date.fromisoformat(day), [v for v in values if isinstance(v, int) and v > 0]))
    return found


def _featured(session: Session, period: Period) -> list[tuple[str, str, str]]:
    """(owner, title, text) of the shared records featured for the newsletter during ``period``."""
    start = datetime.combine(period.start, time(), tzinfo=ORGANISATION_TZ)
    end = datetime.combine(period.end + timedelta(days=1), time(), tzinfo=ORGANISATION_TZ)
    featured_ids = [i for i in session.scalars(select(StoredRecord.parent_id).where(
        *_shared("feedback"), _field("review_state") == "featured", StoredRecord.updated_at >= start,
        StoredRecord.updated_at < end)) if i]
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
    for owner, _day in _logs(session, period, ids):
        counts[owner]["reflections_shared"] += 1
    for owner, _day, _title, _stories in _session_notes(session, period, ids):
        counts[owner]["reflections_shared"] += 1
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
            StoredRecord.type == "feedback", StoredRecord.deleted.is_(False), StoredRecord.created_at >= start,
            StoredRecord.created_at < end)):
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
