"""The records field staff write, as plain dataclasses.

Every record that syncs carries the same bookkeeping (:class:`Record`): an id made on the device
(UUIDv7, so ids sort by creation time), its owner, timestamps, a revision that grows with each
local change, a tombstone flag (deletes sync too), who may see it, and where it stands with the
server. The subclasses add what the organisation's own forms ask for (DESIGN.md, "Data model").

Nothing here knows about Qt or SQL: the store, the sync engine, import/export and the screens all
exchange these objects.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import ClassVar

from saypro_core.ids import new_id


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC, truncated to milliseconds (what the wire keeps)."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


class Visibility(StrEnum):
    """Who besides the owner may read a record."""

    PRIVATE = "private"
    SUPERVISOR = "supervisor"
    TEAM = "team"
    ORGANISATION = "organisation"


class SyncState(StrEnum):
    """Where a record stands with the server, as the user is shown it."""

    LOCAL = "local"  # saved on this laptop, no account to send it to yet
    WAITING = "waiting"  # a change is in the outbox
    SENT = "sent"  # sent, acknowledgement not yet stored
    SYNCED = "synced"
    CONFLICT = "conflict"
    ERROR = "error"  # the server refused it; sync_error says why


class SessionType(StrEnum):
    PEER_LEARNING = "peer_learning"
    FEEDBACK_SESSION = "feedback_session"
    SHARING_CIRCLE = "sharing_circle"
    KNOWLEDGE_CAFE = "knowledge_cafe"
    LIGHTNING_TALK = "lightning_talk"
    INFO_SESSION = "info_session"
    OTHER = "other"


class LocationKind(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"


class GoalStatus(StrEnum):
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class ReviewState(StrEnum):
    """A supervisor's or mentor's verdict on a shared record; COMMENT is none (a peer's comment, a reply)."""

    COMMENT = "comment"
    ACKNOWLEDGED = "acknowledged"
    VALIDATED = "validated"
    NEEDS_MORE = "needs_more"
    AGREED = "agreed"  # a development goal, agreed with the supervisor or mentor
    PROPOSED = "proposed"  # anyone who reads it: "feature this in the newsletter"
    FEATURED = "featured"  # confirmed for the newsletter by a supervisor, mentor or admin


class Recurrence(StrEnum):
    """How a planned session repeats (a knowledge café every second Thursday is FORTNIGHTLY)."""

    NONE = "none"
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"


class RegistrationStatus(StrEnum):
    """What the person asked for."""

    REGISTERED = "registered"
    CANCELLED = "cancelled"


class RegistrationOutcome(StrEnum):
    """What the server answered (the server alone sets it; PENDING until it has)."""

    PENDING = "pending"
    REGISTERED = "registered"
    WAITING = "waiting"  # on the waiting list: moves up when someone cancels
    CLOSED = "closed"  # the registration deadline had passed, or the session was cancelled
    CANCELLED = "cancelled"


class SurveyKind(StrEnum):
    SURVEY = "survey"  # how did the session go
    PRE_CHECK = "pre_check"  # what people knew before a training module
    POST_CHECK = "post_check"  # and after it


class HubKind(StrEnum):
    CASE_STUDY = "case_study"
    TOOLKIT = "toolkit"
    BEST_PRACTICE = "best_practice"
    RECORDING = "recording"
    GUIDE = "guide"
    SHARED_LEARNING = "shared_learning"


#: The roles that run the learning programme: they publish sessions, guides and toolkits.
PUBLISHER_ROLES = frozenset({"supervisor", "admin"})
#: Hub kinds only the people who run the learning programme publish (supervisors, admins).
PROGRAMME_HUB_KINDS = frozenset({HubKind.TOOLKIT, HubKind.GUIDE})


@dataclass(kw_only=True)
class TemplateAnswer:
    """The answer to one guided question; the question text is kept so old logs still read well
    after a template changes."""

    question_id: str
    question: str
    answer: str = ""


@dataclass(kw_only=True)
class CompetencyRating:
    competency_id: str
    rating: int
    evidence: str = ""


@dataclass(kw_only=True)
class ActionItem:
    id: str = field(default_factory=new_id)
    text: str
    owner: str = ""
    due_date: date | None = None
    done: bool = False


@dataclass(kw_only=True)
class QuestionAnswer:
    """A question raised in a session and the answer it got."""

    question: str
    answer: str = ""


@dataclass(kw_only=True)
class CheckQuestion:
    """One question of a training module's pre- and post-check: choices, and the right one."""

    id: str = field(default_factory=new_id)
    question: str
    choices: list[str] = field(default_factory=list)
    correct: int = 0  # index into choices


@dataclass(kw_only=True)
class ProgressNote:
    noted_on: date
    text: str


@dataclass(kw_only=True)
class Record:
    """Bookkeeping every synced record carries."""

    record_type: ClassVar[str]
    #: Fields whose text the full-text search indexes (the first is the title shown in results).
    text_fields: ClassVar[tuple[str, ...]]
    #: The field a record is known by in lists and messages.
    title_field: ClassVar[str] = "title"

    id: str = field(default_factory=new_id)
    owner_id: str = ""
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)
    revision: int = 0
    deleted: bool = False
    visibility: Visibility = Visibility.PRIVATE
    sync_state: SyncState = SyncState.LOCAL
    sync_error: str = ""

    @property
    def display_title(self) -> str:
        return str(getattr(self, self.title_field))

    def content_fields(self) -> list[str]:
        """Names of the fields the user writes (everything but the bookkeeping)."""
        return [f.name for f in dataclasses.fields(self) if f.name not in BOOKKEEPING_FIELDS]


