"""ASGI middleware: request body size limits and compressed request bodies (zstd or gzip).

Runs before FastAPI parses a body, so an oversized or corrupt upload is answered with a clear
4xx without being parsed, and a compression bomb stops at the inflated limit.

A body cut off by a dropped connection reaches the app only where a prefix of it is still worth
keeping: an attachment chunk (``application/offset+octet-stream``), whose bytes are stored at their
offset, so the device's resume sends only what is missing (tus servers do the same). Anything
else cut off is dropped unanswered: the client is gone.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from saypro_core import compression

#: The content type of an attachment chunk (tus): a prefix of one is stored where it belongs.
RESUMABLE = "application/offset+octet-stream"


class BodyTooLarge(Exception):
    pass


class RequestBodyMiddleware:
    def __init__(self, app: ASGIApp, *, max_body: int, max_inflated: int) -> None:
        self.app = app
        self.max_body = max_body
        self.max_inflated = max_inflated

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body:
            await _error(send, 413, f"The request body is larger than {self.max_body // 1024} KB.")
            return
        try:
            body, whole = await _read(receive, self.max_body)
        except BodyTooLarge:
            await _error(send, 413, f"The request body is larger than {self.max_body // 1024} KB.")
            return
        encoding = headers.get("content-encoding", "identity").strip().lower()
        if not whole and not (headers.get("content-type") == RESUMABLE and encoding in ("identity", "")):
            return  # the client went away mid-body: nobody is left to answer
        if encoding in ("zstd", "gzip"):
            try:
                body = compression.decompress(body, encoding, self.max_inflated)
            except compression.TooLarge:
                await _error(send, 413, f"The request body inflates past {self.max_inflated // 1024} KB.")
                return
            except compression.Corrupt:
                await _error(send, 400, f"The request body is not valid {encoding} (cut short or corrupt?).")
                return
        elif encoding not in ("identity", ""):
            await _error(send, 415, f"Content-Encoding '{encoding}' is not supported; use zstd or gzip.")
            return
        new_headers = [(k, v) for k, v in scope["headers"] if k.lower() not in (b"content-encoding", b"content-length")]
        new_headers.append((b"content-length", str(len(body)).encode()))
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app({**scope, "headers": new_headers}, replay, send)


async def _read(receive: Receive, limit: int) -> tuple[bytes, bool]:
    """The body, and whether it arrived whole (False: the connection dropped part-way)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks), False
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), True


async def _error(send: Send, status_code: int, detail: str) -> None:
    payload: Any = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status_code,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]})
    await send({"type": "http.response.body", "body": payload})
