"""The Knowledge Hub library, read offline: the Hub's own entries (case studies, toolkits, best
practices, recordings, guides, shared learnings) and what colleagues shared with the person
(session summaries, learning logs), on shelves by kind; filtered by kind, project and tag, or found
by full-text search; with what is proposed for the newsletter and what a supervisor featured.

Plain Python over the store; the Knowledge Hub page shows what :func:`library` returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import cast

from saypro_core.records import (
    RECORD_TYPES,
    Feedback,
    HubEntry,
    HubKind,
    LearningLog,
    Record,
    ReviewState,
    SessionNote,
    Visibility,
)
from saypro_desktop.storage.directory import is_mine
from saypro_desktop.storage.queries import DATE_COLUMNS, RecordFilter
from saypro_desktop.storage.store import RecordStore

#: Colleagues' records that sit in the library beside the Hub's entries, by record type.
SHARED_TYPES: tuple[type[Record], ...] = (SessionNote, LearningLog)
#: The shelves, in the order they are shown: a HubKind value, or a shared record type.
SHELVES: tuple[str, ...] = (*(kind.value for kind in HubKind), *(cls.record_type for cls in SHARED_TYPES))
#: A shelf lists its newest this many; a search or a filter finds the older ones.
NEWEST = 200
SEARCH_LIMIT = 400


@dataclass(frozen=True)
class HubQuery:
    """What the person asked for; empty fields do not filter."""

    text: str = ""
    shelf: str = ""  # one of SHELVES
    project: str = ""
    tag: str = ""


@dataclass(frozen=True)
class HubRow:
    """One line of a shelf: enough to list it; the page reads the whole record when it is opened."""

    record_type: str
    id: str
    title: str
    owner_id: str
    author_name: str = ""  # a Hub entry names its author; for the others the directory does
    day: date | None = None  # a Hub entry's date

    @property
    def record_class(self) -> type[Record]:
        return RECORD_TYPES[self.record_type]


@dataclass(frozen=True)
class Shelf:
    key: str  # one of SHELVES
    rows: list[HubRow]  # the newest NEWEST that match
    more: bool = False  # older ones match too (not counted: a count reads every one of them)


@dataclass(frozen=True)
class Library:
    query: HubQuery = HubQuery()
    shelves: list[Shelf] = field(default_factory=list)
    #: Record id -> PROPOSED or FEATURED (featured, once confirmed, wins).
    newsletter: dict[str, ReviewState] = field(default_factory=dict)
    #: The projects and tags of the Hub's entries, to filter by (a filter also finds colleagues'
    #: logs that carry them; listing every log's tags would read all 100,000 of them).
    projects: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    @property
    def shown(self) -> int:
        return sum(len(shelf.rows) for shelf in self.shelves)


def shelf_of(record: Record) -> str:
    return record.kind.value if isinstance(record, HubEntry) else record.record_type


def library(store: RecordStore, me: str, query: HubQuery, *, with_choices: bool = True) -> Library:
    """The shelves matching ``query``; ``with_choices`` also lists the projects and tags to filter by."""
    shelves = _searched(store, me, query) if query.text.strip() else _browsed(store, me, query)
    projects: list[str] = []
    tags: list[str] = []
    if with_choices:
        projects = sorted(store.distinct_values(HubEntry, "project"), key=str.lower)
        tags = store.distinct_values(HubEntry, "tags")
    return Library(query, shelves, newsletter_marks(store), projects, tags)


def _has_project_and_tags(cls: type[Record]) -> bool:
    return {"project", "tags"} <= {f.name for f in fields(cls)}


def _listed(cls: type[Record]) -> tuple[str, ...]:
    """The columns a shelf's rows are made of (and a search filters on)."""
    names = ["id", "title", "owner_id", "visibility"]
    if cls is HubEntry:
        names += ["kind", "author_name", "entry_date"]
    if _has_project_and_tags(cls):
        names += ["project", "tags"]
    return tuple(names)


def _row(cls: type[Record], values: dict[str, object]) -> HubRow:
    day = values.get("entry_date")
    return HubRow(cls.record_type, str(values["id"]), str(values["title"]), str(values["owner_id"]),
                  str(values.get("author_name") or ""), date.fromisoformat(day) if isinstance(day, str) else None)


