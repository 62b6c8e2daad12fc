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
    MAX_OCCURRENCES,
    RECORD_TYPES,
    Attachment,
    Attendance,
    DevelopmentGoal,
    Feedback,
    HubEntry,
    LearningLog,
    PlannedSession,
    Recognition,
    Record,
    Recurrence,
    Registration,
    SelfAssessment,
    SessionNote,
    SurveyKind,
    SurveyResponse,
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
    "agenda": "Focus areas / agenda",
    "programme": "Training module or programme",
    "department": "Office or department",
    "reporting_cycle": "Reporting cycle",
    "recording_link": "Recording link",
    "questions": "Questions raised",
    "written_by": "Written by",
    "debrief": "Team debrief",
    "facilitator_ids": "Facilitators",
    "online_link": "Online link",
    "capacity": "Places",
    "registration_deadline": "Registration deadline",
    "alternative_dates": "Alternative dates",
    "repeat": "Repeats",
    "repeat_until": "Repeats until",
    "check_questions": "Check questions",
    "occurrence": "Date",
    "attendee_ids": "Attendees",
    "guests": "Guests",
    "overall": "Overall",
    "usefulness": "Usefulness",
    "improve": "What to improve",
    "answers": "Answers",
    "summary": "Summary",
    "body": "Text",
    "links": "Links",
    "entry_date": "Date",
    "kind": "Kind",
}

#: Links a record may hold: web addresses only (a link is opened in the browser with one click).
_LINK = re.compile(r"^https?://[^\s<>\"]{1,2000}$")
MAX_CAPACITY = 10_000
CHECK_QUESTIONS_MAX = 20
CHOICES_MAX = 8


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

    def link(self, name: str) -> None:
        value: str = getattr(self.record, name)
        if value and not _LINK.match(value):
            self.add(name, "{label} must be a web address starting with https:// or http://.")

    def moment(self, name: str, *, required: bool = True) -> None:
        value: datetime | None = getattr(self.record, name)
        if value is None:
            if required:
                self.add(name, "{label} is required.")
        elif not EARLIEST_DATE <= value.date() <= date(2100, 12, 31):
            self.add(name, "{label} is not a date this form can use.")

    def rating(self, name: str, *, required: bool) -> None:
        value: int = getattr(self.record, name)
        if value == 0 and not required:
            return
        if not RATING_MIN <= value <= RATING_MAX:
            self.add(name, "{label} must be from {low} to {high}.", low=RATING_MIN, high=RATING_MAX)

    def target(self, name: str, kind: str) -> None:
        if getattr(self.record, "target_type", None) != kind:
            self.add("target_type", "{label} must be a {kind}.", kind=kind.replace("_", " "))
        if not is_valid_id(getattr(self.record, name)):
            self.add(name, "It does not say which session it belongs to.")

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
    _tags(c, log.tags)
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
    for name in ("insights", "challenges", "success_stories", "agenda"):
        c.text(name)
    _action_items(c, note)
    _report_details(c, note)


def _action_items(c: _Checker, note: SessionNote) -> None:
    for number, item in enumerate(note.action_items, start=1):
        if not item.text.strip():
            c.add("action_items", "Action item {number} needs a description.", number=number)
        elif len(item.text) > 1000:
            c.add("action_items", "Action item {number} is too long (at most 1,000 characters).", number=number)
        if len(item.owner) > NAME_MAX:
            c.add("action_items", "The owner of action item {number} is too long.", number=number)


def _report_details(c: _Checker, note: SessionNote) -> None:
    """What the Session Summary Report Form asks beyond the session itself."""
    for name in ("programme", "department", "reporting_cycle", "written_by"):
        c.text(name, limit=SHORT_TEXT_MAX)
    c.link("recording_link")
    if len(note.questions) > LIST_MAX:
        c.add("questions", "{label}: at most {limit}.", limit=LIST_MAX)
    for number, qa in enumerate(note.questions, start=1):
        if not qa.question.strip():
            c.add("questions", "Question {number} is empty.", number=number)
        elif len(qa.question) + len(qa.answer) > LONG_TEXT_MAX:
            c.add("questions", "Question {number} is too long.", number=number)
    c.answers("debrief")
    if note.planned_session_id and not is_valid_id(note.planned_session_id):
        c.add("planned_session_id", "The planned session's id is not valid.")
    _ids(c, "attendee_ids")


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


def _tags(c: _Checker, tags: list[str]) -> None:
    if len(tags) > TAGS_MAX:
        c.add("tags", "Tags: at most {limit}, this has {count}.", limit=TAGS_MAX, count=len(tags))
    for tag in tags:
        if not tag.strip():
            c.add("tags", "Tags cannot be empty.")
        elif len(tag) > TAG_MAX:
            c.add("tags", "Tag '{tag}…' is longer than {limit} characters.", tag=tag[:20], limit=TAG_MAX)
        elif "," in tag or ";" in tag:
            c.add("tags", "Tag '{tag}' cannot contain a comma or semicolon.", tag=tag)


def _ids(c: _Checker, name: str) -> None:
    values: list[str] = getattr(c.record, name)
    if len(values) > LIST_MAX:
        c.add(name, "{label}: at most {limit} entries, this has {count}.", limit=LIST_MAX, count=len(values))
    elif any(not is_valid_id(value) for value in values):
        c.add(name, "{label}: an account id is not valid.")
    elif len(set(values)) != len(values):
        c.add(name, "{label}: someone is named twice.")


