"""Who is who, as the server last told this laptop (saypro_server.directory): the signed-in
person, and the names, roles and teams of everyone whose records and feedback may reach them, with
what each is to them (their supervisor, mentor, a person they supervise or mentor, a team mate).

Kept in the profile's metadata as the server sent it, so the names, the Team page and who may
review what work offline. Names shown for other people's records come from here, never from the
records themselves: a colleague cannot make their comment look like the supervisor's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection

from saypro_core.wire import DirectoryOut
from saypro_desktop.storage.profile_meta import read_meta, write_meta

DIRECTORY_KEY = "directory"
DIRECTORY_VERSION_KEY = "directory_version"


def is_mine(owner_id: str, me: str) -> bool:
    """Whether a record is the signed-in person's: theirs, or written before anyone signed in (before
    the first sign-in, ``me`` is "" and every record here is the person's own)."""
    return not me or owner_id in ("", me)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: str
    team: str = ""
    relations: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Directory:
    me: str = ""
    people: dict[str, Person] = field(default_factory=dict)

    def name_of(self, user_id: str, unknown: str = "") -> str:
        person = self.people.get(user_id)
        return person.name if person is not None else unknown

    def followed(self) -> list[Person]:
        """The people whose work I follow: those I supervise or mentor, by name."""
        return sorted((p for p in self.people.values() if p.relations & {"supervisee", "mentee"}),
                      key=lambda p: p.name.lower())

    def reviews(self, owner_id: str) -> bool:
        """Whether I may mark reviews (acknowledged, validated, needs more) on ``owner_id``'s records:
        as their supervisor or mentor, or as an admin (the server checks the same)."""
        if not owner_id or owner_id == self.me:
            return False
        me = self.people.get(self.me)
        person = self.people.get(owner_id)
        return (me is not None and me.role == "admin") or (
            person is not None and bool(person.relations & {"supervisee", "mentee"}))


def to_directory(answer: DirectoryOut) -> Directory:
    return Directory(me=answer.me, people={
        p.id: Person(p.id, p.n, p.r, p.t, frozenset(p.rel)) for p in answer.p})


def read_directory(connection: Connection) -> Directory:
    raw = read_meta(connection, DIRECTORY_KEY)
    if not raw:
        return Directory()
    return to_directory(DirectoryOut.model_validate_json(raw))


def directory_version(connection: Connection) -> int:
    return int(read_meta(connection, DIRECTORY_VERSION_KEY) or 0)


def write_directory(connection: Connection, answer: DirectoryOut) -> None:
    write_meta(connection, DIRECTORY_KEY, answer.model_dump_json())
    write_meta(connection, DIRECTORY_VERSION_KEY, str(answer.v))