def _filters(me: str, query: HubQuery) -> list[tuple[str, type[Record], RecordFilter]]:
    """Each shelf asked for, with the conditions of its records."""
    wanted = [key for key in SHELVES if not query.shelf or key == query.shelf]
    found: list[tuple[str, type[Record], RecordFilter]] = []
    for key in wanted:
        if key in HubKind.__members__.values():
            found.append((key, HubEntry, RecordFilter(kind=key, project=query.project, tag=query.tag)))
            continue
        cls = next(c for c in SHARED_TYPES if c.record_type == key)
        if (query.project or query.tag) and not _has_project_and_tags(cls):
            continue  # a session summary has no project or tags: none matches such a filter
        found.append((key, cls, RecordFilter(not_owner=me, shared_only=True, project=query.project, tag=query.tag)))
    return found


def _browsed(store: RecordStore, me: str, query: HubQuery) -> list[Shelf]:
    shelves = []
    for key, cls, where in _filters(me, query):
        # Newest first by the day of the learning (its date index; by the time of the last change
        # SQLite would walk past the person's own 100,000 records to find colleagues' ones).
        found = store.columns(cls, _listed(cls), where=where, order_by=DATE_COLUMNS[cls.record_type], limit=NEWEST + 1)
        if found:
            shelves.append(Shelf(key, [_row(cls, values) for values in found[:NEWEST]], len(found) > NEWEST))
    return shelves


def _searched(store: RecordStore, me: str, query: HubQuery) -> list[Shelf]:
    library_types: tuple[type[Record], ...] = (HubEntry, *SHARED_TYPES)
    hits = store.search(query.text, limit=SEARCH_LIMIT, record_types=[cls.record_type for cls in library_types])
    rank = {hit.record_id: n for n, hit in enumerate(hits)}
    found: dict[str, list[HubRow]] = {}
    for cls in library_types:
        ids = [hit.record_id for hit in hits if hit.record_type == cls.record_type]
        if not ids:
            continue
        matching = [values for values in store.columns(cls, _listed(cls), ids=ids)
                    if _in_library(cls, values, me) and _matches(cls, values, query)]
        for values in sorted(matching, key=lambda v: rank[str(v["id"])]):
            key = str(values["kind"]) if cls is HubEntry else cls.record_type
            found.setdefault(key, []).append(_row(cls, values))
    return [Shelf(key, found[key]) for key in SHELVES if key in found]


def _in_library(cls: type[Record], values: dict[str, object], me: str) -> bool:
    if cls is HubEntry:
        return True  # every entry that reached this laptop, the person's own among them
    return not is_mine(str(values["owner_id"]), me) and values["visibility"] != Visibility.PRIVATE.value


def _matches(cls: type[Record], values: dict[str, object], query: HubQuery) -> bool:
    if query.shelf and (str(values["kind"]) if cls is HubEntry else cls.record_type) != query.shelf:
        return False
    if (query.project or query.tag) and not _has_project_and_tags(cls):
        return False
    if query.project and str(values["project"]).strip().lower() != query.project.strip().lower():
        return False
    tags = [str(tag).lower() for tag in cast(list[str], values.get("tags") or [])]
    return not query.tag or query.tag.strip().lower() in tags


def newsletter_marks(store: RecordStore) -> dict[str, ReviewState]:
    marks = {target: ReviewState.PROPOSED
             for (target,) in store.counts_by(Feedback, ["target_id"], review_state=ReviewState.PROPOSED.value)}
    marks.update({target: ReviewState.FEATURED
                  for (target,) in store.counts_by(Feedback, ["target_id"], review_state=ReviewState.FEATURED.value)})
    return marks


def newsletter_note(target: Record, state: ReviewState, me: str, my_name: str, comment: str) -> Feedback:
    """A proposal for the newsletter (anyone who reads the record) or its confirmation (the
    author's supervisor or mentor, or an admin: the server checks it), as feedback on the record."""
    assert state in (ReviewState.PROPOSED, ReviewState.FEATURED)
    return Feedback(target_type=target.record_type, target_id=target.id, comment=comment, review_state=state,
                    visibility=target.visibility, owner_id=me, author_name=my_name)