BOOKKEEPING_FIELDS = frozenset(f.name for f in dataclasses.fields(Record))
#: Bookkeeping that is about this laptop only and never travels in an export or on the wire.
LOCAL_ONLY_FIELDS = frozenset({"sync_state", "sync_error"})


@dataclass(kw_only=True)
class LearningLog(Record):
    """Insights captured after a project or milestone (the Learning Log Template)."""

    record_type: ClassVar[str] = "learning_log"
    text_fields: ClassVar[tuple[str, ...]] = (
        "title", "project", "milestone", "what_happened", "what_learned", "do_differently",
        "tags", "template_answers",
    )

    title: str
    log_date: date
    project: str = ""
    milestone: str = ""
    what_happened: str = ""
    what_learned: str = ""
    do_differently: str = ""
    tags: list[str] = field(default_factory=list)
    template_id: str = ""
    template_answers: list[TemplateAnswer] = field(default_factory=list)


@dataclass(kw_only=True)
class SelfAssessment(Record):
    """Ratings against a competency framework, with evidence, reflections and the gaps found."""

    record_type: ClassVar[str] = "self_assessment"
    text_fields: ClassVar[tuple[str, ...]] = ("title", "ratings", "reflections", "gaps")

    title: str
    framework_id: str
    framework_version: int
    assessed_on: date
    ratings: list[CompetencyRating] = field(default_factory=list)
    reflections: list[TemplateAnswer] = field(default_factory=list)
    #: Competency ids the assessment found below the expected level.
    gaps: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class SessionNote(Record):
    """The Session Summary Report Form: what a peer-learning session produced."""

    record_type: ClassVar[str] = "session_note"
    text_fields: ClassVar[tuple[str, ...]] = (
        "title", "location", "facilitators", "attendees", "insights", "challenges",
        "success_stories", "action_items",
    )

    title: str
    session_type: SessionType = SessionType.PEER_LEARNING
    starts_at: datetime
    ends_at: datetime | None = None
    location_kind: LocationKind = LocationKind.IN_PERSON
    location: str = ""
    facilitators: list[str] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    insights: str = ""
    challenges: str = ""
    success_stories: str = ""
    action_items: list[ActionItem] = field(default_factory=list)
    agenda: str = ""  # focus areas / agenda
    programme: str = ""  # the training module or programme
    department: str = ""  # office or department
    reporting_cycle: str = ""  # e.g. "April SCOR-1"
    recording_link: str = ""
    questions: list[QuestionAnswer] = field(default_factory=list)
    written_by: str = ""
    #: The team debrief: the after-action review questions, answered for the session.
    debrief: list[TemplateAnswer] = field(default_factory=list)
    #: The planned session this reports on, and the attendees' accounts (closing the roll fills both).
    planned_session_id: str = ""
    attendee_ids: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class DevelopmentGoal(Record):
    """One SMART goal of the individual development plan."""

    record_type: ClassVar[str] = "development_goal"
    text_fields: ClassVar[tuple[str, ...]] = (
        "title", "specific", "measure", "achievable_steps", "relevance", "progress_notes",
    )

    title: str
    specific: str = ""
    measure: str = ""
    achievable_steps: str = ""
    relevance: str = ""
    target_date: date
    status: GoalStatus = GoalStatus.NOT_STARTED
    next_review: date | None = None
    progress_notes: list[ProgressNote] = field(default_factory=list)
    linked_log_ids: list[str] = field(default_factory=list)
    linked_assessment_ids: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Feedback(Record):
    """A mentor's comment and verdict on a record its author shared."""

    record_type: ClassVar[str] = "feedback"
    text_fields: ClassVar[tuple[str, ...]] = ("author_name", "comment")
    title_field: ClassVar[str] = "comment"

    target_type: str
    target_id: str
    author_name: str = ""
    comment: str
    review_state: ReviewState = ReviewState.ACKNOWLEDGED


