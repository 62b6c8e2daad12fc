"""Bad requests get a clear 4xx and store nothing."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest
from sqlalchemy import func, select

from saypro_core import compression
from saypro_core.wire import MAX_BATCH_CHANGES
from saypro_server.tables import StoredRecord
from tests import factories
from tests.server.conftest import Account, Server
from tests.server.helpers import change


@pytest.fixture
def account(server: Server) -> Account:
    server.user("thandi")
    return server.login("thandi")


def stored_records(server: Server) -> int:
    with server.session() as session:
        return int(session.scalar(select(func.count()).select_from(StoredRecord)) or 0)


def post(server: Server, account: Account, body: bytes, **headers: str) -> tuple[int, Any]:
    response = server.client.post("/api/v1/sync", content=body,
                                  headers={**account.headers, "Content-Type": "application/json", **headers})
    return response.status_code, response.json()


def a_change(account: Account, **overrides: Any) -> dict[str, Any]:
    return change(factories.learning_log(id=factories.new_id(), **overrides), account.device_id)


def payload(account: Account, changes: list[dict[str, Any]], **extra: Any) -> bytes:
    return json.dumps({"v": 1, "dev": account.device_id, "ch": changes, **extra}).encode()


def test_oversized_body(server: Server, account: Account) -> None:
    body = payload(account, [a_change(account, what_happened="x" * 5_000_000)])
    status, detail = post(server, account, body)
    assert (status, detail["detail"]) == (413, "The request body is larger than 4096 KB.")
    assert stored_records(server) == 0


@pytest.mark.parametrize("encoding", ["gzip", "zstd"])
def test_compression_bomb_stops_at_the_inflated_limit(server: Server, account: Account, encoding: str) -> None:
    bomb = compression.compress(b" " * 20_000_000, encoding)  # type: ignore[arg-type]
    assert len(bomb) < 100_000
    status, detail = post(server, account, bomb, **{"Content-Encoding": encoding})
    assert (status, detail["detail"]) == (413, "The request body inflates past 16384 KB.")


@pytest.mark.parametrize(("encoding", "body"), [
    ("gzip", b"not gzip at all"), ("gzip", gzip.compress(b'{"v": 1}')[:-6]),
    ("zstd", b"not zstd at all"), ("zstd", compression.compress(b'{"v": 1, "ch": []}' * 50, "zstd")[:-6]),
], ids=["gzip-plain", "gzip-truncated", "zstd-plain", "zstd-truncated"])
def test_broken_compressed_body(server: Server, account: Account, encoding: str, body: bytes) -> None:
    status, detail = post(server, account, body, **{"Content-Encoding": encoding})
    assert (status, detail["detail"]) == (400, f"The request body is not valid {encoding} (cut short or corrupt?).")
    assert stored_records(server) == 0


def test_unsupported_encoding(server: Server, account: Account) -> None:
    status, detail = post(server, account, b"{}", **{"Content-Encoding": "br"})
    assert (status, detail["detail"]) == (415, "Content-Encoding 'br' is not supported; use zstd or gzip.")


def test_truncated_json(server: Server, account: Account) -> None:
    body = payload(account, [a_change(account)])
    status, detail = post(server, account, body[: len(body) // 2])
    assert status == 422
    assert detail["detail"][0]["type"] == "json_invalid"
    assert stored_records(server) == 0


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda p: p.update(cur="yesterday"), ["body", "cur"]),
        (lambda p: p["ch"][0].update(t="diary"), ["body", "ch", 0, "t"]),
        (lambda p: p["ch"][0].update(op="x"), ["body", "ch", 0, "op"]),
        (lambda p: p["ch"][0].update(h="not a stamp"), ["body", "ch", 0, "h"]),
        (lambda p: p["ch"][0].update(r="../../etc/passwd"), ["body", "ch", 0, "r"]),
        (lambda p: p.update(v=2), ["body", "v"]),
        (lambda p: p.update(extra=True), ["body", "extra"]),
        (lambda p: p.update(ch=p["ch"] * (MAX_BATCH_CHANGES + 1)), ["body", "ch"]),
    ],
    ids=["cursor-text", "unknown-type", "unknown-op", "bad-stamp", "bad-id", "future-version", "unknown-key",
         "too-many-changes"],
)
def test_wrong_shapes_are_422_with_the_location(server: Server, account: Account, mutate: Any,
                                                where: list[Any]) -> None:
    document = json.loads(payload(account, [a_change(account)]))
    mutate(document)
    status, detail = post(server, account, json.dumps(document).encode())
    assert status == 422
    assert detail["detail"][0]["loc"] == where
    assert stored_records(server) == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "x" * 10_000}, "title: Title is too long: at most 200 characters, this has 10,000."),
        ({"what_learned": "y" * 300_000}, "The change is larger than 256 KB."),
        ({"log_date": "2026-02-30"}, "log_date: Date must be a date (YYYY-MM-DD), not '2026-02-30'."),
        ({"tags": "not a list"}, "tags: Tags must be a list, not 'not a list'."),
        ({"mood": "happy"}, "Unknown field 'mood' for a learning log."),
        ({"sync_state": "synced"}, "Unknown field 'sync_state' for a learning log."),
        ({"owner_id": "someone-else"}, "Unknown field 'owner_id' for a learning log."),
    ],
)
def test_invalid_records_are_rejected_by_name(server: Server, account: Account, fields: dict[str, Any],
                                              message: str) -> None:
    bad = a_change(account)
    bad["f"].update(fields)
    good = a_change(account)
    result = server.sync(account, [bad, good])
    assert [(a["s"], a.get("err", "")) for a in result["ack"]] == [("rejected", message), ("ok", "")]
    assert stored_records(server) == 1  # the valid change in the same batch is kept
