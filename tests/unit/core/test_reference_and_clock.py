"""Shipped reference data loads and is usable; the clock orders changes across devices."""

from __future__ import annotations

from saypro_core.clock import HybridLogicalClock, Stamp
from saypro_core.records import CompetencyRating
from saypro_core.reference import compare, find_gaps, load_reference
from saypro_desktop.resources import default_reference_path
from tests import factories


def test_default_reference_covers_the_organisations_practice() -> None:
    reference = load_reference(default_reference_path())
    framework = reference.framework("saypro_core")
    assert framework is not None
    names = {c.name for c in framework.competencies}
    assert {"Monitoring & evaluation", "Project management", "Facilitation", "Communication",
            "Leadership", "Digital literacy", "Data protection (POPIA)", "Inclusion and diversity",
            "Community engagement"} <= names
    assert all(len(c.levels) == 5 for c in framework.competencies)
    template_names = {t.name for t in reference.templates_for("learning_log")}
    assert {"After-action review", "Milestone debrief"} <= template_names
    assert {s.id for s in reference.session_types} >= {"peer_learning", "knowledge_cafe", "info_session"}


def test_gaps_are_ratings_below_the_expected_level() -> None:
    framework = load_reference(default_reference_path()).frameworks[0]
    ratings = [CompetencyRating(competency_id="me", rating=2),
               CompetencyRating(competency_id="facilitation", rating=3),
               CompetencyRating(competency_id="leadership", rating=1)]
    assert find_gaps(ratings, framework) == ["me", "leadership"]


def test_compare_shows_growth_per_competency() -> None:
    before = factories.self_assessment()
    after = factories.self_assessment(ratings=[CompetencyRating(competency_id="me", rating=4)])
    assert compare(before, after) == {"me": 2}


def test_clock_never_runs_backwards_and_orders_devices() -> None:
    wall = iter([1000, 1000, 999, 1005, 1006])
    clock = HybridLogicalClock("device-a", wall_millis=lambda: next(wall))
    stamps = [clock.now() for _ in range(4)]
    assert stamps == sorted(stamps)
    assert [str(s) for s in stamps[:3]] == ["0000000001000-00000-device-a", "0000000001000-00001-device-a",
                                           "0000000001000-00002-device-a"]
    clock.observe(Stamp(5000, 7, "device-b"))
    assert clock.now() > Stamp(5000, 7, "device-b")
    assert Stamp.parse(str(stamps[1])) == stamps[1]
