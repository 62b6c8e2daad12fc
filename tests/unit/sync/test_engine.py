"""The engine's own decisions, with a transport that answers as a misbehaving server would."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

from saypro_core.records import LearningLog
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.engine import SyncEngine, coalesce
from saypro_desktop.sync.transport import SyncError
from tests import factories
from tests.fake_server import record_out


class SilentServer:
    """Answers every request, but acknowledges nothing."""

    def __init__(self) -> None:
        self.requests: list[dict[str, object]] = []

    def post_sync(self, body: bytes) -> Iterator[bytes]:
        self.requests.append(json.loads(body))
        yield json.dumps({"v": 1, "ack": [], "ch": [], "cur": 0, "more": False, "cf": []}).encode()


class FlakyServer(SilentServer):
    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures

    def post_sync(self, body: bytes) -> Iterator[bytes]:
        if self.failures:
            self.failures -= 1
            raise SyncError("Could not reach the server (no connection?). Will try again.")
        request = json.loads(body)
        self.requests.append(request)
        acks = [{"s": "ok", "rev": 1} for _ in request["ch"]]  # in order, without ids, as the server does
        yield json.dumps({"v": 1, "ack": acks, "ch": [], "cur": 7, "more": False, "cf": []}).encode()


def test_edits_to_one_record_travel_as_one_change(store: RecordStore) -> None:
    log = store.save(factories.learning_log())
    store.save(dataclasses.replace(log, project="Jobs"))
    store.save(dataclasses.replace(store.require(LearningLog, log.id), project="Jobs 2", tags=["a"]))
    changes, sent = coalesce(store.pending_changes())
    assert len(changes) == 1 and changes[0]["f"]["project"] == "Jobs 2"  # type: ignore[index]
    assert changes[0]["h"] == store.pending_changes()[-1].hlc and "id" not in changes[0]
    assert sent[0].last_seq == store.pending_changes()[-1].seq


def test_a_server_that_takes_nothing_stops_the_sync_and_keeps_the_queue(store: RecordStore) -> None:
    store.save(factories.learning_log())
    server = SilentServer()
    report = SyncEngine(store, server, attempts=1).sync()
    assert not report.complete
    assert report.error == "The server did not acknowledge the changes sent. Will try again later."
    assert len(server.requests) == 1
    assert store.outbox_summary().changes == 1


def test_transient_failures_are_retried_with_backoff(store: RecordStore) -> None:
    store.save(factories.learning_log())
    server = FlakyServer(failures=2)
    report = SyncEngine(store, server, attempts=3, max_wait_s=0.01).sync()
    assert report.complete and report.sent == 1
    assert store.outbox_summary().changes == 0 and store.sync_cursor() == 7


def test_giving_up_after_the_attempts_reports_why(store: RecordStore) -> None:
    store.save(factories.learning_log())
    report = SyncEngine(store, FlakyServer(failures=5), attempts=2, max_wait_s=0.01).sync()
    assert not report.complete
    assert report.error == "Could not reach the server (no connection?). Will try again."
    assert store.outbox_summary().changes == 1


class DirectoryServer(SilentServer):
    """Answers with one colleague's log and the directory it is given (well-formed or not)."""

    def __init__(self, directory: object, log: dict[str, object]) -> None:
        super().__init__()
        self.directory, self.log = directory, log

    def post_sync(self, body: bytes) -> Iterator[bytes]:
        self.requests.append(json.loads(body))
        yield json.dumps({"v": 1, "ack": [], "ch": [self.log], "cur": 3, "more": False, "cf": [],
                          "dir": self.directory}).encode()


def test_a_bad_directory_from_the_server_is_set_aside_and_the_records_still_arrive(store: RecordStore) -> None:
    me, sam = factories.new_id(), factories.new_id()
    good = {"v": 2, "me": me, "p": [{"id": me, "n": "Thandi", "r": "staff"},
                                   {"id": sam, "n": "Sam", "r": "supervisor", "rel": ["supervisor"]}]}
    first = factories.learning_log(id=factories.new_id(), title="First")
    report = SyncEngine(store, DirectoryServer(good, record_out(first)), attempts=1).sync()
    assert report.complete and store.directory().name_of(sam) == "Sam" and store.directory_version() == 2
    hostile = [
        {"v": 3, "me": me, "p": [{"id": sam, "n": "Sam" * 100, "r": "supervisor"}]},  # a name past 120 characters
        {"v": 3, "me": me, "p": [{"id": sam, "n": "Sam", "r": "owner"}]},  # no such role
        {"v": 3, "me": me, "p": [{"id": sam, "n": "Sam", "r": "staff", "rel": ["boss"]}]},  # no such relation
        {"v": 3, "me": "../../etc", "p": []},
        "not a directory",
    ]
    for bad in hostile:
        log = factories.learning_log(id=factories.new_id(), title="Arrives all the same")
        report = SyncEngine(store, DirectoryServer(bad, record_out(log)), attempts=1).sync()
        assert report.complete and report.set_aside == 1 and report.pulled == 1, bad
        assert store.get(LearningLog, log.id) is not None
        assert store.directory().name_of(sam) == "Sam" and store.directory_version() == 2  # the good one stays
