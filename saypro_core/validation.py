"""Checks on records before they are stored, with messages a field officer understands.

Each problem names the field it belongs to, so a form can show it next to that field and an
import can say which record and field is wrong. The rules are plain Python rather than a schema
library: the messages are the product here (short, in the user's words, naming the label they
see on screen), and every rule below is one or two lines.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from saypro_core.bounds import MAX_FILE_BYTES, MAX_FRAMEWORK_VERSION, MAX_INT, MAX_REVISION
from saypro_core.ids import is_valid_id
from saypro_core.records import (
    RECORD_TYPES,
    Attachment,
    DevelopmentGoal,
    Feedback,
    LearningLog,
    Record,
    SelfAssessment,
    SessionNote,
)

TITLE_MAX = 200
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 20_000
NAME_MAX = 120
LIST_MAX = 200
TAG_MAX = 40
TAGS_MAX = 20
RATING_MIN, RATING_MAX = 1, 5
EARLIEST_DATE = date(1990, 1, 1)
#: NUL and UTF-16 surrogate halves: text that is not Unicode every store and every client can hold
#: (PostgreSQL refuses NUL in text; a lone surrogate cannot be encoded as UTF-8, so a record holding
#: one could be stored but never sent to anyone).
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
#: How far ahead a date that records the past (a log, an assessment) may be: a laptop in another
#: time zone or a slightly wrong clock should not make today's entry invalid.
FUTURE_SLACK = timedelta(days=1)

LABELS: dict[str, str] = {
    "title": "Title",
    "log_date": "Date",
    "project": "Project",
    "milestone": "Milestone",
    "what_happened": "What happened",
    "what_learned": "What I learned",
    "do_differently": "What I will do differently",
    "tags": "Tags",
    "template_answers": "Guided questions",
    "framework_id": "Competency framework",
    "framework_version": "Framework version",
    "assessed_on": "Date",
    "ratings": "Ratings",
    "reflections": "Reflections",
    "gaps": "Gaps",
    "starts_at": "Start",
    "ends_at": "End",
    "location": "Location",
    "facilitators": "Facilitators",
    "attendees": "Attendees",
    "insights": "Insights",
    "challenges": "Challenges",
    "success_stories": "Success stories",
    "action_items": "Action items",
    "specific": "Specific",
    "measure": "Measure",
    "achievable_steps": "Achievable steps",
    "relevance": "Relevance",
    "target_date": "Target date",
    "next_review": "Next review",
    "progress_notes": "Progress notes",
    "target_id": "Record",
    "target_type": "Record type",
    "comment": "Comment",
    "author_name": "Mentor",
    "filename": "File name",
    "size": "Size",
    "sha256": "Checksum",
    "id": "Id",
    "owner_id": "Owner",
}


def label(field_name: str) -> str:
    return LABELS.get(field_name, field_name.replace("_", " ").capitalize())


@dataclass(frozen=True)
class FieldError:
    """One problem with one field of a record.

    ``template`` is the English message with ``{placeholders}`` filled from ``params``; the
    desktop translates the template and the field label before filling them in, so the rules stay
    free of Qt and every message can appear in the user's language.
    """

    field: str
    template: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def message(self) -> str:
        return self.template.format(label=label(self.field), **dict(self.params))

    def __str__(self) -> str:
        return self.message


class ValidationError(ValueError):
    """A record (or a file of them) cannot be stored as it is."""

    def __init__(self, errors: Iterable[FieldError], context: str = "") -> None:
        self.errors = list(errors)
        self.context = context
        text = " ".join(e.message for e in self.errors)
        super().__init__(f"{context}: {text}" if context else text)


def _number(value: int) -> str:
    return f"{value:,}"


class _Checker:
    """Collects the problems of one record."""

    def __init__(self, record: Record, *, today: date | None) -> None:
        self.record = record
        #: None: no rule depends on this laptop's clock (a record written elsewhere, whose dates the
        #: server checked; a laptop with a wrong clock must not refuse what colleagues wrote).
        self.today = today
        self.errors: list[FieldError] = []

    def add(self, field_name: str, template: str, **params: object) -> None:
        self.errors.append(FieldError(field_name, template, tuple((k, str(v)) for k, v in params.items())))

    def text(self, name: str, *, required: bool = False, limit: int = LONG_TEXT_MAX) -> None:
        value: str = getattr(self.record, name)
        if required and not value.strip():
            self.add(name, "{label} is required.")
        elif len(value) > limit:
            self.add(name, "{label} is too long: at most {limit} characters, this has {length}.",
                     limit=_number(limit), length=_number(len(value)))

    def names(self, name: str, *, item_limit: int = NAME_MAX) -> None:
        values: list[str] = getattr(self.record, name)
        if len(values) > LIST_MAX:
            self.add(name, "{label}: at most {limit} entries, this has {count}.", limit=LIST_MAX, count=len(values))
        for value in values:
            if not value.strip():
                self.add(name, "{label} has an empty entry.")
            elif len(value) > item_limit:
                self.add(name, "{label}: '{value}…' is longer than {limit} characters.",
                         value=value[:30], limit=item_limit)

    def past_date(self, name: str) -> None:
        value: date | None = getattr(self.record, name)
        if value is None:
            self.add(name, "{label} is required.")
            return
        if value < EARLIEST_DATE:
            self.add(name, "{label} {date} is too far in the past.", date=value.isoformat())
        elif self.today is not None and value > self.today + FUTURE_SLACK:
            self.add(name, "{label} {date} is in the future.", date=value.isoformat())

    def plausible_date(self, name: str, *, required: bool) -> None:
        value: date | None = getattr(self.record, name)
        if value is None:
            if required:
                self.add(name, "{label} is required.")
            return
        if not EARLIEST_DATE <= value <= date(2100, 12, 31):
            self.add(name, "{label} {date} is not a date this plan can use.", date=value.isoformat())

    def answers(self, name: str) -> None:
        answers = getattr(self.record, name)
        for answer in answers:
            if len(answer.answer) > LONG_TEXT_MAX:
                self.add(name, "The answer to '{question}' is too long (at most {limit} characters).",
                         question=answer.question[:40], limit=_number(LONG_TEXT_MAX))
            if not answer.question_id.strip():
                self.add(name, "{label}: an answer does not say which question it answers.")


def text_problem(value: str) -> tuple[str, int] | None:
    """The first character that makes ``value`` text not every side can store and send, as
    (its name, its position counted from 1), or None."""
    found = _NOT_TEXT.search(value)
    if found is None:
        return None
    return ("NUL" if found.group() == "\x00" else f"U+{ord(found.group()):04X}"), found.start() + 1


def _find_bad_value(value: Any) -> tuple[str, int] | int | None:
    """The first bad character (see text_problem) or out-of-bounds whole number anywhere in ``value``."""
    if isinstance(value, str):
        return text_problem(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return None if -MAX_INT <= value <= MAX_INT else value
    if isinstance(value, dict):
        items: Iterable[Any] = (part for pair in value.items() for part in pair)
    elif isinstance(value, list | tuple):
        items = value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = (getattr(value, f.name) for f in dataclasses.fields(value))
    else:
        return None
    for item in items:
        if (found := _find_bad_value(item)) is not None:
            return found
    return None


def storable_problems(fields: dict[str, Any]) -> list[FieldError]:
    """Fields whose value holds text that is not valid Unicode (or NUL), or a whole number outside
    what every side stores; whatever else is wrong with them, nothing may keep or send such a value."""
    errors = []
    for name, value in fields.items():
        found = _find_bad_value(value)
        if isinstance(found, tuple):
            errors.append(FieldError(name, "{label} holds a character that is not valid text ({character}, at "
                                           "character {position}).",
                                     (("character", found[0]), ("position", str(found[1])))))
        elif found is not None:
            errors.append(FieldError(name, "{label}: {value} is not a number this app can keep.",
                                     (("value", str(found)[:20]),)))
    return errors


def _learning_log(c: _Checker) -> None:
    log = c.record
    assert isinstance(log, LearningLog)
    c.text("title", required=True, limit=TITLE_MAX)
    c.past_date("log_date")
    for name in ("project", "milestone"):
        c.text(name, limit=SHORT_TEXT_MAX)
    for name in ("what_happened", "what_learned", "do_differently"):
        c.text(name)
    if len(log.tags) > TAGS_MAX:
        c.add("tags", "Tags: at most {limit}, this has {count}.", limit=TAGS_MAX, count=len(log.tags))
    for tag in log.tags:
        if not tag.strip():
            c.add("tags", "Tags cannot be empty.")
        elif len(tag) > TAG_MAX:
            c.add("tags", "Tag '{tag}…' is longer than {limit} characters.", tag=tag[:20], limit=TAG_MAX)
        elif "," in tag or ";" in tag:
            c.add("tags", "Tag '{tag}' cannot contain a comma or semicolon.", tag=tag)
    c.answers("template_answers")
    if not (log.what_happened.strip() or log.what_learned.strip()
            or any(a.answer.strip() for a in log.template_answers)):
        c.add("what_learned", "Write at least what happened or what you learned.")


def _self_assessment(c: _Checker) -> None:
    assessment = c.record
    assert isinstance(assessment, SelfAssessment)
    c.text("title", required=True, limit=TITLE_MAX)
    c.text("framework_id", required=True, limit=SHORT_TEXT_MAX)
    if not 1 <= assessment.framework_version <= MAX_FRAMEWORK_VERSION:
        c.add("framework_version", "Framework version must be from 1 to {high}.", high=_number(MAX_FRAMEWORK_VERSION))
    c.past_date("assessed_on")
    if not assessment.ratings:
        c.add("ratings", "Rate at least one competency.")
    seen: set[str] = set()
    for rating in assessment.ratings:
        if rating.competency_id in seen:
            c.add("ratings", "Competency '{competency}' is rated twice.", competency=rating.competency_id)
        seen.add(rating.competency_id)
        if not RATING_MIN <= rating.rating <= RATING_MAX:
            c.add("ratings", "Rating for '{competency}' must be from {low} to {high}, not {rating}.",
                  competency=rating.competency_id, low=RATING_MIN, high=RATING_MAX, rating=rating.rating)
        if len(rating.evidence) > LONG_TEXT_MAX:
            c.add("ratings", "Evidence for '{competency}' is too long.", competency=rating.competency_id)
    c.answers("reflections")
    for gap in assessment.gaps:
        if gap not in seen:
            c.add("gaps", "Gap '{gap}' is not one of the rated competencies.", gap=gap)


def _session_note(c: _Checker) -> None:
    note = c.record
    assert isinstance(note, SessionNote)
    c.text("title", required=True, limit=TITLE_MAX)
    c.text("location", limit=SHORT_TEXT_MAX)
    if note.ends_at is not None and note.ends_at < note.starts_at:
        c.add("ends_at", "End must be after the start.")
    elif note.ends_at is not None and note.ends_at - note.starts_at > timedelta(days=7):
        c.add("ends_at", "A session cannot last more than a week; check the end date.")
    if not EARLIEST_DATE <= note.starts_at.date() <= date(2100, 12, 31):
        c.add("starts_at", "Start is not a date this form can use.")
    c.names("facilitators")
    c.names("attendees")
    for name in ("insights", "challenges", "success_stories"):
        c.text(name)
    for number, item in enumerate(note.action_items, start=1):
        if not item.text.strip():
            c.add("action_items", "Action item {number} needs a description.", number=number)
        elif len(item.text) > 1000:
            c.add("action_items", "Action item {number} is too long (at most 1,000 characters).", number=number)
        if len(item.owner) > NAME_MAX:
            c.add("action_items", "The owner of action item {number} is too long.", number=number)


def _development_goal(c: _Checker) -> None:
    goal = c.record
    assert isinstance(goal, DevelopmentGoal)
    c.text("title", required=True, limit=TITLE_MAX)
    for name in ("specific", "measure", "achievable_steps", "relevance"):
        c.text(name)
    c.plausible_date("target_date", required=True)
    c.plausible_date("next_review", required=False)
    for note in goal.progress_notes:
        if not note.text.strip():
            c.add("progress_notes", "A progress note is empty.")
        elif len(note.text) > LONG_TEXT_MAX:
            c.add("progress_notes", "A progress note is too long.")
    for name in ("linked_log_ids", "linked_assessment_ids"):
        if any(not is_valid_id(value) for value in getattr(goal, name)):
            c.add(name, "A linked record id is not valid.")


def _feedback(c: _Checker) -> None:
    feedback = c.record
    assert isinstance(feedback, Feedback)
    c.text("comment", required=True)
    c.text("author_name", limit=NAME_MAX)
    if feedback.target_type not in RECORD_TYPES:
        c.add("target_type", "Feedback is on an unknown kind of record '{kind}'.", kind=feedback.target_type)
    if not is_valid_id(feedback.target_id):
        c.add("target_id", "Feedback does not say which record it is about.")


def _attachment(c: _Checker) -> None:
    attachment = c.record
    assert isinstance(attachment, Attachment)
    c.text("filename", required=True, limit=255)
    if attachment.size < 0:
        c.add("size", "Size cannot be negative.")
    elif attachment.size > MAX_FILE_BYTES:
        c.add("size", "Size {size} is larger than any file this app keeps.", size=_number(attachment.size)[:30])
    if len(attachment.sha256) != 64 or any(ch not in "0123456789abcdef" for ch in attachment.sha256):
        c.add("sha256", "Checksum must be 64 lower-case hexadecimal characters (sha256).")
    if attachment.target_type not in RECORD_TYPES:
        c.add("target_type", "Attachment is on an unknown kind of record '{kind}'.", kind=attachment.target_type)
    if not is_valid_id(attachment.target_id):
        c.add("target_id", "Attachment does not say which record it belongs to.")


_RULES: dict[str, Callable[[_Checker], None]] = {
    LearningLog.record_type: _learning_log,
    SelfAssessment.record_type: _self_assessment,
    SessionNote.record_type: _session_note,
    DevelopmentGoal.record_type: _development_goal,
    Feedback.record_type: _feedback,
    Attachment.record_type: _attachment,
}


def problems(record: Record, *, by_this_clock: bool = True) -> list[FieldError]:
    """Every problem with ``record``; empty when it can be stored.

    ``by_this_clock``: also the rules that depend on today's date (a log dated in the future). A
    record pulled from the server is checked without them: the server checked them by its clock.
    """
    unstorable = storable_problems({f.name: getattr(record, f.name) for f in dataclasses.fields(record)})
    if unstorable:
        return unstorable  # the rules below would only repeat it, or fail on it
    checker = _Checker(record, today=date.today() if by_this_clock else None)
    if not is_valid_id(record.id):
        checker.add("id", "Id '{value}' is not a valid record id.", value=record.id[:40])
    if not 0 <= record.revision <= MAX_REVISION:
        checker.add("revision", "Revision must be from 0 to {high}.", high=_number(MAX_REVISION))
    for name in ("created_at", "updated_at"):
        value: datetime = getattr(record, name)
        if value.tzinfo is None:
            checker.add(name, "{label} must carry a time zone.")
    _RULES[record.record_type](checker)
    return checker.errors


def validate(record: Record) -> None:
    """Raise :class:`ValidationError` listing every problem with ``record``, if it has any."""
    errors = problems(record)
    if errors:
        raise ValidationError(errors)
