"""Words the domain layer says, put through Qt's translator.

The domain (records, validation) is plain Python without Qt, so its field labels, enum values and
validation message templates are listed here with ``QT_TRANSLATE_NOOP`` for ``lupdate`` to find,
and translated when shown.

Texts with a count ("%n change(s)") are translated with ``QCoreApplication.translate(context, text,
None, n)``, not ``self.tr(text, "", n)``: called on a subclass, PySide's tr() finds the text under
the base class's context but drops its plural form ("2 problem(s)" instead of "2 problems").

tests/gui/test_translations.py fails if validation.py gains a label or
a message that is missing here.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from saypro_core.records import (
    GoalStatus,
    HubKind,
    LocationKind,
    Recurrence,
    RegistrationOutcome,
    ReviewState,
    SessionType,
    SyncState,
    Visibility,
)
from saypro_core.validation import LABELS, FieldError

FIELD_LABELS = (
    QT_TRANSLATE_NOOP("fields", "Title"),
    QT_TRANSLATE_NOOP("fields", "Date"),
    QT_TRANSLATE_NOOP("fields", "Project"),
    QT_TRANSLATE_NOOP("fields", "Milestone"),
    QT_TRANSLATE_NOOP("fields", "What happened"),
    QT_TRANSLATE_NOOP("fields", "What I learned"),
    QT_TRANSLATE_NOOP("fields", "What I will do differently"),
    QT_TRANSLATE_NOOP("fields", "Tags"),
    QT_TRANSLATE_NOOP("fields", "Guided questions"),
    QT_TRANSLATE_NOOP("fields", "Competency framework"),
    QT_TRANSLATE_NOOP("fields", "Framework version"),
    QT_TRANSLATE_NOOP("fields", "Date"),
    QT_TRANSLATE_NOOP("fields", "Ratings"),
    QT_TRANSLATE_NOOP("fields", "Reflections"),
    QT_TRANSLATE_NOOP("fields", "Gaps"),
    QT_TRANSLATE_NOOP("fields", "Start"),
    QT_TRANSLATE_NOOP("fields", "End"),
    QT_TRANSLATE_NOOP("fields", "Location"),
    QT_TRANSLATE_NOOP("fields", "Facilitators"),
    QT_TRANSLATE_NOOP("fields", "Attendees"),
    QT_TRANSLATE_NOOP("fields", "Insights"),
    QT_TRANSLATE_NOOP("fields", "Challenges"),
    QT_TRANSLATE_NOOP("fields", "Success stories"),
    QT_TRANSLATE_NOOP("fields", "Action items"),
    QT_TRANSLATE_NOOP("fields", "Specific"),
    QT_TRANSLATE_NOOP("fields", "Measure"),
    QT_TRANSLATE_NOOP("fields", "Achievable steps"),
    QT_TRANSLATE_NOOP("fields", "Relevance"),
    QT_TRANSLATE_NOOP("fields", "Target date"),
    QT_TRANSLATE_NOOP("fields", "Next review"),
    QT_TRANSLATE_NOOP("fields", "Progress notes"),
    QT_TRANSLATE_NOOP("fields", "Record"),
    QT_TRANSLATE_NOOP("fields", "Record type"),
    QT_TRANSLATE_NOOP("fields", "Comment"),
    QT_TRANSLATE_NOOP("fields", "Mentor"),
    QT_TRANSLATE_NOOP("fields", "File name"),
    QT_TRANSLATE_NOOP("fields", "Size"),
    QT_TRANSLATE_NOOP("fields", "Checksum"),
    QT_TRANSLATE_NOOP("fields", "Id"),
    QT_TRANSLATE_NOOP("fields", "Owner"),
    QT_TRANSLATE_NOOP("fields", "Focus areas / agenda"),
    QT_TRANSLATE_NOOP("fields", "Training module or programme"),
    QT_TRANSLATE_NOOP("fields", "Office or department"),
    QT_TRANSLATE_NOOP("fields", "Reporting cycle"),
    QT_TRANSLATE_NOOP("fields", "Recording link"),
    QT_TRANSLATE_NOOP("fields", "Questions raised"),
    QT_TRANSLATE_NOOP("fields", "Written by"),
    QT_TRANSLATE_NOOP("fields", "Team debrief"),
    QT_TRANSLATE_NOOP("fields", "Online link"),
    QT_TRANSLATE_NOOP("fields", "Places"),
    QT_TRANSLATE_NOOP("fields", "Registration deadline"),
    QT_TRANSLATE_NOOP("fields", "Alternative dates"),
    QT_TRANSLATE_NOOP("fields", "Repeats"),
    QT_TRANSLATE_NOOP("fields", "Repeats until"),
    QT_TRANSLATE_NOOP("fields", "Check questions"),
    QT_TRANSLATE_NOOP("fields", "Guests"),
    QT_TRANSLATE_NOOP("fields", "Overall"),
    QT_TRANSLATE_NOOP("fields", "Usefulness"),
    QT_TRANSLATE_NOOP("fields", "What to improve"),
    QT_TRANSLATE_NOOP("fields", "Answers"),
    QT_TRANSLATE_NOOP("fields", "Summary"),
    QT_TRANSLATE_NOOP("fields", "Text"),
    QT_TRANSLATE_NOOP("fields", "Links"),
    QT_TRANSLATE_NOOP("fields", "Kind"),
)

VALIDATION_MESSAGES = (
    QT_TRANSLATE_NOOP("validation", "A linked record id is not valid."),
    QT_TRANSLATE_NOOP("validation", "A progress note is empty."),
    QT_TRANSLATE_NOOP("validation", "A progress note is too long."),
    QT_TRANSLATE_NOOP("validation", "A session cannot last more than a week; check the end date."),
    QT_TRANSLATE_NOOP("validation", "Action item {number} is too long (at most 1,000 characters)."),
    QT_TRANSLATE_NOOP("validation", "Action item {number} needs a description."),
    QT_TRANSLATE_NOOP("validation", "Attachment does not say which record it belongs to."),
    QT_TRANSLATE_NOOP("validation", "Attachment is on an unknown kind of record '{kind}'."),
    QT_TRANSLATE_NOOP("validation", "{label}: a month like 2026-11 or a quarter like 2026-Q4."),
    QT_TRANSLATE_NOOP("validation", "Checksum must be 64 lower-case hexadecimal characters (sha256)."),
    QT_TRANSLATE_NOOP("validation", "Competency '{competency}' is rated twice."),
    QT_TRANSLATE_NOOP("validation", "End must be after the start."),
    QT_TRANSLATE_NOOP("validation", "Evidence for '{competency}' is too long."),
    QT_TRANSLATE_NOOP("validation", "Feedback does not say which record it is about."),
    QT_TRANSLATE_NOOP("validation", "Feedback is on an unknown kind of record '{kind}'."),
    QT_TRANSLATE_NOOP("validation", "Framework version must be from 1 to {high}."),
    QT_TRANSLATE_NOOP("validation", "Gap '{gap}' is not one of the rated competencies."),
    QT_TRANSLATE_NOOP("validation", "Id '{value}' is not a valid record id."),
    QT_TRANSLATE_NOOP("validation", "Rate at least one competency."),
    QT_TRANSLATE_NOOP("validation", "Rating for '{competency}' must be from {low} to {high}, not {rating}."),
    QT_TRANSLATE_NOOP("validation", "Revision must be from 0 to {high}."),
    QT_TRANSLATE_NOOP("validation", "Size cannot be negative."),
    QT_TRANSLATE_NOOP("validation", "Size {size} is larger than any file this app keeps."),
    QT_TRANSLATE_NOOP("validation", "Start is not a date this form can use."),
    QT_TRANSLATE_NOOP("validation", "Tag '{tag}' cannot contain a comma or semicolon."),
    QT_TRANSLATE_NOOP("validation", "Tag '{tag}…' is longer than {limit} characters."),
    QT_TRANSLATE_NOOP("validation", "Tags cannot be empty."),
    QT_TRANSLATE_NOOP("validation", "Tags: at most {limit}, this has {count}."),
    QT_TRANSLATE_NOOP("validation", "The answer to '{question}' is too long (at most {limit} characters)."),
    QT_TRANSLATE_NOOP("validation", "The owner of action item {number} is too long."),
    QT_TRANSLATE_NOOP("validation", "Write at least what happened or what you learned."),
    QT_TRANSLATE_NOOP("validation", "{label} has an empty entry."),
    QT_TRANSLATE_NOOP("validation", "{label} holds a character that is not valid text ({character}, at "
                                    "character {position})."),
    QT_TRANSLATE_NOOP("validation", "{label} is required."),
    QT_TRANSLATE_NOOP("validation", "{label} is too long: at most {limit} characters, this has {length}."),
    QT_TRANSLATE_NOOP("validation", "{label} must carry a time zone."),
    QT_TRANSLATE_NOOP("validation", "{label} {date} is in the future."),
    QT_TRANSLATE_NOOP("validation", "{label} {date} is not a date this plan can use."),
    QT_TRANSLATE_NOOP("validation", "{label} {date} is too far in the past."),
    QT_TRANSLATE_NOOP("validation", "{label}: '{value}…' is longer than {limit} characters."),
    QT_TRANSLATE_NOOP("validation", "{label}: {value} is not a number this app can keep."),
    QT_TRANSLATE_NOOP("validation", "{label}: an answer does not say which question it answers."),
    QT_TRANSLATE_NOOP("validation", "{label}: at most {limit} entries, this has {count}."),
    QT_TRANSLATE_NOOP("validation", "A check has no ratings."),
    QT_TRANSLATE_NOOP("validation", "A survey has no check answers."),
    QT_TRANSLATE_NOOP("validation", "Check question {number} needs 2 to {limit} choices, none empty."),
    QT_TRANSLATE_NOOP("validation", "Check question {number} needs a question (at most 1,000 characters)."),
    QT_TRANSLATE_NOOP("validation", "Check question {number}: mark which choice is right."),
    QT_TRANSLATE_NOOP("validation", "It does not say which session it belongs to."),
    QT_TRANSLATE_NOOP("validation", "Link '{link}' must be a web address starting with https:// or http://."),
    QT_TRANSLATE_NOOP("validation", "Question {number} is empty."),
    QT_TRANSLATE_NOOP("validation", "Question {number} is too long."),
    QT_TRANSLATE_NOOP("validation", "The planned session's id is not valid."),
    QT_TRANSLATE_NOOP("validation", "Write a summary, the text, or add a link."),
    QT_TRANSLATE_NOOP("validation", "{label} is not a date this form can use."),
    QT_TRANSLATE_NOOP("validation", "{label} must be a web address starting with https:// or http://."),
    QT_TRANSLATE_NOOP("validation", "{label} must be a {kind}."),
    QT_TRANSLATE_NOOP("validation", "{label} must be after the first date."),
    QT_TRANSLATE_NOOP("validation", "{label} must be from 0 (no limit) to {high}."),
    QT_TRANSLATE_NOOP("validation", "{label} must be from {low} to {high}."),
    QT_TRANSLATE_NOOP("validation", "{label}: a date is not one this form can use."),
    QT_TRANSLATE_NOOP("validation", "{label}: an account id is not valid."),
    QT_TRANSLATE_NOOP("validation", "{label}: an answer is not one of the choices."),
    QT_TRANSLATE_NOOP("validation", "{label}: at most {limit}."),
    QT_TRANSLATE_NOOP("validation", "{label}: someone is named twice."),
)
#: Every text with a count, listed so lupdate finds it (it misses most ``translate(ctx, text, None, n)``
#: calls); build_scripts/translations.py marks texts with %n as plural messages.
PLURAL_TEXTS = (
    QT_TRANSLATE_NOOP("AttachmentsSection", "%n file(s) attached."),
    QT_TRANSLATE_NOOP("HomePage", "%n at risk, "),
    QT_TRANSLATE_NOOP("HomePage", "%n achieved"),
    QT_TRANSLATE_NOOP("HomePage", "%n review(s) overdue"),
    QT_TRANSLATE_NOOP("HomePage", "%n record(s), "),
    QT_TRANSLATE_NOOP("HomePage", "Feedback for me (%n unread)"),
    QT_TRANSLATE_NOOP("FeedbackThread", "%n comment(s) from {name}"),
    QT_TRANSLATE_NOOP("MainWindow", "%n change(s) waiting to sync"),
    QT_TRANSLATE_NOOP("RecordPage", "%n problem(s) to fix before saving."),
    QT_TRANSLATE_NOOP("SearchDialog", "%n result(s). Enter opens the selected one; arrows move."),
    QT_TRANSLATE_NOOP("SelfAssessmentPage", "%n goal(s) added to your development plan."),
    QT_TRANSLATE_NOOP("SelfAssessmentPage", "%n gap(s)"),
    QT_TRANSLATE_NOOP("SessionNotesPage", "%n attendee(s)"),
    QT_TRANSLATE_NOOP("SessionNotesPage", "%n open action(s)"),
)

#: The after-action review questions of a session's team debrief (saypro_desktop.storage.programme).
DEBRIEF_TEXTS = (
    QT_TRANSLATE_NOOP("SessionNotesPage", "What was supposed to happen?"),
    QT_TRANSLATE_NOOP("SessionNotesPage", "What actually happened?"),
    QT_TRANSLATE_NOOP("SessionNotesPage", "Why was there a difference?"),
    QT_TRANSLATE_NOOP("SessionNotesPage", "What will we keep or change next time?"),
)

#: QT_TRANSLATE_NOOP returns the text unchanged (typed ``object`` by the stubs).
#: Keyed by (enum, value): members of different enums can share a value ("waiting" is a sync state
#: and a registration's outcome), and a StrEnum member equals its value.
_ENUM_LABELS: tuple[tuple[StrEnum, object], ...] = (
    (SessionType.PEER_LEARNING, QT_TRANSLATE_NOOP("enums", "Peer learning")),
    (SessionType.FEEDBACK_SESSION, QT_TRANSLATE_NOOP("enums", "Feedback session")),
    (SessionType.SHARING_CIRCLE, QT_TRANSLATE_NOOP("enums", "Sharing circle")),
    (SessionType.KNOWLEDGE_CAFE, QT_TRANSLATE_NOOP("enums", "Knowledge café")),
    (SessionType.LIGHTNING_TALK, QT_TRANSLATE_NOOP("enums", "Lightning talk")),
    (SessionType.INFO_SESSION, QT_TRANSLATE_NOOP("enums", "Info session")),
    (SessionType.OTHER, QT_TRANSLATE_NOOP("enums", "Other")),
    (GoalStatus.NOT_STARTED, QT_TRANSLATE_NOOP("enums", "Not started")),
    (GoalStatus.ON_TRACK, QT_TRANSLATE_NOOP("enums", "On track")),
    (GoalStatus.AT_RISK, QT_TRANSLATE_NOOP("enums", "At risk")),
    (GoalStatus.ACHIEVED, QT_TRANSLATE_NOOP("enums", "Achieved")),
    (GoalStatus.DROPPED, QT_TRANSLATE_NOOP("enums", "Dropped")),
    (Visibility.PRIVATE, QT_TRANSLATE_NOOP("enums", "Only me")),
    (Visibility.SUPERVISOR, QT_TRANSLATE_NOOP("enums", "Me and my supervisor")),
    (Visibility.TEAM, QT_TRANSLATE_NOOP("enums", "My team")),
    (Visibility.ORGANISATION, QT_TRANSLATE_NOOP("enums", "Everyone at SayPro")),
    (SyncState.LOCAL, QT_TRANSLATE_NOOP("enums", "Saved on this laptop")),
    (SyncState.WAITING, QT_TRANSLATE_NOOP("enums", "Waiting to sync")),
    (SyncState.SENT, QT_TRANSLATE_NOOP("enums", "Sent")),
    (SyncState.SYNCED, QT_TRANSLATE_NOOP("enums", "Synced")),
    (SyncState.CONFLICT, QT_TRANSLATE_NOOP("enums", "Conflict")),
    (SyncState.ERROR, QT_TRANSLATE_NOOP("enums", "Not accepted")),
    (ReviewState.COMMENT, QT_TRANSLATE_NOOP("enums", "Comment")),
    (ReviewState.ACKNOWLEDGED, QT_TRANSLATE_NOOP("enums", "Acknowledged")),
    (ReviewState.VALIDATED, QT_TRANSLATE_NOOP("enums", "Validated")),
    (ReviewState.NEEDS_MORE, QT_TRANSLATE_NOOP("enums", "Needs more")),
    (ReviewState.AGREED, QT_TRANSLATE_NOOP("enums", "Agreed")),
    (LocationKind.IN_PERSON, QT_TRANSLATE_NOOP("enums", "In person")),
    (LocationKind.ONLINE, QT_TRANSLATE_NOOP("enums", "Online")),
    (ReviewState.PROPOSED, QT_TRANSLATE_NOOP("enums", "Proposed for the newsletter")),
    (ReviewState.FEATURED, QT_TRANSLATE_NOOP("enums", "Featured in the newsletter")),
    (Recurrence.NONE, QT_TRANSLATE_NOOP("enums", "Does not repeat")),
    (Recurrence.WEEKLY, QT_TRANSLATE_NOOP("enums", "Every week")),
    (Recurrence.FORTNIGHTLY, QT_TRANSLATE_NOOP("enums", "Every second week")),
    (Recurrence.MONTHLY, QT_TRANSLATE_NOOP("enums", "Every month")),
    (RegistrationOutcome.PENDING, QT_TRANSLATE_NOOP("enums", "Asked: the server answers at the next sync")),
    (RegistrationOutcome.REGISTERED, QT_TRANSLATE_NOOP("enums", "Registered")),
    (RegistrationOutcome.WAITING, QT_TRANSLATE_NOOP("enums", "On the waiting list")),
    (RegistrationOutcome.CLOSED, QT_TRANSLATE_NOOP("enums", "Closed: registration had ended")),
    (RegistrationOutcome.CANCELLED, QT_TRANSLATE_NOOP("enums", "Cancelled")),
    (HubKind.CASE_STUDY, QT_TRANSLATE_NOOP("enums", "Case study")),
    (HubKind.TOOLKIT, QT_TRANSLATE_NOOP("enums", "Toolkit")),
    (HubKind.BEST_PRACTICE, QT_TRANSLATE_NOOP("enums", "Best practice")),
    (HubKind.RECORDING, QT_TRANSLATE_NOOP("enums", "Recording")),
    (HubKind.GUIDE, QT_TRANSLATE_NOOP("enums", "Guide")),
    (HubKind.SHARED_LEARNING, QT_TRANSLATE_NOOP("enums", "Shared learning")),
)
ENUM_LABELS: dict[tuple[type, str], object] = {(type(member), member.value): text for member, text in _ENUM_LABELS}

TYPE_NAMES: dict[str, object] = {
    "learning_log": QT_TRANSLATE_NOOP("types", "Learning logs"),
    "self_assessment": QT_TRANSLATE_NOOP("types", "Self-assessments"),
    "session_note": QT_TRANSLATE_NOOP("types", "Session notes"),
    "development_goal": QT_TRANSLATE_NOOP("types", "Development goals"),
    "feedback": QT_TRANSLATE_NOOP("types", "Mentor feedback"),
    "attachment": QT_TRANSLATE_NOOP("types", "Attachments"),
    "planned_session": QT_TRANSLATE_NOOP("types", "Sessions"),
    "registration": QT_TRANSLATE_NOOP("types", "Registrations"),
    "attendance": QT_TRANSLATE_NOOP("types", "Attendance"),
    "survey_response": QT_TRANSLATE_NOOP("types", "Survey answers"),
    "hub_entry": QT_TRANSLATE_NOOP("types", "Hub library"),
    "recognition": QT_TRANSLATE_NOOP("types", "Recognitions"),
}


def enum_label(value: StrEnum) -> str:
    return QCoreApplication.translate("enums", str(ENUM_LABELS[(type(value), value.value)]))


def type_name(record_type: str) -> str:
    return QCoreApplication.translate("types", str(TYPE_NAMES[record_type]))


def field_label(field_name: str) -> str:
    english = LABELS.get(field_name, field_name.replace("_", " ").capitalize())
    return QCoreApplication.translate("fields", english)


def field_error(error: FieldError) -> str:
    """The problem in the user's language, with the field's translated label."""
    template = QCoreApplication.translate("validation", error.template)
    try:
        return template.format(label=field_label(error.field), **dict(error.params))
    except (KeyError, IndexError, ValueError):  # a translation with a wrong placeholder
        return error.message

