"""Full-text search over every text field of every record (SQLite FTS5).

The store keeps the index current inside the same transaction as each write. ``search_docs``
gives each record a stable integer rowid in the FTS table, so replacing a record's entry is a
rowid lookup, not a scan.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, TextClause, bindparam, delete, insert, select, text

from saypro_core.records import Record
from saypro_desktop.storage.tables import search_docs

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
_CHUNK = 500


@dataclass(frozen=True)
class SearchHit:
    record_type: str
    record_id: str
    title: str
    #: A few words around the match, the matched words between ``[`` and ``]``.
    snippet: str


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name != "id":
                yield from _strings(getattr(value, f.name))


def index_text(record: Record) -> tuple[str, str]:
    """The (title, body) a record is found by: every text it holds, lists included."""
    body_fields = [name for name in record.text_fields if name != record.title_field]
    body = "\n".join(s for name in body_fields for s in _strings(getattr(record, name)) if s)
    return record.display_title, body


def match_expression(query: str) -> str | None:
    """An FTS5 query for what a person typed: every word must appear; the last may be unfinished.

    Only the last word matches as a prefix (search as you type): a prefix costs a merge of every
    indexed word it starts, which for a common word in a large profile is most of the time a
    search takes. Words are quoted, so FTS5 operators a user might type (AND, NEAR, quotes, '-')
    are plain text.
    """
    tokens = _TOKEN_RE.findall(query)
    if not tokens:
        return None
    return " ".join([*(f'"{token}"' for token in tokens[:-1]), f'"{tokens[-1]}"*'])


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def remove(connection: Connection, record_ids: Sequence[str]) -> None:
    for chunk in _chunks(record_ids):
        connection.execute(
            text("DELETE FROM search_index WHERE rowid IN "
                 "(SELECT rowid FROM search_docs WHERE record_id IN :ids)").bindparams(
                bindparam("ids", expanding=True)),
            {"ids": list(chunk)},
        )
        connection.execute(delete(search_docs).where(search_docs.c.record_id.in_(chunk)))


def put(connection: Connection, records: Sequence[Record]) -> None:
    """Index ``records``, replacing what was indexed for them before."""
    for chunk in _chunks(records):
        ids = [r.id for r in chunk]
        rowids = dict(connection.execute(
            select(search_docs.c.record_id, search_docs.c.rowid).where(search_docs.c.record_id.in_(ids))
        ).all())
        missing = [{"record_type": r.record_type, "record_id": r.id} for r in chunk if r.id not in rowids]
        if missing:
            connection.execute(insert(search_docs), missing)
            rowids.update(connection.execute(
                select(search_docs.c.record_id, search_docs.c.rowid)
                .where(search_docs.c.record_id.in_([m["record_id"] for m in missing]))
            ).all())
        connection.execute(
            text("DELETE FROM search_index WHERE rowid IN :rowids").bindparams(
                bindparam("rowids", expanding=True)),
            {"rowids": [rowids[i] for i in ids]},
        )
        rows = []
        for record in chunk:
            title, body = index_text(record)
            rows.append({"rowid": rowids[record.id], "title": title, "body": body})
        connection.execute(
            text("INSERT INTO search_index (rowid, title, body) VALUES (:rowid, :title, :body)"), rows
        )


def clear(connection: Connection) -> None:
    connection.execute(text("DELETE FROM search_index"))
    connection.execute(delete(search_docs))


#: How many of the newest matches are ranked by relevance. Ranking costs time per matching
#: record; a word that is in every record of a 100,000-record profile would otherwise take
#: ~100 ms. Older matches past the window are not shown (the newest are what people look for).
RANK_WINDOW = 1000


def query(connection: Connection, query_text: str, *, limit: int = 50,
          record_types: Sequence[str] | None = None) -> list[SearchHit]:
    """The best matches for what a person typed, best first (BM25, titles weighted up).

    Only the newest :data:`RANK_WINDOW` matching records are ranked: FTS5 walks matches in
    rowid order cheaply, so the rowid of the oldest record in the window is found first and the
    ranked query is limited to rowids from there on.
    """
    expression = match_expression(query_text)
    if expression is None:
        return []
    params: dict[str, Any] = {"expression": expression, "limit": limit, "window": RANK_WINDOW - 1}
    type_filter = ""
    if record_types:
        type_filter = " AND d.record_type IN :types"
        params["types"] = list(record_types)
    join = " JOIN search_docs AS d ON d.rowid = s.rowid" if record_types else ""
    floor = connection.execute(
        _with_types(text(
            f"SELECT s.rowid FROM search_index AS s{join} WHERE search_index MATCH :expression{type_filter} "
            "ORDER BY s.rowid DESC LIMIT 1 OFFSET :window"), record_types),
        params,
    ).scalar()
    params["floor"] = floor or 0
    statement = _with_types(text(
        "SELECT d.record_type, d.record_id, s.title, "
        "snippet(search_index, 1, '[', ']', '…', 12) "
        "FROM search_index AS s JOIN search_docs AS d ON d.rowid = s.rowid "
        f"WHERE search_index MATCH :expression AND s.rowid >= :floor{type_filter} "
        "ORDER BY bm25(search_index, 4.0, 1.0) LIMIT :limit"), record_types)
    return [SearchHit(*row) for row in connection.execute(statement, params)]


def _with_types(statement: TextClause, record_types: Sequence[str] | None) -> TextClause:
    return statement.bindparams(bindparam("types", expanding=True)) if record_types else statement
