"""A request body cut off by a dropped connection (RequestBodyMiddleware, driven as ASGI): an
attachment chunk's prefix reaches the app, to be stored at its offset; anything else is dropped."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from saypro_server.body_limits import RESUMABLE, RequestBodyMiddleware


def cut_off(content_type: str, encoding: str = "identity") -> tuple[list[bytes], list[dict[str, Any]]]:
    """POST a body of two 1,000-byte pieces whose connection drops after the first."""
    seen: list[bytes] = []
    answered: list[dict[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        message = await receive()
        seen.append(message["body"])
        assert dict(scope["headers"])[b"content-length"] == str(len(message["body"])).encode()

    messages = iter([{"type": "http.request", "body": b"a" * 1000, "more_body": True}, {"type": "http.disconnect"}])

    async def receive() -> dict[str, Any]:
        return next(messages)

    async def send(message: dict[str, Any]) -> None:
        answered.append(message)

    middleware = RequestBodyMiddleware(app, max_body=1 << 20, max_inflated=1 << 22)
    headers = [(b"content-type", content_type.encode()), (b"content-length", b"2000"),
               (b"content-encoding", encoding.encode())]
    scope = {"type": "http", "method": "PATCH", "headers": headers}
    asyncio.run(middleware(scope, receive, send))
    return seen, answered


def test_the_part_of_an_attachment_chunk_that_arrived_is_kept() -> None:
    seen, answered = cut_off(RESUMABLE)
    assert seen == [b"a" * 1000] and answered == []


@pytest.mark.parametrize(("content_type", "encoding"), [("application/json", "identity"), ("application/json", "zstd"),
                                                         (RESUMABLE, "gzip")])
def test_any_other_body_cut_off_is_dropped_unanswered(content_type: str, encoding: str) -> None:
    seen, answered = cut_off(content_type, encoding)
    assert seen == [] and answered == []


def test_a_client_that_went_away_is_logged_as_such_not_as_a_server_error(caplog: pytest.LogCaptureFixture) -> None:
    from saypro_server.app import CLIENT_WENT_AWAY, RequestLogMiddleware

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await receive()  # the body never arrives whole; nothing is answered

    messages = iter([{"type": "http.request", "body": b"{", "more_body": True}, {"type": "http.disconnect"}])

    async def receive() -> dict[str, Any]:
        return next(messages)

    async def send(message: dict[str, Any]) -> None:
        raise AssertionError("nothing is sent to a client that left")

    middleware = RequestLogMiddleware(RequestBodyMiddleware(app, max_body=1 << 20, max_inflated=1 << 22))
    scope = {"type": "http", "method": "POST", "path": "/api/v1/sync",
             "headers": [(b"content-type", b"application/json"), (b"content-length", b"100")]}
    with caplog.at_level(logging.INFO, logger="saypro_server.requests"):
        asyncio.run(middleware(scope, receive, send))
    [record] = [r for r in caplog.records if r.name == "saypro_server.requests"]
    assert record.getMessage() == "client went away" and record.status == CLIENT_WENT_AWAY  # type: ignore[attr-defined]
