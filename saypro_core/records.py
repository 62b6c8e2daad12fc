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
from datetime import UTC, date, datetime
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


RECORD_TYPES: dict[str, type[Record]] = {
    cls.record_type: cls
    for cls in (LearningLog, SelfAssessment, SessionNote, DevelopmentGoal, Feedback, Attachment)
}
