"""Export/import: a round trip reproduces every field; a bad file changes nothing."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from saypro_core.records import RECORD_TYPES, LearningLog, Record
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.transfer import (
    ImportRejected,
    export_document,
    export_json,
    export_learning_logs_csv,
    import_file,
)
from tests import factories


def snapshot(store: RecordStore) -> list[tuple[object, ...]]:
    """Everything the profile holds, to prove a refused import changed nothing."""
    with store.engine.connect() as connection:
        rows: list[tuple[object, ...]] = []
        for table in (*RECORD_TYPES, "outbox", "search_docs", "meta"):
            rows.extend(tuple(r) for r in connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")))
        return rows


def all_records(store: RecordStore) -> list[Record]:
    return sorted((r for cls in RECORD_TYPES.values() for r in store.iter_all(cls)), key=lambda r: r.id)


@pytest.fixture
def other_store(tmp_path: Path) -> RecordStore:
    paths = DataPaths.resolve(tmp_path / "other")
    paths.ensure("colleague")
    opened = RecordStore.open(paths.database("colleague"))
    yield opened  # type: ignore[misc]
    opened.close()


def test_json_round_trip_reproduces_every_field(store: RecordStore, other_store: RecordStore,
                                                 tmp_path: Path) -> None:
    originals = store.save_many(factories.one_of_each() + [factories.learning_log(id=factories.new_id())])
    target = tmp_path / "export.json"
    with target.open("w", encoding="utf-8") as out:
        assert export_json(store, out) == len(originals)

    report = import_file(other_store, target)

    assert report.total == len(originals)
    assert report.summary().startswith("Imported 13 records (2 learning logs, 1 self assessments")
    strip = {"sync_state": None, "sync_error": None}
    assert [dataclasses.replace(r, **strip) for r in all_records(other_store)] == sorted(
        (dataclasses.replace(r, **strip) for r in originals), key=lambda r: r.id)


def test_export_document_has_the_documented_shape(store: RecordStore) -> None:
    store.save(factories.learning_log())
    document = export_document(store)
    assert document["format"] == 1
    assert set(document) == {"format", "exported_at", "app", "learning_logs", "self_assessments",
                             "session_notes", "development_goals", "feedback", "attachments", "planned_sessions",
                             "registrations", "attendance", "survey_responses", "hub_entries", "recognitions",
                             "conflicts"}
    log = document["learning_logs"][0]
    assert log["log_date"] == "2026-03-03" and log["visibility"] == "team"
    assert "sync_state" not in log  # about this laptop only


def test_csv_round_trip_of_learning_logs(store: RecordStore, other_store: RecordStore, tmp_path: Path) -> None:
    logs = store.save_many([factories.learning_log(), factories.learning_log(
        id=factories.new_id(), title='Comma, "quotes" and\nnew line', tags=[], template_answers=[],
        what_learned="Ubuntu: umuntu ngumuntu ngabantu")], keep_metadata=True)
    target = tmp_path / "logs.csv"
    with target.open("w", encoding="utf-8", newline="") as out:
        assert export_learning_logs_csv(store, out) == 2
    import_file(other_store, target)
    assert sorted(other_store.iter_all(LearningLog), key=lambda r: r.id) == sorted(
        (dataclasses.replace(r, sync_state=r.sync_state) for r in logs), key=lambda r: r.id)


def test_csv_from_a_spreadsheet_with_labels_and_local_dates(store: RecordStore, tmp_path: Path) -> None:
    source = tmp_path / "my logs.csv"
    source.write_text(
        "\ufeffTitle,Date,Project,What I learned,Tags\n"
        "Visit to Giyani clinic,23/10/2026,Health outreach,Nurses want shorter forms,health; forms\n"
        "\n"
        "Data day,2026/10/30,,Pivot tables save hours,\n",
        encoding="utf-8",
    )
    report = import_file(store, source)
    assert report.summary() == "Imported 2 records (2 learning logs)."
    logs = {log.title: log for log in store.iter_all(LearningLog)}
    assert logs["Visit to Giyani clinic"].log_date.isoformat() == "2026-10-23"
    assert logs["Visit to Giyani clinic"].tags == ["health", "forms"]
    assert logs["Data day"].revision == 1
    assert store.outbox_summary().changes == 2


def _export_text(store: RecordStore) -> str:
    out = io.StringIO()
    export_json(store, out)
    return out.getvalue()


def _bad_files(valid: str) -> dict[str, tuple[bytes, str]]:
    document = json.loads(valid)
    wrong_type = json.loads(valid)
    wrong_type["learning_logs"][1]["log_date"] = 20261101
    invalid = json.loads(valid)
    invalid["session_notes"][0]["title"] = ""
    future = json.loads(valid) | {"format": 2}
    unknown_section = json.loads(valid) | {"diary": []}
    duplicate = json.loads(valid)
    duplicate["learning_logs"].append(duplicate["learning_logs"][0])
    unknown_type = json.loads(valid)
    unknown_type["learning_logs"][0]["visibility"] = "everyone"
    surrogate = json.loads(valid)
    surrogate["learning_logs"][0]["what_learned"] = "cut \ud800 here"
    huge = json.loads(valid)
    huge["learning_logs"][0]["revision"] = 2**70
    return {
        "truncated": (valid[: len(valid) // 2].encode(), "the JSON is broken at line"),
        "empty": (b"", "the JSON is broken at line 1, column 1"),
        "wrong-type": (json.dumps(wrong_type).encode(),
                       "learning_logs record 2 'Second log': Date must be a date (YYYY-MM-DD), not 20261101."),
        "invalid-record": (json.dumps(invalid).encode(),
                           "session_notes record 1, field 'title': Title is required."),
        "future-format": (json.dumps(future).encode(), "uses export format 2; this version"),
        "no-format": (json.dumps({k: v for k, v in document.items() if k != "format"}).encode(),
                      "it has no 'format' key"),
        "not-an-object": (b"[1, 2, 3]", "it should hold one JSON object"),
        "unknown-section": (json.dumps(unknown_section).encode(), "unknown section 'diary'"),
        "duplicate-id": (json.dumps(duplicate).encode(), "is used twice"),
        "bad-enum": (json.dumps(unknown_type).encode(), "Visibility must be one of"),
        "garbage-10MB": (os.urandom(10 * 1024 * 1024), "is not a text file in UTF-8"),
        "text-garbage-10MB": (b"x" * (10 * 1024 * 1024), "the JSON is broken at line 1, column 1"),
        "lone-surrogate": (json.dumps(surrogate).encode(), "What I learned holds a character that is not valid text"),
        "revision-past-2**63": (json.dumps(huge).encode(), "Revision is too large a number"),
        "deep-nesting": (b'{"format": 1, "learning_logs": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
                         "nested far too deeply"),
    }


BAD_CASES = ["truncated", "empty", "wrong-type", "invalid-record", "future-format", "no-format",
             "not-an-object", "unknown-section", "duplicate-id", "bad-enum", "garbage-10MB",
             "text-garbage-10MB", "lone-surrogate", "revision-past-2**63", "deep-nesting"]


@pytest.mark.parametrize("case", BAD_CASES)
def test_malformed_imports_are_refused_and_change_nothing(store: RecordStore, tmp_path: Path, case: str) -> None:
    store.save_many([factories.learning_log(), factories.learning_log(id=factories.new_id(), title="Second log"),
                     factories.session_note()])
    content, message = _bad_files(_export_text(store))[case]
    before = snapshot(store)
    source = tmp_path / f"{case}.json"
    source.write_bytes(content)

    with pytest.raises(ImportRejected) as refused:
        import_file(store, source)

    assert message in str(refused.value)
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("title,log_date,what_learned\nGood,2026-01-02,A\nBad,31/02/2026,B\n",
         "bad.csv, line 3: Date: '31/02/2026' is not a date (use 2026-11-23 or 23/11/2026)."),
        ("title,log_date,mood\nGood,2026-01-02,happy\n", "bad.csv, line 1: unknown column 'mood'."),
        ("title,project\nGood,Jobs\n", "bad.csv, line 1: the column 'log_date' is missing."),
        ("title,log_date,what_learned\n,2026-01-02,Something\n",
         "bad.csv, line 2, field 'title': Title is required."),
        ("title,log_date,what_learned\nGood,2026-01-02,A,extra\n", "bad.csv, line 2: 4 cells, but the header names 3."),
        ("", "bad.csv is empty"),
        ("title,log_date\n\x00\x01\x02", "not a CSV file"),
    ],
    ids=["impossible-date", "unknown-column", "missing-column", "invalid-record", "extra-cell",
         "empty", "binary"],
)
def test_malformed_csv_is_refused_naming_the_line(store: RecordStore, tmp_path: Path,
                                                  content: str, message: str) -> None:
    store.save(factories.learning_log())
    before = snapshot(store)
    source = tmp_path / "bad.csv"
    source.write_text(content, encoding="utf-8")
    with pytest.raises(ImportRejected) as refused:
        import_file(store, source)
    assert message in str(refused.value)
    assert snapshot(store) == before


def test_missing_file_is_a_clear_error(store: RecordStore, tmp_path: Path) -> None:
    with pytest.raises(ImportRejected, match="Cannot read .*nothing-here.json: No such file"):
        import_file(store, tmp_path / "nothing-here.json")


def test_csv_export_is_readable_by_a_spreadsheet(store: RecordStore) -> None:
    store.save(factories.learning_log())
    out = io.StringIO()
    export_learning_logs_csv(store, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["title"] == "Youth jobs fair in Polokwane"
    assert rows[0]["tags"] == "jobs; cv-clinic"
