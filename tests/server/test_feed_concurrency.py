"""The change feed under concurrent writers and readers on PostgreSQL (DESIGN.md, the change-feed
trap): every reader ends with every change, none skipped, none twice."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import pytest
from sqlalchemy.orm import Session, sessionmaker

from saypro_core.ids import new_id
from saypro_core.records import Visibility
from saypro_core.wire import Change
from saypro_server import sync_service
from saypro_server.sync_service import principal_for
from saypro_server.tables import User
from tests import factories
from tests.server.conftest import Server
from tests.server.helpers import content, stamp

WRITERS, READERS = 4, 3
CHANGES_PER_WRITER = 5_000
BATCH = 100


@dataclass
class Run:
    factory: sessionmaker[Session]
    writing: threading.Event = field(default_factory=threading.Event)
    written: list[str] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)

    def principal(self, user_id: str) -> sync_service.Principal:
        with self.factory() as session:
            user = session.get(User, user_id)
            assert user is not None
            return principal_for(session, user, new_id())


def write(run: Run, user_id: str) -> None:
    principal = run.principal(user_id)
    try:
        for _ in range(CHANGES_PER_WRITER // BATCH):
            logs = [factories.learning_log(id=new_id(), visibility=Visibility.TEAM) for _ in range(BATCH)]
            changes = [Change(id=new_id(), t="learning_log", r=log.id, op="u", f=content(log), b=0,
                              h=stamp(principal.device_id)) for log in logs]
            with run.factory() as session:
                acks = sync_service.push(session, principal, changes)
                session.commit()
            assert {a.s for a in acks} == {"ok"}, acks[0]
            run.written.extend(c.r for c in changes)
    except BaseException as exc:  # noqa: BLE001 - reported by the test
        run.errors.append(exc)


def read(run: Run, user_id: str, seen: Counter[str]) -> None:
    principal = run.principal(user_id)
    cursor = 0
    try:
        while True:
            still_writing = run.writing.is_set()
            with run.factory() as session:
                result = sync_service.pull(session, principal, cursor, 500)
            seen.update(r.r for r in result.records)
            cursor = result.cursor
            if not result.more and not still_writing:
                return  # drained after the last writer finished
            if not result.more:
                time.sleep(0.005)
    except BaseException as exc:  # noqa: BLE001
        run.errors.append(exc)


@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_concurrent_writers_and_readers_miss_nothing(server: Server) -> None:
    server.team("Limpopo")
    run = Run(server.session_factory)
    run.writing.set()
    writers = [threading.Thread(target=write, args=(run, server.user(f"writer{n}", team="Limpopo")))
               for n in range(WRITERS)]
    seen: list[Counter[str]] = [Counter() for _ in range(READERS)]
    readers = [threading.Thread(target=read, args=(run, server.user(f"reader{n}", team="Limpopo"), seen[n]))
               for n in range(READERS)]
    for thread in [*readers, *writers]:
        thread.start()
    for thread in writers:
        thread.join()
    run.writing.clear()
    for thread in readers:
        thread.join(timeout=300)
    assert run.errors == []
    everything = set(run.written)
    assert len(everything) == WRITERS * CHANGES_PER_WRITER
    for counts in seen:
        assert set(counts) == everything, f"skipped {len(everything - set(counts))} changes"
        assert max(counts.values()) == 1, "a change was served twice"
