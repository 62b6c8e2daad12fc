"""Export and import: the documented JSON file, and CSV for learning logs.

JSON (``format`` 1)::

    {
      "format": 1,
      "exported_at": "2026-11-23T08:00:00.000Z",
      "app": "SayPro Field Learning 0.1.0",
      "learning_logs": [ {record}, ... ],
      "self_assessments": [...], "session_notes": [...], "development_goals": [...],
      "feedback": [...], "attachments": [...]
    }

Each record is an object with the record's fields (README, "Import and export", lists them);
dates are ``YYYY-MM-DD``, times ISO 8601 with a time zone. Lists may be left out of a file.

CSV (learning logs only): one log per row, a header row naming the columns by field name or by
the label on screen ("What I learned"); ``title`` and ``log_date`` (or ``Date``) are required,
tags are separated by ``;``. Dates may be ``2026-11-23``, ``2026/11/23`` or ``23/11/2026``.

An import is all or nothing: every record is read and checked before one transaction stores them
all, and any problem is an :class:`ImportRejected` naming the record (or line) and field.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from saypro_core.codec import DecodeError, decode, encode, format_datetime
from saypro_core.records import (
    CHILD_TYPES,
    LOCAL_ONLY_FIELDS,
    RECORD_TYPES,
    LearningLog,
    Record,
    TemplateAnswer,
    utc_now,
)
from saypro_core.validation import LABELS, problems
from saypro_desktop import APP_NAME, __version__
from saypro_desktop.storage.directory import is_mine
from saypro_desktop.storage.store import RecordStore

#: What belongs to the record it is on: the feedback and files on my records are mine to take too
#: (a colleague's registration or survey answer on a session I published is theirs).
ON_MY_RECORDS = ("feedback", "attachment")

FORMAT_VERSION = 1
#: An import larger than this is refused before it is read (the biggest real profiles are a few MB).
MAX_IMPORT_BYTES = 512 * 1024 * 1024

#: The JSON key holding each record type's list.
SECTIONS: dict[str, str] = {
    "learning_log": "learning_logs",
    "self_assessment": "self_assessments",
    "session_note": "session_notes",
    "development_goal": "development_goals",
    "feedback": "feedback",
    "attachment": "attachments",
    "planned_session": "planned_sessions",
    "registration": "registrations",
    "attendance": "attendance",
    "survey_response": "survey_responses",
    "hub_entry": "hub_entries",
    "recognition": "recognitions",
}
_TYPE_BY_SECTION = {section: RECORD_TYPES[t] for t, section in SECTIONS.items()}
_HEADER_KEYS = {"format", "exported_at", "app"}
#: Conflicts not settled yet: exported so nothing is missing from an export; an import leaves them
#: (they are settled in the app, or with `saypro-desktop conflicts resolve`).
CONFLICTS_SECTION = "conflicts"

CSV_COLUMNS = [
    "id", "title", "log_date", "project", "milestone", "what_happened", "what_learned",
    "do_differently", "tags", "visibility", "template_id", "template_answers",
    "created_at", "updated_at", "revision", "owner_id",
]


class ImportRejected(ValueError):
    """The file was not imported; the message says where and what is wrong."""


@dataclass(frozen=True)
class ImportReport:
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        parts = [f"{n} {SECTIONS[t].replace('_', ' ')}" for t, n in self.counts.items() if n]
        return f"Imported {self.total} record{'s' if self.total != 1 else ''}" + (
            f" ({', '.join(parts)})." if parts else ".")


# -- export ------------------------------------------------------------------------------


def export_document(store: RecordStore, record_types: Sequence[str] | None = None,
                    mine: str | None = None) -> dict[str, Any]:
    """Every record (of ``record_types``), or with ``mine`` (the signed-in person's id) only what is
    theirs: their records and the feedback given on them ("my data"), never colleagues' records."""
    types = list(record_types or SECTIONS)
    # My records' ids: the feedback and files on them are mine to take too.
    own = {r.id for t in SECTIONS if t not in CHILD_TYPES for r in store.iter_all(RECORD_TYPES[t])
           if is_mine(r.owner_id, mine)} if mine else set()
    document: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "exported_at": format_datetime(utc_now()),
        "app": f"{APP_NAME} {__version__}",
    }
    for record_type in types:
        cls = RECORD_TYPES[record_type]
        records: Iterable[Record] = store.iter_all(cls)
        if mine:
            records = (r for r in records if is_mine(r.owner_id, mine)
                       or (record_type in ON_MY_RECORDS and getattr(r, "target_id", None) in own))
        document[SECTIONS[record_type]] = [encode(record, exclude=LOCAL_ONLY_FIELDS) for record in records]
    if record_types is None:
        document[CONFLICTS_SECTION] = [dataclasses.asdict(c) for c in store.conflicts()]
    return document


