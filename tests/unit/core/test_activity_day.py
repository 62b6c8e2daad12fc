"""The day a stored record's activity happened (saypro_core.metrics.activity_day): what the server
keeps in records.activity_on and every report counts by."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from saypro_core.metrics import GoalFacts, activity_day, goal_state_of

WRITTEN = datetime(2026, 12, 1, 21, 30, tzinfo=UTC)  # 23:30 in South Africa


@pytest.mark.parametrize("record_type, fields, day", [
    ("learning_log", {"log_date": "2026-11-05"}, date(2026, 11, 5)),
    ("self_assessment", {"assessed_on": "2026-10-31"}, date(2026, 10, 31)),
    ("development_goal", {"target_date": "2027-03-31"}, date(2027, 3, 31)),
    # A session's day is its day in South Africa: 23:30 UTC on 30 November is 1 December there.
    ("session_note", {"starts_at": "2026-11-30T23:30:00Z"}, date(2026, 12, 1)),
    ("attendance", {"occurrence": "2026-11-30T21:59:00+00:00"}, date(2026, 11, 30)),
    ("survey_response", {"occurrence": "2026-11-12T09:00:00+02:00"}, date(2026, 11, 12)),
    ("planned_session", {"starts_at": "2026-11-12T07:00:00Z"}, date(2026, 11, 12)),
    ("feedback", {"comment": "Well done"}, date(2026, 12, 1)),  # the day it was written, in South Africa
    ("registration", {"occurrence": "2026-11-12T07:00:00Z"}, None),  # not counted by day
    ("learning_log", {}, None),
    ("learning_log", {"log_date": "not a date"}, None),
    ("learning_log", {"log_date": 20261105}, None),
    ("session_note", {"starts_at": "2026-11-30T23:30:00"}, None),  # no time zone: no day
    ("self_assessment", {"assessed_on": None}, None),
])
def test_the_day_a_record_counts_on(record_type: str, fields: dict[str, object], day: date | None) -> None:
    assert activity_day(record_type, fields, WRITTEN) == day


@pytest.mark.parametrize("status", ["not_started", "on_track", "at_risk", "achieved", "dropped"])
def test_a_goals_state_depends_only_on_its_status_and_whether_its_target_has_passed(status: str) -> None:
    """What the server's report relies on when it groups goals in SQL (reporting._goals): a goal
    counts in the same state as one of its status whose target is the day before, or the day itself."""
    today = date(2026, 12, 3)
    for offset in range(-400, 400, 7):
        target = date.fromordinal(today.toordinal() + offset)
        stand_in = date.fromordinal(today.toordinal() - 1) if target < today else today
        assert goal_state_of(GoalFacts("a", status, target), today) == goal_state_of(
            GoalFacts("a", status, stand_in), today)
