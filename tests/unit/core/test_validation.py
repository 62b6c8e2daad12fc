"""Each record type refuses what a field officer could get wrong, with a message naming the field."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest

from saypro_core.records import (
    ActionItem,
    CompetencyRating,
    Record,
    TemplateAnswer,
)
from saypro_core.validation import ValidationError, problems, validate
from tests import factories


def fields_with_problems(record: Record) -> dict[str, str]:
    return {e.field: e.message for e in problems(record)}


@pytest.mark.parametrize("record", factories.one_of_each(), ids=lambda r: r.record_type)
def test_complete_records_are_valid(record: Record) -> None:
    validate(record)


def test_learning_log_needs_title_and_some_reflection() -> None:
    log = factories.learning_log(title="  ", what_happened="", what_learned="", template_answers=[])
    found = fields_with_problems(log)
    assert found["title"] == "Title is required."
    assert found["what_learned"] == "Write at least what happened or what you learned."


def test_learning_log_answers_to_guided_questions_count_as_reflection() -> None:
    log = factories.learning_log(what_happened="", what_learned="", template_answers=[
        TemplateAnswer(question_id="q", question="What surprised you?", answer="The turnout")])
    assert problems(log) == []


def test_learning_log_date_cannot_be_in_the_future() -> None:
    tomorrow_plus = date.today() + timedelta(days=3)
    assert fields_with_problems(factories.learning_log(log_date=tomorrow_plus))["log_date"] == (
        f"Date {tomorrow_plus.isoformat()} is in the future.")


def test_learning_log_length_and_tag_limits() -> None:
    log = factories.learning_log(title="x" * 201, tags=["ok", "", "a;b", "t" * 41])
    found = problems(log)
    assert "Title is too long: at most 200 characters, this has 201." in [e.message for e in found]
    tag_messages = [e.message for e in found if e.field == "tags"]
    assert tag_messages == ["Tags cannot be empty.", "Tag 'a;b' cannot contain a comma or semicolon.",
                            f"Tag '{'t' * 20}…' is longer than 40 characters."]


@pytest.mark.parametrize("rating", [0, 6, -1])
def test_self_assessment_ratings_are_one_to_five(rating: int) -> None:
    assessment = factories.self_assessment(
        ratings=[CompetencyRating(competency_id="facilitation", rating=rating)], gaps=[])
    assert fields_with_problems(assessment)["ratings"] == (
        f"Rating for 'facilitation' must be from 1 to 5, not {rating}.")


def test_self_assessment_needs_a_rating_and_gaps_among_the_rated() -> None:
    found = fields_with_problems(factories.self_assessment(ratings=[], gaps=["me"]))
    assert found["ratings"] == "Rate at least one competency."
    assert found["gaps"] == "Gap 'me' is not one of the rated competencies."


def test_self_assessment_rejects_a_competency_rated_twice() -> None:
    twice = [CompetencyRating(competency_id="me", rating=3), CompetencyRating(competency_id="me", rating=4)]
    assert fields_with_problems(factories.self_assessment(ratings=twice, gaps=[]))["ratings"] == (
        "Competency 'me' is rated twice.")


def test_session_note_end_after_start_and_action_items_described() -> None:
    note = factories.session_note()
    bad = dataclasses.replace(note, ends_at=note.starts_at - timedelta(minutes=5),
                              action_items=[ActionItem(text=" ", owner="Sipho")])
    found = fields_with_problems(bad)
    assert found["ends_at"] == "End must be after the start."
    assert found["action_items"] == "Action item 1 needs a description."


def test_session_note_attendee_names_cannot_be_blank() -> None:
    found = fields_with_problems(factories.session_note(attendees=["Sipho", ""]))
    assert found["attendees"] == "Attendees has an empty entry."


def test_development_goal_needs_title_and_plausible_dates() -> None:
    goal = factories.development_goal(title="", target_date=date(1900, 1, 1))
    found = fields_with_problems(goal)
    assert found["title"] == "Title is required."
    assert found["target_date"] == "Target date 1900-01-01 is not a date this plan can use."


def test_feedback_needs_a_comment_and_a_target() -> None:
    found = fields_with_problems(factories.feedback(comment="", target_id="nope", target_type="essay"))
    assert found == {
        "comment": "Comment is required.",
        "target_type": "Feedback is on an unknown kind of record 'essay'.",
        "target_id": "Feedback does not say which record it is about.",
    }


def test_attachment_checksum_must_be_sha256() -> None:
    found = fields_with_problems(factories.attachment(sha256="XYZ", size=-1))
    assert found["sha256"] == "Checksum must be 64 lower-case hexadecimal characters (sha256)."
    assert found["size"] == "Size cannot be negative."


def test_bookkeeping_is_checked_too() -> None:
    log = factories.learning_log(id="not-a-uuid", created_at=datetime(2026, 1, 1))
    found = fields_with_problems(log)
    assert found["id"] == "Id 'not-a-uuid' is not a valid record id."
    assert found["created_at"] == "Created at must carry a time zone."


def test_validate_raises_with_every_message() -> None:
    with pytest.raises(ValidationError) as caught:
        validate(factories.learning_log(title="", what_happened="", what_learned="", template_answers=[]))
    assert [e.field for e in caught.value.errors] == ["title", "what_learned"]
    assert "Title is required." in str(caught.value)


@pytest.mark.parametrize("bad", ["\ud800", "a\x00b", "tail \udfff"])
@pytest.mark.parametrize("record", factories.one_of_each(), ids=lambda r: r.record_type)
def test_text_that_is_not_valid_unicode_is_refused_in_any_field(record: Record, bad: str) -> None:
    """A lone surrogate cannot be encoded as UTF-8 and PostgreSQL refuses NUL: such a record could be
    stored on one side and then never sent (it broke every colleague's sync)."""
    name = record.title_field
    broken = dataclasses.replace(record, **{name: getattr(record, name) + bad})
    found = problems(broken)
    assert [e.field for e in found] == [name]
    assert "holds a character that is not valid text" in found[0].message


def test_bad_text_is_found_inside_lists_and_nested_records() -> None:
    log = factories.learning_log(tags=["ok", "x\x00"], template_answers=[
        TemplateAnswer(question_id="q", question="Q?", answer="fine \ud83d")])
    assert {e.field: e.message for e in problems(log)} == {
        "tags": "Tags holds a character that is not valid text (NUL, at character 2).",
        "template_answers": "Guided questions holds a character that is not valid text (U+D83D, at character 6).",
    }


@pytest.mark.parametrize(("field", "value"), [("framework_version", 2**63), ("framework_version", 10_001),
                                              ("revision", 2**31), ("revision", -1)])
def test_numbers_outside_what_every_side_stores_are_refused(field: str, value: int) -> None:
    assessment = dataclasses.replace(factories.self_assessment(), **{field: value})
    assert [e.field for e in problems(assessment)] == [field]


def test_an_attachment_larger_than_any_file_is_refused() -> None:
    (attachment,) = [r for r in factories.one_of_each() if r.record_type == "attachment"]
    assert [e.field for e in problems(dataclasses.replace(attachment, size=10**30))] == ["size"]
    assert [e.field for e in problems(dataclasses.replace(attachment, size=2**31))] == ["size"]
