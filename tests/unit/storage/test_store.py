"""The store keeps records, their outbox entries and the search index in step."""

from __future__ import annotations

import dataclasses
import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text, update

from saypro_core.records import (
    RECORD_TYPES,
    ActionItem,
    CompetencyRating,
    LearningLog,
    ProgressNote,
    Record,
    SessionNote,
    SyncState,
    TemplateAnswer,
)
from saypro_core.validation import ValidationError
from saypro_desktop.storage import outbox as outbox_ops
from saypro_desktop.storage import search
from saypro_desktop.storage.queries import DATE_COLUMNS, RecordFilter
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.storage.tables import RECORD_TABLES
from tests import factories

CONTENT_EXCLUDED = {"created_at", "updated_at", "revision", "sync_state", "sync_error"}


def content(record: Record) -> dict[str, Any]:
    return {k: v for k, v in dataclasses.asdict(record).items() if k not in CONTENT_EXCLUDED}


@pytest.mark.parametrize("record", factories.one_of_each(), ids=lambda r: r.record_type)
def test_save_and_read_back_every_field(store: RecordStore, record: Record) -> None:
    saved = store.save(record)
    loaded = store.get(type(record), record.id)
    assert loaded == saved
    assert content(loaded) == content(record)
    assert (saved.revision, saved.sync_state) == (1, SyncState.WAITING)


@pytest.mark.parametrize("record", factories.one_of_each(), ids=lambda r: r.record_type)
def test_keep_metadata_stores_the_record_exactly(store: RecordStore, record: Record) -> None:
    store.save_many([record], keep_metadata=True)
    loaded = store.require(type(record), record.id)
    assert dataclasses.replace(loaded, sync_state=record.sync_state) == record


def test_edit_bumps_revision_and_queues_only_the_changed_fields(store: RecordStore) -> None:
    first = store.save(factories.learning_log())
    second = store.save(dataclasses.replace(first, project="Digital Skills", tags=["digital"]))
    assert second.revision == 2
    assert second.created_at == first.created_at
    assert second.updated_at >= first.updated_at
    changes = store.pending_changes()
    assert [c.op for c in changes] == ["upsert", "upsert"]
    assert changes[1].fields == {"project": "Digital Skills", "tags": ["digital"]}
    assert (changes[1].base_revision, changes[1].revision) == (1, 2)
    assert changes[0].hlc < changes[1].hlc


def test_saving_an_unchanged_record_writes_nothing(store: RecordStore) -> None:
    saved = store.save(factories.learning_log())
    assert store.save(saved) == saved
    assert store.outbox_summary().changes == 1


def test_delete_leaves_a_tombstone_that_syncs_and_can_be_undone(store: RecordStore) -> None:
    log = store.save(factories.learning_log())
    deleted = store.delete(LearningLog, log.id)
    assert deleted.deleted
    assert store.records(LearningLog) == []
    assert store.count(LearningLog, include_deleted=True) == 1
    assert store.search("Polokwane") == []
    assert store.pending_changes()[-1].op == "delete"
    assert store.pending_changes()[-1].fields == {"deleted": True}
    store.restore(LearningLog, log.id)
    assert [r.id for r in store.records(LearningLog)] == [log.id]
    assert [h.record_id for h in store.search("Polokwane")] == [log.id]


def test_invalid_record_is_refused_and_nothing_stored(store: RecordStore) -> None:
    with pytest.raises(ValidationError, match="Title is required"):
        store.save(factories.learning_log(title=""))
    assert store.count(LearningLog, include_deleted=True) == 0
    assert store.outbox_summary().changes == 0


@pytest.mark.parametrize("failing_step", ["outbox", "search"])
def test_a_failure_mid_transaction_leaves_neither_record_nor_outbox(
    store: RecordStore, monkeypatch: pytest.MonkeyPatch, failing_step: str
) -> None:
    kept = store.save(factories.learning_log(title="Kept before the failure"))

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError("disk unplugged")

    if failing_step == "outbox":
        monkeypatch.setattr(outbox_ops, "append", fail)
    else:
        monkeypatch.setattr(search, "put", fail)
    with pytest.raises(OSError, match="disk unplugged"):
        store.save_many([factories.learning_log(title="Lost in the failure"),
                         dataclasses.replace(kept, title="Edited in the failure")])
    monkeypatch.undo()
    assert [r.title for r in store.records(LearningLog)] == ["Kept before the failure"]
    assert store.outbox_summary().changes == 1
    assert store.search("failure") and store.search("Edited") == []


def _put_word(record: Record, field: str, word: str) -> Record:
    value = getattr(record, field)
    if isinstance(value, str):
        return dataclasses.replace(record, **{field: f"{value} {word}".strip()})
    first = value[0]
    if isinstance(first, str):
        return dataclasses.replace(record, **{field: [*value, word]})
    replacement = {
        TemplateAnswer: lambda a: dataclasses.replace(a, answer=word),
        CompetencyRating: lambda r: dataclasses.replace(r, evidence=word),
        ActionItem: lambda i: dataclasses.replace(i, text=word),
        ProgressNote: lambda n: dataclasses.replace(n, text=word),
    }[type(first)]
    return dataclasses.replace(record, **{field: [replacement(first), *value[1:]]})


TEXT_FIELD_CASES = [
    (record, field) for record in factories.one_of_each() for field in record.text_fields
    if field != "gaps"  # competency ids, searchable but not free text
]


