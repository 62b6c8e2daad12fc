"""Feedback as the person receiving it sees it: the thread on a record, the inbox on Home (with
what is unread) and the "needs more" to-dos.

A to-do stays while the newest review on one of my records says "needs more" and I have neither
replied on it nor edited the record since. What I have read is kept in the profile (the ids of the
feedback opened), so the unread count survives a restart and is the same on every page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from saypro_core.records import RECORD_TYPES, Feedback, Record, ReviewState
from saypro_desktop.storage.directory import Directory, is_mine
from saypro_desktop.storage.profile_meta import read_meta, write_meta
from saypro_desktop.storage.queries import RecordFilter
from saypro_desktop.storage.store import RecordStore

READ_KEY = "feedback_read"
#: The newest feedback the inbox looks at; read marks are kept for as many.
INBOX_SIZE = 500


@dataclass(frozen=True)
class InboxItem:
    feedback: Feedback
    author: str
    target: Record
    unread: bool

    @property
    def target_title(self) -> str:
        return self.target.display_title


@dataclass(frozen=True)
class Inbox:
    #: Feedback others gave on my records, newest first.
    items: list[InboxItem]
    unread: int
    #: The "needs more" reviews still waiting for my reply or edit, newest first.
    to_do: list[InboxItem]


@dataclass(frozen=True)
class Agreement:
    """A development goal agreed with a supervisor or mentor."""

    by: str
    on: datetime
    #: The goal was edited after it was agreed: it is to be agreed again.
    changed_since: bool


def agreement(store: RecordStore, goal: Record, directory: Directory) -> Agreement | None:
    """The latest agreement on ``goal`` (None: never agreed)."""
    agreed = [item for item in thread(store, goal.id)
              if item.review_state == ReviewState.AGREED and item.owner_id != goal.owner_id]
    if not agreed:
        return None
    latest = agreed[-1]
    return Agreement(directory.name_of(latest.owner_id, latest.author_name) or "?", latest.created_at,
                     goal.updated_at > latest.created_at)


def thread(store: RecordStore, target_id: str) -> list[Feedback]:
    """The feedback on one record, oldest first (a conversation reads down)."""
    return store.records(Feedback, where=RecordFilter(target_id=target_id), order_by="created_at",
                         descending=False, limit=200)


def read_ids(store: RecordStore) -> set[str]:
    with store.engine.connect() as connection:
        raw = read_meta(connection, READ_KEY)
    try:
        found = json.loads(raw) if raw else []
    except ValueError:
        found = []
    return {item for item in found if isinstance(item, str)} if isinstance(found, list) else set()


def mark_read(store: RecordStore, feedback_ids: list[str]) -> None:
    """Remember that the person saw these (the newest INBOX_SIZE marks are kept)."""
    if not feedback_ids:
        return
    with store.engine.begin() as connection:
        raw = read_meta(connection, READ_KEY)
        try:
            kept = [i for i in json.loads(raw) if isinstance(i, str)] if raw else []
        except (ValueError, TypeError):
            kept = []
        known = set(kept)
        kept.extend(i for i in feedback_ids if i not in known)
        write_meta(connection, READ_KEY, json.dumps(kept[-INBOX_SIZE:]))


def _target(store: RecordStore, item: Feedback) -> Record | None:
    cls = RECORD_TYPES.get(item.target_type)
    return store.get(cls, item.target_id) if cls is not None and cls is not Feedback else None


def inbox(store: RecordStore, me: str, directory: Directory) -> Inbox:
    """What others said on my records (``me``: the signed-in person's id; "" before any sign-in)."""
    seen = read_ids(store)
    items: list[InboxItem] = []
    latest_review: dict[str, InboxItem] = {}
    my_replies: dict[str, datetime] = {}
    targets: dict[str, Record | None] = {}  # read once per record, however much feedback it has
    for item in store.records(Feedback, order_by="created_at", limit=INBOX_SIZE):
        if item.owner_id in ("", me):  # written here: a reply of mine
            my_replies[item.target_id] = max(my_replies.get(item.target_id, item.created_at), item.created_at)
            continue
        if item.target_id not in targets:
            targets[item.target_id] = _target(store, item)
        target = targets[item.target_id]
        if target is None or not is_mine(target.owner_id, me):
            continue  # on a colleague's record: theirs to read
        entry = InboxItem(item, directory.name_of(item.owner_id, item.author_name), target, item.id not in seen)
        items.append(entry)
        if item.review_state != ReviewState.COMMENT and item.target_id not in latest_review:
            latest_review[item.target_id] = entry  # newest first: the first is the latest
    to_do = [entry for target_id, entry in latest_review.items()
             if entry.feedback.review_state == ReviewState.NEEDS_MORE
             and my_replies.get(target_id, datetime.min.replace(tzinfo=entry.feedback.created_at.tzinfo))
             <= entry.feedback.created_at
             and entry.target.updated_at <= entry.feedback.created_at]
    return Inbox(items, sum(1 for entry in items if entry.unread), to_do)
