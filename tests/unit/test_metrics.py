"""The metrics' definitions, pinned on hand-made records (saypro_core.metrics)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from saypro_core.metrics import Period, goal_state, percent, person_figures
from saypro_core.records import GoalStatus, Visibility
from tests import factories

TODAY = date(2026, 12, 3)
DECEMBER = Period.month(TODAY)


def test_periods_are_calendar_months_and_quarters_with_both_ends_included() -> None:
    assert Period.month(TODAY) == Period(date(2026, 12, 1), date(2026, 12, 31))
    assert Period.quarter(TODAY) == Period(date(2026, 10, 1), date(2026, 12, 31))
    assert Period.quarter(date(2026, 2, 28)) == Period(date(2026, 1, 1), date(2026, 3, 31))
    assert Period.parse_month("2024-02") == Period(date(2024, 2, 1), date(2024, 2, 29))
    assert date(2026, 12, 31) in DECEMBER and date(2027, 1, 1) not in DECEMBER


def test_logs_count_by_their_date_and_shared_ones_make_taking_part() -> None:
    records = [
        factories.learning_log(log_date=date(2026, 12, 1), visibility=Visibility.SUPERVISOR),
        factories.learning_log(log_date=date(2026, 12, 2), visibility=Visibility.PRIVATE),
        factories.learning_log(log_date=date(2026, 11, 30), visibility=Visibility.TEAM),  # last month
        factories.learning_log(log_date=date(2026, 12, 20), visibility=Visibility.TEAM),  # written ahead
        factories.learning_log(log_date=date(2026, 12, 2), visibility=Visibility.TEAM, deleted=True),
    ]
    figures = person_figures(records, DECEMBER, TODAY)
    assert (figures.logs_written, figures.logs_shared, figures.took_part) == (3, 2, True)
    assert figures.last_reflection == date(2026, 12, 2)  # not the one dated ahead of today
    private_only = person_figures(records[1:2], DECEMBER, TODAY)
    assert (private_only.logs_written, private_only.took_part) == (1, False)


def test_a_session_counts_on_its_day_in_south_africa() -> None:
    # 23:30 UTC on 30 November is 01:30 on 1 December in South Africa.
    late = factories.session_note(starts_at=datetime(2026, 11, 30, 23, 30, tzinfo=UTC), ends_at=None,
                                  visibility=Visibility.TEAM)
    assert person_figures([late], DECEMBER, TODAY).sessions == 1
    assert person_figures([late], Period.month(date(2026, 11, 1)), TODAY).sessions == 0


def test_each_goal_is_counted_once_and_overdue_wins_over_what_its_status_says() -> None:
    def goal(status: GoalStatus, target: date, review: date | None = None) -> object:
        return factories.development_goal(status=status, target_date=target, next_review=review)

    goals = [
        goal(GoalStatus.AT_RISK, date(2026, 11, 1)),  # overdue, not also at risk
        goal(GoalStatus.ON_TRACK, date(2027, 3, 1), review=date(2026, 11, 15)),  # a review due
        goal(GoalStatus.AT_RISK, date(2027, 3, 1)),
        goal(GoalStatus.NOT_STARTED, date(2027, 3, 1)),
        goal(GoalStatus.ACHIEVED, date(2026, 1, 1), review=date(2026, 1, 1)),  # done: no review due
        goal(GoalStatus.DROPPED, date(2026, 1, 1)),
    ]
    figures = person_figures(goals, DECEMBER, TODAY)  # type: ignore[arg-type]
    assert (figures.goals_overdue, figures.goals_on_track, figures.goals_at_risk, figures.goals_not_started,
            figures.goals_achieved) == (1, 1, 1, 1, 1)
    assert figures.open_goals == 4 and figures.reviews_due == 1
    assert percent(figures.goals_on_track, figures.open_goals) == 25.0
    assert goal_state(goals[0], TODAY) == "overdue"  # type: ignore[arg-type]
    assert percent(1, 0) == 0.0


def test_attending_a_session_is_taking_part_whoever_took_the_roll() -> None:
    me, colleague = factories.new_id(), factories.new_id()
    rolls = [
        factories.attendance(owner_id="facilitator", attendee_ids=[me, colleague],
                             occurrence=datetime(2026, 12, 2, 7, 0, tzinfo=UTC)),
        factories.attendance(owner_id="facilitator", attendee_ids=[me],
                             occurrence=datetime(2026, 11, 30, 23, 30, tzinfo=UTC)),  # 1 December in SA
        factories.attendance(owner_id="facilitator", attendee_ids=[me],
                             occurrence=datetime(2026, 11, 20, 7, 0, tzinfo=UTC)),  # last month
        factories.attendance(owner_id="facilitator", attendee_ids=[me], deleted=True,
                             occurrence=datetime(2026, 12, 2, 7, 0, tzinfo=UTC)),
    ]
    mine = person_figures(rolls, DECEMBER, TODAY, me)
    assert (mine.sessions_attended, mine.took_part, mine.shared_reflections) == (2, True, 0)
    nobody = person_figures(rolls, DECEMBER, TODAY, factories.new_id())
    assert (nobody.sessions_attended, nobody.took_part) == (0, False)
