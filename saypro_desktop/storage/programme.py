"""The learning programme on this laptop: the sessions sync brought, my registrations, the rolls
I keep as a facilitator and the survey answers, all readable and written offline (no Qt).

A registration written here says what the person asked (``status``) with ``outcome`` PENDING; the
server's answer (registered, waiting, closed) arrives with the next sync. Closing a roll writes
the Session Summary Report prefilled from the session and the people ticked.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import mean
from typing import TypeVar

from saypro_core.codec import format_datetime
from saypro_core.records import (
    Attendance,
    PlannedSession,
    Registration,
    RegistrationOutcome,
    RegistrationStatus,
    SessionNote,
    SurveyKind,
    SurveyResponse,
    Visibility,
    occurrences,
    utc_now,
)
from saypro_desktop.storage.directory import Directory, is_mine
from saypro_desktop.storage.queries import RecordFilter
from saypro_desktop.storage.store import RecordStore

R = TypeVar("R", Registration, Attendance, SurveyResponse)

#: How long after its start a session stays under "coming up" (it may be running).
RUNNING = timedelta(hours=3)
#: How far back "past" looks.
PAST_DAYS = 120
#: The after-action review, asked of the team after a session (the Reflective Practice Toolkit).
DEBRIEF_QUESTIONS = (
    ("aar_planned", "What was supposed to happen?"),
    ("aar_happened", "What actually happened?"),
    ("aar_why", "Why was there a difference?"),
    ("aar_next", "What will we keep or change next time?"),
)


@dataclass(frozen=True)
class Occasion:
    """One date of a planned session, as this person sees it."""

    session: PlannedSession
    occurrence: datetime
    registration: Registration | None = None  # mine, on this date
    places_taken: int = 0  # registrations answered "registered" that this laptop holds
    roll: Attendance | None = None
    answered: frozenset[SurveyKind] = frozenset()  # what I answered of its survey and checks
    #: Still to come (or running); False: past.
    upcoming: bool = True

    @property
    def ends_at(self) -> datetime:
        length = (self.session.ends_at - self.session.starts_at) if self.session.ends_at else timedelta(hours=1)
        return self.occurrence + length

    @property
    def registered(self) -> bool:
        return self.registration is not None and self.registration.status == RegistrationStatus.REGISTERED

    def attended(self, person_id: str) -> bool:
        """On the closed roll: the survey is theirs to answer."""
        return self.roll is not None and self.roll.closed and person_id in self.roll.attendee_ids


@dataclass(frozen=True)
class Programme:
    upcoming: list[Occasion] = field(default_factory=list)
    mine: list[Occasion] = field(default_factory=list)  # registered or on the waiting list, still to come
    past: list[Occasion] = field(default_factory=list)


def _on(store: RecordStore, cls: type[R], session: PlannedSession) -> list[R]:
    """The registrations, rolls or answers of one session (on the (target_id, occurrence) index)."""
    return list(store.records(cls, where=RecordFilter(target_id=session.id), limit=None))


def programme(store: RecordStore, me: str, now: datetime | None = None) -> Programme:
    """Every date of every session this laptop holds, sorted into coming up, mine and past."""
    now = now or utc_now()
    # Mine are decoded; everyone's registrations are only counted (a busy year holds thousands).
    sessions = list(store.records(PlannedSession, limit=None, order_by="starts_at", descending=False))
    mine_only = RecordFilter(owner=me or None)
    my_places = {(r.target_id, r.occurrence): r for r in store.records(Registration, where=mine_only, limit=None)}
    taken = store.counts_by(Registration, ("target_id", "occurrence"), outcome=RegistrationOutcome.REGISTERED.value,
                            status=RegistrationStatus.REGISTERED.value)
    rolls = {(roll.target_id, roll.occurrence): roll for roll in store.records(Attendance, limit=None)}
    answers: dict[tuple[str, datetime], set[SurveyKind]] = {}
    for response in store.records(SurveyResponse, where=mine_only, limit=None):
        answers.setdefault((response.target_id, response.occurrence), set()).add(response.kind)
    result = Programme()
    for session in sessions:
        for moment in occurrences(session):
            key = (session.id, moment)
            mine = my_places.get(key)
            occasion = Occasion(session, moment, mine, taken.get((session.id, format_datetime(moment)), 0),
                                rolls.get(key), frozenset(answers.get(key, ())))
            if occasion.ends_at + RUNNING >= now and not session.cancelled:
                result.upcoming.append(occasion)
                if occasion.registered and mine is not None and mine.outcome != RegistrationOutcome.CLOSED:
                    result.mine.append(occasion)
            elif occasion.occurrence >= now - timedelta(days=PAST_DAYS):
                result.past.append(dataclasses.replace(occasion, upcoming=False))
    result.upcoming.sort(key=lambda o: o.occurrence)
    result.mine.sort(key=lambda o: o.occurrence)
    result.past.sort(key=lambda o: o.occurrence, reverse=True)
    return result


def register(store: RecordStore, me: str, session: PlannedSession, occurrence: datetime) -> Registration:
    """Ask for a place on ``occurrence`` (my one registration for the session moves there)."""
    existing = next((r for r in _on(store, Registration, session) if is_mine(r.owner_id, me)), None)
    if existing is None:
        registration = Registration(owner_id=me, target_id=session.id, occurrence=occurrence,
                                    visibility=session.visibility)
    else:
        registration = dataclasses.replace(existing, occurrence=occurrence, status=RegistrationStatus.REGISTERED,
                                           outcome=RegistrationOutcome.PENDING)
    return store.save(registration)


def cancel(store: RecordStore, registration: Registration) -> Registration:
    return store.save(dataclasses.replace(registration, status=RegistrationStatus.CANCELLED,
                                          outcome=RegistrationOutcome.PENDING))


def facilitates(me: str, session: PlannedSession) -> bool:
    return bool(me) and (is_mine(session.owner_id, me) or me in session.facilitator_ids)


def open_roll(store: RecordStore, me: str, occasion: Occasion) -> Attendance:
    """The roll of ``occasion`` (a new one ticks everyone registered), not saved yet."""
    if occasion.roll is not None:
        return occasion.roll
    registered = [r.owner_id for r in _on(store, Registration, occasion.session)
                  if r.occurrence == occasion.occurrence and r.outcome == RegistrationOutcome.REGISTERED
                  and r.status == RegistrationStatus.REGISTERED]
    return Attendance(owner_id=me, target_id=occasion.session.id, occurrence=occasion.occurrence,
                      attendee_ids=list(dict.fromkeys(registered)), visibility=occasion.session.visibility)


def close_roll(store: RecordStore, roll: Attendance, session: PlannedSession, directory: Directory,
               sharing: Visibility) -> SessionNote:
    """Close the roll and write the Session Summary Report, prefilled; returns the report (the one
    written before, when the roll was closed already)."""
    if roll.report_id and (existing := store.get(SessionNote, roll.report_id)) is not None:
        return existing
    names = [directory.name_of(person_id, "") or person_id for person_id in roll.attendee_ids]
    length = (session.ends_at - session.starts_at) if session.ends_at else None
    note = SessionNote(
        owner_id=roll.owner_id, visibility=sharing, title=session.title, session_type=session.session_type,
        starts_at=roll.occurrence, ends_at=roll.occurrence + length if length else None,
        location_kind=session.location_kind,
        location=session.location or session.online_link[:200], agenda=session.agenda, programme=session.programme,
        facilitators=facilitator_names(session, directory),
        attendees=[*names, *roll.guests], attendee_ids=list(roll.attendee_ids), planned_session_id=session.id,
        written_by=directory.name_of(roll.owner_id, ""))
    saved_note = store.save(note)
    store.save(dataclasses.replace(roll, closed=True, report_id=saved_note.id))
    return saved_note


def facilitator_names(session: PlannedSession, directory: Directory) -> list[str]:
    named = [directory.name_of(person_id, "") for person_id in session.facilitator_ids]
    return list(dict.fromkeys(name for name in [*named, *session.facilitators] if name))


def answer_survey(store: RecordStore, me: str, occasion: Occasion, *, overall: int, usefulness: int,
                  improve: str, anonymous: bool) -> SurveyResponse:
    return store.save(SurveyResponse(
        owner_id=me, target_id=occasion.session.id, occurrence=occasion.occurrence, kind=SurveyKind.SURVEY,
        overall=overall, usefulness=usefulness, improve=improve, anonymous=anonymous,
        visibility=Visibility.SUPERVISOR))


def answer_check(store: RecordStore, me: str, occasion: Occasion, kind: SurveyKind,
                 answers: list[int]) -> SurveyResponse:
    return store.save(SurveyResponse(
        owner_id=me, target_id=occasion.session.id, occurrence=occasion.occurrence, kind=kind, answers=answers,
        visibility=Visibility.SUPERVISOR))


@dataclass(frozen=True)
class SurveySummary:
    answers: int = 0
    overall: float | None = None
    usefulness: float | None = None
    improvements: list[str] = field(default_factory=list)
    #: Average share of check questions answered right, before and after (None: nobody took it).
    pre_score: float | None = None
    post_score: float | None = None


def survey_summary(store: RecordStore, occasion: Occasion) -> SurveySummary:
    """What the attendees answered, as the facilitator sees it (anonymous answers without names)."""
    responses = [r for r in _on(store, SurveyResponse, occasion.session) if r.occurrence == occasion.occurrence]
    surveys = [r for r in responses if r.kind == SurveyKind.SURVEY]
    key = [q.correct for q in occasion.session.check_questions]

    def score(kind: SurveyKind) -> float | None:
        taken = [r for r in responses if r.kind == kind]
        if not taken or not key:
            return None
        return mean(sum(1 for a, k in zip(r.answers, key, strict=False) if a == k) / len(key) for r in taken)

    return SurveySummary(
        len(surveys), mean(r.overall for r in surveys) if surveys else None,
        mean(r.usefulness for r in surveys) if surveys else None,
        [r.improve for r in surveys if r.improve.strip()], score(SurveyKind.PRE_CHECK), score(SurveyKind.POST_CHECK))


def reminders(store: RecordStore, me: str, today: date) -> list[Occasion]:
    """My places (asked for or given) on sessions of today and tomorrow: the day-before reminder.
    Read from my own registrations, a handful, not from the whole programme."""
    found = []
    for registration in store.records(Registration, where=RecordFilter(owner=me or None), limit=None):
        if (registration.status != RegistrationStatus.REGISTERED
                or registration.outcome not in (RegistrationOutcome.PENDING, RegistrationOutcome.REGISTERED)
                or not today <= registration.occurrence.astimezone().date() <= today + timedelta(days=1)):
            continue
        session = store.get(PlannedSession, registration.target_id)
        if session is not None and not session.deleted and not session.cancelled:
            found.append(Occasion(session, registration.occurrence, registration))
    return sorted(found, key=lambda o: o.occurrence)