@pytest.mark.parametrize(("record", "field"), TEXT_FIELD_CASES,
                         ids=[f"{r.record_type}.{f}" for r, f in TEXT_FIELD_CASES])
def test_search_finds_a_word_in_any_text_field(store: RecordStore, record: Record, field: str) -> None:
    store.save(_put_word(record, field, "Zebrafinch"))
    store.save(factories.learning_log(title="Unrelated log"))
    hits = store.search("zebrafin")
    assert [(h.record_type, h.record_id) for h in hits] == [(record.record_type, record.id)]


def test_search_ignores_accents_and_treats_operators_as_words(store: RecordStore) -> None:
    note = store.save(factories.session_note(title='Knowledge café: "NEAR" AND -data'))
    assert [h.record_id for h in store.search("cafe")] == [note.id]
    assert [h.record_id for h in store.search('"near AND -data')] == [note.id]
    assert store.search("   ") == []
    assert store.search("café", record_types=["learning_log"]) == []


def test_search_ranks_title_matches_first_and_marks_the_words(store: RecordStore) -> None:
    in_body = store.save(factories.learning_log(title="Monthly report", what_learned="Radio helps"))
    in_title = store.save(factories.learning_log(title="Radio outreach", what_learned="Talk shows"))
    hits = store.search("radio")
    assert [h.record_id for h in hits] == [in_title.id, in_body.id]
    assert "[Radio]" in hits[1].snippet


def test_edits_replace_the_index_entry(store: RecordStore) -> None:
    log = store.save(factories.learning_log(what_learned="Spreadsheets"))
    store.save(dataclasses.replace(log, what_learned="Dashboards"))
    assert store.search("spreadsheets") == []
    assert [h.record_id for h in store.search("dashboards")] == [log.id]


def test_database_is_crash_safe(store: RecordStore) -> None:
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_concurrent_writers_all_land(store: RecordStore) -> None:
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for n in range(25):
                store.save(factories.learning_log(id=factories.new_id(), title=f"Worker {worker} log {n}"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.count(LearningLog) == 100
    assert store.outbox_summary() == outbox_ops.OutboxSummary(changes=100, records=100,
                                                              bytes=store.outbox_summary().bytes)
    assert len(store.search("worker")) == 50  # the default page of results


def test_list_pages_and_orders(store: RecordStore) -> None:
    notes = [factories.session_note(id=factories.new_id(), title=f"Session {n}",
                                    starts_at=factories.CREATED.replace(day=n + 1), ends_at=None)
             for n in range(5)]
    store.save_many(notes)
    page = store.records(SessionNote, order_by="starts_at", descending=False, limit=2, offset=1)
    assert [n.title for n in page] == ["Session 1", "Session 2"]
    assert sorted(r.id for r in store.iter_all(SessionNote)) == sorted(n.id for n in notes)


def test_reopening_keeps_device_id_and_clock(data_paths: Any) -> None:
    first = RecordStore.open(data_paths.database())
    stamp = (first.save(factories.learning_log()), first.pending_changes()[0].hlc)[1]
    device = first.device_id
    first.close()
    second = RecordStore.open(data_paths.database())
    second.save(factories.learning_log(id=factories.new_id()))
    assert second.device_id == device
    assert second.pending_changes()[1].hlc > stamp
    second.close()


def test_every_record_type_has_a_table() -> None:
    from saypro_desktop.storage.tables import RECORD_TABLES

    assert set(RECORD_TABLES) == set(RECORD_TYPES)


def test_only_the_newest_matches_are_ranked(store: RecordStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    logs = [store.save(factories.learning_log(id=factories.new_id(), title=f"Visit {n}",
                                              what_learned="clinic queues")) for n in range(5)]
    hits = store.search("clinic")
    assert {h.record_id for h in hits} == {log.id for log in logs[2:]}


def test_records_deleted_long_ago_and_synced_are_forgotten(store: RecordStore) -> None:
    kept = store.save(factories.learning_log(id=factories.new_id()))
    old = store.delete(LearningLog, store.save(factories.learning_log(id=factories.new_id())).id)
    recent = store.delete(LearningLog, store.save(factories.learning_log(id=factories.new_id())).id)
    table = RECORD_TABLES["learning_log"]
    with store.engine.begin() as connection:
        connection.execute(update(table).values(sync_state=SyncState.SYNCED.value))
        connection.execute(update(table).where(table.c.id == old.id).values(updated_at="2020-01-01T00:00:00.000Z"))
    store.purge_tombstones(timedelta(days=30))
    assert store.get(LearningLog, old.id) is None
    assert store.get(LearningLog, recent.id) is not None and store.get(LearningLog, kept.id) is not None


@pytest.mark.parametrize("record", factories.one_of_each(), ids=lambda r: r.record_type)
def test_every_record_type_lists_by_date_owner_and_target(store: RecordStore, record: Record) -> None:
    saved = store.save(record)
    day = getattr(saved, DATE_COLUMNS[saved.record_type])
    day = day.date() if hasattr(day, "date") else day
    found = store.records(type(saved), where=RecordFilter(date_from=day, date_to=day, owner=saved.owner_id,
                                                          target_id=getattr(saved, "target_id", "")))
    assert [r.id for r in found] == [saved.id]
    assert store.records(type(saved), where=RecordFilter(date_to=day - timedelta(days=2))) == []
