"""Filters the screens put on record lists, as SQL conditions on a record table.

Kept apart from the store so a list page can describe what it wants (a date range, a tag, a
project, records of other people) without knowing the columns, and so counts and pages use the
same conditions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Table, and_, exists, func, literal_column, or_, select, true

from saypro_core.codec import format_datetime

#: The column each record type is dated by in lists and month counts.
DATE_COLUMNS = {
    "learning_log": "log_date",
    "self_assessment": "assessed_on",
    "session_note": "starts_at",
    "development_goal": "target_date",
    "feedback": "created_at",
    "attachment": "created_at",
    "planned_session": "starts_at",
    "registration": "occurrence",
    "attendance": "occurrence",
    "survey_response": "occurrence",
    "hub_entry": "entry_date",
    "recognition": "created_at",
}
#: Date columns that hold a moment (UTC ISO text), not a day.
MOMENT_COLUMNS = frozenset({"starts_at", "occurrence", "created_at", "updated_at"})


@dataclass(frozen=True, kw_only=True)
class RecordFilter:
    """Which records of one type a list shows. Empty fields do not filter."""

    date_from: date | None = None
    date_to: date | None = None  # inclusive
    tag: str = ""
    project: str = ""
    #: Knowledge Hub entries: only those of this kind (a HubKind value).
    kind: str = ""
    #: Only records whose owner is someone else (the Knowledge Hub); "" = no owner filter.
    not_owner: str | None = None
    #: Only this person's records, and those written before anyone signed in (their own pages).
    owner: str | None = None
    #: Only records by this (other) person, exactly; or by any of ``authors`` (the Team page).
    author: str | None = None
    authors: tuple[str, ...] = ()
    #: Only records shared beyond their owner (visibility other than private).
    shared_only: bool = False
    #: Feedback and attachments: only those on this record.
    target_id: str = ""
    #: Only records in this sync state (SyncState value); "" = any.
    sync_state: str = ""


def _date_bound(table: Table, column_name: str, day: date, *, upper: bool) -> ColumnElement[bool]:
    column = table.c[column_name]
    if column_name in MOMENT_COLUMNS:
        # Datetimes are stored as UTC ISO text; compare with the day's bounds in UTC.
        moment = datetime.combine(day + timedelta(days=1) if upper else day, time(), tzinfo=UTC)
        text = format_datetime(moment)
        return column < text if upper else column >= text
    text = day.isoformat()
    return column <= text if upper else column >= text


def _whose(table: Table, flt: RecordFilter) -> list[ColumnElement[bool]]:
    """The filter's conditions on whose records they are."""
    parts: list[ColumnElement[bool]] = []
    if flt.not_owner is not None:
        parts.append(table.c.owner_id != flt.not_owner)
        parts.append(table.c.owner_id != "")
    if flt.owner:
        # Nearly every record here is the person's own: an index on the owner would only slow the
        # list down (SQLite would sort them all), so the condition is kept off it (``+``).
        owner: ColumnElement[str] = literal_column(f"+{table.name}.owner_id")
        parts.append(or_(owner == flt.owner, owner == ""))
    if flt.author:
        parts.append(table.c.owner_id == flt.author)
    if flt.authors:
        parts.append(table.c.owner_id.in_(flt.authors))
    return parts


def conditions(table: Table, record_type: str, flt: RecordFilter | None) -> ColumnElement[bool]:
    if flt is None:
        return true()
    parts: list[ColumnElement[bool]] = []
    date_column = DATE_COLUMNS[record_type]
    if flt.date_from is not None:
        parts.append(_date_bound(table, date_column, flt.date_from, upper=False))
    if flt.date_to is not None:
        parts.append(_date_bound(table, date_column, flt.date_to, upper=True))
    if flt.tag and "tags" in table.c:
        tags = func.json_each(table.c.tags).table_valued("value")
        parts.append(exists(select(literal_column("1")).select_from(tags).where(
            func.lower(tags.c.value) == flt.tag.strip().lower())))
    if flt.project and "project" in table.c:
        parts.append(func.lower(table.c.project) == flt.project.strip().lower())
    if flt.kind and "kind" in table.c:
        parts.append(table.c.kind == flt.kind)
    parts.extend(_whose(table, flt))
    if flt.shared_only:
        parts.append(table.c.visibility != "private")
    if flt.target_id and "target_id" in table.c:
        parts.append(table.c.target_id == flt.target_id)
    if flt.sync_state:
        parts.append(table.c.sync_state == flt.sync_state)
    return and_(true(), *parts)
