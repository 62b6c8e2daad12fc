"""The Knowledge Hub library, read offline: the Hub's own entries (case studies, toolkits, best
practices, recordings, guides, shared learnings) and what colleagues shared with the person
(session summaries, learning logs), on shelves by kind; filtered by kind, project and tag, or found
by full-text search; with what is proposed for the newsletter and what a supervisor featured.

Plain Python over the store; the Knowledge Hub page shows what :func:`library` returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from saypro_core.records import Feedback, HubEntry, HubKind, LearningLog, Record, ReviewState, SessionNote, Visibility
from saypro_desktop.storage.directory import is_mine
from saypro_desktop.storage.queries import RecordFilter
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
class Shelf:
    key: str  # one of SHELVES
    records: list[Record]
    total: int  # how many match (``records`` holds the newest NEWEST of them)


@dataclass(frozen=True)
class Library:
    query: HubQuery = HubQuery()
    shelves: list[Shelf] = field(default_factory=list)
    #: Record id -> PROPOSED or FEATURED (featured, once confirmed, wins).
    newsletter: dict[str, ReviewState] = field(default_factory=dict)
    projects: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(shelf.total for shelf in self.shelves)


def shelf_of(record: Record) -> str:
    return record.kind.value if isinstance(record, HubEntry) else record.record_type


def library(store: RecordStore, me: str, query: HubQuery, *, with_choices: bool = True) -> Library:
    """The shelves matching ``query``; ``with_choices`` also lists the projects and tags to filter by."""
    shelves = _searched(store, me, query) if query.text.strip() else _browsed(store, me, query)
    projects: list[str] = []
    tags: list[str] = []
    if with_choices:
        projects = sorted({*store.distinct_values(HubEntry, "project"), *store.distinct_values(LearningLog, "project")},
                          key=str.lower)
        tags = sorted({*store.distinct_values(HubEntry, "tags"), *store.distinct_values(LearningLog, "tags")})
    return Library(query, shelves, newsletter_marks(store), projects, tags)


def _filters(store: RecordStore, me: str, query: HubQuery) -> list[tuple[str, type[Record], RecordFilter]]:
    """Each shelf asked for, with the conditions of its records."""
    wanted = [key for key in SHELVES if not query.shelf or key == query.shelf]
    found: list[tuple[str, type[Record], RecordFilter]] = []
    for key in wanted:
        if key in HubKind.__members__.values():
            found.append((key, HubEntry, RecordFilter(kind=key, project=query.project, tag=query.tag)))
            continue
        cls = next(c for c in SHARED_TYPES if c.record_type == key)
        if (query.project or query.tag) and not {"project", "tags"} <= {f.name for f in fields(cls)}:
            continue  # a session summary has no project or tags: none matches such a filter
        found.append((key, cls, RecordFilter(not_owner=me, shared_only=True, project=query.project, tag=query.tag)))
    return found


def _browsed(store: RecordStore, me: str, query: HubQuery) -> list[Shelf]:
    shelves = []
    for key, cls, where in _filters(store, me, query):
        order = "entry_date" if cls is HubEntry else "updated_at"
        records = store.records(cls, where=where, order_by=order, limit=NEWEST)
        total = len(records) if len(records) < NEWEST else store.count(cls, where=where)
        if records:
            shelves.append(Shelf(key, list(records), total))
    return shelves


def _searched(store: RecordStore, me: str, query: HubQuery) -> list[Shelf]:
    library_types: tuple[type[Record], ...] = (HubEntry, *SHARED_TYPES)
    types = {cls.record_type: cls for cls in library_types}
    hits = store.search(query.text, limit=SEARCH_LIMIT, record_types=list(types))
    found: dict[str, list[Record]] = {}
    for hit in hits:
        record = store.get(types[hit.record_type], hit.record_id)
        if record is None or record.deleted or not _in_library(record, me):
            continue
        if not _matches(record, query):
            continue
        found.setdefault(shelf_of(record), []).append(record)
    return [Shelf(key, found[key], len(found[key])) for key in SHELVES if key in found]


def _in_library(record: Record, me: str) -> bool:
    if isinstance(record, HubEntry):
        return True  # every entry that reached this laptop, the person's own among them
    return not is_mine(record.owner_id, me) and record.visibility != Visibility.PRIVATE


def _matches(record: Record, query: HubQuery) -> bool:
    if query.shelf and shelf_of(record) != query.shelf:
        return False
    if query.project and getattr(record, "project", "").strip().lower() != query.project.strip().lower():
        return False
    tags = [tag.lower() for tag in getattr(record, "tags", [])]
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
