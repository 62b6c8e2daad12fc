"""Records with every field filled, for round-trip tests (a field left at its default would let a
lost field go unnoticed)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from saypro_core.ids import new_id  # noqa: F401 - used by tests
from saypro_core.records import (
    ActionItem,
    Attachment,
    Attendance,
    CheckQuestion,
    CompetencyRating,
    DevelopmentGoal,
    Feedback,
    GoalStatus,
    HubEntry,
    HubKind,
    LearningLog,
    LocationKind,
    PlannedSession,
    ProgressNote,
    Recognition,
    Record,
    Registration,
    ReviewState,
    SelfAssessment,
    SessionNote,
    SessionType,
    SurveyResponse,
    TemplateAnswer,
    Visibility,
)

CREATED = datetime(2026, 3, 4, 5, 6, 7, 123000, tzinfo=UTC)


def learning_log(**overrides: object) -> LearningLog:
    values: dict[str, object] = dict(
        owner_id="thandi", created_at=CREATED, updated_at=CREATED + timedelta(hours=2), revision=3,
        visibility=Visibility.TEAM, title="Youth jobs fair in Polokwane",
        log_date=date(2026, 3, 3), project="Youth Employment", milestone="Fair day",
        what_happened="Two hundred young people came; the CV clinic had queues all day.",
        what_learned="Employers respond to short CVs with a photo of the candidate's work.",
        do_differently="Book twice the CV volunteers and start registration at 07:30.",
        tags=["jobs", "cv-clinic"], template_id="after_action_review",
        template_answers=[TemplateAnswer(question_id="aar_planned", question="What was supposed to happen?",
                                         answer="Match 50 youths with interviews.")],
    )
    values.update(overrides)
    return LearningLog(**values)  # type: ignore[arg-type]


def self_assessment(**overrides: object) -> SelfAssessment:
    values: dict[str, object] = dict(
        owner_id="thandi", created_at=CREATED, updated_at=CREATED, revision=1,
        visibility=Visibility.SUPERVISOR, title="March self-assessment", framework_id="saypro_core",
        framework_version=1, assessed_on=date(2026, 3, 1),
        ratings=[CompetencyRating(competency_id="facilitation", rating=4, evidence="Ran the knowledge café"),
                 CompetencyRating(competency_id="me", rating=2, evidence="Registers often late")],
        reflections=[TemplateAnswer(question_id="sr_gap", question="Which gap matters most?",
                                    answer="Monthly reporting on indicators")],
        gaps=["me"],
    )
    values.update(overrides)
    return SelfAssessment(**values)  # type: ignore[arg-type]


def session_note(**overrides: object) -> SessionNote:
    start = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
    values: dict[str, object] = dict(
        owner_id="thandi", created_at=CREATED, updated_at=CREATED, revision=2,
        visibility=Visibility.ORGANISATION, title="Sharing circle: community radio outreach",
        session_type=SessionType.SHARING_CIRCLE, starts_at=start, ends_at=start + timedelta(hours=2),
        location_kind=LocationKind.IN_PERSON, location="Giyani community hall",
        facilitators=["Thandi Mokoena"], attendees=["Sipho Dlamini", "Lerato Nkosi"],
        insights="Radio slots on Saturday mornings reach parents.",
        challenges="Load shedding cut the projector.", success_stories="Three new volunteers signed up.",
        action_items=[ActionItem(text="Call the station manager", owner="Sipho",
                                 due_date=date(2026, 3, 9), done=False)],
    )
    values.update(overrides)
    return SessionNote(**values)  # type: ignore[arg-type]


def development_goal(**overrides: object) -> DevelopmentGoal:
    values: dict[str, object] = dict(
        owner_id="thandi", created_at=CREATED, updated_at=CREATED, revision=1,
        visibility=Visibility.SUPERVISOR, title="Report on indicators every month",
        specific="Submit the monthly M&E report on time", measure="12 of 12 reports on time",
        achievable_steps="Block the last Friday; ask Sipho for a spreadsheet walkthrough",
        relevance="Closes my M&E gap", target_date=date(2026, 12, 31), status=GoalStatus.ON_TRACK,
        next_review=date(2026, 6, 30),
        progress_notes=[ProgressNote(noted_on=date(2026, 4, 1), text="First report submitted early")],
        linked_log_ids=[new_id()], linked_assessment_ids=[new_id()],
    )
    values.update(overrides)
    return DevelopmentGoal(**values)  # type: ignore[arg-type]


def feedback(**overrides: object) -> Feedback:
    values: dict[str, object] = dict(
        owner_id="mentor-nomsa", created_at=CREATED, updated_at=CREATED, revision=1,
        visibility=Visibility.SUPERVISOR, target_type="learning_log", target_id=new_id(),
        author_name="Nomsa Khumalo", comment="Good lesson on CV photos; share it at the café.",
        review_state=ReviewState.VALIDATED,
    )
    values.update(overrides)
    return Feedback(**values)  # type: ignore[arg-type]


def attachment(**overrides: object) -> Attachment:
    values: dict[str, object] = dict(
        owner_id="thandi", created_at=CREATED, updated_at=CREATED, revision=1,
        target_type="session_note", target_id=new_id(), filename="flipchart.jpg",
        media_type="image/jpeg", size=123456, sha256="ab" * 32,
    )
    values.update(overrides)
    return Attachment(**values)  # type: ignore[arg-type]


SESSION_START = datetime(2026, 12, 10, 7, 0, tzinfo=UTC)


def planned_session(**overrides: object) -> PlannedSession:
    values: dict[str, object] = dict(
        owner_id="sam", created_at=CREATED, updated_at=CREATED, revision=1, visibility=Visibility.ORGANISATION,
        title="Knowledge café: keeping volunteers", session_type=SessionType.KNOWLEDGE_CAFE,
        agenda="Why volunteers leave; what kept them in Giyani", programme="Community mobilisation",
        facilitator_ids=[], facilitators=["Sam Mahlangu"], starts_at=SESSION_START,
        ends_at=SESSION_START + timedelta(hours=1, minutes=30), location="Polokwane office, room 2",
        capacity=12, registration_deadline=SESSION_START - timedelta(days=1),
        alternative_dates=[SESSION_START + timedelta(days=7)],
        check_questions=[CheckQuestion(question="Who keeps the volunteer register?",
                                       choices=["The site lead", "Head office"], correct=0)],
    )
    values.update(overrides)
    return PlannedSession(**values)  # type: ignore[arg-type]


def registration(**overrides: object) -> Registration:
    values: dict[str, object] = dict(
        owner_id="thandi", created_at=CREATED, updated_at=CREATED, revision=1, visibility=Visibility.ORGANISATION,
        target_id=new_id(), occurrence=SESSION_START,
    )
    values.update(overrides)
    return Registration(**values)  # type: ignore[arg-type]


def attendance(**overrides: object) -> Attendance:
    values: dict[str, object] = dict(
        owner_id="sam", created_at=CREATED, updated_at=CREATED, revision=1, visibility=Visibility.ORGANISATION,
        target_id=new_id(), occurrence=SESSION_START, attendee_ids=[new_id()], guests=["Mr Baloyi (councillor)"],
    )
    values.update(overrides)
    return Attendance(**values)  # type: ignore[arg-type]


def survey_response(**overrides: object) -> SurveyResponse:
    values: dict[str, object] = dict(
        owner_id="thandi", created_at=CREATED, updated_at=CREATED, revision=1, visibility=Visibility.SUPERVISOR,
        target_id=new_id(), occurrence=SESSION_START, overall=4, usefulness=5,
        improve="More time for questions.",
    )
    values.update(overrides)
    return SurveyResponse(**values)  # type: ignore[arg-type]


def hub_entry(**overrides: object) -> HubEntry:
    values: dict[str, object] = dict(
        owner_id="thandi", created_at=CREATED, updated_at=CREATED, revision=1, visibility=Visibility.ORGANISATION,
        title="Case study: radio slots for parents", kind=HubKind.CASE_STUDY, entry_date=date(2026, 3, 3),
        summary="Saturday radio reached parents the school letters did not.", project="Youth Employment",
        tags=["radio", "parents"], links=["https://saypro.online/hub/radio"], author_name="Thandi Mokoena",
    )
    values.update(overrides)
    return HubEntry(**values)  # type: ignore[arg-type]


def recognition(**overrides: object) -> Recognition:
    values: dict[str, object] = dict(
        owner_id="ada", created_at=CREATED, updated_at=CREATED, revision=1, visibility=Visibility.ORGANISATION,
        title="Continuous learner of November 2026", person_id=new_id(), person_name="Thandi Mokoena",
        period="2026-11", reasons="4 reflections shared, 2 sessions attended.",
    )
    values.update(overrides)
    return Recognition(**values)  # type: ignore[arg-type]


def one_of_each() -> list[Record]:
    return [learning_log(), self_assessment(), session_note(), development_goal(), feedback(), attachment(),
            planned_session(), registration(), attendance(), survey_response(), hub_entry(), recognition()]