def export_json(store: RecordStore, out: IO[str], record_types: Sequence[str] | None = None,
                mine: str | None = None) -> int:
    document = export_document(store, record_types, mine)
    json.dump(document, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return sum(len(v) for k, v in document.items() if k not in _HEADER_KEYS and k != CONFLICTS_SECTION)


def export_learning_logs_csv(store: RecordStore, out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for log in store.iter_all(LearningLog):
        row = encode(log, exclude=LOCAL_ONLY_FIELDS)
        row["tags"] = "; ".join(log.tags)
        row["template_answers"] = (
            json.dumps(row["template_answers"], ensure_ascii=False) if log.template_answers else "")
        writer.writerow({column: row[column] for column in CSV_COLUMNS})
        count += 1
    return count


# -- import ------------------------------------------------------------------------------


def _describe(record_type: str, number: int, raw: Any) -> str:
    title = raw.get(RECORD_TYPES[record_type].title_field) if isinstance(raw, dict) else None
    shown = title.encode("utf-8", "replace").decode("utf-8") if isinstance(title, str) else ""  # no lone surrogate
    name = f" '{shown[:50]}'" if shown else ""
    return f"{SECTIONS[record_type]} record {number}{name}"


def _check_records(records: Iterable[tuple[str, Record]]) -> list[Record]:
    """Validate decoded records; ``records`` pairs each with where it came from."""
    seen: dict[str, str] = {}
    checked: list[Record] = []
    for where, record in records:
        errors = problems(record)
        if errors:
            first = errors[0]
            raise ImportRejected(f"{where}, field '{first.field}': {first.message}")
        if record.id in seen:
            raise ImportRejected(f"{where}: id {record.id} is used twice (also by {seen[record.id]}).")
        seen[record.id] = where
        checked.append(record)
    return checked


def parse_json_document(data: Any) -> list[Record]:
    if not isinstance(data, dict):
        raise ImportRejected("The file is not a SayPro export: it should hold one JSON object.")
    if "format" not in data:
        raise ImportRejected("The file is not a SayPro export: it has no 'format' key.")
    version = data["format"]
    if version != FORMAT_VERSION:
        raise ImportRejected(
            f"The file uses export format {version!r}; this version of {APP_NAME} reads format "
            f"{FORMAT_VERSION}. Update the app to import it."
        )
    unknown = sorted(set(data) - _HEADER_KEYS - set(_TYPE_BY_SECTION) - {CONFLICTS_SECTION})
    if unknown:
        raise ImportRejected(
            f"The file has an unknown section '{unknown[0]}'. Known sections: "
            f"{', '.join(SECTIONS.values())}."
        )

    def decoded() -> Iterable[tuple[str, Record]]:
        for section, cls in _TYPE_BY_SECTION.items():
            items = data.get(section, [])
            if not isinstance(items, list):
                raise ImportRejected(f"Section '{section}' must be a list of records.")
            for number, raw in enumerate(items, start=1):
                where = _describe(cls.record_type, number, raw)
                try:
                    record = decode(cls, raw, ignore=LOCAL_ONLY_FIELDS)
                except DecodeError as exc:
                    raise ImportRejected(f"{where}: {exc}") from None
                yield where, record

    return _check_records(decoded())


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportRejected(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if size > MAX_IMPORT_BYTES:
        raise ImportRejected(f"{path} is {size / 1e6:.0f} MB; an import can be at most "
                             f"{MAX_IMPORT_BYTES / 1e6:.0f} MB.")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            f"{path} is not a text file in UTF-8 (unreadable byte at position {exc.start})."
        ) from None
    except OSError as exc:
        raise ImportRejected(f"Cannot read {path}: {exc.strerror or exc}.") from None


def read_json_file(path: Path) -> list[Record]:
    text = _read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRejected(
            f"{path.name} is not a complete SayPro export: the JSON is broken at line {exc.lineno}, "
            f"column {exc.colno} ({exc.msg}). Was the file cut short?"
        ) from None
    except RecursionError:
        raise ImportRejected(f"{path.name} is not a SayPro export: its JSON is nested far too deeply.") from None
    try:
        return parse_json_document(data)
    except RecursionError:
        raise ImportRejected(f"{path.name} is not a SayPro export: a record is nested far too deeply.") from None


_CSV_ALIASES: dict[str, str] = {
    **{label.lower(): name for name, label in LABELS.items() if name in CSV_COLUMNS},
    "date": "log_date",
    "what i learned": "what_learned",
}


def _csv_column(header: str) -> str | None:
    key = header.strip().lower()
    if key.replace(" ", "_") in CSV_COLUMNS:
        return key.replace(" ", "_")
    return _CSV_ALIASES.get(key)


def _csv_date(text: str) -> str:
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date (use 2026-11-23 or 23/11/2026)")


def _csv_row_to_log(row: dict[str, str]) -> LearningLog:
    data: dict[str, Any] = {k: v for k, v in row.items() if v != "" or k in ("title", "log_date")}
    if "log_date" not in data:
        raise DecodeError("log_date", "Date is missing.")
    try:
        data["log_date"] = _csv_date(data["log_date"])
    except ValueError as exc:
        raise DecodeError("log_date", f"Date: {exc}.") from None
    if "tags" in data:
        data["tags"] = [t.strip() for t in data["tags"].replace(",", ";").split(";") if t.strip()]
    if "revision" in data:
        if not data["revision"].strip().isdigit():
            raise DecodeError("revision", "Revision must be a whole number.")
        data["revision"] = int(data["revision"])
    if "template_answers" in data:
        try:
            answers = json.loads(data["template_answers"])
        except json.JSONDecodeError:
            raise DecodeError("template_answers", "Guided questions must be JSON as exported.") from None
        data["template_answers"] = [encode(decode(TemplateAnswer, a)) for a in answers] \
            if isinstance(answers, list) else answers
    return decode(LearningLog, data)


def _csv_header(reader: Any, name: str) -> list[str | None]:
    """The field each column holds (None for an unnamed, ignored column)."""
    try:
        header = next(reader)
    except StopIteration:
        raise ImportRejected(f"{name} is empty: expected a header row naming the columns.") from None
    except csv.Error as exc:
        raise ImportRejected(f"{name}, line 1: {exc}.") from None
    columns = [_csv_column(h) for h in header]
    unknown = [h for h, c in zip(header, columns, strict=True) if c is None and h.strip()]
    if unknown:
        raise ImportRejected(f"{name}, line 1: unknown column '{unknown[0]}'. Columns: {', '.join(CSV_COLUMNS)}.")
    for required in ("title", "log_date"):
        if required not in columns:
            raise ImportRejected(f"{name}, line 1: the column '{required}' is missing.")
    return columns


def read_learning_logs_csv(path: Path) -> list[Record]:
    text = _read_text(path)
    if "\x00" in text:
        raise ImportRejected(f"{path.name} is not a CSV file (it holds binary data).")
    reader = csv.reader(io.StringIO(text, newline=""))
    columns = _csv_header(reader, path.name)

    def decoded() -> Iterable[tuple[str, Record]]:
        try:
            for row in reader:
                where = f"{path.name}, line {reader.line_num}"
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) > len(columns):
                    raise ImportRejected(f"{where}: {len(row)} cells, but the header names {len(columns)}.")
                values = {c: cell for c, cell in zip(columns, row, strict=False) if c is not None}
                try:
                    yield where, _csv_row_to_log(values)
                except DecodeError as exc:
                    raise ImportRejected(f"{where}: {exc}") from None
        except csv.Error as exc:
            raise ImportRejected(f"{path.name}, line {reader.line_num}: {exc}.") from None

    return _check_records(decoded())


def read_file(path: Path, file_format: str | None = None) -> list[Record]:
    """Read and check every record in an import file (nothing is stored)."""
    chosen = file_format or ("csv" if path.suffix.lower() == ".csv" else "json")
    if chosen == "csv":
        return read_learning_logs_csv(path)
    return read_json_file(path)


def import_file(store: RecordStore, path: Path, file_format: str | None = None) -> ImportReport:
    """Import every record of ``path`` into ``store`` in one transaction, or none of them."""
    records = read_file(path, file_format)
    store.save_many(records, keep_metadata=True)
    counts = {t: 0 for t in SECTIONS}
    for record in records:
        counts[record.record_type] += 1
    return ImportReport(counts)
