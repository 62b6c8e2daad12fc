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
from saypro_core.records import CompetencyRating, SelfAssessment, SessionType

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


#: The records a reflection template may guide.
TEMPLATE_TARGETS = frozenset({"learning_log", "self_assessment", "session_note"})
_LONGEST_TEXT = 2000


class _Problems(list[str]):
    """The problems found so far, with the checks every part of the reference data shares."""

    def unique(self, kind: str, ids: list[str]) -> None:
        seen: set[str] = set()
        for item_id in ids:
            if not item_id.strip():
                self.append(f"A {kind} has no id.")
            elif item_id in seen:
                self.append(f"The {kind} id '{item_id}' is used twice.")
            seen.add(item_id)

    def text(self, where: str, value: str, *, needed: bool = False) -> None:
        if needed and not value.strip():
            self.append(f"{where} has no name.")
        if len(value) > _LONGEST_TEXT:
            self.append(f"{where}: a text is longer than {_LONGEST_TEXT} characters.")


def reference_problems(reference: ReferenceData) -> list[str]:
    """What makes reference data unfit to send to every laptop (empty: nothing): ids missing or
    used twice, empty names, a competency without its five levels or with an expected level out of
    1..5, a template without questions or for a record it cannot guide, a session type the records
    do not know (their kinds are fixed; names and descriptions are the organisation's), over-long text."""
    problems = _Problems()
    if not reference.frameworks:
        problems.append("There must be at least one competency framework.")
    problems.unique("framework", [f.id for f in reference.frameworks])
    for framework in reference.frameworks:
        _check_framework(framework, problems)
    problems.unique("template", [t.id for t in reference.templates])
    for template in reference.templates:
        _check_template(template, problems)
    problems.unique("session type", [s.id for s in reference.session_types])
    known = {kind.value for kind in SessionType}
    for session_type in reference.session_types:
        where = f"Session type '{session_type.id}'"
        problems.text(where, session_type.name, needed=True)
        problems.text(where, session_type.description)
        if session_type.id not in known:
            problems.append(f"{where} is not a kind of session the records know ({', '.join(sorted(known))}).")
    return list(problems)


def _check_framework(framework: CompetencyFramework, problems: _Problems) -> None:
    problems.text(f"Framework '{framework.id}'", framework.name, needed=True)
    problems.text(f"Framework '{framework.id}'", framework.description)
    problems.unique("competency", [c.id for c in framework.competencies])
    for competency in framework.competencies:
        where = f"Competency '{competency.id}'"
        problems.text(where, competency.name, needed=True)
        for value in (competency.area, competency.description, *competency.levels):
            problems.text(where, value)
        if len(competency.levels) != 5:
            problems.append(f"{where} must describe 5 levels (it has {len(competency.levels)}).")
        if not 1 <= competency.expected_level <= 5:
            problems.append(f"{where}: the expected level must be 1 to 5.")


def _check_template(template: ReflectionTemplate, problems: _Problems) -> None:
    where = f"Template '{template.id}'"
    problems.text(where, template.name, needed=True)
    problems.text(where, template.purpose)
    if not template.questions:
        problems.append(f"{where} has no questions.")
    problems.unique("question", [q.id for q in template.questions])
    for question in template.questions:
        problems.text(f"{where}, question '{question.id}'", question.text, needed=True)
        problems.text(f"{where}, question '{question.id}'", question.hint)
    for target in template.used_for:
        if target not in TEMPLATE_TARGETS:
            problems.append(f"{where} is for '{target}'; it can guide {', '.join(sorted(TEMPLATE_TARGETS))}.")


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
