"""Reference data the records are written against: competency frameworks, reflection templates
(guided questions) and session types.

The app ships defaults (``resources/reference/default_reference.json``) drawn from SayPro's own
practice; once a server provides its own, the cached copy replaces them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from saypro_core.codec import decode
from saypro_core.records import CompetencyRating, SelfAssessment

#: Ratings below this are gaps unless the competency asks for more.
DEFAULT_EXPECTED_LEVEL = 3


@dataclass(kw_only=True)
class Competency:
    id: str
    name: str
    area: str
    description: str = ""
    #: What each rating 1..5 looks like in practice; index 0 describes rating 1.
    levels: list[str]
    expected_level: int = DEFAULT_EXPECTED_LEVEL


@dataclass(kw_only=True)
class CompetencyFramework:
    id: str
    name: str
    version: int
    description: str = ""
    competencies: list[Competency]

    def competency(self, competency_id: str) -> Competency | None:
        return next((c for c in self.competencies if c.id == competency_id), None)


@dataclass(kw_only=True)
class GuidedQuestion:
    id: str
    text: str
    hint: str = ""


@dataclass(kw_only=True)
class ReflectionTemplate:
    id: str
    name: str
    purpose: str = ""
    #: Which record the template is for: "learning_log", "self_assessment" or "session_note".
    used_for: list[str] = field(default_factory=list)
    questions: list[GuidedQuestion]


@dataclass(kw_only=True)
class SessionTypeInfo:
    id: str
    name: str
    description: str = ""


@dataclass(kw_only=True)
class ReferenceData:
    """Everything the forms need that comes from the organisation rather than the user."""

    frameworks: list[CompetencyFramework]
    templates: list[ReflectionTemplate]
    session_types: list[SessionTypeInfo]

    def framework(self, framework_id: str) -> CompetencyFramework | None:
        return next((f for f in self.frameworks if f.id == framework_id), None)

    def template(self, template_id: str) -> ReflectionTemplate | None:
        return next((t for t in self.templates if t.id == template_id), None)

    def templates_for(self, record_type: str) -> list[ReflectionTemplate]:
        return [t for t in self.templates if record_type in t.used_for]


def load_reference(path: Path) -> ReferenceData:
    with path.open(encoding="utf-8") as f:
        data: Any = json.load(f)
    return parse_reference(data)


def parse_reference(data: Any) -> ReferenceData:
    return decode(ReferenceData, data, path="reference", ignore=frozenset({"format"}))


def find_gaps(ratings: list[CompetencyRating], framework: CompetencyFramework) -> list[str]:
    """Ids of the competencies rated below what the framework expects, in framework order."""
    by_id = {r.competency_id: r.rating for r in ratings}
    return [
        c.id
        for c in framework.competencies
        if c.id in by_id and by_id[c.id] < c.expected_level
    ]


def compare(previous: SelfAssessment, current: SelfAssessment) -> dict[str, int]:
    """Change in rating per competency rated in both assessments (positive is growth)."""
    before = {r.competency_id: r.rating for r in previous.ratings}
    return {r.competency_id: r.rating - before[r.competency_id]
            for r in current.ratings if r.competency_id in before}