@dataclass(kw_only=True)
class Attachment(Record):
    """A photo or document on a record. The bytes live in a content-addressed file store."""

    record_type: ClassVar[str] = "attachment"
    text_fields: ClassVar[tuple[str, ...]] = ("filename",)
    title_field: ClassVar[str] = "filename"

    target_type: str
    target_id: str
    filename: str
    media_type: str = "application/octet-stream"
    size: int
    sha256: str


@dataclass(kw_only=True)
class PlannedSession(Record):
    """A session on the learning programme's schedule, published by a supervisor or admin: people
    register for it, its facilitator takes the roll, attendees answer its survey."""

    record_type: ClassVar[str] = "planned_session"
    text_fields: ClassVar[tuple[str, ...]] = ("title", "agenda", "programme", "location", "facilitators")

    title: str  # the topic
    session_type: SessionType = SessionType.PEER_LEARNING
    agenda: str = ""
    programme: str = ""
    #: Facilitators with an account (they take the roll); the first leads and reads the survey.
    facilitator_ids: list[str] = field(default_factory=list)
    #: Facilitators by name (guests without an account, or how the publisher wants them named).
    facilitators: list[str] = field(default_factory=list)
    starts_at: datetime
    ends_at: datetime | None = None
    location_kind: LocationKind = LocationKind.IN_PERSON
    location: str = ""
    online_link: str = ""
    capacity: int = 0  # 0: no limit
    registration_deadline: datetime | None = None
    #: Other dates people may choose instead of ``starts_at`` (each as long as the first).
    alternative_dates: list[datetime] = field(default_factory=list)
    repeat: Recurrence = Recurrence.NONE
    repeat_until: date | None = None
    cancelled: bool = False
    check_questions: list[CheckQuestion] = field(default_factory=list)


@dataclass(kw_only=True)
class Registration(Record):
    """One person's place at one date of a planned session. The person sets ``status``; the server
    settles capacity in the order registrations arrive and answers in ``outcome``."""

    record_type: ClassVar[str] = "registration"
    text_fields: ClassVar[tuple[str, ...]] = ("status",)
    title_field: ClassVar[str] = "status"

    target_type: str = "planned_session"
    target_id: str
    occurrence: datetime  # which date of the session
    status: RegistrationStatus = RegistrationStatus.REGISTERED
    outcome: RegistrationOutcome = RegistrationOutcome.PENDING
    #: When the server put the request in its queue (the waiting list moves up in this order).
    queued_at: datetime | None = None


@dataclass(kw_only=True)
class Attendance(Record):
    """The roll of one date of a planned session, kept by a facilitator. Closing it writes the
    Session Summary Report; the attendees count as having taken part."""

    record_type: ClassVar[str] = "attendance"
    text_fields: ClassVar[tuple[str, ...]] = ("guests",)
    title_field: ClassVar[str] = "target_id"

    target_type: str = "planned_session"
    target_id: str
    occurrence: datetime
    attendee_ids: list[str] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)  # people without an account, by name
    closed: bool = False
    report_id: str = ""  # the session note written when the roll closed


