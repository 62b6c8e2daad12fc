"""A hostile (or broken) sync server on loopback: it answers whatever a test scripts, so the desktop
can be tried against answers the real server never gives.

Only loopback: the desktop refuses plain http anywhere else.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from saypro_core.codec import encode
from saypro_core.ids import new_id
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.sync.credentials import Credentials, CredentialStore


@dataclass
class Script:
    """What the fake server answers."""

    #: The body of each answer to POST /api/v1/sync, in turn (the last one repeats): raw bytes, or
    #: frames (each a JSON-able value) sent one per line.
    sync: list[bytes | list[Any]] = field(default_factory=lambda: [[{"cur": 0}]])
    #: The bytes of GET /api/v1/attachments/<name>; a missing name answers 404.
    files: dict[str, bytes] = field(default_factory=dict)
    status: int = 200
    #: When set, every request is answered 307 to this address (a hostile server or a path that hijacks).
    redirect_to: str | None = None
    #: Every request seen: (method, path, headers).
    seen: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    #: The body of every POST and PATCH seen.
    bodies: list[bytes] = field(default_factory=list)
    _served: int = 0

    def next_sync(self) -> bytes:
        answer = self.sync[min(self._served, len(self.sync) - 1)]
        self._served += 1
        if isinstance(answer, bytes):
            return answer
        return b"".join(json.dumps(frame).encode() + b"\n" for frame in answer)


class _Handler(BaseHTTPRequestHandler):
    script: Script

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def _answer(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirected(self) -> bool:
        if self.script.redirect_to is None:
            return False
        self.send_response(307)
        self.send_header("Location", self.script.redirect_to + self.path)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return True

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.script.seen.append(("POST", self.path, dict(self.headers)))
        self.script.bodies.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        if self._redirected():
            return
        if self.path == "/api/v1/sync":
            self._answer(self.script.status, self.script.next_sync())
        elif self.path.startswith("/api/v1/conflicts/"):
            self._answer(204, b"")
        elif self.path == "/api/v1/attachments":
            self._answer(200, json.dumps({"sha256": "0" * 64, "size": 0, "offset": 0, "complete": True}).encode())
        else:
            self._answer(404, b'{"detail": "no"}')

    def do_PATCH(self) -> None:  # noqa: N802
        self.do_POST()

    def do_GET(self) -> None:  # noqa: N802
        self.script.seen.append(("GET", self.path, dict(self.headers)))
        if self._redirected():
            return
        if self.path.startswith("/api/v1/attachments/"):
            name = self.path.split("/api/v1/attachments/", 1)[1].split("?", 1)[0]
            if name in self.script.files:
                self._answer(200, self.script.files[name], "application/octet-stream")
                return
        if self.path == "/api/v1/health":
            self._answer(200, b'{"ok": true}')
            return
        self._answer(404, b'{"detail": "No such file shared with you."}')


@contextmanager
def fake_server(script: Script) -> Iterator[str]:
    handler = type("Handler", (_Handler,), {"script": script})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def profile_signed_in_to(url: str, root: Path) -> tuple[DataPaths, RecordStore, str]:
    """A laptop whose default profile believes it is signed in to ``url`` as thandi."""
    paths = DataPaths.resolve(root)
    paths.ensure()
    store = RecordStore.open(paths.database())
    user_id = new_id()
    CredentialStore(paths.root, "default").save(Credentials(
        server=url, username="thandi", user_id=user_id, display_name="Thandi", refresh_token="r" * 40,
        access_token="a" * 40, access_expires_at="2099-01-01T00:00:00+00:00"))
    return paths, store, user_id


#: When the fake server says a record reached it.
AT = "2026-11-20T09:00:00.000Z"


def record_out(record: Any, owner: str = "colleague", **field_overrides: Any) -> dict[str, Any]:
    fields = {k: v for k, v in encode(record).items()
              if k not in ("id", "owner_id", "created_at", "updated_at", "revision", "sync_state", "sync_error")}
    return {"t": record.record_type, "r": record.id, "rev": 1, "o": owner, "f": {**fields, **field_overrides},
            "h": "0001763629200000-00000-x", "at": AT}