def _planned_session(c: _Checker) -> None:
    planned = c.record
    assert isinstance(planned, PlannedSession)
    c.text("title", required=True, limit=TITLE_MAX)
    c.text("agenda")
    for name in ("programme", "location"):
        c.text(name, limit=SHORT_TEXT_MAX)
    c.link("online_link")
    _ids(c, "facilitator_ids")
    c.names("facilitators")
    c.moment("starts_at")
    c.moment("registration_deadline", required=False)
    if planned.ends_at is not None and planned.ends_at < planned.starts_at:
        c.add("ends_at", "End must be after the start.")
    elif planned.ends_at is not None and planned.ends_at - planned.starts_at > timedelta(days=7):
        c.add("ends_at", "A session cannot last more than a week; check the end date.")
    if not 0 <= planned.capacity <= MAX_CAPACITY:
        c.add("capacity", "{label} must be from 0 (no limit) to {high}.", high=_number(MAX_CAPACITY))
    if len(planned.alternative_dates) > MAX_OCCURRENCES:
        c.add("alternative_dates", "{label}: at most {limit}.", limit=MAX_OCCURRENCES)
    if any(not EARLIEST_DATE <= moment.date() <= date(2100, 12, 31) for moment in planned.alternative_dates):
        c.add("alternative_dates", "{label}: a date is not one this form can use.")
    if planned.repeat != Recurrence.NONE:
        c.plausible_date("repeat_until", required=True)
        if planned.repeat_until is not None and planned.repeat_until < planned.starts_at.date():
            c.add("repeat_until", "{label} must be after the first date.")
    _check_questions(c, planned)


def _check_questions(c: _Checker, planned: PlannedSession) -> None:
    if len(planned.check_questions) > CHECK_QUESTIONS_MAX:
        c.add("check_questions", "{label}: at most {limit}.", limit=CHECK_QUESTIONS_MAX)
    for number, question in enumerate(planned.check_questions, start=1):
        if not question.question.strip() or len(question.question) > 1000:
            c.add("check_questions", "Check question {number} needs a question (at most 1,000 characters).",
                  number=number)
        elif not 2 <= len(question.choices) <= CHOICES_MAX or any(
                not choice.strip() or len(choice) > SHORT_TEXT_MAX for choice in question.choices):
            c.add("check_questions", "Check question {number} needs 2 to {limit} choices, none empty.",
                  number=number, limit=CHOICES_MAX)
        elif not 0 <= question.correct < len(question.choices):
            c.add("check_questions", "Check question {number}: mark which choice is right.", number=number)


def _registration(c: _Checker) -> None:
    c.target("target_id", "planned_session")
    c.moment("occurrence")
    c.moment("queued_at", required=False)


def _attendance(c: _Checker) -> None:
    c.target("target_id", "planned_session")
    c.moment("occurrence")
    _ids(c, "attendee_ids")
    c.names("guests")


def _survey_response(c: _Checker) -> None:
    response = c.record
    assert isinstance(response, SurveyResponse)
    c.target("target_id", "planned_session")
    c.moment("occurrence")
    survey = response.kind == SurveyKind.SURVEY
    c.rating("overall", required=survey)
    c.rating("usefulness", required=survey)
    c.text("improve", limit=LONG_TEXT_MAX)
    if survey and response.answers:
        c.add("answers", "A survey has no check answers.")
    if not survey and (response.overall or response.usefulness):
        c.add("overall", "A check has no ratings.")
    if len(response.answers) > CHECK_QUESTIONS_MAX or any(not -1 <= a < CHOICES_MAX for a in response.answers):
        c.add("answers", "{label}: an answer is not one of the choices.")


def _hub_entry(c: _Checker) -> None:
    entry = c.record
    assert isinstance(entry, HubEntry)
    c.text("title", required=True, limit=TITLE_MAX)
    c.past_date("entry_date")
    c.text("summary", limit=2000)
    c.text("body")
    c.text("project", limit=SHORT_TEXT_MAX)
    c.text("author_name", limit=NAME_MAX)
    _tags(c, entry.tags)
    if len(entry.links) > TAGS_MAX:
        c.add("links", "{label}: at most {limit}.", limit=TAGS_MAX)
    for link in entry.links:
        if not _LINK.match(link):
            c.add("links", "Link '{link}' must be a web address starting with https:// or http://.", link=link[:40])
    if not (entry.summary.strip() or entry.body.strip() or entry.links):
        c.add("summary", "Write a summary, the text, or add a link.")


_PERIOD = re.compile(r"^(199\d|20\d\d)-(0[1-9]|1[0-2]|Q[1-4])$")


def _recognition(c: _Checker) -> None:
    recognition = c.record
    assert isinstance(recognition, Recognition)
    c.text("title", required=True, limit=TITLE_MAX)
    c.text("person_name", limit=NAME_MAX)
    c.text("reasons", limit=2000)
    if not is_valid_id(recognition.person_id):
        c.add("person_id", "{label}: an account id is not valid.")
    if not _PERIOD.match(recognition.period):
        c.add("period", "{label}: a month like 2026-11 or a quarter like 2026-Q4.")


_RULES: dict[str, Callable[[_Checker], None]] = {
    LearningLog.record_type: _learning_log,
    SelfAssessment.record_type: _self_assessment,
    SessionNote.record_type: _session_note,
    DevelopmentGoal.record_type: _development_goal,
    Feedback.record_type: _feedback,
    Attachment.record_type: _attachment,
    PlannedSession.record_type: _planned_session,
    Registration.record_type: _registration,
    Attendance.record_type: _attendance,
    SurveyResponse.record_type: _survey_response,
    HubEntry.record_type: _hub_entry,
    Recognition.record_type: _recognition,
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
