"""ASGI middleware: who may send a body, how large, how slowly, and compressed request bodies
(zstd or gzip).

Runs before FastAPI reads a body:
- An API request needs a valid access token before a byte of its body is read (only sign-in and
  refresh are open, and take small bodies): a stranger cannot make the server read, inflate and
  parse megabytes.
- An oversized or corrupt upload is answered with a clear 4xx without being parsed, and a
  compression bomb stops at the inflated limit.
- A body that stalls (no byte for ``idle_s``) or crawls (longer than ``total_s`` in all) is answered
  408 and dropped, so slow uploads cannot hold the server's connections.

A body cut off by a dropped connection reaches the app only where a prefix of it is still worth
keeping: an attachment chunk (``application/offset+octet-stream``), whose bytes are stored at their
offset, so the device's resume sends only what is missing (tus servers do the same). Anything
else cut off is dropped unanswered: the client is gone.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from saypro_core import compression

#: The methods whose bodies the API reads.
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: The content type of an attachment chunk (tus): a prefix of one is stored where it belongs.
RESUMABLE = "application/offset+octet-stream"
#: API paths that take a body without an access token (they are how one gets a token)...
OPEN_PATHS = frozenset({"/api/v1/auth/login", "/api/v1/auth/refresh"})
#: ...and the most they read.
OPEN_BODY_BYTES = 16 * 1024


class BodyTooLarge(Exception):
    pass


class BodyTooSlow(Exception):
    pass


class RequestBodyMiddleware:
    def __init__(self, app: ASGIApp, *, max_body: int, max_inflated: int,
                 token_ok: Callable[[str], bool] | None = None, idle_s: float = 30.0,
                 total_s: float = 600.0) -> None:
        """``token_ok``: whether an access token is genuine and unexpired (None: no check, for tests
        of the other rules)."""
        self.app = app
        self.max_body = max_body
        self.max_inflated = max_inflated
        self.token_ok = token_ok
        self.idle_s = idle_s
        self.total_s = total_s

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        """Why this request's body is not read at all (401 before any byte of it), or None."""
        path: str = scope.get("path", "")
        if self.token_ok is None or not path.startswith("/api/") or path in OPEN_PATHS:
            return None
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            return 401, "Sign in first: this needs an access token."
        if not self.token_ok(token.strip()):
            return 401, "The access token is not valid or has expired; refresh it."
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)  # no body to guard (the app answers 405 to a method it lacks)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        try:
            body = await self._body(scope, headers, receive)
        except _Refused as refused:
            await _error(send, refused.status, refused.detail, refused.extra)
            return
        if body is None:
            return  # the client went away mid-body: nobody is left to answer
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

    async def _body(self, scope: Scope, headers: dict[str, str], receive: Receive) -> bytes | None:
        """The body as the app should see it (inflated); None when it was cut off and nothing of it
        is worth keeping. Raises _Refused."""
        refused = self._refusal(scope, headers)
        if refused is not None:
            raise _Refused(*refused, extra=[(b"www-authenticate", b"Bearer"), (b"connection", b"close")])
        limit = OPEN_BODY_BYTES if scope.get("path") in OPEN_PATHS else self.max_body
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _Refused(413, f"The request body is larger than {limit // 1024} KB.")
        try:
            body, whole = await _read(receive, limit, self.idle_s, self.total_s)
        except BodyTooLarge:
            raise _Refused(413, f"The request body is larger than {limit // 1024} KB.") from None
        except BodyTooSlow:
            raise _Refused(408, "The request body came too slowly; send it again.",
                           extra=[(b"connection", b"close")]) from None
        encoding = headers.get("content-encoding", "identity").strip().lower()
        if not whole and not (headers.get("content-type") == RESUMABLE and encoding in ("identity", "")):
            return None
        if encoding in ("identity", ""):
            return body
        if encoding == "zstd":
            method: compression.Encoding = "zstd"
        elif encoding == "gzip":
            method = "gzip"
        else:
            raise _Refused(415, f"Content-Encoding '{encoding}' is not supported; use zstd or gzip.")
        try:
            return compression.decompress(body, method, self.max_inflated)
        except compression.TooLarge:
            raise _Refused(413, f"The request body inflates past {self.max_inflated // 1024} KB.") from None
        except compression.Corrupt:
            raise _Refused(400, f"The request body is not valid {encoding} (cut short or corrupt?).") from None


class _Refused(Exception):
    def __init__(self, status: int, detail: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.extra = extra


async def _read(receive: Receive, limit: int, idle_s: float, total_s: float) -> tuple[bytes, bool]:
    """The body, and whether it arrived whole (False: the connection dropped part-way)."""
    chunks: list[bytes] = []
    size = 0
    deadline = time.monotonic() + total_s
    while True:
        wait = min(idle_s, deadline - time.monotonic())
        if wait <= 0:
            raise BodyTooSlow
        try:
            message = await asyncio.wait_for(receive(), timeout=wait)
        except TimeoutError:
            raise BodyTooSlow from None
        if message["type"] == "http.disconnect":
            return b"".join(chunks), False
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), True


async def _error(send: Send, status_code: int, detail: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    payload: Any = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status_code,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
                            *(extra or [])]})
    await send({"type": "http.response.body", "body": payload})
