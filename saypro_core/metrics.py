"""The learning metrics, defined once: the server's team report and the supervisor's Team page in
the app both count with these functions, so they agree for the same records and period.

Every figure is counted by the date of the activity (a log's date, a session's start in South
African time), never by when a record reached the server. Each reader counts the records they may
read: a supervisor's laptop holds exactly what the team shares with its supervisor, which is what
the server's report counts.

- **logs written**: learning logs dated in the period; **logs shared**: of those, the ones shared
  beyond their author (any visibility but "only me").
- **sessions**: session notes whose session started in the period.
- **sessions attended**: rolls (attendance records) that name the person, of a session date in the
  period, whoever took them.
- **took part**: at least one session attended or one shared reflection (log or session note) in
  the period; private records do not count (nobody else can see them).
- **goals**: each development goal counted once, in the one state it has on the day of counting:
  achieved, dropped, overdue (still open after its target date, whatever its status says), at risk,
  on track, not started. **Open** goals are those overdue, at risk, on track or not started; **on
  track %** is on track / open.
- **reviews due**: open goals whose next review date has passed.
- **last reflection**: the date of the latest learning log up to the day of counting.

For a team or the organisation (saypro_server.reporting, the L&D office's report):

- **active staff**: accounts not disabled that belong to a team (a team's: its members).
- **participation %**: active staff who took part in the period / active staff.
- **learnings shared**: learning logs dated in the period and shared beyond their author.
- **sessions held**: session dates in the period whose roll was closed (a team's: those whose roll
  names a member); **attendance**: the people on those rolls, guests included (a team's: its
  members).
- **goals by state**, **reviews overdue**: as above, on the period's last day (or today, if
  earlier), each shared goal once.
- **average satisfaction**: the mean "overall" rating (1-5) of the survey answers for session dates
  in the period (a team's: its members' answers, anonymous ones included).
- **competency growth**: over the people whose latest self-assessment falls in the period and who
  have an earlier one, the mean change of their average rating between the two.
- **continuous learner** candidates: active staff ranked by RECOGNITION_POINTS (3 per reflection
  shared, 2 per session attended, 4 per goal achieved in the period, 1 per piece of feedback given
  to a colleague); ties by reflections, then by name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from saypro_core.records import (
    Attendance,
    DevelopmentGoal,
    GoalStatus,
    LearningLog,
    Record,
    SessionNote,
    Visibility,
)

#: Where SayPro works: a session's day is its day in South Africa (no daylight saving).
ORGANISATION_TZ = timezone(timedelta(hours=2), "SAST")
OPEN_STATES = ("overdue", "at_risk", "on_track", "not_started")


@dataclass(frozen=True)
class Period:
    """A calendar span, both ends included."""

    start: date
    end: date

    @classmethod
    def month(cls, day: date) -> Period:
        start = day.replace(day=1)
        return cls(start, (start + timedelta(days=32)).replace(day=1) - timedelta(days=1))

    @classmethod
    def quarter(cls, day: date) -> Period:
        first_month = (day.month - 1) // 3 * 3 + 1
        return cls(date(day.year, first_month, 1), cls.month(date(day.year, first_month + 2, 1)).end)

    @classmethod
    def parse_month(cls, text: str) -> Period:
        """"2026-11" → November 2026 (ValueError if it is not a month)."""
        year, month = text.split("-")
        return cls.month(date(int(year), int(month), 1))

    @classmethod
    def parse_quarter(cls, text: str) -> Period:
        """"2026-Q4" → October to December 2026 (ValueError if it is not a quarter)."""
        year, quarter = text.upper().split("-Q")
        if not 1 <= int(quarter) <= 4:
            raise ValueError(f"no quarter {quarter}")
        return cls.quarter(date(int(year), int(quarter) * 3, 1))

    def title(self) -> str:
        """"November 2026", or "October to December 2026" (English: the server's reports)."""
        if (self.start.year, self.start.month) == (self.end.year, self.end.month):
            return self.start.strftime("%B %Y")
        return f"{self.start:%B} to {self.end:%B %Y}"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def session_day(moment: datetime) -> date:
    return moment.astimezone(ORGANISATION_TZ).date()


#: Per record type, the field holding the day of its activity ("day": a date; "moment": a date and
#: time, whose day in South Africa counts).
ACTIVITY_FIELDS = {
    "learning_log": ("log_date", "day"),
    "self_assessment": ("assessed_on", "day"),
    "development_goal": ("target_date", "day"),
    "session_note": ("starts_at", "moment"),
    "planned_session": ("starts_at", "moment"),
    "attendance": ("occurrence", "moment"),
    "survey_response": ("occurrence", "moment"),
}


def activity_day(record_type: str, fields: dict[str, object], written_at: datetime) -> date | None:
    """The day a stored record's activity happened, by which every figure counts it: a log's date,
    a self-assessment's, a goal's target date, the South African day a session (its note, its roll,
    its survey answers) started; for feedback, the day it was written (``written_at``). None for
    other records and for a field that is missing or not a date (such a record counts nowhere).
    The server keeps it beside each record (records.activity_on) so the reports filter by it."""
    if record_type == "feedback":
        return session_day(written_at)
    name, kind = ACTIVITY_FIELDS.get(record_type, ("", ""))
    value = fields.get(name) if name else None
    if not isinstance(value, str):
        return None
    try:
        if kind == "day":
            return date.fromisoformat(value)
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return session_day(moment) if moment.tzinfo is not None else None


@dataclass(frozen=True)
class GoalFacts:
    """What a goal's state depends on (read without decoding the whole goal, on the server)."""

    owner_id: str
    status: str
    target_date: date
    next_review: date | None = None


def goal_state_of(goal: GoalFacts, today: date) -> str:
    """The one state a goal is counted in on ``today`` (see the module's definitions). It depends
    on the status and on whether the target date has passed, nothing more: the server's report
    groups goals in SQL by just these (tests/unit/core/test_activity_day.py holds it to that)."""
    if goal.status == GoalStatus.ACHIEVED.value:
        return "achieved"
    if goal.status == GoalStatus.DROPPED.value:
        return "dropped"
    if goal.target_date < today:
        return "overdue"
    return goal.status


def goal_state(goal: DevelopmentGoal, today: date) -> str:
    return goal_state_of(GoalFacts(goal.owner_id, goal.status.value, goal.target_date, goal.next_review), today)


def competency_growth(assessments: Iterable[tuple[str, date, list[int]]], period: Period) -> list[float]:
    """For each person whose latest self-assessment up to the period's end falls in the period and
    who has an earlier one: the change of their average rating (1-5) from the earlier one to it."""
    by_person: dict[str, list[tuple[date, list[int]]]] = {}
    for owner, day, ratings in assessments:
        if day <= period.end and ratings:
            by_person.setdefault(owner, []).append((day, ratings))
    changes = []
    for dated in by_person.values():
        dated.sort(key=lambda pair: pair[0])
        if len(dated) >= 2 and dated[-1][0] in period:
            (_, before), (_, after) = dated[-2], dated[-1]
            changes.append(sum(after) / len(after) - sum(before) / len(before))
    return changes


@dataclass(frozen=True)
class PersonFigures:
    logs_written: int = 0
    logs_shared: int = 0
    sessions: int = 0
    goals_on_track: int = 0
    goals_at_risk: int = 0
    goals_overdue: int = 0
    goals_not_started: int = 0
    goals_achieved: int = 0
    reviews_due: int = 0
    last_reflection: date | None = None
    #: Logs and session notes of the period shared beyond their author.
    shared_reflections: int = 0
    sessions_attended: int = 0

    @property
    def took_part(self) -> bool:
        return self.shared_reflections > 0 or self.sessions_attended > 0

    @property
    def open_goals(self) -> int:
        return self.goals_on_track + self.goals_at_risk + self.goals_overdue + self.goals_not_started


def person_figures(records: Iterable[Record], period: Period, today: date, person_id: str = "") -> PersonFigures:
    """One person's figures from their records and the rolls that name them (``person_id``);
    deleted ones are skipped."""
    logs = shared = sessions = shared_sessions = reviews = attended = 0
    states: dict[str, int] = {}
    last: date | None = None
    for record in records:
        if record.deleted:
            continue
        is_shared = record.visibility != Visibility.PRIVATE
        if isinstance(record, Attendance):
            attended += person_id in record.attendee_ids and session_day(record.occurrence) in period
        elif isinstance(record, LearningLog):
            if record.log_date <= today and (last is None or record.log_date > last):
                last = record.log_date
            if record.log_date in period:
                logs += 1
                shared += is_shared
        elif isinstance(record, SessionNote):
            if session_day(record.starts_at) in period:
                sessions += 1
                shared_sessions += is_shared
        elif isinstance(record, DevelopmentGoal):
            state = goal_state(record, today)
            states[state] = states.get(state, 0) + 1
            if state in OPEN_STATES and record.next_review is not None and record.next_review < today:
                reviews += 1
    return PersonFigures(
        logs_written=logs, logs_shared=shared, sessions=sessions,
        goals_on_track=states.get("on_track", 0), goals_at_risk=states.get("at_risk", 0),
        goals_overdue=states.get("overdue", 0), goals_not_started=states.get("not_started", 0),
        goals_achieved=states.get("achieved", 0), reviews_due=reviews, last_reflection=last,
        shared_reflections=shared + shared_sessions, sessions_attended=attended)


#: "Continuous learner of the month (or quarter)": points for each activity of the period. The
#: dashboard shows them beside each candidate, and the L&D office confirms one.
RECOGNITION_POINTS: tuple[tuple[str, int], ...] = (
    ("reflections_shared", 3),  # learning logs and session reports shared, dated in the period
    ("sessions_attended", 2),  # on a closed roll of a session date in the period
    ("goals_achieved", 4),  # development goals marked achieved during the period
    ("feedback_given", 1),  # comments and reviews on colleagues' records, written in the period
)


def recognition_score(counts: dict[str, int]) -> int:
    return sum(points * counts.get(name, 0) for name, points in RECOGNITION_POINTS)


def percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0
