"""A request body cut off by a dropped connection (RequestBodyMiddleware, driven as ASGI): an
attachment chunk's prefix reaches the app, to be stored at its offset; anything else is dropped."""

from __future__ import annotations

import asyncio
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
