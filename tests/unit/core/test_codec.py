"""The codec round-trips every field and refuses wrong shapes with the field's name."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from saypro_core.codec import DecodeError, decode, encode, format_datetime, parse_datetime
from saypro_core.records import LearningLog, Record, SessionNote
from tests import factories


@pytest.mark.parametrize("record", factories.one_of_each(), ids=lambda r: r.record_type)
def test_round_trip_through_json_text(record: Record) -> None:
    text = json.dumps(encode(record))
    assert decode(type(record), json.loads(text)) == record


def test_datetimes_are_utc_with_milliseconds() -> None:
    johannesburg = timezone(timedelta(hours=2))
    value = datetime(2026, 11, 23, 10, 30, 0, 250000, tzinfo=johannesburg)
    assert format_datetime(value) == "2026-11-23T08:30:00.250Z"
    assert parse_datetime("2026-11-23T10:30:00.250+02:00") == value


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("log_date", "2026-13-01", "Date must be a date (YYYY-MM-DD), not '2026-13-01'."),
        ("log_date", 20260101, "Date must be a date (YYYY-MM-DD), not 20260101."),
        ("tags", "jobs", "Tags must be a list, not 'jobs'."),
        ("tags", ["ok", 3], "Tags[2] must be text, not 3."),
        ("revision", "3", "Revision must be a whole number, not '3'."),
        ("deleted", 0, "Deleted must be true or false, not 0."),
        ("visibility", "public", "Visibility must be one of 'private', 'supervisor', 'team', "
                                  "'organisation', not 'public'."),
        ("created_at", "2026-01-01T10:00:00", "Created at must be a date and time with a time zone "
                                               "(e.g. 2026-11-23T09:30:00+02:00), not '2026-01-01T10:00:00'."),
    ],
)
def test_wrong_types_name_the_field(field: str, value: object, message: str) -> None:
    data = encode(factories.learning_log())
    data[field] = value
    with pytest.raises(DecodeError) as caught:
        decode(LearningLog, data)
    assert str(caught.value) == message


def test_missing_required_and_unknown_fields() -> None:
    data = encode(factories.learning_log())
    del data["title"]
    with pytest.raises(DecodeError, match="^Title is missing.$"):
        decode(LearningLog, data)
    data = encode(factories.learning_log()) | {"mood": "happy"}
    with pytest.raises(DecodeError, match="unknown field 'mood'"):
        decode(LearningLog, data)


def test_nested_records_are_checked() -> None:
    data = encode(factories.session_note())
    data["action_items"][0]["done"] = "yes"
    with pytest.raises(DecodeError, match=r"Action items\[1\].done must be true or false"):
        decode(SessionNote, data)


@pytest.mark.parametrize(("field", "value"), [("revision", 2**63), ("revision", -(2**60))])
def test_whole_numbers_no_side_can_keep_are_refused(field: str, value: int) -> None:
    data = {**encode(factories.learning_log()), field: value}
    with pytest.raises(DecodeError, match="too large a number"):
        decode(LearningLog, data)


def test_a_time_that_overflows_in_utc_is_a_decode_error() -> None:
    data = {**encode(factories.learning_log()), "created_at": "9999-12-31T23:00:00-05:00"}
    with pytest.raises(DecodeError, match="Created at must be a date and time"):
        decode(LearningLog, data)