@dataclass(kw_only=True)
class SurveyResponse(Record):
    """An attendee's answer to a session's survey or to its pre- or post-check. An anonymous one
    reaches the facilitator without its author's name."""

    record_type: ClassVar[str] = "survey_response"
    text_fields: ClassVar[tuple[str, ...]] = ("improve",)
    title_field: ClassVar[str] = "improve"

    target_type: str = "planned_session"
    target_id: str
    occurrence: datetime
    kind: SurveyKind = SurveyKind.SURVEY
    overall: int = 0  # 1-5 (0: a check, which has no rating)
    usefulness: int = 0
    improve: str = ""
    anonymous: bool = False
    #: For a check: the choice picked for each of the session's check questions, in order (-1: none).
    answers: list[int] = field(default_factory=list)


@dataclass(kw_only=True)
class HubEntry(Record):
    """An entry of the Knowledge Hub library: a case study, toolkit, best practice, recording,
    guide or shared learning, with its links (attachments are Attachment records on it)."""

    record_type: ClassVar[str] = "hub_entry"
    text_fields: ClassVar[tuple[str, ...]] = ("title", "summary", "body", "project", "tags", "author_name")

    title: str
    kind: HubKind = HubKind.SHARED_LEARNING
    entry_date: date
    summary: str = ""
    body: str = ""
    project: str = ""
    tags: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    author_name: str = ""


@dataclass(kw_only=True)
class Recognition(Record):
    """"Continuous learner of the month" (or of the quarter): proposed from the data by stated
    rules, confirmed by the L&D office on the server's dashboard, shown to everyone in the app."""

    record_type: ClassVar[str] = "recognition"
    text_fields: ClassVar[tuple[str, ...]] = ("title", "person_name", "reasons")

    title: str  # e.g. "Continuous learner of November 2026"
    person_id: str
    person_name: str = ""
    period: str  # "2026-11" or "2026-Q4"
    #: Why, in words: the figures the rules counted.
    reasons: str = ""


RECORD_TYPES: dict[str, type[Record]] = {
    cls.record_type: cls
    for cls in (LearningLog, SelfAssessment, SessionNote, DevelopmentGoal, Feedback, Attachment, PlannedSession,
                Registration, Attendance, SurveyResponse, HubEntry, Recognition)
}

#: Records that belong to another record (their scope never wider than its).
CHILD_TYPES = frozenset({"feedback", "attachment", "registration", "attendance", "survey_response"})
#: Records that belong to a planned session.
SESSION_CHILD_TYPES = frozenset({"registration", "attendance", "survey_response"})
#: What may be proposed for and featured in the newsletter.
NEWSLETTER_TYPES = frozenset({"learning_log", "session_note", "hub_entry"})
#: Fields only the server writes: whatever a device sends for them is left out.
SERVER_FIELDS = {"registration": frozenset({"outcome", "queued_at"})}
MAX_OCCURRENCES = 60


def occurrences(session: PlannedSession) -> list[datetime]:
    """Every date people may register for: the start, the alternatives, and the repeats up to
    ``repeat_until`` (at most MAX_OCCURRENCES, in order)."""
    found = {session.starts_at, *session.alternative_dates}
    if session.repeat != Recurrence.NONE and session.repeat_until is not None:
        for number in range(1, MAX_OCCURRENCES):
            moment = _repeated(session.starts_at, session.repeat, number)
            if moment.date() > session.repeat_until:
                break
            found.add(moment)
    return sorted(found)[:MAX_OCCURRENCES]


def _repeated(start: datetime, repeat: Recurrence, number: int) -> datetime:
    """The ``number``-th repeat of ``start``."""
    if repeat == Recurrence.WEEKLY:
        return start + timedelta(days=7 * number)
    if repeat == Recurrence.FORTNIGHTLY:
        return start + timedelta(days=14 * number)
    months = start.month - 1 + number
    year, month = start.year + months // 12, months % 12 + 1
    for day in (start.day, 30, 29, 28):  # the 31st of a short month: its last day
        try:
            return start.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")
