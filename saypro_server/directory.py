"""Who is who, as each laptop keeps it for the signed-in person: the names, roles and teams of the
people whose records and feedback may reach it, and who supervises and mentors whom.

The directory has one version for the whole server (feed_counter.directory_version), read with the
feed state at every sync: it grows whenever a flush changes a person's name, role, team or mentor,
or a team's name or supervisor (`follow_changes`, registered on the session factory), and a device
that sent another version gets the directory in its answer. Everyone is listed, disabled people
too: their old records still show their names. Nothing more than a name, role and team.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from saypro_core.wire import DirectoryOut, PersonOut
from saypro_server.tables import FeedCounter, Team, User

#: The attributes whose change the directory shows.
_WATCHED: dict[type, tuple[str, ...]] = {
    User: ("display_name", "role", "team_id", "mentor_id"),
    Team: ("name", "supervisor_id"),
}


def bump(session: Session) -> None:
    """A new directory version (for changes made with bulk statements, which no flush sees)."""
    session.connection().execute(update(FeedCounter).where(FeedCounter.id == 1).values(
        directory_version=FeedCounter.directory_version + 1))


def _changes_directory(session: Session) -> bool:
    for instance in (*session.new, *session.deleted):
        if type(instance) in _WATCHED:
            return True
    for instance in session.dirty:
        watched = _WATCHED.get(type(instance), ())
        state = inspect(instance)
        if any(state.attrs[name].history.has_changes() for name in watched):
            return True
    return False


def follow_changes(factory: sessionmaker[Session]) -> None:
    """Bump the version in the same transaction as any flush that changes who is who."""

    def before_flush(session: Session, _context: Any, _instances: Any) -> None:
        if _changes_directory(session):
            bump(session)

    event.listen(factory, "before_flush", before_flush)


def directory_for(session: Session, user_id: str, version: int) -> DirectoryOut:
    me = session.get(User, user_id)
    if me is None:
        return DirectoryOut(v=version, me=user_id, p=[])
    teams = {team.id: team for team in session.scalars(select(Team))}
    supervised = {team.id for team in teams.values() if team.supervisor_id == me.id}
    my_supervisor = teams[me.team_id].supervisor_id if me.team_id in teams else None
    people: list[PersonOut] = []
    for person in session.scalars(select(User).order_by(User.display_name, User.id)):
        relations: list[Any] = []
        if person.id != me.id:
            if person.id == my_supervisor:
                relations.append("supervisor")
            if person.id == me.mentor_id:
                relations.append("mentor")
            if person.team_id in supervised:
                relations.append("supervisee")
            if person.mentor_id == me.id:
                relations.append("mentee")
            if me.team_id is not None and person.team_id == me.team_id:
                relations.append("teammate")
        team = teams.get(person.team_id or "")
        people.append(PersonOut(id=person.id, n=person.display_name or person.username, r=person.role,  # type: ignore[arg-type]
                                t=team.name if team is not None else "", rel=relations))
    return DirectoryOut(v=version, me=me.id, p=people)
